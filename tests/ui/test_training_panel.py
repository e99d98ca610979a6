"""The training panel end to end: runs in the background, live results, controls,
failures, the dataset fit check and weights.  Tiny networks and data, 1-3 epochs.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from designer.training.server import pool as server_pool
from designer.ui import training as training_ui
from designer.ui.document import Document
from designer.ui.training.controls import format_duration, format_rate
from designer.ui.training.panel import TrainingPanel

MOONS_MLP = [
    ("Input", {"shape": [2]}),
    ("Linear", {"out_features": 16}),
    ("ReLU", {}),
    ("Linear", {"out_features": 2}),
    ("Output", {}),
]
SINE_MLP = [
    ("Input", {"shape": [1]}),
    ("Linear", {"out_features": 16}),
    ("ReLU", {}),
    ("Linear", {"out_features": 1}),
    ("Output", {}),
]
RUN_TIMEOUT_MS = 60_000


def build_chain(document: Document, layers) -> list[str]:
    ids: list[str] = []
    for index, (layer_type, params) in enumerate(layers):
        ids.append(document.add_node(layer_type, (index * 200.0, 0.0), params))
        if index:
            assert document.connect(ids[-2], "out", ids[-1], "in") is None
    return ids


def make_document(layers, training: dict, dataset: dict) -> Document:
    document = Document()
    build_chain(document, layers)
    document.set_training(training)
    document.set_dataset(dataset)
    document.undo_stack.clear()
    return document


@pytest.fixture
def every_step(monkeypatch):
    """Report every step (no 50 ms throttle), so even a tiny run sends step updates."""
    monkeypatch.setattr(server_pool, "UPDATE_INTERVAL_S", 0.0)


@pytest.fixture
def moons_document() -> Document:
    return make_document(
        MOONS_MLP,
        {"epochs": 3, "batch_size": 32, "lr": 0.01, "device": "cpu"},
        {"name": "moons", "options": {"n_samples": 240, "noise": 0.1, "seed": 0}},
    )


def make_panel(qtbot, document: Document) -> TrainingPanel:
    panel = TrainingPanel(document)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitUntil(lambda: panel.dataset_picker.dataset is not None, timeout=20_000)
    return panel


def finish(qtbot, panel: TrainingPanel) -> None:
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=RUN_TIMEOUT_MS)


def long_run(document: Document) -> None:
    """Make the document's run long enough to be stopped, paused or closed mid-way
    (epochs long enough that step updates come within them)."""
    settings = dict(document.project.training)
    settings.update(epochs=2000, batch_size=4)
    document.set_training(settings)
    document.set_dataset(
        {"name": "moons", "options": {"n_samples": 4000, "noise": 0.1, "seed": 0}}
    )


def wait_for_progress(qtbot, panel: TrainingPanel) -> None:
    """Until the run reports progress (a step, or an epoch when epochs are short)."""
    qtbot.waitUntil(
        lambda: panel._last_step is not None or len(panel.plots.val_accuracy) > 0,
        timeout=RUN_TIMEOUT_MS,
    )


def test_a_run_reports_start_steps_epochs_and_end(qtbot, moons_document, every_step):
    panel = make_panel(qtbot, moons_document)
    seen: dict[str, list] = {
        "start": [],
        "step": [],
        "epoch": [],
        "predictions": [],
        "end": [],
    }
    assert panel.start()
    worker = panel.run.worker
    worker.runStarted.connect(seen["start"].append)
    worker.stepUpdated.connect(seen["step"].append)
    worker.epochEnded.connect(seen["epoch"].append)
    worker.predictionsReady.connect(seen["predictions"].append)
    worker.runEnded.connect(seen["end"].append)
    assert not panel.start_button.isEnabled() and panel.stop_button.isEnabled()
    finish(qtbot, panel)

    assert len(seen["start"]) == 1 and seen["start"][0].classes == [
        "class 0",
        "class 1",
    ]
    assert len(seen["step"]) >= 3
    assert [m.epoch for m in seen["epoch"]] == [1, 2, 3]
    assert len(seen["predictions"]) == 3
    assert seen["end"][0].status == "finished"
    assert panel.last_result.status == "finished"
    # the plots got the data
    assert len(panel.plots.train_raw) >= len(seen["step"])
    assert len(panel.plots.train_smooth) >= 3
    assert panel.plots.val_accuracy.x == [1.0, 2.0, 3.0]
    assert len(panel.plots.val_loss) == 3 and len(panel.plots.lr) > 0
    curve = panel.plots.val_accuracy_curve
    x, y = curve.xData, curve.yData  # all points (getData clips to the view)
    assert list(x) == [1.0, 2.0, 3.0] and np.all((y >= 0) & (y <= 1))
    # results: confusion matrix, samples, decision boundary (2-D data)
    assert panel.confusion.matrix is not None and panel.confusion.matrix.shape == (2, 2)
    assert panel.confusion.matrix.sum() == seen["start"][0].num_val
    assert panel.samples.sample_count > 0
    assert panel.boundary.has_boundary
    assert panel.tabs.isTabVisible(panel.tabs.indexOf(panel.boundary))
    # the panel is ready for the next run
    assert panel.start_button.isEnabled() and not panel.stop_button.isEnabled()
    assert panel.banner.kind == "success" and "Finished 3 epochs" in panel.banner.text
    assert panel.run_bar.value() == 1000


def test_a_second_run_keeps_the_first_as_a_faint_curve(qtbot, moons_document):
    panel = make_panel(qtbot, moons_document)
    assert panel.start()
    finish(qtbot, panel)
    assert panel.plots.past_run_count == 0
    assert panel.start()
    finish(qtbot, panel)
    assert panel.plots.past_run_count == 1
    assert panel.plots.val_accuracy.x == [1.0, 2.0, 3.0]  # the new run starts empty


def test_stop_ends_the_run(qtbot, moons_document):
    long_run(moons_document)
    panel = make_panel(qtbot, moons_document)
    assert panel.start()
    wait_for_progress(qtbot, panel)
    panel.stop()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=5_000)
    assert panel.last_result.status == "stopped"
    assert panel.start_button.isEnabled()
    assert panel.banner.kind == "info" and "Stopped" in panel.banner.text


def test_pause_holds_the_run_and_resume_continues_it(qtbot, moons_document):
    long_run(moons_document)
    panel = make_panel(qtbot, moons_document)
    assert panel.start()
    steps: list = []  # any progress: steps, and epochs (short epochs send no steps)
    panel.run.worker.stepUpdated.connect(steps.append)
    panel.run.worker.epochEnded.connect(steps.append)
    qtbot.waitUntil(lambda: len(steps) >= 1, timeout=RUN_TIMEOUT_MS)
    panel.pause()
    assert panel.pause_button.text() == "Resume"
    qtbot.wait(300)  # an update already on its way may still arrive
    held = len(steps)
    qtbot.wait(500)
    assert len(steps) == held, "steps kept coming while paused"
    panel.resume()
    qtbot.waitUntil(lambda: len(steps) > held, timeout=10_000)
    assert panel.pause_button.text() == "Pause"
    panel.stop()
    finish(qtbot, panel)


def test_closing_the_panel_mid_run_stops_the_thread_within_two_seconds(
    qtbot, moons_document
):
    long_run(moons_document)
    panel = make_panel(qtbot, moons_document)
    assert panel.start()
    run = panel.run
    wait_for_progress(qtbot, panel)
    started = time.perf_counter()
    panel.close()
    elapsed = time.perf_counter() - started
    assert not run.thread.isRunning()
    assert elapsed < 2.0
    assert panel.run is None


def test_shutdown_while_paused_still_ends_quickly(qtbot, moons_document):
    long_run(moons_document)
    panel = make_panel(qtbot, moons_document)
    assert panel.start()
    run = panel.run
    wait_for_progress(qtbot, panel)
    panel.pause()
    qtbot.wait(100)
    started = time.perf_counter()
    assert panel.shutdown(timeout_ms=2000)
    assert time.perf_counter() - started < 2.0
    assert not run.thread.isRunning()


def test_a_nan_loss_ends_with_a_clear_message_and_start_works_again(qtbot):
    document = make_document(
        SINE_MLP,
        {
            "task": "regression",
            "loss": "mse",
            "optimizer": "sgd",
            "lr": 10.0,
            "momentum": 0.9,
            "epochs": 3,
            "batch_size": 16,
            "device": "cpu",
        },
        {"name": "sine", "options": {"n_samples": 200}},
    )
    before = document.project.to_dict()
    panel = make_panel(qtbot, document)
    assert panel.start()
    finish(qtbot, panel)
    assert panel.last_result.status == "failed"
    assert panel.banner.isVisible() and panel.banner.kind == "error"
    assert "NaN" in panel.banner.text and "learning rate" in panel.banner.text
    assert panel.start_button.isEnabled()
    assert document.project.to_dict() == before  # nothing in the document is lost
    # the app keeps working: fix the learning rate and train again
    settings = dict(document.project.training)
    settings["lr"] = 0.01
    document.set_training(settings)
    assert panel.start()
    finish(qtbot, panel)
    assert panel.last_result.status == "finished"
    # a regression run shows its predictions against the targets
    assert panel.tabs.isTabVisible(panel.tabs.indexOf(panel.predictions))
    assert not panel.tabs.isTabVisible(panel.tabs.indexOf(panel.confusion))
    assert (
        panel.predictions.mode == "curve"
        and "mean absolute error" in panel.predictions.caption.text()
    )


def test_a_missing_dataset_file_is_reported_in_the_panel(
    qtbot, tmp_path, moons_document
):
    panel = make_panel(qtbot, moons_document)
    moons_document.set_dataset(
        {"name": "npz", "options": {"path": str(tmp_path / "missing.npz")}}
    )
    qtbot.waitUntil(
        lambda: panel.dataset_picker.preview.kind == "error", timeout=10_000
    )
    assert "missing.npz" in panel.dataset_picker.preview.message.text()
    assert panel.start()
    finish(qtbot, panel)
    assert panel.banner.kind == "error"
    assert (
        "could not be loaded" in panel.banner.text
        and "missing.npz" in panel.banner.text
    )
    assert panel.start_button.isEnabled() and panel.last_result is None


def test_a_mismatched_dataset_is_explained_and_the_input_shape_is_set_in_one_click(
    qtbot, moons_document
):
    graph = moons_document.project.graph
    input_node = graph.nodes_of_type("Input")[0]
    moons_document.set_param(input_node.id, "shape", [3])
    moons_document.undo_stack.clear()
    panel = make_panel(qtbot, moons_document)
    panel.update_compatibility()
    assert panel.fit_banner.isVisible()
    assert (
        "expects 3" in panel.fit_banner.text and "2 features" in panel.fit_banner.text
    )
    assert panel.fit_banner.action.isVisible()
    assert panel.fit_banner.action.text() == "Set Input shape from dataset"

    # Start refuses, explains, and stays usable
    assert not panel.start()
    assert panel.banner.kind == "error" and "does not fit" in panel.banner.text
    assert panel.start_button.isEnabled() and not panel.is_running()

    panel.fit_banner.action.click()
    assert graph.node(input_node.id).params["shape"] == [2]
    assert not panel.fit_banner.isVisible()
    moons_document.undo_stack.undo()
    assert graph.node(input_node.id).params["shape"] == [3]
    assert panel.fit_banner.isVisible()


def test_a_wrong_number_of_classes_is_explained(qtbot, moons_document):
    graph = moons_document.project.graph
    last_linear = graph.nodes_of_type("Linear")[-1]
    moons_document.set_param(last_linear.id, "out_features", 5)
    panel = make_panel(qtbot, moons_document)
    panel.update_compatibility()
    assert "2 classes" in panel.fit_banner.text
    assert (
        not panel.fit_banner.action.isVisible()
    )  # the Input is fine; the fix is elsewhere


def test_settings_edits_are_undoable_document_changes(qtbot, moons_document):
    panel = make_panel(qtbot, moons_document)
    epochs = panel.settings_form.editor("epochs")
    epochs.setValue(7)
    assert moons_document.project.training["epochs"] == 7
    optimizer = panel.settings_form.editor("optimizer")
    optimizer.setCurrentIndex(optimizer.findData("sgd"))
    assert moons_document.project.training["optimizer"] == "sgd"
    assert panel.settings_form.editor("momentum").isEnabled()
    moons_document.undo_stack.undo()
    assert moons_document.project.training["optimizer"] == "adam"
    assert panel.settings_form.editor("optimizer").currentData() == "adam"
    assert not panel.settings_form.editor("momentum").isEnabled()
    # a task change offers only the losses that fit it
    task = panel.settings_form.editor("task")
    task.setCurrentIndex(task.findData("regression"))
    loss = panel.settings_form.editor("loss")
    losses = {loss.itemData(i) for i in range(loss.count())}
    assert "cross_entropy" not in losses and loss.currentData() == "mse"


def test_the_device_selector_lists_what_is_present(qtbot, moons_document):
    panel = make_panel(qtbot, moons_document)
    qtbot.waitUntil(
        lambda: (
            panel.device_combo.findData("cpu") >= 0
            and "thread"
            in panel.device_combo.itemText(panel.device_combo.findData("cpu"))
        ),
        timeout=20_000,
    )
    assert panel.device_combo.currentData() == "cpu"
    auto = panel.device_combo.findData("auto")
    panel.device_combo.setCurrentIndex(auto)
    assert moons_document.project.training["device"] == "auto"


def test_the_dataset_picker_writes_the_document_and_previews_images(
    qtbot, moons_document
):
    panel = make_panel(qtbot, moons_document)
    combo = panel.dataset_picker.combo
    combo.setCurrentIndex(combo.findData("digits"))
    assert moons_document.project.dataset["name"] == "digits"
    qtbot.waitUntil(
        lambda: panel.dataset_picker.preview.kind == "images", timeout=20_000
    )
    assert panel.dataset_picker.preview.images.image_count > 0
    assert panel.fit_banner.isVisible()  # 1×8×8 images do not fit an Input of 2
    moons_document.undo_stack.undo()
    assert moons_document.project.dataset["name"] == "moons"
    assert panel.dataset_picker.current_name() == "moons"


def test_trained_weights_are_saved_and_load_only_into_a_matching_graph(
    qtbot, tmp_path, moons_document
):
    panel = make_panel(qtbot, moons_document)
    assert not panel.can_save_weights()
    assert panel.start()
    finish(qtbot, panel)
    assert panel.can_save_weights()
    path = tmp_path / "moons.safetensors"
    assert panel.save_weights_to(path)
    assert path.is_file() and panel.banner.kind == "success"

    with qtbot.waitSignal(panel.weightsChecked, timeout=30_000) as checked:
        panel.load_weights_from(path)
    assert checked.args == [True]
    assert panel.initial_weights == path
    assert "loaded weights" in panel.start_button.text()
    assert panel.start()
    infos: list = []
    panel.run.worker.runStarted.connect(infos.append)
    finish(qtbot, panel)
    assert panel.last_result.status == "finished"
    assert "Started from the weights in moons.safetensors." in infos[0].notes

    hidden = moons_document.project.graph.nodes_of_type("Linear")[0]
    moons_document.set_param(hidden.id, "out_features", 8)
    panel.clear_initial_weights()
    with qtbot.waitSignal(panel.weightsChecked, timeout=30_000) as checked:
        panel.load_weights_from(path)
    assert checked.args == [False]
    assert panel.banner.kind == "error" and "do not fit" in panel.banner.text
    assert panel.initial_weights is None


def test_weights_that_do_not_fit_the_run_end_it_with_a_message(
    qtbot, tmp_path, moons_document
):
    panel = make_panel(qtbot, moons_document)
    assert panel.start()
    finish(qtbot, panel)
    path = tmp_path / "moons.pt"  # converted from the run's safetensors
    assert panel.save_weights_to(path)
    panel.initial_weights = path  # checked once, then the graph changed
    hidden = moons_document.project.graph.nodes_of_type("Linear")[0]
    moons_document.set_param(hidden.id, "out_features", 8)
    assert panel.start()
    finish(qtbot, panel)
    assert panel.banner.kind == "error" and "could not be used" in panel.banner.text
    assert panel.start_button.isEnabled()
    from designer.ui.language import install_language

    install_language("zh_CN")  # the reason is worded in the window's language too
    try:
        qtbot.waitUntil(lambda: panel.banner.text.startswith("无法使用保存的权重："))
        assert "do not" not in panel.banner.text, panel.banner.text
    finally:
        install_language("en")


def test_a_task_preview_gets_its_own_tab(qtbot, moons_document):
    from types import SimpleNamespace

    panel = make_panel(qtbot, moons_document)
    snapshot = SimpleNamespace(
        epoch=1,
        x=np.zeros((0, 2)),
        y_true=np.zeros(0),
        y_pred=np.zeros(0),
        probs=None,
        classes=None,
        grid=None,
        previews={
            "images": {"images": np.zeros((3, 1, 4, 4)), "caption": "generated"},
            "unknown": 1,
        },
    )
    panel._on_predictions(snapshot)
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert "Images" in titles
    widget = panel._preview_tabs["images"]
    panel.tabs.setCurrentWidget(widget)  # drawn when shown
    assert widget.grid.image_count == 3 and widget.caption.text() == "generated"


def test_a_training_process_that_dies_is_reported_and_the_next_run_works(
    qtbot, moons_document
):
    long_run(moons_document)
    panel = make_panel(qtbot, moons_document)
    assert panel.start()
    wait_for_progress(qtbot, panel)
    server_pool.training_server().kill()  # as if torch crashed or the system killed it
    finish(qtbot, panel)
    assert panel.banner.kind == "error" and "ended unexpectedly" in panel.banner.text
    assert panel.start_button.isEnabled()
    settings = dict(moons_document.project.training)
    settings.update(epochs=1, batch_size=32)
    moons_document.set_training(settings)
    assert panel.start()  # a fresh training process starts
    finish(qtbot, panel)
    assert panel.last_result.status == "finished"


WINDOW_RUN_SCRIPT = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"

def main():
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    import designer.ui.training
    print("after import", "torch" in sys.modules)
    from designer.graph.project_file import load_project
    from designer.ui.document import Document
    from designer.ui.training import TrainingPanel
    document = Document(load_project(sys.argv[1]))
    document.set_training({**document.project.training, "epochs": 2, "device": "cpu"})
    panel = TrainingPanel(document)
    panel.show()
    deadline = time.time() + 240
    while panel.dataset_picker.dataset is None and time.time() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    panel.start()
    while (panel.is_running() or panel.last_result is None) and time.time() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    print("result", panel.last_result and panel.last_result.status)
    print("after run", "torch" in sys.modules)
    panel.shutdown()

if __name__ == "__main__":
    main()
"""


