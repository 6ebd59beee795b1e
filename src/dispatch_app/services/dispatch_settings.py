"""The dispatch settings in one place: matching policy, route estimate, online geocoding.

Each value already lives in the database's ``settings`` table under its package's prefix
(``match.*`` in ``matching.policy``, ``planning.*`` in ``planning.settings``, ``geo.*`` in
``geo.geocode``). This module is the single front the settings dialog and
``dispatch-app settings`` share: what each setting means (zh + en, one line), its sane range,
text → value parsing with a message naming the setting, and a save that writes every value or
none (one transaction). Nothing here knows about Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace

from ..domain.problems import FieldProblem, ValidationError
from ..geo.geocode import BAIDU, NOMINATIM, OFF, PROVIDERS, GeocoderSettings
from ..matching.policy import MatchPolicy
from ..planning.routes import RouteSettings
from ..planning.settings import load_route_settings, save_route_settings
from ..store.database import Store

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_TRUE, _FALSE = ("1", "true", "yes", "on", "是"), ("0", "false", "no", "off", "否")


@dataclass(frozen=True)
class Spec:
    """One setting: its stored key, kind, range and a one-line explanation in each language."""

    key: str  # the settings-table key, e.g. "match.max_distance_km"
    kind: str  # "int", "float", "time", "bool", "choice", "text"
    label_zh: str
    label_en: str
    help_zh: str
    help_en: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    secret: bool = False  # shown masked in listings (an API key)

    @property
    def group(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]


def _s(key, kind, label_zh, label_en, help_zh, help_en, low=None, high=None, **kw) -> Spec:
    return Spec(key, kind, label_zh, label_en, help_zh, help_en, low, high, **kw)


SPECS: tuple[Spec, ...] = (
    # -- matching (matching/policy.py) -------------------------------------------------------
    _s(
        "match.max_active_appointments",
        "int",
        "每位专家最多在岗企业数",
        "Max active appointments per expert",
        "在岗+拟派达到此数的专家不再被推荐为科技副总",
        "An expert with this many active or proposed appointments is no longer suggested",
        1,
        20,
    ),
    _s(
        "match.max_distance_km",
        "float",
        "最远距离（公里）",
        "Maximum distance (km)",
        "比这更远的专家和轻骑队不推荐（直线距离）",
        "Experts and teams farther than this (straight line) are not suggested",
        1,
        300,
    ),
    _s(
        "match.weight_relevance",
        "float",
        "专业匹配权重",
        "Weight: specialty match",
        "专长与企业技术需求的相关程度在总分中的份量",
        "How much the match of specialties with the enterprise's needs counts",
        0,
        10,
    ),
    _s(
        "match.weight_distance",
        "float",
        "距离权重",
        "Weight: distance",
        "离企业越近得分越高，此项在总分中的份量",
        "How much being near the enterprise counts",
        0,
        10,
    ),
    _s(
        "match.weight_load",
        "float",
        "负荷权重",
        "Weight: load",
        "在岗企业和近期走访越少得分越高，此项的份量",
        "How much a light load (few appointments, few recent visits) counts",
        0,
        10,
    ),
    _s(
        "match.distance_scale_km",
        "float",
        "距离衰减（公里）",
        "Distance scale (km)",
        "距离得分 = e^(−公里/此值)；越大远处扣分越少",
        "Distance score = e^(−km/this); larger means far candidates lose less",
        1,
        200,
    ),
    _s(
        "match.recent_days",
        "int",
        "近期走访天数",
        "Recent-visit window (days)",
        "统计“近N天”走访次数的天数",
        "The days counted as recent visits for the load",
        1,
        365,
    ),
    _s(
        "match.busy_visits",
        "int",
        "满负荷走访次数",
        "Visits counted as a full load",
        "近期走访达到此数视为满负荷",
        "This many recent visits count as a full load",
        1,
        100,
    ),
    _s(
        "match.team_min",
        "int",
        "建议组队最少人数",
        "Proposed team: fewest experts",
        "推荐组队时至少几位专家",
        "The fewest experts in a proposed team",
        1,
        12,
    ),
    _s(
        "match.team_max",
        "int",
        "建议组队最多人数",
        "Proposed team: most experts",
        "推荐组队时至多几位专家",
        "The most experts in a proposed team",
        1,
        12,
    ),
    # -- route estimate (planning/settings.py) ------------------------------------------------
    _s(
        "planning.day_start",
        "time",
        "出发时间",
        "Start of day",
        "轻骑队从驻地出发的时间（HH:MM）",
        "When the team leaves its base (HH:MM)",
    ),
    _s(
        "planning.speed_kmh",
        "float",
        "平均车速（公里/时）",
        "Average speed (km/h)",
        "按直线距离计；30 约等于道路上 40 公里/时",
        "Over straight-line km; 30 is about 40 km/h on real roads",
        5,
        120,
    ),
    _s(
        "planning.minutes_per_stop",
        "float",
        "每家停留（分钟）",
        "Minutes per stop",
        "在每家企业内的时间",
        "Time spent inside each enterprise",
        0,
        480,
    ),
    _s(
        "planning.return_to_base",
        "bool",
        "返回驻地",
        "Return to base",
        "路线和里程包括回到驻地",
        "The route and its km include the way back to the base",
    ),
    # -- online geocoding (geo/geocode.py) -----------------------------------------------------
    _s(
        "geo.geocoder",
        "choice",
        "在线地理编码",
        "Online geocoding",
        "关闭时程序从不联网（默认关闭）",
        "With it off the program never goes online (the default)",
        choices=PROVIDERS,
    ),
    _s(
        "geo.baidu_key",
        "text",
        "百度地图密钥（AK）",
        "Baidu Maps key (AK)",
        "百度地图开放平台申请的服务端密钥",
        "A server key from the Baidu Maps open platform",
        secret=True,
    ),
    _s(
        "geo.user_agent",
        "text",
        "Nominatim 标识",
        "Nominatim user agent",
        "Nominatim 要求每个程序报出自己的名称（可加联系邮箱）",
        "Nominatim asks each program to name itself (add a contact e-mail)",
    ),
    _s(
        "geo.min_interval_s",
        "float",
        "请求间隔（秒）",
        "Seconds between requests",
        "两次在线查询的最短间隔；Nominatim 要求至少 1 秒",
        "The shortest gap between two lookups; Nominatim asks for at least 1 s",
        0.2,
        60,
    ),
)

BY_KEY: dict[str, Spec] = {s.key: s for s in SPECS}
GROUP_LABELS = {
    "match": ("推荐规则", "Matching policy"),
    "planning": ("路线估算", "Route estimate"),
    "geo": ("在线地理编码", "Online geocoding"),
}
PRIVACY_NOTE = (
    "开启后，企业和专家的地址会发送给所选的外部服务（百度或 OpenStreetMap），以查找更精确的"
    "坐标；结果保存在本数据库中。默认关闭，关闭时程序完全离线工作。",
    "When on, the addresses of enterprises and experts are sent to the chosen outside service "
    "(Baidu or OpenStreetMap) to find better coordinates; answers are kept in this database. "
    "Off by default: with it off the program works fully offline.",
)


def resolve_key(name: str) -> str:
    """``match.max_distance_km`` or the short ``max_distance_km`` → the stored key."""
    name = name.strip()
    if name in BY_KEY:
        return name
    found = [s.key for s in SPECS if s.name == name]
    if len(found) == 1:
        return found[0]
    known = ", ".join(BY_KEY)
    raise ValidationError(
        [
            FieldProblem(
                name,
                f"没有名为 {name} 的调度设置（可用：{known}）",
                f"no dispatch setting named {name} (known: {known})",
                name,
            )
        ]
    )


def key_or_name(name: str) -> str:
    """The stored key for a known (short) name; an unknown name unchanged, for
    :func:`parse` to report together with the other problems."""
    try:
        return resolve_key(name)
    except ValidationError:
        return name.strip()


# -- values ---------------------------------------------------------------------------------
def _text_of(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else str(value)
    return str(value)


def defaults() -> dict[str, str]:
    """Every setting's default, as text."""
    return _as_texts(MatchPolicy(), RouteSettings(), GeocoderSettings())


