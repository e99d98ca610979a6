"""Module calls of the traced graph (``self.conv(x)``, ``self.lstm(x, state)``,
``self.attn(x, x, x, attn_mask=…)``) turned into layer cards with the rules of
:mod:`designer.export.fx_layers`.

A recurrent layer's initial state goes onto the card's h0/c0 ports (a state of
zeros is the card's own start); an attention layer's causal mask sets the card's
``causal`` switch and its key padding mask goes onto the card's mask port.
"""

from __future__ import annotations

import torch
import torch.fx
from torch import nn

from designer.export import fx_layers as rules
from designer.export.fx_layers import Card
from designer.export.import_arguments import (
    ATTENTION_MODULES,
    CELL_MODULES,
    DECODER_MODULES,
    RECURRENT_MODULES,
    AttentionCall,
    RecurrentCall,
    decoder_arguments,
    nodes_in,
    parameters_in,
)
from designer.export.import_graph import (
    PADDING_HINT,
    SEQUENCE_HINT,
    STATE_HINT,
    GraphBuilder,
    Source,
)
from designer.i18n import QT_TRANSLATE_NOOP, Cli

CAUSAL_HINT = QT_TRANSLATE_NOOP(
    "Cli",
    "only a causal mask can be drawn (the card's causal switch): "
    "attn_mask=nn.Transformer.generate_square_subsequent_mask(L) or "
    "torch.triu(torch.ones((L, L)), 1).bool(); padding goes in key_padding_mask",
)


class Refused(Exception):
    """An argument of a module call that no card setting expresses."""


def call_module(builder: GraphBuilder, node: torch.fx.Node) -> None:
    target = str(node.target)
    module = builder.module.get_submodule(target)
    inputs = builder.tensors(node.args) + builder.tensors(node.kwargs)
    if isinstance(module, rules.PASS_THROUGH_MODULES) and len(inputs) == 1:
        builder.alias(node, inputs[0])
        return
    if target in builder.module_of.values():
        builder.refuse(
            node,
            target,
            Cli.tr(
                "called again: a card has weights of its own, so a module used twice "
                "cannot be drawn"
            ),
        )
        return
    rule = rules.rule_for(module)
    if rule is None:
        builder.refuse(
            node,
            f"{target} ({type(module).__name__})",
            Cli.tr("no layer card draws this module"),
        )
        return
    try:
        made = rule(module)
        sources: list[torch.fx.Node | Source] = list(inputs)
        if isinstance(module, RECURRENT_MODULES):
            made, sources = _recurrent(builder, node, module, made)
        elif isinstance(module, CELL_MODULES):
            made, sources = _cell(builder, node, made)
        elif isinstance(module, ATTENTION_MODULES):
            made, sources = _attention(builder, node, module, made)
        elif isinstance(module, DECODER_MODULES):
            made, sources = _decoder(builder, node, module, made)
        time_major = _time_major_result(builder, made, inputs)
    except Exception as error:  # Refused, Unsupported, or an unexpected setting
        builder.refuse(node, f"{target} ({type(module).__name__})", str(error))
        return
    card_id = builder.card(node, made, sources)
    if card_id is not None:
        builder.module_of[card_id] = target
        if time_major:
            builder.time_major.add(node)


def _time_major_result(
    builder: GraphBuilder, made: Card, inputs: list[torch.fx.Node]
) -> bool:
    """Whether the module's result is time-major (the batch second): a layer built
    without batch_first gives it, and a layer acting on each position alone keeps
    its input's layout.  A layout the card cannot take is :class:`Refused`."""
    time_major = [n in builder.time_major for n in inputs]
    if "batch_first" in made.params:
        wanted = not made.params["batch_first"]
        sequences = (
            time_major[:2] if made.type in rules.TWO_SEQUENCES else time_major[:1]
        )
        if any(t != wanted for t in sequences):
            raise Refused(_layout_hint(wanted))
        return wanted
    if not any(time_major):
        return False
    if not all(time_major):
        raise Refused(Cli.tr(STATE_HINT))
    try:
        rules.per_position_card(made, len(builder.shape(inputs[0]) or []))
    except rules.Unsupported as error:
        hint = builder.time_major_hint(inputs[0])
        raise Refused(Cli.tr("{0}; {1}").format(error, hint)) from None
    return True


