"""Training runs, seen from the window: a training process plus a relay thread.

Training happens in a separate process (see :mod:`designer.ui.training.process`
for why not a thread), started once per session by :class:`TrainingServer` and
kept for the next runs, so only the first run waits for torch to load.  Each
:class:`TrainingRun` hands the process one request and starts a QThread whose
:class:`TrainingWorker` reads the run's messages and re-emits them as Qt
signals, which Qt queues to the GUI thread.  The engine throttles step updates
(``step_interval_s``), so the GUI gets at most ~20 a second.

``TrainingRun.shutdown`` asks the run to stop and, if it has not ended within
the deadline, ends the process by force (a fresh one starts for the next run),
so closing the window never waits longer than asked.  A process that dies (a
crash inside torch, killed by the system) is reported as a failed run; the
window carries on.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue as queue_module
import time
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from designer.ui.training.process import DatasetSummary, RunRequest, serve

UPDATE_INTERVAL_S = 0.05  # at most ~20 updates a second reach the GUI
POLL_S = 0.05

__all__ = [
    "UPDATE_INTERVAL_S",
    "DatasetSummary",
    "RunRequest",
    "TrainingRun",
    "TrainingServer",
    "TrainingWorker",
    "close_training_servers",
    "idle_training_server",
    "training_server",
]


class TrainingServer:
    """The session's training process and the queues and events that reach it."""

    def __init__(self) -> None:
        self.process: Any = None
        self.busy = False  # a run has been submitted and has not yet reported its end
        self.runs_submitted = (
            0  # by this process; 0: the next run waits for torch to load
        )
        self._devices: list[tuple[str, str]] | None = None
        self._ids = itertools.count(1)

    def ensure_started(self) -> None:
        """Start the process if it is not running (cheap to call; starting takes ~0.1 s)."""
        if self.process is not None and self.process.is_alive():
            return
        self.runs_submitted = 0
        context = multiprocessing.get_context("spawn")
        self.requests = context.Queue()
        self.messages = context.Queue()
        self.stop_event = context.Event()
        self.pause_event = context.Event()
        self.info = context.Queue()
        self.process = context.Process(
            target=serve,
            args=(
                self.requests,
                self.messages,
                self.stop_event,
                self.pause_event,
                self.info,
            ),
            name="designer-training",
            daemon=True,
        )
        self.process.start()

    def wait_for_devices(self, timeout_s: float = 120.0) -> list[tuple[str, str]]:
        """The devices the training process sees, as (id, label); blocks until it has
        loaded torch (call from a background thread).  Raises RuntimeError if it cannot."""
        self.ensure_started()
        if self._devices is None:
            try:
                answer = self.info.get(timeout=timeout_s)
            except queue_module.Empty:
                raise RuntimeError(
                    "the training process did not start in time"
                ) from None
            if isinstance(answer, str):
                raise RuntimeError(answer)
            self._devices = [tuple(pair) for pair in answer]
        return list(self._devices)

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def submit(self, request: RunRequest) -> int:
        self.ensure_started()
        run_id = next(self._ids)
        self.runs_submitted += 1
        self.stop_event.clear()
        self.pause_event.clear()
        self.requests.put((run_id, request))
        return run_id

    def kill(self) -> None:
        """End the process now (a run that will not stop in time)."""
        process = self.process
        if process is None:
            return
        if process.is_alive():
            process.terminate()
            process.join(0.3)
        if process.is_alive():
            process.kill()
            process.join(0.2)
        self.process = None

    def close(self, timeout_s: float = 1.0) -> None:
        """Ask the process to finish, then end it if it does not."""
        process = self.process
        if process is None:
            return
        if process.is_alive():
            self.stop_event.set()
            self.requests.put(None)
            process.join(timeout_s)
        self.kill()


_SERVERS: list[TrainingServer] = []


def training_server() -> TrainingServer:
    """The session's first training process (started on demand)."""
    if not _SERVERS:
        _SERVERS.append(TrainingServer())
    return _SERVERS[0]


def idle_training_server() -> TrainingServer:
    """A training process with no run under way: runs from two windows must not
    share one (they would share its stop and pause events)."""
    for server in _SERVERS:
        if not server.busy:
            return server
    server = TrainingServer()
    _SERVERS.append(server)
    return server


def close_training_servers() -> None:
    for server in _SERVERS:
        server.close()


