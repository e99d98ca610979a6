"""Run one sample through a built network and keep every node's output.

The generated ``forward`` assigns each node's result to a variable named after
the node (:attr:`NetworkCode.variables` says which), functional nodes such as
Add, Concat or Reshape included.  A profile hook reads the frame's variables
when that ``forward`` returns, so nothing in the generated code changes and no
tracing (which data-dependent code such as a max_len check would break) is needed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from types import FrameType
from typing import Any

import numpy as np
import torch
from torch import nn

from designer.codegen.build import BuiltNetwork
from designer.graph.model import Graph, Node
from designer.shapes.infer import infer_shapes


class ProbeError(ValueError):
    """A probe cannot run on this network or sample; the message says why."""


@dataclass
class Capture:
    """Every node's outputs for one batch, in the order the forward pass ran them."""

    graph: Graph
    network: BuiltNetwork
    order: list[str]  # node ids in execution order (Input nodes first)
    values: dict[str, list[torch.Tensor]]  # node id → outputs in port order
    outputs: list[torch.Tensor]  # what forward returned, in Output order

    def node(self, node_id: str) -> Node:
        return self.graph.node(node_id)

    def value(self, node_id: str, port: str = "out") -> torch.Tensor:
        ports = self.node(node_id).output_ports()
        return self.values[node_id][ports.index(port)]

    def inputs_of(self, node_id: str) -> list[tuple[str, torch.Tensor]]:
        """(input port, tensor) of a node, as its incoming edges deliver them."""
        return [
            (edge.target_port, self.value(edge.source, edge.source_port))
            for edge in self.graph.edges_into(node_id)
            if edge.source in self.values
        ]


def run_forward(
    module: nn.Module, inputs: Sequence[torch.Tensor]
) -> tuple[Any, dict[str, Any]]:
    """``module(*inputs)`` and the local variables of its ``forward`` at return."""
    code = type(module).forward.__code__
    found: dict[str, Any] = {}
    previous = sys.getprofile()

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "return" and frame.f_code is code and not found:
            found.update(frame.f_locals)
        if previous is not None:
            previous(frame, event, arg)

    sys.setprofile(profile)
    try:
        result = module(*inputs)
    finally:
        sys.setprofile(previous)
    return result, found


def capture(
    network: BuiltNetwork, graph: Graph, inputs: Sequence[torch.Tensor]
) -> Capture:
    """Run ``inputs`` (each with a batch axis) through the network, keeping every value."""
    code = network.code
    if len(inputs) != len(code.input_names):
        raise ProbeError(
            f"the network {graph.name!r} takes {len(code.input_names)} inputs "
            f"({', '.join(code.input_names)}), but {len(inputs)} were given"
        )
    try:
        result, local = run_forward(network.module, inputs)
    except (RuntimeError, ValueError, IndexError, TypeError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise ProbeError(
            f"the sample does not fit the network {graph.name!r}: {first or type(error).__name__}"
        ) from None
    outputs = list(result) if isinstance(result, tuple) else [result]
    values = {
        node_id: [local[name] for name in names]
        for node_id, names in code.variables.items()
        if all(name in local for name in names)
    }
    order = [n for n in infer_shapes(graph).order if n in values]
    return Capture(graph, network, order, values, outputs)


def as_batch(sample: np.ndarray, dtype: str) -> torch.Tensor:
    """One sample as a batch of one, float32 or int64 as the Input node says."""
    tensor = torch.from_numpy(np.ascontiguousarray(sample))
    tensor = tensor.long() if dtype == "long" else tensor.float()
    return tensor.unsqueeze(0)


def eval_mode(modules: Sequence[nn.Module]) -> list[bool]:
    """Put modules in eval mode; returns their previous ``training`` flags."""
    flags = [m.training for m in modules]
    for module in modules:
        module.eval()
    return flags


def restore_mode(modules: Sequence[nn.Module], flags: Sequence[bool]) -> None:
    for module, flag in zip(modules, flags, strict=True):
        module.train(flag)
