"""The main window wired to a real Document: panels, files, prompts, autosave, settings."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from designer.graph.model import Graph, Project
from designer.graph.project_file import load_project, save_project
from designer.ui.document import Document
from designer.ui.main_window import SAMPLES_DIR, MainWindow, sample_files
from designer.ui.recovery import RecoveryStore

Save = QMessageBox.StandardButton.Save
Discard = QMessageBox.StandardButton.Discard
Cancel = QMessageBox.StandardButton.Cancel


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    folder = tmp_path / "settings"
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder)
    )
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        "designer-tests",
        "designer",
    )


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Every warning/information box, recorded instead of shown."""
    shown: list[tuple[str, str]] = []

    def record(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


@pytest.fixture
def make_window(qtbot, settings, tmp_path, messages):
    created: list[MainWindow] = []

    def make(document: Document | None = None, autosave_ms: int = 60_000) -> MainWindow:
        window = MainWindow(
            document,
            settings=settings,
            recovery=RecoveryStore(tmp_path / "recovery"),
            autosave_ms=autosave_ms,
        )
        window.files.ask_save_changes = lambda _action: (
            Discard
        )  # tests override per case
        qtbot.addWidget(window)
        created.append(window)
        return window

    yield make
    from PySide6.QtCore import QCoreApplication, QEvent

    for window in created:
        window.files.ask_save_changes = lambda _action: Discard
        window.close()
        window.deleteLater()  # a closed window would otherwise live on and slow restyling
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def cnn_project() -> Project:
    graph = Graph("model")
    image = graph.add_node("Input", "image", {"shape": [1, 28, 28]}, position=(0, 0))
    conv = graph.add_node(
        "Conv2d", "conv1", {"out_channels": 8, "kernel_size": 3}, position=(240, 0)
    )
    flat = graph.add_node("Flatten", "flat", position=(480, 0))
    dense = graph.add_node("Linear", "fc", {"out_features": 10}, position=(720, 0))
    out = graph.add_node("Output", "logits", position=(960, 0))
    for a, b in ((image, conv), (conv, flat), (flat, dense), (dense, out)):
        graph.connect(a.id, "out", b.id, "in")
    return Project("Small CNN", [graph])


def node_id(window: MainWindow, name: str) -> str:
    return window.document.graph.node_by_name(name).id


# -- tabs, title, panels -------------------------------------------------------------


def test_samples_are_found_and_listed() -> None:
    titles = [title for title, _ in sample_files()]
    assert len(titles) == len(list(SAMPLES_DIR.glob("*.json"))) >= 1
    assert "GAN" in titles


def test_one_tab_per_network_and_switching_sets_the_current_network(
    make_window,
) -> None:
    window = make_window()
    assert window.files.open_sample(SAMPLES_DIR / "gan.json")
    assert window.tab_names == ["generator", "discriminator"]
    assert not window.network_tabs.isHidden()
    window.network_tabs.setCurrentIndex(1)
    assert window.document.current_network == "discriminator"
    assert window.view.network_scene.network == "discriminator"
    window.document.set_current_network("generator")
    assert window.network_tabs.currentIndex() == 0
    window.files.open_sample(SAMPLES_DIR / "mlp.json")
    assert window.tab_names == ["model"] and window.network_tabs.isHidden()


def test_title_names_the_file_and_marks_changes(make_window, tmp_path) -> None:
    path = tmp_path / "net.json"
    save_project(cnn_project(), path)
    window = make_window()
    assert window.files.open_file(path)
    assert window.windowTitle() == "net.json[*] — designer"
    assert not window.isWindowModified()
    window.document.set_param(node_id(window, "fc"), "out_features", 12)
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_summary_totals_follow_the_document(make_window, qtbot) -> None:
    window = make_window(Document(cnn_project()))
    shapes = window.document.analysis["model"]
    assert window.summary.total_params == shapes.total_params
    assert window.summary.rows()[-1][3] == f"{shapes.total_params:,}"
    window.document.set_param(node_id(window, "fc"), "out_features", 20)
    new_total = window.document.analysis["model"].total_params
    assert new_total != shapes.total_params
    assert (
        f"{new_total:,}" in window.readouts.params_label.text()
    )  # the status bar at once
    qtbot.waitUntil(
        lambda: window.summary.total_params == new_total, timeout=2000
    )  # after the pause


def test_inspector_edit_goes_through_the_document_and_undoes(make_window) -> None:
    window = make_window(Document(cnn_project()))
    fc = node_id(window, "fc")
    window.document.set_selection([fc])
    spin = window.inspector.editors["out_features"].field
    assert spin.value() == 10
    spin.setValue(64)
    assert window.document.graph.node(fc).params["out_features"] == 64
    assert "out_features" in window.action("undo").text()
    window.action("undo").trigger()
    assert window.document.graph.node(fc).params["out_features"] == 10
    assert window.inspector.editors["out_features"].field.value() == 10


def test_code_view_updates_when_a_parameter_changes(make_window, qtbot) -> None:
    window = make_window(Document(cnn_project()))
    assert "nn.Linear(5408, 10)" in window.code_view.code
    fc = node_id(window, "fc")
    window.document.set_selection([fc])
    window.inspector.editors["out_features"].field.setValue(33)
    qtbot.waitUntil(
        lambda: "nn.Linear(5408, 33)" in window.code_view.editor.toPlainText(),
        timeout=2000,
    )
    assert window.code_view.code == window.document.code()


def test_code_view_shows_the_error_for_an_invalid_graph(make_window) -> None:
    window = make_window(Document(cnn_project()))
    window.document.set_param(node_id(window, "conv1"), "kernel_size", 40)
    window.refresh_now()
    assert window.code_view.error
    assert "conv1" in window.code_view.editor.toPlainText()


def test_the_problem_count_is_styled_as_an_error_while_there_is_one(
    make_window,
) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    label = window.readouts.problem_label
    assert label.property("problem") is False
    conv = node_id(window, "conv1")
    window.document.set_param(conv, "kernel_size", 40)
    assert label.property("problem") is True
    window.document.undo_stack.undo()
    assert label.property("problem") is False


def test_problem_click_selects_and_centres_the_node(make_window, qtbot) -> None:
    window = make_window(Document(cnn_project()))
    conv = node_id(window, "conv1")
    window.document.set_param(conv, "kernel_size", 40)
    assert window.problems.error_count >= 1
    assert "error" in window.readouts.problem_label.text()
    item = window.problems.topLevelItem(0)
    with qtbot.waitSignal(window.document.centreRequested) as blocker:
        window.problems.itemClicked.emit(item, 1)
    assert blocker.args == [conv]
    assert window.document.selected_ids == [conv]
    assert window.inspector.node_id == conv


def test_palette_activation_adds_a_selected_layer(make_window) -> None:
    window = make_window(Document(cnn_project()))
    before = len(window.document.graph.nodes)
    window.palette_panel.layerActivated.emit("ReLU")
    assert len(window.document.graph.nodes) == before + 1
    [selected] = window.document.selected_ids
    assert window.document.graph.node(selected).type == "ReLU"


def test_edit_actions_act_on_the_selection(make_window) -> None:
    window = make_window(Document(cnn_project()))
    fc = node_id(window, "fc")
    window.document.set_selection([fc])
    window.action("duplicate").trigger()
    assert len(window.document.graph.nodes) == 6
    window.action("delete").trigger()
    assert len(window.document.graph.nodes) == 5
    window.action("select_all").trigger()
    assert len(window.document.selected_ids) == 5


# -- files ------------------------------------------------------------------------------


def test_save_then_reopen_gives_an_equal_project(make_window, tmp_path) -> None:
    window = make_window()
    assert window.files.open_sample(SAMPLES_DIR / "cnn_mnist.json")
    original = load_project(SAMPLES_DIR / "cnn_mnist.json")
    assert window.document.path is None  # a sample opens as a new project
    target = tmp_path / "mine"
    window.files.choose_save_path = lambda *_: str(target)
    assert window.action("save").trigger() is None
    saved = tmp_path / "mine.json"
    assert window.document.path == saved and not window.document.modified
    other = make_window()
    assert other.files.open_file(saved)
    assert other.document.project == original
    assert str(saved.resolve()) == other.recent.paths()[0]


def test_close_with_unsaved_changes_asks_and_cancel_keeps_everything(
    make_window,
) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    asked: list[str] = []
    window.files.ask_save_changes = lambda action: asked.append(action) or Cancel
    window.document.add_node("ReLU", (0, 300))
    assert not window.close()
    assert asked == ["closing"]
    assert window.isVisible()
    assert len(window.document.graph.nodes) == 6
    window.files.ask_save_changes = lambda action: Discard
    assert window.close()


def test_close_with_save_writes_the_file(make_window, tmp_path) -> None:
    path = tmp_path / "p.json"
    save_project(cnn_project(), path)
    window = make_window()
    window.files.open_file(path)
    window.show()
    window.document.add_node("ReLU", (0, 300))
    window.files.ask_save_changes = lambda action: Save
    assert window.close()
    assert len(load_project(path).graph.nodes) == 6


def test_new_and_open_ask_first(make_window, tmp_path) -> None:
    window = make_window(Document(cnn_project()))
    window.document.add_node("ReLU", (0, 300))
    window.files.ask_save_changes = lambda action: Cancel
    opened: list[bool] = []
    window.files.choose_open_path = lambda: opened.append(True) or None
    assert not window.files.new_document()
    assert not window.files.open_dialog()
    assert not window.files.open_sample(SAMPLES_DIR / "mlp.json")
    assert opened == []
    assert len(window.document.graph.nodes) == 6
    window.files.ask_save_changes = lambda action: Discard
    assert window.files.new_document()
    assert len(window.document.graph.nodes) <= 2
    assert not window.document.modified


def test_a_file_that_fails_to_load_shows_the_message_and_keeps_the_document(
    make_window, tmp_path, messages
) -> None:
    window = make_window(Document(cnn_project()))
    before = window.document.project.to_dict()
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"format": "designer-project", "version": 1, "networks": [{"name": "m"}]}'
    )
    assert not window.files.open_file(broken)
    assert len(messages) == 1
    title, text = messages[0]
    assert "broken.json" in text and "nodes" in text
    assert window.document.project.to_dict() == before
    assert window.document.path is None


