"""Per-node previews of one sample: images, vectors, sequences or a number."""

from __future__ import annotations

import numpy as np
import torch

from designer.training.probes import shrink
from designer.training.probes.capture import Capture
from designer.training.probes.messages import LayerPreview, PreviewKind, TensorStats


def tensor_stats(value: torch.Tensor) -> TensorStats:
    """Statistics of one sample (``value`` without its batch axis)."""
    data = value.detach()
    dtype = "long" if not data.is_floating_point() else "float"
    data = data.float()
    if data.numel() == 0:
        return TensorStats(tuple(value.shape), 0.0, 0.0, 0.0, 0.0, dtype)
    return TensorStats(
        shape=tuple(int(d) for d in value.shape),
        minimum=float(data.min()),
        mean=float(data.mean()),
        maximum=float(data.max()),
        std=float(data.std(unbiased=False)),
        dtype=dtype,
    )


def to_numpy(value: torch.Tensor) -> np.ndarray:
    return value.detach().float().cpu().numpy()


def preview_array(sample: np.ndarray) -> tuple[PreviewKind, np.ndarray, bool]:
    """The kind of picture for one sample's values, the capped array, and whether it was cut.

    (C, H, W) → image grid; (L, F) → sequence heat map; (F,) → bars; () → a number;
    anything else is flattened to bars.
    """
    if sample.ndim == 0:
        return "scalar", sample.astype(np.float32), False
    if sample.ndim == 3:
        data = shrink.image_grid(sample)
        return "image", data, data.shape != sample.shape
    if sample.ndim == 2:
        data = shrink.heat_map(sample)
        return "sequence", data, data.shape != sample.shape
    flat = sample.reshape(-1)
    data = shrink.vector(flat)
    return "vector", data, data.shape != flat.shape or sample.ndim != 1


def layer_previews(result: Capture, sample: int = 0) -> list[LayerPreview]:
    """One preview per node output (every port), in execution order."""
    previews: list[LayerPreview] = []
    for node_id in result.order:
        node = result.node(node_id)
        for port, value in zip(
            node.output_ports(), result.values[node_id], strict=True
        ):
            if not isinstance(value, torch.Tensor) or value.dim() == 0:
                continue
            one = value[sample]
            kind, data, capped = preview_array(to_numpy(one))
            previews.append(
                LayerPreview(
                    node_id=node_id,
                    name=node.name
                    if len(node.output_ports()) == 1
                    else f"{node.name}.{port}",
                    node_type=node.type,
                    kind=kind,
                    data=data,
                    stats=tensor_stats(one),
                    port=port,
                    capped=capped,
                )
            )
    return previews
