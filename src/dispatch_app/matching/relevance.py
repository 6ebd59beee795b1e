"""How well an expert's specialties answer an enterprise's needs: offline, explainable.

Two signals, both over Chinese text without a word segmenter:

- **Topics** from a small curated table (``resources/reference/matching_topics.csv``): each
  topic lists the keywords that name it (阀门, 泄漏 and 密封 name 流体控制 / 密封; 胶粘剂 names
  胶粘). A keyword found in both texts is evidence a reader understands, and it is what the
  explanation shows: "(阀门, 流体控制)". Topics are weighted by rarity among the experts (a
  topic every expert has explains little).
- **Character bigrams with TF-IDF and cosine similarity**: catches overlaps the table lacks
  (two texts sharing 激光焊接) without a dictionary. Chinese words are mostly two characters,
  so bigrams are the usual segmenter-free unit.

relevance = 0.7 × topic coverage + 0.3 × bigram cosine (both in 0..1), where topic coverage is
the idf-weighted share of the need's topics that the expert covers.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ..paths import resource

TOPIC_WEIGHT = 0.7
BIGRAM_WEIGHT = 0.3
INDUSTRY_TOPIC_WEIGHT = 0.5
_NOT_HAN_OR_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Topic:
    name: str
    keywords: tuple[str, ...]
    industries: tuple[str, ...]


class TopicTable:
    """Keyword → topic lookups over the curated table (built once, :func:`topic_table`)."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = list(topics)
        self._by_keyword: dict[str, list[str]] = {}
        for t in self.topics:
            for k in (t.name, *t.keywords):
                names = self._by_keyword.setdefault(k.upper(), [])
                if t.name not in names:
                    names.append(t.name)
        keys = sorted(self._by_keyword, key=len, reverse=True)
        # A lookahead finds the longest keyword starting at *every* position (overlaps kept:
        # 注塑模具 yields 注塑 and 模具).
        self._pattern = re.compile("(?=(" + "|".join(re.escape(k) for k in keys) + "))")

    def find(self, text: str) -> dict[str, list[str]]:
        """topic → keywords of it found in ``text`` (in order of appearance)."""
        found: dict[str, list[str]] = {}
        for m in self._pattern.finditer(text.upper()):
            word = m.group(1)
            for topic in self._by_keyword[word]:
                words = found.setdefault(topic, [])
                if word not in words:
                    words.append(word)
        return found


@cache
def topic_table() -> TopicTable:
    with resource("reference", "matching_topics.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return TopicTable(
        [
            Topic(r["topic"], tuple(r["keywords"].split("|")), tuple(r["industries"].split("|")))
            for r in rows
        ]
    )


def bigrams(text: str) -> dict[str, int]:
    """Character bigrams of each run of letters/digits/Han characters (counts)."""
    out: dict[str, int] = {}
    for run in _NOT_HAN_OR_WORD.split(text.upper()):
        if len(run) == 1:
            out[run] = out.get(run, 0) + 1
        for i in range(len(run) - 1):
            g = run[i : i + 2]
            out[g] = out.get(g, 0) + 1
    return out


@dataclass
class Need:
    """An enterprise's needs, analysed once per ranking."""

    text: str
    topics: dict[str, list[str]]  # topic → keywords found in the need
    grams: dict[str, int]
    weights: dict[str, float] | None = None  # topic → 1.0 (from the text) or 0.5 (industry)

    def weight(self, topic: str) -> float:
        return 1.0 if self.weights is None else self.weights.get(topic, 1.0)

    @property
    def empty(self) -> bool:
        return not self.topics and not self.grams


def analyse_need(needs_text: str, industry: str = "") -> Need:
    """The need's topics and bigrams; the industry only adds to a need that has text."""
    text = needs_text.strip()
    if not text:
        return Need("", {}, {})
    table = topic_table()
    topics = table.find(text)
    weights = dict.fromkeys(topics, 1.0)
    # The industry's name adds its own keywords (泵阀 → 流体控制) at half weight.
    for topic, words in table.find(industry).items():
        if topic not in topics:
            topics[topic] = words
            weights[topic] = INDUSTRY_TOPIC_WEIGHT
    return Need(text, topics, bigrams(text), weights)


class ExpertIndex:
    """Topics and TF-IDF bigram vectors of many experts' specialties, for fast scoring.

    Built once per candidate set; :meth:`score_all` then costs one pass over the inverted
    lists of the need's bigrams and topics (experts sharing nothing cost nothing).
    """

    def __init__(self, docs: Sequence[str]) -> None:
        table = topic_table()
        n = len(docs)
        self.size = n
        self.topics: list[dict[str, list[str]]] = [table.find(d) for d in docs]
        grams = [bigrams(d) for d in docs]
        df: dict[str, int] = {}
        for g in grams:
            for k in g:
                df[k] = df.get(k, 0) + 1
        tdf: dict[str, int] = {}
        for t in self.topics:
            for k in t:
                tdf[k] = tdf.get(k, 0) + 1
        self.idf = {k: math.log((1 + n) / (1 + v)) + 1.0 for k, v in df.items()}
        self.topic_idf = {k: math.log((1 + n) / (1 + v)) + 1.0 for k, v in tdf.items()}
        self._default_topic_idf = math.log(1 + n) + 1.0
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for i, g in enumerate(grams):
            weights = {k: c * self.idf[k] for k, c in g.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for k, w in weights.items():
                self._postings.setdefault(k, []).append((i, w / norm))
        self._topic_postings: dict[str, list[int]] = {}
        for i, t in enumerate(self.topics):
            for k in t:
                self._topic_postings.setdefault(k, []).append(i)

    def topic_weight(self, topic: str) -> float:
        return self.topic_idf.get(topic, self._default_topic_idf)

    def score_all(self, need: Need) -> list[float]:
        """Relevance in 0..1 of every expert to ``need`` (all zeros for an empty need)."""
        scores = [0.0] * self.size
        if need.empty:
            return scores
        # Bigram cosine: the need's vector weighted by the experts' idf (unknown grams drop).
        q = {k: c * self.idf[k] for k, c in need.grams.items() if k in self.idf}
        qn = math.sqrt(sum(w * w for w in q.values()))
        if qn:
            for k, w in q.items():
                wq = BIGRAM_WEIGHT * w / qn
                for i, we in self._postings[k]:
                    scores[i] += wq * we
        if need.topics:
            total = sum(self.topic_weight(t) * need.weight(t) for t in need.topics)
            for t in need.topics:
                share = TOPIC_WEIGHT * self.topic_weight(t) * need.weight(t) / total
                for i in self._topic_postings.get(t, ()):
                    scores[i] += share
        return scores

    def shared_terms(self, i: int, need: Need, limit: int = 3) -> list[str]:
        """What to show in the explanation: shared keywords, then the shared topics' names."""
        mine = self.topics[i]
        shared = [t for t in need.topics if t in mine]
        shared.sort(key=lambda t: -self.topic_weight(t) * need.weight(t))
        words: list[str] = []
        for t in shared:
            for w in mine[t]:
                if w in need.topics[t] and w not in words and w != t:
                    words.append(w)
                    break
        names = [t for t in shared if t not in words]
        return _unique([*words[:2], *names])[:limit]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