def test_open_recent_drops_missing_files_with_a_message(
    make_window, tmp_path, messages
) -> None:
    path = tmp_path / "gone.json"
    save_project(cnn_project(), path)
    window = make_window()
    assert window.files.open_file(path)
    assert window.recent.paths()[0] == str(path.resolve())
    window.files.new_document()
    path.unlink()
    assert not window.files.open_recent(str(path.resolve()))
    assert window.recent.paths() == []
    assert "no longer exists" in messages[-1][1]


def test_recent_files_keep_the_newest_ten(make_window, tmp_path) -> None:
    window = make_window()
    for index in range(12):
        window.recent.add(tmp_path / f"p{index}.json")
    paths = window.recent.paths()
    assert len(paths) == 10 and paths[0].endswith("p11.json")


def test_export_python_writes_the_code(make_window, tmp_path) -> None:
    window = make_window(Document(cnn_project()))
    target = tmp_path / "model.py"
    window.files.choose_save_path = lambda *_: str(target)
    assert window.files.export_python()
    assert target.read_text() == window.document.code()
    compile(target.read_text(), str(target), "exec")


# -- autosave and recovery -------------------------------------------------------------


def test_autosave_writes_a_recovery_file_that_the_next_start_restores(
    make_window, qtbot, tmp_path
) -> None:
    path = tmp_path / "work.json"
    save_project(cnn_project(), path)
    window = make_window(autosave_ms=30)
    window.files.open_file(path)
    window.document.set_param(node_id(window, "fc"), "out_features", 77)
    recovery_file = window.recovery.file
    qtbot.waitUntil(recovery_file.exists, timeout=3000)
    record = json.loads(recovery_file.read_text())
    assert record["original_path"] == str(path)
    edited = window.document.project.to_dict()

    # Simulate a crash: the file stays behind under the id of a dead process.
    window.files.autosaver.close()
    crashed = recovery_file.with_name("autosave-999999999.json")
    recovery_file.rename(crashed)

    second = make_window()
    offered: list[str | None] = []
    second.files.ask_restore = lambda recovered: (
        offered.append(recovered.original_path) or True
    )
    assert second.files.offer_recovery()
    assert offered == [str(path)]
    assert second.document.project.to_dict() == edited
    assert second.document.path == path
    assert second.document.modified and second.isWindowModified()
    assert not crashed.exists()


