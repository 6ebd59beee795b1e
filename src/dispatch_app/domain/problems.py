"""How the domain reports bad input: every problem, bilingual, tied to a field."""

from __future__ import annotations

from dataclasses import dataclass


class InvalidValue(ValueError):
    """One value is wrong. The caller knows which field it came from and wraps it."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


@dataclass(frozen=True)
class FieldProblem:
    """A problem with one field of one record: what, where, and the value seen."""

    field: str
    zh: str
    en: str
    value: str = ""

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class ValidationError(ValueError):
    """A record was refused; ``problems`` lists every field problem at once."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        text = "; ".join(f"{p.field}: {p.zh}" for p in self.problems)
        super().__init__(text or "invalid record")

    def for_field(self, field: str) -> list[FieldProblem]:
        return [p for p in self.problems if p.field == field]


class DuplicateRecord(ValidationError):
    """A record with the same natural key exists; ``existing_id`` points at it."""

    def __init__(self, problem: FieldProblem, existing_id: str) -> None:
        super().__init__([problem])
        self.existing_id = existing_id


class NotFound(LookupError):
    """A record id that the database does not hold."""


class HistoryProtected(ValueError):
    """A delete that would break history (visits, appointments, cases point at the record)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
