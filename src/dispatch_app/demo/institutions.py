"""Wenzhou's universities and research institutes that second experts, as the demo uses them.

Only institutions known to exist are listed. Locations are given to the district only (plus
the 茶山 higher-education park and 丽岙 where that is well known); coordinates are the district
centre jittered by a few kilometres, which is as precise as the demo needs for distance ranking.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Institution:
    name: str
    district: str  # adcode
    area: str  # street/park written before the name in the expert's address ("" if unknown)
    kind: str  # "university" / "college" (vocational) / "institute"
    weight: float  # share of the expert pool
    industries: tuple[tuple[str, float], ...]  # which industries its experts serve


INSTITUTIONS: tuple[Institution, ...] = (
    Institution(
        "温州大学",
        "330304",
        "茶山街道",
        "university",
        20,
        (
            ("电气", 3),
            ("智能装备", 3),
            ("新材料", 2),
            ("数字经济", 2),
            ("鞋业", 1.5),
            ("新能源", 1.5),
            ("服装", 1),
            ("泵阀", 1),
            ("其他", 1),
        ),
    ),
    Institution(
        "温州医科大学",
        "330304",
        "茶山街道",
        "university",
        14,
        (("生命健康", 6), ("眼镜", 2), ("新材料", 0.5), ("其他", 0.5)),
    ),
    Institution(
        "温州理工学院",
        "330304",
        "",
        "university",
        8,
        (("数字经济", 3), ("智能装备", 2), ("电气", 2), ("服装", 1), ("其他", 1)),
    ),
    Institution(
        "温州职业技术学院",
        "330304",
        "茶山街道",
        "college",
        10,
        (("智能装备", 3), ("电气", 2), ("汽摩配", 2), ("鞋业", 1.5), ("泵阀", 1), ("眼镜", 0.5)),
    ),
    Institution(
        "浙江工贸职业技术学院",
        "330304",
        "",
        "college",
        7,
        (("汽摩配", 2), ("智能装备", 2), ("服装", 1.5), ("印刷包装", 1.5), ("数字经济", 1)),
    ),
    Institution(
        "温州肯恩大学",
        "330304",
        "丽岙街道",
        "university",
        4,
        (("数字经济", 2), ("新材料", 1.5), ("生命健康", 1), ("其他", 1)),
    ),
    Institution(
        "温州科技职业学院",
        "330304",
        "",
        "college",
        5,
        (("生命健康", 2), ("其他", 2), ("数字经济", 1), ("新能源", 1)),
    ),
    Institution(
        "浙江东方职业技术学院",
        "330303",
        "",
        "college",
        3,
        (("数字经济", 2), ("智能装备", 1.5), ("服装", 1), ("印刷包装", 1)),
    ),
    Institution(
        "浙江大学温州研究院",
        "330303",
        "",
        "institute",
        10,
        (
            ("智能装备", 2),
            ("新材料", 2),
            ("数字经济", 2),
            ("电气", 1.5),
            ("泵阀", 1.5),
            ("新能源", 1),
        ),
    ),
    Institution(
        "中国科学院大学温州研究院",
        "330303",
        "",
        "institute",
        8,
        (("生命健康", 3), ("新材料", 2), ("眼镜", 0.5)),
    ),
    Institution(
        "温州市工业科学研究院",
        "330302",
        "",
        "institute",
        11,
        (
            ("泵阀", 2),
            ("电气", 2),
            ("新材料", 1.5),
            ("智能装备", 1.5),
            ("汽摩配", 1.5),
            ("鞋业", 1),
            ("印刷包装", 1),
            ("其他", 1),
        ),
    ),
)

# Titles by kind of institution: (title, weight, seniority 0-2).
TITLES: dict[str, tuple[tuple[str, float, int], ...]] = {
    "university": (
        ("教授", 3, 2),
        ("副教授", 4, 1),
        ("讲师", 2, 0),
        ("研究员", 0.6, 2),
        ("副研究员", 0.6, 1),
        ("高级工程师", 0.6, 1),
    ),
    "college": (
        ("教授", 1.5, 2),
        ("副教授", 4, 1),
        ("讲师", 3, 0),
        ("高级工程师", 2, 1),
        ("正高级工程师", 0.5, 2),
        ("工程师", 1, 0),
    ),
    "institute": (
        ("研究员", 2.5, 2),
        ("副研究员", 3, 1),
        ("正高级工程师", 1, 2),
        ("高级工程师", 3, 1),
        ("工程师", 1.5, 0),
        ("助理研究员", 1, 0),
    ),
}

# Chance that an expert of this seniority is registered as able to serve as 科技副总.
VP_CHANCE = (0.15, 0.7, 0.92)