def _as_texts(policy: MatchPolicy, route: RouteSettings, geo: GeocoderSettings) -> dict[str, str]:
    out = {f"match.{k}": _text_of(v) for k, v in asdict(policy).items()}
    out |= {f"planning.{k}": _text_of(v) for k, v in asdict(route).items()}
    out |= {f"geo.{k}": _text_of(v) for k, v in _geo_values(geo).items()}
    return {s.key: out[s.key] for s in SPECS}


def _geo_values(geo: GeocoderSettings) -> dict[str, object]:
    return {
        "geocoder": geo.provider,
        "baidu_key": geo.baidu_key,
        "user_agent": geo.user_agent,
        "min_interval_s": geo.min_interval_s,
    }


def load(store: Store) -> dict[str, str]:
    """The settings in force (stored, else default), as text, in :data:`SPECS` order."""
    return _as_texts(
        MatchPolicy.load(store), load_route_settings(store), GeocoderSettings.load(store)
    )


def _number(spec: Spec, raw: str, problems: list[FieldProblem]) -> float | None:
    try:
        value = int(raw) if spec.kind == "int" else float(raw)
    except ValueError:
        what = "整数" if spec.kind == "int" else "数字"
        what_en = "a whole number" if spec.kind == "int" else "a number"
        problems.append(
            FieldProblem(
                spec.key,
                f"{spec.label_zh}须为{what}，而不是「{raw}」",
                f"{spec.label_en} must be {what_en}, not '{raw}'",
                raw,
            )
        )
        return None
    if value != value or (
        spec.low is not None and spec.high is not None and not spec.low <= value <= spec.high
    ):
        low, high = _text_of(float(spec.low or 0)), _text_of(float(spec.high or 0))
        problems.append(
            FieldProblem(
                spec.key,
                f"{spec.label_zh}须在 {low} 到 {high} 之间（填的是 {raw}）",
                f"{spec.label_en} must be between {low} and {high} (given {raw})",
                raw,
            )
        )
        return None
    return value


