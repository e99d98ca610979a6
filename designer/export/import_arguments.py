"""What a recurrent or attention call is given besides its sequence: initial
states and masks, found in the traced graph before any card is drawn.

An argument computed without the inputs' values — from sizes, constants and
buffers, as ``nn.Transformer.generate_square_subsequent_mask(x.size(1))`` or
``torch.zeros(layers, x.size(0), hidden)`` are — is not drawn: its value, kept
while the model runs on the example inputs, says whether a card's setting
expresses it (a causal mask, a state of zeros).  A model input passed as a
state or a key padding mask gets example values fitting that role.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from types import MethodDescriptorType
from typing import Any

import torch
import torch.fx
from torch import nn
from torch.fx.passes.shape_prop import ShapeProp

RECURRENT_MODULES = (nn.RNN, nn.GRU, nn.LSTM)
CELL_MODULES = (nn.RNNCell, nn.GRUCell, nn.LSTMCell)
ATTENTION_MODULES = (nn.MultiheadAttention, nn.TransformerEncoderLayer)
DECODER_MODULES = (nn.TransformerDecoderLayer,)
# Uses of a tensor that read only its size, device or type, not its values.
_SIZE_METHODS = frozenset(
    {"size", "dim", "new_zeros", "new_ones", "new_full", "new_empty", "new_tensor"}
)
_SIZE_ATTRIBUTES = frozenset({"shape", "device", "dtype", "ndim"})


def _argument(node: torch.fx.Node, position: int, name: str) -> Any:
    if len(node.args) > position:
        return node.args[position]
    return node.kwargs.get(name)


def nodes_in(value: Any) -> list[torch.fx.Node]:
    """The traced nodes in an argument (a node, or a tuple or dict of them)."""
    if isinstance(value, torch.fx.Node):
        return [value]
    if isinstance(value, list | tuple):
        return [n for item in value for n in nodes_in(item)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in nodes_in(item)]
    return []


@dataclass(frozen=True)
class RecurrentCall:
    """``self.lstm(x, (h0, c0))``: the sequence and the initial state, if any."""

    sequence: Any
    state: Any

    @classmethod
    def of(cls, node: torch.fx.Node) -> RecurrentCall:
        return cls(_argument(node, 0, "input"), _argument(node, 1, "hx"))


@dataclass(frozen=True)
class AttentionCall:
    """``attn(q, k, v, key_padding_mask=…, attn_mask=…)`` or
    ``encoder_layer(x, src_mask=…, src_key_padding_mask=…)``; ``is_causal`` is
    only PyTorch's hint about the mask, which is read itself."""

    query: Any
    key: Any
    value: Any
    padding: Any
    mask: Any

    @classmethod
    def of(cls, node: torch.fx.Node, module: nn.Module) -> AttentionCall:
        if isinstance(
            module, nn.TransformerDecoderLayer
        ):  # the target's self-attention
            target = _argument(node, 0, "tgt")
            return cls(
                target,
                target,
                target,
                _argument(node, 4, "tgt_key_padding_mask"),
                _argument(node, 2, "tgt_mask"),
            )
        if isinstance(module, nn.MultiheadAttention):
            return cls(
                _argument(node, 0, "query"),
                _argument(node, 1, "key"),
                _argument(node, 2, "value"),
                _argument(node, 3, "key_padding_mask"),
                _argument(node, 5, "attn_mask"),
            )
        source = _argument(node, 0, "src")
        return cls(
            source,
            source,
            source,
            _argument(node, 2, "src_key_padding_mask"),
            _argument(node, 1, "src_mask"),
        )


def decoder_arguments(node: torch.fx.Node) -> tuple[Any, dict[str, Any]]:
    """A decoder layer call's memory, and the masks other than tgt_mask it was given
    (by name)."""
    others = {
        name: _argument(node, index, name)
        for index, name in (
            (3, "memory_mask"),
            (4, "tgt_key_padding_mask"),
            (5, "memory_key_padding_mask"),
        )
    }
    given = {name: value for name, value in others.items() if value is not None}
    return _argument(node, 1, "memory"), given


def _module(graph_module: torch.fx.GraphModule, node: torch.fx.Node) -> Any:
    if node.op != "call_module":
        return None
    return graph_module.get_submodule(str(node.target))


def fixed_arguments(
    graph_module: torch.fx.GraphModule,
) -> dict[torch.fx.Node, set[torch.fx.Node]]:
    """Each recurrent or attention call → the nodes it takes as an initial state or
    an attention mask (which may be fixed tensors rather than drawn ones)."""
    found: dict[torch.fx.Node, set[torch.fx.Node]] = {}
    for node in graph_module.graph.nodes:
        module = _module(graph_module, node)
        if isinstance(module, RECURRENT_MODULES):
            found[node] = set(nodes_in(RecurrentCall.of(node).state))
        elif isinstance(module, ATTENTION_MODULES + DECODER_MODULES):
            found[node] = set(nodes_in(AttentionCall.of(node, module).mask))
    return found


