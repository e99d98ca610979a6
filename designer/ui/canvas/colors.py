"""Colours of the canvas: one per layer category (shared with the palette) and the
light and dark canvas themes.

Category colours are saturated mid-tones chosen so white header text on them has
a contrast ratio of at least 4.5:1 and neighbouring categories stay distinct on a
projector; red is kept for errors only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

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


LIGHT = CanvasTheme(
    dark=False,
    background=QColor("#f6f7f9"),
    grid_minor=QColor("#eceef2"),
    grid_major=QColor("#dde1e7"),
    card=QColor("#ffffff"),
    card_border=QColor("#c5cbd3"),
    shadow=QColor(15, 23, 42, 36),
    text=QColor("#111827"),
    text_muted=QColor("#4b5563"),
    shape_fill=QColor("#eef2f7"),
    shape_text=QColor("#1f2937"),
    edge=QColor("#6b7280"),
    label_fill=QColor("#ffffff"),
    label_border=QColor("#cfd5dd"),
    label_text=QColor("#1f2937"),
    selection=QColor("#f59e0b"),
    error=QColor("#dc2626"),
    warning=QColor("#d97706"),
    port=QColor("#ffffff"),
    port_border=QColor("#4b5563"),
    highlight=QColor("#16a34a"),
    rubber_band=QColor(37, 99, 235, 40),
)

DARK = CanvasTheme(
    dark=True,
    background=QColor("#1b1e24"),
    grid_minor=QColor("#22262d"),
    grid_major=QColor("#2d323b"),
    card=QColor("#2a2f38"),
    card_border=QColor("#444b57"),
    shadow=QColor(0, 0, 0, 90),
    text=QColor("#f3f4f6"),
    text_muted=QColor("#b6bcc7"),
    shape_fill=QColor("#1f242c"),
    shape_text=QColor("#e5e7eb"),
    edge=QColor("#9aa3b2"),
    label_fill=QColor("#262b33"),
    label_border=QColor("#4a515e"),
    label_text=QColor("#e5e7eb"),
    selection=QColor("#fbbf24"),
    error=QColor("#f87171"),
    warning=QColor("#fbbf24"),
    port=QColor("#2a2f38"),
    port_border=QColor("#c0c7d2"),
    highlight=QColor("#4ade80"),
    rubber_band=QColor(96, 165, 250, 50),
)


def theme_for(dark: bool) -> CanvasTheme:
    return DARK if dark else LIGHT
