"""A broken install says which file is missing, never starts with a blank toolbar;
the window and the app carry the application icon."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import designer.resources as package_resources
from designer.ui import theme, theme_icons
from designer.ui.app import run_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def make_window(qtbot):
    from designer.ui.main_window import MainWindow

    def make() -> MainWindow:
        window = MainWindow(interactive=False)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def resources_copy(monkeypatch, tmp_path) -> Path:
    """The package's resources copied to a folder the app reads instead."""
    copy = tmp_path / "resources"
    shutil.copytree(ROOT / "designer" / "resources", copy)
    monkeypatch.setattr(package_resources, "_root", lambda: copy)
    theme_icons.clear_caches()
    yield copy
    theme_icons.clear_caches()


def test_a_missing_stylesheet_stops_the_app_with_its_name(
    qapp, resources_copy, tmp_path, capsys
) -> None:
    (resources_copy / "style.qss").unlink()
    assert run_app(["--screenshot", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert "installation is incomplete" in err and "style.qss" in err
    assert str(resources_copy) in err
    assert not (tmp_path / "x.png").exists()


def test_a_missing_toolbar_icon_is_named_not_left_blank(
    qapp, resources_copy, tmp_path, capsys
) -> None:
    (resources_copy / "icons" / "zoom-in.svg").unlink()
    assert run_app(["--screenshot", str(tmp_path / "x.png")]) == 2
    assert "icons/zoom-in.svg" in capsys.readouterr().err


def test_a_missing_samples_folder_says_so_in_the_menu(
    make_window, resources_copy, capsys
) -> None:
    window = make_window()
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    window.files.fill_samples_menu(menu, resources_copy / "gone")
    texts = [action.text() for action in menu.actions()]
    assert len(texts) == 1 and "Samples missing" in texts[0] and "gone" in texts[0]
    assert not menu.actions()[0].isEnabled()
    assert "samples folder" in capsys.readouterr().err


def test_the_window_and_app_have_the_application_icon(make_window) -> None:
    window = make_window()
    assert not window.windowIcon().isNull()
    assert not theme.app_icon().pixmap(64, 64).isNull()
