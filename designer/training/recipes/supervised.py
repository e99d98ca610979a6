"""One network learns y = f(x): the batch step shared by every supervised task."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
from torch import nn

from designer.training.recipes.common import optimizer_step

Loss = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def forward(model: nn.Module, x: torch.Tensor, autocast: Any = None) -> Any:
    """The model's outputs for ``x``, inside ``autocast()`` when there is one."""
    if autocast is None:
        return model(x)
    with autocast():
        return model(x)


def supervised_step(
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    loss_fn: Loss,
    x: torch.Tensor,
    y: torch.Tensor,
    parameters: list,
    clip: float = 0.0,
    autocast: Any = None,
) -> tuple[torch.Tensor]:
    """One optimizer step on a batch; returns the detached loss."""
    loss = loss_fn(forward(model, x, autocast), y)
    optimizer_step(optimizer, loss, parameters, clip)
    return (loss.detach(),)
