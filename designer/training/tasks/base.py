"""What a training task is: the part of a run that depends on what is learned.

The engine (:mod:`designer.training.engine`) owns everything generic — devices,
batching, timing, callbacks, stop/pause, schedules, checkpoints and early stopping.
A task owns the rest: which networks train, how a batch turns into a loss and an
optimizer step, which metrics validation reports, and what the UI is shown after
each epoch.  Supervised tasks (classification, regression) share
:class:`SupervisedTask`; tasks with several networks or loss terms (a GAN, a VAE)
override :meth:`Task.configure_optimizers`, :meth:`Task.train_step` and
:meth:`Task.evaluate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from designer.codegen.module import NetworkCode
from designer.graph.model import Project
from designer.graph.shape import Shape, format_shape
from designer.shapes.infer import GraphShapes
from designer.training.messages import (  # noqa: F401 - defined torch-free, re-exported
    DecisionGrid,
    EvalResult,
    PredictionSnapshot,
)
from designer.training.recipes.common import parameters_of, step_means, sum_dtype
from designer.training.recipes.supervised import supervised_step
from designer.training.settings import TrainingSettings

__all__ = ["sum_dtype"]  # re-exported for the task modules and their tests


@dataclass
class NetworkInfo:
    """One network of the project as the task sees it: its code and its shapes."""

    name: str
    code: NetworkCode
    shapes: GraphShapes
    output_shapes: list[
        Shape
    ]  # the shape reaching each Output node, in forward's order


@dataclass
class TaskContext:
    """What a task gets when a run starts (networks already on the device)."""

    networks: dict[str, nn.Module]
    infos: dict[str, NetworkInfo]
    settings: TrainingSettings
    device: torch.device
    classes: list[str] | None
    autocast: Callable[
        [], AbstractContextManager[Any]
    ]  # a no-op context without mixed precision
    make_optimizer: Callable[[Iterable[nn.Parameter]], torch.optim.Optimizer]
    project: Project | None = (
        None  # the graphs, for tasks that build extra modules from them
    )
    mixed_precision: bool = (
        False  # autocast() is bf16 autocast (CUDA); else a no-op context
    )


class Task:
    """Base of all tasks.  See the module docstring for the split of duties."""

    name = "task"

    # -- before the run ----------------------------------------------------
    def check(
        self,
        project: Project,
        infos: dict[str, NetworkInfo],
        dataset: Any,
        settings: TrainingSettings,
    ) -> list[str]:
        """Problems that stop this task from training these networks on this data."""
        return []

    def trained_networks(self, project: Project) -> list[str]:
        """The names of the networks this task trains (the first one, unless overridden)."""
        return [project.networks[0].name]

    def setup(self, context: TaskContext) -> None:
        self.context = context

    @property
    def sum_dtype(self) -> torch.dtype:
        """The dtype loss and error sums are kept in on this run's device."""
        return sum_dtype(self.context.device)

    def step_means(self, steps: list[tuple[torch.Tensor, ...]]) -> list[float]:
        """Per-term means over an epoch's steps, each step a tuple of scalar tensors."""
        return step_means(steps, self.sum_dtype)

    def notes(self) -> list[str]:
        """Things worth telling the user when the run starts (after :meth:`setup`)."""
        return []

    def input_dtype(self, infos: dict[str, NetworkInfo]) -> torch.dtype:
        """The dtype input data is converted to once, before the run."""
        return torch.float32

    def prepare_targets(self, y: torch.Tensor) -> torch.Tensor:
        """Targets as the loss wants them; done once for the whole data set."""
        return y

    # -- during the run ------------------------------------------------------
    def modules(self) -> list[nn.Module]:
        """The modules that train (switched between train and eval mode)."""
        raise NotImplementedError

    def configure_optimizers(self) -> list[torch.optim.Optimizer]:
        raise NotImplementedError

    def train_step(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        """One optimizer step on a batch; returns the detached scalar loss (on the device)."""
        raise NotImplementedError

    def epoch_terms(self) -> dict[str, float]:
        """Named training-loss terms, averaged over the epoch's steps, for ``EpochMetrics.extra``.

        Called once at the end of every epoch; a task with several terms (a VAE's
        reconstruction and KL, a GAN's two losses) sums them on the device in
        :meth:`train_step`, reads them here and starts the next epoch from zero.
        """
        return {}

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult | None:
        """Metrics over validation batches (called under no_grad, modules in eval mode).

        None when the task has nothing to measure on held-out data.
        """
        raise NotImplementedError

    def snapshot(
        self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor
    ) -> PredictionSnapshot | None:
        """Predictions on a few validation samples for the UI; None when there is nothing to show."""
        return None


def describe_shapes(shapes: Iterable[Shape]) -> str:
    return ", ".join(format_shape(shape) for shape in shapes)


class SingleModelTask(Task):
    """A task that trains one network (``self.model``) with one optimizer."""

    model: nn.Module
    context: TaskContext

    def modules(self) -> list[nn.Module]:
        return [self.model]

    def configure_optimizers(self) -> list[torch.optim.Optimizer]:
        self.optimizer = self.context.make_optimizer(self.model.parameters())
        self.parameters = parameters_of(self.optimizer)
        return [self.optimizer]

    @property
    def recipe_autocast(self) -> Any:
        """The recipes' autocast argument: None (the hot path of CPU runs) or the context."""
        return self.context.autocast if self.context.mixed_precision else None


class SupervisedTask(SingleModelTask):
    """One network, one input, one output, one optimizer: y = f(x)."""

    def check(
        self,
        project: Project,
        infos: dict[str, NetworkInfo],
        dataset: Any,
        settings: TrainingSettings,
    ) -> list[str]:
        from designer.training.datasets import check_compatibility

        network = infos[project.networks[0].name]
        if len(network.output_shapes) > 1:
            return [
                f"{self.name} trains a network with one Output, but {network.name!r} has "
                f"{len(network.output_shapes)}; remove the extra Outputs"
            ]
        graph = project.network(network.name)
        embeddings = graph.nodes_of_type("Embedding")
        return check_compatibility(
            dataset,
            dict(zip(network.code.input_names, network.code.input_shapes, strict=True)),
            dict(
                zip(
                    network.code.output_names,
                    self.checked_output_shapes(network, dataset, settings),
                    strict=True,
                )
            ),
            settings.task,
            input_dtypes=dict(
                zip(network.code.input_names, network.code.input_dtypes, strict=True)
            ),
            num_embeddings=min(n.params["num_embeddings"] for n in embeddings)
            if embeddings
            else None,
        )

    def checked_output_shapes(
        self, network: NetworkInfo, dataset: Any, settings: TrainingSettings
    ) -> list[Shape]:
        """The output shapes the dataset check should see (a task may accept equivalent ones)."""
        return network.output_shapes

    def setup(self, context: TaskContext) -> None:
        super().setup(context)
        self.network_name = next(iter(context.infos))
        self.model = context.networks[self.network_name]
        self.clip = context.settings.grad_clip
        self.loss_fn = self.make_loss(context.settings.loss)

    def input_dtype(self, infos: dict[str, NetworkInfo]) -> torch.dtype:
        return (
            torch.int64
            if next(iter(infos.values())).code.input_dtypes[0] == "long"
            else torch.float32
        )

    def make_loss(
        self, name: str
    ) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
        raise NotImplementedError

    def train_step(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        (loss,) = supervised_step(
            self.model,
            self.optimizer,
            self.loss_fn,
            x,
            y,
            self.parameters,
            self.clip,
            self.recipe_autocast,
        )
        return loss

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        with self.context.autocast():
            return self.model(x)
