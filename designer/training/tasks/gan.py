"""GANs: a generator (noise → sample) and a discriminator (sample → logit), trained in turns.

The project holds two networks named ``generator`` and ``discriminator``.  The
noise's shape is the generator's Input shape.  Every batch of real samples
gives one discriminator step (real samples labelled 1 − ``label_smoothing``,
generated ones 0) and then one generator step with the non-saturating loss
(generated samples labelled 1), as in the exported ``train.py``.  The loss the
engine sees is the sum of the two.

Reported per epoch (``EpochMetrics.extra``), as means over the epoch's steps:
``d_loss``, ``g_loss``, ``d_real`` (the discriminator's mean probability that a
real sample is real, D(x)) and ``d_fake`` (the same for generated samples,
D(G(z))).  With a validation split there is also ``val_d_real`` and
``val_d_fake``; a GAN needs none (``val_split`` 0).

Preview for the UI (``PredictionSnapshot.previews``), when samples are images::

    "samples": {"images": (m, C, H, W) in [0, 1], "title": str}   # from a fixed noise batch
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from designer.graph.model import Project
from designer.graph.shape import Shape, format_shape
from designer.training.settings import TrainingSettings
from designer.training.tasks.base import (
    EvalResult,
    NetworkInfo,
    PredictionSnapshot,
    Task,
)
from designer.training.tasks.reconstruction import as_images, untouched_randomness

ROLES = ("generator", "discriminator")
SAMPLE_COUNT = 64


def network_roles(project: Project) -> dict[str, str] | None:
    """{"generator": name, "discriminator": name} from the networks' names, or None."""
    by_role = {graph.name.strip().lower(): graph.name for graph in project.networks}
    if not all(role in by_role for role in ROLES):
        return None
    return {role: by_role[role] for role in ROLES}


def _size(shape: Shape) -> int | None:
    total = 1
    for dim in shape[1:]:
        if not isinstance(dim, int):
            return None
        total *= dim
    return total


def _fits(made: Shape, wanted: Shape) -> bool:
    return len(made) == len(wanted) and all(
        not isinstance(w, int) or m == w
        for m, w in zip(made[1:], wanted[1:], strict=True)
    )


