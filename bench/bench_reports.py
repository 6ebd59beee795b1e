"""Printed reports (issue 9): a 100-case booklet and a 1,000-visit batch of summary sheets,
pages per second, each compared in the same run with

- the floor: a bare reportlab script laying out the same text (same embedded Song face, same
  sizes) with no templates -- one frame, paragraphs, a page break per record; no running
  header, page numbers, contents, tables, glyph checks or gap marks. Target: ours <= 1.3x.
- LibreOffice headless converting the same text written as one HTML file to PDF (the whole
  ``soffice`` process, as a user or a script would run it, with a warmed-up profile).
  Target: ours >= 2x faster. Skipped, with a note, where ``soffice`` is not installed (it
  needs Debian's ``libreoffice-writer-nogui``).

Ours is ``documents.generate`` for chosen ids: the records' queries, the layout and the atomic
write, in process (the CLI adds Python start-up). The records are the 100k demo's first 100
cases and first 1,000 completed visits.
"""

from __future__ import annotations

import html
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import DEMO_AS_OF, Bench, Figures, demo_db, work_dir

CASES = 100
VISITS = 1000
_SOFFICE_TIMEOUT_S = 600


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# -- the same text, as plain records -------------------------------------------------------
def _case_text(c: dict[str, Any]) -> tuple[str, list[str]]:
    lines = [
        f"企业：{c.get('enterprise') or ''}　所在地区：{c.get('district') or ''}",
        f"科技副总 / 服务团队：{c.get('expert') or ''} {c.get('institution') or ''}",
        f"年度：{c.get('year') or ''}",
        "（一）基本情况",
        *(str(c.get("background") or "").splitlines()),
        "（二）主要做法",
        *(str(c.get("measures") or "").splitlines()),
        "（三）取得成效",
        f"新增产值（万元）：{c.get('output_value_wan') or ''}　节约成本（万元）："
        f"{c.get('cost_saved_wan') or ''}　新增专利：{c.get('patents') or ''}　新产品："
        f"{c.get('new_products') or ''}",
        *(str(c.get("results") or "").splitlines()),
    ]
    return str(c.get("title") or ""), [ln for ln in lines if ln.strip()]


def _visit_text(v: dict[str, Any]) -> tuple[str, list[str]]:
    experts = "、".join(f"{x['name']}（{x.get('institution') or ''}）" for x in v["experts"])
    lines = [
        f"编号：{str(v['id'])[:8].upper()}",
        f"企业名称：{v.get('enterprise') or ''}",
        f"统一社会信用代码：{v.get('uscc') or ''}　所在地区：{v.get('district') or ''}",
        f"企业地址：{v.get('address') or ''}",
        f"联系人：{v.get('contact_name') or ''}　联系电话：{v.get('contact_phone') or ''}",
        f"服务日期：{v.get('visit_date') or ''}　服务类型：{v.get('visit_type') or ''}",
        f"服务团队：{v.get('team') or ''}",
        f"服务专家：{experts}",
        f"发现的问题：{v.get('problems') or ''}",
        f"意见建议：{v.get('advice') or ''}",
        *(
            f"跟进事项：{f['description']}　责任人：{f.get('owner') or ''}　"
            f"完成时限：{f.get('due_date') or ''}"
            for f in v["follow_ups"]
        ),
        f"服务成效：{v.get('outcome') or ''}",
        f"企业确认人：{v.get('confirmed_by') or ''}",
        "企业意见（盖章）：　负责人签字：　日期：　年　月　日",
        "服务专家签字：　日期：　年　月　日",
    ]
    return "入企服务记录单", lines


