"""Light and dark themes: a QPalette, a stylesheet from ``resources/`` and icons.

Icons are SVG files we wrote, drawn with ``currentColor``; :func:`icon` fills in
the theme's icon colour so the same files serve both themes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICONS = RESOURCES / "icons"
MIN_POINT_SIZE = 10  # readable on a projector
LARGE_POINT_SIZE = 13  # View ▸ Larger Text, for presenting


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    button: str
    highlight: str
    highlight_text: str
    border: str
    icon: str
    error: str
    warning: str


LIGHT = Theme(
    name="light",
    dark=False,
    window="#f3f4f6",
    base="#ffffff",
    alternate="#f7f8fa",
    text="#1f2328",
    muted="#6a737d",
    button="#ffffff",
    highlight="#2f6fed",
    highlight_text="#ffffff",
    border="#d0d4da",
    icon="#3b4350",
    error="#d1242f",
    warning="#b08800",
)
DARK = Theme(
    name="dark",
    dark=True,
    window="#1e1f22",
    base="#2b2d30",
    alternate="#26282b",
    text="#dfe1e5",
    muted="#8c9199",
    button="#393b40",
    highlight="#3574f0",
    highlight_text="#ffffff",
    border="#43454a",
    icon="#ced0d6",
    error="#f75464",
    warning="#e0b341",
)


def theme_for(dark: bool) -> Theme:
    return DARK if dark else LIGHT


def make_palette(theme: Theme) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.alternate,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.button,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.BrightText: theme.error,
        QPalette.ColorRole.Highlight: theme.highlight,
        QPalette.ColorRole.HighlightedText: theme.highlight_text,
        QPalette.ColorRole.Link: theme.highlight,
        QPalette.ColorRole.Mid: theme.border,
        QPalette.ColorRole.Midlight: theme.alternate,
        QPalette.ColorRole.Dark: theme.border,
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Light: theme.base,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    return palette


def stylesheet(theme: Theme, point_size: int = MIN_POINT_SIZE) -> str:
    """The theme's QSS, or "" when the resources folder is not installed.

    In the file, ``@ICONS@`` stands for the absolute icons folder (QSS urls are
    otherwise relative to the working directory), ``@BASE_PT@`` for the text
    size and ``@SMALL_PT@`` for captions (never below :data:`MIN_POINT_SIZE`).
    """
    path = RESOURCES / f"{theme.name}.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    base = max(point_size, MIN_POINT_SIZE)
    return (
        text.replace("@ICONS@", ICONS.as_posix())
        .replace("@BASE_PT@", str(base))
        .replace("@SMALL_PT@", str(max(base - 1, MIN_POINT_SIZE)))
    )


def apply_theme(app: QApplication, dark: bool, large_text: bool = False) -> Theme:
    theme = theme_for(dark)
    app.setStyle("Fusion")
    app.setPalette(make_palette(theme))
    app.setStyleSheet(
        stylesheet(theme, LARGE_POINT_SIZE if large_text else MIN_POINT_SIZE)
    )
    return theme


def ensure_readable_font(app: QApplication) -> None:
    font = QFont(app.font())
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


@lru_cache(maxsize=256)
def _svg_pixmap(name: str, color: str, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    try:
        text = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return pixmap
    renderer = QSvgRenderer(
        QByteArray(text.replace("currentColor", color).encode("utf-8"))
    )
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str, theme: Theme) -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` in the theme's colour, crisp at any DPI."""
    ratio = (
        QGuiApplication.instance().devicePixelRatio()
        if QGuiApplication.instance()
        else 1.0
    )
    result = QIcon()
    for size in (16, 20, 24, 32):
        result.addPixmap(
            _svg_pixmap(name, theme.icon, size, max(ratio, 2.0)), QIcon.Mode.Normal
        )
        result.addPixmap(
            _svg_pixmap(name, theme.muted, size, max(ratio, 2.0)), QIcon.Mode.Disabled
        )
    return result