class GANTask(Task):
    name = "gan"

    # -- before the run ----------------------------------------------------
    def trained_networks(self, project: Project) -> list[str]:
        roles = network_roles(project)
        return (
            [roles[role] for role in ROLES]
            if roles
            else super().trained_networks(project)
        )

    def check(
        self,
        project: Project,
        infos: dict[str, NetworkInfo],
        dataset: Any,
        settings: TrainingSettings,
    ) -> list[str]:
        from designer.training.datasets import check_compatibility

        roles = network_roles(project)
        if roles is None:
            names = ", ".join(repr(graph.name) for graph in project.networks)
            return [
                "the gan task needs two networks named 'generator' and 'discriminator' (one canvas tab each); "
                f"this project has {names}"
            ]
        generator, discriminator = (
            infos[roles["generator"]],
            infos[roles["discriminator"]],
        )
        problems = []
        for network in (generator, discriminator):
            if len(network.code.input_names) != 1:
                problems.append(
                    f"{network.name!r} needs exactly one Input; it has {len(network.code.input_names)}"
                )
            if len(network.output_shapes) != 1:
                problems.append(
                    f"{network.name!r} needs exactly one Output; it has {len(network.output_shapes)}"
                )
        if problems:
            return problems
        noise = generator.code.input_shapes[0]
        if _size(noise) is None or generator.code.input_dtypes[0] != "float":
            problems.append(
                f"the generator's Input is its noise, so it needs a fixed shape and dtype float; it is "
                f"{format_shape(noise)} ({generator.code.input_dtypes[0]})"
            )
        made, wanted = generator.output_shapes[0], discriminator.code.input_shapes[0]
        if not _fits(made, wanted):
            problems.append(
                f"the generator makes samples of shape {format_shape(made)} but the discriminator takes "
                f"{format_shape(wanted)}; make them match"
            )
        verdict = discriminator.output_shapes[0]
        if _size(verdict) != 1:
            problems.append(
                f"the discriminator should give one logit per sample, but it gives {format_shape(verdict)}; "
                "end it with a Dense layer of 1 unit (no Sigmoid)"
            )
        code = discriminator.code
        problems += check_compatibility(
            dataset,
            dict(zip(code.input_names, code.input_shapes, strict=True)),
            dict(zip(code.output_names, discriminator.output_shapes, strict=True)),
            settings.task,
            input_dtypes=dict(zip(code.input_names, code.input_dtypes, strict=True)),
        )
        return problems

    def setup(self, context: Any) -> None:
        super().setup(context)
        generator_name, discriminator_name = list(context.infos)
        self.generator = context.networks[generator_name]
        self.discriminator = context.networks[discriminator_name]
        self.noise_shape = tuple(
            int(d) for d in context.infos[generator_name].code.input_shapes[0][1:]
        )
        self.real_label = 1.0 - context.settings.label_smoothing
        self.clip = context.settings.grad_clip
        self.d_steps = 0
        self.g_steps = 0
        # Per step, read at the epoch's end: the losses and the discriminator's logits.
        self._losses: list[tuple[torch.Tensor, torch.Tensor]] = []
        self._real_logits: list[torch.Tensor] = []
        self._fake_logits: list[torch.Tensor] = []
        generator = torch.Generator().manual_seed(context.settings.seed)
        self.fixed_noise = torch.randn(
            (SAMPLE_COUNT, *self.noise_shape), generator=generator
        ).to(context.device)

    # -- during the run ------------------------------------------------------
    def modules(self) -> list[nn.Module]:
        return [self.generator, self.discriminator]

    def configure_optimizers(self) -> list[torch.optim.Optimizer]:
        self.g_optimizer = self.context.make_optimizer(self.generator.parameters())
        self.d_optimizer = self.context.make_optimizer(self.discriminator.parameters())
        return [self.g_optimizer, self.d_optimizer]

    def noise(self, count: int) -> torch.Tensor:
        return torch.randn((count, *self.noise_shape), device=self.context.device)

    def logits(self, samples: torch.Tensor) -> torch.Tensor:
        with self.context.autocast():
            return self.discriminator(samples).float().reshape(len(samples))

    def generate(self, noise: torch.Tensor) -> torch.Tensor:
        with self.context.autocast():
            return self.generator(noise)

    def _step(
        self, optimizer: torch.optim.Optimizer, module: nn.Module, loss: torch.Tensor
    ) -> None:
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if self.clip > 0:
            nn.utils.clip_grad_norm_(module.parameters(), self.clip)
        optimizer.step()

    def train_step(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        fake = self.generate(self.noise(len(x)))

        # Discriminator: real samples are real, generated ones fake.
        real_logits = self.logits(x)
        fake_logits = self.logits(fake.detach())
        d_loss = F.binary_cross_entropy_with_logits(
            real_logits, torch.full_like(real_logits, self.real_label)
        ) + F.binary_cross_entropy_with_logits(
            fake_logits, torch.zeros_like(fake_logits)
        )
        self._step(self.d_optimizer, self.discriminator, d_loss)
        self.d_steps += 1

        # Generator: make the discriminator call the generated samples real.
        fooled_logits = self.logits(fake)
        g_loss = F.binary_cross_entropy_with_logits(
            fooled_logits, torch.ones_like(fooled_logits)
        )
        self._step(self.g_optimizer, self.generator, g_loss)
        self.g_steps += 1

        d_loss, g_loss = d_loss.detach(), g_loss.detach()
        self._losses.append((d_loss, g_loss))
        self._real_logits.append(real_logits.detach())
        self._fake_logits.append(fake_logits.detach())
        return d_loss + g_loss

    def epoch_terms(self) -> dict[str, float]:
        if not self._losses:
            return {}
        d_loss, g_loss = self.step_means(self._losses)
        # Means of the per-batch means, as the exported train.py computes them.
        d_real = float(
            torch.stack([torch.sigmoid(logits).mean() for logits in self._real_logits])
            .to(self.sum_dtype)
            .mean()
        )
        d_fake = float(
            torch.stack([torch.sigmoid(logits).mean() for logits in self._fake_logits])
            .to(self.sum_dtype)
            .mean()
        )
        self._losses, self._real_logits, self._fake_logits = [], [], []
        return {"d_loss": d_loss, "g_loss": g_loss, "d_real": d_real, "d_fake": d_fake}

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult | None:
        sums = torch.zeros(3, device=self.context.device, dtype=torch.float64)
        total = 0
        for x, _y in batches:
            real = self.logits(x)
            fake = self.logits(self.generate(self.noise(len(x))))
            d_loss = F.binary_cross_entropy_with_logits(
                real, torch.full_like(real, self.real_label)
            ) + F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake))
            sums += torch.stack(
                [d_loss, torch.sigmoid(real).mean(), torch.sigmoid(fake).mean()]
            ).to(self.sum_dtype) * len(x)
            total += len(x)
        if not total:
            return None
        d_loss, d_real, d_fake = (sums / total).tolist()
        return EvalResult(
            loss=d_loss, extra={"val_d_real": d_real, "val_d_fake": d_fake}
        )

    def snapshot(
        self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor
    ) -> PredictionSnapshot | None:
        with untouched_randomness(self.context.device):
            samples = self.generate(self.fixed_noise).float()
            probabilities = torch.sigmoid(self.logits(samples)).cpu().numpy()
        images = as_images(samples)
        previews = {}
        if images is not None:
            previews["samples"] = {
                "images": images,
                "title": f"Generated from {len(images)} fixed noise vectors",
            }
        return PredictionSnapshot(
            epoch=epoch,
            x=self.fixed_noise.cpu().numpy(),
            y_true=np.ones_like(
                probabilities
            ),  # what the generator aims for: D calls every sample real
            y_pred=probabilities,
            previews=previews,
        )