def _parse_one(spec: Spec, raw: str, problems: list[FieldProblem]) -> object:
    raw = str(raw).strip()
    if spec.kind in ("int", "float"):
        return _number(spec, raw, problems)
    if spec.kind == "time":
        if not _HHMM.match(raw):
            problems.append(
                FieldProblem(
                    spec.key,
                    f"{spec.label_zh}须为 HH:MM（如 08:30），而不是「{raw}」",
                    f"{spec.label_en} must be HH:MM (e.g. 08:30), not '{raw}'",
                    raw,
                )
            )
        return raw
    if spec.kind == "bool":
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        problems.append(
            FieldProblem(
                spec.key,
                f"{spec.label_zh}须为 1 或 0（是/否），而不是「{raw}」",
                f"{spec.label_en} must be 1 or 0 (yes/no), not '{raw}'",
                raw,
            )
        )
        return None
    if spec.kind == "choice":
        if raw not in spec.choices:
            problems.append(
                FieldProblem(
                    spec.key,
                    f"{spec.label_zh}须为 {' / '.join(spec.choices)} 之一，而不是「{raw}」",
                    f"{spec.label_en} must be one of {', '.join(spec.choices)}, not '{raw}'",
                    raw,
                )
            )
        return raw
    return raw


@dataclass(frozen=True)
class DispatchSettings:
    """The three settings groups, checked together."""

    policy: MatchPolicy
    route: RouteSettings
    geo: GeocoderSettings

    def texts(self) -> dict[str, str]:
        return _as_texts(self.policy, self.route, self.geo)


