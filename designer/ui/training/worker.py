"""Training in a background QThread, reported to the GUI thread through Qt signals.

:class:`TrainingWorker` lives in the worker thread: it loads the dataset, builds
the engine's :class:`~designer.training.engine.Trainer` and runs it; the engine's
callbacks become signals, which Qt queues to the GUI thread.  The engine already
throttles step updates (``step_interval_s``), so the GUI gets at most ~20 a
second.  :class:`TrainingRun` is the GUI-side handle: start, pause, resume, stop,
and ``shutdown`` (stop and join within a deadline) for when the window closes.

Torch and the engine are imported inside :meth:`TrainingWorker.run`, i.e. in
the worker thread when a run starts, never when the window starts.
"""

from __future__ import annotations

import os
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from designer.graph.model import Project

UPDATE_INTERVAL_S = 0.05  # at most ~20 updates a second reach the GUI


@dataclass(frozen=True)
class RunRequest:
    """Everything a run needs, copied out of the document before the thread starts."""

    project: Project
    dataset_spec: dict[str, Any]
    settings: dict[str, Any]
    checkpoint_dir: Path | None = None
    initial_weights: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DatasetSummary:
    """What the panel shows about the dataset a run uses (no big arrays)."""

    name: str
    task: str
    sample_shape: tuple[int, ...]
    classes: list[str] | None
    train_count: int
    val_count: int
    points: Any = None  # for 2-D classification: up to MAX_POINTS validation points (K×2)
    point_labels: Any = None  # their class ids


MAX_POINTS = 1000


class TrainingWorker(QObject):
    """Runs one training run; lives in the worker thread."""

    status = Signal(str)
    datasetLoaded = Signal(object)  # DatasetSummary
    runStarted = Signal(object)  # RunInfo
    stepUpdated = Signal(object)  # StepUpdate
    epochEnded = Signal(object)  # EpochMetrics
    predictionsReady = Signal(object)  # PredictionSnapshot
    runEnded = Signal(object)  # RunResult
    failed = Signal(str)  # the run could not start or crashed: a message for people
    done = Signal()

    def __init__(self, request: RunRequest) -> None:
        super().__init__()
        self._request = request
        self._lock = threading.Lock()
        self._trainer: Any = None
        self._stop_requested = False
        self._pause_requested = False
        self.result: Any = None

    # -- controls, called from the GUI thread --------------------------------
    def request_stop(self) -> None:
        with self._lock:
            self._stop_requested = True
            trainer = self._trainer
        if trainer is not None:
            trainer.stop()

    def request_pause(self) -> None:
        with self._lock:
            self._pause_requested = True
            trainer = self._trainer
        if trainer is not None:
            trainer.pause()

    def request_resume(self) -> None:
        with self._lock:
            self._pause_requested = False
            trainer = self._trainer
        if trainer is not None:
            trainer.resume()

    @property
    def trainer(self) -> Any:
        return self._trainer

    # -- the run, in the worker thread ---------------------------------------
    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except Exception as error:  # the engine never raises for run-time failures;
            # anything here is a bug or an import problem, reported rather than lost.
            detail = traceback.format_exception_only(type(error), error)[-1].strip()
            self.failed.emit(f"Training stopped because of an internal error: {detail}")
        finally:
            self.done.emit()

    def _run(self) -> None:
        request = self._request
        self.status.emit("Loading the dataset…")
        from designer.training.datasets import DatasetError, load_dataset

        try:
            dataset = load_dataset(request.dataset_spec)
        except (DatasetError, OSError, ValueError) as error:
            self.failed.emit(f"The dataset could not be loaded: {error}")
            return
        self.datasetLoaded.emit(_summarise(dataset, request.settings))
        if self._stop_requested:
            self.failed.emit("Stopped before training began.")
            return

        self.status.emit("Preparing the model…")
        from designer.training.engine import Trainer
        from designer.training.settings import SettingsError, TrainingSettings

        try:
            settings = TrainingSettings.from_dict(request.settings)
        except SettingsError as error:
            self.failed.emit("The training settings need attention:\n" + "\n".join(f"  - {p}" for p in error.problems))
            return
        initial_state = None
        if request.initial_weights is not None:
            from designer.training.checkpoints import WeightsError, read_weights

            try:
                initial_state = read_weights(request.initial_weights)
            except WeightsError as error:
                self.failed.emit(f"The saved weights could not be used: {error}")
                return
        _share_cores_with_the_window(settings.device)
        callbacks = _SignalCallbacks(self, initial_state, request.initial_weights)
        trainer = Trainer(
            request.project,
            dataset,
            settings,
            callbacks=callbacks,
            checkpoint_dir=request.checkpoint_dir,
            step_interval_s=UPDATE_INTERVAL_S,
        )
        callbacks.trainer = trainer
        with self._lock:
            self._trainer = trainer
            stop, pause = self._stop_requested, self._pause_requested
        if stop:
            trainer.stop()
        elif pause:
            trainer.pause()
        self.status.emit("Training…")
        result = trainer.run()
        if callbacks.weights_problem is not None:
            self.failed.emit(callbacks.weights_problem)
            return
        self.result = result
        self.runEnded.emit(result)


