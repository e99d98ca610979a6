"""What a run reports: at the start, every few steps, after each epoch and at the end.

Plain dataclasses (numpy arrays at most), so the UI thread can keep them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class RunInfo:
    """Sent once, when the data is on the device and the first step is about to run."""

    device: str  # "cpu", "cuda:0", "mps"
    device_label: str  # "CPU (2 threads)", "CUDA: NVIDIA H100 80GB HBM3"
    num_train: int
    num_val: int
    steps_per_epoch: int
    epochs: int
    classes: list[str] | None
    task: str
    data_on_device: bool = True  # False: batches are copied to the device one by one
    notes: list[str] = field(default_factory=list)  # things worth telling the user


@dataclass
class StepUpdate:
    """Progress inside an epoch, sent at most every ``step_interval_s`` seconds."""

    epoch: int  # 1-based
    step: int  # steps done in this epoch
    steps_per_epoch: int
    global_step: int
    total_steps: int
    loss: float  # mean training loss since the previous update
    smoothed_loss: float  # exponential moving average of ``loss``
    lr: float
    samples_per_sec: float  # training samples over training time in this epoch
    eta_seconds: float  # estimated time left in the run
    epoch_fraction: float
    run_fraction: float


@dataclass
class EpochMetrics:
    epoch: int  # 1-based
    train_loss: float  # mean of the step losses over the epoch
    val_loss: float | None  # None when there is no validation data
    val_accuracy: float | None  # classification only
    seconds: float  # the whole epoch, validation included
    samples_per_sec: float  # training samples over training time (validation excluded)
    lr: float  # at the end of the epoch
    confusion: np.ndarray | None = None  # rows: true class, columns: predicted class
    per_class_accuracy: list[float] | None = (
        None  # nan for a class absent from validation
    )
    extra: dict[str, float] = field(default_factory=dict)  # named loss terms, MAE, …
    train_seconds: float = 0.0  # training steps only


@dataclass
class RunResult:
    status: str  # "finished" | "stopped" | "early_stopped" | "failed"
    epochs: list[EpochMetrics]
    best_val_accuracy: float | None
    best_val_loss: float | None
    message: str  # for people: what happened, and for failures what to do
    device: str = ""
    dataset: str = ""
    task: str = ""
    best_epoch: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def epoch_to_json(metrics: EpochMetrics, classification: bool) -> dict[str, Any]:
    """One epoch as written to metrics.json (the recipe's format, shared with train.py)."""
    from designer.training.recipes.common import epoch_record

    evaluation = {"val_loss": metrics.val_loss, "val_accuracy": metrics.val_accuracy}
    return epoch_record(
        metrics.epoch,
        {"train_loss": metrics.train_loss},
        {**evaluation, **metrics.extra},
        metrics.seconds,
        metrics.samples_per_sec,
        classification,
    )


def result_to_json(result: RunResult, classification: bool) -> dict[str, Any]:
    """The run as written to metrics.json by ``designer train`` (and by train.py)."""
    from designer.training.recipes.common import run_record

    epochs = [epoch_to_json(m, classification) for m in result.epochs]
    return run_record(epochs, result.status, result.device, result.dataset, result.task)