class TrainingWorker(QObject):
    """Reads one run's messages in its own thread and emits them as signals."""

    status = Signal(str)
    datasetLoaded = Signal(object)  # DatasetSummary
    runStarted = Signal(object)  # RunInfo
    stepUpdated = Signal(object)  # StepUpdate
    epochEnded = Signal(object)  # EpochMetrics
    predictionsReady = Signal(object)  # PredictionSnapshot
    weightsSaved = Signal(str)  # path of the trained weights the run left behind
    runEnded = Signal(object)  # RunResult
    failed = Signal(
        str
    )  # the run could not start or the process died: a message for people
    done = Signal()

    def __init__(self, server: TrainingServer) -> None:
        super().__init__()
        self._server = server
        self._messages: Any = None
        self._process: Any = None
        self.run_id = 0
        self._abandoned = False
        self.finished_cleanly = False  # the process said "done" for this run
        self.result: Any = None

    def abandon(self) -> None:
        """Stop reading (the run is being shut down); safe from any thread."""
        self._abandoned = True

    def attach(self, run_id: int) -> None:
        """Follow run ``run_id`` (just submitted to the server); call before the thread starts."""
        self.run_id = run_id
        self._messages = self._server.messages
        self._process = self._server.process

    @Slot()
    def run(self) -> None:
        try:
            self._relay()
        finally:
            self.done.emit()

    def _relay(self) -> None:
        signals = {
            "status": self.status,
            "dataset": self.datasetLoaded,
            "start": self.runStarted,
            "step": self.stepUpdated,
            "epoch": self.epochEnded,
            "predictions": self.predictionsReady,
            "weights": self.weightsSaved,
            "failed": self.failed,
        }
        ended = False
        while not self._abandoned:
            try:
                run_id, kind, payload = self._messages.get(timeout=POLL_S)
            except queue_module.Empty:
                if self._process.is_alive():
                    continue
                try:  # the process is gone: read what it managed to send, then give up
                    run_id, kind, payload = self._messages.get(timeout=0.2)
                except queue_module.Empty:
                    break
            except (EOFError, OSError, ValueError):
                break
            if run_id != self.run_id:
                continue  # a straggler from an earlier run, or the start-up greeting
            if kind == "done":
                self.finished_cleanly = True
                return
            if kind == "end":
                self.result = payload
                ended = True
                self.runEnded.emit(payload)
            elif kind in signals:
                ended = ended or kind == "failed"
                signals[kind].emit(payload)
        if not ended and not self._abandoned:
            code = self._process.exitcode
            self.failed.emit(
                "The training process ended unexpectedly"
                + (f" (exit code {code})" if code not in (None, 0) else "")
                + ". Your project is unchanged; if it ran out of memory, a smaller batch size or model helps."
            )


class TrainingRun(QObject):
    """The GUI thread's handle on one run."""

    finished = Signal()

    def __init__(self, request: RunRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.server = idle_training_server()
        self.server.busy = True
        self.worker = TrainingWorker(self.server)
        self.thread = QThread()
        self.thread.setObjectName("designer-training-relay")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Direct: quit from the relay thread itself, so a GUI thread blocked in
        # shutdown()'s wait() does not have to deliver it.
        self.worker.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.finished.connect(self._release)
        self.thread.finished.connect(self.finished.emit)
        self._paused = False
        self._started = False

    def _release(self) -> None:
        self.server.busy = False

    def start(self) -> None:
        self.worker.attach(self.server.submit(self.request))
        self._started = True
        self.thread.start()

    @property
    def is_running(self) -> bool:
        return self.thread.isRunning()

    @property
    def is_paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        self._paused = True
        self.server.pause_event.set()

    def resume(self) -> None:
        self._paused = False
        self.server.pause_event.clear()

    def stop(self) -> None:
        self._paused = False
        self.server.pause_event.clear()
        self.server.stop_event.set()

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop the run, by force if it takes too long; True when it has ended in time."""
        if not self._started or not self.thread.isRunning():
            return True
        deadline = time.monotonic() + timeout_ms / 1000
        self.stop()
        graceful = max(0, timeout_ms - 600)
        if self.thread.wait(graceful) and self.worker.finished_cleanly:
            self._release()
            return True
        # Not done in time (or the process died): end the process, then the relay.
        self.worker.abandon()
        self.server.kill()
        remaining = max(100, int((deadline - time.monotonic()) * 1000))
        ended = bool(self.thread.wait(remaining))
        if ended:
            self._release()
        return ended
