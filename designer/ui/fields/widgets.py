"""Spin boxes and combo boxes that a scrolling mouse wheel leaves alone.

Qt's spin and combo boxes take the wheel whenever the pointer is over them, so
scrolling a long form changes whatever passes under the pointer (and, in the
inspector, records an undo step for it).  These take the wheel only once the
user has clicked or tabbed into them; otherwise the wheel event goes on to the
scroll area around them.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator, QWheelEvent
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QSpinBox, QWidget


class WheelGuard:
    """Mixin: ignore the wheel unless the widget has the keyboard focus.

    The focus policy is set to ``StrongFocus`` as well: Qt's default for spin and
    combo boxes (``WheelFocus``) would hand them the focus on the first wheel turn.
    """

    def _guard_wheel(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # type: ignore[attr-defined]

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()  # let the scroll area around the form scroll


class GuardedSpinBox(WheelGuard, QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guard_wheel()


class GuardedComboBox(WheelGuard, QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guard_wheel()


class CompactDoubleSpinBox(WheelGuard, QDoubleSpinBox):
    """Shows 0.5 rather than 0.5000 (trailing zeros dropped, one decimal kept)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guard_wheel()

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        text = f"{value:.{self.decimals()}f}"
        if "." in text:
            text = text.rstrip("0")
            if text.endswith("."):
                text += "0"
        return text


def float_step(default: float) -> float:
    """Arrow-key step: 0.1, or finer for small defaults (LeakyReLU's 0.01 → 0.01)."""
    if not default:
        return 0.1
    return min(0.1, 10 ** math.floor(math.log10(abs(default))))


class LogSpinBox(WheelGuard, QDoubleSpinBox):
    """A spin box for values such as learning rates: shows 1e-3, steps 1 → 2 → 5 → 10."""

    MANTISSAS = (1.0, 2.0, 5.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guard_wheel()
        self.setDecimals(12)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        return f"{value:.4g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt override)
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> Any:
        stripped = text.strip()
        if not stripped:
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            partial = stripped.rstrip("eE+-.")
            ok = partial == "" or _is_float(partial)
            state = QValidator.State.Intermediate if ok else QValidator.State.Invalid
            return state, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override)
        value = self.value()
        for _ in range(abs(steps)):
            value = next_nice(value, up=steps > 0)
        self.setValue(min(self.maximum(), max(self.minimum(), value)))


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def next_nice(value: float, up: bool) -> float:
    """The next value on the 1-2-5 ladder above (or below) ``value``."""
    if value <= 0:
        return 1e-6 if up else value
    exponent = math.floor(math.log10(value))
    ladder = [
        m * 10.0**e
        for e in (exponent - 1, exponent, exponent + 1)
        for m in LogSpinBox.MANTISSAS
    ]
    if up:
        return next(v for v in ladder if v > value * (1 + 1e-9))
    return next(v for v in reversed(ladder) if v < value * (1 - 1e-9))
