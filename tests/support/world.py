"""Builders for a small world made through the services, as a coordinator would."""

from __future__ import annotations

from datetime import date

from dispatch_app.domain.uscc import make_uscc

TODAY = date(2026, 6, 30)


def enterprise_raw(n: int = 1, district: str = "乐清市", **extra) -> dict:
    adcode = {"乐清市": "330382", "鹿城区": "330302", "瑞安市": "330381"}.get(district, "330382")
    return {
        "uscc": make_uscc("9", "1", adcode, f"{n:07d}A"[-8:]),
        "name": f"乐清市正泰{n}号电气有限公司",
        "district_code": district,
        "industry": "电气",
        "contact_phone": "138 1234 5678",
        **extra,
    }
