"""Personal data the program must not keep (PIPL: only what the work needs).

The bureau's spreadsheets sometimes carry a 身份证号 (ID number) column beside an expert or a
contact. The work never needs it, so an import drops such a column before any cell of it is
read into a record, whatever its header matched or the user mapped it to, and says so.
"""

from __future__ import annotations

from .columns import header_key

# Header spellings of an ID-number column (compared in header_key form).
_ID_HEADERS = {
    header_key(h)
    for h in (
        "身份证号",
        "身份证号码",
        "身份证",
        "居民身份证号",
        "居民身份证号码",
        "公民身份号码",
        "身份证件号码",
        "证件号码",
        "证件号",
        "ID number",
        "ID card",
        "ID card number",
        "ID no",
        "id_number",
        "idcard",
    )
}

NOTICE_ZH = "已删除「{}」列：本程序不保存身份证号（个人信息只保存工作需要的）"
NOTICE_EN = "The column '{}' was dropped: ID numbers are never stored (personal data)"


def is_id_number_header(header: object) -> bool:
    return header_key(header) in _ID_HEADERS


def id_number_columns(headers: list[str]) -> list[int]:
    """Positions of the ID-number columns in a header row."""
    return [i for i, h in enumerate(headers) if is_id_number_header(h)]


def notice(header: str) -> str:
    name = header.strip()
    return f"{NOTICE_ZH.format(name)} / {NOTICE_EN.format(name)}"