def _layout_hint(time_major: bool) -> str:
    if time_major:
        return Cli.tr(
            "built without batch_first, it takes a time-major sequence (L, N, …), "
            "and the model's inputs are batch-first (--input gives a sample without "
            "the batch): give it x.permute(1, 0, 2) (or x.transpose(0, 1)) of a "
            "batch-first one"
        )
    return Cli.tr(
        "built with batch_first=True, it takes a batch-first sequence (N, L, …); {0}"
    ).format(Cli.tr(SEQUENCE_HINT))


def _recurrent(
    builder: GraphBuilder, node: torch.fx.Node, module: nn.Module, made: Card
) -> tuple[Card, list[torch.fx.Node | Source]]:
    """The sequence, and the initial state on the card's h0 (and c0) ports."""
    call = RecurrentCall.of(node)
    if call.sequence not in builder.produced:
        raise Refused(Cli.tr("the sequence is not a tensor drawn on the canvas"))
    states = _states(builder, module, call.state)
    if not states:
        return made, [call.sequence]
    return Card(made.type, {**made.params, "state_in": True}), [call.sequence, *states]


def _cell(
    builder: GraphBuilder, node: torch.fx.Node, made: Card
) -> tuple[Card, list[torch.fx.Node | Source]]:
    """The input, and a previous state on the cell's h (and c) ports; a state of
    zeros is the card's own start."""
    call = RecurrentCall.of(node)
    if call.sequence not in builder.produced:
        raise Refused(Cli.tr("the input is not a tensor drawn on the canvas"))
    parts = nodes_in(call.state)
    if call.state is None or all(_is_zeros(builder, part) for part in parts):
        return made, [call.sequence]
    if any(
        part not in builder.produced or part in builder.time_major for part in parts
    ):
        raise Refused(
            Cli.tr(
                "a state that is not drawn on the canvas: give the cell h (and c) "
                "as (N, hidden) tensors the model computes, or none"
            )
        )
    return Card(made.type, {**made.params, "state_in": True}), [call.sequence, *parts]


def _states(builder: GraphBuilder, module: nn.Module, state: object) -> list[Source]:
    """The card ports the initial state comes from; none for a state of zeros."""
    if state is None:
        return []
    if isinstance(state, torch.fx.Node) and isinstance(module, nn.LSTM):
        if state not in builder.produced:
            raise Refused(
                Cli.tr("an LSTM state that is not the (h, c) pair of another LSTM")
            )
        card_id, port = builder.produced[state]
        if port != rules.LSTM_STATE:
            raise Refused(
                Cli.tr("an LSTM state that is not the (h, c) pair of another LSTM")
            )
        return [(card_id, "h_n"), (card_id, "c_n")]
    parts = nodes_in(state)
    zeros = [_is_zeros(builder, part) for part in parts]
    if all(zeros):
        return []  # the card starts from zeros itself
    if any(zeros):
        raise Refused(
            Cli.tr("h0 of zeros with a c0 that is not: give both, or neither")
        )
    sources = []
    for part in parts:
        if part not in builder.time_major:
            raise Refused(
                Cli.tr(
                    "initial state {0} is not a recurrent layer's final state "
                    "or a model input: states are drawn batch-first, so give the card "
                    "h.transpose(0, 1) of a batch-first (N, num_layers·directions, "
                    "hidden) tensor, or h.unsqueeze(0) of an (N, hidden) one"
                ).format(part.name)
            )
        sources.append(builder.produced[part])
    return sources


def _is_zeros(builder: GraphBuilder, part: torch.fx.Node) -> bool:
    """Whether ``part`` is a fixed state of zeros (``torch.zeros(…)``); a fixed
    state of other values, or a learned one, is refused."""
    if part not in builder.hidden:
        return False
    learned = parameters_in(builder.module, part)
    if learned:
        raise Refused(
            Cli.tr(
                "a learned initial state ({0}): the cards start from zeros or from a "
                "state input"
            ).format(", ".join(learned))
        )
    value = builder.values.get(part)
    if value is None or bool(value.any()):
        raise Refused(Cli.tr("a fixed initial state other than zeros"))
    return True


