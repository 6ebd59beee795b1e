"""Progress toward the year's targets: definitions, pacing, queries and the one ``dashboard``
function every front (window, command line, printed brief) draws from. No Qt here."""

from __future__ import annotations

from .figures import dashboard, meeting_list, resolve_scope
from .model import Dashboard, DistrictRow, Figure, FollowUpRow, MeetingItem, MonthPoint, Slice

__all__ = [
    "Dashboard",
    "DistrictRow",
    "Figure",
    "FollowUpRow",
    "MeetingItem",
    "MonthPoint",
    "Slice",
    "dashboard",
    "meeting_list",
    "resolve_scope",
]
