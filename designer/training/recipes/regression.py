"""Regression and forecasting: numeric targets, as many values per sample as outputs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from designer.training.recipes.common import sum_dtype
from designer.training.recipes.supervised import Loss, forward


def regression_targets(y: np.ndarray) -> torch.Tensor:
    """Targets as float32, one row per sample (N×1 for single values)."""
    y = torch.from_numpy(np.ascontiguousarray(y)).float()
    return y.unsqueeze(1) if y.dim() == 1 else y


def regression_loss(name: str) -> Loss:
    """mse, l1, huber or bce_with_logits, comparing outputs reshaped like the targets."""
    losses = {
        "mse": F.mse_loss,
        "l1": F.l1_loss,
        "huber": F.huber_loss,
        "bce_with_logits": F.binary_cross_entropy_with_logits,
    }
    if name not in losses:
        raise ValueError(f"the loss {name!r} does not fit regression")
    loss = losses[name]

    def shaped_loss(outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        # (N, 1) against (N,), or (N, 1, 1) against (N, 1): same values, compared as such
        return loss(outputs.reshape(targets.shape), targets)

    return shaped_loss


def evaluate_regression(
    model: nn.Module,
    loss_fn: Loss,
    batches: Iterable[tuple[torch.Tensor, torch.Tensor]],
    device: torch.device,
    autocast: Any = None,
) -> dict[str, float]:
    """Loss and mean absolute error on validation batches."""
    total_dtype = sum_dtype(device)
    loss_sum = torch.zeros((), device=device, dtype=total_dtype)
    abs_sum = torch.zeros((), device=device, dtype=total_dtype)
    total = values = 0
    for x, y in batches:
        outputs = forward(model, x, autocast).float()
        loss_sum += loss_fn(outputs, y).to(total_dtype) * len(y)
        abs_sum += (outputs.reshape(y.shape) - y).abs().sum().to(total_dtype)
        total += len(y)
        values += y.numel()
    return {
        "val_loss": float(loss_sum) / max(total, 1),
        "mae": float(abs_sum) / max(values, 1),
    }


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


def evaluate_forecast(
    model: nn.Module,
    loss_fn: Loss,
    batches: Iterable[tuple[torch.Tensor, torch.Tensor]],
    device: torch.device,
    autocast: Any = None,
) -> dict[str, float]:
    """Loss, mse and mae, and baseline_mse: the error of repeating the last value."""
    total_dtype = sum_dtype(device)
    sums = torch.zeros(4, device=device, dtype=total_dtype)
    has_baseline = True
    total = values = 0
    for x, y in batches:
        outputs = forward(model, x, autocast).float().reshape(y.shape)
        naive = last_value_forecast(x, y)
        has_baseline = has_baseline and naive is not None
        baseline = (naive - y).pow(2).sum() if naive is not None else y.new_zeros(())
        sums += torch.stack(
            [
                loss_fn(outputs, y) * len(y),
                (outputs - y).pow(2).sum(),
                (outputs - y).abs().sum(),
                baseline,
            ]
        ).to(total_dtype)
        total += len(y)
        values += y.numel()
    loss_sum, squared, absolute, naive_sum = sums.tolist()
    values = max(values, 1)
    metrics = {
        "val_loss": loss_sum / max(total, 1),
        "val_mse": squared / values,
        "mae": absolute / values,
    }
    if has_baseline and total:
        metrics["baseline_mse"] = naive_sum / values
    return metrics
