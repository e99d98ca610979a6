"""The curves of several kept runs on one plot, to compare them (the Runs tab).

Each run has its own colour from the theme's series colours; with "Loss" chosen
a run's training loss is a solid line and its validation loss a dashed one in the
same colour (dots on the solid line only), so overfitting (training loss falling, validation loss rising) shows
at a glance next to a run that does not overfit.  The plot exports as PNG
(:mod:`pyqtgraph.exporters`) or SVG (Qt's SVG generator).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.theme import ThemeColors, current_theme, follow_theme
from designer.ui.training.plot_style import (
    VIEW_PADDING,
    EpochAxis,
    legend_size,
    pen,
    theme_plots,
    title,
    translate_scene_menus,
)

LOSSES = "loss"  # the choice that draws training and validation loss together
RUN_COLORS = (
    "blue",
    "orange",
    "green",
    "crimson",
    "violet",
    "teal",
    "pink",
    "olive",
    "amber",
    "cyan",
    "purple",
    "grey",
)


def metric_label(name: str) -> str:
    """A metric's name for people (translated where the app knows it)."""
    labels = {
        LOSSES: QCoreApplication.translate("RunCurves", "Loss"),
        "train_loss": QCoreApplication.translate("RunCurves", "Training loss"),
        "val_loss": QCoreApplication.translate("RunCurves", "Validation loss"),
        "val_accuracy": QCoreApplication.translate("RunCurves", "Validation accuracy"),
    }
    if name in labels:
        return labels[name]
    from designer.ui.training.terms_plot import metric_name

    return metric_name(name)


class RunCurves(LanguageFollower, QWidget):
    """One plot with a metric of every run handed to :meth:`show_runs`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(axisItems={"bottom": EpochAxis("bottom")})
        self.plot: pg.PlotItem = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setMenuEnabled(False)
        self.legend = self.plot.addLegend(offset=(-8, 8), labelTextSize=legend_size())
        self.curves: list[pg.PlotDataItem] = []
        self._runs: list[Any] = []
        self._metric = LOSSES
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        """The axis, the title and the legend in the interface language."""
        self.plot.setLabel("bottom", self.tr("epoch"))
        self._draw()
        translate_scene_menus(self)

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        theme_plots(self.plot_widget, theme, self.plot)
        self._draw()

    def show_runs(self, runs: Sequence[Any], metric: str = LOSSES) -> None:
        """Draw ``metric`` of each :class:`~designer.training.run_history.RunRecord`."""
        self._runs = list(runs)
        self._metric = metric
        self._draw()

    def _draw(self) -> None:
        self.plot.clear()
        self.legend.clear()
        self.curves = []
        metric = self._metric
        title(self.plot, metric_label(metric), self.theme)
        accuracy = metric.endswith("accuracy")
        for index, run in enumerate(self._runs):
            color = getattr(self.theme.series, RUN_COLORS[index % len(RUN_COLORS)])
            lines = (
                [
                    ("train_loss", Qt.PenStyle.SolidLine),
                    ("val_loss", Qt.PenStyle.DashLine),
                ]
                if metric == LOSSES
                else [(metric, Qt.PenStyle.SolidLine)]
            )
            for key, style in lines:
                xs, ys = run.series(key)
                if not xs:
                    continue
                name = (
                    run.name if metric != LOSSES else f"{run.name}: {metric_label(key)}"
                )
                curve = self.plot.plot(
                    xs,
                    ys,
                    pen=pen(color, 2.2, style=style),
                    # Dots on solid lines only: in the legend too, validation
                    # (dashed, no dots) is told apart from training at a glance.
                    symbol="o" if style == Qt.PenStyle.SolidLine else None,
                    symbolSize=5,
                    symbolBrush=pg.mkBrush(color),
                    symbolPen=None,
                    name=name,
                )
                self.curves.append(curve)
        if accuracy:
            self.plot.setYRange(0.0, 1.0, padding=VIEW_PADDING)
        else:
            self.plot.enableAutoRange(axis="y")
        self.plot.enableAutoRange(axis="x")
        self.plot.getViewBox().setDefaultPadding(VIEW_PADDING)

    def export(self, path: str | Path) -> Path:
        """Write the plot as SVG (``.svg``) or as an image (``.png`` and others),
        atomically: into a temporary file beside the target, then renamed."""
        target = Path(path)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
        )
        os.close(handle)
        try:
            if target.suffix.lower() == ".svg":
                self._export_svg(temporary)
            else:
                exporter = pyqtgraph.exporters.ImageExporter(self.plot)
                exporter.parameters()["width"] = max(800, int(self.plot.width()))
                exporter.export(temporary)
            if os.path.getsize(temporary) == 0:
                raise OSError(f"nothing was written to {target}")
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
        return target

    def _export_svg(self, path: str) -> None:
        """Through Qt's SVG generator: pyqtgraph 0.14's SVGExporter fails on the
        paths Qt 6 draws (pyqtgraph issue 3485)."""
        widget = self.plot_widget
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(widget.size())
        generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
        generator.setTitle(self.tr("Runs compared"))
        painter = QPainter(generator)
        try:
            widget.render(painter)
        finally:
            painter.end()
