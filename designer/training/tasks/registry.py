"""Which training tasks exist, described without importing torch.

A task decides which networks train, how their loss is computed and which
metrics are reported (see :class:`designer.training.tasks.base.Task`).  Adding a
task is one :class:`TaskInfo` here plus one module with the task class; the
settings form and the validation of ``training.loss`` read this table.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TaskInfo:
    """What the settings form and the validator need to know about a task."""

    name: str
    title: str
    losses: tuple[str, ...]
    default_loss: str
    factory: str  # "module:Class", imported only when a run starts
    description: str = ""


_TASKS: dict[str, TaskInfo] = {}


def register_task(info: TaskInfo) -> TaskInfo:
    _TASKS[info.name] = info
    return info


def task_names() -> tuple[str, ...]:
    return tuple(_TASKS)


def get_task_info(name: str) -> TaskInfo:
    try:
        return _TASKS[name]
    except KeyError:
        known = ", ".join(_TASKS)
        raise KeyError(f"unknown task {name!r}; known tasks: {known}") from None


def create_task(name: str) -> Any:
    """A fresh task object (imports torch through the task module)."""
    module_name, _, class_name = get_task_info(name).factory.partition(":")
    return getattr(importlib.import_module(module_name), class_name)()


register_task(
    TaskInfo(
        name="classification",
        title="Classification",
        losses=("cross_entropy", "nll", "bce_with_logits"),
        default_loss="cross_entropy",
        factory="designer.training.tasks.classification:ClassificationTask",
        description="One class label per sample; reports accuracy, per-class accuracy and a confusion matrix.",
    )
)
register_task(
    TaskInfo(
        name="regression",
        title="Regression",
        losses=("mse", "l1", "huber", "bce_with_logits"),
        default_loss="mse",
        factory="designer.training.tasks.regression:RegressionTask",
        description="Numeric targets; reports the loss and the mean absolute error.",
    )
)
register_task(
    TaskInfo(
        name="forecast",
        title="Sequence forecasting",
        losses=("mse", "l1", "huber"),
        default_loss="mse",
        factory="designer.training.tasks.forecast:ForecastTask",
        description="Predict the next values of a sequence from a window of past ones; reports the error "
        "against repeating the last value, and plots forecasts against the truth.",
    )
)
register_task(
    TaskInfo(
        name="sequence_classification",
        title="Sequence classification",
        losses=("cross_entropy", "nll", "bce_with_logits"),
        default_loss="cross_entropy",
        factory="designer.training.tasks.sequence_classification:SequenceClassificationTask",
        description="One class label per sequence (e.g. of token ids); reports accuracy and a confusion matrix.",
    )
)
register_task(
    TaskInfo(
        name="reconstruction",
        title="Reconstruction (autoencoder)",
        losses=("mse", "l1", "huber", "bce", "bce_with_logits"),
        default_loss="mse",
        factory="designer.training.tasks.reconstruction:ReconstructionTask",
        description="The target is the input itself; shows originals beside their reconstructions.",
    )
)
register_task(
    TaskInfo(
        name="vae",
        title="Variational autoencoder",
        losses=("bce", "mse"),
        default_loss="bce",
        factory="designer.training.tasks.vae:VAETask",
        description="Outputs reconstruction, mu and logvar; loss = reconstruction + β·KL. Shows reconstructions "
        "and digits decoded from random codes.",
    )
)
register_task(
    TaskInfo(
        name="gan",
        title="GAN (generator and discriminator)",
        losses=("bce_with_logits",),
        default_loss="bce_with_logits",
        factory="designer.training.tasks.gan:GANTask",
        description="Two networks named generator and discriminator, trained in turns; shows samples "
        "generated from a fixed batch of noise.",
    )
)
