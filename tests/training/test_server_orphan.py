"""A training process outlives no window: killed with ``kill -9`` mid-run, the
window's process leaves nothing behind within a few seconds (real processes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from designer.training.server.process import parent_gone

ROOT = Path(__file__).resolve().parents[2]

# Stands in for the window: starts the training process, hands it a long run in a
# temporary run folder and, once it trains, prints the pids and the folder.
WINDOW = textwrap.dedent(
    """
    import sys, tempfile, time
    sys.path.insert(0, sys.argv[2])
    from training_builders import mlp_project
    from designer.graph.project_file import project_to_dict
    from designer.training.messages import RunRequest
    from designer.training.server.pool import TrainingServer

    server = TrainingServer()
    kept_dir = tempfile.mkdtemp(prefix="kept-run-", dir=sys.argv[1])
    run_dir = tempfile.mkdtemp(prefix="designer-run-", dir=sys.argv[1])
    for folder in (kept_dir, run_dir):  # an earlier run (stopped at once), then this
        server.submit(RunRequest(
            project=project_to_dict(mlp_project(inputs=2, hidden=16, outputs=2)),
            dataset_spec={"name": "moons", "options": {"n_samples": 4000, "seed": 0}},
            settings={"epochs": 2000, "batch_size": 8, "device": "cpu"},
            weights_dir=folder,
        ))
        if folder == kept_dir:
            server.stop()
            while server.messages.get(timeout=120)[1] != "done":
                pass
    while True:
        run_id, kind, payload = server.messages.get(timeout=120)
        if kind == "step" or kind == "epoch":
            break
        if kind in ("failed", "done"):
            print("failed", payload, flush=True)
            sys.exit(1)
    print(server.process.pid, run_dir, kept_dir, flush=True)
    time.sleep(300)
    """
)


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent to read its status."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states in /proc")
def test_killing_the_window_ends_the_training_process_and_removes_its_run_folder(
    tmp_path: Path,
) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(tmp_path), str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert window.stdout is not None
        line = window.stdout.readline().split()
        assert len(line) == 3, f"the run did not start: {line}"
        trainer, run_dir, kept_dir = int(line[0]), Path(line[1]), Path(line[2])
        assert running(trainer) and run_dir.is_dir()
        window.send_signal(signal.SIGKILL)
        window.wait(10)
        deadline = time.monotonic() + 5.0
        while running(trainer) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not running(trainer), "the training process outlived its window by 5 s"
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert not run_dir.exists()
    assert kept_dir.is_dir()  # not a temporary run folder: not the process's to remove


def test_the_parent_is_gone_only_when_this_process_was_re_parented() -> None:
    assert not parent_gone(os.getppid())
    assert parent_gone(os.getppid() + 1)
