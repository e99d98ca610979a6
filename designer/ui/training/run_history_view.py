"""The Runs tab: every kept run of the project in a table, and their curves overlaid.

The table shows each run's name, start, duration, device, epochs and final
metrics, then only the settings (and layers) that differ between the runs, so
"with Dropout" and "without" differ in a ``layers`` column and nothing else.
Selecting runs overlays their curves (:mod:`.run_curves`).  A run's name is
edited in place; runs are deleted after a confirmation; the metrics export as
CSV and the curves as PNG or SVG; a run's weights can be loaded back (the
panel checks in the background that they fit, as for any weights file).

The history itself is Qt-free (:mod:`designer.training.run_history`); the run
controller keeps the runs and this view only reads, renames and deletes them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QItemSelection,
    QItemSelectionModel,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.training.run_compare import export_metrics_csv, table_rows
from designer.training.run_history import RunHistory, RunHistoryError, RunRecord
from designer.training.settings import FIELD_SPECS
from designer.ui.language import LanguageFollower
from designer.ui.training.banner import Banner
from designer.ui.training.run_curves import LOSSES, RunCurves, metric_label
from designer.ui.training.texts import (
    option_label,
    translated_dataset,
    translated_setting,
)

NAME_COLUMN = 0
MAX_COLUMN_WIDTH = 320
RUN_ID = Qt.ItemDataRole.UserRole


class RunHistoryView(LanguageFollower, QWidget):
    """The kept runs of one history, compared."""

    loadWeightsRequested = Signal(object)  # the Path of a run's weights file

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RunHistoryView")
        self.history: RunHistory | None = None
        self.records: list[RunRecord] = []
        self.table = QTableWidget(0, 0)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemChanged.connect(self._item_changed)
        self.curves = RunCurves()
        self.metric_combo = QComboBox()
        self.metric_combo.currentIndexChanged.connect(lambda _i: self._draw())
        self.banner = Banner()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("mutedText")
        self._build()
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Buttons, headers and the metric list in the interface language."""
        self.rename_button.setText(self.tr("Rename"))
        self.delete_button.setText(self.tr("Delete…"))
        self.csv_button.setText(self.tr("Export metrics…"))
        self.csv_button.setToolTip(
            self.tr("Every epoch of the selected runs as a CSV file")
        )
        self.image_button.setText(self.tr("Export curves…"))
        self.image_button.setToolTip(self.tr("The plot below as a PNG or SVG file"))
        self.weights_button.setText(self.tr("Load weights"))
        self.weights_button.setToolTip(
            self.tr("The next run starts from the weights this run trained")
        )
        self.plot_label.setText(self.tr("Plot:"))
        self.empty_label.setText(
            self.tr(
                "No runs yet. Every run you train is kept here to compare with the next."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self._header_label(h) for h in self._headers]
        )
        if self.records:  # the durations and dates are worded in the language too
            self._fill_table({r.run_id for r in self.selected_runs()})
        for index in range(self.metric_combo.count()):
            self.metric_combo.setItemText(
                index, metric_label(self.metric_combo.itemData(index))
            )

    def _build(self) -> None:
        self._headers: list[str] = []
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self._rename_current)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(lambda: self.delete_selected(ask=True))
        self.csv_button = QPushButton()
        self.csv_button.clicked.connect(self._export_csv_dialog)
        self.image_button = QPushButton()
        self.image_button.clicked.connect(self._export_curves_dialog)
        self.weights_button = QPushButton()
        self.weights_button.clicked.connect(self._load_weights)
        # Two short rows, so the tab never makes the training panel wider.
        buttons = QHBoxLayout()
        self.plot_label = QLabel()
        buttons.addWidget(self.plot_label)
        buttons.addWidget(self.metric_combo)
        buttons.addStretch(1)
        for button in (self.rename_button, self.delete_button):
            buttons.addWidget(button)
        exports = QHBoxLayout()
        exports.addStretch(1)
        for button in (self.csv_button, self.image_button, self.weights_button):
            exports.addWidget(button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addLayout(exports)
        top_layout.addWidget(self.banner)
        top_layout.addWidget(self.empty_label)
        top_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.curves)
        self.splitter.setSizes([220, 320])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    # -- the history ------------------------------------------------------------------
    def set_history(self, history: RunHistory | None) -> None:
        self.history = history
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Read the history again, keeping the selection (and adding the run ``select``)."""
        chosen = {r.run_id for r in self.selected_runs()} | (
            {select} if select else set()
        )
        self.records = self.history.runs() if self.history is not None else []
        problems = self.history.problems if self.history is not None else []
        if problems:
            bullets = "\n".join(f"• {p}" for p in problems)
            self.banner.show_message(
                lambda: (
                    self.tr("Some runs could not be read and are not shown:")
                    + "\n"
                    + bullets
                ),
                "warning",
            )
        self._fill_table(chosen)
        self._fill_metrics()
        self.empty_label.setVisible(not self.records)
        self._selection_changed()

    def _fill_table(self, chosen: set[str]) -> None:
        headers, rows = table_rows(self.records, QCoreApplication.translate)
        started = headers.index("started")
        for values, record in zip(rows, self.records, strict=True):
            values[started] = self._started_text(record.started)
        shown = self._headers = headers[1:]  # the run id stays in the item's data
        blocker = QSignalBlocker(self.table)
        self.table.clearContents()
        self.table.setColumnCount(len(shown))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([self._header_label(h) for h in shown])
        for row, values in enumerate(rows):
            for column, text in enumerate(values[1:]):
                item = QTableWidgetItem(text)
                item.setData(RUN_ID, values[0])
                item.setToolTip(text)
                if column != NAME_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self._select_rows(
            [row for row, values in enumerate(rows) if values[0] in chosen]
        )
        del blocker
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column in range(
            self.table.columnCount()
        ):  # long layer lists: see the tooltip
            if self.table.columnWidth(column) > MAX_COLUMN_WIDTH:
                self.table.setColumnWidth(column, MAX_COLUMN_WIDTH)

    def _started_text(self, started: str) -> str:
        """When a run started, in the computer's time zone, as the language writes
        dates (the format, a QDateTime pattern, is translated)."""
        when = QDateTime.fromString(started, Qt.DateFormat.ISODate)
        if not when.isValid():
            return started
        return when.toLocalTime().toString(self.tr("yyyy-MM-dd HH:mm"))

    def _header_label(self, name: str) -> str:
        """A column's title: the table's own, a training setting's label, else the
        name itself (``dropout1.p``: a layer's parameter)."""
        labels = {
            "name": self.tr("Name"),
            "started": self.tr("Started"),
            "duration": self.tr("Duration"),
            "device": self.tr("Device"),
            "epochs done": self.tr("Epochs"),
            "train_loss": self.tr("Training loss"),
            "val_loss": self.tr("Validation loss"),
            "val_accuracy": self.tr("Validation accuracy"),
            "layers": self.tr("Layers"),
            "dataset": self.tr("Dataset"),
        }
        if name in labels:
            return labels[name]
        if name.startswith("layers ("):  # one network's layers, of several
            return self.tr("Layers ({0})").format(name[len("layers (") : -1])
        if name.startswith("dataset."):
            option = name[len("dataset.") :]
            return self.tr("Dataset: {0}").format(
                translated_dataset(option_label(option))
            )
        spec = FIELD_SPECS.get(name)
        if spec is not None and spec.label:
            return translated_setting(spec.label)
        return name

    def _fill_metrics(self) -> None:
        current = self.metric_combo.currentData()
        names = [LOSSES]
        for record in self.records:
            names += [
                n
                for n in record.metric_names()
                if not n.endswith("loss") and n not in names
            ]
        blocker = QSignalBlocker(self.metric_combo)
        self.metric_combo.clear()
        for name in names:
            self.metric_combo.addItem(metric_label(name), name)
        index = self.metric_combo.findData(current)
        self.metric_combo.setCurrentIndex(max(index, 0))
        del blocker

    # -- selection and curves ---------------------------------------------------------
    def selected_runs(self) -> list[RunRecord]:
        ids = {
            item.data(RUN_ID) for item in self.table.selectedItems() if item is not None
        }
        return [r for r in self.records if r.run_id in ids]

    def select_runs(self, run_ids: list[str]) -> None:
        rows = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME_COLUMN)
            if item is not None and item.data(RUN_ID) in run_ids:
                rows.append(row)
        self._select_rows(rows)

    def _select_rows(self, rows: list[int]) -> None:
        """Exactly these rows selected (``selectRow`` would drop the others)."""
        selection = QItemSelection()
        last = self.table.columnCount() - 1
        for row in rows:
            if last >= 0:
                model = self.table.model()
                selection.select(model.index(row, 0), model.index(row, last))
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _selection_changed(self) -> None:
        selected = self.selected_runs()
        for button in (self.delete_button, self.csv_button):
            button.setEnabled(bool(selected))
        self.image_button.setEnabled(bool(selected))
        self.rename_button.setEnabled(len(selected) == 1)
        self.weights_button.setEnabled(
            len(selected) == 1 and selected[0].weights is not None
        )
        self._draw()

    def _draw(self) -> None:
        self.curves.show_runs(
            self.selected_runs(), self.metric_combo.currentData() or LOSSES
        )

    # -- rename and delete ------------------------------------------------------------
    def _rename_current(self) -> None:
        selected = self.selected_runs()
        if len(selected) == 1:
            self.table.editItem(self._name_item(selected[0].run_id))

    def _name_item(self, run_id: str) -> QTableWidgetItem | None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME_COLUMN)
            if item is not None and item.data(RUN_ID) == run_id:
                return item
        return None

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == NAME_COLUMN:
            self.rename_run(item.data(RUN_ID), item.text())

    def rename_run(self, run_id: str, name: str) -> bool:
        """Rename a run.  Called while its cell is being edited, so the table is
        only touched, not rebuilt (that would delete the item being edited)."""
        if self.history is None:
            return False
        index = next(
            (i for i, r in enumerate(self.records) if r.run_id == run_id), None
        )
        if index is None:  # gone meanwhile (deleted outside the app)
            QTimer.singleShot(0, self.refresh)  # not while its cell is being edited
            return False
        try:
            renamed = self.history.rename(run_id, name)
        except RunHistoryError as error:
            problem = str(error)
            self.banner.show_message(
                lambda: self.tr("The run was not renamed: {0}").format(problem),
                "error",
            )
            renamed = self.records[index]
            QTimer.singleShot(0, self.refresh)  # the run may be gone from the disk
        else:
            self.banner.clear()
            self.records[index] = renamed
        item = self._name_item(run_id)
        if item is not None and item.text() != renamed.name:
            blocker = QSignalBlocker(self.table)
            item.setText(renamed.name)
            del blocker
        self._draw()
        return renamed.name == " ".join(name.split())

    def delete_selected(self, ask: bool = True) -> int:
        """Delete the selected runs (after a confirmation when ``ask``); how many went."""
        selected = self.selected_runs()
        if not selected or self.history is None:
            return 0
        if ask:
            names = ", ".join(r.name for r in selected)
            answer = QMessageBox.question(
                self,
                self.tr("Delete runs"),
                self.tr(
                    "Delete {0}? Their metrics and weights are removed for good."
                ).format(names),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        deleted = 0
        for record in selected:
            try:
                self.history.delete(record.run_id)
                deleted += 1
            except RunHistoryError as error:
                self.banner.show_message(str(error), "error")
        self.refresh()
        return deleted

    # -- export and weights -----------------------------------------------------------
    def export_csv(self, path: str | Path) -> bool:
        try:
            target = export_metrics_csv(self.selected_runs(), path)
        except RunHistoryError as error:
            self.banner.show_message(str(error), "error")
            return False
        self.banner.show_message(
            lambda: self.tr("Wrote the metrics to {0}.").format(target), "success"
        )
        return True

    def export_curves(self, path: str | Path) -> bool:
        try:
            target = self.curves.export(path)
        except (OSError, ValueError) as error:
            problem = str(error)
            self.banner.show_message(
                lambda: self.tr("The curves were not saved: {0}").format(problem),
                "error",
            )
            return False
        self.banner.show_message(
            lambda: self.tr("Wrote the curves to {0}.").format(target), "success"
        )
        return True

    def _export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export metrics"), "runs.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(path)

    def _export_curves_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export curves"),
            "runs.png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path:
            self.export_curves(path)

    def _load_weights(self) -> None:
        selected = self.selected_runs()
        if len(selected) == 1 and selected[0].weights is not None:
            self.loadWeightsRequested.emit(selected[0].weights)


def attach_run_history(panel: Any) -> RunHistoryView:
    """Add a Runs tab to the training panel's results and keep it in step with the
    document (its file) and the panel's runs."""
    view = RunHistoryView()
    panel.results.add_tab(
        view, lambda: QCoreApplication.translate("RunHistoryView", "Runs")
    )
    controller, document = panel.runs, panel.document
    controller.project_path = getattr(document, "path", None)

    def show_history() -> None:
        view.set_history(controller.history)

    def project_replaced() -> None:
        controller.set_project_path(getattr(document, "path", None), same_project=False)
        show_history()

    def path_changed(path: Any) -> None:
        controller.history_problem = None
        controller.set_project_path(path, same_project=True)
        show_history()
        if controller.history_problem:
            view.banner.show_message(controller.history_problem, "warning")

    def run_finished(_result: Any) -> None:
        kept = controller.last_kept
        view.refresh(select=kept.run_id if kept is not None else None)
        if controller.history_problem:
            view.banner.show_message(controller.history_problem, "warning")

    document.projectReplaced.connect(project_replaced)
    if hasattr(document, "pathChanged"):
        document.pathChanged.connect(path_changed)
    panel.runFinished.connect(run_finished)
    view.loadWeightsRequested.connect(panel.load_weights_from)
    show_history()
    return view