def test_declining_recovery_discards_the_file(make_window, tmp_path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    store.file = store.directory / "autosave-999999998.json"
    store.write(cnn_project(), None)
    window = make_window()
    window.files.ask_restore = lambda recovered: False
    assert not window.files.offer_recovery()
    assert not store.file.exists()
    assert len(window.document.graph.nodes) <= 2


def test_a_clean_exit_deletes_the_recovery_file(make_window, qtbot) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    window.document.add_node("ReLU", (0, 300))
    window.files.autosave()
    assert window.recovery.file.exists()
    window.files.ask_save_changes = lambda action: Discard
    assert window.close()
    assert not window.recovery.file.exists()


# -- settings ----------------------------------------------------------------------------


def test_layout_theme_and_snap_persist(make_window, settings) -> None:
    window = make_window()
    window.show()
    window.summary_dock.hide()
    window.action("theme_dark").trigger()
    window.action("snap").setChecked(False)
    assert window.theme.dark
    assert window.close()

    again = make_window()
    again.show()
    assert again.theme.dark
    assert again.action("theme_dark").isChecked()
    assert not again.action("snap").isChecked()
    assert not again.summary_dock.isVisible()
    assert again.palette_dock.isVisible()
    again.action("theme_light").trigger()
    assert not again.theme.dark


# -- canvas, panels and help ------------------------------------------------------------


def test_a_palette_drag_drops_onto_the_canvas(make_window) -> None:
    from PySide6.QtCore import QPointF

    window = make_window(Document(cnn_project()))
    mime = window.palette_panel.mime_data_for("Dropout")
    node = window.view.add_dropped_layer(mime, QPointF(100, 400))
    assert window.document.graph.node(node).type == "Dropout"
    assert window.document.selected_ids == [node]


def test_status_bar_shows_zoom_and_view_actions_change_it(make_window) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    window.view.set_zoom(1.0)
    window.action("zoom_in").trigger()
    assert (
        window.readouts.zoom_label.text()
        == f"Zoom {round(window.view.zoom * 100)}%"
        != "Zoom 100%"
    )
    window.action("fit").trigger()
    assert window.readouts.zoom_label.text() == f"Zoom {round(window.view.zoom * 100)}%"


def test_view_menu_toggles_panels_and_add_panel_registers_one(make_window) -> None:
    from PySide6.QtWidgets import QLabel

    window = make_window()
    window.show()
    toggles = {a.objectName(): a for a in window.panels_menu.actions()}
    assert set(toggles) >= {
        "toggle_paletteDock",
        "toggle_inspectorDock",
        "toggle_codeDock",
    }
    toggles["toggle_paletteDock"].trigger()
    assert not window.palette_dock.isVisible()
    dock = window.add_panel("Training", "trainingDock", QLabel("plots"))
    assert dock.toggleViewAction() in window.panels_menu.actions()


def test_undo_and_redo_actions_name_the_step(make_window) -> None:
    window = make_window(Document(cnn_project()))
    window.document.rename(node_id(window, "fc"), "classifier")
    assert "Rename fc to classifier" in window.action("undo").text()
    window.action("undo").trigger()
    assert "Rename fc to classifier" in window.action("redo").text()
    keys = {s.toString() for s in window.action("redo").shortcuts()}
    assert keys == {"Ctrl+Shift+Z", "Ctrl+Y"}


def test_layer_reference_lists_every_spec(make_window) -> None:
    from designer.graph.catalog import all_specs

    window = make_window()
    dialog = window.show_layer_reference()
    text = dialog.browser.toPlainText()
    assert all(spec.type in text for spec in all_specs())
    dialog.search.setText("lstm")
    assert (
        "LSTM" in dialog.browser.toPlainText()
        and "Conv2d" not in dialog.browser.toPlainText()
    )
    dialog.close()


def test_themes_load_their_stylesheets_and_icons() -> None:
    from designer.resources import resource_folder
    from designer.ui.theme import DARK, LIGHT, icon, stylesheet

    icons = resource_folder("icons")
    for theme in (LIGHT, DARK):
        qss = stylesheet(theme)
        assert "QDockWidget" in qss and "@ICONS@" not in qss
        for name in ("arrow-up.svg", "arrow-down.svg", "check.svg"):
            assert (icons / name).is_file() and icons.as_posix() + "/" + name in qss
        assert not icon("save", theme).isNull()
    assert LIGHT.window != DARK.window


def test_empty_canvas_shows_a_hint_with_sample_links(make_window) -> None:
    window = make_window()
    window.show()
    assert window.empty_hint.isVisible()
    assert "gan.json" in window.empty_hint.text()
    window.document.add_node("Input", (0, 0), {"shape": [4]})
    assert not window.empty_hint.isVisible()
    window.document.undo_stack.undo()
    assert window.empty_hint.isVisible()
    window.empty_hint.linkActivated.emit(str(SAMPLES_DIR / "mlp.json"))
    assert window.document.project.name == load_project(SAMPLES_DIR / "mlp.json").name
    assert not window.empty_hint.isVisible()


def test_shortcuts_act_on_the_canvas_but_not_inside_text_fields(
    make_window, qtbot
) -> None:
    from PySide6.QtCore import Qt

    window = make_window(Document(cnn_project()))
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    fc = node_id(window, "fc")
    window.document.set_selection([fc])

    name_edit = window.inspector.name_edit
    name_edit.setFocus()
    qtbot.waitUntil(name_edit.hasFocus, timeout=2000)
    name_edit.setCursorPosition(0)
    qtbot.keyClick(name_edit, Qt.Key.Key_Delete)
    assert window.document.graph.has_node(fc)
    assert name_edit.text() == "c"  # the key edited the text instead

    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)
    window.document.set_selection([fc])
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not window.document.graph.has_node(fc)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.graph.has_node(fc)


