"""Regression: numeric targets with the same shape as the network's output."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import torch

from designer.training.recipes.regression import evaluate_regression, regression_loss
from designer.training.tasks.base import (
    EvalResult,
    PredictionSnapshot,
    SupervisedTask,
)

SNAPSHOT_SAMPLES = 16


class RegressionTask(SupervisedTask):
    name = "regression"

    def make_loss(
        self, name: str
    ) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
        return regression_loss(name)

    #: The recipe's evaluation (forecasting adds its own metrics).
    evaluator = staticmethod(evaluate_regression)

    def prepare_targets(self, y: torch.Tensor) -> torch.Tensor:
        y = y.float()
        return y.unsqueeze(1) if y.dim() == 1 else y

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult:
        metrics = self.evaluator(
            self.model,
            self.loss_fn,
            batches,
            self.context.device,
            self.recipe_autocast,
        )
        return EvalResult(loss=metrics.pop("val_loss"), extra=metrics)

    def snapshot(
        self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor
    ) -> PredictionSnapshot | None:
        x = x[:SNAPSHOT_SAMPLES]
        return PredictionSnapshot(
            epoch=epoch,
            x=x.cpu().numpy(),
            y_true=y[:SNAPSHOT_SAMPLES].cpu().numpy(),
            y_pred=self.forward(x).float().cpu().numpy(),
        )
