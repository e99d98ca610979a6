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


def epoch_to_json(metrics: EpochMetrics, classification: bool) -> dict[str, Any]:
    """One epoch as written to metrics.json (the recipe's format, shared with train.py)."""
    from designer.training.recipes.common import epoch_record

    evaluation = {"val_loss": metrics.val_loss, "val_accuracy": metrics.val_accuracy}
    record = epoch_record(
        metrics.epoch,
        {"train_loss": metrics.train_loss},
        {**evaluation, **metrics.extra},
        metrics.seconds,
        metrics.samples_per_sec,
        classification,
    )
    if metrics.grad_norms:
        record["grad_norms"] = {
            name: value if math.isfinite(value) else None
            for name, value in metrics.grad_norms.items()
        }
    return record


def result_to_json(result: RunResult, classification: bool) -> dict[str, Any]:
    """The run as written to metrics.json by ``designer train`` (and by train.py)."""
    from designer.training.recipes.common import run_record

    epochs = [epoch_to_json(m, classification) for m in result.epochs]
    return run_record(epochs, result.status, result.device, result.dataset, result.task)
