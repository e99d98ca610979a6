"""Training runs, seen from the window: the relay thread that turns a run's
messages into Qt signals.

Training happens in a separate process (see :mod:`designer.training.server`),
kept for the next runs.  Each :class:`TrainingRun` hands the process one request
and starts a QThread whose :class:`TrainingWorker` reads the run's messages
(:func:`~designer.training.server.relay_run`) and re-emits them as Qt signals,
which Qt queues to the GUI thread.  The engine throttles step updates
(``step_interval_s``), so the GUI gets at most ~20 a second.

``TrainingRun.shutdown`` asks the run to stop and, if it has not ended within
the deadline, ends the process by force (a fresh one starts for the next run),
so closing the window never waits longer than asked.  A process that dies (a
crash inside torch, killed by the system) is reported as a failed run; the
window carries on.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from designer.training.messages import RunRequest
from designer.training.server import TrainingServer, idle_training_server, relay_run

__all__ = ["TrainingRun", "TrainingWorker"]


class TrainingWorker(QObject):
    """Reads one run's messages in its own thread and emits them as signals."""

    status = Signal(str)
    datasetLoaded = Signal(object)  # DatasetSummary
    runStarted = Signal(object)  # RunInfo
    stepUpdated = Signal(object)  # StepUpdate
    epochEnded = Signal(object)  # EpochMetrics
    predictionsReady = Signal(object)  # PredictionSnapshot
    insideReady = Signal(object)  # list[ProbeReport], or str: why probing stopped
    weightsSaved = Signal(str)  # path of the trained weights the run left behind
    runEnded = Signal(object)  # RunResult
    failed = Signal(
        object
    )  # str or Message: the run could not start or the process died
    # the memory pre-flight (a "memory_only" request): a Message to translate
    memoryEstimated = Signal(object)
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
            outcome = relay_run(
                self._messages,
                self._process,
                self.run_id,
                self._emit,
                lambda: self._abandoned,
            )
            self.result = outcome.result
            self.finished_cleanly = outcome.finished_cleanly
        finally:
            self.done.emit()

    def _emit(self, kind: str, payload: Any) -> None:
        signal = {
            "status": self.status,
            "dataset": self.datasetLoaded,
            "start": self.runStarted,
            "step": self.stepUpdated,
            "epoch": self.epochEnded,
            "predictions": self.predictionsReady,
            "inside": self.insideReady,
            "weights": self.weightsSaved,
            "end": self.runEnded,
            "failed": self.failed,
            "memory": self.memoryEstimated,
        }.get(kind)
        if signal is not None:
            signal.emit(payload)


class TrainingRun(QObject):
    """The GUI thread's handle on one run.

    ``finished`` carries the run itself, so that listeners need no lambda holding
    it: Qt keeps a connected lambda as long as the sender lives, and a lambda that
    holds its own sender keeps both for ever (a run's worth of memory per run).
    """

    finished = Signal(object)

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
        self.thread.finished.connect(self._announce_finished)
        self._paused = False
        self._started = False

    def _release(self) -> None:
        self.server.busy = False

    def _announce_finished(self) -> None:
        self.finished.emit(self)

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
        self.server.pause()

    def resume(self) -> None:
        self._paused = False
        self.server.resume()

    def stop(self) -> None:
        self._paused = False
        self.server.stop()

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