def test_the_code_panel_is_built_when_first_shown(make_window, qtbot) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    qtbot.waitUntil(lambda: window.code_dock.visibleRegion().isEmpty(), timeout=2000)
    assert window.code_page.content is None  # behind the inspector: not built
    window.code_dock.raise_()
    qtbot.waitUntil(lambda: window.code_page.content is not None, timeout=2000)
    editor = window.code_page.content.editor
    assert (
        "class " in editor.toPlainText()
        and "nn.Linear(5408, 10)" in editor.toPlainText()
    )


def test_a_hidden_code_panel_catches_up_when_shown(make_window, qtbot) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    window.inspector_dock.raise_()  # the code panel shares its tab group: now hidden
    qtbot.waitUntil(lambda: window.code_dock.visibleRegion().isEmpty(), timeout=2000)
    window.document.set_param(node_id(window, "fc"), "out_features", 21)
    window.refresh_now()
    # Hidden, the panel is not rebuilt: never built yet, or still the old code.
    hidden_view = window.code_page.content
    assert hidden_view is None or (
        "nn.Linear(5408, 21)" not in hidden_view.editor.toPlainText()
    )
    window.code_dock.raise_()
    qtbot.waitUntil(
        lambda: "nn.Linear(5408, 21)" in window.code_view.editor.toPlainText(),
        timeout=2000,
    )


