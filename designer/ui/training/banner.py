"""A coloured message strip: information, success, a warning or an error."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from designer.ui.language import LanguageFollower
from designer.ui.theme import repolish

KINDS = ("info", "success", "warning", "error")  # coloured by the stylesheet

# a text, or a function that gives it in the interface language (called again
# when the language changes, so a message shown stays in the language chosen)
Text = str | Callable[[], str]


def _producer(text: Text) -> Callable[[], str]:
    return text if callable(text) else (lambda: text)


class Banner(LanguageFollower, QFrame):
    """Shows one message at a time; hidden when there is none.

    An optional action button (e.g. "Set Input shape from dataset") sits beside
    the text and emits :attr:`actionTriggered`.  The message and the action's
    title may be functions of the interface language (:data:`Text`).
    """

    actionTriggered = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.setVisible(False)
        self.action.clicked.connect(self.actionTriggered.emit)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(
            self.close_button,
            0,
            Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight,
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(side)
        self.kind = ""
        self._text: Callable[[], str] = str
        self._action: Callable[[], str] | None = None
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss"))
        if self.kind:
            self.label.setText(self._text())
            if self._action is not None:
                self.action.setText(self._action())

    @property
    def text(self) -> str:
        return self.label.text()

    def show_message(
        self, text: Text, kind: str = "info", action: Text | None = None
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown banner kind {kind!r}; expected one of {KINDS}")
        self.kind = kind
        self.setProperty("kind", kind)
        repolish(self)  # a dynamic property needs a re-polish to restyle
        for child in self.findChildren(QLabel):
            repolish(child)
        self._text = _producer(text)
        self._action = _producer(action) if action else None
        self.label.setText(self._text())
        self.action.setVisible(self._action is not None)
        if self._action is not None:
            self.action.setText(self._action())
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self._action = None
        self.label.clear()
        self.action.setVisible(False)
        self.hide()
