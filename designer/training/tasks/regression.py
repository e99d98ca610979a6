"""Regression: numeric targets with the same shape as the network's output."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from designer.graph.model import Project
from designer.graph.shape import format_shape
from designer.training.settings import TrainingSettings
from designer.training.tasks.base import (
    EvalResult,
    NetworkInfo,
    PredictionSnapshot,
    SupervisedTask,
)

SNAPSHOT_SAMPLES = 16
LOSSES: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "mse": F.mse_loss,
    "l1": F.l1_loss,
    "huber": F.huber_loss,
    "bce_with_logits": F.binary_cross_entropy_with_logits,
}


class RegressionTask(SupervisedTask):
    name = "regression"

    def check(self, project: Project, infos: dict[str, NetworkInfo], dataset: Any, settings: TrainingSettings) -> list[str]:
        problems = super().check(project, infos, dataset, settings)
        if problems:
            return problems
        network = infos[project.networks[0].name]
        shape = network.output_shapes[0][1:]
        target = tuple(int(d) for d in dataset.y.shape[1:]) or (1,)
        fits = len(shape) == len(target) and all(not isinstance(a, int) or a == b for a, b in zip(shape, target, strict=True))
        if not fits:
            problems.append(
                f"the output of {network.name!r} has shape {format_shape(('N', *shape))}, but the targets of "
                f"{dataset.name!r} have shape {format_shape(('N', *target))}; make the last layer produce that shape"
            )
        if np.issubdtype(dataset.y.dtype, np.integer) and dataset.classes:
            problems.append(f"the dataset {dataset.name!r} has class labels; pick the classification task for it")
        return problems

    def make_loss(self, name: str) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
        try:
            return LOSSES[name]
        except KeyError:
            raise ValueError(f"the loss {name!r} does not fit regression") from None

    def prepare_targets(self, y: torch.Tensor) -> torch.Tensor:
        y = y.float()
        return y.unsqueeze(1) if y.dim() == 1 else y

    def evaluate(self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]) -> EvalResult:
        device = self.context.device
        loss_sum = torch.zeros((), device=device, dtype=torch.float64)
        abs_sum = torch.zeros((), device=device, dtype=torch.float64)
        total = 0
        values = 0
        for x, y in batches:
            outputs = self.forward(x).float()
            loss_sum += self.loss_fn(outputs, y).double() * len(y)
            abs_sum += (outputs - y).abs().sum().double()
            total += len(y)
            values += y.numel()
        return EvalResult(loss=float(loss_sum) / max(total, 1), extra={"mae": float(abs_sum) / max(values, 1)})

    def snapshot(self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor) -> PredictionSnapshot | None:
        x = x[:SNAPSHOT_SAMPLES]
        return PredictionSnapshot(
            epoch=epoch,
            x=x.cpu().numpy(),
            y_true=y[:SNAPSHOT_SAMPLES].cpu().numpy(),
            y_pred=self.forward(x).float().cpu().numpy(),
        )
