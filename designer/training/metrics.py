"""What a run reports: at the start, every few steps, after each epoch and at the end.

Plain dataclasses (numpy arrays at most), so the UI thread can keep them.
"""

from __future__ import annotations

import math
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


def _number(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def epoch_to_json(metrics: EpochMetrics, classification: bool) -> dict[str, Any]:
    """One epoch as written to metrics.json (JSON has no NaN: non-finite numbers become null)."""
    data: dict[str, Any] = {
        "epoch": metrics.epoch,
        "train_loss": _number(metrics.train_loss),
        "val_loss": _number(metrics.val_loss),
    }
    if classification:
        data["val_accuracy"] = _number(metrics.val_accuracy)
    for name, value in metrics.extra.items():  # named loss terms and task metrics
        data.setdefault(name, _number(value))
    data["seconds"] = round(metrics.seconds, 4)
    data["samples_per_sec"] = round(metrics.samples_per_sec, 1)
    return data


def result_to_json(result: RunResult, classification: bool) -> dict[str, Any]:
    """The run as written to metrics.json by ``designer train``."""
    return {
        "device": result.device,
        "dataset": result.dataset,
        "task": result.task,
        "status": result.status,
        "epochs": [epoch_to_json(m, classification) for m in result.epochs],
        "best_val_accuracy": _number(result.best_val_accuracy),
        "best_val_loss": _number(result.best_val_loss),
    }
