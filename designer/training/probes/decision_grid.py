"""The point pad's probe: a 2-D classifier's decision regions and one placed point.

Runs in the training process.  :func:`decision_regions` sends a
:data:`~.regions.GRID_SIDE`² grid of inputs covering the data through the
network (eval mode, no gradients) and keeps each cell's class probabilities;
a placed point goes through the same forward pass on its own, so its numbers
are the network's, not the grid's.  During a run :class:`LiveRegions` does this
from the current weights a few times a second (and at most
:data:`MAX_SHARE` of the time); :func:`probe_point` does it outside a run, with
the trained weights or, before any training, freshly initialised ones.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import numpy as np
import torch

from designer.codegen.build import BuiltNetwork, build_networks
from designer.training.probes.capture import eval_mode, restore_mode
from designer.training.probes.regions import (
    GRID_SIDE,
    DecisionRegions,
    WeightsState,
    cell_extent,
    grid_axes,
    is_point_data,
    shown_points,
)
from designer.training.probes.saliency import class_probabilities

MAX_PER_SECOND = 4.0
MAX_SHARE = 0.1  # of the wall time spent on the grid, at most


class PointDataError(ValueError):
    """The dataset or the network does not suit the point pad (the message says why)."""


def network_probabilities(network: BuiltNetwork, inputs: np.ndarray) -> np.ndarray:
    """Class probabilities (N, classes) of ``inputs`` (N, 2), in eval mode."""
    module = network.module
    device = next((p.device for p in module.parameters()), torch.device("cpu"))
    batch = torch.as_tensor(np.asarray(inputs, dtype=np.float32), device=device)
    flags = eval_mode([module])
    try:
        with torch.no_grad():
            outputs = module(batch)
    finally:
        restore_mode([module], flags)
    if isinstance(outputs, (tuple, list)):
        outputs = outputs[0]
    if outputs.dim() != 2:
        raise PointDataError(
            "the point pad needs a network whose output is one score per class "
            f"(shape N×classes); this one gives {tuple(outputs.shape)}"
        )
    return class_probabilities(outputs.float()).cpu().numpy()


def decision_regions(
    network_name: str,
    network: BuiltNetwork,
    axes: tuple[np.ndarray, np.ndarray],
    points: np.ndarray,
    labels: np.ndarray,
    classes: list[str],
    weights: WeightsState,
    point: tuple[float, float] | None = None,
) -> DecisionRegions:
    """The class probabilities of every grid cell, and of ``point`` when given."""
    xs, ys = axes
    xx, yy = np.meshgrid(xs, ys)  # row 0 at ys[0], the bottom
    cells = np.stack([xx.ravel(), yy.ravel()], axis=1)
    probabilities = network_probabilities(network, cells)
    grid = probabilities.reshape(len(ys), len(xs), -1).astype(np.float16)
    at_point = None
    if point is not None:
        at_point = network_probabilities(network, np.array([point]))[0]
    return DecisionRegions(
        network=network_name,
        classes=list(classes),
        extent=cell_extent(xs, ys),
        probabilities=grid,
        points=points,
        labels=labels,
        weights=weights,
        point=None if point is None else (float(point[0]), float(point[1])),
        point_probabilities=at_point,
    )


def check_point_data(dataset: Any) -> None:
    """Raise :class:`PointDataError` unless the dataset suits the point pad."""
    x, classes = getattr(dataset, "x", None), getattr(dataset, "classes", None)
    if not is_point_data(x, classes):
        shape = "×".join(str(d) for d in getattr(x, "shape", ())[1:]) or "?"
        raise PointDataError(
            "the point pad needs a classification dataset whose samples are two "
            f"numbers (x₁, x₂); {getattr(dataset, 'name', 'this one')!r} has samples "
            f"of shape {shape}"
            + ("" if classes else " and no classes")
            + ". Use the drawing pad for digits."
        )


class LiveRegions:
    """The decision regions of a run's first network, from its current weights."""

    def __init__(
        self,
        network_name: str,
        network: BuiltNetwork,
        dataset: Any,
        point: tuple[float, float] | None = None,
    ) -> None:
        check_point_data(dataset)
        self.network_name = network_name
        self.network = network
        self.classes = list(dataset.classes)
        self.axes = grid_axes(dataset.x, GRID_SIDE)
        self.points, self.labels = shown_points(dataset.x, dataset.y)
        self.point = point
        self._next = 0.0
        self.spent = 0.0

    def regions(self, weights: WeightsState = "training") -> DecisionRegions:
        return decision_regions(
            self.network_name,
            self.network,
            self.axes,
            self.points,
            self.labels,
            self.classes,
            weights,
            self.point,
        )

    def maybe_regions(self, now: float | None = None) -> DecisionRegions | None:
        """The regions when the throttle allows, else None."""
        now = time.perf_counter() if now is None else now
        if now < self._next:
            return None
        start = time.perf_counter()
        found = self.regions()
        took = time.perf_counter() - start
        self.spent += took
        self._next = now + max(1.0 / MAX_PER_SECOND, took / MAX_SHARE)
        return found


def live_regions(
    trainer: Any, dataset: Any, point: tuple[float, float] | None = None
) -> LiveRegions | None:
    """Regions for a run on 2-D points (None for any other data)."""
    if not is_point_data(
        getattr(dataset, "x", None), getattr(dataset, "classes", None)
    ):
        return None
    name = trainer.project.networks[0].name
    return LiveRegions(name, trainer.built[name], dataset, point)


def seeded_networks(project: Any, seed: int) -> dict[str, BuiltNetwork]:
    """Freshly initialised networks, the same ones for the same seed."""
    state = torch.random.get_rng_state()
    torch.manual_seed(seed)
    try:
        return build_networks(project)
    finally:
        torch.random.set_rng_state(state)


def probe_point(
    project_dict: Mapping[str, Any],
    dataset: Any,
    weights: str | None,
    point: tuple[float, float] | None,
    seed: int = 0,
) -> tuple[DecisionRegions, list[Any]]:
    """The regions and the point's prediction outside a run: with the trained
    ``weights``, or before training with weights initialised from ``seed``; and
    every probe of the point (the cards' previews follow it), [] without one."""
    from designer.graph.project_file import project_from_dict
    from designer.training.checkpoints import load_state, read_weights
    from designer.training.probes.live import LiveProbes

    check_point_data(dataset)
    project = project_from_dict(dict(project_dict))
    built = seeded_networks(project, seed)
    if weights:
        load_state(
            {name: network.module for name, network in built.items()},
            read_weights(weights),
            "the trained weights",
        )
    name = project.networks[0].name
    live = LiveRegions(name, built[name], dataset, point)
    regions = live.regions("trained" if weights else "untrained")
    if point is None:
        return regions, []
    sample = np.asarray(point, dtype=np.float32)
    return regions, LiveProbes(project, built, sample, live.classes).full_report()
