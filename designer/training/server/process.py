"""The training process: runs the engine away from the window's interpreter.

Training runs in a child process (started with ``spawn``), not in a thread of the
GUI process: the training loop is Python between small torch calls and would
hold the GIL most of the time, and pyqtgraph paints through many Python calls,
so a thread made the window stutter for hundreds of milliseconds.  In its own
process the loop shares nothing with the window; a crash inside torch cannot
take the app down, and closing the window can always end a run in time.

The child is started once and serves run after run (see :func:`serve`).  It
talks to the window through one queue of ``(run id, kind, payload)`` messages
(:mod:`designer.training.messages`, torch-free so that unpickling them does not
load torch in the window) and is steered with two events (stop, pause) that the
window clears before each run.  This module imports neither Qt nor torch at
import time; :mod:`.pool` starts and keeps the processes.

Should the window die without saying goodbye (``kill -9``, a crash), nobody
would ever send the ``None`` that ends this process: it would wait on its
request queue for ever, holding its memory and its run folders.  So a thread
watches the parent (:func:`_exit_with_parent`): within a second of the window's
death it stops the run, removes the run folders it was given and exits.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from designer.graph.translatable import Message
from designer.training.messages import (
    DATASET_NOT_LOADED,
    INTERNAL_ERROR,
    LOADING_DATASET,
    PREPARING_MODEL,
    PROJECT_NOT_READ,
    STOPPED_BEFORE_START,
    TRAINING,
    DatasetSummary,
    RunRequest,
    weights_not_used,
)
from designer.training.start_notes import STARTED_FROM_WEIGHTS

PARENT_CHECK_S = 0.25  # how often the parent's presence is checked
ORPHAN_GRACE_S = 1.5  # how long an orphaned run gets to stop before the process exits
FULL_REPORT_EVERY_S = 1.0  # every probe of the chosen sample, at most this often
MAX_POINTS = 1000  # validation points sent for the decision-boundary scatter
TRAINED_WEIGHTS = "trained.safetensors"
RUN_METRICS = "metrics.json"  # beside the weights, for the run history


def summarise(dataset: Any, settings: dict[str, Any]) -> DatasetSummary:
    x_val = getattr(dataset, "x_val", None)
    points = labels = None
    x = dataset.x
    if (
        x.ndim == 2
        and x.shape[1] == 2
        and dataset.classes is not None
        and x.dtype.kind == "f"
    ):
        from designer.training.engine import split_data

        try:
            _xt, _yt, xv, yv = split_data(
                dataset,
                float(settings.get("val_split", 0.2)),
                int(settings.get("seed", 0)),
            )
        except Exception:  # the run reports data problems itself
            xv = yv = None
        if xv is None:
            xv, yv = dataset.x, dataset.y
        points, labels = xv[:MAX_POINTS].copy(), yv[:MAX_POINTS].copy()
    return DatasetSummary(
        name=str(getattr(dataset, "name", "")),
        task=str(getattr(dataset, "task", "")),
        sample_shape=tuple(getattr(dataset, "sample_shape", ())),
        classes=list(dataset.classes)
        if getattr(dataset, "classes", None) is not None
        else None,
        train_count=len(dataset),
        val_count=0 if x_val is None else int(len(x_val)),
        points=points,
        point_labels=labels,
    )


class _QueueCallbacks:
    """The engine's callbacks, forwarded to the window as queue messages."""

    def __init__(
        self,
        send,
        initial_state: Any,
        weights_name: str,
        probe_sample: int | None = None,
    ) -> None:
        self.send = send
        self.initial_state = initial_state
        self.weights_name = weights_name
        self.weights_problem: Message | None = None
        self.trainer: Any = None
        self.dataset: Any = None
        self.probe_sample = probe_sample  # None: no looking inside during the run
        self.probes: Any = None  # LiveProbes once the run has started
        self.reported_at = 0.0  # when the last full probe report went out
        self.point: tuple[float, float] | None = None  # the point pad's placed point
        self.regions: Any = None  # LiveRegions on 2-D points (the point pad)

    def on_start(self, info: Any) -> None:
        if self.initial_state is not None:
            from designer.training.checkpoints import (
                WeightsError,
                load_state,
                weights_in,
            )

            try:
                load_state(
                    self.trainer.networks,
                    self.initial_state,
                    weights_in(self.weights_name),
                )
            except WeightsError as error:
                self.weights_problem = weights_not_used(error.message)
                self.trainer.stop()
                return
            info.notes.append(STARTED_FROM_WEIGHTS.format(file=self.weights_name))
        self.send("start", info)
        if self.probe_sample is not None:
            from designer.training.probes.live import live_probes

            self._look_inside(
                lambda: live_probes(self.trainer, self.dataset, self.probe_sample)
            )
            if self.probes is not None:
                self._look_inside(self.probes.full_report)
        self._start_regions()

    def _start_regions(self) -> None:
        """On 2-D points, the decision regions the point pad draws (else nothing)."""
        from designer.training.probes.decision_grid import live_regions

        try:
            self.regions = live_regions(self.trainer, self.dataset, self.point)
        except Exception as error:
            self.send("inside", f"The decision regions cannot be drawn: {error}")
            return
        self._send_regions("training", throttled=False)

    def _send_regions(self, weights: str, throttled: bool = True) -> None:
        """The decision regions from the current weights; a failure ends them."""
        if self.regions is None:
            return
        try:
            found = (
                self.regions.maybe_regions()
                if throttled
                else self.regions.regions(weights)
            )
        except Exception as error:
            self.regions = None
            self.send("inside", f"The decision regions stopped: {error}")
            return
        if found is not None:
            self.send("inside", found)

    def _look_inside(self, probe: Any) -> None:
        """Run a probe and send what it found; one that fails ends the probing,
        never the run (the window is told why once)."""
        try:
            found = probe()
        except Exception as error:
            self.probes = None
            self.send("inside", f"Looking inside stopped: {error}")
            return
        if isinstance(found, list):
            if found:
                self.send("inside", found)
        elif found is not None:
            self.probes = found

    def on_step(self, update: Any) -> None:
        self.send("step", update)
        if self.probes is not None:
            self._look_inside(self.probes.maybe_previews)
        self._send_regions("training")

    def on_epoch(self, metrics: Any) -> None:
        self.send("epoch", metrics)
        if self.probes is not None:  # short epochs: at most one full report a second
            last = metrics.epoch == getattr(self.trainer.info, "epochs", 0)
            if last or time.perf_counter() - self.reported_at >= FULL_REPORT_EVERY_S:
                self.reported_at = time.perf_counter()
                self._look_inside(self.probes.full_report)

    def on_predictions(self, snapshot: Any) -> None:
        self.send("predictions", snapshot)  # a designer.training.messages class

    def on_end(self, result: Any) -> None:
        # The result is sent after run() returns, once the weights are saved.
        self._send_regions("trained", throttled=False)  # once after, not throttled


