"""A grid of small images with captions, painted directly (no per-tile widgets).

Takes any N×C×H×W (or N×H×W) array with values in [0, 1]: one channel is drawn
grey, three as RGB, other channel counts show their first channel.  Used for the
validation samples (caption "pred / true", mistakes framed in red), the dataset
preview, and any task preview that produces images (reconstructions, generated
samples).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from designer.ui.theme import ThemeColors, current_theme, follow_theme, qcolor


def to_qimages(images: np.ndarray) -> list[QImage]:
    """Convert N×C×H×W / N×H×W values in [0, 1] into QImages (copies, safe to keep)."""
    array = np.asarray(images, dtype=np.float32)
    if array.ndim == 3:
        array = array[:, None]
    if array.ndim != 4:
        raise ValueError(
            f"expected N×C×H×W images, got an array of shape {array.shape}"
        )
    array = np.nan_to_num(array, nan=0.0, posinf=1.0, neginf=0.0)
    pixels = (np.clip(array, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    result: list[QImage] = []
    for sample in pixels:
        channels, height, width = sample.shape
        if channels == 3:
            rgb = np.ascontiguousarray(sample.transpose(1, 2, 0))
            image = QImage(
                rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888
            )
        else:
            grey = np.ascontiguousarray(sample[0])
            image = QImage(
                grey.data, width, height, width, QImage.Format.Format_Grayscale8
            )
        result.append(image.copy())
    return result


class ImageGrid(QWidget):
    """Paints images in rows with an optional caption under each tile."""

    def __init__(
        self, parent: QWidget | None = None, tile: int = 64, empty_text: str = ""
    ) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []
        self._captions: list[str] = []
        self._mistakes: list[bool | None] = []
        self._tile = tile
        self._empty_text = empty_text
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(tile + 24)
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        self.update()

    # -- data -----------------------------------------------------------------
    def set_images(
        self,
        images: np.ndarray,
        captions: Sequence[str] | None = None,
        mistakes: Sequence[bool | None] | None = None,
    ) -> None:
        """Show ``images``; ``mistakes[i]`` True frames tile i in red, False in green."""
        self._images = to_qimages(images) if len(images) else []
        count = len(self._images)
        self._captions = list(captions or [""] * count)[:count]
        self._captions += [""] * (count - len(self._captions))
        self._mistakes = list(mistakes or [None] * count)[:count]
        self._mistakes += [None] * (count - len(self._mistakes))
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self._images, self._captions, self._mistakes = [], [], []
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    @property
    def image_count(self) -> int:
        return len(self._images)

    @property
    def captions(self) -> list[str]:
        return list(self._captions)

    @property
    def mistakes(self) -> list[bool | None]:
        return list(self._mistakes)

    # -- layout ---------------------------------------------------------------
    def _caption_height(self) -> int:
        return self.fontMetrics().height() + 4 if any(self._captions) else 0

    def _cells(self) -> tuple[int, int, int]:
        """(columns, tile size, cell height): the biggest tiles that fit the widget."""
        count = max(1, len(self._images))
        gap = 6
        width = max(1, self.width() - gap)
        height = max(1, self.height() - gap)
        caption = self._caption_height()
        for tile in range(160, 23, -4):
            columns = max(1, min(count, width // (tile + gap)))
            rows = -(-count // columns)
            if (
                rows * (tile + caption + gap) <= height
                and columns * (tile + gap) <= width
            ):
                return columns, tile, tile + caption
        tile = 24
        return max(1, min(count, width // (tile + gap))), tile, tile + caption

    def sizeHint(self) -> QSize:
        return QSize(8 * (self._tile + 6), 2 * (self._tile + 24))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        theme = self.theme
        painter.fillRect(self.rect(), qcolor(theme.plot_background))
        if not self._images:
            painter.setPen(qcolor(theme.muted))
            painter.drawText(
                self.rect().adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._empty_text,
            )
            painter.end()
            return
        columns, tile, cell_height = self._cells()
        gap = 6
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        mistake_color = qcolor(theme.series.mistake)
        colors = {
            None: qcolor(theme.border),
            True: mistake_color,
            False: qcolor(theme.series.correct),
        }
        caption_color = qcolor(theme.plot_foreground)
        total_width = columns * (tile + gap) - gap
        left = max(gap, (self.width() - total_width) // 2)
        for index, image in enumerate(self._images):
            row, col = divmod(index, columns)
            x = left + col * (tile + gap)
            y = gap + row * (cell_height + gap)
            target = QRect(x, y, tile, tile)
            scaled = _fit(image.size(), target)
            painter.drawImage(scaled, image)
            mistake = self._mistakes[index]
            painter.setPen(QPen(colors[mistake], 2.5 if mistake else 1.0))
            painter.drawRect(target.adjusted(0, 0, -1, -1))
            caption = self._captions[index]
            if caption:
                painter.setPen(mistake_color if mistake else caption_color)
                rect = QRect(x - gap // 2, y + tile + 1, tile + gap, cell_height - tile)
                text = painter.fontMetrics().elidedText(
                    caption, Qt.TextElideMode.ElideRight, rect.width()
                )
                painter.drawText(
                    rect,
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    text,
                )
        painter.end()


def _fit(size: QSize, box: QRect) -> QRect:
    """The largest rectangle with ``size``'s aspect ratio centred in ``box``."""
    if size.width() <= 0 or size.height() <= 0:
        return box
    scale = min(box.width() / size.width(), box.height() / size.height())
    width, height = int(size.width() * scale), int(size.height() * scale)
    return QRect(
        box.x() + (box.width() - width) // 2,
        box.y() + (box.height() - height) // 2,
        width,
        height,
    )