def test_about_names_the_versions() -> None:
    import PySide6

    from designer.ui.main_window import about_html

    text = about_html()
    assert "designer" in text and PySide6.__version__ in text


def test_a_failed_save_says_why_and_keeps_the_changes(
    make_window, tmp_path, messages
) -> None:
    window = make_window(Document(cnn_project()))
    window.document.add_node("ReLU", (0, 300))
    window.files.choose_save_path = lambda *_: str(
        tmp_path / "missing-folder" / "p.json"
    )
    assert not window.files.save()
    assert messages and messages[-1][0] == "Could not save the project"
    assert window.document.modified and window.document.path is None
    window.files.ask_save_changes = lambda action: Save
    window.show()
    assert not window.close()  # the save failed, so the window stays
    assert window.isVisible()


def test_find_layer_focuses_the_palette_search(make_window, qtbot) -> None:
    window = make_window()
    window.show()
    window.activateWindow()
    window.palette_dock.hide()
    window.action("find_layer").trigger()
    assert window.palette_dock.isVisible()
    qtbot.waitUntil(window.palette_panel.search.hasFocus, timeout=2000)


@pytest.fixture
def no_training_process(monkeypatch):
    """Showing the training panel starts its worker process (torch); not needed here."""
    from designer.training.server import pool as server_pool
    from designer.ui.training import panel as panel_module

    monkeypatch.setattr(server_pool.TrainingServer, "ensure_started", lambda self: None)
    monkeypatch.setattr(
        panel_module.TrainingPanel, "refresh_devices", lambda self: None
    )
    yield
    # The panel loads dataset previews in the background; let them land before it goes.
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)


