"""Gradient flow over a run: per layer, the gradient norm and the update ratio.

One curve per layer with weights, on logarithmic axes, so a layer whose
gradient is a thousand times smaller than its neighbours' (a deep Sigmoid
network's first layers) shows as a line far below the rest.  The numbers come
with every epoch (``EpochMetrics.grad_norms`` and ``update_ratios``).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.theme import ThemeColors, current_theme, follow_theme
from designer.ui.training.plot_style import (
    epoch_plot,
    pen,
    theme_legend,
    theme_plots,
    title,
)
from designer.ui.training.plots import _style_plot, epoch_axis_title, series_color

LAYER_COLORS = (
    "blue",
    "orange",
    "green",
    "violet",
    "crimson",
    "teal",
    "amber",
    "purple",
    "olive",
    "cyan",
    "pink",
    "grey",
)
MAX_LEGEND_ENTRIES = 16  # a 50-layer network gets curves, but no wall of names


def layer_color(theme: ThemeColors, index: int) -> str:
    return series_color(theme, LAYER_COLORS[index % len(LAYER_COLORS)])


class GradientFlowPlot(LanguageFollower, QWidget):
    """Two stacked log plots: gradient norm and update/weight ratio per layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = pg.GraphicsLayoutWidget()
        self._view.ci.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self.norm_plot: pg.PlotItem = epoch_plot()
        self.ratio_plot: pg.PlotItem = epoch_plot()
        _style_plot(self.norm_plot, "", "")
        _style_plot(self.ratio_plot, "", "")
        for plot in (self.norm_plot, self.ratio_plot):
            plot.setLogMode(y=True)
            plot.setDownsampling(auto=False)
        self.ratio_plot.setXLink(self.norm_plot)
        # The legend sits beside the plots, never over a curve.
        self.legend = pg.LegendItem(labelTextSize="8pt", frame=False, verSpacing=-6)
        self._wide: bool | None = None
        self._arrange(wide=True)
        self.epochs: list[int] = []
        self.norms: dict[str, list[float]] = {}
        self.ratios: dict[str, list[float]] = {}
        self.norm_curves: dict[str, pg.PlotDataItem] = {}
        self.ratio_curves: dict[str, pg.PlotDataItem] = {}
        self.theme = current_theme()
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        title(self.norm_plot, self.tr("Gradient norm per layer"), self.theme)
        self.norm_plot.setLabel("left", self.tr("norm"))
        title(self.ratio_plot, self.tr("Update / weight ratio per layer"), self.theme)
        self.ratio_plot.setLabel("left", self.tr("ratio"))
        for plot in (self.norm_plot, self.ratio_plot):
            plot.setLabel("bottom", epoch_axis_title())

    def _arrange(self, wide: bool) -> None:
        """Side by side in a wide, low dock; stacked in a tall one."""
        if wide == self._wide:
            return
        self._wide = wide
        for item in (self.norm_plot, self.ratio_plot, self.legend):
            if item.scene() is not None:
                self._view.removeItem(item)
        self._view.addItem(self.norm_plot, row=0, col=0)
        self._view.addItem(self.ratio_plot, row=0 if wide else 1, col=1 if wide else 0)
        self._view.addItem(self.legend, row=0, col=2 if wide else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        size = event.size()
        self._arrange(wide=size.width() > 1.6 * size.height())

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        theme_plots(self._view, theme, self.norm_plot, self.ratio_plot)
        theme_legend(self.legend, theme)
        for index, name in enumerate(self.norm_curves):
            color = layer_color(theme, index)
            for curve in (self.norm_curves[name], self.ratio_curves[name]):
                curve.setPen(pen(color, 2.0))
                curve.setSymbolBrush(color)

    def clear(self) -> None:
        """Empty for a new run."""
        for curves, plot in (
            (self.norm_curves, self.norm_plot),
            (self.ratio_curves, self.ratio_plot),
        ):
            for curve in curves.values():
                plot.removeItem(curve)
            curves.clear()
        self.legend.clear()
        self.epochs, self.norms, self.ratios = [], {}, {}

    def add_epoch(
        self, epoch: int, grad_norms: dict[str, float], update_ratios: dict[str, float]
    ) -> None:
        """Keep one epoch's numbers (a layer missing in an epoch gets a gap)."""
        self.epochs.append(epoch)
        for name in grad_norms:
            if name not in self.norms:
                self.norms[name] = [math.nan] * (len(self.epochs) - 1)
                self.ratios[name] = [math.nan] * (len(self.epochs) - 1)
        for name in self.norms:
            self.norms[name].append(_positive(grad_norms.get(name)))
            self.ratios[name].append(_positive(update_ratios.get(name)))

    def redraw(self) -> None:
        x = np.asarray(self.epochs, dtype=float)
        for name in self.norms:
            if name not in self.norm_curves:
                self._add_curves(name)
            self.norm_curves[name].setData(x, np.asarray(self.norms[name]))
            self.ratio_curves[name].setData(x, np.asarray(self.ratios[name]))

    def _add_curves(self, name: str) -> None:
        index = len(self.norm_curves)
        color = layer_color(self.theme, index)
        style = {"pen": pen(color, 2.0), "symbol": "o", "symbolSize": 5}
        style["symbolBrush"], style["symbolPen"] = color, None
        norm = self.norm_plot.plot(connect="finite", **style)
        ratio = self.ratio_plot.plot(connect="finite", **style)
        if index < MAX_LEGEND_ENTRIES:
            self.legend.addItem(norm, name)
        self.norm_curves[name], self.ratio_curves[name] = norm, ratio


def _positive(value: float | None) -> float:
    """A value a log axis can draw; nan (a gap) for none, zero or non-finite."""
    if value is None or not math.isfinite(value) or value <= 0:
        return math.nan
    return float(value)
