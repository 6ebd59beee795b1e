"""Importing one file of one kind: read, check every row, then write all of it or nothing.

Policy:
- Default **all or nothing**: one invalid row and nothing is written; ``skip_invalid`` writes
  the valid rows and reports the rest; ``dry_run`` checks and counts without writing.
- A row matching an existing record (see ``checks`` for identity) is updated or skipped by
  ``on_existing``; a row equal to what is stored counts as *unchanged* and is not written.
- New records keep the file's 记录编号 and 更新时间 when it has them (so an export imported into
  an empty database exports identically); a local update gets the current time.
- ``mode="merge"`` is the bureau's merge (see ``merge``): rows carry id and updated time, a newer
  row replaces an older record, an older one is ignored, and an undecidable difference (same
  time, different content; the same natural key under another id) is reported as a conflict.
- Columns absent from the file leave those fields of existing records as they are.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path

from .. import clock, logs
from ..domain.records import now_iso
from ..domain.text import normalize_text
from ..store import audit
from ..store.database import Store
from . import personal
from .apply import Plan, apply_plan, classify
from .cells import restore
from .checks import CHECKERS, Checked, RowInvalid
from .columns import SPECS, HeaderMatch, KindSpec, header_key, match_headers
from .error_report import RowProblem
from .existing import Existing
from .lookups import Lookups
from .personal import id_number_columns
from .readers import FileRejected, Limits, Table, open_table
from .stream import BULK_MIN, InsertStream
from .visit_check import VisitChecker
from .writers import Cancelled

HEADER_SEARCH_ROWS = 10
_BULK_GC = (100_000, 50, 100)  # gc thresholds while importing (defaults: 700, 10, 10)


@dataclass
class ImportOptions:
    dry_run: bool = False
    skip_invalid: bool = False
    on_existing: str = "update"  # "update" or "skip"
    mode: str = "import"  # "import" or "merge"
    sheet: str | None = None
    mapping: dict[int, str] | None = None  # column index → field (the wizard's mapping)
    header_row: int | None = None  # spreadsheet row number of the header (default: detected)
    today: date | None = None
    limits: Limits = field(default_factory=Limits)
    progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None


@dataclass
class ImportResult:
    kind: str
    path: str
    source: str = ""  # what was read: "UTF-8（带BOM）", "GB18030/GBK", "XLSX（工作表「…」）"
    encoding: str | None = None
    sheet: str | None = None
    header_row: int = 1
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    conflicts: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        spec = SPECS[self.kind]
        # Nothing written (dry run, refused file): the counts are what *would* be added.
        if self.written:
            verb, add_zh, upd_zh = "已写入 / written", "新增", "更新"
            add_en, upd_en = "added", "updated"
        else:
            verb, add_zh, upd_zh = "未写入 / nothing written", "可新增", "可更新"
            add_en, upd_en = "would add", "would update"
        source = f"（{self.source}）" if self.source else ""
        return (
            f"{spec.zh}（{spec.en}）{self.path}：读取 {self.rows} 行{source}；"
            f"{add_zh} {self.added}，{upd_zh} {self.updated}，未变 {self.unchanged}，"
            f"跳过 {self.skipped}，拒绝 {self.rejected}，冲突 {len(self.conflicts)} — {verb}\n"
            f"read {self.rows} rows; {add_en} {self.added}, {upd_en} {self.updated}, unchanged "
            f"{self.unchanged}, skipped {self.skipped}, rejected {self.rejected}, conflicts "
            f"{len(self.conflicts)}"
        )


def _file_problem(exc: FileRejected) -> RowProblem:
    return RowProblem(exc.row or 0, exc.column, "", exc.zh, exc.en, file_level=True)


def find_header(spec: KindSpec, first_rows: list[tuple[int, list[str]]]) -> int:
    """Index in ``first_rows`` of the header: the first row naming ≥2 template columns.

    Government spreadsheets often carry a title row (“2026年企业名录”) above the header.
    """
    for i, (_, cells) in enumerate(first_rows):
        if len(match_headers(spec, cells).fields) >= 2:
            return i
    for i, (_, cells) in enumerate(first_rows):
        if any(c.strip() for c in cells):
            return i
    return 0


def header_problems(spec: KindSpec, match: HeaderMatch, row: int) -> list[RowProblem]:
    out = [
        RowProblem(
            row, c.zh, "", f"缺少必填列「{c.zh}」", f"Required column '{c.zh}' ({c.en}) is missing"
        )
        for c in match.missing
    ]
    out += [
        RowProblem(
            row,
            header,
            header,
            f"列「{header}」与另一列重复（都对应“{spec.column(f).zh}”）",
            f"Column '{header}' duplicates another column for '{spec.column(f).en}'",
        )
        for header, f in match.duplicated
    ]
    if spec.one_of and not any(f in match.fields.values() for f in spec.one_of):
        names = "、".join(spec.column(f).zh for f in spec.one_of)
        out.append(
            RowProblem(
                row,
                names,
                "",
                f"至少需要以下列之一：{names}",
                f"At least one of these columns is needed: {names}",
            )
        )
    return out


def preview(
    path: str | Path,
    kind: str,
    *,
    sheet: str | None = None,
    rows: int = 20,
    limits: Limits | None = None,
) -> tuple[Table, int, list[str], list[list[str]]]:
    """For the wizard: the opened table, header row number, header cells and first rows."""
    table = open_table(path, sheet=sheet, limits=limits or Limits())
    first = []
    for item in table.rows:
        first.append(item)
        if len(first) >= HEADER_SEARCH_ROWS + rows:
            break
    close = getattr(table.rows, "close", None)
    if close:
        close()
    head = find_header(SPECS[kind], first[:HEADER_SEARCH_ROWS])
    header_no, headers = first[head] if first else (1, [])
    body = [cells for _, cells in first[head + 1 : head + 1 + rows]]
    return table, header_no, headers, body


def import_file(
    store: Store,
    kind: str,
    path: str | Path,
    options: ImportOptions | None = None,
    lookups: Lookups | None = None,
) -> ImportResult:
    """Import ``path`` as ``kind``; see the module docstring for the policy."""
    options = options or ImportOptions()
    result = ImportResult(kind=kind, path=str(path))
    # A bulk load makes many long-lived, acyclic objects; with the default thresholds the
    # collector would rescan them over and over (0.15 s for 100k visits). Rare collections
    # cost as little as switching the collector off, and cycles are still collected.
    thresholds = gc.get_threshold()
    gc.set_threshold(*_BULK_GC)
    # Each written record's audit row says it came from an import or a merge (store/audit.py).
    action = "merge" if options.mode == "merge" else "import"
    try:
        with audit.acting(store.conn, action):
            if kind == "visits" and not options.dry_run:
                try:
                    with store.atomic():
                        _import(store, SPECS[kind], path, options, result, lookups, stream=True)
                except _Rollback:
                    result.written = False
            else:
                _import(store, SPECS[kind], path, options, result, lookups, stream=False)
    finally:
        gc.set_threshold(*thresholds)
    return result


class _Rollback(Exception):
    """Leaves the import's transaction without committing what was streamed."""


