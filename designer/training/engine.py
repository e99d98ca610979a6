"""The training engine: a plain loop with callbacks, no Qt.

The model is built from the graph by :func:`designer.codegen.build.build_networks`,
the same path as export, so the trained module is exactly the exported one.

Speed, by design:

* data that fits in device memory is moved there once and batched by indexing
  with a permutation; no DataLoader, no per-batch copies;
* the loss is accumulated on the device and read back only every
  ``step_interval_s`` seconds and at the end of each epoch, never per step
  (a ``.item()`` per step stalls a GPU);
* validation, callbacks and checkpoints run between epochs and are not counted
  in samples/s.

:meth:`Trainer.run` never raises for run-time problems: a NaN loss, running out
of GPU memory, a shape error inside the model or a bad dataset end the run with
``RunResult(status="failed", message=...)``.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch
from torch import nn

from designer.codegen.build import build_networks
from designer.graph.model import Project
from designer.graph.translatable import Message
from designer.shapes.problems import listed_message
from designer.training.callbacks import TrainingCallbacks
from designer.training.checkpoints import WEIGHTS_SUFFIX, WeightsError, save_weights
from designer.training.devices import DeviceError, device_label, resolve_device
from designer.training.engine_parts import (
    TrainingData,
    TrainingError,
    analyse_project,
    apply_fast_mode,
    current_lr,
    describe_failure,
    fits_on_device,
    make_optimizer,
    make_schedulers,
    place_data,
    predict,
    predict_classes,
    split_data,
    sum_losses,
)
from designer.training.memory import MemoryCheck, check_memory
from designer.training.metrics import EpochMetrics, RunInfo, RunResult, StepUpdate
from designer.training.probes.gradients import OptimizerGradients, node_names
from designer.training.recipes.common import steps_per_epoch, validation_batches
from designer.training.run_end_texts import (
    DATA_DOES_NOT_FIT,
    NO_DATASET,
    SETTINGS_HAVE_PROBLEMS,
    early_stopped_message,
    failure_message,
    finished_message,
    non_finite_loss,
    stopped_message,
)
from designer.training.settings import SettingsError, TrainingSettings
from designer.training.start_notes import (
    DATA_NOT_ON_GPU,
    MIXED_PRECISION_OFF_CUDA,
    ONE_NETWORK_TRAINED,
)
from designer.training.tasks.base import (
    PredictionSnapshot,
    Task,
    TaskContext,
)
from designer.training.tasks.registry import create_task

__all__ = [
    "EpochMetrics",
    "PredictionSnapshot",
    "RunInfo",
    "RunResult",
    "StepUpdate",
    "Trainer",
    "TrainingCallbacks",
    "TrainingError",
    "current_lr",
    "describe_failure",
    "fits_on_device",
    "make_optimizer",
    "make_schedulers",
    "split_data",
    "predict",
    "predict_classes",
]

SMOOTHING = 0.8


class _NonFiniteLoss(Exception):
    def __init__(self, value: float, epoch: int, step: int) -> None:
        super().__init__(value)
        self.value, self.epoch, self.step = value, epoch, step


class Trainer:
    """Trains a project's networks on a dataset; :meth:`run` blocks in the calling thread.

    ``dataset`` and ``settings`` default to the project's (``project.dataset`` is
    loaded with the datasets package, ``project.training`` read with
    :meth:`TrainingSettings.from_dict`).  :meth:`stop`, :meth:`pause` and
    :meth:`resume` may be called from any thread.
    """

    def __init__(
        self,
        project: Project,
        dataset: Any = None,
        settings: TrainingSettings | None = None,
        callbacks: TrainingCallbacks | None = None,
        checkpoint_dir: str | Path | None = None,
        step_interval_s: float = 0.05,
        limit: int = 0,
    ) -> None:
        self.project = project
        self.dataset = dataset
        self.settings = settings
        self.callbacks = callbacks or TrainingCallbacks()
        self.checkpoint_dir = (
            Path(checkpoint_dir) if checkpoint_dir is not None else None
        )
        self.step_interval_s = step_interval_s
        self.limit = (
            limit  # > 0: only the first N samples of each split (a quick check)
        )
        self.networks: dict[str, nn.Module] = {}
        self.built: dict[
            str, Any
        ] = {}  # BuiltNetwork per name: module + generated code
        self.task: Task | None = None
        self.result: RunResult | None = None
        self.info: RunInfo | None = None
        self._stop = threading.Event()
        self._paused = threading.Event()
        self._wake = threading.Event()
        self._wake.set()
        self._epochs: list[EpochMetrics] = []
        self._device_name = ""
        self.check_memory = (
            True  # the memory pre-flight; `designer train --no-memory-check` skips it
        )
        self._memory: MemoryCheck | None = None
        self._gradients: OptimizerGradients | None = None  # per-layer gradient flow

    # -- control from other threads -------------------------------------------
    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def pause(self) -> None:
        self._paused.set()
        self._wake.clear()

    def resume(self) -> None:
        self._paused.clear()
        self._wake.set()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    # -- the run --------------------------------------------------------------
    def run(self) -> RunResult:
        """Train; returns how the run ended (never raises for problems of the run)."""
        self._epochs, self._gradients = [], None
        try:
            result = self._run()
        except TrainingError as error:
            result = self._result("failed", error.message)
        except _NonFiniteLoss as error:
            result = self._result("failed", self._non_finite_message(error))
        except Exception as error:  # the app must survive whatever the model does
            result = self._result(
                "failed", failure_message(error, self.settings, self._memory)
            )
        if self._gradients is not None:
            self._gradients.remove()
        if result.status == "failed" and self._device_name.startswith("cuda"):
            with contextlib.suppress(Exception):
                torch.cuda.empty_cache()  # give the memory of a failed run back for the next one
        self.result = result
        with contextlib.suppress(Exception):
            self.callbacks.on_end(result)
        return result

    def _result(self, status: str, message: str | Message) -> RunResult:
        val_losses = [
            (m.val_loss, m.epoch)
            for m in self._epochs
            if m.val_loss is not None and math.isfinite(m.val_loss)
        ]
        accuracies = [
            m.val_accuracy for m in self._epochs if m.val_accuracy is not None
        ]
        best = min(val_losses) if val_losses else None
        dataset = (
            self.dataset.name
            if self.dataset is not None and hasattr(self.dataset, "name")
            else ""
        )
        return RunResult(
            status=status,
            epochs=list(self._epochs),
            best_val_accuracy=max(accuracies) if accuracies else None,
            best_val_loss=best[0] if best else None,
            message=str(message),
            text=message if isinstance(message, Message) else None,
            device=self._device_name,
            dataset=dataset,
            task=self.settings.task if self.settings else "",
            best_epoch=best[1] if best else None,
        )

    def _non_finite_message(self, error: _NonFiniteLoss) -> Message:
        settings = self.settings or TrainingSettings()
        return non_finite_loss(
            math.isnan(error.value),
            error.epoch,
            error.step,
            settings.lr,
            settings.grad_clip,
        )

    def _run(self) -> RunResult:
        settings = self._settings()
        device = self._device(settings)
        dataset = self._load_dataset()
        infos = analyse_project(self.project)
        task = create_task(settings.task)
        problems = task.check(self.project, infos, dataset, settings)
        if problems:
            headline = Message(DATA_DOES_NOT_FIT)
            raise TrainingError(
                listed_message(headline, [*map(Message.plain, problems)])
            )
        self.task = task
        if (
            self.check_memory
        ):  # before building anything: a model too big is refused with numbers
            self._memory = check_memory(self.project, dataset, settings, device)
            if self._memory.problem_messages:
                raise TrainingError(self._memory.problem_messages[0])

        torch.manual_seed(settings.seed)
        built = build_networks(
            self.project, {name: info.shapes for name, info in infos.items()}
        )
        self.networks = {
            name: network.module.to(device) for name, network in built.items()
        }
        self.built = built
        data = place_data(task, infos, dataset, settings, device, self.limit)
        settings, fast = apply_fast_mode(settings, device, self.networks, data)
        notes = [*fast.notes, *(self._memory.warnings if self._memory else [])]
        mixed = settings.mixed_precision and device.type == "cuda"
        if settings.mixed_precision and not mixed:
            notes.append(MIXED_PRECISION_OFF_CUDA)
        trained_names = task.trained_networks(self.project)
        if len(trained_names) == 1 and len(self.networks) > 1:
            notes.append(ONE_NETWORK_TRAINED.format(name=repr(trained_names[0])))
        if not data.on_device:
            notes.append(DATA_NOT_ON_GPU)

        def autocast() -> contextlib.AbstractContextManager[Any]:
            return (
                torch.autocast("cuda", dtype=torch.bfloat16)
                if mixed
                else contextlib.nullcontext()
            )

        task.setup(
            TaskContext(
                networks=self.networks,
                infos={name: infos[name] for name in trained_names},
                settings=settings,
                device=device,
                classes=list(dataset.classes) if dataset.classes is not None else None,
                autocast=autocast,
                make_optimizer=lambda params: make_optimizer(
                    params, settings, fast.fused
                ),
                project=self.project,
                mixed_precision=mixed,
            )
        )
        optimizers = task.configure_optimizers()
        names = node_names(self.project, built)
        self._gradients = OptimizerGradients(optimizers, self.networks, names)
        notes += task.notes()
        batch = min(settings.batch_size, data.num_train)
        steps = steps_per_epoch(data.num_train, batch)
        schedulers, per_step = make_schedulers(optimizers, settings, steps)
        info = RunInfo(
            device=str(device),
            device_label=device_label(device),
            num_train=data.num_train,
            num_val=data.num_val,
            steps_per_epoch=steps,
            epochs=settings.epochs,
            classes=list(dataset.classes) if dataset.classes is not None else None,
            task=settings.task,
            data_on_device=data.on_device,
            notes=notes,
        )
        self.info = info
        self.callbacks.on_start(info)
        return self._loop(
            task, data, settings, device, optimizers, schedulers, per_step, batch, steps
        )

    # -- preparation ------------------------------------------------------------
    def _settings(self) -> TrainingSettings:
        try:
            if self.settings is None:
                self.settings = TrainingSettings.from_dict(self.project.training)
            else:
                self.settings.validate()
        except SettingsError as error:
            headline = Message(SETTINGS_HAVE_PROBLEMS)
            raise TrainingError(listed_message(headline, error.messages)) from None
        return self.settings

    def _device(self, settings: TrainingSettings) -> torch.device:
        try:
            device = resolve_device(settings.device)
        except DeviceError as error:
            raise TrainingError(str(error)) from None
        self._device_name = str(device)
        return device

    def _load_dataset(self) -> Any:
        if self.dataset is not None:
            return self.dataset
        spec = self.project.dataset or {}
        if not spec.get("name"):
            raise TrainingError(Message(NO_DATASET))
        from designer.training.datasets import DatasetError, load_dataset

        try:
            self.dataset = load_dataset(spec)
        except DatasetError as error:
            raise TrainingError(str(error)) from None
        return self.dataset

    # -- the loop ---------------------------------------------------------------
    def _loop(
        self,
        task: Task,
        data: TrainingData,
        settings: TrainingSettings,
        device: torch.device,
        optimizers: list[torch.optim.Optimizer],
        schedulers: list[Any],
        per_step: bool,
        batch: int,
        steps: int,
    ) -> RunResult:
        generator = torch.Generator().manual_seed(settings.seed)
        epochs = settings.epochs
        total_steps = epochs * steps
        interval = self.step_interval_s
        callbacks = self.callbacks
        on_step = callbacks.on_step
        wants_predictions = getattr(type(callbacks), "on_predictions", None) not in (
            None,
            TrainingCallbacks.on_predictions,
        )
        stop, paused = self._stop, self._paused
        modules = task.modules()
        copy_batches = not data.on_device
        x_train, y_train, n = data.x_train, data.y_train, data.num_train
        best_monitor = math.inf
        epochs_without_improvement = 0
        run_start = time.perf_counter()
        run_paused = 0.0
        smoothed: float | None = None
        global_step = 0
        train_step = task.train_step

        for epoch in range(1, epochs + 1):
            for module in modules:
                module.train()
            epoch_start = time.perf_counter()
            epoch_paused = 0.0
            permutation = torch.randperm(n, generator=generator)
            if not copy_batches:
                permutation = permutation.to(device)
            # Step losses stay on the device: appending to a list costs no kernel launch
            # per step, and one stack+sum reads them.  The epoch's mean is summed from
            # the whole list at its end, so it does not depend on when progress was read.
            pending: list[torch.Tensor] = []
            read_step = 0
            last_update = epoch_start
            for step in range(steps):
                index = permutation[step * batch : (step + 1) * batch]
                if copy_batches:
                    xb = x_train[index].to(device, non_blocking=True)
                    yb = y_train[index].to(device, non_blocking=True)
                else:
                    xb, yb = x_train[index], y_train[index]
                pending.append(train_step(xb, yb))
                if per_step:
                    for scheduler in schedulers:
                        scheduler.step()
                if paused.is_set():
                    waited = self._wait_while_paused()
                    epoch_paused += waited
                    run_paused += waited
                if stop.is_set():
                    return self._result("stopped", stopped_message(self._epochs))
                now = time.perf_counter()
                if now - last_update >= interval:
                    done = step + 1
                    mean = sum_losses(pending[read_step:]) / (done - read_step)
                    if not math.isfinite(mean):
                        raise _NonFiniteLoss(mean, epoch, done)
                    read_step, last_update = done, now
                    smoothed = (
                        mean
                        if smoothed is None
                        else SMOOTHING * smoothed + (1 - SMOOTHING) * mean
                    )
                    global_done = global_step + done
                    active = now - run_start - run_paused
                    on_step(
                        StepUpdate(
                            epoch=epoch,
                            step=done,
                            steps_per_epoch=steps,
                            global_step=global_done,
                            total_steps=total_steps,
                            loss=mean,
                            smoothed_loss=smoothed,
                            lr=current_lr(optimizers),
                            samples_per_sec=min(done * batch, n)
                            / max(now - epoch_start - epoch_paused, 1e-9),
                            eta_seconds=active
                            / global_done
                            * (total_steps - global_done),
                            epoch_fraction=done / steps,
                            run_fraction=global_done / total_steps,
                        )
                    )
            train_loss = sum_losses(pending) / steps  # waits for the device
            terms = task.epoch_terms()
            train_seconds = time.perf_counter() - epoch_start - epoch_paused
            global_step += steps
            if not math.isfinite(train_loss):
                raise _NonFiniteLoss(train_loss, epoch, steps)
            if not per_step:
                for scheduler in schedulers:
                    scheduler.step()

            evaluation = self._evaluate(task, data, batch, device, modules)
            if evaluation is not None and not math.isfinite(evaluation.loss):
                raise _NonFiniteLoss(evaluation.loss, epoch, steps)
            seconds = time.perf_counter() - epoch_start - epoch_paused
            flow = self._gradients.epoch_flow(epoch) if self._gradients else None
            metrics = EpochMetrics(
                epoch=epoch,
                train_loss=train_loss,
                val_loss=evaluation.loss if evaluation else None,
                val_accuracy=evaluation.accuracy if evaluation else None,
                seconds=seconds,
                samples_per_sec=min(steps * batch, n) / max(train_seconds, 1e-9),
                lr=current_lr(optimizers),
                confusion=evaluation.confusion if evaluation else None,
                per_class_accuracy=evaluation.per_class_accuracy
                if evaluation
                else None,
                extra={**terms, **(evaluation.extra if evaluation else {})},
                train_seconds=train_seconds,
                grad_norms=flow.grad_norms if flow else {},
                update_ratios=flow.update_ratios if flow else {},
            )
            self._epochs.append(metrics)
            callbacks.on_epoch(metrics)
            if wants_predictions:
                self._send_predictions(task, data, epoch, modules)

            monitor = metrics.val_loss if metrics.val_loss is not None else train_loss
            improved = monitor < best_monitor
            if improved:
                best_monitor = monitor
                epochs_without_improvement = 0
            else:
                epochs_without_improvement += 1
            self._save_checkpoints(improved)
            if stop.is_set():
                return self._result("stopped", stopped_message(self._epochs))
            if (
                settings.early_stopping
                and epochs_without_improvement >= settings.early_stopping
                and epoch < epochs
            ):
                on_validation = metrics.val_loss is not None
                waited = epochs_without_improvement
                return self._result(
                    "early_stopped",
                    early_stopped_message(epoch, on_validation, waited, self._epochs),
                )
        return self._result("finished", finished_message(self._epochs))

    def _wait_while_paused(self) -> float:
        start = time.perf_counter()
        while self._paused.is_set() and not self._stop.is_set():
            self._wake.wait(0.1)
        return time.perf_counter() - start

    def _evaluate(
        self,
        task: Task,
        data: TrainingData,
        batch: int,
        device: torch.device,
        modules: list[nn.Module],
    ) -> Any:
        if data.x_val is None or data.num_val == 0:
            return None
        x_val, y_val = data.x_val, data.y_val
        assert y_val is not None
        copy = not data.on_device

        def batches() -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
            for xb, yb in validation_batches(x_val, y_val, batch):
                yield (xb.to(device), yb.to(device)) if copy else (xb, yb)

        for module in modules:
            module.eval()
        try:
            with torch.no_grad():
                return task.evaluate(batches())
        finally:
            for module in modules:
                module.train()

    def _send_predictions(
        self, task: Task, data: TrainingData, epoch: int, modules: list[nn.Module]
    ) -> None:
        x, y = (
            (data.x_val, data.y_val) if data.num_val else (data.x_train, data.y_train)
        )
        assert x is not None and y is not None
        device = self._device_name
        for module in modules:
            module.eval()
        try:
            with torch.no_grad():
                snapshot = task.snapshot(
                    epoch, x[:64].to(device), y[:64].to(device), data.x_train
                )
        finally:
            for module in modules:
                module.train()
        if snapshot is not None:
            self.callbacks.on_predictions(snapshot)

    def _save_checkpoints(self, improved: bool) -> None:
        if self.checkpoint_dir is None:
            return
        try:
            save_weights(self.networks, self.checkpoint_dir / f"last{WEIGHTS_SUFFIX}")
            if improved:
                save_weights(
                    self.networks, self.checkpoint_dir / f"best{WEIGHTS_SUFFIX}"
                )
        except WeightsError as error:
            raise TrainingError(f"Could not save a checkpoint: {error}") from None
