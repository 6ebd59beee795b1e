"""Relevance on real-sounding needs: the right specialty is first, and the reason is shown."""

from __future__ import annotations

import pytest

from dispatch_app.matching.relevance import ExpertIndex, analyse_need, bigrams, topic_table

# Specialties as the demo and real 专家库 write them.
DOCS = [
    "阀门设计、密封技术",
    "流体机械、铸造工艺",
    "纺织材料、服装工程",
    "鞋材工艺、皮革化学",
    "低压电器设计、电气自动化",
    "高分子材料、复合材料",
    "机械设计、数控技术",
    "模具设计、注塑成型",
    "胶粘剂、高分子材料",
    "软件工程、大数据",
]


@pytest.fixture(scope="module")
def index() -> ExpertIndex:
    return ExpertIndex(DOCS)


@pytest.mark.parametrize(
    ("need", "industry", "best", "term"),
    [
        ("阀门密封泄漏", "泵阀", "阀门设计、密封技术", "阀门"),
        ("注塑模具", "", "模具设计、注塑成型", "模具"),
        ("鞋材胶粘", "鞋业", None, None),  # two good answers, checked below
        ("电气开关", "电气", "低压电器设计、电气自动化", "电气"),
        ("水性胶粘剂替代溶剂型胶", "鞋业", "胶粘剂、高分子材料", "胶粘剂"),
        ("企业数据中台建设", "数字经济", "软件工程、大数据", "软件数字化"),
    ],
)
def test_best_specialty(index, need, industry, best, term) -> None:
    n = analyse_need(need, industry)
    scores = index.score_all(n)
    order = sorted(range(len(DOCS)), key=lambda i: -scores[i])
    if best is None:
        assert {DOCS[order[0]], DOCS[order[1]]} == {"胶粘剂、高分子材料", "鞋材工艺、皮革化学"}
        return
    assert DOCS[order[0]] == best
    assert scores[order[0]] > scores[order[1]]
    assert term in index.shared_terms(order[0], n)


def test_unrelated_specialty_scores_zero(index) -> None:
    scores = index.score_all(analyse_need("阀门密封泄漏", "泵阀"))
    assert scores[DOCS.index("纺织材料、服装工程")] == 0.0


def test_scores_within_unit_interval(index) -> None:
    for need in ("阀门阀门阀门密封", "鞋", "材料材料", "ERP 与 MES 系统"):
        for s in index.score_all(analyse_need(need)):
            assert 0.0 <= s <= 1.0 + 1e-9


def test_empty_need_scores_nothing(index) -> None:
    n = analyse_need("   ", "泵阀")
    assert n.empty
    assert index.score_all(n) == [0.0] * len(DOCS)


def test_overlapping_keywords_all_found() -> None:
    found = topic_table().find("注塑模具")
    assert "注塑成型" in found and "模具" in found


def test_bigrams_split_on_punctuation() -> None:
    assert bigrams("阀门、密封") == {"阀门": 1, "密封": 1}
    assert bigrams("CE认证") == {"CE": 1, "E认": 1, "认证": 1}


def test_industry_adds_topics_at_half_weight() -> None:
    n = analyse_need("泄漏", "泵阀")
    assert n.weight("密封") == 1.0 and n.weight("流体控制") == 0.5
