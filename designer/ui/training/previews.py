"""Task-specific result previews, looked up by name.

A task's :class:`PredictionSnapshot` may carry ``previews = {kind: data}``; the
panel opens one tab per kind it has a factory for and hands each its data after
every epoch.  Adding a preview for a new task (a forecast plot, VAE samples, a
GAN's generated grid) is one :func:`register_preview` call with a widget class
that has ``show_preview(data)`` and ``clear()``.

Built in: ``"images"`` — any N×C×H×W array in [0, 1], or a mapping with
``images`` and optional ``captions``, ``mistakes`` and ``caption`` (a line of
text shown under the grid), drawn as an :class:`ImageGrid`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from designer.ui.language import LanguageFollower
from designer.ui.training.image_grid import ImageGrid


class PreviewWidget(Protocol):
    def show_preview(self, data: Any) -> None: ...

    def clear(self) -> None: ...


@dataclass(frozen=True)
class PreviewKind:
    name: str
    title: str  # the tab's title, marked QT_TRANSLATE_NOOP("ResultViews", …)
    factory: Callable[[], QWidget]


_KINDS: dict[str, PreviewKind] = {}


def register_preview(
    name: str, title: str, factory: Callable[[], QWidget]
) -> PreviewKind:
    kind = PreviewKind(name, title, factory)
    _KINDS[name] = kind
    return kind


def preview_kind(name: str) -> PreviewKind | None:
    return _KINDS.get(name)


def preview_kinds() -> dict[str, PreviewKind]:
    return dict(_KINDS)


def caption_label(text: str = "") -> QLabel:
    """A wrapping rich-text caption, coloured by the stylesheet as a plot title."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setObjectName("plotTitle")  # coloured by the stylesheet
    return label


class ImagePreview(LanguageFollower, QWidget):
    """An image grid for any task that produces pictures."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = ImageGrid(tile=56)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setObjectName("plotCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.caption)
        self.retranslate()

    def retranslate(self) -> None:
        self.grid.set_empty_text(self.tr("Images appear after the first epoch."))

    def show_preview(self, data: Any) -> None:
        if isinstance(data, Mapping):
            images = np.asarray(data.get("images", np.zeros((0, 1, 1, 1))))
            self.grid.set_images(images, data.get("captions"), data.get("mistakes"))
            self.caption.setText(str(data.get("caption", "")))
        else:
            self.grid.set_images(np.asarray(data))
            self.caption.clear()

    def clear(self) -> None:
        self.grid.clear()
        self.caption.clear()


register_preview("images", QT_TRANSLATE_NOOP("ResultViews", "Images"), ImagePreview)
