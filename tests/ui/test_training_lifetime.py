"""What runs leave behind in the window: nothing that grows with their number,
and failures of Load Weights are shown rather than raised."""

from __future__ import annotations

import gc
import os
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from test_training_panel import MOONS_MLP, RUN_TIMEOUT_MS, make_document

from designer.ui.training.panel import TrainingPanel

# The objects one run used to leave for good: its handle, relay thread and result
# (a lambda held its own sender) and four curves per faded run (taken off the view
# box but not off the plot).
PER_RUN = (
    "TrainingRun",
    "TrainingWorker",
    "QThread",
    "RunRequest",
    "RunResult",
    "PlotDataItem",
    "PlotCurveItem",
    "PlotDataset",
)


def make_panel(qtbot, document) -> TrainingPanel:
    panel = TrainingPanel(document)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitUntil(lambda: panel.dataset_picker.dataset is not None, timeout=90_000)
    return panel


def counted(panel: TrainingPanel) -> Counter[str]:
    """Live objects per kind, leaving out what is kept on purpose: the Runs tab's
    comparison curves (the run history keeps every run, so its curves grow with the
    runs) and the last run's result (None when that run was stopped before its
    process started it, which depends on timing)."""
    gc.collect()
    wanted = set(PER_RUN)
    kept = panel.run_history.curves.plot.listDataItems()
    on_purpose = {id(item) for item in kept} | {id(item.curve) for item in kept}
    if panel.runs.last_result is not None:
        on_purpose.add(id(panel.runs.last_result))
    for item in kept:
        for data in (item._dataset, item._datasetMapped, item._datasetDisplay):
            if data is not None:
                on_purpose.add(id(data))
    return Counter(
        name
        for obj in gc.get_objects()
        if (name := type(obj).__name__) in wanted and id(obj) not in on_purpose
    )


def one_run(qtbot, panel: TrainingPanel, stop: bool) -> None:
    assert panel.start()
    if stop:
        panel.stop()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=RUN_TIMEOUT_MS)
    qtbot.wait(30)  # let the queued end-of-run signals arrive


def test_started_and_stopped_runs_leave_nothing_behind(qtbot, monkeypatch) -> None:
    import designer.ui.training.plots as plots

    monkeypatch.setattr(plots, "MAX_PAST_RUNS", 1)  # faint past curves: one run's
    document = make_document(
        MOONS_MLP,
        {"epochs": 1, "batch_size": 32, "lr": 0.01, "device": "cpu"},
        {"name": "moons", "options": {"n_samples": 240, "noise": 0.1, "seed": 0}},
    )
    panel = make_panel(qtbot, document)
    for index in range(2):  # warm up: the engine loads, the views are built
        one_run(qtbot, panel, stop=bool(index % 2))
    before = counted(panel)
    runs = 4
    for index in range(runs):
        one_run(qtbot, panel, stop=bool(index % 2))
    after = counted(panel)
    grown = {name: after[name] - before[name] for name in PER_RUN}
    assert all(change <= 0 for change in grown.values()), {
        name: change for name, change in grown.items() if change > 0
    }
    # A run that left no weights leaves no folder either.
    assert len(panel.runs.run_dirs) <= 1
    assert all(Path(folder).exists() for folder in panel.runs.run_dirs)


def test_a_load_weights_failure_is_shown_in_the_banner(qtbot, tmp_path) -> None:
    document = make_document(
        MOONS_MLP,
        {"epochs": 1, "batch_size": 32, "device": "cpu"},
        {"name": "moons", "options": {"n_samples": 240, "noise": 0.1, "seed": 0}},
    )
    panel = make_panel(qtbot, document)
    nested: list = []
    for _ in range(100_000):  # far deeper than copying can go
        nested = [nested]
    document.project.training["note"] = nested
    outcomes: list[bool] = []
    panel.weightsChecked.connect(outcomes.append)
    panel.load_weights_from(tmp_path / "weights.pt")
    assert outcomes == [False]
    assert panel.banner.kind == "error" and "cannot be loaded" in panel.banner.text
    del document.project.training["note"]

    not_weights = tmp_path / "notes.pt"
    not_weights.write_text("not a weights file")
    with qtbot.waitSignal(panel.weightsChecked, timeout=30_000) as checked:
        panel.load_weights_from(not_weights)
    assert checked.args == [False] and panel.banner.kind == "error"
