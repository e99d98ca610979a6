"""What a run reports: at the start, every few steps, after each epoch and at the end.

The reports are plain dataclasses defined in :mod:`designer.training.messages`
(re-exported here); this module writes them as JSON.
"""

from __future__ import annotations

import math
from typing import Any

from designer.training.messages import EpochMetrics, RunInfo, RunResult, StepUpdate

__all__ = [
    "EpochMetrics",
    "RunInfo",
    "RunResult",
    "StepUpdate",
    "epoch_to_json",
    "result_to_json",
]


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