class _SignalCallbacks:
    """The engine's callbacks turned into the worker's signals (queued to the GUI)."""

    def __init__(self, worker: TrainingWorker, initial_state: Any, weights_path: Path | None) -> None:
        self.worker = worker
        self.initial_state = initial_state
        self.weights_path = weights_path
        self.weights_problem: str | None = None
        self.trainer: Any = None

    def on_start(self, info: Any) -> None:
        if self.initial_state is not None:
            from designer.training.checkpoints import WeightsError, load_state

            name = self.weights_path.name if self.weights_path else "the file"
            try:
                load_state(self.trainer.networks, self.initial_state, f"the weights in {name}")
            except WeightsError as error:
                self.weights_problem = f"The saved weights could not be used: {error}"
                self.trainer.stop()
                return
            info.notes.append(f"Started from the weights in {name}.")
        self.worker.runStarted.emit(info)

    def on_step(self, update: Any) -> None:
        self.worker.stepUpdated.emit(update)

    def on_epoch(self, metrics: Any) -> None:
        self.worker.epochEnded.emit(metrics)

    def on_predictions(self, snapshot: Any) -> None:
        self.worker.predictionsReady.emit(snapshot)

    def on_end(self, result: Any) -> None:
        pass  # reported by the worker after run() returns


def _share_cores_with_the_window(device: str) -> None:
    """Leave one CPU core to the GUI thread so the window stays responsive."""
    import torch

    cores = os.cpu_count() or 1
    if device in ("auto", "cpu") and cores > 1 and torch.get_num_threads() >= cores:
        torch.set_num_threads(cores - 1)


def _summarise(dataset: Any, settings: dict[str, Any]) -> DatasetSummary:
    x_val = getattr(dataset, "x_val", None)
    points = labels = None
    x = dataset.x
    if x.ndim == 2 and x.shape[1] == 2 and dataset.classes is not None and x.dtype.kind == "f":
        from designer.training.engine import split_data

        try:
            _xt, _yt, xv, yv = split_data(dataset, float(settings.get("val_split", 0.2)), int(settings.get("seed", 0)))
        except Exception:  # the run reports data problems itself
            xv = yv = None
        if xv is None:
            xv, yv = dataset.x, dataset.y
        points, labels = xv[:MAX_POINTS].copy(), yv[:MAX_POINTS].copy()
    return DatasetSummary(
        name=str(getattr(dataset, "name", "")),
        task=str(getattr(dataset, "task", "")),
        sample_shape=tuple(getattr(dataset, "sample_shape", ())),
        classes=list(dataset.classes) if getattr(dataset, "classes", None) is not None else None,
        train_count=len(dataset),
        val_count=0 if x_val is None else int(len(x_val)),
        points=points,
        point_labels=labels,
    )


class TrainingRun(QObject):
    """The GUI thread's handle on one background run (thread + worker)."""

    finished = Signal()

    def __init__(self, request: RunRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = TrainingWorker(request)
        self.thread = QThread()
        self.thread.setObjectName("designer-training")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Direct: quit from the worker thread itself, so a GUI thread blocked in
        # shutdown()'s wait() does not have to deliver it.
        self.worker.done.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.finished.connect(self.finished.emit)
        self._paused = False

    def start(self) -> None:
        self.thread.start()

    @property
    def is_running(self) -> bool:
        return self.thread.isRunning()

    @property
    def is_paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        self._paused = True
        self.worker.request_pause()

    def resume(self) -> None:
        self._paused = False
        self.worker.request_resume()

    def stop(self) -> None:
        self._paused = False
        self.worker.request_stop()

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop the run and wait for the thread; True when it ended within the time."""
        if not self.thread.isRunning():
            return True
        self.stop()
        return bool(self.thread.wait(timeout_ms))