def _records(db: Path, kind: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    from dispatch_app.store import open_store, report_rows

    store = open_store(db, readonly=True)
    try:
        if kind == "cases":
            ids = [
                r[0] for r in store.query("SELECT id FROM cases ORDER BY rowid LIMIT ?", [CASES])
            ]
            texts = [_case_text(c) for c in report_rows.cases(store, ids)]
        else:
            ids = report_rows.visit_ids(store)[:VISITS]
            texts = [_visit_text(v) for v in report_rows.visits(store, ids)]
    finally:
        store.close()
    return ids, texts


# -- the three ways to make the PDF --------------------------------------------------------
def _ours(db: Path, kind: str, ids: list[str], out: Path) -> int:
    from dispatch_app.reports.documents import Scope, generate
    from dispatch_app.store import open_store

    store = open_store(db, readonly=True)
    try:
        return generate(store, kind, Scope(ids=tuple(ids)), out, as_of=DEMO_AS_OF).pages
    finally:
        store.close()


def _blocks(lines: list[str]) -> list[tuple[str, Any]]:
    """The record's lines as the sheet groups them: runs of "label：value" lines (several
    pairs a line, split by "　") become one table of label/value rows; other lines stay text."""
    out: list[tuple[str, Any]] = []
    for line in lines:
        pairs = [seg.split("：", 1) for seg in line.split("　") if "：" in seg]
        if pairs and len(pairs) == len([seg for seg in line.split("　") if seg]):
            if not out or out[-1][0] != "table":
                out.append(("table", []))
            out[-1][1].append(pairs)
        else:
            out.append(("p", line))
    return out


def _floor(texts: list[tuple[str, list[str]]], out: Path, tables: bool = False) -> int:
    """The bare script: the same face and sizes, one frame, no templates; ``tables`` sets
    the labelled lines as ruled label/value tables (Paragraph values), as the sheet does."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    from dispatch_app.paths import resources_dir

    if "BenchSong" not in pdfmetrics.getRegisteredFontNames():
        font = resources_dir() / "fonts" / "uming-gb2312.ttf"
        pdfmetrics.registerFont(TTFont("BenchSong", str(font)))
    body = ParagraphStyle("b", fontName="BenchSong", fontSize=16, leading=29, wordWrap="CJK")
    cell = ParagraphStyle("c", parent=body, fontSize=12, leading=18)
    title = ParagraphStyle("t", parent=body, fontSize=22, leading=36, alignment=1)
    width = 156 * mm
    story: list[Any] = []
    for n, (head, lines) in enumerate(texts):
        if n:
            story.append(PageBreak())
        story.append(Paragraph(escape(head), title))
        if not tables:
            story.extend(Paragraph(escape(line), body) for line in lines)
            continue
        for kind, block in _blocks(lines):
            if kind == "p":
                story.append(Paragraph(escape(block), body))
                continue
            rows, spans = [], []
            for r, pairs in enumerate(block):
                row: list[Any] = []
                for label, value in pairs[:2]:
                    row += [label, Paragraph(escape(value), cell)]
                if len(pairs) == 1:
                    row += ["", ""]
                    spans.append(("SPAN", (1, r), (3, r)))
                rows.append(row)
            t = Table(rows, colWidths=[38 * mm, 52 * mm, 26 * mm, width - 116 * mm])
            t.setStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, "#000000"),
                    ("FONTNAME", (0, 0), (-1, -1), "BenchSong"),
                    ("FONTSIZE", (0, 0), (-1, -1), 12),
                    *spans,
                ]
            )
            story.append(t)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
    )
    doc.build(story)
    return doc.page


def _html(texts: list[tuple[str, list[str]]], path: Path, tables: bool = False) -> None:
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
        "body { font-family: 'AR PL UMing CN', serif; font-size: 16pt; line-height: 29pt; }"
        "h1 { font-size: 22pt; text-align: center; page-break-before: always; }"
        "td { font-size: 12pt; line-height: 18pt; border: 1px solid black; }"
        "</style></head><body>"
    ]
    for head, lines in texts:
        parts.append(f"<h1>{html.escape(head)}</h1>")  # each record on a new page
        for kind, block in _blocks(lines) if tables else [("p", ln) for ln in lines]:
            if kind == "p":
                parts.append(f"<p>{html.escape(block)}</p>")
                continue
            parts.append("<table width='100%' border='1' cellspacing='0'>")
            for pairs in block:
                cells = [
                    f"<td>{html.escape(label)}</td><td{'' if len(pairs) > 1 else ' colspan=3'}>"
                    f"{html.escape(value)}</td>"
                    for label, value in pairs[:2]
                ]
                parts.append(f"<tr>{''.join(cells)}</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def _libreoffice(soffice: str, profile: Path, source: Path, out_dir: Path) -> Path:
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=_SOFFICE_TIMEOUT_S,
    )
    return out_dir / (source.stem + ".pdf")


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


# -- the benchmarks ------------------------------------------------------------------------
def _setup(kind: str) -> dict[str, Any]:
    db = demo_db()
    ids, texts = _records(db, kind)
    folder = work_dir("reports")
    source = folder / f"{kind}.html"
    _html(texts, source)
    source_tables = folder / f"{kind}-tables.html"
    _html(texts, source_tables, tables=True)
    soffice = _soffice()
    profile = folder / "lo-profile"
    if soffice:  # the first run of a profile initialises it: not what is measured
        _libreoffice(soffice, profile, source, Path(tempfile.mkdtemp(dir=folder)))
    return {
        "db": db,
        "ids": ids,
        "texts": texts,
        "source": source,
        "source_tables": source_tables,
        "soffice": soffice,
        "profile": profile,
        "folder": folder,
    }


def _timed(fn: Any, *args: Any) -> tuple[Any, float, float]:
    """(result, wall seconds, CPU seconds of this process and its waited-for children)."""
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    result = fn(*args)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(
        a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
        for a, b in zip(after, before, strict=True)
    )
    return result, wall, cpu


def _compare(ctx: dict[str, Any], kind: str) -> Figures:
    """Ours, the floor and LibreOffice one after the other (the runner repeats the three).
    The ratios use CPU time: on these shared machines wall time swings 2x between runs while
    CPU time of the same work stays within ~10 %; wall times are reported beside them."""
    folder: Path = ctx["folder"]
    pages, ours, ours_cpu = _timed(_ours, ctx["db"], kind, ctx["ids"], folder / f"{kind}-ours.pdf")
    floor_pages, floor, floor_cpu = _timed(_floor, ctx["texts"], folder / f"{kind}-floor.pdf")
    _p, _ftab, ftab_cpu = _timed(_floor, ctx["texts"], folder / f"{kind}-floor-tables.pdf", True)
    figures: Figures = {
        "seconds": ours,
        "cpu_s": round(ours_cpu, 3),
        "pages": pages,
        "pages_per_s": round(pages / ours, 1),
        "floor_s": round(floor, 3),
        "floor_cpu_s": round(floor_cpu, 3),
        "floor_pages": floor_pages,
        "floor_pages_per_s": round(floor_pages / floor, 1),
        "x_floor_cpu": round(ours_cpu / floor_cpu, 2),
        "ratio": round(ours_cpu / floor_cpu, 2),  # the report's ratio: x_floor_cpu
        "x_floor_wall": round(ours / floor, 2),
        "floor_tables_cpu_s": round(ftab_cpu, 3),
        "x_floor_tables_cpu": round(ours_cpu / ftab_cpu, 2),
    }
    if ctx["soffice"]:
        out_dir = Path(tempfile.mkdtemp(dir=folder))
        pdf, lo, lo_cpu = _timed(
            _libreoffice, ctx["soffice"], ctx["profile"], ctx["source"], out_dir
        )
        lo_pages = _pdf_pages(pdf)
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir = Path(tempfile.mkdtemp(dir=folder))
        _pdf, lo_tab, lo_tab_cpu = _timed(
            _libreoffice, ctx["soffice"], ctx["profile"], ctx["source_tables"], out_dir
        )
        shutil.rmtree(out_dir, ignore_errors=True)
        figures.update(
            libreoffice_s=round(lo, 3),
            libreoffice_cpu_s=round(lo_cpu, 3),
            libreoffice_pages=lo_pages,
            libreoffice_pages_per_s=round(lo_pages / lo, 1),
            faster_than_libreoffice_wall=round(lo / ours, 2),
            faster_than_libreoffice_cpu=round(lo_cpu / ours_cpu, 2),
            libreoffice_tables_s=round(lo_tab, 3),
            faster_than_libreoffice_tables_wall=round(lo_tab / ours, 2),
            faster_than_libreoffice_tables_cpu=round(lo_tab_cpu / ours_cpu, 2),
        )
    else:
        figures["libreoffice"] = "skipped: soffice not installed"
    return figures


BENCHMARKS = [
    Bench(
        "reports_case_booklet_100",
        lambda ctx: _compare(ctx, "cases"),
        setup=lambda: _setup("cases"),
        note="generate() of 100 cases vs bare reportlab (x_floor_cpu, target <= 1.3) and "
        "LibreOffice HTML->PDF (faster_than_libreoffice_*, target >= 2), same run",
        target="x_floor_cpu <= 1.3 and faster_than_libreoffice_wall >= 2",
    ),
    Bench(
        "reports_visit_sheets_1000",
        lambda ctx: _compare(ctx, "visits"),
        setup=lambda: _setup("visits"),
        note="generate() of 1,000 visit sheets, one a page, vs the same two baselines",
        repeat=3,
        target="x_floor_cpu <= 1.3 and faster_than_libreoffice_wall >= 2",
    ),
]