def _watch_controls(
    trainer: Any, stop_event: Any, pause_event: Any, finished: threading.Event
) -> None:
    """Turn the window's stop/pause events into Trainer calls (in the child)."""
    paused = False
    while not finished.is_set():
        if stop_event.is_set():
            trainer.stop()
            return
        wanted = pause_event.is_set()
        if wanted != paused:
            (trainer.pause if wanted else trainer.resume)()
            paused = wanted
        finished.wait(0.02)


class _Served:
    """What the parent watch needs to clean up after a dead window."""

    def __init__(self) -> None:
        self.run_dirs: list[str] = []
        self.idle = threading.Event()  # no run under way
        self.idle.set()


def parent_gone(parent_pid: int) -> bool:
    """Whether the process that started this one has ended (it was re-parented)."""
    return os.getppid() != parent_pid


def _exit_with_parent(parent_pid: int, stop_event: Any, served: _Served) -> None:
    """Wait for the window to die; then stop the run, remove its folders and exit."""
    import multiprocessing
    import multiprocessing.connection

    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    while not parent_gone(parent_pid):
        if sentinel is None:
            time.sleep(PARENT_CHECK_S)
            continue
        try:  # wakes at once when the parent's end of the pipe closes
            if multiprocessing.connection.wait([sentinel], PARENT_CHECK_S):
                sentinel = None  # closed: from now on only the polling
        except (OSError, ValueError):
            sentinel = None
    stop_event.set()
    served.idle.wait(ORPHAN_GRACE_S)
    from designer.training.run_controller import RUN_DIR_PREFIX

    for folder in served.run_dirs:  # only the temporary ones: a kept run stays kept
        if os.path.basename(folder).startswith(RUN_DIR_PREFIX):
            shutil.rmtree(folder, ignore_errors=True)
    os._exit(0)  # noqa: SLF001 - nobody is left to hear from us; skip the queue threads


