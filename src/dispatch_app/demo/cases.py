"""Demo case studies (典型案例): drawn mostly from appointments that have run a few months,
the rest from enterprises a team served; written with the figures a booklet prints."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.records import Case
from .appointments import DemoAppointment
from .enterprises import DemoEnterprise
from .industries import NEEDS
from .rand import DemoRandom
from .texts import CASE_TITLES, DIAGNOSES
from .visits import ServedNote
from .world import World

APPROVED_SHARE = 0.4
_SIZE = {"above": "规上企业", "below": "成长型企业"}


def make_cases(
    rng: DemoRandom,
    world: World,
    count: int,
    appointments: list[DemoAppointment],
    served: dict[str, ServedNote],
) -> list[Case]:
    as_of = world.as_of
    ripe = [
        a
        for a in appointments
        if a.record.status in ("active", "completed")
        and date.fromisoformat(a.record.start_date) <= as_of - timedelta(days=90)
    ]
    by_id = {e.record.id: e for es in world.enterprises.values() for e in es}
    visited = [
        (by_id[k], v) for k, v in served.items() if v.visit_date <= as_of - timedelta(days=30)
    ]
    out = []
    used: set[str] = set()
    for _ in range(count):
        appointment: DemoAppointment | None = None
        note: ServedNote | None = None
        if ripe and (not visited or rng.random() < 0.7):
            appointment = rng.choice(ripe)
            ent, since = appointment.enterprise, date.fromisoformat(appointment.record.start_date)
        elif visited:
            ent, note = rng.choice(visited)
            since = note.visit_date
        else:
            break
        if ent.record.id in used:
            continue
        used.add(ent.record.id)
        out.append(_write(rng, world, ent, since, appointment, note))
    return out


def _write(
    rng: DemoRandom,
    world: World,
    ent: DemoEnterprise,
    since: date,
    appointment: DemoAppointment | None,
    note: ServedNote | None,
) -> Case:
    e, as_of = ent.record, world.as_of
    district = world.gaz.district(e.district_code)
    town = world.gaz.town(e.town_code).name if e.town_code else ""
    if note is not None:
        problem, advice, outcome = note.story
    else:
        problem, advice, outcome = rng.choice(DIAGNOSES[e.industry])
        inst = appointment.expert.record.institution if appointment else "温州大学"
        advice, outcome = advice.format(inst=inst, spec=""), outcome.format(inst=inst, spec="")
    need = rng.choice(NEEDS[e.industry])
    background = (
        f"{e.name}位于{district.name}{town}，是一家{e.industry}行业的{_SIZE.get(e.size, '企业')}。"
        f"企业在{need}方面遇到瓶颈：{problem}。"
    )
    if appointment is not None:
        x = appointment.expert.record
        measures = (
            f"{since.year}年，{x.institution}{x.title}{x.name}作为科技副总入驻企业，"
            f"{advice}，并帮助企业建立研发管理制度、培养技术骨干。"
        )
    else:
        who = note.team_name if note and note.team_name else "科技轻骑队"
        measures = f"{who}多次入企诊断，{advice}，并持续跟踪落实。"
    # 新增产值 (万元): median ~270, capped at 8,000.
    output: float | None = round(min(rng.lognormvariate(5.6, 0.8), 8000.0), 1)
    saved: float | None = round(output * rng.uniform(0.05, 0.3), 1)
    patents, products = rng.randint(0, 6), rng.randint(0, 4)
    if rng.random() < 0.08:
        output = None  # not every enterprise reports its figures
    if rng.random() < 0.15:
        saved = None
    figures = []
    if output is not None:
        figures.append(f"新增产值{output:g}万元")
    if saved is not None:
        figures.append(f"节约成本{saved:g}万元")
    if patents:
        figures.append(f"申请专利{patents}项")
    if products:
        figures.append(f"开发新产品{products}个")
    results = f"{outcome}。" + (f"项目实施以来，企业{'，'.join(figures)}。" if figures else "")
    created_day = rng.day_between(min(since + timedelta(days=60), as_of), as_of)
    created = rng.stamp(created_day)
    approved = rng.random() < APPROVED_SHARE
    approved_at = rng.stamp(rng.day_between(created_day, as_of)) if approved else None
    if approved_at is not None and approved_at < created:
        approved_at = created
    short = ent.short_name
    return Case(
        id=rng.uid(),
        created_at=created,
        updated_at=approved_at or created,
        title=f"{short}：{rng.choice(CASE_TITLES[e.industry])}",
        enterprise_id=e.id,
        appointment_id=appointment.record.id if appointment else None,
        district_code=e.district_code,
        industry=e.industry,
        year=as_of.year,
        background=background,
        measures=measures,
        results=results,
        output_value_wan=output,
        cost_saved_wan=saved,
        patents=patents,
        new_products=products,
        approved=approved,
        approved_at=approved_at,
    )
