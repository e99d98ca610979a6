"""What the probes send to the window: plain, picklable dataclasses of small arrays.

No torch here, so the window can receive these.  Arrays are float32 numpy and
already capped by :mod:`designer.training.probes.shrink` (at most 64 channels of
32×32, sequences of 128 steps, vectors of 256 values, attention 128×128 per head).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

PreviewKind = Literal["image", "vector", "sequence", "scalar"]


@dataclass(frozen=True)
class TensorStats:
    """Shape (without the batch axis) and summary numbers of one tensor."""

    shape: tuple[int, ...]
    minimum: float
    mean: float
    maximum: float
    std: float
    dtype: str = "float"

    def text(self) -> str:
        """``(16, 28, 28)  min −0.12  mean 0.3  max 1.5`` for tool tips and reports."""
        shape = "(" + ", ".join(str(d) for d in self.shape) + ")"
        return (
            f"{shape}  min {number(self.minimum)}  mean {number(self.mean)}  "
            f"max {number(self.maximum)}"
        )


@dataclass(frozen=True)
class LayerPreview:
    """What one node's output looks like for the chosen sample.

    ``data`` by ``kind``: image (C, H, W) channels; vector (F,); sequence (L, F);
    scalar (). ``capped`` says whether channels or lengths were cut or binned.
    """

    node_id: str
    name: str
    node_type: str
    kind: PreviewKind
    data: np.ndarray
    stats: TensorStats
    port: str = "out"
    capped: bool = False


@dataclass(frozen=True)
class FeatureMaps:
    """All (capped) output channels of a convolution, and its learned filters.

    ``maps`` is (C, H, W); ``filters`` is (out, in, kh, kw), capped like ``maps``;
    ``filters_as_images`` is true for a first layer reading 1 or 3 channels, whose
    filters can be shown as gray or colour pictures.
    """

    node_id: str
    name: str
    maps: np.ndarray
    channels: int
    filters: np.ndarray | None
    filters_as_images: bool


@dataclass(frozen=True)
class GradientFlow:
    """Per layer, the mean gradient norm and update-to-weight ratio over sampled steps."""

    epoch: int
    grad_norms: dict[str, float]
    update_ratios: dict[str, float]
    sampled_steps: int


@dataclass(frozen=True)
class AttentionMap:
    """Attention weights of one layer for the chosen sequence: (heads, L, S), rows sum to 1."""

    node_id: str
    name: str
    weights: np.ndarray
    length: int


@dataclass(frozen=True)
class Saliency:
    """Why the classifier decided what it decided, for the chosen sample.

    ``gradient_x_input`` has the input's layout without channels: (H, W) for
    images, (F,) for vectors, (L,) for sequences and token ids (those are read at
    the embedding).  ``grad_cam`` is (H, W) in [0, 1] for CNNs, else ``None``.
    """

    probabilities: np.ndarray
    classes: list[str]
    target: int
    predicted: int
    gradient_x_input: np.ndarray
    grad_cam: np.ndarray | None = None
    cam_layer: str | None = None


@dataclass(frozen=True)
class TensorSlot:
    """One input or output of a forward step: the port and its statistics."""

    port: str
    stats: TensorStats


@dataclass(frozen=True)
class ForwardStep:
    """One node of the forward pass, in execution order."""

    index: int
    node_id: str
    name: str
    node_type: str
    inputs: list[TensorSlot]
    outputs: list[TensorSlot]
    formula: str | None = None


@dataclass
class ProbeReport:
    """Everything the probes found for one sample of one network."""

    network: str
    previews: list[LayerPreview] = field(default_factory=list)
    feature_maps: list[FeatureMaps] = field(default_factory=list)
    attention: list[AttentionMap] = field(default_factory=list)
    steps: list[ForwardStep] = field(default_factory=list)
    saliency: Saliency | None = None
    notes: list[str] = field(default_factory=list)


def number(value: float, digits: int = 2) -> str:
    """A readable number with a real minus sign: ``0.50``, ``−0.20``, ``3.1e−05``."""
    if value == 0:
        text = f"{0:.{digits}f}"
    elif abs(value) >= 10**-digits / 2 and abs(value) < 1e5:
        text = f"{value:.{digits}f}"
    else:
        text = f"{value:.{digits - 1}e}"
    return text.replace("-", "−")
