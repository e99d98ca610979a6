"""The decision boundary of a 2-D classifier, drawn live under its points.

As in TensorFlow Playground: the background is the model's class probabilities
on a grid (each class a colour, mixed by probability, pale where the model is
unsure) and the validation points sit on top in their true class colour; points
the model gets wrong are ringed in red.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from designer.ui import theme_colors
from designer.ui.language import LanguageFollower
from designer.ui.theme import ThemeColors, current_theme, follow_theme
from designer.ui.theme_colors import rgba
from designer.ui.training.plot_style import brush, legend_size, pen, theme_plots

CLASS_COLORS = np.array([rgba(c)[:3] for c in theme_colors.CLASS_COLORS], dtype=float)


def class_color(index: int) -> tuple[int, int, int]:
    r, g, b = CLASS_COLORS[index % len(CLASS_COLORS)]
    return int(r), int(g), int(b)


def class_hex(index: int) -> str:
    return theme_colors.CLASS_COLORS[index % len(theme_colors.CLASS_COLORS)]


def class_brush(index: int, alpha: int | None = None):
    """A brush in the colour of class ``index``."""
    return brush(class_hex(index), alpha)


def probability_image(probabilities: np.ndarray) -> np.ndarray:
    """H×W×K class probabilities → H×W×3 uint8 colours, pale where unsure.

    A K=1 array is read as the probability of class 1 in a two-class problem.
    """
    probs = np.asarray(probabilities, dtype=float)
    if probs.ndim == 2:
        probs = probs[..., None]
    if probs.shape[-1] == 1:
        probs = np.concatenate([1.0 - probs, probs], axis=-1)
    probs = np.nan_to_num(np.clip(probs, 0.0, 1.0))
    k = probs.shape[-1]
    colors = np.stack([CLASS_COLORS[i % len(CLASS_COLORS)] for i in range(k)])
    mixed = probs @ colors
    confidence = (
        (probs.max(axis=-1, keepdims=True) - 1.0 / k) / (1.0 - 1.0 / k)
        if k > 1
        else np.ones(probs.shape[:-1] + (1,))
    )
    strength = 0.15 + 0.55 * np.clip(confidence, 0.0, 1.0)
    white = np.full(3, 255.0)
    rgb = white * (1.0 - strength) + mixed * strength
    return np.clip(rgb, 0, 255).astype(np.uint8)


class DecisionBoundaryView(LanguageFollower, QWidget):
    """Class-probability background plus a scatter of the validation points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getViewBox().setAspectLocked(True)
        self.plot.showGrid(x=False, y=False)
        self.plot.setLabel("bottom", "x₁")
        self.plot.setLabel("left", "x₂")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-20)
        self.plot.addItem(self.image)
        self.scatter = pg.ScatterPlotItem(size=7, pxMode=True, antialias=True)
        self.plot.addItem(self.scatter)
        self.legend = self.plot.addLegend(offset=(6, 6), labelTextSize=legend_size())
        self._legend_items: list[pg.ScatterPlotItem] = []
        self.caption = QLabel()
        self._caption: Callable[[], str] = lambda: self.tr(
            "The decision boundary is drawn while the model trains on 2-D data."
        )
        self._legend_classes: tuple[list[int], Sequence[str] | None] | None = None
        self.caption.setWordWrap(True)
        self.caption.setObjectName("plotCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.caption)
        self.has_boundary = False
        self._shown_range: tuple[float, float, float, float] | None = None
        self._wrong = np.zeros(0, dtype=bool)
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self._caption())
        if self._legend_classes is not None:
            self._update_legend(*self._legend_classes, rebuild=True)

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        theme_plots(self.plot_widget, theme, self.plot)
        if len(self._wrong):
            self.scatter.setPen(self._ring_pens(self._wrong))

    def _ring_pens(self, wrong: np.ndarray) -> list:
        """Mistakes ringed in the theme's mistake colour, the rest in the background's."""
        mistake = pen(self.theme.series.mistake, 2.2)
        right = pen(self.theme.plot_background, 0.8)
        return [mistake if w else right for w in wrong]

    def clear(self) -> None:
        self.image.clear()
        self.scatter.clear()
        self.has_boundary = False
        self._shown_range = None

    def set_boundary(
        self,
        probabilities: np.ndarray,
        extent: Sequence[float],
        points: np.ndarray,
        labels: np.ndarray,
        predicted: np.ndarray | None = None,
        class_names: Sequence[str] | None = None,
    ) -> None:
        """Draw ``probabilities`` (H×W×K over ``extent`` = x0, x1, y0, y1) and the points.

        Row 0 of the grid is at y0 (the bottom), column 0 at x0.
        """
        x0, x1, y0, y1 = (float(v) for v in extent)
        self.image.setImage(probability_image(probabilities), levels=(0, 255))
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        pts = np.asarray(points, dtype=float)
        true = np.asarray(labels).astype(int).reshape(-1)
        guess = (
            None if predicted is None else np.asarray(predicted).astype(int).reshape(-1)
        )
        brushes = [class_brush(c, 230) for c in true]
        wrong = np.zeros(len(true), dtype=bool) if guess is None else guess != true
        self._wrong = wrong
        pens = self._ring_pens(wrong)
        sizes = [9 if w else 7 for w in wrong]
        self.scatter.setData(pos=pts[:, :2], brush=brushes, pen=pens, size=sizes)
        classes = (
            sorted(set(true.tolist()))
            if class_names is None
            else list(range(len(class_names)))
        )
        self._update_legend(classes, class_names)
        if self._shown_range != (x0, x1, y0, y1):
            self.plot.setXRange(x0, x1, padding=0.0)
            self.plot.setYRange(y0, y1, padding=0.0)
            self._shown_range = (x0, x1, y0, y1)
        mistakes, count = int(wrong.sum()), len(true)
        self._caption = lambda: self.tr(
            "{0} of {1} points on the right side; {2} wrong (ringed in red). "
            "Paler colour = less sure."
        ).format(count - mistakes, count, mistakes)
        self.caption.setText(self._caption())
        self.has_boundary = True

    def _update_legend(
        self,
        classes: list[int],
        class_names: Sequence[str] | None,
        rebuild: bool = False,
    ) -> None:
        self._legend_classes = (classes, class_names)
        if len(self._legend_items) == len(classes) and not rebuild:
            return
        for item in self._legend_items:
            self.legend.removeItem(item)
        self._legend_items.clear()
        for c in classes:
            name = (
                class_names[c]
                if class_names and c < len(class_names)
                else self.tr("class {0}").format(c)
            )
            swatch = pg.ScatterPlotItem(size=8, brush=class_brush(c), pen=None)
            self.legend.addItem(swatch, str(name))
            self._legend_items.append(swatch)


