"""The result views of a run, as tabs: curves, loss terms, confusion matrix,
validation samples, decision boundary, regression predictions, and the task
previews (:mod:`.previews`) a run's snapshots ask for.

:class:`ResultViews` dispatches what a run reports to the tabs that show it.
Drawing a tab that is not on screen would only slow the window, so results for
hidden tabs wait (the latest only) until the tab is shown or the run ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.training import task_previews  # noqa: F401 - registers the forecast, reconstruction and samples tabs
from designer.ui.training.boundary import (
    DecisionBoundaryView,
    grid_extent,
    predicted_at,
)
from designer.ui.training.confusion import ConfusionMatrixView
from designer.ui.training.gradient_plot import GradientFlowPlot
from designer.ui.training.plot_style import translate_scene_menus
from designer.ui.training.plots import TrainingPlots
from designer.ui.training.previews import preview_kind
from designer.ui.training.regression_view import RegressionView
from designer.ui.training.sample_grid import SampleGridView
from designer.ui.training.terms_plot import LossTermsPlot

CLASSIFYING_TASKS = ("classification", "sequence_classification")


class ResultViews(LanguageFollower, QWidget):
    """The tabs with a run's live results."""

    gradientsMeasured = Signal(object)  # an EpochMetrics with per-layer gradient flow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plots = TrainingPlots()
        self.terms_plot = LossTermsPlot()  # shown once a run reports loss terms
        self.confusion = ConfusionMatrixView()
        self.samples = SampleGridView()
        self.boundary = DecisionBoundaryView()
        self.predictions = RegressionView()
        self.gradients = GradientFlowPlot()  # shown once a run reports gradient norms
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._titles: dict[QWidget, Callable[[], str]] = {}
        for widget, title in (
            (self.plots, lambda: self.tr("Curves")),
            (self.terms_plot, lambda: self.tr("Loss terms")),
            (self.confusion, lambda: self.tr("Confusion matrix")),
            (self.samples, lambda: self.tr("Samples")),
            (self.boundary, lambda: self.tr("Decision boundary")),
            (self.predictions, lambda: self.tr("Predictions")),
            (self.gradients, lambda: self.tr("Gradients")),
        ):
            self.add_tab(widget, title)
        hidden_tabs = (self.terms_plot, self.boundary, self.predictions, self.gradients)
        for hidden in hidden_tabs:
            self._set_visible(hidden, False)
        self.tabs.currentChanged.connect(lambda _index: self.flush(only_current=True))
        self.preview_tabs: dict[str, QWidget] = {}
        self._pending: dict[QWidget, Callable[[], None]] = {}
        self._summary: Any = None  # the run's DatasetSummary
        self._classes: list[str] | None = None
        self._task = ""
        self._metric_name = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def add_tab(self, widget: QWidget, title: Callable[[], str]) -> None:
        """A tab whose title is ``title()`` in the interface language."""
        self._titles[widget] = title
        self.tabs.addTab(widget, title())

    def retranslate(self) -> None:
        for widget, title in self._titles.items():
            self.tabs.setTabText(self.tabs.indexOf(widget), title())
        translate_scene_menus(self)

    @property
    def classes(self) -> list[str] | None:
        """The class names of the last run's data (None: not a labelled dataset)."""
        return self._classes

    def _set_visible(self, widget: QWidget, visible: bool) -> None:
        self.tabs.setTabVisible(self.tabs.indexOf(widget), visible)

    # -- a run's messages ------------------------------------------------------------
    def begin_run(self, label: str | Callable[[], str], epochs: int) -> None:
        """Empty views for a new run (the curves keep the last run as a faint line)."""
        self._summary = None
        self._classes = None
        self._task = ""
        self.plots.start_run(label, epochs=epochs)
        for view in (self.confusion, self.samples, self.boundary, self.predictions):
            view.clear()
        self.terms_plot.start_run(epochs=epochs)
        self._set_visible(self.terms_plot, False)
        self.gradients.clear()
        self._set_visible(self.gradients, False)
        for widget in self.preview_tabs.values():
            widget.clear()  # type: ignore[attr-defined]
            self._set_visible(widget, False)  # until this run sends its kind
        self._pending.clear()

    def clear(self) -> None:
        """No results at all: another project was opened, its runs are not these."""
        self.begin_run("", 0)
        self.plots.clear_history()
        self.terms_plot.clear_history()
        for view in (self.confusion, self.samples):
            self._set_visible(view, True)
        self.tabs.setCurrentWidget(self.plots)

    def dataset_loaded(self, summary: Any) -> None:
        self._summary = summary
        self._classes = summary.classes

    def run_started(self, info: Any) -> None:
        """Show the tabs that fit the run's task and data (a :class:`RunInfo`)."""
        self._classes = info.classes
        self._task = info.task
        self.plots.set_epochs(info.epochs)
        self._metric_name = ""
        self.plots.set_metric(None)
        # A VAE or GAN on a labelled dataset (digits) also knows the classes, but predicts none.
        classifier = info.classes is not None and info.task in CLASSIFYING_TASKS
        self._set_visible(self.confusion, classifier)
        self._set_visible(self.samples, classifier)
        summary = self._summary
        two_d = summary is not None and summary.points is not None and classifier
        self._set_visible(self.boundary, two_d)
        self._set_visible(self.predictions, info.task == "regression")

    def add_step(self, update: Any) -> None:
        epoch_x = update.epoch - 1 + update.epoch_fraction
        self.plots.add_step(epoch_x, update.loss, update.smoothed_loss, update.lr)

    def redraw_curves(self) -> None:
        self.show_when_visible(self.plots, self.plots.redraw)

    def add_epoch(self, metrics: Any) -> None:
        """An :class:`EpochMetrics`: the curves, loss terms and confusion matrix."""
        metric = metrics.val_accuracy
        extra = metrics.extra or {}
        if metric is None and self._metric_name and self._metric_name in extra:
            metric = extra[self._metric_name]
        elif metric is None and not self._metric_name and extra:
            self._metric_name = next(iter(extra))  # e.g. "mae" for regression
            self.plots.set_metric(self._metric_name)
            metric = extra[self._metric_name]
        self.plots.add_epoch(
            metrics.epoch, metrics.val_loss, metric, metrics.train_loss, metrics.lr
        )
        if extra:
            self.terms_plot.add_epoch(metrics.epoch, extra)
            self._set_visible(self.terms_plot, True)
            self.show_when_visible(self.terms_plot, self.terms_plot.redraw)
        if getattr(metrics, "grad_norms", None):
            self.gradients.add_epoch(
                metrics.epoch, metrics.grad_norms, metrics.update_ratios
            )
            self._set_visible(self.gradients, True)
            self.show_when_visible(self.gradients, self.gradients.redraw)
            self.gradientsMeasured.emit(metrics)
        if metrics.confusion is not None:
            confusion, classes = metrics.confusion, self._classes
            self.show_when_visible(
                self.confusion, lambda: self.confusion.set_matrix(confusion, classes)
            )

    def show_predictions(self, snapshot: Any) -> None:
        """A :class:`PredictionSnapshot`: samples, predictions, boundary, previews."""
        if snapshot.classes or snapshot.probs is not None:
            self.show_when_visible(
                self.samples, lambda: self.samples.show_snapshot(snapshot)
            )
        elif self._task == "regression":
            self.show_when_visible(
                self.predictions, lambda: self.predictions.show_snapshot(snapshot)
            )
        grid = snapshot.grid
        summary = self._summary
        if grid is not None and summary is not None and summary.points is not None:
            points = np.asarray(summary.points, dtype=float)
            labels = np.asarray(summary.point_labels).astype(int)

            def draw_boundary() -> None:
                predicted = predicted_at(points, grid.xx, grid.yy, grid.probs)
                extent = grid_extent(grid.xx, grid.yy)
                self.boundary.set_boundary(
                    grid.probs, extent, points, labels, predicted, snapshot.classes
                )

            self.show_when_visible(self.boundary, draw_boundary)
        for kind_name, data in (snapshot.previews or {}).items():
            widget = self._preview_widget(kind_name)
            if widget is not None:
                self.show_when_visible(
                    widget,
                    lambda w=widget, d=data: w.show_preview(d),  # type: ignore[attr-defined]
                )

    # -- drawing only what is on screen ----------------------------------------------
    def show_when_visible(self, widget: QWidget, draw: Callable[[], None]) -> None:
        if self.tabs.currentWidget() is widget and self.isVisible():
            self._pending.pop(widget, None)
            draw()
        else:
            self._pending[widget] = draw

    def flush(self, only_current: bool = False) -> None:
        """Draw what waits: everything (the run ended) or the tab now shown."""
        for widget in list(self._pending):
            if not only_current or widget is self.tabs.currentWidget():
                self._pending.pop(widget)()

    def _preview_widget(self, name: str) -> QWidget | None:
        if name in self.preview_tabs:
            widget = self.preview_tabs[name]
            self._set_visible(widget, True)
            return widget
        kind = preview_kind(name)
        if kind is None:
            return None
        widget = kind.factory()
        self.preview_tabs[name] = widget
        self.add_tab(
            widget, lambda: QCoreApplication.translate("ResultViews", kind.title)
        )
        return widget
