"""Validation samples with what the model predicted: "pred / true", mistakes in red.

Image samples are drawn as a grid; other samples (features, token ids) as rows
of numbers with the prediction and the true label.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.theme import ThemeColors, current_theme, follow_theme
from designer.ui.training.image_grid import ImageGrid


def _name(classes: Sequence[str] | None, index: int) -> str:
    if classes and 0 <= index < len(classes):
        return str(classes[index])
    return str(index)


class SampleGridView(LanguageFollower, QWidget):
    """Shows a classification :class:`PredictionSnapshot`'s samples."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = ImageGrid(tile=56)
        self.rows = QLabel()
        self.rows.setTextFormat(Qt.TextFormat.RichText)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.rows.setObjectName("sampleRows")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(scroll)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("plotCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary)
        self.mistake_count = 0
        self.sample_count = 0
        self._snapshot: Any = None
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        self.grid.set_empty_text(
            self.tr(
                "Validation samples with their predictions appear after the first epoch."
            )
        )
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)
        else:
            self.summary.setText(
                self.tr("Captions read predicted / true; mistakes are framed in red.")
            )

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)  # the rows' colours are in their HTML

    def clear(self) -> None:
        self.grid.clear()
        self.rows.clear()
        self._snapshot = None
        self.mistake_count = self.sample_count = 0
        self.stack.setCurrentWidget(self.grid)

    def show_snapshot(self, snapshot: Any) -> None:
        x = np.asarray(snapshot.x)
        true = np.asarray(snapshot.y_true).reshape(-1)
        pred = np.asarray(snapshot.y_pred).reshape(-1)
        classes = snapshot.classes
        count = min(len(x), len(true), len(pred))
        if count == 0:
            return
        self._snapshot, theme = snapshot, self.theme
        wrong = [int(pred[i]) != int(true[i]) for i in range(count)]
        self.mistake_count = sum(wrong)
        self.sample_count = count
        probs = None if snapshot.probs is None else np.asarray(snapshot.probs)
        if x.ndim == 4 and np.issubdtype(x.dtype, np.floating):
            captions = [
                f"{_name(classes, int(pred[i]))} / {_name(classes, int(true[i]))}"
                for i in range(count)
            ]
            self.grid.set_images(x[:count], captions, wrong)
            self.stack.setCurrentWidget(self.grid)
        else:
            lines = []
            for i in range(count):
                flat = x[i].reshape(-1)
                values = " ".join(
                    f"{v:.2f}"
                    if np.issubdtype(flat.dtype, np.floating)
                    else str(int(v))
                    for v in flat[:10]
                )
                if flat.size > 10:
                    values += " …"
                sure = (
                    f" ({probs[i].max():.0%})"
                    if probs is not None and probs.ndim == 2
                    else ""
                )
                text = f"{html.escape(values)} &nbsp;→&nbsp; <b>{html.escape(_name(classes, int(pred[i])))}</b>{sure} / {html.escape(_name(classes, int(true[i])))}"
                color = theme.series.mistake if wrong[i] else theme.text
                lines.append(
                    f"<div style='color:{color}; font-family: monospace'>{text}</div>"
                )
            self.rows.setText("".join(lines))
            self.stack.setCurrentWidget(self.stack.widget(1))
        self.summary.setText(
            self.tr(
                "Epoch {0}: {1} of {2} validation samples right; captions read "
                "predicted / true, mistakes in red."
            ).format(snapshot.epoch, count - self.mistake_count, count)
        )