def test_training_panel_is_built_when_first_shown(
    make_window, no_training_process
) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    assert window.training_panel is None  # not built at start-up
    panel = window.show_training()
    assert window.training_panel is panel
    assert type(panel).__name__ == "TrainingPanel"
    assert window.training_dock.isVisible()
    assert window.show_training() is panel  # built once


def test_closing_while_training_asks_first(
    make_window, monkeypatch, no_training_process
) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    panel = window.show_training()
    monkeypatch.setattr(panel, "is_running", lambda: True)
    stopped: list[bool] = []
    monkeypatch.setattr(
        panel, "shutdown", lambda timeout_ms=2000: stopped.append(True) or True
    )
    window.ask_stop_training = lambda: False
    assert not window.close()
    assert stopped == []
    window.ask_stop_training = lambda: True
    assert window.close()
    assert stopped == [True]


def test_problem_count_in_the_status_bar_opens_the_problems(make_window, qtbot) -> None:
    from PySide6.QtCore import Qt

    window = make_window(Document(cnn_project()))
    window.show()
    window.document.set_param(node_id(window, "conv1"), "kernel_size", 40)
    assert window.problems_dock.windowTitle().startswith("Problems (")
    window.summary_dock.raise_()
    qtbot.waitUntil(
        lambda: window.problems_dock.visibleRegion().isEmpty(), timeout=2000
    )
    window.readouts.problem_label.clicked.emit()
    qtbot.waitUntil(
        lambda: not window.problems_dock.visibleRegion().isEmpty(), timeout=2000
    )
    assert (
        window.readouts.problem_label.cursor().shape()
        == Qt.CursorShape.PointingHandCursor
    )


def test_larger_text_for_presenting_persists(make_window) -> None:
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.show()
    assert "font-size: 10pt" in QApplication.instance().styleSheet()
    window.action("large_text").trigger()
    sheet = QApplication.instance().styleSheet()
    assert "font-size: 13pt" in sheet and "font-size: 12pt" in sheet
    assert window.close()
    again = make_window()
    assert again.large_text and again.action("large_text").isChecked()
    again.action("large_text").trigger()
    assert "font-size: 10pt" in QApplication.instance().styleSheet()


def test_rename_action_starts_renaming_on_the_canvas(make_window) -> None:
    window = make_window(Document(cnn_project()))
    window.show()
    window.action("rename").trigger()  # nothing selected: only a hint
    assert window.view.network_scene.rename_interaction is None
    window.document.set_selection([node_id(window, "fc")])
    window.action("rename").trigger()
    assert window.view.network_scene.rename_interaction is not None


