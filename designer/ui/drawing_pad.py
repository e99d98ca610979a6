"""A drawing pad: draw a digit with the mouse and look at what the trained network
makes of it.

The pad is a 28×28 grid of values in [0, 1] (white strokes on black, like the
digits datasets), drawn with a soft round brush.  While the mouse moves it
emits :attr:`DrawingPad.drawn` at most :data:`UPDATES_PER_S` times a second, and
once more when the stroke ends; :class:`~designer.ui.inside.InsideOverlay` sends
the picture to the training process, which runs it through the trained weights.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from designer.ui.canvas.preview_items import gray_image

SIDE = 28
SCALE = 8  # screen pixels per cell
BRUSH = 1.6  # brush radius in cells
UPDATES_PER_S = 4


class DrawingPad(QWidget):
    """28×28 cells to draw on; :meth:`pixels` gives them as float32 in [0, 1]."""

    drawn = Signal(object)  # the pixels (28×28 float32)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells = np.zeros((SIDE, SIDE), dtype=np.float32)
        self.setFixedSize(SIDE * SCALE, SIDE * SCALE)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.retranslate()
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(1000 // UPDATES_PER_S)
        self._throttle.timeout.connect(self._emit)
        yy, xx = np.mgrid[0:SIDE, 0:SIDE]
        self._centres = (xx + 0.5, yy + 0.5)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Draw with the left mouse button"))

    def pixels(self) -> np.ndarray:
        return self.cells.copy()

    def clear(self) -> None:
        self.cells[:] = 0
        self.update()

    def paint_at(self, point: QPointF) -> None:
        """Add a soft round dab of ink at a widget position."""
        x, y = point.x() / SCALE, point.y() / SCALE
        distance = np.hypot(self._centres[0] - x, self._centres[1] - y)
        ink = np.clip(1.0 - (distance - BRUSH * 0.5) / BRUSH, 0.0, 1.0)
        np.maximum(self.cells, ink.astype(np.float32), out=self.cells)
        self.update()
        if not self._throttle.isActive():
            self._throttle.start()

    def _emit(self) -> None:
        self.drawn.emit(self.pixels())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.paint_at(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.paint_at(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._throttle.stop()
        self._emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        image = gray_image(np.rint(self.cells * 255).astype(np.uint8))
        painter.drawImage(self.rect(), image)
