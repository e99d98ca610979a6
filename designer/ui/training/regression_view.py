"""Numeric predictions against their targets, for regression runs.

One input feature: the targets and the predictions over that feature (is the
curve fitted?).  Otherwise: predicted against true, with the diagonal where a
perfect model would put every point.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.theme import ThemeColors, current_theme, follow_theme
from designer.ui.training.plot_style import brush, legend_size, pen, theme_plots


class RegressionView(LanguageFollower, QWidget):
    """Validation predictions of a regression run, redrawn after each epoch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.legend = self.plot.addLegend(offset=(6, 6), labelTextSize=legend_size())
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setObjectName("plotCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.caption)
        self.mode = ""
        self._snapshot: Any = None
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)  # its legend, axes and caption
        else:
            self.caption.setText(
                self.tr(
                    "Predictions on validation samples appear after the first epoch."
                )
            )

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        theme_plots(self.plot_widget, theme, self.plot)
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)  # redrawn in the theme's colours

    def clear(self) -> None:
        self.plot.clear()
        self.legend.clear()
        self.mode = ""
        self._snapshot = None

    def show_snapshot(self, snapshot: Any) -> None:
        x = np.asarray(snapshot.x, dtype=float)
        true = np.asarray(snapshot.y_true, dtype=float).reshape(len(x), -1)[:, 0]
        pred = np.asarray(snapshot.y_pred, dtype=float).reshape(len(x), -1)[:, 0]
        if len(x) == 0:
            return
        self.clear()
        self._snapshot = snapshot
        target, predicted = self.theme.series.grey, self.theme.series.blue
        if x.ndim == 2 and x.shape[1] == 1:
            order = np.argsort(x[:, 0])
            xs = x[order, 0]
            self.plot.plot(
                xs,
                true[order],
                pen=None,
                symbol="o",
                symbolSize=7,
                symbolBrush=None,
                symbolPen=pen(target, 1.5),
                name=self.tr("target"),
            )
            self.plot.plot(
                xs,
                pred[order],
                pen=pen(predicted, 2),
                symbol="o",
                symbolSize=5,
                symbolBrush=brush(predicted),
                symbolPen=None,
                antialias=True,
                name=self.tr("prediction"),
            )
            self.plot.setLabel("bottom", self.tr("input"))
            self.plot.setLabel("left", self.tr("value"))
            self.mode = "curve"
        else:
            low = float(min(true.min(), pred.min()))
            high = float(max(true.max(), pred.max()))
            self.plot.plot(
                [low, high],
                [low, high],
                pen=pen(target, 1, style=Qt.PenStyle.DashLine),
                name=self.tr("perfect"),
            )
            self.plot.plot(
                true,
                pred,
                pen=None,
                symbol="o",
                symbolSize=6,
                symbolBrush=brush(predicted, 200),
                symbolPen=None,
                name=self.tr("samples"),
            )
            self.plot.setLabel("bottom", self.tr("true value"))
            self.plot.setLabel("left", self.tr("predicted"))
            self.mode = "parity"
        error = np.abs(pred - true)
        self.caption.setText(
            self.tr(
                "Epoch {0}: {1} validation samples, mean absolute error {2} (largest {3})."
            ).format(
                snapshot.epoch, len(x), f"{error.mean():.4g}", f"{error.max():.4g}"
            )
        )