def grid_extent(xx: np.ndarray, yy: np.ndarray) -> tuple[float, float, float, float]:
    """The area the grid's cells cover: pixel centres are the grid points."""
    xs, ys = xx[0], yy[:, 0]
    dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
    dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
    return (
        float(xs[0] - dx / 2),
        float(xs[-1] + dx / 2),
        float(ys[0] - dy / 2),
        float(ys[-1] + dy / 2),
    )


def predicted_at(
    points: np.ndarray, xx: np.ndarray, yy: np.ndarray, probs: np.ndarray
) -> np.ndarray:
    """The class the grid predicts at each point (its nearest grid cell)."""
    xs, ys = xx[0], yy[:, 0]
    cols = np.clip(
        np.rint((points[:, 0] - xs[0]) / max(xs[-1] - xs[0], 1e-12) * (len(xs) - 1)),
        0,
        len(xs) - 1,
    )
    rows = np.clip(
        np.rint((points[:, 1] - ys[0]) / max(ys[-1] - ys[0], 1e-12) * (len(ys) - 1)),
        0,
        len(ys) - 1,
    )
    cell = probs[rows.astype(int), cols.astype(int)]
    if cell.shape[-1] == 1:
        return (cell[:, 0] > 0.5).astype(int)
    return cell.argmax(axis=-1)
