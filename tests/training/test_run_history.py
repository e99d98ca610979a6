"""The run history: kept, listed, renamed, deleted, compared and exported, damage skipped."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from designer.training.run_compare import (
    differing_settings,
    export_metrics_csv,
    flatten_setup,
    format_duration,
    metrics_csv,
    table_rows,
)
from designer.training.run_history import (
    RunHistory,
    RunHistoryError,
    history_folder,
)
from designer.training.server.process import TRAINED_WEIGHTS

START = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def metrics(losses: list[float], accuracies: list[float] | None = None) -> dict:
    epochs = []
    for index, loss in enumerate(losses):
        record = {"epoch": index + 1, "train_loss": loss, "val_loss": loss + 0.1}
        if accuracies is not None:
            record["val_accuracy"] = accuracies[index]
        record["seconds"] = 1.5
        epochs.append(record)
    return {
        "device": "cpu",
        "status": "finished",
        "task": "classification",
        "epochs": epochs,
    }


def project(dropout: bool) -> dict:
    nodes = [
        {"id": "n1", "type": "Input", "name": "x", "params": {"shape": [2]}},
        {
            "id": "n2",
            "type": "Linear",
            "name": "hidden",
            "params": {"out_features": 16},
        },
    ]
    if dropout:
        nodes.append(
            {"id": "n3", "type": "Dropout", "name": "drop", "params": {"p": 0.5}}
        )
    nodes.append({"id": "n4", "type": "Output", "name": "y", "params": {}})
    return {
        "name": "p",
        "networks": [{"name": "model", "nodes": nodes, "edges": []}],
        "training": {},
        "dataset": {"name": "moons"},
    }


@pytest.fixture
def history(tmp_path: Path) -> RunHistory:
    return RunHistory.for_project(tmp_path / "lesson.json")


def keep(
    history: RunHistory,
    lr: float = 0.01,
    dropout: bool = False,
    minutes: int = 0,
    **extra,
):
    return history.add(
        metrics([0.9, 0.5, 0.3], [0.6, 0.8, 0.9]),
        {"epochs": 3, "lr": lr},
        project=project(dropout),
        device="cpu",
        duration_s=4.5,
        started=START + timedelta(minutes=minutes),
        **extra,
    )


def test_the_history_lives_next_to_the_project_file(tmp_path: Path) -> None:
    assert history_folder(tmp_path / "lesson.json") == tmp_path / "lesson.runs"


def test_no_folder_means_no_runs(history: RunHistory) -> None:
    assert history.runs() == []
    assert not history.folder.exists()


def test_a_kept_run_reads_back_with_everything(
    history: RunHistory, tmp_path: Path
) -> None:
    weights = tmp_path / "trained.pt"
    weights.write_bytes(b"not really a state dict, only copied")
    run = keep(history, weights=weights)
    assert run.run_id == "run-0001" and run.name == "Run 1"
    assert run.device == "cpu" and run.duration_s == 4.5 and run.status == "finished"
    assert run.started.startswith("2026-12-03T09:00")
    assert run.settings == {"epochs": 3, "lr": 0.01}
    assert run.final("val_accuracy") == 0.9 and run.final("val_loss") == pytest.approx(
        0.4
    )
    assert run.series("train_loss") == ([1, 2, 3], [0.9, 0.5, 0.3])
    assert run.weights is not None and run.weights.read_bytes() == weights.read_bytes()
    assert [p.name for p in history.folder.iterdir()] == ["run-0001"]  # no staging left
    assert [r.run_id for r in history.runs()] == ["run-0001"]


def test_runs_are_numbered_and_listed_oldest_first(history: RunHistory) -> None:
    keep(history, minutes=5)
    keep(history, minutes=1)
    runs = history.runs()
    assert [r.run_id for r in runs] == ["run-0002", "run-0001"]
    assert [r.name for r in runs] == ["Run 2", "Run 1"]
    assert runs[0].weights is None


def test_rename_keeps_the_folder_and_is_checked(history: RunHistory) -> None:
    run = keep(history)
    renamed = history.rename(run.run_id, "  with   Dropout ")
    assert renamed.name == "with Dropout"
    assert history.runs()[0].name == "with Dropout"
    with pytest.raises(RunHistoryError, match="empty"):
        history.rename(run.run_id, "   ")
    with pytest.raises(RunHistoryError, match="at most"):
        history.rename(run.run_id, "x" * 200)
    with pytest.raises(RunHistoryError, match="not the name of a run"):
        history.rename("../elsewhere", "x")


def test_delete_removes_only_that_run(history: RunHistory) -> None:
    first, second = keep(history), keep(history, minutes=1)
    history.delete(first.run_id)
    assert [r.run_id for r in history.runs()] == [second.run_id]
    with pytest.raises(RunHistoryError, match="no run run-0001"):
        history.delete(first.run_id)
    # The next run does not take a number an older run had kept.
    assert keep(history, minutes=2).run_id == "run-0003"


def test_damaged_runs_are_skipped_with_a_message(history: RunHistory) -> None:
    good = keep(history)
    broken = keep(history, minutes=1)
    (broken.folder / "metrics.json").write_text("{ not json", encoding="utf-8")
    odd = keep(history, minutes=2)
    (odd.folder / "meta.json").write_text(json.dumps({"name": 3}), encoding="utf-8")
    pickled = keep(history, minutes=3)
    (pickled.folder / "settings.json").write_bytes(b"\x80\x04\x95 pickle")
    wrong_numbers = keep(history, minutes=4)
    data = metrics([0.5])
    data["epochs"][0]["train_loss"] = "low"
    (wrong_numbers.folder / "metrics.json").write_text(
        json.dumps(data), encoding="utf-8"
    )
    (history.folder / "notes.txt").write_text("not a run", encoding="utf-8")
    runs = history.runs()
    assert [r.run_id for r in runs] == [good.run_id]
    assert len(history.problems) == 4
    joined = "\n".join(history.problems)
    assert "run-0002/metrics.json is not valid JSON" in joined
    assert "run-0003/meta.json needs a name" in joined
    assert "train_loss of epoch 1 is not a number" in joined


def test_metrics_without_epochs_are_refused(history: RunHistory) -> None:
    with pytest.raises(RunHistoryError, match="no list of epochs"):
        history.add({"status": "finished"}, {})
    assert history.runs() == []


def test_what_differs_is_settings_and_layers(history: RunHistory) -> None:
    plain = keep(history, lr=0.01)
    dropout = keep(history, lr=0.01, dropout=True, minutes=1)
    faster = keep(history, lr=0.1, minutes=2)
    assert differing_settings([plain]) == []
    assert differing_settings([plain, plain]) == []
    assert differing_settings([plain, dropout]) == ["layers", "drop.p"]
    assert differing_settings([plain, faster]) == ["lr"]
    flat = flatten_setup(dropout)
    assert flat["layers"] == "Linear, Dropout"
    assert flat["x.shape"] == "2" and flat["dataset"] == "moons"


def test_the_table_shows_only_what_differs(history: RunHistory) -> None:
    runs = [keep(history), keep(history, dropout=True, minutes=1)]
    headers, rows = table_rows(runs)
    assert headers == [
        "run",
        "name",
        "layers",
        "drop.p",
        "train_loss",
        "val_loss",
        "val_accuracy",
        "epochs done",
        "duration",
        "device",
        "started",
    ]
    assert rows[0] == [
        "run-0001",
        "Run 1",
        "Linear",
        "—",
        "0.3000",
        "0.4000",
        "90.0%",
        "3",
        "4 s",
        "CPU",
        START.astimezone().strftime("%Y-%m-%d %H:%M"),  # the computer's time
    ]
    assert rows[1][2:4] == ["Linear, Dropout", "0.5"]


def test_start_times_show_in_local_time(monkeypatch) -> None:
    import time

    from designer.training.run_compare import local_time

    if not hasattr(time, "tzset"):
        pytest.skip("time zones cannot be switched here")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert local_time("2026-12-03T09:00:00+00:00") == "2026-12-03 17:00"
    finally:
        monkeypatch.undo()
        time.tzset()
    assert local_time("not a time") == "not a time"


def test_layer_counts_name_each_type_once() -> None:
    from designer.training.run_compare import layer_counts

    nodes = [
        {"type": t} for t in ("Input", "Linear", "ReLU", "Dropout", "Linear", "ReLU")
    ]
    assert layer_counts(nodes) == "Linear ×2, ReLU ×2, Dropout"
    assert layer_counts([{"type": "Input"}]) == "—"


def test_metrics_csv_has_every_epoch_of_every_run(
    history: RunHistory, tmp_path: Path
) -> None:
    runs = [keep(history), keep(history, minutes=1)]
    history.rename(runs[1].run_id, "second, with a comma")
    runs = history.runs()
    rows = list(csv.reader(io.StringIO(metrics_csv(runs))))
    assert rows[0] == [
        "run",
        "name",
        "epoch",
        "train_loss",
        "val_loss",
        "val_accuracy",
        "seconds",
    ]
    assert len(rows) == 1 + 6
    assert rows[4][:3] == ["run-0002", "second, with a comma", "1"]
    target = export_metrics_csv(runs, tmp_path / "metrics.csv")
    assert target.read_text(encoding="utf-8") == metrics_csv(runs)
    with pytest.raises(RunHistoryError, match="at least one run"):
        export_metrics_csv([], tmp_path / "none.csv")
    with pytest.raises(RunHistoryError, match="could not be written"):
        export_metrics_csv(runs, tmp_path / "missing" / "metrics.csv")


def test_untitled_runs_move_into_the_saved_projects_history(tmp_path: Path) -> None:
    untitled = RunHistory(tmp_path / "session")
    keep(untitled)
    keep(untitled, minutes=1)
    saved = RunHistory.for_project(tmp_path / "lesson.json")
    keep(saved, minutes=2)
    assert saved.adopt(untitled) == 2
    # Listed by when they started: the untitled project's two came first.
    assert [r.run_id for r in saved.runs()] == ["run-0002", "run-0003", "run-0001"]
    assert untitled.runs() == []


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.4, "0 s"), (42, "42 s"), (185, "3 min 05 s"), (3720, "1 h 02 min")],
)
def test_durations_read_naturally(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


# -- the run controller keeps the app's runs ------------------------------------------


class FakeRun:
    def __init__(self, request) -> None:
        self.request = request

    def start(self) -> None: ...

    def stop(self) -> None: ...


def finish_run(runs, metrics_text: str | None = None):
    from types import SimpleNamespace

    run = runs.start({"name": "p", "networks": []}, {"name": "moons"}, {"lr": 0.1})
    folder = Path(run.request.weights_dir)
    (folder / "metrics.json").write_text(
        metrics_text or json.dumps(metrics([0.7, 0.4])), encoding="utf-8"
    )
    (folder / TRAINED_WEIGHTS).write_bytes(b"weights")
    runs.weights_saved(folder / TRAINED_WEIGHTS)
    runs.result_arrived(SimpleNamespace(epochs=[1, 2], device="cpu", status="finished"))
    runs.run_ended(run)


def test_the_controller_keeps_runs_and_moves_them_when_saved(tmp_path: Path) -> None:
    from designer.training.run_controller import RunController

    runs = RunController(FakeRun, temp_root=tmp_path)
    assert runs.history.runs() == []
    assert list(tmp_path.iterdir()) == []  # nothing made before a run is kept
    finish_run(runs)
    kept = runs.last_kept
    assert kept is not None and runs.history_problem is None
    assert kept.settings == {"lr": 0.1} and kept.project["name"] == "p"
    assert kept.device == "cpu" and kept.weights is not None
    assert kept.weights.name == "weights" + Path(TRAINED_WEIGHTS).suffix
    untitled = runs.history.folder
    assert untitled.parent == tmp_path  # a temporary history while untitled
    runs.set_project_path(tmp_path / "lesson.json", same_project=True)  # first save
    assert not untitled.exists()
    assert [r.name for r in runs.history.runs()] == ["Run 1"]
    assert runs.history.folder == tmp_path / "lesson.runs"
    finish_run(runs)
    assert len(RunHistory.for_project(tmp_path / "lesson.json").runs()) == 2
    # Save As: the project takes a copy of its runs; the old file keeps its own.
    runs.set_project_path(tmp_path / "copy.json", same_project=True)
    copied = RunHistory.for_project(tmp_path / "copy.json").runs()
    assert [r.name for r in copied] == ["Run 1", "Run 2"]
    assert (
        copied[0].weights is not None and copied[0].weights.read_bytes() == b"weights"
    )
    assert len(RunHistory.for_project(tmp_path / "lesson.json").runs()) == 2
    assert not [p for p in (tmp_path / "copy.runs").iterdir() if p.name.startswith(".")]


def test_opening_another_project_drops_the_untitled_runs(tmp_path: Path) -> None:
    from designer.training.run_controller import RunController

    runs = RunController(FakeRun, temp_root=tmp_path)
    finish_run(runs)
    untitled = runs.history.folder
    runs.set_project_path(tmp_path / "other.json", same_project=False)
    assert not untitled.exists() and runs.history.runs() == []
    runs.set_project_path(None, same_project=False)  # File ▸ New
    assert runs.history.runs() == []


def test_a_run_with_damaged_metrics_is_not_kept_and_says_why(tmp_path: Path) -> None:
    from designer.training.run_controller import RunController

    runs = RunController(FakeRun, temp_root=tmp_path)
    finish_run(runs, metrics_text="[1, 2]")
    assert runs.last_kept is None
    assert "not kept in the run history" in (runs.history_problem or "")
    assert runs.history.runs() == []
    runs.remove_temporary_files()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("device", "text"),
    [("cpu", "CPU"), ("cuda:0", "GPU (cuda:0)"), ("mps", "GPU (mps)"), ("", "—")],
)
def test_the_device_column_names_the_kind_of_device(device: str, text: str) -> None:
    from designer.training.run_compare import format_device

    assert format_device(device) == text
