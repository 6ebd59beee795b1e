"""Demo 科技副总 appointments: this year's batch as far as it has got by ``as_of`` (proposals
up to six weeks ahead), plus part of last year's batch whose terms run on or have ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.records import Appointment
from .enterprises import DemoEnterprise
from .experts import DemoExpert
from .industries import SPECIALTIES
from .pacing import appointment_start
from .rand import DemoRandom
from .texts import DUTIES
from .world import World

PROPOSAL_HORIZON_DAYS = 45
LAST_YEAR_SHARE = 0.4


@dataclass
class DemoAppointment:
    record: Appointment
    enterprise: DemoEnterprise
    expert: DemoExpert


def _end_of_term(start: date, years: int) -> date:
    day = min(start.day, 28) if start.month == 2 else start.day
    return date(start.year + years, start.month, day) - timedelta(days=1)


def _later(a: str, b: str) -> str:
    """``b`` unless it would precede ``a`` (same-day stamps drawn out of order)."""
    return b if b >= a else a


class AppointmentMaker:
    def __init__(self, rng: DemoRandom, world: World) -> None:
        self.rng = rng
        self.world = world
        self.vps = [e for e in world.experts if e.record.can_be_vp]
        self.vps_by_industry: dict[str, list[DemoExpert]] = {}
        for e in self.vps:
            self.vps_by_industry.setdefault(e.industry, []).append(e)

    def make(self, adcode: str, batch_size: int) -> list[DemoAppointment]:
        """This year's batch (started or proposed by now) and last year's for one district."""
        if not self.vps or not self.world.enterprises.get(adcode):
            return []
        rng, year, as_of = self.rng, self.world.year, self.world.as_of
        hosts = self.world.enterprise_picker(adcode, "vp_weight")
        out = []
        for batch, n in ((year - 1, round(batch_size * LAST_YEAR_SHARE)), (year, batch_size)):
            seen: set[str] = set()
            for _ in range(n):
                start = appointment_start(rng, batch)
                if start > as_of + timedelta(days=PROPOSAL_HORIZON_DAYS):
                    continue
                ent = hosts.pick(rng)
                for _retry in range(5):  # one 科技副总 per enterprise and batch, mostly
                    if ent.record.id not in seen:
                        break
                    ent = hosts.pick(rng)
                seen.add(ent.record.id)
                out.append(self._one(ent, batch, start))
        return out

    def _expert(self, industry: str) -> DemoExpert:
        rng = self.rng
        pool = self.vps_by_industry.get(industry) or self.vps
        for _ in range(8):
            e = rng.choice(pool if rng.random() < 0.85 else self.vps)
            if e.appointments < 2:
                break
        e.appointments += 1
        return e

    def _one(self, ent: DemoEnterprise, batch: int, start: date) -> DemoAppointment:
        rng, as_of = self.rng, self.world.as_of
        industry = ent.record.industry
        expert = self._expert(industry)
        end = _end_of_term(start, 1 if rng.random() < 0.6 else 2)
        created_day = min(start - timedelta(days=rng.randint(10, 40)), as_of)
        created = rng.stamp(created_day)
        r = rng.random()
        if start > as_of:
            status, changed = ("withdrawn", as_of) if r < 0.08 else ("proposed", created_day)
        elif r < 0.04:
            status, changed = "withdrawn", min(start, as_of)
        elif end < as_of:
            status, changed = "completed", min(end + timedelta(days=rng.randint(1, 10)), as_of)
        else:
            status, changed = "active", start
        if status in ("active", "completed") and (as_of - start).days > 120 and r > 0.95:
            # Ended early: the expert left, or the enterprise's project stopped.
            last = min(as_of, end - timedelta(days=1))
            end = rng.day_between(start + timedelta(days=60), last)
            status, changed = "ended_early", end
        spec = rng.choice(SPECIALTIES[industry])
        duties = rng.choice(DUTIES).format(spec=spec, inst=expert.record.institution)
        record = Appointment(
            id=rng.uid(),
            created_at=created,
            updated_at=_later(created, rng.stamp(max(changed, created_day))),
            expert_id=expert.record.id,
            enterprise_id=ent.record.id,
            start_date=start.isoformat(),
            end_date=end.isoformat(),
            batch_year=batch,
            status=status,
            duties=duties,
        )
        return DemoAppointment(record, ent, expert)
