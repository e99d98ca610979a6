"""A look at a few samples of a dataset, drawn the way that suits its data.

Images as a grid with their class names, 2-D points as a scatter coloured by
class, a single feature against its target as a curve, sequences as a few
overlaid windows, token ids and other tables as text rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from designer.training.datasets import preview_samples
from designer.ui.language import LanguageFollower
from designer.ui.theme import ThemeColors, follow_theme, repolish
from designer.ui.training.boundary import class_brush, class_hex
from designer.ui.training.image_grid import ImageGrid
from designer.ui.training.plot_style import (
    legend_size,
    pen,
    theme_plots,
    translate_scene_menus,
)

# the plot's axis titles for each kind of preview that is a plot (bottom, left)
AXES = {
    "points": ("x₁", "x₂"),
    "curve": (
        QT_TRANSLATE_NOOP("DatasetPreview", "input"),
        QT_TRANSLATE_NOOP("DatasetPreview", "target"),
    ),
    "sequences": (
        QT_TRANSLATE_NOOP("DatasetPreview", "step"),
        QT_TRANSLATE_NOOP("DatasetPreview", "value"),
    ),
}

PREVIEW_IMAGES = 12
PREVIEW_POINTS = 400
PREVIEW_ROWS = 6


class DatasetPreview(LanguageFollower, QWidget):
    """Shows a dataset (anything with ``x``, ``y``, ``task``, ``classes``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.message = QLabel()
        self._message: Callable[[], str] = lambda: self.tr(
            "Choose a dataset to see a few of its samples."
        )
        self._dataset: Any = None
        self._title: Callable[[], str] | None = None
        self.message.setWordWrap(True)
        self.message.setObjectName("previewMessage")
        self.images = ImageGrid(tile=40)
        self.images.setMaximumHeight(260)
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setMinimumHeight(150)
        self.plot_widget.setMaximumHeight(260)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.legend = self.plot.addLegend(offset=(6, 6), labelTextSize=legend_size())
        self.text = QLabel()
        self.text.setObjectName("previewText")
        self.text.setWordWrap(False)
        for widget in (self.message, self.images, self.plot_widget, self.text):
            self.stack.addWidget(widget)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("previewSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        self.kind = "none"
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        self.message.setText(self._message())
        translate_scene_menus(self)
        if self._dataset is not None:
            self.summary.setText(self._summary_text())
        if self.kind in AXES:
            bottom, left = AXES[self.kind]
            self.plot.setLabel(
                "bottom", QCoreApplication.translate("DatasetPreview", bottom)
            )
            self.plot.setLabel(
                "left", QCoreApplication.translate("DatasetPreview", left)
            )

    def _summary_text(self) -> str:
        """ "Digits 8×8: 1,797 samples of 1×8×8, 10 classes." in the interface language."""
        x = np.asarray(self._dataset.x)
        shape = "×".join(str(d) for d in x.shape[1:])
        text = self.tr("{0} samples of {1}").format(f"{len(x):,}", shape)
        classes = self._dataset.classes
        if classes is not None:
            count = len(classes)
            # English is the source language: its "(es)" is resolved here.
            classes_text = self.tr(", %n class(es)", "", count)
            text += classes_text.replace("(es)", "" if count == 1 else "es")
        elif self._dataset.task in ("regression", "forecast"):
            text += self.tr(", numeric targets")
        if self._title is not None:
            text = self.tr("{0}: {1}").format(self._title(), text)
        return text + self.tr(".")

    def _restyle(self, theme: ThemeColors) -> None:
        theme_plots(self.plot_widget, theme, self.plot)

    def show_message(self, text: str | Callable[[], str], error: bool = False) -> None:
        """Show a message instead of samples: a text, or a function giving it in the
        interface language (called again when the language changes)."""
        self._message = text if callable(text) else (lambda: text)
        self._dataset = None
        self.message.setText(self._message())
        self.message.setProperty("problem", error)  # red in the stylesheet
        repolish(self.message)
        self.stack.setCurrentWidget(self.message)
        self.summary.clear()
        self.kind = "error" if error else "message"

    def show_dataset(
        self, dataset: Any, title: Callable[[], str] | None = None
    ) -> None:
        """Show a few samples of ``dataset``, under a summary naming it ``title()``
        (a function giving its name in the interface language)."""
        x, y = np.asarray(dataset.x), np.asarray(dataset.y)
        classes = dataset.classes
        self._dataset, self._title = dataset, title
        self.summary.setText(self._summary_text())
        self.plot.clear()
        self.legend.clear()
        self.legend.setVisible(False)
        if x.ndim == 4 and np.issubdtype(x.dtype, np.floating):
            self._show_images(dataset)
        elif x.ndim == 2 and x.shape[1] == 2 and np.issubdtype(x.dtype, np.floating):
            self._show_points(x, y, classes)
        elif (
            x.ndim == 2
            and x.shape[1] == 1
            and y.ndim <= 2
            and np.issubdtype(x.dtype, np.floating)
        ):
            self._show_curve(x[:, 0], y.reshape(len(y), -1)[:, 0])
        elif x.ndim == 3 and np.issubdtype(x.dtype, np.floating):
            self._show_sequences(x, y)
        else:
            self._show_rows(dataset)

    # -- kinds ------------------------------------------------------------------
    def _show_images(self, dataset: Any) -> None:
        samples = preview_samples(dataset, PREVIEW_IMAGES)
        images = (
            np.stack([sample for sample, _ in samples])
            if samples
            else np.zeros((0, 1, 1, 1))
        )
        self.images.set_images(images, [label for _, label in samples])
        self.stack.setCurrentWidget(self.images)
        self.kind = "images"

    def _show_points(
        self, x: np.ndarray, y: np.ndarray, classes: list[str] | None
    ) -> None:
        pts = x[:PREVIEW_POINTS]
        if classes is not None and y.ndim == 1:
            labels = y[: len(pts)].astype(int)
            self.legend.setVisible(True)
            for c in sorted(set(labels.tolist())):
                chosen = pts[labels == c]
                name = classes[c] if 0 <= c < len(classes) else str(c)
                self.plot.plot(
                    chosen[:, 0],
                    chosen[:, 1],
                    pen=None,
                    symbol="o",
                    symbolSize=5,
                    symbolBrush=class_brush(c, 220),
                    symbolPen=None,
                    name=name,
                )
        else:
            values = y.reshape(len(y), -1)[: len(pts), 0]
            span = float(values.max() - values.min()) or 1.0
            brushes = [
                pg.mkBrush(pg.intColor(int(255 * (v - values.min()) / span), 300))
                for v in values
            ]
            self.plot.addItem(
                pg.ScatterPlotItem(
                    pts[:, 0], pts[:, 1], size=5, brush=brushes, pen=None
                )
            )
        self.plot.getViewBox().setAspectLocked(True)
        self.plot.autoRange()
        self.stack.setCurrentWidget(self.plot_widget)
        self.kind = "points"
        self.retranslate()

    def _show_curve(self, x: np.ndarray, y: np.ndarray) -> None:
        count = min(PREVIEW_POINTS, len(x))
        self.plot.getViewBox().setAspectLocked(False)
        self.plot.plot(
            x[:count],
            y[:count],
            pen=None,
            symbol="o",
            symbolSize=4,
            symbolBrush=class_brush(0, 180),
            symbolPen=None,
        )
        self.plot.autoRange()
        self.stack.setCurrentWidget(self.plot_widget)
        self.kind = "curve"
        self.retranslate()

    def _show_sequences(self, x: np.ndarray, y: np.ndarray) -> None:
        self.plot.getViewBox().setAspectLocked(False)
        length = x.shape[1]
        for i in range(min(4, len(x))):
            color = class_hex(i)
            self.plot.plot(
                np.arange(length),
                x[i, :, 0],
                pen=pen(color, 1.5),
                antialias=True,
            )
            target = np.asarray(y[i]).reshape(-1)
            if target.size and y.ndim >= 2 and np.issubdtype(y.dtype, np.floating):
                steps = np.arange(length, length + target.size)
                self.plot.plot(
                    steps,
                    target,
                    pen=pen(color, 1.5, style=pg.QtCore.Qt.PenStyle.DotLine),
                    symbol="o",
                    symbolSize=4,
                    symbolBrush=class_brush(i),
                    symbolPen=None,
                )
        self.plot.autoRange()
        self.stack.setCurrentWidget(self.plot_widget)
        self.kind = "sequences"
        self.retranslate()

    def _show_rows(self, dataset: Any) -> None:
        rows = []
        for sample, label in preview_samples(dataset, PREVIEW_ROWS):
            flat = np.asarray(sample).reshape(-1)
            shown = " ".join(_fmt(v) for v in flat[:12]) + (
                " …" if flat.size > 12 else ""
            )
            rows.append(f"{shown}  →  {label}")
        self.text.setText("\n".join(rows))
        self.stack.setCurrentWidget(self.text)
        self.kind = "rows"


def _fmt(value: Any) -> str:
    if isinstance(value, np.integer | int):
        return str(int(value))
    return f"{float(value):.2f}"