def watch_parent(parent_pid: int | None, stop_event: Any, served: _Served) -> None:
    """Start the thread that ends this process when ``parent_pid`` dies."""
    if parent_pid is None:
        return
    threading.Thread(
        target=_exit_with_parent,
        args=(parent_pid, stop_event, served),
        name="designer-parent-watch",
        daemon=True,
    ).start()


def serve(
    requests: Any,
    messages: Any,
    stop_event: Any,
    pause_event: Any,
    info: Any = None,
    parent_pid: int | None = None,
) -> None:
    """Entry point of the training process: run requests one after another.

    The process is started once and kept, so only the first run pays for
    importing torch (the window itself never imports it).  ``info`` receives the
    list of devices once torch is loaded.  Every message is tagged with its run's id, so the window
    can ignore stragglers from a run it gave up on.  ``None`` ends the process, and
    so does the death of ``parent_pid`` (the window).
    """
    served = _Served()
    watch_parent(parent_pid, stop_event, served)
    import designer.training.engine  # noqa: F401 - warm up while the user is still choosing

    if info is not None:  # the devices present, for the window's device selector
        from designer.training.devices import available_devices

        try:
            info.put([(device.id, device.label) for device in available_devices()])
        except Exception as error:  # a broken driver: the window keeps "CPU"
            info.put(f"the devices could not be listed: {error}")
    while True:
        item = requests.get()
        if item is None:
            break
        run_id, request = item
        served.idle.clear()
        served.run_dirs.append(str(request.weights_dir))
        try:
            run_training(run_id, request, messages, stop_event, pause_event)
        finally:
            served.idle.set()
        _release_memory()
    messages.close()
    messages.join_thread()


def _release_memory() -> None:
    import gc

    gc.collect()
    import torch

    if torch.cuda.is_available() and torch.cuda.is_initialized():
        torch.cuda.empty_cache()


def run_training(
    run_id: int, request: RunRequest, messages: Any, stop_event: Any, pause_event: Any
) -> None:
    """One run; every outcome ends with a ``done`` message."""

    def send(kind: str, payload: Any = None) -> None:
        messages.put((run_id, kind, payload))

    try:
        _run(request, send, stop_event, pause_event)
    except Exception as error:  # anything here is a bug or an import problem
        detail = traceback.format_exception_only(type(error), error)[-1].strip()
        send("failed", INTERNAL_ERROR.format(detail))
    finally:
        send("done")


def memory_message(project: Any, dataset: Any, settings: Any) -> Message:
    """The memory pre-flight in one line for the settings form ("about X of Y …"),
    as a message the window words in its language."""
    from designer.training.devices import DeviceError, device_label, resolve_device
    from designer.training.memory import check_memory
    from designer.training.memory_texts import batch_on_device, memory_summary_message

    try:
        device = resolve_device(settings.device)
    except DeviceError as error:
        return Message.plain(str(error))
    check = check_memory(project, dataset, settings, device)
    if check.estimate is None:
        return Message.plain(" ".join(check.warnings))
    summary = memory_summary_message(check.estimate, check.available)
    return batch_on_device(check.estimate.batch_size, device_label(device), summary)


def memory_text(project: Any, dataset: Any, settings: Any) -> str:
    """:func:`memory_message` in English."""
    return memory_message(project, dataset, settings).english()


def _probe_drawn(request: RunRequest, send) -> None:
    """Not a run: the drawing pad's input through the trained networks."""
    from designer.training.probes.live import probe_drawn

    if not request.initial_weights:
        send("inside", "Train the network first: the drawing pad uses its weights.")
        return
    try:
        reports = probe_drawn(
            request.project,
            request.initial_weights,
            request.extra["probe_input"],
            request.extra.get("classes"),
        )
    except Exception as error:  # weights that do not fit, a drawing of the wrong size
        send("inside", f"The drawing could not be looked at: {error}")
        return
    send("inside", reports)


_POINT_DATA: dict[str, Any] = {}  # the point pad's last dataset, by its spec


def _probe_point(request: RunRequest, send) -> None:
    """Not a run: the point pad's regions and point, through the trained weights
    (or, before training, freshly initialised ones)."""
    from designer.training.datasets import load_dataset
    from designer.training.probes.decision_grid import probe_point

    point = request.extra.get("point")
    key = repr(request.dataset_spec)
    try:
        if key not in _POINT_DATA:
            _POINT_DATA.clear()
            _POINT_DATA[key] = load_dataset(request.dataset_spec)
        regions, reports = probe_point(
            request.project,
            _POINT_DATA[key],
            request.initial_weights,
            None if point is None else (float(point[0]), float(point[1])),
            int(request.settings.get("seed", 0)),
        )
    except Exception as error:  # data that is not 2-D, weights that do not fit
        send("inside", f"The point pad cannot show this model: {error}")
        return
    send("inside", regions)
    if reports:
        send("inside", reports)