def test_the_window_process_never_imports_torch(tmp_path):
    """Training happens in the training process: the window stays light and the
    pickled results it receives must not pull torch in either."""
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "window_run.py"
    script.write_text(WINDOW_RUN_SCRIPT, encoding="utf-8")
    import os

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(root), os.environ.get("PYTHONPATH")])
        ),
    }
    result = subprocess.run(
        [sys.executable, str(script), str(root / "samples" / "moons.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=root,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert "after import False" in lines
    assert "result finished" in lines
    assert "after run False" in lines
    assert training_ui.TrainingPanel is TrainingPanel


def test_durations_and_rates_read_well():
    assert format_duration(5.24) == "5.2 s"
    assert format_duration(42.4) == "42 s"
    assert format_duration(125) == "2:05"
    assert format_duration(3725) == "1:02:05"
    assert format_duration(float("nan")) == "–"
    assert format_rate(950) == "950 samples/s"
    assert format_rate(25_000) == "25 k samples/s"
    assert format_rate(2_500_000) == "2.5 M samples/s"


def test_a_busy_training_process_is_not_given_a_second_run():
    """Two windows training at once get a process each (they would share stop/pause)."""
    first = server_pool.idle_training_server()
    first.busy = True
    try:
        second = server_pool.idle_training_server()
        assert second is not first and not second.busy
    finally:
        first.busy = False
        server_pool._SERVERS.remove(second)
    assert server_pool.idle_training_server() is first
