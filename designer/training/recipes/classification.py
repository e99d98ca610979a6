"""Classification (of samples or of sequences): one class label per sample."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from designer.training.recipes.common import sum_dtype
from designer.training.recipes.supervised import Loss, forward


def classification_targets(y: np.ndarray) -> torch.Tensor:
    """Class ids as int64."""
    return torch.from_numpy(np.ascontiguousarray(y)).long()


def binary_cross_entropy(outputs: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """BCE on logits: one per class, or a single one for two classes (P(class 1))."""
    if outputs.shape[1] == 1:
        return F.binary_cross_entropy_with_logits(
            outputs[:, 0], labels.to(outputs.dtype)
        )
    one_hot = F.one_hot(labels, outputs.shape[1]).to(outputs.dtype)
    return F.binary_cross_entropy_with_logits(outputs, one_hot)


def classification_loss(name: str) -> Loss:
    """cross_entropy (raw scores), nll (after LogSoftmax) or bce_with_logits."""
    losses = {
        "cross_entropy": F.cross_entropy,
        "nll": F.nll_loss,
        "bce_with_logits": binary_cross_entropy,
    }
    if name not in losses:
        raise ValueError(f"the loss {name!r} does not fit classification")
    return losses[name]


def predict_labels(outputs: torch.Tensor) -> torch.Tensor:
    """The class of each sample: the highest score, or logit > 0 for a single logit."""
    if outputs.shape[1] == 1:
        return (outputs[:, 0] > 0).long()
    return outputs.argmax(dim=1)


def evaluate_classification(
    model: nn.Module,
    loss_fn: Loss,
    batches: Iterable[tuple[torch.Tensor, torch.Tensor]],
    num_classes: int,
    device: torch.device,
    autocast: Any = None,
) -> tuple[dict[str, float], np.ndarray]:
    """Loss and accuracy on validation batches, and the confusion matrix (rows: true)."""
    total_dtype = sum_dtype(device)
    loss_sum = torch.zeros((), device=device, dtype=total_dtype)
    counts = torch.zeros(num_classes * num_classes, device=device, dtype=torch.int64)
    total = 0
    for x, y in batches:
        outputs = forward(model, x, autocast)
        loss_sum += loss_fn(outputs, y).to(total_dtype) * len(y)
        pairs = y * num_classes + predict_labels(outputs)
        counts += torch.bincount(pairs, minlength=num_classes * num_classes)
        total += len(y)
    confusion = counts.view(num_classes, num_classes).cpu().numpy()
    correct = int(np.trace(confusion))
    metrics = {
        "val_loss": float(loss_sum) / max(total, 1),
        "val_accuracy": correct / total if total else None,
    }
    return metrics, confusion
