"""Explainable matching of experts and teams to an enterprise (core, no Qt). See README.md."""

from .policy import MatchPolicy
from .rank import APPOINTMENT, VISIT, Suggestion
from .service import MatchResult, match

__all__ = ["APPOINTMENT", "VISIT", "MatchPolicy", "MatchResult", "Suggestion", "match"]
