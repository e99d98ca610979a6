"""The main window's status-bar readouts: parameters, MACs, problems and zoom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QStatusBar

from designer.ui.panels.formatting import format_compact, format_count


class ClickableLabel(QLabel):
    """A status bar label that does something when clicked."""

    clicked = Signal()

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


def problem_summary(errors: int, warnings: int) -> str:
    """``"2 errors, 1 warning"``, or ``"No problems"``."""
    if not errors and not warnings:
        return "No problems"
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    return ", ".join(parts)


class StatusReadouts:
    """The permanent labels on the right of the status bar."""

    def __init__(self, status: QStatusBar, show_problems: Callable[[], None]) -> None:
        self.params_label = QLabel()
        self.params_label.setObjectName("paramCount")
        self.macs_label = QLabel()
        self.macs_label.setObjectName("macCount")
        self.problem_label = ClickableLabel()
        self.problem_label.setObjectName("problemCount")
        self.problem_label.setToolTip("Show the problems")
        self.problem_label.clicked.connect(show_problems)
        self.zoom_label = QLabel("100%")
        self.zoom_label.setObjectName("zoomLevel")
        for label in (
            self.params_label,
            self.macs_label,
            self.problem_label,
            self.zoom_label,
        ):
            status.addPermanentWidget(label)

    def show_counts(self, params: int, macs: int, errors: int, warnings: int) -> None:
        self.params_label.setText(f"Parameters: {format_count(params)}")
        self.params_label.setToolTip(
            f"{format_count(params)} trainable parameters in the project"
        )
        self.macs_label.setText(f"MACs: {format_compact(macs)}")
        self.macs_label.setToolTip(
            f"{format_count(macs)} multiply-accumulates per sample"
        )
        label = self.problem_label
        label.setText(problem_summary(errors, warnings))
        label.setProperty("problem", bool(errors))
        label.style().unpolish(label)
        label.style().polish(label)

    def show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"Zoom {round(zoom * 100)}%")
