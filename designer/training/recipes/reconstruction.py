"""Reconstruction (autoencoders): the target is the input itself."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from designer.training.recipes.common import sum_dtype
from designer.training.recipes.supervised import Loss, forward


def reconstruction_loss(name: str) -> Loss:
    """mse, l1, huber, bce (after a Sigmoid) or bce_with_logits, against the input."""
    losses = {
        "mse": F.mse_loss,
        "l1": F.l1_loss,
        "huber": F.huber_loss,
        "bce": F.binary_cross_entropy,
        "bce_with_logits": F.binary_cross_entropy_with_logits,
    }
    if name not in losses:
        raise ValueError(f"the loss {name!r} does not fit reconstruction")
    loss = losses[name]

    def compare(outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
        return loss(outputs.float().reshape(targets.shape), targets.float())

    return compare


def reconstructed(outputs: torch.Tensor, loss_name: str) -> torch.Tensor:
    """The outputs as values comparable to the input (logits go through a sigmoid)."""
    outputs = outputs.float()
    return torch.sigmoid(outputs) if loss_name == "bce_with_logits" else outputs


def evaluate_reconstruction(
    model: nn.Module,
    loss_fn: Loss,
    loss_name: str,
    batches: Iterable[tuple[torch.Tensor, Any]],
    device: torch.device,
    autocast: Any = None,
) -> dict[str, float]:
    """Loss and mse on validation batches, and baseline_mse: the error of the mean sample."""
    total_dtype = sum_dtype(device)
    sums = torch.zeros(2, device=device, dtype=total_dtype)
    value_sum = square_sum = None
    total = values = 0
    for x, _y in batches:
        outputs = forward(model, x, autocast)
        error = reconstructed(outputs, loss_name).reshape(x.shape) - x.float()
        sums += torch.stack(
            [
                loss_fn(outputs, x).to(total_dtype) * len(x),
                error.pow(2).sum().to(total_dtype),
            ]
        )
        flat = x.detach().to(total_dtype).reshape(len(x), -1)
        value_sum = flat.sum(dim=0) + (0 if value_sum is None else value_sum)
        square_sum = flat.pow(2).sum(dim=0) + (0 if square_sum is None else square_sum)
        total += len(x)
        values += x.numel()
    loss_sum, squared = sums.tolist()
    metrics = {"val_loss": loss_sum / max(total, 1), "mse": squared / max(values, 1)}
    if total:
        mean = value_sum / total
        variance = square_sum / total - mean.pow(2)
        metrics["baseline_mse"] = float(variance.clamp_min(0).mean())
    return metrics
