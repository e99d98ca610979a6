"""The life of training runs, without widgets: start, pause, stop, folders, weights.

:class:`RunController` is what the training panel asks "may I start?", "what did
the last run leave?" and "save those weights there".  It knows nothing of Qt:
the run itself is a :class:`RunHandle` made by the ``launch`` function it is
given (the panel's makes a :class:`~designer.ui.training.worker.TrainingRun`
wired to its views; tests give a plain object).

Each run writes its trained weights into a fresh temporary folder.  Only the
newest weights are kept: when a run reports its weights, the folders of the runs
before it go, and :meth:`RunController.remove_temporary_files` removes the rest
when the app quits.

A run that trained at least one epoch is also kept in the project's run history
(:mod:`designer.training.run_history`): next to the project file, or, while the
project is untitled, in a temporary history whose runs move next to the file
when the project is first saved.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from designer.training.messages import RunRequest
from designer.training.run_history import (
    RunHistory,
    RunHistoryError,
    RunRecord,
    read_metrics,
)
from designer.training.server import pool
from designer.training.server.process import RUN_METRICS, TRAINED_WEIGHTS

RUN_DIR_PREFIX = "designer-run-"


class RunHandle(Protocol):
    """One run as the controller steers it."""

    def start(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def stop(self) -> None: ...
    def shutdown(self, timeout_ms: int = 2000) -> bool: ...


class WeightsCopyError(Exception):
    """Trained weights could not be copied where the user asked; the message says why."""


class NoTrainedWeights(WeightsCopyError):
    """There is nothing to save: no run has left weights (yet)."""


# A run whose shutdown timed out is kept referenced here until its relay ends
# (its Qt thread object must not be collected while the thread still runs).
_LIVE_RUNS: set[Any] = set()


def check_weights(project: Any, path: Path) -> str | None:
    """Why the weights in ``path`` do not fit ``project``, or None when they do.

    Imports torch: call it from a background thread.
    """
    from designer.training.checkpoints import WeightsError, load_weights

    try:
        load_weights(project, path)
    except WeightsError as error:
        return str(error)
    return None


def _convert_weights(source: Path, target: Path) -> Path:
    """``source`` written again in the format ``target``'s suffix names."""
    from designer.graph.safe_files import atomic_write_bytes
    from designer.training.checkpoints import WeightsError, read_weights
    from designer.training.recipes.common import weights_bytes

    try:
        data = weights_bytes(read_weights(source), target.suffix == ".safetensors")
        atomic_write_bytes(target, data)
    except WeightsError as error:
        raise WeightsCopyError(f"The weights were not saved: {error}") from None
    except OSError as error:
        raise WeightsCopyError(
            f"The weights were not saved: {error.strerror or error}"
        ) from error
    return target


