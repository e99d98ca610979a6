"""Light and dark themes applied to the app: a QPalette, the stylesheet, icons, and
a signal for the widgets that paint their own colours (plots, canvas items).

The colours live in :mod:`designer.ui.theme_colors`; the stylesheet is one
template, ``designer/resources/style.qss``, filled from them.  Icons are SVG
files we wrote, drawn with ``currentColor``; :func:`icon`
(:mod:`designer.ui.theme_icons`) fills in the theme's icon colour so the same
files serve both themes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from string import Template

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QWidget

from designer.resources import resource_folder, resource_text
from designer.ui.theme_colors import DARK, LIGHT, ThemeColors, css, rgba, theme_colors
from designer.ui.theme_icons import app_icon, icon

Theme = ThemeColors  # the name the window and panels use
__all__ = ["DARK", "LIGHT", "Theme", "ThemeColors", "app_icon", "icon"]

MIN_POINT_SIZE = 10  # readable on a projector
LARGE_POINT_SIZE = 13  # View ▸ Larger Text, for presenting
PRESENTATION_POINT_SIZE = 18  # View ▸ Presentation: read from the back of a room


def theme_for(dark: bool, high_contrast: bool = False) -> ThemeColors:
    return theme_colors(dark, high_contrast)


def qcolor(color: str) -> QColor:
    """A theme colour (``#rrggbb`` or CSS-ordered ``#rrggbbaa``) as a QColor."""
    return QColor(*rgba(color))


def make_palette(theme: ThemeColors) -> QPalette:
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
        QPalette.ColorRole.Shadow: theme.shadow,
        QPalette.ColorRole.Light: theme.base,
    }
    for role, color in roles.items():
        palette.setColor(role, qcolor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, qcolor(theme.muted))
    return palette


def stylesheet_template() -> str:
    """The stylesheet template, package data of ``designer.resources``.

    Raises :class:`~designer.resources.MissingResourceError` when it is missing.
    """
    return resource_text("style.qss")


def stylesheet(theme: ThemeColors, point_size: int = MIN_POINT_SIZE) -> str:
    """The template filled for ``theme``: ``$role`` is the colour of that name,
    ``$icons`` the absolute icons folder (QSS urls are otherwise relative to the
    working directory), ``$base_pt`` the text size and ``$small_pt`` the caption
    size (never below :data:`MIN_POINT_SIZE`)."""
    base = max(point_size, MIN_POINT_SIZE)
    values = {
        field.name: css(value)
        for field in fields(theme)
        if isinstance(value := getattr(theme, field.name), str)
        and value.startswith("#")
    }
    values.update(
        icons=resource_folder("icons").as_posix(),
        base_pt=str(base),
        small_pt=str(max(base - 1, MIN_POINT_SIZE)),
    )
    return Template(stylesheet_template()).substitute(values)


class _ThemeNotifier(QObject):
    """Holds the app's current theme and says when it changes."""

    changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.theme: ThemeColors = LIGHT
        self.point_size = MIN_POINT_SIZE


_NOTIFIER: list[_ThemeNotifier] = []  # created on first use, after Qt is loaded


def _notifier() -> _ThemeNotifier:
    if not _NOTIFIER:
        _NOTIFIER.append(_ThemeNotifier())
    return _NOTIFIER[0]


def current_theme() -> ThemeColors:
    """The theme last applied with :func:`apply_theme` (light until then)."""
    return _notifier().theme


def current_point_size() -> int:
    """The panels' text size in points as last applied (plots scale their text to it)."""
    return _notifier().point_size


def follow_theme(restyle: Callable[[ThemeColors], None]) -> None:
    """Call ``restyle`` with the current theme now and after every theme change.

    ``restyle`` should be a method of a QObject (a widget): the connection then
    ends when that object is deleted.  For what the stylesheet cannot reach:
    pyqtgraph plots, painted widgets, rich text.
    """
    notifier = _notifier()
    restyle(notifier.theme)
    notifier.changed.connect(restyle)


def text_point_size(large_text: bool = False, presenting: bool = False) -> int:
    """The panels' text size: normal, View ▸ Larger Text, or presentation mode."""
    if presenting:
        return PRESENTATION_POINT_SIZE
    return LARGE_POINT_SIZE if large_text else MIN_POINT_SIZE


def apply_theme(
    app: QApplication, dark: bool, large_text: bool = False, presenting: bool = False
) -> ThemeColors:
    """Palette, stylesheet and the themed widgets' colours; ``presenting`` takes the
    high-contrast variant and projector-sized text.

    Applying the look the app already has does nothing: restyling re-polishes
    every widget, so the app applies its look once before the window is built
    (:func:`designer.ui.app`) and the window's own call then costs nothing.
    """
    theme = theme_for(dark, presenting)
    point_size = text_point_size(large_text, presenting)
    sheet = stylesheet(theme, point_size)
    if app.styleSheet() != sheet:
        if id(app) not in _FUSION:
            app.setStyle("Fusion")  # once: setting it again re-polishes every widget
            _FUSION.add(id(app))
        app.setPalette(make_palette(theme))
        app.setStyleSheet(sheet)
    notifier = _notifier()
    if notifier.theme is not theme or notifier.point_size != point_size:
        notifier.theme = theme
        notifier.point_size = point_size
        notifier.changed.emit(theme)
    return theme


# The applications (by id) that run the Fusion style already.
_FUSION: set[int] = set()


def started_with_fusion(app: QApplication) -> None:
    """Say that ``app`` was started with ``-style Fusion``: :func:`apply_theme`
    then leaves the style alone (setting it from Python makes QStyle's Python
    enums, a noticeable part of start-up)."""
    _FUSION.add(id(app))


def repolish(widget: QWidget) -> None:
    """Restyle ``widget`` after a dynamic property that the stylesheet matches
    (``[problem="true"]``) changed.  A widget not yet polished takes its style when
    first shown, so it is left alone: that keeps QStyle (and the cost of making its
    Python enums) out of the window's start-up."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def ensure_readable_font(app: QApplication) -> None:
    font = QFont(app.font())
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
