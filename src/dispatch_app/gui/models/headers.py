"""Column headers of the tables, by listing column key (translated when shown)."""

from __future__ import annotations

from ..i18n import N_, tr

HEADERS: dict[str, str] = {
    "name": N_("Name"),
    "uscc": N_("USCC"),
    "district": N_("District"),
    "industry": N_("Industry"),
    "size": N_("Size"),
    "qualifications": N_("Qualifications"),
    "contact": N_("Contact"),
    "institution": N_("Institution"),
    "title": N_("Title"),
    "specialties": N_("Specialties"),
    "can_be_vp": N_("Can be tech VP"),
    "leader": N_("Leader"),
    "members": N_("Members"),
    "expert": N_("Expert"),
    "enterprise": N_("Enterprise"),
    "start_date": N_("Start"),
    "end_date": N_("End"),
    "batch_year": N_("Batch"),
    "status": N_("Status"),
    "visit_date": N_("Visit date"),
    "team": N_("Team"),
    "visit_type": N_("Type"),
    "problems": N_("Problems found"),
    "year": N_("Year"),
    "approved": N_("Approved"),
    "due_date": N_("Due"),
    "description": N_("Item"),
    "owner": N_("Owner"),
    "needs_coordination": N_("Needs bureau"),
}

# Where one key needs another word on one page.
OVERRIDES: dict[tuple[str, str], str] = {
    ("teams", "name"): N_("Team"),
    ("cases", "title"): N_("Case title"),
    ("enterprises", "name"): N_("Enterprise"),
}


def header_text(kind: str, key: str) -> str:
    return tr(OVERRIDES.get((kind, key)) or HEADERS.get(key, key))
