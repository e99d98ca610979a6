"""The stylesheet's icons load from a folder whose path has spaces (a user's home on
Windows often has one)."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QCheckBox

import designer.ui.theme as theme_module
from designer.resources import resource_folder
from designer.ui.theme import stylesheet, theme_for


def checked_box_image(qtbot, sheet: str):
    box = QCheckBox("x")
    qtbot.addWidget(box)
    box.setChecked(True)
    box.setStyleSheet(sheet)
    box.resize(60, 30)
    return box.grab().toImage()


def test_icons_in_a_folder_with_spaces_are_drawn(qtbot, tmp_path, monkeypatch) -> None:
    theme = theme_for(False, False)
    normal = checked_box_image(qtbot, stylesheet(theme))
    spaced = tmp_path / "my icons (copy)" / "icons"
    shutil.copytree(resource_folder("icons"), spaced)
    monkeypatch.setattr(theme_module, "resource_folder", lambda name: spaced)
    from_spaced = checked_box_image(qtbot, stylesheet(theme))
    monkeypatch.setattr(theme_module, "resource_folder", lambda name: tmp_path / "none")
    missing = checked_box_image(qtbot, stylesheet(theme))
    assert normal != missing  # the tick is drawn from the icon file
    assert from_spaced == normal
