"""What choosing a suggestion does in each place the suggestions dialog is opened from.

- the enterprises page: a 拟派 appointment (``matching.choose.appoint_suggested``) or a 计划中
  visit (``plan_suggested_visit``), then every page refreshes;
- the visit dialog: the chosen team (and its members) or experts fill the dialog's fields;
- the appointment form: the chosen expert fills the expert field.
Nothing here touches the database but through ``matching.choose``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ... import clock
from ...domain.problems import NotFound, ValidationError
from ...matching.rank import APPOINTMENT, VISIT
from ...store.errors import StoreError
from ..i18n import current_language, pick, tr
from .suggestions_dialog import Choice, SuggestionsDialog

SHORTCUT_EXPERTS = "Ctrl+M"  # 推荐专家
SHORTCUT_TEAMS = "Ctrl+Shift+M"  # 推荐轻骑队


def _refusal(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(p.message(current_language()) for p in exc.problems)
    if isinstance(exc, StoreError):
        return pick(exc.zh, exc.en)
    return str(exc)


def _open(dialog: SuggestionsDialog, owner: Any) -> SuggestionsDialog:
    owner._suggestions_dialog = dialog  # kept while open (and for the tests)
    dialog.open()
    return dialog


def suggest_for_enterprise(page: Any, enterprise_id: str, purpose: str) -> SuggestionsDialog:
    """From the enterprises page: choosing creates the record, then the pages refresh."""
    store = page.store
    window = page.window_

    def on_choose(choice: Choice) -> bool:
        from ...matching.choose import appoint_suggested, plan_suggested_visit

        try:
            if purpose == APPOINTMENT:
                appoint_suggested(store, enterprise_id, choice.id, choice.on)
                text = tr("Proposed {name} as tech VP (status 拟派), from {day}.")
            else:
                plan_suggested_visit(
                    store,
                    enterprise_id,
                    choice.on,
                    team_id=choice.id if choice.kind == "team" else None,
                    expert_ids=choice.expert_ids,
                )
                text = tr("Planned a visit by {name} on {day}.")
        except (ValidationError, StoreError, NotFound) as exc:
            dialog.refuse(_refusal(exc))
            return False
        window.refresh_pages()
        message = text.format(name=choice.name, day=choice.on.isoformat())
        page.last_message = message
        window.statusBar().showMessage(message, 10_000)
        return True

    choose_text = tr("Propose as tech VP") if purpose == APPOINTMENT else tr("Plan the visit")
    dialog = SuggestionsDialog(
        store, enterprise_id, purpose, page, on_choose=on_choose, choose_text=choose_text
    )
    return _open(dialog, page)


def _day(text: str) -> date:
    from ...domain.dates import parse_date
    from ...domain.problems import InvalidValue

    try:
        return parse_date(text)
    except (InvalidValue, ValueError):
        return clock.today()


def suggest_in_visit_dialog(visit_dialog: Any) -> SuggestionsDialog | None:
    """Inside the visit dialog: one click fills the team and/or the experts."""
    enterprise_id = visit_dialog.enterprise.selected_id
    if not enterprise_id:
        visit_dialog._show_banner(tr("Choose the enterprise first, then ask for suggestions."))
        return None

    def on_choose(choice: Choice) -> bool:
        if choice.kind == "team":
            combo = visit_dialog.team
            combo.setCurrentIndex(max(combo.findData(choice.id), 0))
            visit_dialog.experts.add_team(choice.id)
        else:
            for expert_id, name in zip(choice.expert_ids, choice.expert_names, strict=True):
                visit_dialog.experts.add(expert_id, name)
        return True

    dialog = SuggestionsDialog(
        visit_dialog.store,
        enterprise_id,
        VISIT,
        visit_dialog,
        on=_day(visit_dialog.visit_date.text()),
        on_choose=on_choose,
        choose_text=tr("Fill in"),
        date_editable=False,
        except_visit=visit_dialog.visit_id,
    )
    return _open(dialog, visit_dialog)


def suggest_in_appointment_form(form: Any) -> SuggestionsDialog | None:
    """In the appointment form: the chosen expert fills the expert field."""
    enterprise_id = form.editors["enterprise_id"].selected_id
    if not enterprise_id or form.store is None:
        form.show_banner(tr("Choose the enterprise first, then ask for suggestions."))
        return None

    def on_choose(choice: Choice) -> bool:
        form.editors["expert_id"].set_selected(choice.id, choice.name)
        form._on_edited("expert_id")
        return True

    dialog = SuggestionsDialog(
        form.store,
        enterprise_id,
        APPOINTMENT,
        form,
        on=_day(form.editors["start_date"].text()),
        on_choose=on_choose,
        choose_text=tr("Fill in"),
        date_editable=False,
    )
    return _open(dialog, form)
