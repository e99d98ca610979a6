"""Regression: numeric targets with the same shape as the network's output."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import torch
import torch.nn.functional as F

from designer.training.tasks.base import (
    EvalResult,
    PredictionSnapshot,
    SupervisedTask,
    sum_dtype,
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

    def make_loss(
        self, name: str
    ) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
        try:
            loss = LOSSES[name]
        except KeyError:
            raise ValueError(f"the loss {name!r} does not fit regression") from None

        def shaped_loss(outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
            # (N, 1) against (N,), or (N, 1, 1) against (N, 1): same values, so compare them as such
            return loss(outputs.reshape(targets.shape), targets)

        return shaped_loss

    def prepare_targets(self, y: torch.Tensor) -> torch.Tensor:
        y = y.float()
        return y.unsqueeze(1) if y.dim() == 1 else y

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult:
        device = self.context.device
        total_dtype = sum_dtype(device)
        loss_sum = torch.zeros((), device=device, dtype=total_dtype)
        abs_sum = torch.zeros((), device=device, dtype=total_dtype)
        total = 0
        values = 0
        for x, y in batches:
            outputs = self.forward(x).float()
            loss_sum += self.loss_fn(outputs, y).to(total_dtype) * len(y)
            abs_sum += (outputs.reshape(y.shape) - y).abs().sum().to(total_dtype)
            total += len(y)
            values += y.numel()
        return EvalResult(
            loss=float(loss_sum) / max(total, 1),
            extra={"mae": float(abs_sum) / max(values, 1)},
        )

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
