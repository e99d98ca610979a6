"""One rule for PyTorch's CPU threads, used by ``designer train``, train.py and the window's runs."""

from __future__ import annotations

import pytest
import torch

from designer.cli import main
from designer.graph.project_file import save_project
from designer.training.recipes import speed
from designer.training.recipes.speed import intra_op_threads, use_threads
from tests.training.test_cli_train import digits_project


@pytest.mark.parametrize(
    ("cores", "load", "reserve", "threads"),
    [
        (2, 0.0, 0, 2),  # quiet: every core
        (8, 0.3, 0, 8),
        (8, 0.3, 1, 7),  # the window's process leaves one core to the window
        (2, 2.9, 0, 1),  # busy 2-core machine: one thread, not two fighting the load
        (2, 0.6, 0, 1),  # busy: at most cores - 1
        (16, 3.2, 0, 12),  # the cores the load leaves free
        (16, 3.2, 1, 12),
        (16, 40.0, 0, 1),  # never fewer than one
        (1, 0.0, 1, 1),
        (1, 5.0, 0, 1),
    ],
)
def test_the_rule(cores: int, load: float, reserve: int, threads: int) -> None:
    assert intra_op_threads(cores, load, reserve) == threads


@pytest.fixture
def restore_threads():
    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


def test_use_threads_applies_the_rule_and_says_so(
    monkeypatch: pytest.MonkeyPatch, restore_threads
) -> None:
    monkeypatch.setattr(speed, "usable_cores", lambda: 2)
    monkeypatch.setattr(speed, "machine_load", lambda: 3.0)
    assert use_threads() == "Using 1 CPU thread (2 cores, load 3.0)."
    assert torch.get_num_threads() == 1
    monkeypatch.setattr(speed, "machine_load", lambda: 0.0)
    assert use_threads() == "Using 2 CPU threads (2 cores, load 0.0)."
    assert torch.get_num_threads() == 2
    assert use_threads(reserve=1).startswith("Using 1 CPU thread ")


def test_processes_under_torchrun_share_the_cores(
    monkeypatch: pytest.MonkeyPatch, restore_threads
) -> None:
    monkeypatch.setattr(speed, "usable_cores", lambda: 8)
    monkeypatch.setattr(speed, "machine_load", lambda: 0.0)
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "2")
    assert use_threads() == (
        "Using 4 CPU threads in each of this machine's processes (4 cores, load 0.0)."
    )
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "lots")
    assert use_threads() == "Using 8 CPU threads (8 cores, load 0.0)."


def test_a_requested_count_wins(restore_threads) -> None:
    assert use_threads(3) == "Using 3 CPU threads (as asked)."
    assert torch.get_num_threads() == 3


def test_the_machine_is_read() -> None:
    assert speed.usable_cores() >= 1
    assert speed.machine_load() >= 0.0


def test_designer_train_says_its_threads_and_takes_threads(
    tmp_path, capsys, restore_threads
) -> None:
    path = tmp_path / "digits.json"
    save_project(digits_project(), path)
    common = ["train", str(path), "--epochs", "1", "--limit", "64", "--device", "cpu"]
    assert main([*common, "--threads", "2", "--out", str(tmp_path / "a")]) == 0
    assert "Using 2 CPU threads (as asked)." in capsys.readouterr().err
    assert torch.get_num_threads() == 2
    assert main([*common, "--out", str(tmp_path / "b")]) == 0
    err = capsys.readouterr().err
    assert "cores, load" in err
    chosen = intra_op_threads(speed.usable_cores(), speed.machine_load())
    assert abs(torch.get_num_threads() - chosen) <= 1  # the load may move a little


def test_designer_train_refuses_a_bad_thread_count(tmp_path, capsys) -> None:
    path = tmp_path / "digits.json"
    save_project(digits_project(), path)
    with pytest.raises(SystemExit):
        main(["train", str(path), "--threads", "0"])
    assert "--threads: must be at least 1" in capsys.readouterr().err


class _Queue(list):
    def put(self, item) -> None:
        self.append(item)


def test_the_window_process_leaves_a_core(
    monkeypatch: pytest.MonkeyPatch, tmp_path, restore_threads
) -> None:
    """A run in the training process applies the rule with one core kept for the window."""
    import threading

    from designer.graph.project_file import project_to_dict
    from designer.training.messages import RunRequest
    from designer.training.server.process import run_training

    monkeypatch.setattr(speed, "usable_cores", lambda: 4)
    monkeypatch.setattr(speed, "machine_load", lambda: 0.0)
    project = digits_project({"epochs": 1, "batch_size": 64, "device": "cpu"})
    request = RunRequest(
        project=project_to_dict(project),
        dataset_spec={"name": "digits"},
        settings=project.training,
        weights_dir=str(tmp_path),
    )
    messages = _Queue()
    run_training(1, request, messages, threading.Event(), threading.Event())
    kinds = {kind: payload for _run, kind, payload in messages}
    assert "failed" not in kinds, kinds.get("failed")
    assert kinds["start"].device_label == "CPU (3 threads)"
    assert torch.get_num_threads() == 3
