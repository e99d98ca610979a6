"""Variational autoencoders: loss = reconstruction error + beta * KL divergence.

The network gives three outputs: the reconstruction, mu and logvar (found by
the Output names ``mu`` and ``logvar``, else in that order).  Both terms are
per sample: the reconstruction error summed over a sample's values, the KL
divergence of N(mu, exp(logvar)) from N(0, I) summed over the code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from designer.training.recipes.common import optimizer_step, sum_dtype

VAE_TERMS = ("train_loss", "train_reconstruction", "train_kl")


def output_roles(output_names: list[str]) -> tuple[int, int, int]:
    """Indices of the reconstruction, mu and logvar among a network's three outputs."""
    lowered = [name.strip().lower() for name in output_names]
    if "mu" in lowered and "logvar" in lowered and len(lowered) == 3:
        mu, logvar = lowered.index("mu"), lowered.index("logvar")
        (reconstruction,) = {0, 1, 2} - {mu, logvar}
        return reconstruction, mu, logvar
    return 0, 1, 2


def kl_divergence(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    """KL(N(mu, exp(logvar)) || N(0, I)), summed over the code, averaged over the batch."""
    mu, logvar = mu.float(), logvar.float()
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / len(mu)


def reconstruction_error(
    loss_name: str, reconstruction: torch.Tensor, x: torch.Tensor
) -> torch.Tensor:
    """Summed over each sample's values (bce or squared error), averaged over the batch."""
    recon = reconstruction.float().reshape(x.shape)
    if loss_name == "bce":
        return F.binary_cross_entropy(recon, x.float(), reduction="sum") / len(x)
    return F.mse_loss(recon, x.float(), reduction="sum") / len(x)


def vae_terms(
    model: nn.Module,
    x: torch.Tensor,
    roles: tuple[int, int, int],
    loss_name: str,
    autocast: Any = None,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The reconstruction (as the network gives it), its error and the KL divergence."""
    if autocast is None:
        outputs = model(x)
    else:
        with autocast():
            outputs = model(x)
    recon, mu, logvar = (outputs[k] for k in roles)
    return recon, reconstruction_error(loss_name, recon, x), kl_divergence(mu, logvar)


def vae_step(
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    x: torch.Tensor,
    roles: tuple[int, int, int],
    loss_name: str,
    beta: float,
    parameters: list,
    clip: float = 0.0,
    autocast: Any = None,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """One optimizer step on a batch; returns the loss, the reconstruction error and KL."""
    _recon, error, kl = vae_terms(model, x, roles, loss_name, autocast)
    loss = error + beta * kl if beta != 1.0 else error + kl
    optimizer_step(optimizer, loss, parameters, clip)
    return loss.detach(), error.detach(), kl.detach()


def evaluate_vae(
    model: nn.Module,
    batches: Iterable[tuple[torch.Tensor, Any]],
    roles: tuple[int, int, int],
    loss_name: str,
    beta: float,
    device: torch.device,
    autocast: Any = None,
) -> dict[str, float]:
    """The loss terms on validation batches, and neg_elbo (reconstruction + KL)."""
    sums = torch.zeros(2, device=device, dtype=sum_dtype(device))
    total = 0
    for x, _y in batches:
        _recon, error, kl = vae_terms(model, x, roles, loss_name, autocast)
        sums += torch.stack([error, kl]).to(sums.dtype) * len(x)
        total += len(x)
    error, kl = (sums / max(total, 1)).tolist()
    return {
        "val_loss": error + beta * kl,
        "reconstruction": error,
        "kl": kl,
        "neg_elbo": error + kl,
    }
