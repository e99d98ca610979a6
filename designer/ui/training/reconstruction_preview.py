"""The reconstruction preview: validation images above the network's
reconstructions of them, each pair with its mean squared pixel error (autoencoders
and VAEs; registered by :mod:`.task_previews`)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.theme import ThemeColors, current_theme, follow_theme, qcolor
from designer.ui.training.image_grid import _fit, to_qimages
from designer.ui.training.previews import caption_label


# == reconstruction ===============================================================
class PairGrid(QWidget):
    """Images in columns of two: each original with its reconstruction right below it.

    Columns wrap into bands when the widget is narrow; a label at the left of
    every band says which row is which.
    """

    ROWS = (
        QT_TRANSLATE_NOOP("PairGrid", "original"),
        QT_TRANSLATE_NOOP("PairGrid", "reconstructed"),
    )

    def __init__(self, parent: QWidget | None = None, empty_text: str = "") -> None:
        super().__init__(parent)
        self.originals: list[QImage] = []
        self.reconstructions: list[QImage] = []
        self.errors: list[float] = []
        self._empty_text = empty_text
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)
        self.theme: ThemeColors = current_theme()
        follow_theme(self._restyle)

    def _restyle(self, theme: ThemeColors) -> None:
        self.theme = theme
        self.update()

    def row_titles(self) -> list[str]:
        """ "original" and "reconstructed", in the interface language."""
        return [QCoreApplication.translate("PairGrid", text) for text in self.ROWS]

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def set_pairs(self, originals: np.ndarray, reconstructions: np.ndarray) -> None:
        before = np.asarray(originals, dtype=np.float32)
        after = np.asarray(reconstructions, dtype=np.float32)
        if before.shape != after.shape:
            raise ValueError(
                f"originals {before.shape} and reconstructions {after.shape} differ in shape"
            )
        self.originals = to_qimages(before) if len(before) else []
        self.reconstructions = to_qimages(after) if len(after) else []
        self.errors = (
            [
                float(e)
                for e in np.mean(
                    (before - after) ** 2, axis=tuple(range(1, before.ndim))
                )
            ]
            if len(before)
            else []
        )
        self.update()

    def clear(self) -> None:
        self.originals, self.reconstructions, self.errors = [], [], []
        self.update()

    @property
    def pair_count(self) -> int:
        return len(self.originals)

    def sizeHint(self) -> QSize:
        return QSize(12 * 66 + 90, 2 * 66 + 40)

    def _label_width(self) -> int:
        return (
            max(
                self.fontMetrics().horizontalAdvance(text) for text in self.row_titles()
            )
            + 14
        )

    def layout_cells(self) -> tuple[int, int]:
        """(columns, tile): the biggest tiles for which every band fits the widget."""
        count = max(1, self.pair_count)
        gap, band_gap = 4, 14
        caption = self.fontMetrics().height() + 2
        width = max(1, self.width() - self._label_width() - gap)
        height = max(1, self.height() - gap)
        for tile in range(160, 19, -2):
            columns = max(1, min(count, width // (tile + gap)))
            bands = -(-count // columns)
            band = 2 * tile + gap + caption
            if bands * band + (bands - 1) * band_gap <= height:
                return -(
                    -count // bands
                ), tile  # the same number of pairs in every band
        return max(1, min(count, width // 24)), 20

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        theme = self.theme
        painter.fillRect(self.rect(), qcolor(theme.plot_background))
        if not self.originals:
            painter.setPen(qcolor(theme.muted))
            painter.drawText(
                self.rect().adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._empty_text,
            )
            painter.end()
            return
        columns, tile = self.layout_cells()
        gap, band_gap = 4, 14
        caption = self.fontMetrics().height() + 2
        label_width = self._label_width()
        total = label_width + columns * (tile + gap) - gap
        left = max(gap, (self.width() - total) // 2)
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() - 1))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        band_height = 2 * tile + gap + caption
        for index, (before, after) in enumerate(
            zip(self.originals, self.reconstructions, strict=True)
        ):
            band, column = divmod(index, columns)
            top = gap + band * (band_height + band_gap)
            if column == 0:
                painter.setPen(qcolor(theme.plot_foreground))
                for row, text in enumerate(self.row_titles()):
                    rect = QRect(left, top + row * (tile + gap), label_width - 8, tile)
                    painter.drawText(
                        rect,
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                        text,
                    )
            x = left + label_width + column * (tile + gap)
            for row, image in enumerate((before, after)):
                target = QRect(x, top + row * (tile + gap), tile, tile)
                painter.drawImage(_fit(image.size(), target), image)
                painter.setPen(QPen(qcolor(theme.border), 1.0))
                painter.drawRect(target.adjusted(0, 0, -1, -1))
            painter.setFont(small)
            painter.setPen(qcolor(theme.muted))
            rect = QRect(x - gap // 2, top + 2 * tile + gap, tile + gap, caption)
            text = painter.fontMetrics().elidedText(
                f"{self.errors[index]:.3f}", Qt.TextElideMode.ElideRight, rect.width()
            )
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text
            )
            painter.setFont(self.font())
        painter.end()


class ReconstructionPreview(LanguageFollower, QWidget):
    """Validation images above the network's reconstructions of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs = PairGrid()
        self.caption = caption_label()
        self._caption: Callable[[], str] = str
        self._caption_tip: Callable[[], str] = str
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.pairs, 1)
        layout.addWidget(self.caption)
        self.retranslate()

    def retranslate(self) -> None:
        self.pairs.set_empty_text(
            self.tr(
                "Validation images and their reconstructions appear after the first "
                "epoch."
            )
        )
        self._set_caption(self._caption, self._caption_tip)

    def _set_caption(
        self, text: Callable[[], str], tip: Callable[[], str] = str
    ) -> None:
        self._caption, self._caption_tip = text, tip
        self.caption.setText(text())
        self.caption.setToolTip(tip())

    def show_preview(self, data: Any) -> None:
        try:
            self.pairs.set_pairs(
                np.asarray(data["originals"]), np.asarray(data["reconstructions"])
            )
        except (KeyError, TypeError, ValueError) as error:
            self.pairs.clear()
            problem = str(error)
            self._set_caption(
                lambda: html.escape(
                    self.tr("The reconstructions cannot be drawn: {0}.").format(problem)
                )
            )
            return
        if not self.pairs.pair_count:
            self._set_caption(str)
            return
        mean, count = float(np.mean(self.pairs.errors)), self.pairs.pair_count
        self._set_caption(
            lambda: self.tr(
                "Mean squared pixel error under each pair; on average <b>{0}</b>."
            ).format(f"{mean:.4f}"),
            lambda: self.tr(
                "{0} validation images, each above the network's reconstruction of it."
            ).format(count),
        )

    def clear(self) -> None:
        self.pairs.clear()
        self._set_caption(str)
