"""Module calls of the traced graph (``self.conv(x)``, ``self.lstm(x)``) turned
into layer cards with the rules of :mod:`designer.export.fx_layers`."""

from __future__ import annotations

import torch.fx
from torch import nn

from designer.export import fx_layers as rules
from designer.export.import_graph import GraphBuilder


def call_module(builder: GraphBuilder, node: torch.fx.Node) -> None:
    target = str(node.target)
    module = builder.module.get_submodule(target)
    inputs = builder.tensors(node.args) + builder.tensors(node.kwargs)
    if isinstance(module, rules.PASS_THROUGH_MODULES) and len(inputs) == 1:
        builder.alias(node, inputs[0])
        return
    rule = rules.rule_for(module)
    if rule is None:
        builder.refuse(
            node,
            f"{target} ({type(module).__name__})",
            "no layer card draws this module",
        )
        return
    try:
        made = rule(module)
    except Exception as error:  # Unsupported, or a setting of an unexpected type
        builder.refuse(node, f"{target} ({type(module).__name__})", str(error))
        return
    if isinstance(module, nn.MultiheadAttention):
        if len(set(inputs)) != 1 or node.kwargs.get("attn_mask") is not None:
            builder.refuse(
                node,
                target,
                "only self-attention (query = key = value), without a mask",
            )
            return
        inputs = inputs[:1]
    if isinstance(module, rules.TUPLE_MODULES) and len(inputs) != 1:
        builder.refuse(
            node,
            target,
            "an initial state or extra inputs (cards take the sequence only)",
        )
        return
    card_id = builder.card(node, made, inputs)
    if card_id is not None:
        builder.module_of[card_id] = target
