"""统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.

Layout: 1 registration-authority char, 1 kind char, 6-digit adcode, 9-char organisation code
(GB 11714: 8 body chars + its own check char) and a final check char. Both check characters are
verified, so one mistyped character is always caught. The code is the enterprise's key in the
bureau's merge, so a wrong code silently splits or merges enterprises: refuse it at the door.

Spreadsheets turn an all-digit code into a number with 15 significant digits (``9.14403E+17``,
``914403001922038000``); the lost digits cannot be recovered, so we say what happened instead of
a confusing "check character wrong".
"""

from __future__ import annotations

import math
import random
import re
import string
from operator import mul

from .problems import InvalidValue
from .text import normalize_token

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FORBIDDEN_LETTERS = "IOZSV"
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# GB 11714 values: digits as themselves, letters A=10 … Z=35.
_ORG_VALUE = {c: int(c, 36) for c in string.digits + string.ascii_uppercase}

_LABEL_ZH = "统一社会信用代码"
_LABEL_EN = "Unified social credit code"
_WELL_FORMED = re.compile(r"[0-9A-HJ-NP-RTUW-Y]{18}")
_SEPARATORS = re.compile(r"[\s\-‐‑–—]+")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:\.\d*)?E[+-]?\d+")
_DIGITS_MANGLED = re.compile(r"\d{15}000(?:\.0+)?")


def _weighted(values: dict[str, int], text: str, weights: tuple[int, ...]) -> int:
    """Σ value(character) × weight, as ``zip(text, weights, strict=True)`` would pair them
    (map and operator.mul: a bulk import checks two sums per row)."""
    if len(text) != len(weights):
        raise ValueError(f"expected {len(weights)} characters, got {len(text)}")
    return sum(map(mul, map(values.__getitem__, text), weights))


def org_check_char(body: str) -> str:
    """GB 11714 check character for an 8-character organisation-code body."""
    c = 11 - _weighted(_ORG_VALUE, body, _ORG_WEIGHTS) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_check_char(first17: str) -> str:
    """GB 32100 check character (the 18th) for the first 17 characters."""
    return CHARSET[(31 - _weighted(_VALUE, first17, _WEIGHTS) % 31) % 31]


def normalize_uscc(raw: object) -> str:
    """Half-width, upper-case, without spaces and separators (``9144 0300-1922…`` → one code)."""
    text = raw if isinstance(raw, str) else "" if raw is None else str(raw)
    if len(text) == 18 and _WELL_FORMED.fullmatch(text):
        return text  # fast path: already normal
    return _SEPARATORS.sub("", normalize_token(text)).upper()


def _excel_error(seen: str) -> InvalidValue:
    return InvalidValue(
        f"{_LABEL_ZH}「{seen}」已被表格软件（Excel/WPS）当作数字处理，后几位数字已丢失，无法恢复；"
        "请把该列设为“文本”格式后重新录入完整的18位代码",
        f"{_LABEL_EN} '{seen}' was turned into a number by the spreadsheet (Excel/WPS) and its "
        "last digits were lost; format the column as Text and enter the full 18-character code",
    )


def _looks_mangled(code: str) -> bool:
    return bool(_SCIENTIFIC.fullmatch(code) or _DIGITS_MANGLED.fullmatch(code))


def parse_uscc(raw: object) -> str:
    """The normalised code, or InvalidValue saying precisely what is wrong with it."""
    if isinstance(raw, float):
        if math.isnan(raw):
            raw = ""
        else:
            raise _excel_error(repr(raw))
    code = normalize_uscc(raw)
    if len(code) == 18 and _WELL_FORMED.fullmatch(code):
        if org_check_char(code[8:16]) == code[16] and uscc_check_char(code[:17]) == code[17]:
            return code
        if code.isdigit() and code.endswith("000"):
            raise _excel_error(code)
        if org_check_char(code[8:16]) != code[16]:
            raise InvalidValue(
                f"{_LABEL_ZH}「{code}」第17位（组织机构代码校验位）不符，请逐位核对第9–17位",
                f"{_LABEL_EN} '{code}': the organisation-code check character (17th) does not "
                "match; check characters 9-17",
            )
        raise InvalidValue(
            f"{_LABEL_ZH}「{code}」校验位不符（第18位），请逐位核对是否有字符录入错误",
            f"{_LABEL_EN} '{code}': the check character (18th) does not match; "
            "a character was probably mistyped",
        )
    if not code:
        raise InvalidValue(f"{_LABEL_ZH}不能为空", f"{_LABEL_EN} is required")
    if _looks_mangled(code):
        raise _excel_error(normalize_token(raw))
    bad = sorted({c for c in code if c not in _VALUE}, key=code.index)
    parts_zh: list[str] = []
    parts_en: list[str] = []
    if len(code) != 18:
        parts_zh.append(f"应为18位，实际为{len(code)}位")
        parts_en.append(f"must be 18 characters, got {len(code)}")
    if bad:
        shown = "、".join(bad)
        parts_zh.append(f"含有不允许的字符：{shown}")
        parts_en.append(f"contains characters that are not allowed: {' '.join(bad)}")
        if any(c in FORBIDDEN_LETTERS for c in bad):
            parts_zh.append("代码中不使用字母 I、O、Z、S、V（易与数字 1、0、2、5 等混淆）")
            parts_en.append("the letters I, O, Z, S, V are never used (confusable with digits)")
    raise InvalidValue(
        f"{_LABEL_ZH}「{code}」" + "；".join(parts_zh),
        f"{_LABEL_EN} '{code}': " + "; ".join(parts_en),
    )


def make_uscc(dept: str, kind: str, adcode: str, org_body: str) -> str:
    """A valid code from its parts, computing both check characters (demo data, tests)."""
    if len(dept) != 1 or len(kind) != 1 or dept not in _VALUE or kind not in _VALUE:
        raise ValueError("dept and kind must be single characters from the USCC charset")
    if len(adcode) != 6 or not adcode.isdigit():
        raise ValueError(f"adcode must be 6 digits: {adcode!r}")
    if len(org_body) != 8 or any(c not in _VALUE for c in org_body):
        raise ValueError(f"org_body must be 8 characters from the USCC charset: {org_body!r}")
    first17 = dept + kind + adcode + org_body + org_check_char(org_body)
    return first17 + uscc_check_char(first17)


def random_uscc(rng: random.Random, adcode: str) -> str:
    """A valid enterprise code (``91`` + adcode + random body) for the demo generator."""
    body = "".join(rng.choice(CHARSET) for _ in range(8))
    return make_uscc("9", "1", adcode, body)