def parse(values: Mapping[str, str]) -> DispatchSettings:
    """Text values (every key of :data:`SPECS`; missing ones take their default) → settings.

    Raises :class:`ValidationError` listing every bad value, each tied to its key, and the
    rules that join two values (weights not all 0, team min ≤ max, a provider's key).
    """
    unknown = [k for k in values if k not in BY_KEY]
    problems: list[FieldProblem] = []
    for k in unknown:
        try:
            resolve_key(k)
        except ValidationError as exc:
            problems += exc.problems
    texts = {**defaults(), **{k: v for k, v in values.items() if k in BY_KEY}}
    parsed = {key: _parse_one(BY_KEY[key], texts[key], problems) for key in BY_KEY}
    _joint_checks(parsed, problems)
    if problems:
        raise ValidationError(problems)

    def group(prefix: str) -> dict[str, object]:
        return {k.split(".", 1)[1]: v for k, v in parsed.items() if k.startswith(prefix + ".")}

    m = group("match")
    policy = replace(MatchPolicy(), **{f.name: m[f.name] for f in fields(MatchPolicy)})
    p = group("planning")
    route = RouteSettings(**{f.name: p[f.name] for f in fields(RouteSettings)})
    g = group("geo")
    geo = GeocoderSettings(
        provider=str(g["geocoder"]),
        baidu_key=str(g["baidu_key"]),
        user_agent=str(g["user_agent"]),
        min_interval_s=float(g["min_interval_s"]),  # type: ignore[arg-type]
    )
    return DispatchSettings(policy, route, geo)


def _joint_checks(v: dict[str, object], problems: list[FieldProblem]) -> None:
    weights = [v[f"match.weight_{w}"] for w in ("relevance", "distance", "load")]
    if all(isinstance(w, float) for w in weights) and sum(weights) <= 0:  # type: ignore[arg-type]
        problems.append(
            FieldProblem(
                "match.weight_relevance",
                "三个权重不能都为 0",
                "The three weights cannot all be 0",
                "0",
            )
        )
    lo, hi = v["match.team_min"], v["match.team_max"]
    if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
        problems.append(
            FieldProblem(
                "match.team_max",
                f"组队最多人数（{hi}）不能少于最少人数（{lo}）",
                f"The most experts in a team ({hi}) cannot be fewer than the fewest ({lo})",
                str(hi),
            )
        )
    provider = v["geo.geocoder"]
    if provider == BAIDU and not str(v["geo.baidu_key"]).strip():
        problems.append(
            FieldProblem(
                "geo.baidu_key",
                "使用百度地理编码须填写密钥（AK）",
                "Baidu geocoding needs a key (AK)",
                "",
            )
        )
    if provider == NOMINATIM:
        if not str(v["geo.user_agent"]).strip():
            problems.append(
                FieldProblem(
                    "geo.user_agent",
                    "使用 Nominatim 须填写程序标识",
                    "Nominatim needs a user agent",
                    "",
                )
            )
        interval = v["geo.min_interval_s"]
        if isinstance(interval, float) and interval < 1.0:
            problems.append(
                FieldProblem(
                    "geo.min_interval_s",
                    "Nominatim 的使用规定为每秒至多 1 次请求：间隔须至少 1 秒",
                    "Nominatim's policy is one request a second at most: the gap must be ≥ 1 s",
                    _text_of(interval),
                )
            )


def save(store: Store, values: Mapping[str, str]) -> DispatchSettings:
    """Check every value, then write them all in one transaction (or, on any problem, none)."""
    settings = parse(values)
    with store.atomic():
        settings.policy.save(store)
        save_route_settings(store, settings.route)
        settings.geo.save(store)
    return settings


def geocoding_on(values: Mapping[str, str]) -> bool:
    return values.get("geo.geocoder", OFF) != OFF
