"""GANs: a generator (noise -> sample) and a discriminator (sample -> logit), in turns.

Every batch of real samples gives one discriminator step (real samples
labelled ``real_label``, 1 minus the label smoothing; generated ones 0) and
then one generator step with the non-saturating loss (generated samples
labelled 1).  The noise comes from torch's global random stream.  Under
torchrun both networks train through DistributedDataParallel (see gan_step).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn

from designer.training.recipes.common import optimizer_step, sum_dtype, world_size

GAN_TERMS = ("train_loss", "d_loss", "g_loss", "d_real", "d_fake")


def noise(
    count: int, noise_shape: tuple[int, ...], device: torch.device
) -> torch.Tensor:
    """A batch of generator inputs drawn from N(0, I)."""
    return torch.randn((count, *noise_shape), device=device)


def noise_share(
    count: int, noise_shape: tuple[int, ...], device: torch.device
) -> torch.Tensor:
    """This process's ``count`` generator inputs, out of one batch drawn for all processes.

    Every process draws the whole batch, so that their random streams stay
    alike (one checkpoint's random state resumes them all), and keeps its own
    part, so that each generates different samples.  In one process: the batch.
    """
    processes = world_size()
    batch = noise(count * processes, noise_shape, device)
    if processes == 1:
        return batch
    first = dist.get_rank() * count
    return batch[first : first + count]


def network_itself(module: nn.Module) -> nn.Module:
    """The network inside a DistributedDataParallel wrapper (else ``module``)."""
    if isinstance(module, nn.parallel.DistributedDataParallel):
        return module.module
    return module


def discriminate(
    discriminator: nn.Module, samples: torch.Tensor, autocast: Any = None
) -> torch.Tensor:
    """One logit per sample, as float32."""
    if autocast is None:
        return discriminator(samples).float().reshape(len(samples))
    with autocast():
        return discriminator(samples).float().reshape(len(samples))


def generate(
    generator: nn.Module, z: torch.Tensor, autocast: Any = None
) -> torch.Tensor:
    """Samples made from the noise ``z``."""
    if autocast is None:
        return generator(z)
    with autocast():
        return generator(z)


def discriminator_loss(
    real_logits: torch.Tensor, fake_logits: torch.Tensor, real_label: float
) -> torch.Tensor:
    """Real samples should be called real (``real_label``), generated ones fake (0)."""
    real = F.binary_cross_entropy_with_logits(
        real_logits, torch.full_like(real_logits, real_label)
    )
    fake = F.binary_cross_entropy_with_logits(
        fake_logits, torch.zeros_like(fake_logits)
    )
    return real + fake


def gan_step(
    generator: nn.Module,
    discriminator: nn.Module,
    g_optimizer: torch.optim.Optimizer,
    d_optimizer: torch.optim.Optimizer,
    x: torch.Tensor,
    noise_shape: tuple[int, ...],
    real_label: float = 1.0,
    clip: float = 0.0,
    autocast: Any = None,
) -> tuple[torch.Tensor, ...]:
    """A discriminator step, then a generator step, on one batch of real samples.

    Returns (d_loss + g_loss, d_loss, g_loss, D(x), D(G(z))), the last two the
    discriminator's mean probability that a real / generated sample is real.

    Under torchrun ``generator`` and ``discriminator`` are DistributedDataParallel
    wrappers.  A wrapper averages the network's gradients over the processes in
    the backward pass after a forward pass through it, and before that forward
    pass copies the first process's buffers (BatchNorm's running statistics) to
    the others.  So each network goes through its wrapper once per update: the
    discriminator for the real samples; its pass on the generated ones goes
    through the network itself (the one backward pass of d_loss carries the
    gradients of both passes, and no buffers are copied in between), and so does its
    pass in the generator update, whose gradients for it are neither averaged
    nor used.  In one process the wrappers are the networks themselves.
    """
    fake = generate(generator, noise_share(len(x), noise_shape, x.device), autocast)
    discriminator_itself = network_itself(discriminator)

    # Discriminator: real samples are real, generated ones fake.
    real_logits = discriminate(discriminator, x, autocast)
    fake_logits = discriminate(discriminator_itself, fake.detach(), autocast)
    d_loss = discriminator_loss(real_logits, fake_logits, real_label)
    optimizer_step(d_optimizer, d_loss, discriminator.parameters(), clip)

    # Generator: make the discriminator call the generated samples real.
    fooled_logits = discriminate(discriminator_itself, fake, autocast)
    g_loss = F.binary_cross_entropy_with_logits(
        fooled_logits, torch.ones_like(fooled_logits)
    )
    optimizer_step(g_optimizer, g_loss, generator.parameters(), clip)

    d_loss, g_loss = d_loss.detach(), g_loss.detach()
    d_real = torch.sigmoid(real_logits.detach()).mean()
    d_fake = torch.sigmoid(fake_logits.detach()).mean()
    return d_loss + g_loss, d_loss, g_loss, d_real, d_fake


def evaluate_gan(
    generator: nn.Module,
    discriminator: nn.Module,
    batches: Iterable[tuple[torch.Tensor, Any]],
    noise_shape: tuple[int, ...],
    real_label: float,
    device: torch.device,
    autocast: Any = None,
) -> dict[str, float] | None:
    """The discriminator on held-out real samples and fresh generated ones."""
    sums = torch.zeros(3, device=device, dtype=sum_dtype(device))
    total = 0
    for x, _y in batches:
        real = discriminate(discriminator, x, autocast)
        made = generate(generator, noise(len(x), noise_shape, device), autocast)
        fake = discriminate(discriminator, made, autocast)
        d_loss = discriminator_loss(real, fake, real_label)
        terms = [d_loss, torch.sigmoid(real).mean(), torch.sigmoid(fake).mean()]
        sums += torch.stack(terms).to(sums.dtype) * len(x)
        total += len(x)
    if not total:
        return None
    d_loss, d_real, d_fake = (sums / total).tolist()
    return {"val_loss": d_loss, "val_d_real": d_real, "val_d_fake": d_fake}