def _import(
    store: Store,
    spec: KindSpec,
    path: str | Path,
    options: ImportOptions,
    result: ImportResult,
    lookups: Lookups | None,
    *,
    stream: bool,
) -> None:
    plan: Plan | None = None
    try:
        table = open_table(path, sheet=options.sheet, limits=options.limits)
        result.encoding, result.sheet = table.encoding, table.sheet
        result.source = table.encoding_label
        plan = _check_rows(store, spec, table, options, result, lookups, stream)
    except FileRejected as exc:
        result.problems.append(_file_problem(exc))
    if plan is not None:
        result.rejected = len({p.row for p in result.problems})
    if plan is None or (result.problems and not options.skip_invalid) or options.dry_run:
        if plan is not None and plan.stream is not None:
            plan.stream.abort()
        if stream:
            raise _Rollback()
        return
    plan.source = Path(path).name
    apply_plan(store, plan, options.cancelled)
    result.written = bool(plan.inserts or plan.updates)
    # Counts and the file's name only: never a cell's value (personal data stays out of logs).
    logs.get("exchange").info(
        "%s %s from %s: %d added, %d updated",
        options.mode,
        spec.name,
        plan.source,
        len(plan.inserts),
        len(plan.updates),
    )


def _rows_after_header(
    table: Table, spec: KindSpec, options: ImportOptions, result: ImportResult
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    rows = iter(table.rows)
    first: list[tuple[int, list[str]]] = []
    for item in rows:
        first.append(item)
        if len(first) >= HEADER_SEARCH_ROWS:
            break
    if options.header_row is not None:
        head = next((i for i, (n, _) in enumerate(first) if n == options.header_row), 0)
    else:
        head = find_header(spec, first)
    if not first:
        raise FileRejected("文件是空的，没有表头和数据", "The file is empty (no header, no rows)")
    result.header_row, headers = first[head]
    return headers, chain(first[head + 1 :], rows)


def _check_rows(
    store: Store,
    spec: KindSpec,
    table: Table,
    options: ImportOptions,
    result: ImportResult,
    lookups: Lookups | None,
    stream: bool,
) -> Plan | None:
    headers, rows = _rows_after_header(table, spec, options, result)
    if options.mapping is not None:
        fields = {i: f for i, f in options.mapping.items() if f and i < len(headers)}
        missing = [c for c in spec.columns if c.required and c.field not in fields.values()]
        match = HeaderMatch(fields, [], [], missing)
    else:
        match = match_headers(spec, headers)
    for index in id_number_columns(headers):  # never stored, whatever it matched (PIPL)
        match.fields.pop(index, None)
        if normalize_text(headers[index]) in match.unknown:
            match.unknown.remove(normalize_text(headers[index]))
        result.notes.append(personal.notice(headers[index]))
    result.unknown_columns = match.unknown
    if match.unknown:
        result.notes.append(
            f"以下列不属于模板，已忽略 / ignored columns: {'、'.join(match.unknown)}"
        )
    problems = header_problems(spec, match, result.header_row)
    if problems:
        result.problems += problems
        return None
    column_of = {f: (headers[i].strip() or spec.column(f).zh) for i, f in match.fields.items()}
    lookups = lookups or Lookups(store)
    plan = Plan(
        spec.name,
        now_iso(),
        options.on_existing,
        options.mode == "merge",
        lookups,
        Existing(store, spec.name, spec.table),
        has_archived="archived_at" in column_of,
        has_teams="teams" in column_of,
        present=set(column_of),
    )
    if stream:
        estimated = table.estimated_rows
        bulk = estimated >= BULK_MIN and estimated >= len(plan.existing.updated)
        plan.stream = InsertStream(store, bulk=bulk)
        plan.existing.lock = plan.stream.lock
        plan.stream.start()
    try:
        result.rows = _scan(
            spec, plan, rows, sorted(match.fields.items()), column_of, options, result
        )
        plan.finish()
    except BaseException:
        if plan.stream is not None:
            plan.stream.abort()
        raise
    result.added, result.updated = len(plan.inserts), len(plan.updates)
    result.unchanged, result.skipped = plan.unchanged, plan.skipped
    for number, col, zh, en, value in plan.conflicts:
        result.conflicts.append(RowProblem(number, column_of.get(col, col), value, zh, en))
    if options.progress:
        options.progress(result.rows, result.rows)
    return plan


def _scan(
    spec: KindSpec,
    plan: Plan,
    rows: Iterator[tuple[int, list[str]]],
    pairs: list[tuple[int, str]],
    column_of: dict[str, str],
    options: ImportOptions,
    result: ImportResult,
) -> int:
    """Check every row, sorting it into the plan or the problems; returns the rows seen."""
    lookups = plan.lookups
    notes: list[str] = []
    check: Callable[[dict[str, str]], Checked]
    names = [f for _, f in pairs]
    fast: Callable[[Sequence[str]], Checked | None] | None = None
    if spec.name == "visits":
        visit_checker = VisitChecker(
            lookups, options.today or clock.today(), cross_check=not plan.merging
        )
        fast = visit_checker.fast_for(names)
        check = visit_checker._slow  # what the fast path leaves
    else:
        checker = CHECKERS[spec.name]

        def check(raw: dict[str, str]) -> Checked:
            return checker(raw, lookups, notes)

    seen_ids: dict[str, int] = {}
    seen_keys: dict[tuple, int] = {}
    problems = result.problems
    count = 0
    width = max(i for i, _ in pairs) + 1
    pick = itemgetter(*(i for i, _ in pairs))
    quote = repeat("'")
    for number, cells in rows:
        joined = "".join(cells)
        if not joined or joined.isspace():
            continue  # a blank line: not a record (its number still counts)
        count += 1
        if count % 2000 == 0:
            if options.progress:
                options.progress(count, 0)
            if options.cancelled and options.cancelled():
                raise Cancelled()
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        values = pick(cells)
        if len(names) == 1:
            values = (values,)
        if "'" in joined and any(map(str.startswith, values, quote)):
            values = [restore(v) for v in values]
        try:
            checked = fast(values) if fast is not None else None
            if checked is None:
                checked = check(dict(zip(names, values, strict=True)))
        except RowInvalid as exc:
            for col, zh, en, value in exc.problems:
                problems.append(
                    RowProblem(number, column_of.get(col, _label(spec, col)), value, zh, en)
                )
            continue
        problem = _duplicate(checked, seen_ids, seen_keys, number, spec) or classify(
            plan, checked, number
        )
        if problem is not None:
            col, value, zh, en = problem
            problems.append(RowProblem(number, column_of.get(col, col), value, zh, en))
    result.notes += list(dict.fromkeys(notes))
    return count


def _label(spec: KindSpec, field_name: str) -> str:
    try:
        return spec.column(field_name).zh
    except KeyError:
        return field_name


def _duplicate(
    checked: Checked,
    seen_ids: dict[str, int],
    seen_keys: dict[tuple, int],
    number: int,
    spec: KindSpec,
) -> tuple[str, str, str, str] | None:
    record = checked.record
    if checked.given_id:
        first = seen_ids.setdefault(record.id, number)
        if first != number:
            return (
                "id",
                record.id,
                f"记录编号与第 {first} 行重复",
                f"Record ID repeats row {first}",
            )
    if checked.key is not None:
        first = seen_keys.setdefault(checked.key, number)
        if first != number:
            col = spec.columns[0].field if spec.name != "enterprises" else "uscc"
            return (
                col,
                "",
                f"与第 {first} 行是同一条记录（{_KEY_ZH[spec.name]}相同），请删除重复行",
                f"Same record as row {first} (same {_KEY_EN[spec.name]}); remove the duplicate row",
            )
    return None


_KEY_ZH = {
    "enterprises": "统一社会信用代码",
    "teams": "队伍名称",
    "experts": "姓名和工作单位",
    "appointments": "专家、企业和开始日期",
    "visits": "企业、日期、队伍/专家和服务类型",
    "follow_ups": "服务记录和跟进内容",
    "cases": "企业和案例标题",
}
_KEY_EN = {
    "enterprises": "USCC",
    "teams": "team name",
    "experts": "name and institution",
    "appointments": "expert, enterprise and start date",
    "visits": "enterprise, date, team/experts and type",
    "follow_ups": "visit and content",
    "cases": "enterprise and title",
}

__all__ = ["ImportOptions", "ImportResult", "header_key", "import_file", "preview"]