class RunController:
    """Runs one after another, and the weights they leave behind."""

    def __init__(
        self,
        launch: Callable[[RunRequest], RunHandle],
        temp_root: str | Path | None = None,
    ) -> None:
        self._launch = launch
        self._temp_root = None if temp_root is None else str(temp_root)
        self.run: RunHandle | None = None
        self.run_count = 0
        self.paused = False
        self.last_result: Any = None  # the last run's RunResult; None: none or failed
        self.trained_weights: Path | None = None  # the last run's, in its run folder
        self.initial_weights: Path | None = None  # the next run starts from these
        self.run_dirs: list[Path] = []
        self.project_path: Path | None = None
        self._untitled_history: RunHistory | None = None
        self._request: RunRequest | None = None
        self._started: tuple[datetime, float] | None = None
        self.last_kept: RunRecord | None = None  # the run the history kept last
        self.history_problem: str | None = None  # why the last run was not kept
        # Passed to every run as RunRequest.extra (``probe_sample``: which sample the
        # training process looks inside with; None: it does not look).
        self.request_extra: dict[str, Any] = {}

    # -- runs ---------------------------------------------------------------------------
    def is_running(self) -> bool:
        """From :meth:`start` until :meth:`run_ended` (or :meth:`shutdown`)."""
        return self.run is not None

    def start(
        self,
        project: dict[str, Any],
        dataset_spec: dict[str, Any],
        settings: dict[str, Any],
    ) -> RunHandle | None:
        """Start a run in a fresh folder; None (nothing done) while one is running."""
        if self.run is not None:
            return None
        run_dir = Path(tempfile.mkdtemp(prefix=RUN_DIR_PREFIX, dir=self._temp_root))
        self.run_dirs.append(run_dir)
        request = RunRequest(
            project=project,
            dataset_spec=dataset_spec,
            settings=settings,
            weights_dir=str(run_dir),
            initial_weights=str(self.initial_weights) if self.initial_weights else None,
            step_interval_s=pool.UPDATE_INTERVAL_S,
            extra=dict(self.request_extra),
        )
        self.run_count += 1
        self.last_result = None
        self.paused = False
        self._request = request
        self._started = (datetime.now(UTC), time.monotonic())
        run = self._launch(request)
        _LIVE_RUNS.add(run)
        self.run = run
        run.start()
        return run

    def pause(self) -> None:
        if self.run is not None and not self.paused:
            self.paused = True
            self.run.pause()

    def resume(self) -> None:
        if self.run is not None and self.paused:
            self.paused = False
            self.run.resume()

    def stop(self) -> None:
        if self.run is not None:
            self.paused = False
            self.run.stop()

    def run_ended(self, run: RunHandle) -> bool:
        """A run's relay has ended; True when it was the current run (now over)."""
        _LIVE_RUNS.discard(run)
        if self.run is not run:
            return False
        self.run = None
        self.paused = False
        # A run that left no weights (stopped or failed early) needs no folder.
        self._remove_run_dirs(
            keep=self.trained_weights.parent if self.trained_weights else None
        )
        return True

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop the run and wait for it (closing); True when it ended in time."""
        run = self.run
        if run is None:
            return True
        ended = run.shutdown(timeout_ms)
        if ended:
            _LIVE_RUNS.discard(run)
        self.run = None
        self.paused = False
        return ended

    def result_arrived(self, result: Any) -> None:
        self.last_result = result
        self._keep_in_history(result)

    # -- run history --------------------------------------------------------------------
    @property
    def history(self) -> RunHistory:
        """The runs of the current project (a temporary history while it is untitled)."""
        if self.project_path is not None:
            return RunHistory.for_project(self.project_path)
        if self._untitled_history is None:
            # Named now, made by the first run kept: a panel that trains nothing
            # leaves no folder behind.
            root = Path(self._temp_root or tempfile.gettempdir())
            name = f"designer-untitled-runs-{os.getpid()}-{uuid.uuid4().hex[:12]}"
            self._untitled_history = RunHistory(root / name)
        return self._untitled_history

    def set_project_path(self, path: str | Path | None, same_project: bool) -> None:
        """The project now lives at ``path`` (None: untitled).

        Saved under a new name (``same_project``), the project takes its runs
        along: an untitled project's move next to the file, a saved one's are
        copied (the old file keeps its own).  When another project is opened,
        an untitled project's runs are dropped."""
        old_path, untitled = self.project_path, self._untitled_history
        self.project_path = None if path is None else Path(path)
        if self.project_path is None or self.project_path == old_path:
            source = None
        elif untitled is not None:
            source = untitled
        elif same_project and old_path is not None:
            source = RunHistory.for_project(old_path)
        else:
            source = None
        try:
            if same_project and source is not None:
                self.history.adopt(source, copy=source is not untitled)
        except (OSError, RunHistoryError) as error:
            self.history_problem = (
                f"The runs so far could not be kept next to the project: {error}"
            )
        if untitled is not None and (self.project_path is not None or not same_project):
            self._untitled_history = None
            shutil.rmtree(untitled.folder, ignore_errors=True)

    def _keep_in_history(self, result: Any) -> None:
        """Keep a run that trained (its metrics.json written by the training process)."""
        self.last_kept = None
        self.history_problem = None
        request, started = self._request, self._started
        if request is None or started is None or not getattr(result, "epochs", None):
            return
        folder = Path(request.weights_dir)
        try:
            metrics = read_metrics(folder / RUN_METRICS)
            weights = folder / TRAINED_WEIGHTS
            self.last_kept = self.history.add(
                metrics,
                request.settings,
                project=request.project,
                weights=weights if weights.is_file() else None,
                device=str(getattr(result, "device", "")),
                duration_s=time.monotonic() - started[1],
                started=started[0],
            )
        except RunHistoryError as error:
            self.history_problem = f"This run was not kept in the run history: {error}"

    def run_failed(self) -> None:
        """The run could not start (or its process died): no result."""
        self.last_result = None

    # -- run folders ------------------------------------------------------------------------
    def weights_saved(self, path: str | Path) -> None:
        """The run left its weights at ``path``: keep its folder, drop older ones."""
        self.trained_weights = Path(path)
        self._remove_run_dirs(keep=self.trained_weights.parent)

    def _remove_run_dirs(self, keep: Path | None = None) -> None:
        current = self.run_dirs[-1] if self.run is not None and self.run_dirs else None
        for folder in list(self.run_dirs):
            if folder not in (keep, current):
                shutil.rmtree(folder, ignore_errors=True)
                self.run_dirs.remove(folder)

    def remove_temporary_files(self) -> None:
        """Delete the runs' temporary folders (the trained weights go with them)."""
        self.trained_weights = None
        if self._untitled_history is not None:
            shutil.rmtree(self._untitled_history.folder, ignore_errors=True)
            self._untitled_history = None
        for folder in self.run_dirs:
            shutil.rmtree(folder, ignore_errors=True)
        self.run_dirs.clear()

    # -- weights ------------------------------------------------------------------------------
    def can_save_weights(self) -> bool:
        return self.trained_weights is not None and self.run is None

    def save_weights_to(self, path: str | Path) -> Path:
        """Copy the last run's trained weights to ``path`` (atomically); raises
        :class:`WeightsCopyError` with a message for people.

        The run writes safetensors; a ``path`` with another suffix (``.pt``) gets
        the same weights written with torch.save (which imports torch).
        """
        if self.trained_weights is None or not self.trained_weights.is_file():
            raise NoTrainedWeights("There are no trained weights yet: train first.")
        target = Path(path)
        if target.suffix != self.trained_weights.suffix:
            return _convert_weights(self.trained_weights, target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
            os.close(handle)
            try:
                shutil.copyfile(self.trained_weights, temporary)
                os.replace(temporary, target)
            finally:
                if os.path.exists(temporary):
                    os.remove(temporary)
        except OSError as error:
            raise WeightsCopyError(
                f"The weights were not saved: {error.strerror or error}"
            ) from error
        return target

    def use_initial_weights(self, path: str | Path) -> None:
        """Start the next runs from these (checked) weights."""
        self.initial_weights = Path(path)

    def clear_initial_weights(self) -> None:
        self.initial_weights = None

    def forget_weights(self) -> None:
        """Another project was loaded: neither the loaded nor the trained weights fit it."""
        self.initial_weights = None
        self.trained_weights = None
