"""The arrows between packages run one way: the core never imports Qt, gui/ has no import circle.

Read from the source with ``ast`` (nothing is imported), so a new module is checked the moment
it exists. "Core" is every package under ``dispatch_app`` except ``gui/`` and the CLI's
``gui_commands`` (the one place the command line starts the window).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import dispatch_app

ROOT = Path(dispatch_app.__file__).parent
GUI_OUTSIDE = {"cli/gui_commands.py"}  # core-side modules allowed to reach the window


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute name a ``from ... import`` refers to (relative levels resolved)."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _top_level_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports run when the module is loaded (not those in functions or ``TYPE_CHECKING``)."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and not _is_type_checking(node):
            stack += node.body + node.orelse
        elif isinstance(node, ast.Try):
            stack += node.body + node.orelse + node.finalbody
            for handler in node.handlers:
                stack += handler.body


def imported_names(path: Path, *, top_level_only: bool) -> set[str]:
    """Absolute module names ``path`` imports (``from a import b`` gives ``a`` and ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = _module_name(path)
    nodes = _top_level_imports(tree) if top_level_only else ast.walk(tree)
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, _is_package(path), node)
            out.add(target)
            out |= {f"{target}.{alias.name}" for alias in node.names}
    return out


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """One import circle as a path ``[a, b, ..., a]``, or None when the graph is acyclic."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def gui_graph() -> dict[str, set[str]]:
    """Module-level imports between gui modules."""
    files = {_module_name(p): p for p in (ROOT / "gui").rglob("*.py")}
    return {
        name: {m for m in imported_names(path, top_level_only=True) if m in files and m != name}
        for name, path in files.items()
    }


def core_files() -> list[Path]:
    return [
        p
        for p in ROOT.rglob("*.py")
        if p.relative_to(ROOT).parts[0] != "gui"
        and p.relative_to(ROOT).as_posix() not in GUI_OUTSIDE
    ]


def test_core_never_imports_qt() -> None:
    files = core_files()
    assert len(files) > 20  # the scan really sees the core packages
    offenders = {
        p.relative_to(ROOT).as_posix(): sorted(
            m for m in imported_names(p, top_level_only=False) if m.split(".")[0] == "PySide6"
        )
        for p in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_never_imports_the_gui_package_at_load_time() -> None:
    offenders = {
        p.relative_to(ROOT).as_posix(): sorted(
            m
            for m in imported_names(p, top_level_only=True)
            if m == "dispatch_app.gui" or m.startswith("dispatch_app.gui.")
        )
        for p in core_files()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_gui_modules_import_each_other_without_a_circle() -> None:
    graph = gui_graph()
    assert "dispatch_app.gui.main_window" in graph
    assert "dispatch_app.gui.page_registry" in graph["dispatch_app.gui.main_window"]
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_cycle_finder_sees_a_circle_and_its_absence() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_relative_imports_resolve_from_module_and_package(tmp_path: Path) -> None:
    module = ast.parse("from ..store import errors\nfrom . import fields\n").body
    assert isinstance(module[0], ast.ImportFrom) and isinstance(module[1], ast.ImportFrom)
    assert _resolve("dispatch_app.gui.forms.x", False, module[0]) == "dispatch_app.gui.store"
    assert _resolve("dispatch_app.gui.forms", True, module[1]) == "dispatch_app.gui.forms"
    assert _resolve("dispatch_app.gui.forms.x", False, module[1]) == "dispatch_app.gui.forms"


# -- what the window imports before its first paint ---------------------------------------
# Run as a user starts it (``dispatch-app --db X --quit-when-ready``, which exits right after
# the first page painted its rows) in a fresh process, then read ``sys.modules``: a module
# that start-up does not need but someone imports at a module's top shows up here, without
# any timing. Each entry cost milliseconds of start-up when it was measured (bench/README).
NOT_BEFORE_FIRST_PAINT = (
    # the core packages of other pages and of the command line
    "dispatch_app.matching",
    "dispatch_app.planning",
    "dispatch_app.reports",
    "dispatch_app.geo",
    "dispatch_app.progress",  # the home page's figures come from a worker after the paint
    "dispatch_app.exchange",
    "dispatch_app.services",  # but for its small pick-list queries (ALLOWED_EARLY)
    "dispatch_app.demo",
    "dispatch_app.backup",
    "dispatch_app.domain.text",  # pinyin
    "dispatch_app.gui.exchange",  # the import/export submenu, filled after the paint
    "dispatch_app.gui.dialogs.visit_dialog",
    "dispatch_app.gui.forms",
    "dispatch_app.gui.map",
    # libraries: heavy, and needed only by those
    "openpyxl",
    "pypinyin",
    "reportlab",
    "geopy",
    "sqlite_utils",  # only for schema upgrades
    "numpy",
    "PySide6.QtPdf",
    "PySide6.QtPrintSupport",
    # standard modules pulled in by a careless top-level import
    "asyncio",
    "uuid",  # imports platform (writer lock tokens use os.urandom)
    "socket",  # the lock's host name is os.uname() on POSIX
    "logging.handlers",  # the log file is set up at its first record
    "platform",  # the crash dialog's details only
)
# Light parts of the packages above that a list page needs for its first rows.
ALLOWED_EARLY = frozenset({"dispatch_app.services", "dispatch_app.services.lookup"})

_REPORT_MODULES = """
import json, sys
from dispatch_app.cli.main import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules_at_first_paint(db: Path, config: Path, page: str) -> set[str]:
    import json
    import os
    import subprocess
    import sys

    (config / "dispatch-app.ini").write_text(f"[window]\nlast_page={page}\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DISPATCH_APP_CONFIG": str(config)}
    env.pop("DISPATCH_APP_LOGS", None)
    proc = subprocess.run(
        [sys.executable, "-c", _REPORT_MODULES, "--db", str(db), "--quit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    return set(report["modules"])


def _offenders(modules: set[str]) -> list[str]:
    return sorted(
        m
        for m in modules - ALLOWED_EARLY
        for bad in NOT_BEFORE_FIRST_PAINT
        if m == bad or m.startswith(bad + ".")
    )


def test_the_first_paint_imports_only_what_the_home_page_needs(db_path, tmp_path) -> None:
    modules = _modules_at_first_paint(db_path, tmp_path, "home")
    # The scan sees a real start-up: the window, the page on screen and its queries ran.
    assert {"dispatch_app.gui.pages.home_page", "dispatch_app.store.listing"} <= modules
    assert "dispatch_app.gui.pages.visits_page" not in modules  # other pages: when shown
    assert _offenders(modules) == []


def test_a_list_page_at_start_up_imports_no_other_page(db_path, tmp_path) -> None:
    modules = _modules_at_first_paint(db_path, tmp_path, "visits")
    assert "dispatch_app.gui.pages.visits_page" in modules
    pages = {m for m in modules if m.startswith("dispatch_app.gui.pages.")}
    assert "dispatch_app.gui.pages.home_page" not in pages
    assert _offenders(modules) == []


def test_offenders_are_found_by_prefix() -> None:
    found = {"uuid", "dispatch_app.reports.booklet", "dispatch_app.store", "dispatch_app.services"}
    assert _offenders(found | {"dispatch_app.services.targets"}) == [
        "dispatch_app.reports.booklet",
        "dispatch_app.services.targets",
        "uuid",
    ]
    assert _offenders({"socketserver", "dispatch_app.geography"}) == []
