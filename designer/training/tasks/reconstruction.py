"""Reconstruction (autoencoders): the target is the input itself.

Validation reports the loss, ``mse`` (the mean squared error of the
reconstructed values, whatever the loss) and ``baseline_mse``: the error of
always answering the mean validation sample, the bar an autoencoder has to
clear to have learnt anything.

Preview for the UI (``PredictionSnapshot.previews``), when the samples are
images (N×C×H×W, N×H×W, or flat vectors of a square number of pixels)::

    "reconstruction": {"originals": (k, C, H, W) in [0, 1],
                       "reconstructions": (k, C, H, W) in [0, 1]}
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import torch

from designer.graph.model import Graph, Project
from designer.training.recipes.reconstruction import (
    evaluate_reconstruction,
    reconstructed,
    reconstruction_loss,
)
from designer.training.settings import TrainingSettings
from designer.training.tasks.base import (
    EvalResult,
    NetworkInfo,
    PredictionSnapshot,
    SupervisedTask,
)

PREVIEW_SAMPLES = 12


def as_images(values: torch.Tensor) -> np.ndarray | None:
    """A batch as (N, C, H, W) float32 pixels in [0, 1], or None when it is not images.

    Flat vectors are shown as square grey images when their length is a square
    (64 → 1×8×8); anything else (sequences, tables) has no picture.
    """
    values = values.detach().float()
    if values.dim() == 3:
        values = values.unsqueeze(1)
    elif values.dim() == 2:
        side = math.isqrt(values.shape[1])
        if side < 2 or side * side != values.shape[1]:
            return None
        values = values.reshape(len(values), 1, side, side)
    elif values.dim() != 4:
        return None
    if values.shape[1] not in (1, 3):
        return None
    return values.clamp(0.0, 1.0).cpu().numpy().astype(np.float32)


def untouched_randomness(
    device: torch.device,
) -> contextlib.AbstractContextManager[Any]:
    """Random numbers drawn inside (previews, helper modules) leave the run's random stream as it was.

    So a run gives the same numbers whether or not a window asks for previews,
    and the same as the exported ``train.py``, which draws none for them.
    """
    devices = (
        [device.index if device.index is not None else torch.cuda.current_device()]
        if device.type == "cuda"
        else []
    )
    return torch.random.fork_rng(devices=devices)


def reconstruction_preview(
    originals: torch.Tensor, reconstructions: torch.Tensor
) -> dict[str, np.ndarray] | None:
    """The ``"reconstruction"`` preview, or None when the samples are not images."""
    before = as_images(originals)
    after = as_images(reconstructions.reshape(originals.shape))
    if before is None or after is None:
        return None
    return {"originals": before, "reconstructions": after}


SHAPE_ONLY_LAYERS = ("Reshape", "Flatten", "Permute", "Dropout")
BOUNDED_LAYERS = ("Sigmoid", "Softmax")


def ends_in_unit_range(graph: Graph, output_id: str) -> bool:
    """Whether what reaches the Output ``output_id`` lies in [0, 1]: a Sigmoid (or Softmax)
    followed by nothing but reshaping."""
    edges = graph.edges_into(output_id)
    while edges:
        node = graph.node(edges[0].source)
        if node.type in BOUNDED_LAYERS:
            return True
        if node.type not in SHAPE_ONLY_LAYERS:
            return False
        edges = graph.edges_into(node.id)
    return False


def bce_problem(graph: Graph, output_id: str, dataset: Any) -> str | None:
    """Why binary cross-entropy (on probabilities) cannot train this output on this data, if it cannot."""
    name = graph.node(output_id).name
    if not ends_in_unit_range(graph, output_id):
        return (
            f"binary cross-entropy compares values in [0, 1], but Output {name!r} does not come from a Sigmoid; "
            "end the decoder with a Sigmoid, or choose the mse loss"
        )
    x = np.asarray(dataset.x)
    if x.size and (float(x.min()) < 0 or float(x.max()) > 1):
        return "binary cross-entropy needs data in [0, 1], but this dataset's values go beyond; choose the mse loss"
    return None


class ReconstructionTask(SupervisedTask):
    """An autoencoder learns x → x; the dataset's targets (labels, say) are not used."""

    name = "reconstruction"

    def check(
        self,
        project: Project,
        infos: dict[str, NetworkInfo],
        dataset: Any,
        settings: TrainingSettings,
    ) -> list[str]:
        problems = super().check(project, infos, dataset, settings)
        if problems or settings.loss != "bce":
            return problems
        graph = project.networks[0]
        problem = bce_problem(graph, graph.nodes_of_type("Output")[0].id, dataset)
        return [problem] if problem else []

    def make_loss(
        self, name: str
    ) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
        return reconstruction_loss(name)

    def reconstructed(self, outputs: torch.Tensor) -> torch.Tensor:
        """The network's outputs as values comparable to the input (logits go through a sigmoid)."""
        return reconstructed(outputs, self.context.settings.loss)

    def train_step(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return super().train_step(x, x)

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult:
        metrics = evaluate_reconstruction(
            self.model,
            self.loss_fn,
            self.context.settings.loss,
            batches,
            self.context.device,
            self.recipe_autocast,
        )
        return EvalResult(loss=metrics.pop("val_loss"), extra=metrics)

    def snapshot(
        self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor
    ) -> PredictionSnapshot | None:
        x = x[:PREVIEW_SAMPLES]
        with untouched_randomness(self.context.device):
            reconstructions = self.reconstructed(self.forward(x)).reshape(x.shape)
        preview = reconstruction_preview(x, reconstructions)
        return PredictionSnapshot(
            epoch=epoch,
            x=x.cpu().numpy(),
            y_true=x.float().cpu().numpy(),
            y_pred=reconstructions.cpu().numpy(),
            previews={"reconstruction": preview} if preview is not None else {},
        )
