"""The engine's building blocks: data split, optimizers and schedules from settings,
failure messages, and predictions for the UI and for users.

Split from :mod:`designer.training.engine` (which re-exports them) to keep the
loop's module short; the arithmetic itself is the recipes' (:mod:`.recipes.common`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn

from designer.codegen.module import generate_project
from designer.graph.model import Project
from designer.graph.translatable import Message
from designer.shapes.infer import GraphShapes, infer_shapes
from designer.shapes.problems import describe, listed
from designer.training.memory import (
    DEVICE_DATA_SHARE,
    MemoryCheck,
)
from designer.training.recipes.common import (
    make_optimizer as recipe_optimizer,
)
from designer.training.recipes.common import (
    make_scheduler,
    split_validation,
    steps_per_batch,
)
from designer.training.recipes.speed import FastMode, fast_inputs, fast_mode
from designer.training.run_end_texts import failure_message
from designer.training.settings import TrainingSettings
from designer.training.tasks.base import NetworkInfo, Task


class TrainingError(Exception):
    """A run cannot start or cannot go on; the message is written for people
    (``message``: the same as a :class:`Message` the window translates)."""

    def __init__(self, message: str | Message) -> None:
        self.message = (
            message if isinstance(message, Message) else Message.plain(message)
        )
        super().__init__(self.message.english())


# -- building blocks ------------------------------------------------------------------
def split_data(
    dataset: Any, val_split: float, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Training and validation arrays: the dataset's own validation part, else a seeded random split."""
    x, y = dataset.x, dataset.y
    if len(x) != len(y):
        raise TrainingError(
            f"the dataset {dataset.name!r} has {len(x)} samples but {len(y)} targets"
        )
    if (
        getattr(dataset, "x_val", None) is not None
        and getattr(dataset, "y_val", None) is not None
    ):
        return x, y, dataset.x_val, dataset.y_val
    x_train, y_train, x_val, y_val = split_validation(x, y, val_split, seed)
    if len(x_train) < 1:
        raise TrainingError(
            f"the dataset {dataset.name!r} has too few samples ({len(x)}) to train on"
        )
    return x_train, y_train, x_val, y_val


def sum_losses(pending: list[torch.Tensor]) -> float:
    """The sum of the step losses (one device sync), and forget them."""
    if not pending:
        return 0.0
    total = float(torch.stack(pending).float().sum())  # float32: MPS has no float64
    pending.clear()
    return total


def fits_on_device(size_bytes: int, device: torch.device) -> bool:
    """Whether the whole dataset should live on the device for the run."""
    if device.type != "cuda":
        return True
    try:
        free, _total = torch.cuda.mem_get_info(device)
    except Exception:
        return False
    return size_bytes <= DEVICE_DATA_SHARE * free


def make_optimizer(
    params: Any, settings: TrainingSettings, fused: bool = False
) -> torch.optim.Optimizer:
    """The settings' optimizer (:func:`designer.training.recipes.common.make_optimizer`)."""
    try:
        return recipe_optimizer(
            params,
            settings.optimizer,
            settings.lr,
            settings.weight_decay,
            settings.momentum,
            settings.nesterov,
            fused,
        )
    except ValueError as error:
        raise TrainingError(str(error)) from None


def make_schedulers(
    optimizers: list[torch.optim.Optimizer],
    settings: TrainingSettings,
    steps_per_epoch: int,
) -> tuple[list[Any], bool]:
    """One scheduler per optimizer, and whether they step per batch (else per epoch)."""
    try:
        made = [
            make_scheduler(
                optimizer,
                settings.schedule,
                settings.epochs,
                steps_per_epoch,
                settings.step_size,
                settings.gamma,
            )
            for optimizer in optimizers
        ]
    except ValueError as error:
        raise TrainingError(str(error)) from None
    schedulers = [scheduler for scheduler in made if scheduler is not None]
    return schedulers, bool(schedulers) and steps_per_batch(settings.schedule)


def current_lr(optimizers: list[torch.optim.Optimizer]) -> float:
    return float(optimizers[0].param_groups[0]["lr"]) if optimizers else 0.0


def describe_failure(
    error: BaseException,
    settings: TrainingSettings | None,
    memory: MemoryCheck | None = None,
) -> str:
    """:func:`~designer.training.run_end_texts.failure_message` in English."""
    return failure_message(error, settings, memory).english()


