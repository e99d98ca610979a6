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


def settled_layout(window, qtbot) -> dict:
    """The docks' layout once it stops changing (a busy machine lays out late)."""
    seen = [dock_layout(window)]

    def steady() -> bool:
        qtbot.wait(50)
        seen.append(dock_layout(window))
        return seen[-1] == seen[-2]

    qtbot.waitUntil(steady, timeout=5000)
    return seen[-1]


def test_the_train_workspace_gives_training_the_width_and_design_comes_back(
    make_window, qtbot
) -> None:
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.training_page.ensure_built()  # its minimum size shapes the design layout too
    before = settled_layout(window, qtbot)

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
    assert window.workspace.mode == "design"
    qtbot.waitUntil(lambda: dock_layout(window) == before, timeout=3000)


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
    assert window.width() == 1280  # the panel's minimum did not widen the window
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


# -- the mouse wheel and undo ----------------------------------------------------------


def wheel(widget, steps: int = 1) -> None:
    """Turn the mouse wheel ``steps`` notches down over the middle of ``widget``, as
    the system would: to the widget under the pointer, and on to its parents while
    they ignore it (Qt's own routing, done here: synthetic window-level wheel events
    were now and then not routed on the offscreen platform)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    under = window.childAt(at) or window
    assert under is widget or widget.isAncestorOf(under), "not under the pointer"
    for _ in range(steps):
        receiver = under
        position = QPointF(receiver.mapFrom(window, at))
        while receiver is not None:
            event = QWheelEvent(
                position,
                QPointF(window.mapToGlobal(at)),
                QPoint(0, 0),
                QPoint(0, -120),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            handled = QApplication.sendEvent(receiver, event)
            if (handled and event.isAccepted()) or receiver.isWindow():
                break
            position = QPointF(receiver.mapToParent(position.toPoint()))
            receiver = receiver.parentWidget()
        QApplication.processEvents()


@pytest.fixture
def training_window(make_window, qtbot):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    panel = window.show_training()
    qtbot.wait(20)
    window.activateWindow()  # (building the panel can take the activation away)
    qtbot.waitUntil(window.isActiveWindow)
    window.document.undo_stack.clear()
    return window, panel


def test_the_wheel_scrolls_the_form_and_changes_no_setting_it_passes(
    training_window,
) -> None:
    window, panel = training_window
    form = panel.settings_form
    bar = panel.left_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the column scrolls at this size
    before = form.settings()
    for name in ("task", "loss", "optimizer", "epochs", "lr"):
        editor = form.editor(name)
        panel.left_scroll.ensureWidgetVisible(editor)
        assert not editor.hasFocus()
        position = bar.value()
        wheel(editor, 2)
        assert form.settings() == before, name
        if position < bar.maximum():
            assert bar.value() > position, f"the form did not scroll over {name}"
    dataset_combo = panel.dataset_picker.combo
    panel.left_scroll.ensureWidgetVisible(dataset_combo)
    name = panel.dataset_picker.current_name()
    wheel(dataset_combo, 2)
    assert panel.dataset_picker.current_name() == name
    assert window.document.undo_stack.count() == 0


def test_a_burst_of_wheel_turns_in_a_clicked_setting_is_one_undo_step(
    training_window, qtbot
) -> None:
    window, panel = training_window
    stack = window.document.undo_stack
    epochs = panel.settings_form.editor("epochs")
    start = epochs.value()
    panel.left_scroll.ensureWidgetVisible(epochs)
    qtbot.mouseClick(epochs, Qt.MouseButton.LeftButton)
    epochs.setFocus()
    assert epochs.hasFocus()
    wheel(epochs, 5)
    assert epochs.value() == start - 5
    assert window.document.project.training["epochs"] == epochs.value()
    assert stack.count() == 1
    stack.undo()
    assert panel.settings_form.settings()["epochs"] == start


# -- another project, a new project, Save As ---------------------------------------------


def test_opening_another_project_clears_the_last_runs_results(
    training_window, qtbot
) -> None:
    from designer.ui.window_files import SAMPLES_DIR

    window, panel = training_window
    results = panel.results
    results.begin_run("run 1", 3)
    results.plots.add_epoch(1, 0.9, 0.5, 1.0, 0.01)
    results.plots.add_epoch(2, 0.6, 0.7, 0.8, 0.01)
    results.plots.redraw()
    results.begin_run("run 2", 3)  # the first run becomes a faint curve
    results.plots.add_epoch(1, 0.8, 0.6, 0.9, 0.01)
    panel.controls.epoch_bar.setValue(500)
    assert results.plots.past_run_count == 1

    assert window.files.open_sample(SAMPLES_DIR / "cnn_mnist.json")
    assert results.plots.past_run_count == 0
    assert len(results.plots.val_loss) == 0 and len(results.plots.train_raw) == 0
    assert panel.controls.epoch_bar.value() == 0
    assert results.tabs.currentWidget() is results.plots


def input_project(params: dict):
    from designer.graph.model import Graph, Project

    graph = Graph("model")
    graph.add_node("Input", "x", params, position=(0, 0))
    return Project("p", [graph])


@pytest.mark.parametrize(
    ("params", "expected", "options"),
    [
        ({"shape": [1, 28, 28]}, "digits28", {}),
        ({"shape": [784]}, "digits28", {"layout": "flat"}),
        ({"shape": [1, 8, 8]}, "digits", {}),
        ({"shape": [16], "dtype": "long"}, "tokens_majority", {}),
        ({"shape": [2]}, "moons", {}),
    ],
)
def test_a_new_projects_dataset_fits_its_input(
    training_window, params, expected, options
) -> None:
    from designer.ui.training.compatibility import default_dataset_spec

    window, panel = training_window
    project = input_project(params)
    assert default_dataset_spec(project) == {"name": expected, "options": options}
    window.document.new(project)
    assert panel.dataset_picker.current_name() == expected
    assert window.document.project.dataset == {}  # nothing chosen until the user does


def test_an_input_added_to_a_new_project_picks_the_digits(training_window) -> None:
    window, panel = training_window
    window.files.new_document()
    window.add_layer_at_centre("Input")  # 1×28×28 by default
    assert panel.dataset_picker.current_name() == "digits28"


def test_save_as_names_an_untitled_project_after_its_file(
    make_window, tmp_path
) -> None:
    window = make_window()
    document = window.document
    first = document.add_node("Input", (0.0, 0.0), {"shape": [4]})
    dense = document.add_node("Linear", (200.0, 0.0), {"out_features": 2})
    last = document.add_node("Output", (400.0, 0.0), {})
    assert document.connect(first, "out", dense, "in") is None
    assert document.connect(dense, "out", last, "in") is None
    assert window.document.project.name == "Untitled"
    target = tmp_path / "mnist_cnn.json"
    window.files.choose_save_path = lambda *_args: str(target)
    assert window.files.save_as()
    assert window.document.project.name == "mnist_cnn"
    assert "class MnistCnn(" in window.document.code()
    assert not window.document.modified
    # A project with a name keeps it under any file name.
    window.files.choose_save_path = lambda *_args: str(tmp_path / "copy.json")
    assert window.files.save_as()
    assert window.document.project.name == "mnist_cnn"


def test_a_burst_merges_only_edits_of_the_same_setting(qapp) -> None:
    from designer.ui.document import Document

    document = Document()
    stack = document.undo_stack
    base = {"epochs": 10, "lr": 0.001}
    document.set_training({**base, "epochs": 11})  # the field was empty: every key
    document.set_training({**base, "epochs": 12})
    document.set_training({**base, "epochs": 13})
    assert stack.count() == 1
    document.set_training({**base, "epochs": 13, "lr": 0.01})  # another setting
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert document.project.training == {}
