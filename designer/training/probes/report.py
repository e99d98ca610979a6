"""All probes for one sample of one network, as one :class:`ProbeReport`.

This is what the training process calls when the window picks a sample, and what
``designer explain`` writes out as pictures.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from designer.codegen.build import BuiltNetwork
from designer.graph.model import Graph
from designer.graph.shape import Shape
from designer.training.probes.attention import attention_maps
from designer.training.probes.capture import (
    ProbeError,
    as_batch,
    capture,
    eval_mode,
    restore_mode,
)
from designer.training.probes.features import feature_maps
from designer.training.probes.messages import ProbeReport
from designer.training.probes.previews import layer_previews
from designer.training.probes.saliency import saliency
from designer.training.probes.stepping import forward_steps


def fits(shape: Shape, sample: np.ndarray) -> bool:
    """Whether one sample (no batch axis) has the Input's shape; symbols match any size."""
    dims = shape[1:]
    return len(dims) == sample.ndim and all(
        not isinstance(d, int) or d == s
        for d, s in zip(dims, sample.shape, strict=True)
    )


def network_inputs(
    network: BuiltNetwork, sample: np.ndarray | None, seed: int = 0
) -> tuple[list[torch.Tensor], list[str]]:
    """A batch of one per network input: the sample where it fits, else seeded noise."""
    code = network.code
    generator = torch.Generator().manual_seed(seed)
    inputs, notes = [], []
    for name, shape, dtype, vocab in zip(
        code.input_names,
        code.input_shapes,
        code.input_dtypes,
        code.token_ranges,
        strict=True,
    ):
        if sample is not None and fits(shape, sample):
            inputs.append(as_batch(sample, dtype))
            continue
        size = [
            code.example_sizes.get(d, 16) if isinstance(d, str) else d
            for d in shape[1:]
        ]
        if dtype == "long":
            inputs.append(torch.randint(0, vocab, (1, *size), generator=generator))
        else:
            inputs.append(torch.randn((1, *size), generator=generator))
        notes.append(
            f"the input {name!r} (shape {tuple(size)}) does not take the dataset's samples, "
            "so it was given random values"
        )
    return inputs, notes


def is_classifier_output(value: torch.Tensor, classes: Sequence[str] | None) -> bool:
    if value.dim() != 2:
        return False
    if classes is not None:
        return value.shape[1] == len(classes) or (
            value.shape[1] == 1 and len(classes) == 2
        )
    return False


def probe_network(
    network: BuiltNetwork,
    graph: Graph,
    inputs: Sequence[torch.Tensor],
    classes: Sequence[str] | None = None,
    target: int | None = None,
) -> ProbeReport:
    """Previews, feature maps, attention, forward steps and (for classifiers) saliency.

    The module is run in eval mode and left in the mode it was in.
    """
    module = network.module
    device = next((p.device for p in module.parameters()), torch.device("cpu"))
    inputs = [x.to(device) for x in inputs]
    flags = eval_mode([module])
    report = ProbeReport(network=graph.name)
    try:
        with torch.no_grad():
            result = capture(network, graph, inputs)
            report.previews = layer_previews(result)
            report.feature_maps = feature_maps(result)
            report.steps = forward_steps(result)
        report.attention = attention_maps(network, graph, inputs)
        if result.outputs and is_classifier_output(result.outputs[0], classes):
            try:
                report.saliency = saliency(network, graph, inputs, classes, target)
            except ProbeError as error:
                report.notes.append(f"no saliency: {error}")
    finally:
        restore_mode([module], flags)
    return report
