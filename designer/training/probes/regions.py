"""The point pad's message: a 2-D classifier's decision regions and a placed point.

Plain numpy, no torch, so the window can unpickle what
:mod:`designer.training.probes.decision_grid` computes in the training process,
and decide itself (:func:`is_point_data`) whether a dataset gets the point pad.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

GRID_SIDE = 60  # cells per side of the decision-region grid
SHOWN_POINTS = 300  # data points sent along for the scatter, at most
MARGIN = 0.1  # of the data's range, added on each side of the grid

WeightsState = Literal["untrained", "training", "trained"]


@dataclass(frozen=True)
class DecisionRegions:
    """Class probabilities over a square grid of inputs, the data, and a placed point.

    ``probabilities`` is (rows, cols, classes) float16; row 0 lies at ``extent``'s
    y0 (the bottom), column 0 at x0; ``extent`` (x0, x1, y0, y1) is the area the
    cells cover.  ``points`` (N, 2) with ``labels`` (N,) are a subsample of the
    dataset.  ``point_probabilities`` is the network's own forward pass at
    ``point`` (exact, not read off the grid); both are None without a point.
    """

    network: str
    classes: list[str]
    extent: tuple[float, float, float, float]
    probabilities: np.ndarray
    points: np.ndarray
    labels: np.ndarray
    weights: WeightsState
    point: tuple[float, float] | None = None
    point_probabilities: np.ndarray | None = None

    @property
    def regions(self) -> np.ndarray:
        """The predicted class of every cell: (rows, cols) integers."""
        return np.asarray(self.probabilities, dtype=np.float32).argmax(axis=-1)


def is_point_data(x: Any, classes: Any) -> bool:
    """Whether samples ``x`` are 2-D float points with class labels (a point pad's data)."""
    shape = getattr(x, "shape", ())
    kind = getattr(getattr(x, "dtype", None), "kind", "")
    return len(shape) == 2 and shape[1] == 2 and kind == "f" and bool(classes)


def grid_axes(
    points: np.ndarray, side: int = GRID_SIDE
) -> tuple[np.ndarray, np.ndarray]:
    """The grid's cell centres along x and y: a square area around ``points``.

    The data's range widened by :data:`MARGIN` on each side, then the shorter
    side widened to the longer one, so that the pad's cells are square.
    """
    data = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    finite = data[np.isfinite(data).all(axis=1)]
    if len(finite) == 0:
        finite = np.array([[-1.0, -1.0], [1.0, 1.0]])
    low, high = finite.min(axis=0), finite.max(axis=0)
    centre = (low + high) / 2
    half = max(float((high - low).max()) * (0.5 + MARGIN), 1e-3)
    xs = np.linspace(centre[0] - half, centre[0] + half, side, dtype=np.float32)
    ys = np.linspace(centre[1] - half, centre[1] + half, side, dtype=np.float32)
    return xs, ys


def cell_extent(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float, float]:
    """The area (x0, x1, y0, y1) the cells cover: the centres are the grid points."""
    dx = float(xs[-1] - xs[0]) / max(len(xs) - 1, 1)
    dy = float(ys[-1] - ys[0]) / max(len(ys) - 1, 1)
    return (
        float(xs[0]) - dx / 2,
        float(xs[-1]) + dx / 2,
        float(ys[0]) - dy / 2,
        float(ys[-1]) + dy / 2,
    )


def shown_points(
    x: np.ndarray, y: np.ndarray, count: int = SHOWN_POINTS, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """A seeded subsample of at most ``count`` points and their labels."""
    x = np.asarray(x, dtype=np.float32).reshape(-1, 2)
    y = np.asarray(y).reshape(-1).astype(np.int64)
    if len(x) > count:
        chosen = np.sort(np.random.default_rng(seed).choice(len(x), count, False))
        x, y = x[chosen], y[chosen]
    return x.copy(), y.copy()


def grid_probabilities_at(
    regions: DecisionRegions, point: tuple[float, float]
) -> np.ndarray:
    """The probabilities of the grid cell under ``point`` (the nearest cell inside)."""
    x0, x1, y0, y1 = regions.extent
    rows, cols = regions.probabilities.shape[:2]
    col = int(np.clip((point[0] - x0) / (x1 - x0) * cols, 0, cols - 1))
    row = int(np.clip((point[1] - y0) / (y1 - y0) * rows, 0, rows - 1))
    return np.asarray(regions.probabilities[row, col], dtype=np.float32)
