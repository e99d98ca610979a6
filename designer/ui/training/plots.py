"""Live training curves: loss per step (raw and smoothed), validation per epoch, LR.

The x axis of every plot is the epoch as a real number (step 50 of 100 in
epoch 2 is x = 1.5), so per-step and per-epoch curves line up.  Earlier runs of
the session stay behind the current one as faint curves for comparison.  The
epoch axis shows whole epochs, and the plots follow the app's theme.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from designer.ui.theme import ThemeColors, current_theme, follow_theme
from designer.ui.training.plot_style import (
    VIEW_PADDING,
    epoch_plot,
    legend_size,
    pen,
    relabel_legend,
    theme_plots,
    title,
)

# Curve colours, by their name in the theme's SeriesColors.
RAW_LOSS = "pale_blue"
SMOOTH_LOSS = "blue"
VAL_LOSS = "orange"
VAL_ACCURACY = "green"
LEARNING_RATE = "violet"
FAINT_ALPHA = 70
EPOCH_SMOOTHING = (
    0.6  # moving-average weight when the smoothed curve steps a whole epoch
)
MAX_PAST_RUNS = 6


@dataclass
class _Series:
    """A growing curve kept as Python lists (cheap appends, converted on redraw)."""

    x: list[float] = field(default_factory=list)
    y: list[float] = field(default_factory=list)

    def add(self, x: float, y: float | None) -> None:
        if y is None or not np.isfinite(y):
            return
        self.x.append(float(x))
        self.y.append(float(y))

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.asarray(self.x, dtype=float), np.asarray(self.y, dtype=float)

    def __len__(self) -> int:
        return len(self.y)


def series_color(theme: ThemeColors, role: str) -> str:
    """The colour of the series role ``role`` (a SeriesColors field) in ``theme``."""
    return getattr(theme.series, role)


def epoch_axis_title() -> str:
    return QCoreApplication.translate("TrainingPlots", "epoch")


def _style_plot(plot: pg.PlotItem, title: str, left: str) -> None:
    """Everything but the colours, which :func:`theme_plot` sets (``title`` and
    ``left`` in the interface language)."""
    plot.setTitle(title)
    plot.setLabel("left", left)
    plot.setLabel("bottom", epoch_axis_title())
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setMenuEnabled(False)
    plot.setClipToView(True)
    plot.setDownsampling(auto=True, mode="peak")
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.enableAutoSIPrefix(False)
    plot.getAxis("left").setWidth(58)  # equal widths keep the stacked x axes aligned


def _detach(item: pg.PlotDataItem) -> None:
    """Take a curve off its plot for good.

    Through the PlotItem when it has one: the view box's own removeItem leaves the
    curve in the plot's lists (items, curves, data items), which kept every faded
    run's curves alive for the whole session.
    """
    view = item.getViewBox()
    if view is None:
        return
    plot = view.parentItem()
    while plot is not None and not isinstance(plot, pg.PlotItem):
        plot = plot.parentItem()
    if plot is not None and item in plot.items:
        plot.removeItem(item)
    else:
        view.removeItem(item)


def nice_ceiling(value: float) -> float:
    """The next of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 × 10^k at or above ``value``."""
    if value <= 0 or not math.isfinite(value):
        return 1.0
    exponent = math.floor(math.log10(value))
    for mantissa in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        candidate = mantissa * 10.0**exponent
        if candidate >= value * (1 - 1e-12):
            return candidate
    return 10.0 ** (exponent + 1)


class _StableRange:
    """Chooses a y range that changes rarely, so the axes are not repainted per update.

    The range is [0, nice top] (or from a nice negative bottom); it grows when data
    passes the top and shrinks when all data has fallen below 30% of it.  Once the
    user zooms or pans the plot, it is left alone until the next run.
    """

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.top: float | None = None
        self.bottom = 0.0
        self.user_controlled = False
        self._setting = False
        plot.getViewBox().sigRangeChangedManually.connect(self._manual)

    def _manual(self, *_args) -> None:
        self.user_controlled = True

    def reset(self) -> None:
        self.top = None
        self.user_controlled = False

    def fit(self, low: float, high: float) -> None:
        if self.user_controlled or not (math.isfinite(low) and math.isfinite(high)):
            return
        bottom = 0.0 if low >= 0 else -nice_ceiling(-low)
        if (
            self.top is not None
            and bottom == self.bottom
            and 0.3 * self.top <= high <= self.top
        ):
            return
        self.top, self.bottom = nice_ceiling(high * 1.05) if high > 0 else 1.0, bottom
        self.plot.setYRange(self.bottom, self.top, padding=VIEW_PADDING)


class TrainingPlots(QWidget):
    """Three stacked plots sharing the epoch axis: loss, accuracy, learning rate.

    The x axis spans the whole run from its start and the y ranges change in
    steps, so while training only the curves are repainted, not the axes (with
    pyqtgraph the axes are the costly part of a repaint).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout_widget = pg.GraphicsLayoutWidget()
        self._layout_widget.ci.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._layout_widget)

        self.loss_plot: pg.PlotItem = epoch_plot()
        self.accuracy_plot: pg.PlotItem = epoch_plot()
        self.lr_plot: pg.PlotItem = epoch_plot()
        _style_plot(self.loss_plot, "", "")
        _style_plot(self.accuracy_plot, "", "")
        _style_plot(self.lr_plot, "", "")
        self._metric: str | None = None
        self._run_label: Callable[[], str] = self._numbered_run_label
        self.accuracy_plot.setYRange(0.0, 1.0, padding=VIEW_PADDING)
        self.metric_range = _StableRange(self.accuracy_plot)
        self.metric_is_accuracy = True
        self.accuracy_plot.setXLink(self.loss_plot)
        self.lr_plot.setXLink(self.loss_plot)
        self._wide: bool | None = None
        self._arrange(wide=False)
        self.loss_range = _StableRange(self.loss_plot)
        self.lr_range = _StableRange(self.lr_plot)
        self._epochs = 0
        self.loss_plot.addLegend(offset=(-8, 8), labelTextSize=legend_size())

        # Faded curves of earlier runs, each with its colour's role.
        self._past_items: list[list[tuple[pg.PlotDataItem, str]]] = []
        self._run_number = 0
        self.theme: ThemeColors = current_theme()
        self._create_current_curves()
        follow_theme(self._restyle)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Titles, axes and legend in the interface language."""
        title(self.loss_plot, self.tr("Loss"), self.theme)
        self.loss_plot.setLabel("left", self.tr("loss"))
        title(self.lr_plot, self.tr("Learning rate"), self.theme)
        self.lr_plot.setLabel("left", self.tr("learning rate"))
        for plot in (self.loss_plot, self.accuracy_plot, self.lr_plot):
            plot.setLabel("bottom", epoch_axis_title())
        self._show_metric_texts()
        relabel_legend(self.loss_plot.legend, self._loss_legend_labels())
        relabel_legend(
            self.accuracy_plot.legend, {self.val_accuracy_curve: self._run_label()}
        )

    def _numbered_run_label(self) -> str:
        return self.tr("run {0}").format(self._run_number + 1)

    def _loss_legend_labels(self) -> dict[object, str]:
        return {
            self.raw_curve: self.tr("training (per step)"),
            self.smooth_curve: self.tr("training (smoothed)"),
            self.val_loss_curve: self.tr("validation"),
        }

    def _show_metric_texts(self) -> None:
        name = self._metric
        if name is None:
            heading, label = self.tr("Validation accuracy"), self.tr("accuracy")
        else:
            from designer.ui.training.terms_plot import (
                metric_name,
            )  # imports this module

            label = metric_name(name)
            heading = self.tr("Validation {0}").format(label)
        title(self.accuracy_plot, heading, self.theme)
        self.accuracy_plot.setLabel("left", label)

    def _restyle(self, theme: ThemeColors) -> None:
        """Background, axes and every curve in the app's theme."""
        self.theme = theme
        theme_plots(
            self._layout_widget, theme, self.loss_plot, self.accuracy_plot, self.lr_plot
        )
        self._pen_current_curves()
        for items in self._past_items:
            for curve, role in items:
                curve.setPen(self._faint_pen(role))

    def _color(self, role: str) -> str:
        return series_color(self.theme, role)

    def _faint_pen(self, role: str):
        return pen(self._color(role), 1.4, FAINT_ALPHA, Qt.PenStyle.DashLine)

    def _pen_current_curves(self) -> None:
        for curve, role, width in (
            (self.raw_curve, RAW_LOSS, 1.0),
            (self.smooth_curve, SMOOTH_LOSS, 2.2),
            (self.val_loss_curve, VAL_LOSS, 2.2),
            (self.val_accuracy_curve, VAL_ACCURACY, 2.2),
            (self.lr_curve, LEARNING_RATE, 1.8),
        ):
            curve.setPen(pen(self._color(role), width))
            if curve.opts["symbol"] is not None:
                curve.setSymbolBrush(self._color(role))

    # -- layout ---------------------------------------------------------------
    def _arrange(self, wide: bool) -> None:
        """Stack the plots (a tall panel) or put them side by side (a wide, low dock)."""
        if wide == self._wide:
            return
        self._wide = wide
        items = self._layout_widget.ci
        grid = items.layout
        plots = (self.loss_plot, self.accuracy_plot, self.lr_plot)
        for plot in plots:
            if plot in items.items:
                items.removeItem(plot)
        stretches = (5, 4, 3) if wide else (3, 2, 1)
        for index, plot in enumerate(plots):
            items.addItem(plot, row=0 if wide else index, col=index if wide else 0)
        for index, stretch in enumerate(stretches):
            grid.setRowStretchFactor(
                index, (1 if index == 0 else 0) if wide else stretch
            )
            grid.setColumnStretchFactor(
                index, stretch if wide else (1 if index == 0 else 0)
            )

    @property
    def side_by_side(self) -> bool:
        return bool(self._wide)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange(wide=self.width() > 1.8 * max(self.height(), 1))
        # A legend wider than half its plot would hide the curves; small plots go without.
        plot_width = self.width() * (5 / 12 if self._wide else 1.0)
        for plot in (self.loss_plot, self.accuracy_plot):
            if plot.legend is not None:
                plot.legend.setVisible(plot_width >= 330)

    # -- curves ---------------------------------------------------------------
    def _create_current_curves(self) -> None:
        self.train_raw = _Series()
        self._steps_this_epoch = 0
        self.train_smooth = _Series()
        self.val_loss = _Series()
        self.val_accuracy = _Series()
        self.lr = _Series()
        self.raw_curve = self.loss_plot.plot(
            antialias=True, name=self.tr("training (per step)")
        )
        self.smooth_curve = self.loss_plot.plot(
            antialias=True, name=self.tr("training (smoothed)")
        )
        self.val_loss_curve = self.loss_plot.plot(
            symbol="o",
            symbolSize=6,
            symbolPen=None,
            antialias=True,
            name=self.tr("validation"),
        )
        self.val_accuracy_curve = self.accuracy_plot.plot(
            symbol="o",
            symbolSize=6,
            symbolPen=None,
            antialias=True,
            name=self._run_label(),
        )
        self.lr_curve = self.lr_plot.plot(antialias=True)
        self._pen_current_curves()

    def _current_curves(self) -> tuple[pg.PlotDataItem, ...]:
        return (
            self.raw_curve,
            self.smooth_curve,
            self.val_loss_curve,
            self.val_accuracy_curve,
            self.lr_curve,
        )

    def set_metric(self, name: str | None) -> None:
        """What the middle plot shows: accuracy (None) or a task's metric, e.g. "mae"."""
        self.metric_is_accuracy = name is None
        self._metric = name
        self.metric_range.reset()
        if name is None:
            self.accuracy_plot.setYRange(0.0, 1.0, padding=VIEW_PADDING)
        self._show_metric_texts()

    def set_epochs(self, epochs: int) -> None:
        """Show the whole run, 0 to ``epochs``, on the shared x axis."""
        self._epochs = max(1, int(epochs))
        self.loss_plot.setXRange(0.0, float(self._epochs), padding=VIEW_PADDING)

    def start_run(
        self, label: str | Callable[[], str] | None = None, epochs: int | None = None
    ) -> None:
        """Fade the current run's curves (if it has data) and start fresh ones."""
        self.loss_range.reset()
        self.lr_range.reset()
        if epochs:
            self.set_epochs(epochs)
        if len(self.train_raw) or len(self.val_loss):
            self._fade_current()
            self._run_number += 1
        else:
            self._remove_legend_entries()
            for item in self._current_curves():
                _detach(item)
        if not label:
            self._run_label = self._numbered_run_label
        self._create_current_curves()
        if label:
            self.set_run_label(label)

    def set_run_label(self, label: str | Callable[[], str]) -> None:
        """The run's name in the legend: a text, or a function giving it in the
        interface language."""
        self._run_label = label if callable(label) else (lambda: label)
        legend = self.accuracy_plot.legend
        if legend is not None:
            legend.removeItem(self.val_accuracy_curve)
            legend.addItem(self.val_accuracy_curve, self._run_label())

    def _remove_legend_entries(self) -> None:
        for plot, items in (
            (self.loss_plot, (self.raw_curve, self.smooth_curve, self.val_loss_curve)),
            (self.accuracy_plot, (self.val_accuracy_curve,)),
        ):
            if plot.legend is not None:
                for item in items:
                    plot.legend.removeItem(item)

    def _fade_current(self) -> None:
        """Turn this run's curves into faint, legend-less ones and keep a few runs."""
        self._remove_legend_entries()
        self.loss_plot.removeItem(self.raw_curve)
        faded = []
        for curve, role in (
            (self.smooth_curve, SMOOTH_LOSS),
            (self.val_loss_curve, VAL_LOSS),
            (self.val_accuracy_curve, VAL_ACCURACY),
            (self.lr_curve, LEARNING_RATE),
        ):
            curve.setPen(self._faint_pen(role))
            curve.setSymbol(None)
            curve.setZValue(-10)
            faded.append((curve, role))
        self._past_items.append(faded)
        while len(self._past_items) > MAX_PAST_RUNS:
            for curve, _role in self._past_items.pop(0):
                _detach(curve)

    @property
    def past_run_count(self) -> int:
        return len(self._past_items)

    # -- updates --------------------------------------------------------------
    def add_step(self, epoch_x: float, loss: float, smoothed: float, lr: float) -> None:
        self._steps_this_epoch += 1
        self.train_raw.add(epoch_x, loss)
        self.train_smooth.add(epoch_x, smoothed)
        self.lr.add(epoch_x, lr)

    def add_epoch(
        self,
        epoch_x: float,
        val_loss: float | None,
        val_accuracy: float | None,
        train_loss: float | None = None,
        lr: float | None = None,
    ) -> None:
        """Per-epoch values; the epoch's mean training loss and LR close the step curves."""
        steps_seen, self._steps_this_epoch = self._steps_this_epoch, 0
        if train_loss is not None and steps_seen == 0:
            # No step update came during this epoch (a fast run): the epoch's mean
            # loss stands in.  Mixed with step updates it would be a false spike.
            self.train_raw.add(epoch_x, train_loss)
            # Continue the smoothed curve through the epoch's mean, so a fast run
            # (few step updates) still gets a smoothed line.
            last = self.train_smooth.y[-1] if len(self.train_smooth) else train_loss
            self.train_smooth.add(
                epoch_x, EPOCH_SMOOTHING * last + (1 - EPOCH_SMOOTHING) * train_loss
            )
        if lr is not None and (not self.lr.x or self.lr.x[-1] < epoch_x):
            self.lr.add(epoch_x, lr)
        self.val_loss.add(epoch_x, val_loss)
        self.val_accuracy.add(epoch_x, val_accuracy)

    def redraw(self) -> None:
        """Push the collected points to the curves (called at most ~20 times a second)."""
        for series, curve in (
            (self.train_raw, self.raw_curve),
            (self.train_smooth, self.smooth_curve),
            (self.val_loss, self.val_loss_curve),
            (self.val_accuracy, self.val_accuracy_curve),
            (self.lr, self.lr_curve),
        ):
            if len(series):
                curve.setData(*series.arrays())
        losses = self.train_raw.y + self.train_smooth.y + self.val_loss.y
        if losses:
            self.loss_range.fit(min(losses), max(losses))
        if len(self.lr):
            self.lr_range.fit(min(0.0, min(self.lr.y)), max(self.lr.y))
        if len(self.val_accuracy) and not self.metric_is_accuracy:
            self.metric_range.fit(min(self.val_accuracy.y), max(self.val_accuracy.y))

    def clear_history(self) -> None:
        """Forget every run, past and current."""
        for items in self._past_items:
            for curve, _role in items:
                _detach(curve)
        self._past_items.clear()
        self._remove_legend_entries()
        for item in self._current_curves():
            _detach(item)
        self._run_number = 0
        self._run_label = self._numbered_run_label
        self._create_current_curves()
