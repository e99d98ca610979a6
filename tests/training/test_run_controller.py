"""The run controller without Qt: runs, pause/stop, run folders and weights."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from designer.training.messages import RunRequest
from designer.training.run_controller import (
    NoTrainedWeights,
    RunController,
    WeightsCopyError,
)
from designer.training.server import pool


class FakeRun:
    """A run handle that records what the controller asks of it."""

    def __init__(self, request: RunRequest, ends_in_time: bool = True) -> None:
        self.request = request
        self.calls: list[str] = []
        self.ends_in_time = ends_in_time

    def start(self) -> None:
        self.calls.append("start")

    def pause(self) -> None:
        self.calls.append("pause")

    def resume(self) -> None:
        self.calls.append("resume")

    def stop(self) -> None:
        self.calls.append("stop")

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        self.calls.append(f"shutdown {timeout_ms}")
        return self.ends_in_time


@pytest.fixture
def runs(tmp_path) -> RunController:
    return RunController(FakeRun, temp_root=tmp_path)


def start(runs: RunController) -> FakeRun:
    run = runs.start({"name": "p"}, {"name": "moons"}, {"epochs": 2})
    assert isinstance(run, FakeRun)
    return run


def leave_weights(run: FakeRun, runs: RunController, content: bytes = b"w") -> Path:
    path = Path(run.request.weights_dir) / "trained.safetensors"
    path.write_bytes(content)
    runs.weights_saved(path)
    return path


def test_a_run_gets_a_request_and_a_fresh_folder(runs, tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "UPDATE_INTERVAL_S", 0.125)
    run = start(runs)
    assert run.calls == ["start"]
    request = run.request
    assert request.project == {"name": "p"} and request.settings == {"epochs": 2}
    assert request.dataset_spec == {"name": "moons"}
    assert request.step_interval_s == 0.125 and request.initial_weights is None
    folder = Path(request.weights_dir)
    assert folder.is_dir() and folder.parent == tmp_path
    assert runs.is_running() and runs.run_count == 1
    assert runs.start({}, {}, {}) is None  # one run at a time
    assert runs.run_count == 1


def test_pause_resume_and_stop_reach_the_run_once(runs):
    runs.pause()  # nothing running: nothing happens
    run = start(runs)
    runs.pause()
    runs.pause()
    assert runs.paused
    runs.resume()
    runs.resume()
    runs.pause()
    runs.stop()
    assert run.calls == ["start", "pause", "resume", "pause", "stop"]
    assert not runs.paused


def test_only_the_current_run_ending_ends_the_run(runs):
    first = start(runs)
    assert runs.run_ended(first)
    second = start(runs)
    assert not runs.run_ended(first)  # a late signal from the first run
    assert runs.is_running()
    assert runs.run_ended(second) and not runs.is_running()


def test_the_result_is_kept_until_the_next_run_or_a_failure(runs):
    run = start(runs)
    runs.result_arrived("finished")
    runs.run_ended(run)
    assert runs.last_result == "finished"
    start(runs)
    assert runs.last_result is None
    runs.result_arrived("stopped")
    runs.run_failed()
    assert runs.last_result is None


def test_shutdown_reports_whether_the_run_ended_in_time(tmp_path):
    runs = RunController(lambda request: FakeRun(request, ends_in_time=False), tmp_path)
    assert runs.shutdown() is True  # nothing to stop
    run = start(runs)
    assert runs.shutdown(500) is False
    assert run.calls[-1] == "shutdown 500" and not runs.is_running()


def test_only_the_newest_weights_keep_their_folder(runs):
    first = start(runs)
    first_weights = leave_weights(first, runs)
    runs.run_ended(first)
    assert runs.can_save_weights()
    second = start(runs)
    assert not runs.can_save_weights()  # not while a run is under way
    assert (
        first_weights.is_file()
    )  # still the newest until the second run leaves its own
    second_weights = leave_weights(second, runs)
    assert not first_weights.parent.exists()
    assert runs.trained_weights == second_weights
    runs.run_ended(second)
    runs.remove_temporary_files()
    assert not second_weights.parent.exists() and runs.run_dirs == []
    assert not runs.can_save_weights()


def test_a_run_without_weights_keeps_its_folder_while_it_runs(runs):
    first = start(runs)
    leave_weights(first, runs)
    runs.run_ended(first)
    second = start(runs)
    runs.weights_saved(
        Path(runs.run_dirs[0]) / "trained.safetensors"
    )  # the first's again
    assert Path(second.request.weights_dir).is_dir()  # the running one is kept


def test_saving_weights_copies_them_and_explains_failures(runs, tmp_path):
    with pytest.raises(NoTrainedWeights, match="train first"):
        runs.save_weights_to(tmp_path / "out.safetensors")
    run = start(runs)
    leave_weights(run, runs, b"trained")
    runs.run_ended(run)
    target = runs.save_weights_to(tmp_path / "deeper" / "out.safetensors")
    assert target.read_bytes() == b"trained"
    assert [p.name for p in target.parent.iterdir()] == [
        "out.safetensors"
    ]  # no temporary left
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(WeightsCopyError, match="were not saved") as caught:
        runs.save_weights_to(blocker / "out.safetensors")
    assert not isinstance(caught.value, NoTrainedWeights)


def test_initial_weights_go_into_the_next_request(runs, tmp_path):
    runs.use_initial_weights(tmp_path / "start.pt")
    run = start(runs)
    assert run.request.initial_weights == str(tmp_path / "start.pt")
    runs.run_ended(run)
    runs.clear_initial_weights()
    assert start(runs).request.initial_weights is None


def test_another_project_forgets_both_weights(runs, tmp_path):
    run = start(runs)
    leave_weights(run, runs)
    runs.use_initial_weights(tmp_path / "start.pt")
    runs.forget_weights()
    assert runs.trained_weights is None and runs.initial_weights is None


def test_the_controller_and_the_messages_load_neither_torch_nor_qt():
    script = (
        "import json, sys\n"
        "import designer.training.run_controller, designer.training.server\n"
        "import designer.training.messages, designer.training.metrics\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('torch', 'PySide6', 'pyqtgraph'))))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
