"""Ending the real app with a signal: SIGTERM closes it cleanly (the training
process ends, unsaved work stays in the recovery copy) and even ``kill -9`` of the
window leaves no training process behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from designer.graph.model import Graph, Project
from designer.graph.project_file import save_project

ROOT = Path(__file__).resolve().parents[2]

# The app as `designer FILE` starts it; once up, it makes an unsaved edit, shows the
# training panel (which starts the training process) and prints that process's pid.
APP = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from designer.training.server import pool
    from designer.ui.app import run_app

    def when_up():
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
        window.document.set_project_name("unsaved edit")
        window.show_training()
        server = pool.training_server()
        server.ensure_started()
        print(server.process.pid, flush=True)

    QTimer.singleShot(300, when_up)
    sys.exit(run_app([sys.argv[1]]))
    """
)


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not running(pid)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states in /proc")
@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGKILL])
def test_a_signalled_window_leaves_no_training_process(
    tmp_path: Path, kill: signal.Signals
) -> None:
    graph = Graph("model")
    graph.add_node("Input", "data", {"shape": [2]})
    path = tmp_path / "net.json"
    save_project(Project("saved", [graph]), path)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        DESIGNER_RECOVERY_DIR=str(tmp_path / "recovery"),
        PYTHONPATH=str(ROOT),
        OMP_NUM_THREADS="1",
    )
    app = subprocess.Popen(
        [sys.executable, "-c", APP, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert app.stdout is not None
        line = app.stdout.readline().strip()
        assert line.isdigit(), f"the app did not start: {line!r} {app.stderr.read()}"
        trainer = int(line)
        assert running(trainer)
        if kill == signal.SIGKILL:
            time.sleep(2.0)  # what a kill -9 may lose (SIGTERM loses nothing)
        app.send_signal(kill)
        code = app.wait(30)  # a busy machine slows the clean shutdown
        assert wait_gone(trainer, 5.0), "the training process outlived the window"
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    if kill == signal.SIGTERM:
        assert code == 0, app.stderr.read() if app.stderr else ""
    copy = tmp_path / "recovery" / f"autosave-{app.pid}.json"
    record = json.loads(copy.read_text(encoding="utf-8"))
    assert record["project"]["name"] == "unsaved edit"
    assert record["original_path"] == str(path)
