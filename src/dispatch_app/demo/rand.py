"""Seeded randomness for the demo: ids, timestamps, names and phone numbers.

Everything the generator writes comes from a :class:`DemoRandom` seeded by ``(seed, stage)``
(string seeds are hashed with SHA-512 by :mod:`random`, independent of ``PYTHONHASHSEED``), so
one stage's draws never shift another's and the same arguments give the same database.
"""

from __future__ import annotations

import random
import uuid
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from itertools import accumulate
from typing import Generic, TypeVar

from .pools import FEMALE_GIVEN, MALE_GIVEN, MOBILE_PREFIXES

T = TypeVar("T")


class Weighted(Generic[T]):
    """A fixed weighted choice; precomputed cumulative weights make each draw O(log n)."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum = list(accumulate(float(w) for _, w in pairs))
        self.total = self.cum[-1] if self.cum else 0.0
        if self.total <= 0:
            raise ValueError("a weighted choice needs a positive total weight")

    def pick(self, rng: random.Random) -> T:
        i = bisect_right(self.cum, rng.random() * self.total)
        return self.items[min(i, len(self.items) - 1)]


class DemoRandom(random.Random):
    """``random.Random`` plus the demo's few record-shaped draws."""

    def __init__(self, seed: int, stage: str) -> None:
        super().__init__(f"dispatch-demo:{seed}:{stage}")

    def uid(self) -> str:
        """A version-4 UUID drawn from this generator (never from the OS)."""
        return str(uuid.UUID(int=self.getrandbits(128), version=4))

    def stamp(self, day: date, first_hour: int = 0, last_hour: int = 9) -> str:
        """A UTC timestamp on ``day`` (default 08:00–17:59 Beijing time), record format."""
        secs = first_hour * 3600 + int(self.random() * (last_hour - first_hour + 1) * 3600)
        h, rest = divmod(secs, 3600)
        us = int(self.random() * 1_000_000)
        return f"{day.isoformat()}T{h:02d}:{rest // 60:02d}:{rest % 60:02d}.{us:06d}Z"

    def day_between(self, first: date, last: date) -> date:
        """A uniformly drawn day in ``[first, last]`` (``first`` when the range is empty)."""
        span = (last - first).days
        return first if span <= 0 else date.fromordinal(first.toordinal() + self.randint(0, span))

    def person(self, surnames: Weighted[str]) -> str:
        """A plausible Chinese name: surname + one or two given-name characters."""
        pool = MALE_GIVEN if self.random() < 0.62 else FEMALE_GIVEN
        given = self.choice(pool)
        if self.random() < 0.72:
            given += self.choice(pool)
        return surnames.pick(self) + given

    def mobile(self) -> str:
        """A mainland mobile number (1[3-9] + 9 digits) as the store keeps it."""
        return self.choice(MOBILE_PREFIXES) + f"{self.randrange(100_000_000):08d}"
