"""Mainland phone numbers: one canonical form so the same contact is recognised everywhere.

Mobile numbers are stored as 11 digits (13812345678); landlines as ``area-number``
(0577-88881234), with an extension after 转 (0577-88881234转8001). Service numbers
(400/800) are accepted as ``400-123-4567`` because enterprises often list them as their contact.
"""

from __future__ import annotations

import math
import re

from .problems import InvalidValue
from .text import normalize_token

_STRIP = re.compile(r"[\s\-‐‑–—()（）.·_]+")
_EXTENSION = re.compile(r"^(.*?)(?:转|分机|ext\.?|x|#)(\d{1,6})$", re.IGNORECASE)
_INTL_PREFIX = re.compile(r"^(?:\+86|0086|\+0086)")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0(?:(10|2\d)|([3-9]\d{2}))(\d{7,8})")
_SERVICE = re.compile(r"([48]00)(\d{3})(\d{4})")
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_SEVERAL = re.compile(r"[/、,，;；]")

_LABEL_ZH = "电话号码"
_LABEL_EN = "Phone number"


def parse_phone(raw: object) -> str:
    """Canonical number, ``""`` for an empty cell, InvalidValue for anything unusable."""
    if raw is None:
        return ""
    if isinstance(raw, float):
        if math.isnan(raw):
            return ""
        if raw.is_integer():
            raw = int(raw)  # a spreadsheet number cell: 13812345678.0
    text = normalize_token(raw)
    if not text:
        return ""
    if _SEVERAL.search(text):
        raise InvalidValue(
            f"{_LABEL_ZH}「{text}」中似乎有多个号码，每格只能填写一个号码",
            f"{_LABEL_EN} '{text}' seems to hold several numbers; enter one number per cell",
        )
    compact = _STRIP.sub("", text)
    extension = ""
    m = _EXTENSION.match(compact)
    if m:
        compact, extension = m.group(1), m.group(2)
    international = bool(_INTL_PREFIX.match(compact))
    if international:
        compact = _INTL_PREFIX.sub("", compact)
        if compact and compact[0] != "1" and compact[0] != "0":
            compact = "0" + compact  # +86 577 8888 1234: the trunk 0 is dropped abroad
    elif compact.startswith("86") and _MOBILE.fullmatch(compact[2:]):
        compact = compact[2:]
    if compact.startswith("0") and _MOBILE.fullmatch(compact[1:]):
        compact = compact[1:]  # 013812345678: a trunk 0 dialled before a mobile
    if _MOBILE.fullmatch(compact):
        if extension:
            raise _invalid(text)
        return compact
    m = _LANDLINE.fullmatch(compact)
    if m:
        area = "0" + (m.group(1) or m.group(2))
        number = m.group(3)
        return f"{area}-{number}" + (f"转{extension}" if extension else "")
    m = _SERVICE.fullmatch(compact)
    if m and not international:
        return "-".join(m.groups()) + (f"转{extension}" if extension else "")
    if _LOCAL.fullmatch(compact):
        raise InvalidValue(
            f"{_LABEL_ZH}「{text}」缺少区号，固定电话请加区号（如温州 0577-88881234）",
            f"{_LABEL_EN} '{text}' lacks an area code; write landlines with it "
            "(e.g. Wenzhou 0577-88881234)",
        )
    if compact.isdigit() and compact.startswith("1") and len(compact) == 11:
        raise InvalidValue(
            f"{_LABEL_ZH}「{text}」不是有效的手机号码（第二位应为3–9）",
            f"{_LABEL_EN} '{text}' is not a valid mobile number (second digit must be 3-9)",
        )
    raise _invalid(text)


def _invalid(text: str) -> InvalidValue:
    return InvalidValue(
        f"{_LABEL_ZH}「{text}」无法识别：应为11位手机号码（如 13812345678）"
        "或带区号的固定电话（如 0577-88881234，分机写在“转”后）",
        f"{_LABEL_EN} '{text}' is not recognised: enter an 11-digit mobile number "
        "(e.g. 13812345678) or a landline with its area code (e.g. 0577-88881234, "
        "extension after 转 or ext)",
    )


def mask_phone(p: str) -> str:
    """Number with its middle hidden, for printouts and screens seen over a shoulder."""
    if not p:
        return ""
    if _MOBILE.fullmatch(p):
        return f"{p[:3]}****{p[-4:]}"
    head, sep, rest = p.partition("-")
    if sep:
        number, zhuan, ext = rest.partition("转")
        if "-" in number:  # 400-123-4567
            mid, _, last = number.partition("-")
            return f"{head}-{'*' * len(mid)}-{last}" + zhuan + ext
        hidden = "*" * max(len(number) - 4, 0) + number[-4:]
        return f"{head}-{hidden}" + zhuan + ext
    if len(p) <= 4:
        return "*" * len(p)
    return p[:2] + "*" * (len(p) - 4) + p[-2:]
