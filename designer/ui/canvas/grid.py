"""Behind the cards: the canvas colour and a grid whose minor lines fade out when zoomed out."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen

from designer.ui.canvas.colors import CanvasTheme
from designer.ui.canvas.metrics import GRID


def draw_grid(painter: QPainter, rect: QRectF, theme: CanvasTheme) -> None:
    painter.fillRect(rect, theme.background)
    zoom = painter.worldTransform().m11() or 1.0
    # Axis-aligned hairlines need no antialiasing, which is what makes them slow.
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for step, color in ((GRID, theme.grid_minor), (GRID * 5, theme.grid_major)):
        if step * zoom < 7:
            continue
        pen = QPen(color, 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        lines = [
            QLineF(x, rect.top(), x, rect.bottom())
            for x in _steps(left, rect.right(), step)
        ]
        lines += [
            QLineF(rect.left(), y, rect.right(), y)
            for y in _steps(top, rect.bottom(), step)
        ]
        painter.drawLines(lines)
    painter.restore()


def _steps(start: float, stop: float, step: float) -> list[float]:
    count = int((stop - start) / step) + 1
    return [start + k * step for k in range(max(count, 0))]
