"""File ▸ Export with Training Script writes model.py and a standalone train.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from designer.ui.document import Document
from designer.ui.main_window import SAMPLES_DIR, MainWindow
from designer.ui.recovery import RecoveryStore


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path / "settings"),
    )
    settings = QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        "designer-tests",
        "designer",
    )
    document = Document()
    document.load(SAMPLES_DIR / "moons.json")
    made = MainWindow(
        document, settings=settings, recovery=RecoveryStore(tmp_path / "recovery")
    )
    made.interactive = False
    qtbot.addWidget(made)
    yield made
    made.document.undo_stack.setClean()
    made.close()


def test_the_menu_offers_the_export(window: MainWindow) -> None:
    action = window.action("export_training")
    file_menu = window.menuBar().actions()[0].menu()
    submenus = [a.menu() for a in file_menu.actions() if a.menu() is not None]
    assert any(action in menu.actions() for menu in submenus)  # File ▸ Export
    assert action.shortcut().toString() == "Ctrl+Shift+E"


def test_export_writes_both_files(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "out"
    window.files.choose_export_folder = lambda: str(target)
    assert window.files.export_training_script() is True
    model = (target / "model.py").read_text()
    script = (target / "train.py").read_text()
    assert model == window.document.code()
    imported = {
        (node.module or "").split(".")[0]
        for node in ast.walk(ast.parse(script))
        if isinstance(node, ast.ImportFrom)
    } | {
        alias.name.split(".")[0]
        for node in ast.walk(ast.parse(script))
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert "designer" not in imported and "model" in imported


def test_existing_files_are_kept_when_the_user_declines(
    window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "train.py").write_text("mine")
    window.files.choose_export_folder = lambda: str(tmp_path)
    window.files.ask_overwrite = lambda names, folder: False
    assert window.files.export_training_script() is False
    assert (tmp_path / "train.py").read_text() == "mine"
    assert not (tmp_path / "model.py").exists()


def test_an_invalid_graph_is_explained_not_exported(
    window: MainWindow, tmp_path: Path
) -> None:
    errors: list[tuple[str, str]] = []
    window.files.show_error = lambda title, message: errors.append((title, message))
    window.files.choose_export_folder = lambda: str(tmp_path)
    output = next(n for n in window.document.graph.nodes if n.type == "Output")
    window.document.remove_nodes([output.id])
    assert window.files.export_training_script() is False
    assert errors and errors[0][0] == "Cannot export yet" and "Output" in errors[0][1]
    assert not (tmp_path / "train.py").exists() and not (tmp_path / "model.py").exists()
