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
from torch import nn

from designer.graph.model import Project
from designer.graph.shape import Shape, format_shape
from designer.training.recipes.gan import (
    GAN_TERMS,
    discriminate,
    evaluate_gan,
    gan_step,
    generate,
    noise,
)
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
        # Per step, read at the epoch's end: d_loss, g_loss, D(x) and D(G(z)).
        self._terms: list[tuple[torch.Tensor, ...]] = []
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
        return noise(count, self.noise_shape, self.context.device)

    @property
    def recipe_autocast(self) -> Any:
        return self.context.autocast if self.context.mixed_precision else None

    def logits(self, samples: torch.Tensor) -> torch.Tensor:
        return discriminate(self.discriminator, samples, self.recipe_autocast)

    def generate(self, z: torch.Tensor) -> torch.Tensor:
        return generate(self.generator, z, self.recipe_autocast)

    def train_step(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        total, *terms = gan_step(
            self.generator,
            self.discriminator,
            self.g_optimizer,
            self.d_optimizer,
            x,
            self.noise_shape,
            self.real_label,
            self.clip,
            self.recipe_autocast,
        )
        self.d_steps += 1
        self.g_steps += 1
        self._terms.append(tuple(terms))
        return total

    def epoch_terms(self) -> dict[str, float]:
        if not self._terms:
            return {}
        means = self.step_means(self._terms)
        self._terms = []
        return dict(zip(GAN_TERMS[1:], means, strict=True))

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult | None:
        metrics = evaluate_gan(
            self.generator,
            self.discriminator,
            batches,
            self.noise_shape,
            self.real_label,
            self.context.device,
            self.recipe_autocast,
        )
        if metrics is None:
            return None
        return EvalResult(loss=metrics.pop("val_loss"), extra=metrics)

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
