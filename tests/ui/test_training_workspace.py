"""The Train workspace and the training panel as a class sees it: room for the
results, a form that is never clipped, a wheel that changes nothing by accident."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from designer.ui.main_window import MainWindow
from designer.ui.recovery import RecoveryStore


@pytest.fixture
def make_window(qtbot, tmp_path: Path):
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini")
    )
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "designer-tests", "w"
    )
    created: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(
            settings=settings, recovery=RecoveryStore(tmp_path / "recovery")
        )
        window.files.ask_save_changes = lambda _action: (
            QMessageBox.StandardButton.Discard
        )
        qtbot.addWidget(window)
        created.append(window)
        return window

    yield make
    for window in created:
        window.close()


def dock_layout(window: MainWindow) -> dict[str, tuple]:
    """Each dock: shown, on top of its tabs, and its geometry when on screen."""
    layout = {}
    for dock in window._docks:
        on_screen = not dock.visibleRegion().isEmpty()
        geometry = dock.geometry() if on_screen else None
        layout[dock.objectName()] = (dock.isVisible(), on_screen, geometry)
    return layout


def test_the_train_workspace_gives_training_the_width_and_design_comes_back(
    make_window, qtbot
) -> None:
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.training_page.ensure_built()  # its minimum size shapes the design layout too
    qtbot.wait(20)
    before = dock_layout(window)

    window.action("mode_train").trigger()  # the toolbar's Train switch
    qtbot.wait(20)
    assert window.workspace.mode == "train"
    assert window.action("mode_train").isChecked()
    assert not window.action("mode_design").isChecked()
    dock = window.training_dock
    assert dock.isVisible() and window.training_panel is not None
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock.width() > 0.55 * window.width()
    assert dock.height() > 0.8 * window.centralWidget().height()
    assert (
        window.view.isVisible() and window.view.width() >= 250
    )  # the network, compact
    for other in (window.palette_dock, window.inspector_dock, window.summary_dock):
        assert not other.isVisible()

    window.action("mode_design").trigger()
    qtbot.wait(20)
    assert window.workspace.mode == "design"
    assert dock_layout(window) == before


def test_the_workspace_switch_is_in_the_view_menu_with_shortcuts(make_window) -> None:
    window = make_window()
    view_menu = next(
        action.menu()
        for action in window.menuBar().actions()
        if action.text() == "&View"
    )
    keys = [a.objectName() for a in view_menu.actions()]
    assert "action_mode_design" in keys and "action_mode_train" in keys
    assert window.action("mode_train").shortcut().toString() == "Ctrl+2"
    window.workspace.set_mode("train")
    window.workspace.set_mode("train")  # no change, no second saved layout
    window.workspace.set_mode("design")
    with pytest.raises(ValueError, match="no workspace"):
        window.workspace.set_mode("present")


# -- the settings column ------------------------------------------------------------


def settings_clipped(panel) -> list[str]:
    """The settings whose label or editor does not show in full."""
    form = panel.settings_form
    viewport = panel.left_scroll.viewport()
    clipped = []
    for name, label in form._labels.items():
        if not label.isVisible():
            continue
        if label.width() < label.sizeHint().width():
            clipped.append(f"label of {name}")
        editor = form._editors[name].container
        right = editor.mapTo(viewport, editor.rect().topRight()).x()
        if right > viewport.width():
            clipped.append(f"editor of {name}")
    return clipped


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "larger-text"])
@pytest.mark.parametrize("mode", ["design", "train"])
def test_the_settings_form_is_never_clipped_at_1280_by_800(
    make_window, qtbot, large_text: bool, mode: str
) -> None:
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    if large_text:
        window.action("large_text").trigger()
    panel = window.show_training()
    window.workspace.set_mode(mode)
    qtbot.wait(50)
    assert panel.left_scroll.viewport().width() > 0
    qtbot.waitUntil(lambda: not settings_clipped(panel), timeout=2000)
    if large_text:
        window.action("large_text").trigger()


def test_the_input_shape_fix_is_in_view_without_scrolling(make_window, qtbot) -> None:
    window = make_window()
    document = window.document
    document.add_node("Input", (0.0, 0.0), {"shape": [3]})
    document.set_dataset({"name": "moons", "options": {}})
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    panel = window.show_training()
    qtbot.waitUntil(lambda: panel.dataset_picker.dataset is not None, timeout=20_000)
    panel.update_compatibility()
    button = panel.fit_banner.action
    assert button.isVisible() and button.text() == "Set Input shape from dataset"
    assert not panel.left_scroll.isAncestorOf(button)  # never below the fold
    top_left = button.mapTo(panel, button.rect().topLeft())
    assert panel.rect().contains(top_left)
    assert panel.rect().contains(button.mapTo(panel, button.rect().bottomRight()))
