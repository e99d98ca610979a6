"""Icons in the theme's colours: drawn by Qt's SVG engine from coloured copies in
the cache folder, or into pixmaps where nothing can be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from designer.ui import theme_icons
from designer.ui.theme import DARK, LIGHT


@pytest.fixture
def cache_in(monkeypatch, tmp_path):
    """The icon cache in a folder of this test (or none, when given None)."""

    def use(folder: Path | None) -> Path | None:
        theme_icons.clear_caches()
        monkeypatch.setattr(theme_icons, "cache_folder", lambda: folder)
        return folder

    yield use
    theme_icons.clear_caches()


def _ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal, size: int = 24) -> set:
    """The opaque colours of the icon drawn at ``size`` (anti-aliasing aside)."""
    image = icon.pixmap(QSize(size, size), 1.0, mode).toImage()
    assert image.width() == size, "the icon was not drawn at the size asked"
    colours = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                colours.add(pixel.name())
    return colours


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_an_icon_is_drawn_in_the_theme_colour_from_a_cached_copy(
    qapp, cache_in, tmp_path, theme
) -> None:
    folder = cache_in(tmp_path / "icons")
    folder.mkdir()
    made = theme_icons.icon("save", theme)
    copies = sorted(p.name for p in folder.iterdir())
    assert len(copies) == 2 and all(c.startswith("save-") for c in copies)
    assert not made.availableSizes()  # nothing drawn up front: the engine draws
    assert _ink(made) == {QColor(theme.icon).name()}
    assert _ink(made, QIcon.Mode.Disabled) == {QColor(theme.muted).name()}
    # Each size is drawn when asked, crisp: a larger size has more ink, same colour.
    assert _ink(made, size=48) == {QColor(theme.icon).name()}


def test_another_colour_is_another_file_so_no_stale_copy_is_shown(
    qapp, cache_in, tmp_path
) -> None:
    folder = cache_in(tmp_path / "icons")
    folder.mkdir()
    theme_icons.icon("save", LIGHT)
    theme_icons.icon("save", DARK)
    assert len(list(folder.iterdir())) == 4
    # A copy already there is used as it is (start-up reads, never rewrites).
    copy = next(folder.iterdir())
    before = copy.stat().st_mtime_ns
    cache_in(folder)
    theme_icons.icon("save", LIGHT)
    theme_icons.icon("save", DARK)
    assert copy.stat().st_mtime_ns == before


def test_without_a_writable_cache_the_icon_is_drawn_into_pixmaps(
    qapp, cache_in
) -> None:
    cache_in(None)
    made = theme_icons.icon("zoom-in", LIGHT)
    # Drawn at twice each size, for sharp icons on high-density screens.
    drawn = {s.width() for s in made.availableSizes()}
    assert drawn == {2 * size for size in theme_icons.PIXMAP_SIZES}
    assert _ink(made) == {QColor(LIGHT.icon).name()}


def test_an_unwritable_cache_folder_falls_back_too(qapp, cache_in, tmp_path) -> None:
    folder = cache_in(tmp_path / "not-a-folder")
    folder.write_text("a file where the folder should be")
    made = theme_icons.icon("undo", DARK)
    assert _ink(made) == {QColor(DARK.icon).name()}
