"""A card's output for the chosen sample, drawn under the card during a run.

The training process sends :class:`~designer.training.probes.messages.LayerPreview`
objects with ``uint8`` data (0–255 between the preview's minimum and maximum).
Images are drawn as a grid of channels, sequences as a heat map (steps across,
features down), vectors as a strip of bars, and a scalar as its number; the
tool tip gives the shape and the min/mean/max.  Pictures are built once per
update into a QImage, so painting a card costs one ``drawImage``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.training.probes.messages import number
from designer.ui.canvas.gradient_bars import BAR_GAP, BAR_HEIGHT

PREVIEW_HEIGHT = 72.0
MARGIN = 10.0


def stats_text(stats: Any) -> str:
    """A TensorStats in the interface language: ``(16, 28, 28)  min −0.12  mean 0.3  max 1.5``."""
    shape = "(" + ", ".join(str(d) for d in stats.shape) + ")"
    return QCoreApplication.translate(
        "LayerPreviewItem", "{shape}  min {minimum}  mean {mean}  max {maximum}"
    ).format(
        shape=shape,
        minimum=number(stats.minimum),
        mean=number(stats.mean),
        maximum=number(stats.maximum),
    )


def as_bytes(data: np.ndarray) -> np.ndarray:
    """uint8 data as it is; floats stretched to 0–255 between their min and max."""
    array = np.asarray(data)
    if array.dtype == np.uint8:
        return array
    array = np.nan_to_num(array.astype(np.float32))
    if array.size == 0:
        return np.zeros(array.shape, dtype=np.uint8)
    low, high = float(array.min()), float(array.max())
    if high <= low:
        return np.zeros(array.shape, dtype=np.uint8)
    return np.rint((array - low) * (255.0 / (high - low))).astype(np.uint8)


def channel_grid(maps: np.ndarray) -> np.ndarray:
    """(C, H, W) bytes → one (rows·(H+1)−1, cols·(W+1)−1) picture, channels in a grid."""
    count, height, width = maps.shape
    cols = math.ceil(math.sqrt(count))
    rows = math.ceil(count / cols)
    grid = np.full(
        (rows * (height + 1) - 1, cols * (width + 1) - 1), 128, dtype=np.uint8
    )
    for index in range(count):
        row, col = divmod(index, cols)
        top, left = row * (height + 1), col * (width + 1)
        grid[top : top + height, left : left + width] = maps[index]
    return grid


def gray_image(pixels: np.ndarray) -> QImage:
    """A QImage that owns a copy of a 2-D uint8 array."""
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape
    image = QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8)
    return image.copy()


def preview_picture(kind: str, data: np.ndarray) -> QImage | None:
    """The picture of an image or sequence preview (None for vectors and scalars)."""
    if kind == "image" and data.ndim == 3 and data.size:
        return gray_image(channel_grid(as_bytes(data)))
    if kind == "sequence" and data.ndim == 2 and data.size:
        return gray_image(as_bytes(data).T)  # steps across, features down
    return None


class LayerPreviewItem(QGraphicsItem):
    """The preview under one card; it reads the card's height when it paints."""

    def __init__(self, card: QGraphicsItem) -> None:
        super().__init__(card)
        self.kind = ""
        self.picture: QImage | None = None
        self.values: np.ndarray | None = None
        self.text = ""
        self.color = QColor()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-0.5)

    def show_preview(self, preview: Any, color: QColor) -> None:
        """Take a LayerPreview; ``color`` draws bars and numbers (a theme colour)."""
        self.prepareGeometryChange()
        self.kind = preview.kind
        self.color = color
        self.picture = preview_picture(preview.kind, preview.data)
        self.values = (
            as_bytes(preview.data).reshape(-1) if preview.kind == "vector" else None
        )
        self.text = (
            f"{float(preview.stats.mean):.4g}".replace("-", "−")
            if preview.kind == "scalar"
            else ""
        )
        tip = stats_text(preview.stats)
        if preview.capped:
            tip += "\n" + QCoreApplication.translate(
                "LayerPreviewItem", "(shrunk to fit: the first channels, binned)"
            )
        self.setToolTip(tip)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        card = self.parentItem().card_rect()  # type: ignore[union-attr]
        top = card.bottom() + 2 * BAR_GAP + BAR_HEIGHT
        height = PREVIEW_HEIGHT if self.kind != "scalar" else 18.0
        return QRectF(card.left() + MARGIN, top, card.width() - 2 * MARGIN, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        area = self.boundingRect()
        if self.picture is not None:
            size = self.picture.size()
            scale = min(area.width() / size.width(), area.height() / size.height())
            target = QRectF(0, 0, size.width() * scale, size.height() * scale)
            target.moveCenter(area.center())
            target.moveTop(area.top())
            painter.drawImage(target, self.picture)
        elif self.values is not None and self.values.size:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.color)
            step = area.width() / self.values.size
            for index, value in enumerate(self.values):
                height = max(1.0, area.height() * float(value) / 255.0)
                painter.drawRect(
                    QRectF(
                        area.left() + index * step,
                        area.bottom() - height,
                        max(step - (1 if step > 3 else 0), 0.5),
                        height,
                    )
                )
        elif self.text:
            painter.setPen(self.color)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.text)


def paint_previews(
    scene: Any, previews: dict[str, Any], color: QColor, visible: bool
) -> int:
    """Give the cards of ``scene`` their previews (node id → LayerPreview); the count."""
    shown = 0
    for item in scene.node_items():
        current = next(
            (c for c in item.childItems() if isinstance(c, LayerPreviewItem)), None
        )
        preview = previews.get(item.node_id)
        if preview is None:
            if current is not None and current.scene() is not None:
                current.scene().removeItem(current)
            continue
        if current is None:
            current = LayerPreviewItem(item)
        current.show_preview(preview, color)
        current.setVisible(visible)
        shown += 1
    return shown
