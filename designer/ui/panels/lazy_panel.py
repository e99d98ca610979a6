"""A dock page that builds its real content the first time it is shown.

Used for panels whose imports are heavy (the training panel pulls in pyqtgraph
and numpy): the window starts fast and pays only when the panel is opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPanel(QWidget):
    built = Signal(QWidget)

    def __init__(
        self, factory: Callable[[], QWidget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def content(self) -> QWidget | None:
        """The real panel, or None while it has never been shown."""
        return self._content

    def ensure_built(self) -> QWidget:
        if self._content is None:
            self._content = self._factory()
            self._layout.addWidget(self._content)
            self.built.emit(self._content)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self.ensure_built()
