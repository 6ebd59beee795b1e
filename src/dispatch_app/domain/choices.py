"""Closed vocabularies: stored as stable English codes, shown with Chinese/English labels.

Codes never change (they are what the database and merges compare); labels are what the
bureau's template and the UI show. ``from_label`` accepts either language or the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import InvalidValue


@dataclass(frozen=True)
class Choice:
    code: str
    zh: str
    en: str


class Vocabulary:
    def __init__(self, name_zh: str, name_en: str, choices: list[Choice]) -> None:
        self.name_zh = name_zh
        self.name_en = name_en
        self.choices = choices
        self._lookup: dict[str, str] = {}
        for c in choices:
            for key in (c.code, c.zh, c.en):
                self._lookup[key.strip().lower()] = c.code

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.choices]

    def label(self, code: str, lang: str = "zh") -> str:
        for c in self.choices:
            if c.code == code:
                return c.en if lang == "en" else c.zh
        return code

    def from_label(self, raw: str) -> str:
        """Code for a label, an English label or a code; InvalidValue otherwise."""
        code = self._lookup.get(str(raw).strip().lower())
        if code is None:
            allowed_zh = " / ".join(c.zh for c in self.choices)
            allowed_en = " / ".join(c.en for c in self.choices)
            raise InvalidValue(
                f"{self.name_zh}「{raw}」不在可选范围内，应为：{allowed_zh}",
                f"{self.name_en} '{raw}' is not one of: {allowed_en}",
            )
        return code


APPOINTMENT_STATUS = Vocabulary(
    "状态",
    "status",
    [
        Choice("proposed", "拟派", "Proposed"),
        Choice("active", "在岗", "Active"),
        Choice("completed", "期满", "Completed"),
        Choice("ended_early", "提前结束", "Ended early"),
        Choice("withdrawn", "撤回", "Withdrawn"),
    ],
)
# An appointment counts toward its batch year once the expert was actually seconded.
APPOINTMENT_COUNTED = ("active", "completed", "ended_early")

VISIT_STATUS = Vocabulary(
    "状态",
    "status",
    [
        Choice("completed", "已完成", "Completed"),
        Choice("planned", "计划中", "Planned"),
        Choice("cancelled", "已取消", "Cancelled"),
    ],
)

VISIT_TYPE = Vocabulary(
    "服务类型",
    "visit type",
    [
        Choice("diagnosis", "技术诊断", "Technical diagnosis"),
        Choice("matchmaking", "项目对接", "Project matchmaking"),
        Choice("policy", "政策宣讲", "Policy briefing"),
        Choice("revisit", "回访", "Follow-up visit"),
        Choice("other", "其他", "Other"),
    ],
)

ENTERPRISE_SIZE = Vocabulary(
    "企业规模",
    "size",
    [
        Choice("above", "规上", "Above designated size"),
        Choice("below", "规下", "Below designated size"),
    ],
)

FOLLOW_UP_STATUS = Vocabulary(
    "跟进状态",
    "follow-up status",
    [Choice("open", "未办结", "Open"), Choice("closed", "已办结", "Closed")],
)

QUALIFICATIONS = [
    "高新技术企业",
    "科技型中小企业",
    "专精特新",
    "小巨人",
    "省科技型企业",
    "科技领军企业",
]

# "5+5+N": Wenzhou's five traditional and five emerging industry clusters, plus others.
INDUSTRIES = [
    "电气",
    "鞋业",
    "服装",
    "汽摩配",
    "泵阀",
    "数字经济",
    "智能装备",
    "生命健康",
    "新能源",
    "新材料",
    "眼镜",
    "印刷包装",
    "其他",
]

CITY_SCOPE = "330300"  # 温州市 adcode: the city-wide target's scope
