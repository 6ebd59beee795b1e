"""The workbench's pages, in navigation order: one table every part of the GUI reads.

It lives apart from ``main_window`` so that the menus (``actions``) and the unsaved-input
guard (``unsaved``) can list the pages without importing the window that imports them.
A new page adds one row here: its key, its title (marked for translation) and where its
class lives; the class is imported when the page is first shown, so start-up pays only for
the page on screen.
"""

from __future__ import annotations

from typing import NamedTuple

from .i18n import N_


class PageEntry(NamedTuple):
    key: str
    title: str  # English source string; shown through tr()
    module: str  # module under dispatch_app.gui.pages
    cls: str


ENTRIES: tuple[PageEntry, ...] = (
    PageEntry("home", N_("Workbench"), "home_page", "HomePage"),
    PageEntry("dashboard", N_("Progress"), "dashboard_page", "DashboardPage"),
    PageEntry("enterprises", N_("Enterprises"), "enterprises_page", "EnterprisesPage"),
    PageEntry("experts", N_("Experts"), "experts_page", "ExpertsPage"),
    PageEntry("teams", N_("Teams"), "teams_page", "TeamsPage"),
    PageEntry("appointments", N_("Tech VPs"), "appointments_page", "AppointmentsPage"),
    PageEntry("visits", N_("Visits"), "visits_page", "VisitsPage"),
    PageEntry("cases", N_("Cases"), "cases_page", "CasesPage"),
    PageEntry("follow_ups", N_("Follow-ups"), "follow_ups_page", "FollowUpsPage"),
    PageEntry("planning", N_("Planning"), "planning_page", "PlanningPage"),
    PageEntry("map", N_("Map"), "map_page", "MapPage"),
    PageEntry("reports", N_("Reports"), "reports_page", "ReportsPage"),
)

# (key, title) pairs in navigation order.
PAGES: tuple[tuple[str, str], ...] = tuple((e.key, e.title) for e in ENTRIES)


def page_class(key: str) -> type:
    """The page's class, imported now (the first time the page is shown)."""
    import importlib

    entry = next(e for e in ENTRIES if e.key == key)
    module = importlib.import_module(f"{__package__}.pages.{entry.module}")
    return getattr(module, entry.cls)


def page_shortcut(index: int) -> str | None:
    """The key that shows the page at ``index`` (0-based): Ctrl+1 … Ctrl+9, Ctrl+0 for the
    tenth, then Ctrl+Alt+1 …; "Ctrl+10" would be no key at all."""
    if index < 9:
        return f"Ctrl+{index + 1}"
    if index == 9:
        return "Ctrl+0"
    if index < 19:
        return f"Ctrl+Alt+{index - 9}"
    return None
