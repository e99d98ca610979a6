"""Sequence forecasting: from a window of past values, predict the next one(s).

Validation reports the loss, ``val_mse``, ``mae`` and ``baseline_mse``: the
error of the naive forecast that repeats the window's last value.  A model that
does not beat that baseline has learnt nothing about the sequence.

Preview for the UI (``PredictionSnapshot.previews``)::

    "forecast": {"history": (k, L) the input windows (their first feature),
                 "truth": (k, H) the values that came next,
                 "prediction": (k, H) the model's forecast}
"""

from __future__ import annotations

from collections.abc import Iterable

import torch

from designer.training.tasks.base import EvalResult, PredictionSnapshot
from designer.training.tasks.regression import RegressionTask

PREVIEW_SAMPLES = 6


def last_value_forecast(x: torch.Tensor, targets: torch.Tensor) -> torch.Tensor | None:
    """The naive forecast: each window's last value, repeated for every target value.

    ``x`` is (N, L) or (N, L, F); the targets (N, …) are H values per sample.
    One feature is repeated H times; F features predict F targets one to one.
    None when the shapes allow neither reading.
    """
    if not x.is_floating_point() or x.dim() not in (2, 3):
        return None
    last = x[:, -1:] if x.dim() == 2 else x[:, -1, :]
    width = targets[0].numel() if len(targets) else 0
    if last.shape[1] == 1:
        return last.float().expand(len(x), width).reshape(targets.shape)
    if last.shape[1] == width:
        return last.float().reshape(targets.shape)
    return None


def history_of(x: torch.Tensor) -> torch.Tensor:
    """The windows as (k, L): the first feature of each step."""
    return x[:, :, 0] if x.dim() == 3 else x.reshape(len(x), -1)


class ForecastTask(RegressionTask):
    name = "forecast"

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult:
        device = self.context.device
        loss_sum = torch.zeros((), device=device, dtype=torch.float64)
        squared = torch.zeros((), device=device, dtype=torch.float64)
        absolute = torch.zeros((), device=device, dtype=torch.float64)
        baseline = torch.zeros((), device=device, dtype=torch.float64)
        has_baseline = True
        total = values = 0
        for x, y in batches:
            outputs = self.forward(x).float().reshape(y.shape)
            loss_sum += self.loss_fn(outputs, y).to(self.sum_dtype) * len(y)
            squared += (outputs - y).pow(2).sum().to(self.sum_dtype)
            absolute += (outputs - y).abs().sum().to(self.sum_dtype)
            naive = last_value_forecast(x, y)
            if naive is None:
                has_baseline = False
            else:
                baseline += (naive - y).pow(2).sum().to(self.sum_dtype)
            total += len(y)
            values += y.numel()
        values = max(values, 1)
        extra = {"val_mse": float(squared) / values, "mae": float(absolute) / values}
        if has_baseline and total:
            extra["baseline_mse"] = float(baseline) / values
        return EvalResult(loss=float(loss_sum) / max(total, 1), extra=extra)

    def snapshot(
        self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor
    ) -> PredictionSnapshot | None:
        x, y = x[:PREVIEW_SAMPLES], y[:PREVIEW_SAMPLES]
        prediction = self.forward(x).float()
        count = len(x)
        preview = {
            "history": history_of(x).float().cpu().numpy(),
            "truth": y.reshape(count, -1).float().cpu().numpy(),
            "prediction": prediction.reshape(count, -1).cpu().numpy(),
        }
        return PredictionSnapshot(
            epoch=epoch,
            x=x.cpu().numpy(),
            y_true=y.cpu().numpy(),
            y_pred=prediction.reshape(y.shape).cpu().numpy(),
            previews={"forecast": preview},
        )
