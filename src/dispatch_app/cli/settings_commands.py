"""``dispatch-app settings`` (list / store the dispatch settings) and ``dispatch-app geocode``.

The same front as the GUI's 调度设置 dialog (``services.dispatch_settings``): matching policy,
route estimate, online geocoding. ``--set`` values are all checked first and stored together,
or, on any bad value, none (exit 2 naming the setting).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .errors import EXIT_OK, CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "settings",
        help="list or store the dispatch settings / 查看或修改调度设置",
        description="List the dispatch settings (matching policy, route estimate, online "
        "geocoding) or store new values with --set KEY=VALUE (all or nothing). "
        "查看或修改调度设置（推荐规则、路线估算、在线地理编码）；--set 全部有效才保存。",
    )
    p.add_argument("--db", required=True, help="database file / 数据库文件")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="store a value, e.g. match.max_distance_km=40 (the short max_distance_km works)",
    )
    p.add_argument("--defaults", action="store_true", help="restore every default / 恢复默认")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_settings)

    g = subparsers.add_parser(
        "geocode",
        help="geocode addresses placed only at a town/district centre / 在线补全坐标",
        description="Look up, with the configured online service (off by default), the "
        "addresses of enterprises and experts whose point is only a town or district centre. "
        "Cached in the database, rate-limited. 用已配置的在线服务补全只有镇街/区县中心坐标的地址。",
    )
    g.add_argument("--db", required=True, help="database file / 数据库文件")
    g.add_argument(
        "--provider",
        choices=["baidu", "nominatim"],
        help="use this service for this run (default: the stored setting)",
    )
    g.add_argument("--limit", type=int, help="look up at most N addresses")
    g.set_defaults(func=cmd_geocode)


def _changes(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise CliError(f"--set {item}: expected KEY=VALUE / 应为 键=值")
        out[key.strip()] = value.strip()
    return out


def _problems_text(exc) -> str:
    return "\n".join(f"--set {p.field}: {p.zh} / {p.en}" for p in exc.problems)


def cmd_settings(args: argparse.Namespace) -> int:
    from ..domain.problems import ValidationError
    from ..services import dispatch_settings as ds
    from ..store import open_store

    path = Path(args.db)
    changes = _changes(args.set)
    if not changes and not args.defaults:
        with open_store(path, readonly=True) as store:
            values = ds.load(store)
    else:
        from ..store.writer_lock import open_locked

        with open_locked(path) as store:
            base = ds.defaults() if args.defaults else ds.load(store)
            try:
                values = {**base, **{ds.key_or_name(k): v for k, v in changes.items()}}
                values = ds.save(store, values).texts()
            except ValidationError as exc:
                raise CliError(
                    f"{path}: 设置未保存 / nothing was saved\n{_problems_text(exc)}"
                ) from None
    if args.json:
        print(json.dumps(_as_json(values), ensure_ascii=False, indent=2))
    else:
        _print(values)
    return EXIT_OK


def _shown(spec, value: str) -> str:
    if spec.secret and value:
        return value[:3] + "…" + f"（{len(value)} 字符 / chars）"
    return value


def _as_json(values: dict[str, str]) -> dict:
    from ..services import dispatch_settings as ds

    defaults = ds.defaults()
    return {
        key: {
            "value": _shown(spec, values[key]),
            "default": defaults[key],
            "label": spec.label_zh,
            "label_en": spec.label_en,
            "help": spec.help_zh,
            "help_en": spec.help_en,
            "range": None if spec.low is None else [spec.low, spec.high],
            "choices": list(spec.choices) or None,
        }
        for key, spec in ds.BY_KEY.items()
    }


def _print(values: dict[str, str]) -> None:
    from ..services import dispatch_settings as ds

    defaults = ds.defaults()
    group = None
    for key, spec in ds.BY_KEY.items():
        if spec.group != group:
            group = spec.group
            zh, en = ds.GROUP_LABELS[group]
            print(f"\n{zh} / {en}")
        mark = "" if values[key] == defaults[key] else f"  (默认 / default {defaults[key]})"
        print(f"  {key} = {_shown(spec, values[key])}{mark}")
        print(f"      {spec.label_zh} / {spec.label_en}")
    zh, en = ds.PRIVACY_NOTE
    print(f"\n{zh}\n{en}")


def cmd_geocode(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..geo.geocode import GeocoderSettings
    from ..geo.geocode_missing import GeocodingOff, GeocodingUnavailable, geocode_missing
    from ..store.writer_lock import open_locked

    if args.limit is not None and args.limit < 1:
        raise CliError("--limit must be at least 1 / --limit 至少为 1")
    path = Path(args.db)
    with open_locked(path) as store:
        settings = GeocoderSettings.load(store)
        if args.provider:
            settings = replace(settings, provider=args.provider)
        if settings.provider == "baidu" and not settings.baidu_key:
            raise CliError(
                "百度地理编码须先设置密钥：dispatch-app settings --set geo.baidu_key=…\n"
                "Baidu geocoding needs a key first: dispatch-app settings --set geo.baidu_key=…"
            )

        def report(done: int, total: int) -> None:
            if total and (done % 20 == 0 or done == total):
                print(f"\r{done}/{total}", end="", flush=True)

        try:
            summary = geocode_missing(store, settings, report=report, limit=args.limit)
        except GeocodingOff as exc:
            raise CliError(f"{exc.zh}\n{exc.en}") from None
        except GeocodingUnavailable as exc:
            print()
            raise CliError(f"{exc.zh}\n{exc.en}") from None
    print()
    print(
        f"补全坐标：查询 {summary.looked_up} 个地址（在线请求 {summary.requests} 次），"
        f"{summary.improved} 条得到精确坐标\n"
        f"Geocoded: {summary.looked_up} addresses ({summary.requests} online requests), "
        f"{summary.improved} records now exact ({summary.provider})"
    )
    return EXIT_OK
