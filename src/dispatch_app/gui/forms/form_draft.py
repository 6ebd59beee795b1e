"""A record form as a draft: every field as shown, and back (see ``..draft_keeper``).

Lookup fields keep the text typed as well as the chosen id, so a half-typed enterprise name
comes back half-typed; a subclass's extra section (a team's roster) rides along as ``_extra``.
"""

from __future__ import annotations

from typing import Any

from ..lookup_edit import LookupEdit
from .fields import read_value


def values_of(form: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in form.fields:
        w = form.editors[spec.name]
        if isinstance(w, LookupEdit):
            out[spec.name] = {"id": w.selected_id, "text": w.text()}
        else:
            out[spec.name] = read_value(w)
    extra = form.extra_draft()
    if extra is not None:
        out["_extra"] = extra
    return out


def restore(form: Any, values: dict[str, Any]) -> None:
    """Fill the fields as typed; messages show for what differs from the record as shown."""
    baseline = form.keeper.baseline
    texts = {k: str(v.get("text", "")) for k, v in values.items() if isinstance(v, dict)}
    plain = {k: (v.get("id", "") if isinstance(v, dict) else v) for k, v in values.items()}
    form._fill(texts, plain)
    form.restore_extra_draft(values.get("_extra"))
    form._touched = {s.name for s in form.fields if values.get(s.name) != baseline.get(s.name)}
    form.validate()