def _attention(
    builder: GraphBuilder,
    node: torch.fx.Node,
    module: nn.Module,
    made: Card,
) -> tuple[Card, list[torch.fx.Node | Source]]:
    """Self-attention's sequence, with the causal switch and the key padding port."""
    call = AttentionCall.of(node, module)
    if not (call.query is call.key is call.value):
        raise Refused(
            Cli.tr(
                "cross-attention (query differs from key/value): the card is "
                "self-attention, query = key = value"
            )
        )
    if call.query not in builder.produced:
        raise Refused(Cli.tr("the sequence is not a tensor drawn on the canvas"))
    named = {call.query, call.padding, call.mask}
    extra = [n for n in nodes_in(node.args) + nodes_in(node.kwargs) if n not in named]
    if extra:
        raise Refused(Cli.tr("inputs other than the sequence and its masks"))
    params = dict(made.params)
    params["causal"] = _causal(builder, node, call)
    sources: list[torch.fx.Node | Source] = [call.query]
    if call.padding is not None:
        sources.append(_padding(builder, call.padding))
        params["key_padding_port"] = True
    return Card(made.type, params), sources


def _decoder(
    builder: GraphBuilder,
    node: torch.fx.Node,
    module: nn.Module,
    made: Card,
) -> tuple[Card, list[torch.fx.Node | Source]]:
    """A decoder layer's target and memory; a causal tgt_mask sets the card's causal
    switch, and the masks the card has no port for are refused by name."""
    call = AttentionCall.of(node, module)
    memory, others = decoder_arguments(node)
    if call.query not in builder.produced or memory not in builder.produced:
        raise Refused(Cli.tr("the sequence is not a tensor drawn on the canvas"))
    if others:
        raise Refused(
            Cli.tr("{0} (the card has a causal switch for the target only)").format(
                ", ".join(others)
            )
        )
    params = {**made.params, "causal": _causal(builder, node, call)}
    return Card(made.type, params), [call.query, memory]


def _causal(builder: GraphBuilder, node: torch.fx.Node, call: AttentionCall) -> bool:
    mask = call.mask
    if mask is None:  # is_causal alone: PyTorch refuses to run it
        return False
    if not isinstance(mask, torch.fx.Node) or mask not in builder.hidden:
        raise Refused(
            Cli.tr("a mask computed from the model's inputs: {0}").format(
                Cli.tr(CAUSAL_HINT)
            )
        )
    learned = parameters_in(builder.module, mask)
    if learned:
        raise Refused(
            Cli.tr("a learned mask ({0}): {1}").format(
                ", ".join(learned), Cli.tr(CAUSAL_HINT)
            )
        )
    time = 0 if call.query in builder.time_major else 1
    length = (builder.shape(call.query) or [0, 0])[time]
    value = builder.values.get(mask)
    if value is None or not _is_causal(value, length):
        raise Refused(
            Cli.tr("a mask that is not causal: {0}").format(Cli.tr(CAUSAL_HINT))
        )
    return True


def _is_causal(value: torch.Tensor, length: int) -> bool:
    """The (L, L) mask that is True (or -inf) above the diagonal, else False (0)."""
    if tuple(value.shape) != (length, length):
        return False
    above = torch.ones(length, length, dtype=torch.bool).triu(1)
    if value.dtype == torch.bool:
        return torch.equal(value, above)
    if value.is_floating_point():
        return torch.equal(torch.isneginf(value), above) and bool(
            (value[~above] == 0).all()
        )
    return False


def _padding(builder: GraphBuilder, padding: object) -> torch.fx.Node:
    if not isinstance(padding, torch.fx.Node) or padding not in builder.produced:
        raise Refused(
            Cli.tr("a key padding mask that is not drawn on the canvas: {0}").format(
                Cli.tr(PADDING_HINT)
            )
        )
    meta = padding.meta.get("tensor_meta")
    if getattr(meta, "dtype", None) != torch.bool:
        raise Refused(
            Cli.tr(
                "a float key padding mask (PyTorch adds it to the attention scores): "
                "{0}"
            ).format(Cli.tr(PADDING_HINT))
        )
    return padding