def test_an_unreadable_recovery_file_is_kept_but_not_offered_again(
    make_window, tmp_path
) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    broken = folder / "autosave-999999997.json"
    broken.write_text(
        '{"project": {"format": "designer-project", "version": 99, "networks": []}}'
    )
    window = make_window()
    window.files.ask_restore = lambda recovered: pytest.fail(
        "an unreadable file must not be offered"
    )
    assert not window.files.offer_recovery()
    assert not broken.exists()
    assert (folder / "unreadable-autosave-999999997.json").exists()
    assert not window.files.offer_recovery()


def test_a_project_file_dropped_on_the_window_opens(
    make_window, qtbot, tmp_path
) -> None:
    from PySide6.QtCore import QMimeData, QUrl

    from designer.ui.window_files import project_in_drop

    path = tmp_path / "dropped.json"
    save_project(cnn_project(), path)
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert project_in_drop(mime) == str(path)
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    assert project_in_drop(other) is None
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDropEvent

    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == path, timeout=2000)


def test_renaming_the_project_is_undoable_and_names_the_code(make_window) -> None:
    window = make_window(Document(cnn_project()))
    window.files.ask_project_name = lambda current: "Digit Reader"
    window.action("rename_project").trigger()
    assert window.document.project.name == "Digit Reader"
    assert window.windowTitle().startswith("Digit Reader")
    window.refresh_now()
    assert "class DigitReader(nn.Module)" in window.code_view.code
    window.action("undo").trigger()
    assert window.document.project.name == "Small CNN"
    window.files.ask_project_name = lambda current: "   "
    assert not window.files.rename_project()


def test_the_seed_cnn_opens_whole_and_readable_in_a_1400x900_window(
    make_window, qtbot
) -> None:
    from designer.ui.canvas.view import READABLE_ZOOM

    window = make_window()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    # The default docks leave the canvas most of the window.
    assert window.view.width() >= 800 and window.view.height() >= 520
    assert window.files.open_file(SAMPLES_DIR / "cnn_mnist.json")
    qtbot.waitUntil(lambda: window.view.zoom >= READABLE_ZOOM, timeout=2000)
    scene = window.view.network_scene
    visible = window.view.visible_scene_rect()
    items = scene.node_items()
    assert len(items) == 14
    assert all(
        visible.contains(item.mapRectToScene(item.card_rect())) for item in items
    )
    assert all(
        edge.label_shown and visible.contains(edge.label_rect())
        for edge in scene.edge_items()
    )
    assert window.readouts.zoom_label.text() == f"Zoom {round(window.view.zoom * 100)}%"


def test_the_action_table_is_consistent_and_every_slot_exists(make_window) -> None:
    from designer.ui.actions import ACTIONS, MENUS, ActionSpec, resolve

    window = make_window()
    specs = [spec for spec in ACTIONS if isinstance(spec, ActionSpec)]
    keys = [spec.key for spec in specs]
    assert len(keys) == len(set(keys))
    places = [spec.toolbar for spec in specs if spec.toolbar is not None]
    assert len(places) == len(set(places))
    assert all(spec.menu in MENUS for spec in ACTIONS)
    for spec in specs:
        assert window.action(spec.key).objectName() == f"action_{spec.key}"
        if not spec.undo_stack:
            assert callable(resolve(window, spec.slot)), spec.slot
    toolbar_keys = [
        action.objectName().removeprefix("action_")
        for action in window.toolbar.actions()
        if not action.isSeparator()
    ]
    assert toolbar_keys == [
        *("new", "open", "save", "undo", "redo", "cut", "copy", "paste", "delete"),
        *("fit", "zoom_in", "zoom_out", "tidy", "snap", "export"),
        *("mode_design", "mode_train"),
    ]


def test_file_handling_is_a_part_of_the_window_not_a_base_class(make_window) -> None:
    from designer.ui.window_files import ProjectFiles

    window = make_window()
    assert isinstance(window.files, ProjectFiles)
    assert not isinstance(window, ProjectFiles)
    assert window.files.document is window.document
    window.files.ask_project_name = lambda current: "Renamed"
    window.action("rename_project").trigger()  # the table reaches the part's method
    assert window.document.project.name == "Renamed"
