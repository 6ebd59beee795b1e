"""A record page: search box, filters, match count, lazily fetched table, and a detail pane.

Typing in the search box is debounced (250 ms) and becomes a new SQL query (``store.listing``);
the count of matches is shown beside it. "Related" buttons on another page arrive here as a
filter chip ("Visits of 温州XX ✕") that one click removes -- or, where the page has a typed
filter for that record (the expert filter), in that filter's box, where the user sees it and
clears it like any other choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services import lookup
from ...store.listing import Criteria
from ..column_widths import fit_columns, squeeze_columns
from ..i18n import N_, tr
from ..lookup_edit import LookupEdit
from ..models.record_table import RecordTableModel
from ..table_view import TableView

SEARCH_DEBOUNCE_MS = 250

# Chip texts by filter name, e.g. "Visits of 温州XX".
_CHIP = {
    "enterprise": N_("Related to enterprise: {name}"),
    "expert": N_("Related to expert: {name}"),
    "team": N_("Related to team: {name}"),
    "visit": N_("Of the visit on {name}"),
}
_CHIP_TABLE = {"enterprise": "enterprises", "expert": "experts", "team": "teams", "visit": "visits"}


class RecordPage(QWidget):
    """Subclasses set ``key``, ``kind``, ``search_hint`` and add filters/detail pane."""

    rows_painted = Signal()
    status_message = Signal(str)

    key = ""
    kind = ""
    search_hint = N_("Search")
    detail_width = 440  # the detail pane's starting width (a read-only summary needs less)

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window_ = window
        self.store: Any = None
        self.setObjectName(f"page_{self.key}")
        self.model = RecordTableModel(self.kind, self)
        self.filters: dict[str, QWidget] = {}
        self._chip_filter: tuple[str, str] | None = None
        self._drill_filters: dict[str, Any] = {}  # shown in the chip (show_filtered)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply)
        self._build()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr(self.search_hint))
        self.search.setClearButtonEnabled(True)
        # The spare width of the bar goes to the search box first (its hint must be readable
        # whole), up to a sensible width; only then to the gap before the count.
        self.search.setMinimumWidth(220)
        self.search.setMaximumWidth(420)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        bar.addWidget(self.search, 2)
        self.filter_bar = bar
        self._second_row: QHBoxLayout | None = None
        self.build_filters()
        if self.model.spec.archived:
            self.archived_box = QCheckBox(tr("Show archived"), self)
            self.archived_box.toggled.connect(lambda _b: self.apply())
            bar.addWidget(self.archived_box)
        bar.addStretch(0)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        bar.addWidget(self.count_label)
        self.new_button = QPushButton(self.new_button_text(), self)
        self.new_button.setObjectName("newButton")
        self.new_button.clicked.connect(self.new_record)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        if self._second_row is not None:
            self._second_row.addStretch(1)
            layout.addLayout(self._second_row)

        self.chip = QFrame(self)
        self.chip.setStyleSheet("QFrame { background: #e8f0fb; border-radius: 4px; }")
        chip_layout = QHBoxLayout(self.chip)
        chip_layout.setContentsMargins(8, 2, 2, 2)
        self.chip_label = QLabel(self.chip)
        self.chip_label.setProperty("data", True)
        chip_button = QPushButton(tr("Show all"), self.chip)
        chip_button.clicked.connect(self.clear_related)
        chip_layout.addWidget(self.chip_label, 1)
        chip_layout.addWidget(chip_button)
        self.chip.hide()
        layout.addWidget(self.chip)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.view = TableView(self.splitter)
        self.view.setObjectName("table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        column, order = self.model.sort_column()
        header.setSortIndicator(column, order)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.painted.connect(self._on_view_painted)
        self.view.watch_paint()
        self.model.loaded.connect(self._on_loaded)
        self.detail = self.build_detail(self.splitter)
        self.splitter.addWidget(self.view)
        if self.detail is not None:
            self.splitter.addWidget(self.detail)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            self.splitter.setSizes([1200 - self.detail_width, self.detail_width])
        layout.addWidget(self.splitter, 1)
        self._column_widths_set = False
        self._columns_squeezed = False

    def new_button_text(self) -> str:
        return tr("New")

    def build_filters(self) -> None:
        """Subclasses add their filter widgets with the ``add_*_filter`` helpers."""

    def build_detail(self, parent: QWidget) -> QWidget | None:
        return None

    # -- filter helpers --------------------------------------------------------------------
    def start_second_filter_row(self) -> None:
        """The filters added after this go on a row under the search box: a page with many
        filters (visits) must still fit a 1366-pixel screen, and keep its search hint whole."""
        self._second_row = QHBoxLayout()
        self.filter_bar = self._second_row

    def add_combo_filter(self, name: str, all_text: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{name}")
        combo.addItem(tr(all_text), None)
        for text, value in items:
            combo.addItem(text, value)
        # Long team names must not squeeze the search box: the closed combo stays compact and
        # its pop-up list is as wide as the longest entry.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        # ...but wide enough to show its "All ..." entry in either language.
        combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance(tr(all_text)) + 36)
        combo.setMaximumWidth(180)
        combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        combo.view().setMinimumWidth(220)
        combo.currentIndexChanged.connect(lambda _i: self.apply())
        self.filter_bar.addWidget(combo)
        self.filters[name] = combo
        return combo

    def add_district_filter(self) -> QComboBox:
        combo = self.add_combo_filter("district", N_("All districts"), [])
        combo.setProperty("options", "districts")
        return combo

    def add_team_filter(self) -> QComboBox:
        combo = self.add_combo_filter("team", N_("All teams"), [])
        combo.setProperty("options", "teams")
        return combo

    def add_date_filter(self, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"filter_{name}")
        edit.setPlaceholderText(tr(hint))
        edit.setFixedWidth(105)
        edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.filter_bar.addWidget(edit)
        self.filters[name] = edit
        return edit

    def add_expert_filter(self) -> LookupEdit:
        """Experts are too many (~800) for a combo: typed name or pinyin, picked from a completer.

        Only a picked expert filters; text typed but not picked leaves the list as it is.
        """
        edit = LookupEdit(self._expert_completions, self)
        edit.setObjectName("filter_expert")
        edit.setPlaceholderText(tr("Expert (name or pinyin)"))
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 40)
        edit.setMaximumWidth(220)
        edit.chosen.connect(lambda _id: self.apply())
        edit.returnPressed.connect(edit.choose_single)  # a name that fits one expert: Enter
        self.filter_bar.addWidget(edit)
        self.filters["expert"] = edit
        return edit

    def _expert_completions(self, text: str) -> list[lookup.Option]:
        return lookup.expert_completions(self.store, text) if self.store is not None else []

    def _refresh_filter_options(self) -> None:
        """Refill the pick-list filters (districts, teams) from the open database; a typed
        record filter (expert) holds an id of the previous database, so it is emptied."""
        for w in self.filters.values():
            if isinstance(w, LookupEdit):
                w.blockSignals(True)
                w.clear_selection()
                w.blockSignals(False)
        sources = {"districts": lookup.district_options, "teams": lookup.team_options}
        for combo in self.filters.values():
            source = (
                sources.get(combo.property("options")) if isinstance(combo, QComboBox) else None
            )
            if source is not None:
                current = combo.currentData()
                combo.blockSignals(True)
                while combo.count() > 1:
                    combo.removeItem(1)
                for o in source(self.store) if self.store else []:
                    combo.addItem(o.text, o.id)
                i = combo.findData(current) if current else 0
                combo.setCurrentIndex(max(i, 0))
                combo.blockSignals(False)

    # -- data ------------------------------------------------------------------------------
    def set_store(self, store: Any) -> None:
        self.store = store
        self._refresh_filter_options()
        self.store_changed()
        self.model.set_store(store)

    def store_changed(self) -> None:
        """Subclasses refresh their pick lists and detail panes here."""

    def criteria(self) -> Criteria:
        filters: dict[str, Any] = {}
        for name, w in self.filters.items():
            if isinstance(w, QComboBox):
                value = w.currentData()
                if value is not None:
                    filters[name] = value
            elif isinstance(w, LookupEdit):
                if w.selected_id:
                    filters[name] = w.selected_id
            elif isinstance(w, QLineEdit) and w.text().strip():
                from ...domain.dates import parse_date  # (its tables load on first use)
                from ...domain.problems import InvalidValue

                try:
                    filters[name] = parse_date(w.text()).isoformat()
                    w.setStyleSheet("")
                except InvalidValue:
                    w.setStyleSheet("border: 1px solid #b00020;")
        if self._chip_filter is not None:
            filters[self._chip_filter[0]] = self._chip_filter[1]
        filters.update(self._drill_filters)
        old = self.model.criteria
        return Criteria(
            search=self.search.text(),
            filters=filters,
            include_archived=bool(
                getattr(self, "archived_box", None) and self.archived_box.isChecked()
            ),
            sort_key=old.sort_key,
            descending=old.descending,
        )

    def apply(self) -> None:
        """Run the search/filters now (the debounce timer calls this)."""
        self._search_timer.stop()
        self.model.set_criteria(self.criteria())

    def reload(self) -> None:
        self.store_changed()
        current = self.current_id()
        self.model.reload()
        if current:
            self.select_record(current)

    def _on_loaded(self, total: int) -> None:
        self.count_label.setText(tr("{n} matches").format(n=f"{total:,}"))
        if not self._column_widths_set and self.model.rowCount() > 0:
            self._column_widths_set = True
            fit_columns(self.view, sample_rows=40, maximum=220)  # long names elide
        self.view.watch_paint()  # the model reset repaints the rows; say so once it did

    def _on_view_painted(self) -> None:
        if self._column_widths_set and not self._columns_squeezed:
            self._columns_squeezed = True  # once, on screen: the viewport's width is known now
            squeeze_columns(self.view)
        QTimer.singleShot(0, self, self.rows_painted.emit)  # cancelled if self goes

    # -- selection and related records -----------------------------------------------------
    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _on_current_row(self, current: Any, _previous: Any) -> None:
        record_id = self.model.id_at(current.row()) if current.isValid() else None
        if record_id:
            self.show_record(record_id)

    def show_record(self, record_id: str) -> None:
        """Show a record in the detail pane (subclasses)."""

    def select_record(self, record_id: str) -> None:
        """Select a record's row when it is among the fetched rows, and show it."""
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        self.show_record(record_id)

    def show_related(self, filter_name: str, record_id: str) -> None:
        """Show only the records related to one record (from another page's button)."""
        name = lookup.display_name(self.store, _CHIP_TABLE[filter_name], record_id)
        self._drill_filters = {}
        edit = self.filters.get(filter_name)
        if isinstance(edit, LookupEdit):
            # The page's own filter shows it: visible, and cleared like any other choice.
            self._chip_filter = None
            self.chip.hide()
            edit.set_selected(record_id, name)
            edit.setCursorPosition(0)
            self.apply()
            return
        for w in self.filters.values():
            if isinstance(w, LookupEdit) and w.selected_id:
                w.clear_selection()  # a link lists *all* the record's related rows, as it counted
        self._chip_filter = (filter_name, record_id)
        self.chip_label.setText(tr(_CHIP[filter_name]).format(name=name))
        self.chip.show()
        self.apply()

    def clear_related(self) -> None:
        self._chip_filter = None
        self._drill_filters = {}
        self.chip.hide()
        self.apply()

    def show_filtered(self, filters: dict[str, Any], description: str) -> None:
        """Show the records behind a figure (the progress dashboard's drill-down): the
        filters this page has a widget for are set there, where the user sees and changes
        them; the others (industry, qualification...) go into the chip, which ``description``
        names and one click removes. Every other filter and the search are cleared."""
        widgets = self.filters
        for w in widgets.values():
            w.blockSignals(True)
        try:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            for name, w in widgets.items():
                value = filters.get(name)
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(max(w.findData(value), 0) if value is not None else 0)
                elif isinstance(w, LookupEdit):
                    w.clear_selection()
                elif isinstance(w, QLineEdit):
                    w.setText(str(value) if value is not None else "")
        finally:
            for w in widgets.values():
                w.blockSignals(False)
        shown = {
            n
            for n, w in widgets.items()
            if isinstance(w, (QComboBox, QLineEdit)) and not isinstance(w, LookupEdit)
        }
        self._chip_filter = None
        self._drill_filters = {k: v for k, v in filters.items() if k not in shown}
        self.chip_label.setText(description)
        self.chip.setVisible(bool(description))
        self.apply()

    def new_record(self) -> None:
        """The page's New button (subclasses)."""

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def save_current(self) -> bool:
        return False
