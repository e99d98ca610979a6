"""Attention weights per head for MultiheadAttention and TransformerEncoderLayer nodes.

Forward hooks on the built modules ask each ``nn.MultiheadAttention`` (a node's
own, or an encoder layer's ``self_attn``) for its per-head weights
(``need_weights=True, average_attn_weights=False``) and keep them; the generated
code is not changed.  The pass runs with gradients on, which keeps PyTorch off
the fused encoder fast path that skips ``self_attn``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import torch
from torch import nn

from designer.codegen.build import BuiltNetwork
from designer.graph.model import Graph
from designer.training.probes import shrink
from designer.training.probes.capture import capture
from designer.training.probes.messages import AttentionMap

ATTENTION_TYPES = ("MultiheadAttention", "TransformerEncoderLayer")


def attention_modules(
    network: BuiltNetwork, graph: Graph
) -> dict[str, nn.MultiheadAttention]:
    """Node id → the ``nn.MultiheadAttention`` that computes its attention."""
    children = dict(network.module.named_children())
    found: dict[str, nn.MultiheadAttention] = {}
    for node in graph.nodes:
        if node.type not in ATTENTION_TYPES:
            continue
        module = children.get(network.code.attributes.get(node.id, ""))
        if isinstance(module, nn.TransformerEncoderLayer):
            module = module.self_attn
        if isinstance(module, nn.MultiheadAttention):
            found[node.id] = module
    return found


@contextmanager
def recording_attention(
    modules: dict[str, nn.MultiheadAttention],
) -> Iterator[dict[str, torch.Tensor]]:
    """While active, each module's per-head weights (N, heads, L, S) land in the dict."""
    weights: dict[str, torch.Tensor] = {}
    handles = []

    def ask_for_weights(_module: nn.Module, args: tuple, kwargs: dict) -> tuple:
        return args, {**kwargs, "need_weights": True, "average_attn_weights": False}

    for node_id, module in modules.items():

        def keep(
            _module: nn.Module, _args: Any, output: Any, node_id: str = node_id
        ) -> None:
            if isinstance(output, tuple) and output[1] is not None:
                weights[node_id] = output[1].detach()

        handles.append(
            module.register_forward_pre_hook(ask_for_weights, with_kwargs=True)
        )
        handles.append(module.register_forward_hook(keep))
    try:
        yield weights
    finally:
        for handle in handles:
            handle.remove()


def attention_maps(
    network: BuiltNetwork, graph: Graph, inputs: Sequence[torch.Tensor], sample: int = 0
) -> list[AttentionMap]:
    """Per attention node, the per-head weights for one sample (rows sum to 1)."""
    modules = attention_modules(network, graph)
    if not modules:
        return []
    with recording_attention(modules) as weights, torch.enable_grad():
        capture(network, graph, inputs)
    maps = []
    for node in graph.nodes:
        if node.id in weights:
            per_head = weights[node.id][sample].float().cpu().numpy()
            maps.append(
                AttentionMap(
                    node_id=node.id,
                    name=node.name,
                    weights=shrink.attention_map(per_head),
                    length=int(per_head.shape[-1]),
                )
            )
    return maps
