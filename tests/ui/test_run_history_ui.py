"""The Runs tab: real runs kept and overlaid; rename, delete, export and load weights."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from designer.training.run_history import RunHistory
from designer.ui.training.run_curves import LOSSES
from designer.ui.training.run_history_view import NAME_COLUMN, RunHistoryView
from tests.ui.test_training_panel import finish, make_panel, moons_document  # noqa: F401

START = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def metrics(train: list[float], val: list[float], accuracy: list[float]) -> dict:
    return {
        "device": "cpu",
        "status": "finished",
        "epochs": [
            {
                "epoch": i + 1,
                "train_loss": t,
                "val_loss": v,
                "val_accuracy": a,
                "seconds": 1.0,
            }
            for i, (t, v, a) in enumerate(zip(train, val, accuracy, strict=True))
        ],
    }


def project(dropout: bool) -> dict:
    nodes = [
        {"id": "n1", "type": "Linear", "name": "hidden", "params": {"out_features": 64}}
    ]
    if dropout:
        nodes.append(
            {"id": "n2", "type": "Dropout", "name": "drop", "params": {"p": 0.5}}
        )
    return {
        "name": "lesson",
        "networks": [{"name": "model", "nodes": nodes, "edges": []}],
    }


@pytest.fixture
def history(tmp_path: Path) -> RunHistory:
    history = RunHistory.for_project(tmp_path / "lesson.json")
    weights = tmp_path / "trained.pt"
    weights.write_bytes(b"weights")
    history.add(
        metrics([0.8, 0.4, 0.1], [0.7, 0.6, 0.9], [0.7, 0.8, 0.78]),
        {"lr": 0.01, "epochs": 3},
        project=project(False),
        weights=weights,
        started=START,
        duration_s=12,
        name="without Dropout",
    )
    history.add(
        metrics([0.9, 0.6, 0.4], [0.8, 0.5, 0.4], [0.6, 0.8, 0.88]),
        {"lr": 0.01, "epochs": 3},
        project=project(True),
        started=START + timedelta(minutes=2),
        duration_s=14,
        name="with Dropout",
    )
    return history


@pytest.fixture
def view(qtbot, history: RunHistory) -> RunHistoryView:
    view = RunHistoryView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.set_history(history)
    view.show()
    return view


def headers(view: RunHistoryView) -> list[str]:
    table = view.table
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_the_table_shows_the_runs_and_only_what_differs(view: RunHistoryView) -> None:
    assert view.table.rowCount() == 2
    assert headers(view)[:3] == ["Name", "Layers", "drop.p"]  # what differs, first
    assert headers(view)[-4:] == ["Epochs", "Duration", "Device", "Started"]
    assert "Learning rate" not in headers(view)  # the same in both runs
    assert view.table.item(0, NAME_COLUMN).text() == "without Dropout"
    assert view.table.item(1, headers(view).index("Layers")).text() == "Linear, Dropout"


def test_selecting_two_runs_overlays_their_curves(view: RunHistoryView) -> None:
    view.select_runs(["run-0001", "run-0002"])
    assert [r.name for r in view.selected_runs()] == ["without Dropout", "with Dropout"]
    # Loss: each run's training (solid) and validation (dashed) loss, in its colour.
    assert view.metric_combo.currentData() == LOSSES
    assert len(view.curves.curves) == 4
    first, second = view.curves.curves[0], view.curves.curves[2]
    assert first.opts["pen"].color() != second.opts["pen"].color()
    assert list(view.curves.curves[1].yData) == [0.7, 0.6, 0.9]  # overfitting shows
    view.metric_combo.setCurrentIndex(view.metric_combo.findData("val_accuracy"))
    assert len(view.curves.curves) == 2
    assert list(view.curves.curves[1].xData) == [1, 2, 3]
    view.select_runs(["run-0002"])
    assert len(view.curves.curves) == 1


def test_a_run_is_renamed_in_place(view: RunHistoryView, history: RunHistory) -> None:
    item = view.table.item(0, NAME_COLUMN)
    item.setText("no Dropout, lr 0.01")  # what editing the cell does
    assert history.get("run-0001").name == "no Dropout, lr 0.01"
    assert view.table.item(0, NAME_COLUMN).text() == "no Dropout, lr 0.01"
    view.table.item(0, NAME_COLUMN).setText("   ")
    assert "not renamed" in view.banner.text
    assert history.get("run-0001").name == "no Dropout, lr 0.01"
    assert view.table.item(0, NAME_COLUMN).text() == "no Dropout, lr 0.01"


def test_delete_asks_first(
    view: RunHistoryView, history: RunHistory, monkeypatch
) -> None:
    view.select_runs(["run-0001"])
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    view.delete_button.click()
    assert len(history.runs()) == 2 and "without Dropout" in asked[0]
    view.delete_button.click()
    assert [r.name for r in history.runs()] == ["with Dropout"]
    assert view.table.rowCount() == 1 and len(asked) == 2


def test_metrics_and_curves_export(view: RunHistoryView, tmp_path: Path) -> None:
    view.select_runs(["run-0001", "run-0002"])
    assert view.export_csv(tmp_path / "runs.csv")
    rows = list(
        csv.reader(io.StringIO((tmp_path / "runs.csv").read_text(encoding="utf-8")))
    )
    assert len(rows) == 7 and rows[1][:3] == ["run-0001", "without Dropout", "1"]
    assert view.export_curves(tmp_path / "curves.png")
    assert (tmp_path / "curves.png").read_bytes()[:4] == b"\x89PNG"
    assert view.export_curves(tmp_path / "curves.svg"), view.banner.text
    assert "<svg" in (tmp_path / "curves.svg").read_text(encoding="utf-8")
    assert not view.export_curves(tmp_path / "missing" / "curves.png")
    assert "not saved" in view.banner.text
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_load_weights_hands_the_runs_weights_file_over(
    qtbot, view: RunHistoryView
) -> None:
    view.select_runs(["run-0002"])  # kept no weights
    assert not view.weights_button.isEnabled()
    view.select_runs(["run-0001"])
    assert view.weights_button.isEnabled()
    with qtbot.waitSignal(view.loadWeightsRequested) as signal:
        view.weights_button.click()
    assert (
        signal.args[0].name == "weights.pt"  # kept as the run left it
        and signal.args[0].read_bytes() == b"weights"
    )


def test_runs_in_the_panel_are_kept_compared_and_move_on_save(
    qtbot,
    moons_document,  # noqa: F811
    tmp_path,
) -> None:
    panel = make_panel(qtbot, moons_document)
    view = panel.run_history
    assert panel.tabs.tabText(panel.tabs.indexOf(view)) == "Runs"
    assert view.table.rowCount() == 0 and view.empty_label.isVisibleTo(view)
    for lr in (0.01, 0.05):
        settings = {**moons_document.project.training, "lr": lr, "epochs": 2}
        moons_document.set_training(settings)
        assert panel.start()
        finish(qtbot, panel)
        assert panel.last_result.status == "finished"
    assert view.table.rowCount() == 2
    assert headers(view)[1] == "Learning rate"  # the setting's own label
    # The new run joins the selection: both runs' losses are overlaid.
    assert len(view.selected_runs()) == 2 and len(view.curves.curves) == 4
    kept = view.selected_runs()[0]
    assert kept.device == "cpu" and len(kept.epochs) == 2 and kept.weights is not None
    # Saving the untitled project moves its runs next to the file.
    moons_document.save(tmp_path / "moons.json")
    assert [r.name for r in RunHistory.for_project(tmp_path / "moons.json").runs()] == [
        "Run 1",
        "Run 2",
    ]
    assert view.table.rowCount() == 2
    with qtbot.waitSignal(panel.weightsChecked, timeout=60_000) as checked:
        view.select_runs(["run-0001"])
        view.weights_button.click()
    assert checked.args == [True]
    assert (
        panel.initial_weights
        == tmp_path / "moons.runs" / "run-0001" / "weights.safetensors"
    )
    # Another project: the Runs tab shows that project's (empty) history.
    moons_document.new()
    assert view.table.rowCount() == 0


def test_a_run_deleted_outside_the_app_is_not_renamed(
    qtbot, view: RunHistoryView, history: RunHistory
) -> None:
    history.delete("run-0001")  # e.g. by hand in the file manager
    assert not view.rename_run("run-0001", "gone")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
