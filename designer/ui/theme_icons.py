"""Toolbar and menu icons in the theme's colours, drawn by Qt's own SVG icon engine.

The icon files are drawn with ``currentColor``; each theme colour needs its own
copy with the colour filled in.  Those copies are written once to the user's cache
folder, named by their content, and handed to ``QIcon(path)``: Qt's SVG icon
engine (C++) then renders each size only when something asks for it, crisp at any
scale.  Rendering every size of every icon up front was a fifth of the window's
start-up.  A changed icon file or theme colour gives a new name, so a stale copy is
never shown.  Where nothing can be written (a read-only home), the icon is drawn
into pixmaps instead, as before.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from designer.graph.safe_files import atomic_write_text
from designer.resources import resource_path, resource_text
from designer.ui.theme_colors import ThemeColors

PIXMAP_SIZES = (16, 20, 24, 32)  # menus, small and normal toolbars, presentation


def icon(name: str, theme: ThemeColors) -> QIcon:
    """An icon from ``designer/resources/icons/<name>.svg`` in the theme's colour,
    greyed with the theme's muted colour when disabled.

    Raises :class:`~designer.resources.MissingResourceError` when the file is missing.
    """
    normal = _coloured_file(name, theme.icon)
    disabled = _coloured_file(name, theme.muted)
    if normal is None or disabled is None:
        return _pixmap_icon(name, theme)
    result = QIcon(str(normal))
    result.addFile(str(disabled), QSize(), QIcon.Mode.Disabled)
    return result


def app_icon() -> QIcon:
    """The application icon (``icons/designer.svg``, in its own colours)."""
    return QIcon(str(resource_path("icons/designer.svg")))


def cache_folder() -> Path | None:
    """Where the coloured copies go, or None when no folder can be made there."""
    return _found_cache_folder()


@lru_cache(maxsize=1)
def _found_cache_folder() -> Path | None:
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.CacheLocation
    )
    if not location:
        return None
    folder = Path(location) / "icons"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


@lru_cache(maxsize=256)
def _coloured_file(name: str, color: str) -> Path | None:
    """The icon in ``color`` as a file of the cache folder (None: cannot write)."""
    text = resource_text(f"icons/{name}.svg").replace("currentColor", color)
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    path = folder / f"{name}-{digest}.svg"
    if not path.is_file():
        try:
            atomic_write_text(path, text)
        except OSError:
            return None
    return path


def _pixmap_icon(name: str, theme: ThemeColors) -> QIcon:
    """The same icon drawn up front into pixmaps of every size the app shows."""
    app = QGuiApplication.instance()
    ratio = max(app.devicePixelRatio() if app else 1.0, 2.0)
    result = QIcon()
    for size in PIXMAP_SIZES:
        result.addPixmap(_svg_pixmap(name, theme.icon, size, ratio), QIcon.Mode.Normal)
        result.addPixmap(
            _svg_pixmap(name, theme.muted, size, ratio), QIcon.Mode.Disabled
        )
    return result


@lru_cache(maxsize=256)
def _svg_pixmap(name: str, color: str, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    text = resource_text(f"icons/{name}.svg")
    renderer = QSvgRenderer(
        QByteArray(text.replace("currentColor", color).encode("utf-8"))
    )
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def clear_caches() -> None:
    """Forget the coloured files and pixmaps (tests that swap the resources)."""
    _coloured_file.cache_clear()
    _svg_pixmap.cache_clear()
    _found_cache_folder.cache_clear()
