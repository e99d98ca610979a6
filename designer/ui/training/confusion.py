"""Confusion matrix heatmap: true class down, predicted class across, counts in cells.

Colours are normalised per row (the share of each true class that went to each
prediction), so a rare class reads as clearly as a common one; the numbers in
the cells are the raw counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QGraphicsObject, QLabel, QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.theme import ThemeColors, follow_theme, qcolor
from designer.ui.theme_colors import HEATMAP, HEATMAP_TEXT, rgba
from designer.ui.training.plot_style import theme_plots

MAX_LABELLED_CELLS = 400  # beyond 20×20 classes the numbers would not fit


def _blues() -> pg.ColorMap:
    return pg.ColorMap(
        pos=np.array([0.0, 0.35, 1.0]),
        color=np.array([rgba(c)[:3] for c in HEATMAP], dtype=np.ubyte),
    )


class CellCounts(QGraphicsObject):
    """The count in every cell, painted by one item (one TextItem per cell would cost
    tens of milliseconds per epoch to rebuild, felt as a stutter while training)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts = np.zeros((0, 0), dtype=int)
        self.dark = np.zeros((0, 0), dtype=bool)
        self.font = QFont()

    def set_counts(
        self, counts: np.ndarray, dark: np.ndarray, point_size: float
    ) -> None:
        self.prepareGeometryChange()
        self.counts = counts.astype(int)
        self.dark = dark
        self.font.setPointSizeF(point_size)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        k = self.counts.shape[0]
        return QRectF(0, 0, k, k)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        k = self.counts.shape[0]
        if k == 0 or k * k > MAX_LABELLED_CELLS:
            return
        transform = painter.transform()
        centres = [
            [transform.map(QPointF(col + 0.5, row + 0.5)) for col in range(k)]
            for row in range(k)
        ]
        cell = abs(transform.map(QPointF(1, 0)).x() - transform.map(QPointF(0, 0)).x())
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        if painter.fontMetrics().horizontalAdvance("000") > cell * 0.95:
            painter.restore()
            return  # the cells are too small to hold numbers
        black, white = (qcolor(c) for c in HEATMAP_TEXT)
        for row in range(k):
            for col in range(k):
                value = int(self.counts[row, col])
                if value == 0 and row != col:
                    continue
                centre = centres[row][col]
                painter.setPen(white if self.dark[row, col] else black)
                box = QRectF(centre.x() - cell / 2, centre.y() - cell / 2, cell, cell)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(value))
        painter.restore()


class ConfusionMatrixView(LanguageFollower, QWidget):
    """A heatmap of a K×K confusion matrix with class names on both axes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getViewBox().invertY(True)
        self.plot.getViewBox().setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(_blues())
        self.plot.addItem(self.image)
        self.counts = CellCounts()
        self.plot.addItem(self.counts)
        self.summary = QLabel()
        self._summary: Callable[[], str] = self._empty_summary
        self.summary.setWordWrap(True)
        self.summary.setObjectName("plotCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.summary)
        self.matrix: np.ndarray | None = None
        self.class_names: list[str] = []
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        self.plot.setLabel("left", self.tr("true class"))
        self.plot.setLabel("bottom", self.tr("predicted class"))
        self.summary.setText(self._summary())

    def _empty_summary(self) -> str:
        return self.tr("The confusion matrix appears after the first epoch.")

    def _set_summary(self, text: Callable[[], str]) -> None:
        self._summary = text
        self.summary.setText(text())

    def _restyle(self, theme: ThemeColors) -> None:
        theme_plots(self.plot_widget, theme, self.plot)

    def clear(self) -> None:
        self.matrix = None
        self.image.clear()
        self.counts.set_counts(np.zeros((0, 0)), np.zeros((0, 0), dtype=bool), 9.0)
        self._set_summary(self._empty_summary)

    def set_matrix(
        self,
        matrix: Sequence[Sequence[int]] | np.ndarray,
        class_names: Sequence[str] | None = None,
    ) -> None:
        counts = np.asarray(matrix, dtype=float)
        if counts.ndim != 2 or counts.shape[0] != counts.shape[1] or counts.size == 0:
            return
        k = counts.shape[0]
        names = (
            [str(n) for n in class_names]
            if class_names and len(class_names) == k
            else [str(i) for i in range(k)]
        )
        self.matrix = counts
        self.class_names = names
        row_totals = counts.sum(axis=1, keepdims=True)
        shares = np.divide(
            counts, row_totals, out=np.zeros_like(counts), where=row_totals > 0
        )
        self.image.setImage(shares, levels=(0.0, 1.0))
        self.image.setRect(QRectF(0, 0, k, k))

        ticks = [(i + 0.5, _short(name)) for i, name in enumerate(names)]
        step = max(1, k // 20)
        ticks = ticks[::step]
        self.plot.getAxis("bottom").setTicks([ticks])
        self.plot.getAxis("left").setTicks([ticks])
        self.plot.setXRange(0, k, padding=0.02)
        self.plot.setYRange(0, k, padding=0.02)

        self.counts.set_counts(counts, shares > 0.55, max(6.0, 10.0 - k * 0.2))

        total = counts.sum()
        correct = np.trace(counts)
        accuracy = correct / total if total else 0.0
        with np.errstate(invalid="ignore", divide="ignore"):
            per_class = np.diag(counts) / counts.sum(axis=1)
        worst = int(np.nanargmin(per_class)) if np.isfinite(per_class).any() else 0
        hardest, hardest_share = names[worst], per_class[worst]
        self._set_summary(
            lambda: self.tr(
                "{0} of {1} validation samples right ({2}). Hardest class: {3} ({4} right)."
            ).format(
                int(correct),
                int(total),
                f"{accuracy:.1%}",
                hardest,
                f"{hardest_share:.0%}",
            )
        )


def _short(name: str, limit: int = 10) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