def _run(request: RunRequest, send, stop_event: Any, pause_event: Any) -> None:
    if request.extra.get("probe_input") is not None:
        _probe_drawn(request, send)
        return
    if request.extra.get("point_probe"):
        _probe_point(request, send)
        return
    send("status", LOADING_DATASET)
    from designer.training.datasets import DatasetError, load_dataset

    try:
        dataset = load_dataset(request.dataset_spec)
    except (DatasetError, OSError, ValueError) as error:
        send("failed", DATASET_NOT_LOADED.format(error))
        return
    send("status", PREPARING_MODEL)
    from designer.graph.project_file import ProjectFileError, project_from_dict
    from designer.shapes.problems import listed_message
    from designer.training.checkpoints import WeightsError, read_weights, save_weights
    from designer.training.engine import Trainer
    from designer.training.run_end_texts import SETTINGS_HAVE_PROBLEMS
    from designer.training.settings import SettingsError, TrainingSettings

    send("dataset", summarise(dataset, request.settings))
    if stop_event.is_set():
        send("failed", STOPPED_BEFORE_START)
        return
    try:
        project = project_from_dict(request.project)
    except ProjectFileError as error:
        send("failed", PROJECT_NOT_READ.format(error))
        return
    try:
        settings = TrainingSettings.from_dict(request.settings)
    except SettingsError as error:
        headline = Message(SETTINGS_HAVE_PROBLEMS)
        send("failed", listed_message(headline, error.messages))
        return
    if request.extra.get("memory_only"):  # the settings form's pre-flight, no run
        send("memory", memory_message(project, dataset, settings))
        return
    initial_state = None
    weights_name = Path(request.initial_weights).name if request.initial_weights else ""
    if request.initial_weights:
        try:
            initial_state = read_weights(request.initial_weights)
        except WeightsError as error:
            send("failed", weights_not_used(error.message))
            return
    from designer.training.recipes.speed import use_threads

    # One core stays with the window so that it keeps painting while this trains;
    # the run's device label ("CPU (3 threads)") says how many it took.
    use_threads(reserve=1)
    probe_sample = request.extra.get("probe_sample", 0)
    callbacks = _QueueCallbacks(
        send,
        initial_state,
        weights_name,
        None if probe_sample is None else int(probe_sample),
    )
    callbacks.dataset = dataset
    point = request.extra.get("regions_point")
    callbacks.point = None if point is None else (float(point[0]), float(point[1]))
    trainer = Trainer(
        project,
        dataset,
        settings,
        callbacks=callbacks,
        step_interval_s=request.step_interval_s,
    )
    callbacks.trainer = trainer
    finished = threading.Event()
    watcher = threading.Thread(
        target=_watch_controls,
        args=(trainer, stop_event, pause_event, finished),
        daemon=True,
    )
    watcher.start()
    send("status", TRAINING)
    try:
        result = trainer.run()
    finally:
        finished.set()
    if callbacks.weights_problem is not None:
        send("failed", callbacks.weights_problem)
        return
    if result.epochs:
        _write_metrics(result, settings.task, Path(request.weights_dir) / RUN_METRICS)
    if result.epochs and trainer.networks:
        try:
            save_weights(trainer.networks, Path(request.weights_dir) / TRAINED_WEIGHTS)
        except WeightsError as error:
            result.message += f" (The trained weights could not be kept: {error})"
        else:
            send("weights", str(Path(request.weights_dir) / TRAINED_WEIGHTS))
    send("end", result)


def _write_metrics(result: Any, task: str, path: Path) -> None:
    """The run's metrics.json, as ``designer train`` writes it (the run history keeps it)."""
    import json

    from designer.graph.safe_files import atomic_write_text
    from designer.training.datasets.dataset import CLASSIFICATION_TASKS
    from designer.training.metrics import result_to_json

    record = result_to_json(result, task in CLASSIFICATION_TASKS)
    try:
        atomic_write_text(path, json.dumps(record, indent=2) + "\n")
    except OSError as error:
        result.message += (
            f" (The run's metrics could not be kept: {error.strerror or error})"
        )
