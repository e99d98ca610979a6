"""Make arrays small enough to send across a process pipe a few times a second.

numpy only (no torch): the window may use these too.  Shrinking averages (or sums)
whole bins, so a picture keeps its look and an attention row still sums to 1.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

MAX_CHANNELS = 64
MAX_SIDE = 32
MAX_STEPS = 128
MAX_FEATURES = 128
MAX_VECTOR = 256


def bin_edges(size: int, bins: int) -> np.ndarray:
    """``bins + 1`` strictly increasing edges splitting ``range(size)`` evenly."""
    return np.floor(np.linspace(0, size, bins + 1)).astype(np.int64)


def shrink_axis(
    array: np.ndarray,
    axis: int,
    limit: int,
    how: Literal["mean", "sum"] = "mean",
) -> np.ndarray:
    """``array`` with ``axis`` reduced to at most ``limit`` entries by binning."""
    size = array.shape[axis]
    if size <= limit:
        return array
    edges = bin_edges(size, limit)
    summed = np.add.reduceat(array, edges[:-1], axis=axis)
    if how == "sum":
        return summed
    counts = np.diff(edges).astype(array.dtype)
    shape = [1] * array.ndim
    shape[axis] = limit
    return summed / counts.reshape(shape)


def shrink(array: np.ndarray, limits: tuple[int | None, ...]) -> np.ndarray:
    """Mean-bin each axis down to its limit (``None``: leave the axis as it is)."""
    out = np.asarray(array, dtype=np.float32)
    for axis, limit in enumerate(limits):
        if limit is not None:
            out = shrink_axis(out, axis, limit)
    return np.ascontiguousarray(out, dtype=np.float32)


def image_grid(maps: np.ndarray) -> np.ndarray:
    """(C, H, W) → at most 64 channels of at most 32×32 (the first channels are kept)."""
    return shrink(maps[:MAX_CHANNELS], (None, MAX_SIDE, MAX_SIDE))


def heat_map(sequence: np.ndarray) -> np.ndarray:
    """(L, F) → at most 128 steps × 128 features."""
    return shrink(sequence, (MAX_STEPS, MAX_FEATURES))


def vector(values: np.ndarray) -> np.ndarray:
    """(F,) → at most 256 values."""
    return shrink(values, (MAX_VECTOR,))


def attention_map(weights: np.ndarray) -> np.ndarray:
    """(heads, L, S) → at most 128×128 per head; rows still sum to 1.

    Query rows are averaged and key columns summed, so each row stays a
    probability distribution over the (binned) keys.
    """
    out = np.asarray(weights, dtype=np.float32)
    out = shrink_axis(out, 1, MAX_STEPS, "mean")
    out = shrink_axis(out, 2, MAX_STEPS, "sum")
    return np.ascontiguousarray(out, dtype=np.float32)
