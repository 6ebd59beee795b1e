"""Rebuild ``wenzhou_town_centres.csv`` from a local clone of Vonng/adcode (CC BY 4.0).

Run by hand, never at run time (the app reads only the CSV it writes)::

    python resources/reference/build_town_centres.py GIT_DIR [COMMIT]

GIT_DIR is a clone's ``.git`` directory (or work tree); COMMIT defaults to the one recorded
in SOURCES.md. The script reads ``data/adcode/3303xx.csv`` with ``git show``, keeps the
township rows (rank 4) with their point (or, when a township has none, the median of its
villages' points, rank 5, if it has at least three), and maps each of our NBS 2023 towns
(``wenzhou_towns.csv``) to a centre: first by the same 9-digit code inside the same district,
then by the same name inside the same district (codes were renumbered after 2016). A town left
without a centre is listed on stderr; the app then falls back to the district centre.
Coordinates are copied unchanged (GCJ-02, from Amap via Vonng).
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

DEFAULT_COMMIT = "b755d6e4abca8e0d309728abc9ad4b100dacc685"
HERE = Path(__file__).resolve().parent
DISTRICTS = [
    "330302",
    "330303",
    "330304",
    "330305",
    "330324",
    "330326",
    "330327",
    "330328",
    "330329",
    "330381",
    "330382",
]
_SUFFIXES = ("街道办事处", "街道", "畲族镇", "畲族乡", "镇", "乡")


def _short(name: str) -> str:
    for s in _SUFFIXES:
        if name.endswith(s) and len(name) > len(s) + 1:
            return name[: -len(s)]
    return name


def _read_source(git_dir: str, commit: str) -> list[dict[str, str]]:
    rows = []
    for d in DISTRICTS:
        text = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"{commit}:data/adcode/{d}.csv"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for r in csv.reader(text.splitlines()):
            if len(r) < 14 or r[4] not in ("4", "5"):
                continue
            rows.append(
                {
                    "rank": r[4],
                    "code": r[0][:9],
                    "parent": r[1][:9],
                    "name": r[2],
                    "district": r[5],
                    "lon": r[12],
                    "lat": r[13],
                }
            )
    return rows


def _median(values: list[float]) -> float:
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def _with_village_medians(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Townships without a point get the median of their villages' points (if >= 3)."""
    villages: dict[str, list[tuple[float, float]]] = {}
    for r in rows:
        if r["rank"] == "5" and r["lat"] and r["lon"]:
            villages.setdefault(r["parent"], []).append((float(r["lat"]), float(r["lon"])))
    towns = []
    for r in rows:
        if r["rank"] != "4":
            continue
        r = dict(r, how="")
        pts = villages.get(r["code"], [])
        if not (r["lat"] and r["lon"]) and len(pts) >= 3:
            r["lat"] = f"{_median([p[0] for p in pts]):.6f}"
            r["lon"] = f"{_median([p[1] for p in pts]):.6f}"
            r["how"] = f"median of {len(pts)} villages"
        towns.append(r)
    return towns


def build(git_dir: str, commit: str) -> tuple[list[dict[str, str]], list[str]]:
    source = [r for r in _with_village_medians(_read_source(git_dir, commit)) if r["lat"]]
    by_code = {r["code"]: r for r in source}
    by_name: dict[tuple[str, str], dict[str, str]] = {}
    for r in source:
        by_name.setdefault((r["district"], r["name"]), r)
        by_name.setdefault((r["district"], _short(r["name"])), r)
    with (HERE / "wenzhou_towns.csv").open(encoding="utf-8", newline="") as fh:
        towns = list(csv.DictReader(fh))
    out, missing = [], []
    for t in towns:
        district = t["district_code"]
        # 龙港市 (330383) was 苍南县's 龙港镇 (330327101) in the 2016 source.
        lookup_district = "330327" if district == "330383" else district
        hit, how = by_code.get(t["code"]), "code"
        if hit is None or hit["district"] != lookup_district:
            hit, how = by_name.get((lookup_district, t["name"])), "name"
        if hit is None:
            hit = by_name.get((lookup_district, _short(t["name"])))
        if hit is None and district == "330383":
            hit, how = by_code.get("330327101"), "former 龙港镇"
        if hit is None:
            missing.append(f"{t['code']} {t['name']} ({t['district_name']})")
            continue
        out.append(
            {
                "code": t["code"],
                "name": t["name"],
                "district_code": district,
                "center_lat": hit["lat"],
                "center_lon": hit["lon"],
                "datum": "GCJ-02",
                "source_code": hit["code"],
                "matched_by": how + (f"; {hit['how']}" if hit["how"] else ""),
            }
        )
    return out, missing


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    commit = argv[1] if len(argv) > 1 else DEFAULT_COMMIT
    rows, missing = build(argv[0], commit)
    target = HERE / "wenzhou_town_centres.csv"
    with target.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} towns with a centre written; {len(missing)} without:", file=sys.stderr)
    for m in missing:
        print(f"  {m}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
