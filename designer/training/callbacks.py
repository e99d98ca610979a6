"""What a training run tells its caller: one hook per event, each a no-op here.

The window's training process, ``designer train`` and the tests subclass it; the
engine (:mod:`designer.training.engine`) calls the hooks between steps and epochs.
"""

from __future__ import annotations

from designer.training.metrics import EpochMetrics, RunInfo, RunResult, StepUpdate
from designer.training.tasks.base import PredictionSnapshot


class TrainingCallbacks:
    """Override what you need; every method is called in the training thread."""

    def on_start(self, info: RunInfo) -> None:
        pass

    def on_step(self, update: StepUpdate) -> None:
        pass

    def on_epoch(self, metrics: EpochMetrics) -> None:
        pass

    def on_predictions(self, snapshot: PredictionSnapshot) -> None:
        pass

    def on_end(self, result: RunResult) -> None:
        pass
