"""Render a network scene to an image (tests, screenshots, documentation)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from designer.ui.canvas.scene import NetworkScene

MAX_PIXELS = 8000


def render_scene(
    scene: NetworkScene, scale: float = 2.0, margin: float = 48.0
) -> QImage:
    """An image of every node and edge, ``scale`` pixels per scene unit (capped in size)."""
    rect = scene.items_rect()
    if rect.isNull():
        rect = QRectF(0, 0, 400, 300)
    rect = rect.adjusted(-margin, -margin, margin, margin)
    scale = min(scale, MAX_PIXELS / max(rect.width(), rect.height()))
    image = QImage(
        max(1, int(rect.width() * scale)),
        max(1, int(rect.height() * scale)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(scene.theme.background)
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def save_scene_png(scene: NetworkScene, path: str | Path, scale: float = 2.0) -> Path:
    path = Path(path)
    if not render_scene(scene, scale).save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path
