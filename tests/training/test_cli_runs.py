"""``designer train`` keeps each run; ``designer runs FILE`` lists them in a table."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.cli import main
from designer.graph.project_file import save_project
from designer.training.checkpoints import load_weights
from designer.training.run_history import RunHistory
from tests.training.test_cli_train import digits_project


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "digits.json"
    save_project(digits_project({"epochs": 1, "batch_size": 32, "lr": 0.003}), path)
    return path


def train(path: Path, tmp_path: Path, *flags: str) -> None:
    out = tmp_path / "out"
    code = main(["train", str(path), "--limit", "64", "--out", str(out), *flags])
    assert code == 0


def test_a_trained_run_is_kept_and_listed(project_file, tmp_path, capsys) -> None:
    train(project_file, tmp_path)
    assert "kept as Run 1 in" in capsys.readouterr().out
    runs = RunHistory.for_project(project_file).runs()
    assert len(runs) == 1
    run = runs[0]
    assert run.device == "cpu" and len(run.epochs) == 1 and run.duration_s > 0
    assert run.settings["lr"] == 0.003
    assert run.project["name"] == "Digits"
    assert load_weights(digits_project(), run.weights)  # safe, and fits the network

    train(project_file, tmp_path, "--lr", "0.01")
    capsys.readouterr()
    assert main(["runs", str(project_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split()
    assert header[:3] == ["run", "name", "lr"]  # only what differs, first
    assert header[-5:] == ["epochs", "done", "duration", "device", "started"]
    assert "val_accuracy" in header and "batch_size" not in header
    assert set(lines[1]) == {"─", " "}
    assert (
        lines[2].split()[:3] == ["run-0001", "Run", "1"]
        and lines[2].split()[3] == "0.003"
    )
    assert (
        lines[3].split()[:3] == ["run-0002", "Run", "2"]
        and lines[3].split()[3] == "0.01"
    )
    # The columns line up: every row is as wide as the rule under the header.
    assert len(lines[2]) <= len(lines[1]) and len(lines[3]) <= len(lines[1])


def test_no_runs_get_a_clear_message(project_file, capsys) -> None:
    assert main(["runs", str(project_file)]) == 0
    out = capsys.readouterr().out
    assert "No runs of digits.json are kept yet" in out
    assert "designer train" in out


def test_damaged_runs_are_named_not_a_traceback(tmp_path, capsys) -> None:
    folder = tmp_path / "lesson.runs" / "run-0001"
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text("[]", encoding="utf-8")
    assert main(["runs", str(tmp_path / "lesson.runs")]) == 0
    captured = capsys.readouterr()
    assert (
        "skipped a damaged run: run-0001/meta.json must hold an object" in captured.err
    )
    assert "No runs of lesson.runs" in captured.out


def test_no_history_keeps_nothing(project_file, tmp_path) -> None:
    train(project_file, tmp_path, "--no-history")
    assert not (tmp_path / "digits.runs").exists()
