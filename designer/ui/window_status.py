"""The main window's status-bar readouts: parameters, MACs, problems and zoom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QStatusBar

from designer.ui.panels.formatting import format_compact, format_count
from designer.ui.plurals import plural_form
from designer.ui.theme import repolish

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


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


class StatusReadouts(QObject):
    """The permanent labels on the right of the status bar."""

    def __init__(self, status: QStatusBar, show_problems: Callable[[], None]) -> None:
        super().__init__(status)
        self.params_label = QLabel()
        self.params_label.setObjectName("paramCount")
        self.macs_label = QLabel()
        self.macs_label.setObjectName("macCount")
        self.problem_label = ClickableLabel()
        self.problem_label.setObjectName("problemCount")
        self.problem_label.setProperty("problem", False)  # styled [problem="true"]
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
        params_text = translate("StatusReadouts", "Parameters: %1")
        self.params_label.setText(params_text.replace("%1", format_count(params)))
        params_tip = translate(
            "StatusReadouts", "%1 trainable parameters in the project"
        )
        self.params_label.setToolTip(params_tip.replace("%1", format_count(params)))
        macs_text = translate("StatusReadouts", "MACs: %1")
        self.macs_label.setText(macs_text.replace("%1", format_compact(macs)))
        macs_tip = translate("StatusReadouts", "%1 multiply-accumulates per sample")
        self.macs_label.setToolTip(macs_tip.replace("%1", format_count(macs)))
        label = self.problem_label
        label.setToolTip(translate("StatusReadouts", "Show the problems"))
        label.setText(self.problem_summary(errors, warnings))
        label.setProperty("problem", bool(errors))
        repolish(label)

    def problem_summary(self, errors: int, warnings: int) -> str:
        """``"2 errors, 1 warning"``, or ``"No problems"`` (in the interface language)."""
        if not errors and not warnings:
            return self.tr("No problems")
        parts = []
        if errors:
            parts.append(plural_form(self.tr("%n error(s)", "", errors), errors))
        if warnings:
            text = self.tr("%n warning(s)", "", warnings)
            parts.append(plural_form(text, warnings))
        return self.tr(", ").join(parts)

    def show_zoom(self, zoom: float) -> None:
        zoom_text = translate("StatusReadouts", "Zoom %1%")
        self.zoom_label.setText(zoom_text.replace("%1", str(round(zoom * 100))))
