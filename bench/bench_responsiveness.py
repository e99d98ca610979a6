"""Does the window stay responsive while a model trains on the CPU?

A QTimer fires every 5 ms in the GUI thread and records the gap between ticks;
a gap much longer than 5 ms is an event-loop stall (the user would feel it as a
frozen window).  Measured twice in the same process with the training panel on
screen: idle (the baseline) and during a CPU training run started from the
panel (training process, relay thread, live plots, progress, confusion matrix,
sample grid).  Also times how long closing the panel mid-run takes to stop it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_responsiveness.py [seconds] [dataset] [window]

With ``window`` the panel sits in the main window and the canvas shows the layer
previews and gradient strips the run sends (designer.ui.inside), as a user sees it.

Target: max stall under 50 ms while training.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TICK_MS = 5
TARGET_MS = 50.0

MLP = [
    ("Input", {"shape": [1, 28, 28]}),
    ("Flatten", {}),
    ("Linear", {"out_features": 128}),
    ("ReLU", {}),
    ("Linear", {"out_features": 64}),
    ("ReLU", {}),
    ("Linear", {"out_features": 10}),
    ("Output", {}),
]
MOONS = [
    ("Input", {"shape": [2]}),
    ("Linear", {"out_features": 32}),
    ("ReLU", {}),
    ("Linear", {"out_features": 32}),
    ("ReLU", {}),
    ("Linear", {"out_features": 2}),
    ("Output", {}),
]


def measure_gaps(app: QApplication, seconds: float) -> np.ndarray:
    """Run the event loop for ``seconds`` with a 5 ms timer; the gaps between ticks in ms."""
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    return np.asarray(gaps[1:], dtype=float)


def describe(name: str, gaps: np.ndarray) -> str:
    return (
        f"{name:<10} ticks {len(gaps):5d}   mean {gaps.mean():6.2f} ms   "
        f"p99 {np.percentile(gaps, 99):6.2f} ms   max {gaps.max():6.2f} ms   "
        f"gaps over {TARGET_MS:.0f} ms: {int((gaps > TARGET_MS).sum())}"
    )


def make_document(dataset: str):
    from designer.ui.document import Document

    document = Document()
    layers = MOONS if dataset == "moons" else MLP
    ids = []
    for index, (layer_type, params) in enumerate(layers):
        ids.append(document.add_node(layer_type, (index * 200.0, 0.0), params))
        if index:
            document.connect(ids[-2], "out", ids[-1], "in")
    spec = (
        {"name": "moons", "options": {"n_samples": 4000}}
        if dataset == "moons"
        else {"name": "digits28", "options": {}}
    )
    document.set_training(
        {"epochs": 1000, "batch_size": 32, "lr": 0.001, "device": "cpu"}
    )
    document.set_dataset(spec)
    return document


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 6.0
    dataset = sys.argv[2] if len(sys.argv) > 2 else "digits28"
    in_window = len(sys.argv) > 3 and sys.argv[3] == "window"
    app = QApplication.instance() or QApplication(sys.argv)
    from designer.ui.gui_thread_gc import collect_on_gui_thread
    from designer.ui.training import TrainingPanel

    collect_on_gui_thread(app)  # as the app does: collections in the GUI thread

    document = make_document(dataset)
    window = None
    if in_window:  # the canvas draws the previews and strips the run sends
        from designer.ui.main_window import MainWindow

        window = MainWindow(document, interactive=False)
        window.resize(1500, 950)
        window.show()
        panel = window.show_training()
    else:
        panel = TrainingPanel(document)
        panel.resize(1300, 850)
        panel.show()
    deadline = time.time() + 30
    while panel.dataset_picker.dataset is None and time.time() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    measure_gaps(app, 1.0)  # let the devices listing and first paints settle

    idle = measure_gaps(app, seconds)
    assert panel.start(), panel.banner.text
    # Skip the start-up (dataset, model build); measure while steps are arriving.
    deadline = time.time() + 60
    while panel._last_step is None and time.time() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    if panel._last_step is None:
        print(
            "the run sent no step updates:",
            panel.banner.text or panel.status_label.text(),
        )
        return 1
    training = measure_gaps(app, seconds)
    step = panel._last_step
    previews = (
        sum(len(r.previews) for r in window.inside.reports.values()) if window else 0
    )
    started = time.perf_counter()
    ended = panel.shutdown(timeout_ms=2000)
    stop_ms = (time.perf_counter() - started) * 1000

    print(
        f"training {dataset} on the CPU from the training panel; GUI timer every {TICK_MS} ms, {seconds:g} s each"
    )
    print(describe("idle", idle))
    print(describe("training", training))
    print(
        f"stall ratio (training / idle): p99 {np.percentile(training, 99) / np.percentile(idle, 99):.2f}x   "
        f"max {training.max() / idle.max():.2f}x"
    )
    print(
        f"progress when measured: epoch {step.epoch}, {step.samples_per_sec:,.0f} samples/s"
    )
    if window is not None:
        print(f"layer previews on the canvas when measured: {previews}")
    print(
        f"closing mid-run stopped the run in {stop_ms:.0f} ms ({'ok' if ended else 'NOT within 2 s'})"
    )
    print(f"torch imported in the window process: {'torch' in sys.modules}")
    verdict = "PASS" if training.max() < TARGET_MS else "FAIL"
    print(
        f"{verdict}: max stall while training {training.max():.1f} ms (target < {TARGET_MS:.0f} ms)"
    )
    return 0 if verdict == "PASS" and ended else 1


if __name__ == "__main__":
    sys.exit(main())
