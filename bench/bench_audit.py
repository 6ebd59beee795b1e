"""The audit trail's cost on a bulk import: 20k enterprises with and without per-record rows.

Both runs import the same file into a fresh database in the same process; "without" pauses the
per-record triggers (``audit.pause``) and keeps only the import's summary row, so the difference
is what recording every imported record costs.
"""

from __future__ import annotations

from pathlib import Path

from bench.bench_exchange import _kinds_setup
from bench.common import Bench, Figures, timed, work_dir


def _fresh(name: str) -> Path:
    target = work_dir("audit") / name
    target.unlink(missing_ok=True)
    return target


def _import(csv_path: Path, *, per_record: bool) -> tuple[float, int]:
    from dispatch_app.exchange.importer import import_file
    from dispatch_app.store import audit, open_store

    with open_store(_fresh(f"audit-{per_record}.db"), create=True) as store:
        if not per_record:
            audit.pause(store.conn)
        seconds = timed(lambda: import_file(store, "enterprises", csv_path))
        rows = int(store.scalar("SELECT count(*) FROM audit_log"))
    return seconds, rows


def import_enterprises_audited(ctx: dict[str, Path]) -> Figures:
    audited, audit_rows = _import(ctx["enterprises"], per_record=True)
    summary_only, _ = _import(ctx["enterprises"], per_record=False)
    return {
        "seconds": audited,
        "summary_only_s": summary_only,
        "slowdown": round(audited / summary_only, 3),
        "audit_rows": audit_rows,
    }


BENCHMARKS = [
    Bench(
        "audit_import_enterprises_20k",
        import_enterprises_audited,
        setup=_kinds_setup,
        note="import of the demo's 20k enterprises with one audit row per record vs the "
        "summary row only, same run (target: slowdown ≤1.15×)",
    ),
]
