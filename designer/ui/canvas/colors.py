"""Colours of the canvas: one per layer category (shared with the palette, the same
in both themes) and the canvas's light and dark QColors, made from the roles in
:mod:`designer.ui.theme_colors`.

Category colours are saturated mid-tones chosen so white header text on them has
a contrast ratio of at least 4.5:1 and neighbouring categories stay distinct on a
projector; red is kept for errors only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QColor

from designer.ui import theme_colors
from designer.ui.theme import qcolor
from designer.ui.theme_colors import CanvasColors, ThemeColors

CATEGORY_HEX: dict[str, str] = {
    "Input/Output": "#475569",
    "Dense": "#2563eb",
    "Convolution": "#7c3aed",
    "Pooling": "#0e7490",
    "Normalization": "#047857",
    "Activation": "#b45309",
    "Shape": "#57534e",
    "Embedding": "#be185d",
    "Recurrent": "#a21caf",
    "Attention": "#4d7c0f",
    "Merge": "#1d4ed8",
    "Generative": "#9f1239",
}
FALLBACK_HEX = "#52525b"

_CACHE: dict[str, QColor] = {}


def category_color(category: str) -> QColor:
    """The header colour of a layer category (a copy; safe to modify)."""
    color = _CACHE.get(category)
    if color is None:
        color = _CACHE[category] = QColor(CATEGORY_HEX.get(category, FALLBACK_HEX))
    return QColor(color)


@dataclass(frozen=True)
class CanvasTheme:
    """Every colour the canvas paints with, for one of the two themes."""

    dark: bool
    background: QColor
    grid_minor: QColor
    grid_major: QColor
    card: QColor
    card_border: QColor
    shadow: QColor
    text: QColor
    text_muted: QColor
    shape_fill: QColor
    shape_text: QColor
    edge: QColor
    label_fill: QColor
    label_border: QColor
    label_text: QColor
    selection: QColor
    error: QColor
    warning: QColor
    port: QColor
    port_border: QColor
    highlight: QColor
    rubber_band: QColor
    on_header: QColor
    on_header_muted: QColor


def canvas_theme(colors: ThemeColors) -> CanvasTheme:
    """The canvas's QColors for an app theme (the hex values live in theme_colors)."""
    return CanvasTheme(
        dark=colors.dark,
        **{
            field.name: qcolor(getattr(colors.canvas, field.name))
            for field in fields(CanvasColors)
        },
    )


LIGHT = canvas_theme(theme_colors.LIGHT)
DARK = canvas_theme(theme_colors.DARK)


HIGH_CONTRAST = {
    False: canvas_theme(theme_colors.LIGHT_HIGH_CONTRAST),
    True: canvas_theme(theme_colors.DARK_HIGH_CONTRAST),
}


def theme_for(dark: bool, high_contrast: bool = False) -> CanvasTheme:
    if high_contrast:
        return HIGH_CONTRAST[dark]
    return DARK if dark else LIGHT