def _reads_only_size(user: torch.fx.Node, node: torch.fx.Node) -> bool:
    """Whether ``user`` takes only ``node``'s size, device or type."""
    method = user.op == "call_method" or (  # x.new_zeros(…) on a parameter
        user.op == "call_function" and isinstance(user.target, MethodDescriptorType)
    )
    if method and getattr(user.target, "__name__", user.target) in _SIZE_METHODS:
        return user.args[0] is node and node not in nodes_in(user.args[1:])
    if user.op == "call_function" and user.target is getattr:
        return user.args[1] in _SIZE_ATTRIBUTES
    return False


def data_free(graph: torch.fx.Graph) -> set[torch.fx.Node]:
    """Nodes whose values do not depend on the inputs' values: made of sizes,
    constants and tensors stored on the model."""
    free: set[torch.fx.Node] = set()
    for node in graph.nodes:
        if node.op in ("placeholder", "call_module", "output"):
            continue
        if all(
            source in free or _reads_only_size(node, source)
            for source in node.all_input_nodes
        ):
            free.add(node)
    return free


def not_drawn(
    graph: torch.fx.Graph,
    free: set[torch.fx.Node],
    fixed: dict[torch.fx.Node, set[torch.fx.Node]],
) -> set[torch.fx.Node]:
    """Fixed nodes used only to make a state or a mask: the card's settings stand
    for them, so they are neither drawn nor refused on their own."""
    hidden: set[torch.fx.Node] = set()
    for node in reversed(graph.nodes):
        if node not in free or not node.users:
            continue
        if all(user in hidden or node in fixed.get(user, ()) for user in node.users):
            hidden.add(node)
    return hidden


def parameters_in(graph_module: torch.fx.GraphModule, node: torch.fx.Node) -> list[str]:
    """The model's parameters (learned tensors) that ``node`` is computed from."""
    learned = dict(graph_module.named_parameters())
    seen, stack, found = set(), [node], []
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if current.op == "get_attr" and str(current.target) in learned:
            found.append(str(current.target))
        stack.extend(  # not what gives only a size or type: weight.new_zeros(…)
            n for n in current.all_input_nodes if not _reads_only_size(current, n)
        )
    return found


def is_flags(node: torch.fx.Node) -> bool:
    """``x.bool()`` or ``x != 0``: the boolean mask a key padding card makes of x."""
    if node.op == "call_method" and node.target == "bool":
        return len(node.args) == 1
    not_equal = node.target in (operator.ne, torch.ne) or (
        node.op == "call_method" and node.target == "ne"
    )
    return not_equal and len(node.args) == 2 and node.args[1] == 0


def _uses(node: torch.fx.Node) -> Iterable[tuple[torch.fx.Node, torch.fx.Node]]:
    """(user, node) for each use, looking through ``.bool()``, ``!= 0`` and
    ``.contiguous()``."""
    for user in node.users:
        if is_flags(user) or (user.op == "call_method" and user.target == "contiguous"):
            yield from _uses(user)
        else:
            yield user, node


def used_only_as(
    graph_module: torch.fx.GraphModule, node: torch.fx.Node, role: str
) -> bool:
    """Whether every use of ``node`` is as an initial state (``"state"``) or a key
    padding mask (``"padding"``)."""
    uses = list(_uses(node))
    return bool(uses) and all(
        _role(graph_module, user, used) == role for user, used in uses
    )


def _role(
    graph_module: torch.fx.GraphModule, user: torch.fx.Node, used: torch.fx.Node
) -> str | None:
    module = _module(graph_module, user)
    if isinstance(module, RECURRENT_MODULES):
        call = RecurrentCall.of(user)
        if used in nodes_in(call.state) and used is not call.sequence:
            return "state"
    elif isinstance(module, ATTENTION_MODULES):
        call = AttentionCall.of(user, module)
        if used is call.padding and used not in (call.query, call.key, call.value):
            return "padding"
    return None


def placeholder_roles(
    graph_module: torch.fx.GraphModule,
) -> dict[torch.fx.Node, str]:
    """Model inputs used only as a recurrent layer's initial state (``"state"``) or
    as attention's key padding mask (``"padding"``)."""
    return {
        node: role
        for node in graph_module.graph.nodes
        if node.op == "placeholder"
        for role in ("state", "padding")
        if used_only_as(graph_module, node, role)
    }


def padding_example(example: torch.Tensor) -> torch.Tensor:
    """Flags 0/1 for a key padding mask input, never padding the first position
    (a row of nothing but padding has no position to attend to)."""
    if example.is_floating_point():
        return example  # refused as a mask (PyTorch adds float masks to the scores)
    flags = example % 2
    flags[:, 0] = 0
    return flags


class ValueRecorder(ShapeProp):
    """Shape propagation that also keeps the values of the ``wanted`` nodes."""

    def __init__(
        self, module: torch.fx.GraphModule, wanted: Iterable[torch.fx.Node]
    ) -> None:
        super().__init__(module)
        self.wanted = set(wanted)
        self.values: dict[torch.fx.Node, torch.Tensor] = {}
        self.failed_at: torch.fx.Node | None = None  # the call that raised

    def run_node(self, n: torch.fx.Node) -> Any:
        try:
            result = super().run_node(n)
        except Exception:
            self.failed_at = n
            raise
        if n in self.wanted and isinstance(result, torch.Tensor):
            self.values[n] = result.detach().clone()
        return result