# -- predictions for the UI and for users -----------------------------------------
def predict(
    model: nn.Module, x: np.ndarray | torch.Tensor, batch_size: int = 1024
) -> np.ndarray:
    """The model's outputs for ``x`` (in eval mode, without gradients), as a numpy array."""
    parameter = next(model.parameters(), None)
    device = parameter.device if parameter is not None else torch.device("cpu")
    inputs = torch.as_tensor(x)
    if inputs.is_floating_point():
        inputs = inputs.float()
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            parts = [
                model(inputs[i : i + batch_size].to(device)).float().cpu()
                for i in range(0, len(inputs), batch_size)
            ]
    finally:
        model.train(was_training)
    return torch.cat(parts).numpy() if parts else np.zeros((0,), dtype=np.float32)


def predict_classes(
    model: nn.Module, x: np.ndarray | torch.Tensor, batch_size: int = 1024
) -> np.ndarray:
    """Predicted class ids: the highest score, or for a single output a positive logit."""
    outputs = predict(model, x, batch_size)
    if outputs.ndim == 2 and outputs.shape[1] == 1:
        return (outputs[:, 0] > 0).astype(np.int64)
    return outputs.argmax(axis=1)


def analyse_project(project: Project) -> dict[str, NetworkInfo]:
    """Each network's code and shapes; TrainingError listing the graph's problems."""
    problems: list[str] = []
    analysed: dict[str, GraphShapes] = {}
    for graph in project.networks:
        shapes = infer_shapes(graph)
        analysed[graph.name] = shapes
        several = len(project.networks) > 1
        problems += [
            describe(problem, graph, with_network=several) for problem in shapes.errors
        ]
    if problems:
        raise TrainingError(
            listed("The model has problems, so it cannot be trained", problems)
        )

    _source, codes = generate_project(project, analysed)
    infos = {}
    for graph, code in zip(project.networks, codes, strict=True):
        shapes = analysed[graph.name]
        infos[graph.name] = NetworkInfo(
            graph.name, code, shapes, shapes.output_shapes()
        )
    return infos


@dataclass
class TrainingData:
    """Training and validation tensors, on the device when they fit."""

    x_train: torch.Tensor
    y_train: torch.Tensor
    x_val: torch.Tensor | None
    y_val: torch.Tensor | None
    on_device: bool

    @property
    def num_train(self) -> int:
        return int(self.x_train.shape[0])

    @property
    def num_val(self) -> int:
        return 0 if self.x_val is None else int(self.x_val.shape[0])


def place_data(
    task: Task,
    infos: dict[str, NetworkInfo],
    dataset: Any,
    settings: TrainingSettings,
    device: torch.device,
    limit: int = 0,
) -> TrainingData:
    """The split (limited to ``limit`` samples each, when > 0) as tensors, on the device when they fit."""
    x_train, y_train, x_val, y_val = split_data(
        dataset, settings.val_split, settings.seed
    )
    if limit > 0:
        x_train, y_train = x_train[:limit], y_train[:limit]
        if x_val is not None and y_val is not None:
            x_val, y_val = x_val[:limit], y_val[:limit]
    dtype = task.input_dtype(infos)

    def tensor(array: np.ndarray | None, targets: bool) -> torch.Tensor | None:
        if array is None:
            return None
        value = torch.from_numpy(np.ascontiguousarray(array))
        return task.prepare_targets(value) if targets else value.to(dtype)

    tensors = [
        tensor(x_train, False),
        tensor(y_train, True),
        tensor(x_val, False),
        tensor(y_val, True),
    ]
    size = sum(t.numel() * t.element_size() for t in tensors if t is not None)
    on_device = fits_on_device(size, device)
    if on_device:
        tensors = [t.to(device) if t is not None else None for t in tensors]
    return TrainingData(*tensors, on_device=on_device)  # type: ignore[arg-type]


def apply_fast_mode(
    settings: TrainingSettings,
    device: torch.device,
    networks: dict[str, nn.Module],
    data: TrainingData,
) -> tuple[TrainingSettings, FastMode]:
    """Fast mode (:func:`~designer.training.recipes.speed.fast_mode`) for a run.

    Returns the settings the run trains with (batch, learning rate, bf16) and the
    plan, whose notes say what was skipped and why; the networks and the data
    are changed in place (channels_last, compiled forward).
    """
    plan = fast_mode(
        settings.fast,
        device,
        list(networks.values()),
        settings.batch_size,
        settings.lr,
        settings.optimizer,
        data.num_train,
    )
    if not settings.fast:
        return settings, plan
    if data.on_device:
        data.x_train = fast_inputs(data.x_train, plan)
        if data.x_val is not None:
            data.x_val = fast_inputs(data.x_val, plan)
    changed = settings.replace(
        batch_size=plan.batch_size,
        lr=plan.lr,
        mixed_precision=settings.mixed_precision or plan.bf16,
    )
    return changed, plan
