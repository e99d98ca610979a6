"""The traced graph's nodes turned into layer cards, one fx node at a time.

:class:`GraphBuilder` keeps which card and port each traced tensor is on the
canvas, creates cards for function calls, tensor methods and indexing (module
calls are :mod:`designer.export.import_calls`), and collects every refusal with
its place in the user's file.  Time-major tensors (a recurrent state, a sequence
for a layer built without batch_first) stand for a batch-first port; permutes
between the two layouts draw nothing (see :mod:`designer.export.model_import`).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.fx

from designer.export import fx_layers as rules
from designer.export.fx_layers import Card, Unsupported
from designer.export.import_arguments import is_flags, used_only_as
from designer.export.import_blocks import owners_from_stack
from designer.graph.model import Graph
from designer.i18n import QT_TRANSLATE_NOOP, Cli

# A tensor on the canvas: (card id, its output port).
Source = tuple[str, str]
PADDING_HINT = QT_TRANSLATE_NOOP(
    "Cli",
    "the card's key padding port takes flags, nonzero at padding: pass a model "
    "input of 0/1 as key_padding_mask=pad.bool() (or pad != 0)",
)
STATE_HINT = QT_TRANSLATE_NOOP(
    "Cli",
    "a recurrent state (num_layers·directions, N, hidden) is drawn batch-first; "
    "use h[-1], h.squeeze(0) (one layer), h.transpose(0, 1), or pass it on as "
    "another recurrent layer's initial state",
)


SEQUENCE_HINT = QT_TRANSLATE_NOOP(
    "Cli",
    "a time-major sequence (L, N, …), as a layer built without batch_first takes "
    "it, is drawn batch-first; give it back with x.permute(1, 0, 2) or "
    "x.transpose(0, 1)",
)
REPEAT_HINT = QT_TRANSLATE_NOOP(
    "Cli",
    "only a tensor repeated at every step of a sequence is drawn (RepeatTimeStep): "
    "context.repeat(X.shape[0], 1, 1) of an (N, hidden) context and a time-major "
    "X, or context.repeat(X.shape[1], 1, 1) of a batch-first X",
)


def _length_of(count: Any) -> tuple[torch.fx.Node, int] | None:
    """(X, d) for a repeat count that is ``X.shape[d]`` or ``X.size(d)``."""
    if not isinstance(count, torch.fx.Node):
        return None
    if count.op == "call_method" and count.target == "size" and len(count.args) == 2:
        tensor, dim = count.args
        return (tensor, dim) if isinstance(dim, int) else None
    if count.op == "call_function" and count.target is operator.getitem:
        shape, dim = count.args
        if (
            isinstance(shape, torch.fx.Node)
            and shape.target is getattr
            and shape.args[1] == "shape"
            and isinstance(dim, int)
        ):
            return shape.args[0], dim
    return None


def _same_kind(source: torch.fx.Node, node: torch.fx.Node) -> bool:
    """Whether a cast keeps ids ids and numbers numbers (int64 → int32 does)."""
    kinds = [getattr(n.meta.get("tensor_meta"), "dtype", None) for n in (source, node)]
    if None in kinds:
        return False
    return len({dtype.is_floating_point for dtype in kinds}) == 1 and (
        torch.bool not in kinds
    )


def place(node: torch.fx.Node, path: Path | None) -> str:
    """``file.py, line N`` of the user's code that made ``node``."""
    trace = node.stack_trace or ""
    found = re.findall(r'File "([^"]+)", line (\d+)', trace)
    for filename, line in reversed(found):
        if path is None:  # the model's own code: the last frame outside torch
            if Path(torch.__file__).parent not in Path(filename).resolve().parents:
                return Cli.tr("{0}, line {1}").format(Path(filename).name, line)
        elif Path(filename).resolve() == path.resolve():
            return Cli.tr("{0}, line {1}").format(Path(filename).name, line)
    return Cli.tr("the model")


@dataclass
class GraphBuilder:
    module: torch.fx.GraphModule
    graph: Graph
    path: Path | None
    problems: list[str] = field(default_factory=list)
    # fx node → (card id, its output port), for tensors on the canvas.
    produced: dict[torch.fx.Node, Source] = field(default_factory=dict)
    key_map: dict[str, str] = field(default_factory=dict)
    # Nodes refused, or fed by a refused one (whose problem is listed once).
    failed: set[torch.fx.Node] = field(default_factory=set)
    module_of: dict[str, str] = field(default_factory=dict)  # card id → module path
    # card id → the user's modules it was made in (see import_blocks).
    owners: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Time-major tensors standing for a port that holds them batch-first:
    # recurrent states as PyTorch holds them, (num_layers·directions, N, hidden),
    # and sequences (L, N, …) of layers built without batch_first.
    time_major: set[torch.fx.Node] = field(default_factory=set)
    # Fixed states and masks that a card's setting stands for, and the values
    # of the fixed arguments (see import_arguments).
    hidden: set[torch.fx.Node] = field(default_factory=set)
    values: dict[torch.fx.Node, torch.Tensor] = field(default_factory=dict)

    def shape(self, node: Any) -> list[int] | None:
        meta = node.meta.get("tensor_meta") if isinstance(node, torch.fx.Node) else None
        return list(meta.shape) if hasattr(meta, "shape") else None

    def tensors(self, value: Any) -> list[torch.fx.Node]:
        if isinstance(value, torch.fx.Node):
            return [value] if value in self.produced else []
        if isinstance(value, list | tuple):
            return [n for item in value for n in self.tensors(item)]
        if isinstance(value, dict):
            return [n for item in value.values() for n in self.tensors(item)]
        return []

    def refuse(self, node: torch.fx.Node, what: str, why: str) -> None:
        self.failed.add(node)
        where = place(node, self.path)
        self.problems.append(Cli.tr("{0}: {1}: {2}").format(where, what, why))

    def follows_failure(self, node: torch.fx.Node) -> bool:
        """Whether ``node`` uses a refused node: it is left out without a message."""
        if any(n in self.failed for n in node.all_input_nodes):
            self.failed.add(node)
            return True
        return False

    def card(
        self,
        node: torch.fx.Node,
        made: Card,
        inputs: list[torch.fx.Node] | list[torch.fx.Node | Source],
    ) -> str | None:
        """A card for ``node`` fed by ``inputs`` (traced tensors, or card ports) in
        the order of its input ports; its first output stands for ``node``."""
        name: str | None = None  # a function call gets the card's own default name
        if node.op == "call_module":  # a module keeps its path: stem.0 → stem_0
            name = re.sub(r"\W", "_", str(node.target))
            if name[:1].isdigit():  # nn.Sequential's children are called 0, 1, …
                name = f"{made.type.lower()}_{name}"
        try:
            created = self.graph.add_node(made.type, name, made.params)
            ports = created.input_ports()
            if len(ports) != len(inputs):
                raise Unsupported(
                    f"{len(inputs)} inputs where {made.type} takes {len(ports)}"
                )
            for port, source in zip(ports, inputs, strict=True):
                source_id, source_port = (
                    self.produced[source]
                    if isinstance(source, torch.fx.Node)
                    else source
                )
                self.graph.connect(source_id, source_port, created.id, port)
        except Exception as error:
            self.refuse(node, made.type, str(error))
            return None
        self.produced[node] = (created.id, created.output_ports()[0])
        self.owners[created.id] = owners_from_stack(
            node.meta.get("nn_module_stack", {})
        )
        return created.id

    def alias(
        self, node: torch.fx.Node, source: torch.fx.Node, port: str | None = None
    ) -> None:
        card_id, source_port = self.produced[source]
        self.produced[node] = (card_id, port or source_port)
        if port is None and source in self.time_major:
            self.time_major.add(node)

    def call(self, node: torch.fx.Node) -> None:
        """A function (``torch.add``, ``F.relu``) or a tensor method (``x.view``)."""
        method = node.op == "call_method"
        name = (
            str(node.target)
            if method
            else getattr(node.target, "__name__", str(node.target))
        )
        args = list(node.args)
        inputs = self.tensors(node.args) + self.tensors(node.kwargs)
        shapes = [self.shape(n) or [] for n in inputs]
        out_shape = self.shape(node)
        if out_shape is None and name in ("size", "dim", "getattr") and inputs:
            return  # a size (x.size(0), x.shape): feeds a reshape, drawn as a shape
        if not inputs:
            return  # arithmetic on sizes and constants: feeds a reshape at most
        if node.target is operator.getitem:
            self.getitem(node, args)
            return
        if name == "repeat" and method:  # context.repeat(X.shape[0], 1, 1)
            self.repeat(node, args)
            return
        if any(n in self.time_major for n in inputs):
            self.time_major_call(node, name, method, args, inputs)
            return
        if used_only_as(self.module, node, "state") and self.to_state(
            node, name, method, args
        ):
            return
        if is_flags(node):
            self.padding_flags(node, name, inputs[0])
            return
        if used_only_as(self.module, node, "padding"):  # ids == 0: flags made here
            self.refuse(
                node,
                f"{name}(…)",
                Cli.tr("a key padding mask made in forward; {0}").format(
                    Cli.tr(PADDING_HINT)
                ),
            )
            return
        if name == "chunk":  # x.chunk(2, dim=1) or torch.chunk(x, 2, 1)
            self.chunk(node)
            return
        if method and name in rules.PASS_THROUGH_METHODS:
            self.alias(node, inputs[0])
            return
        if method and name in rules.CASTS:  # ids.type(torch.int32), x.to(device)
            if _same_kind(inputs[0], node):
                self.alias(node, inputs[0])
            else:
                self.refuse(
                    node, f".{name}(…)", Cli.tr("a change between ids and numbers")
                )
            return
        if (
            method and name in rules.RESHAPES
        ) or node.target in rules.RESHAPE_FUNCTIONS:
            made = rules.reshape_card(out_shape or [])
            self.card(node, made, inputs[:1])
            return
        try:
            if (
                method and name in rules.PERMUTES
            ) or node.target in rules.PERMUTE_FUNCTIONS:
                self.permute(node, name, args, inputs[0])
                return
            rule = (
                rules.METHOD_RULES.get(name)
                if method
                else rules.FUNCTION_RULES.get(node.target)
            )
            if rule is None:
                raise Unsupported(Cli.tr("no layer card draws this call"))
            made = rule(args, dict(node.kwargs), shapes)
        except Exception as error:  # Unsupported, or arguments of an unexpected kind
            self.refuse(node, f"{'.' if method else ''}{name}(…)", str(error))
            return
        self.card(node, made, inputs)

    def getitem(self, node: torch.fx.Node, args: list[Any]) -> None:
        source, index = args[0], args[1]
        if not node.users:
            return  # an unused part of a tuple, as in ``out, _ = self.lstm(x)``
        card_id, _port = self.produced[source]
        card = self.graph.node(card_id)
        if self.shape(source) is None:  # a tuple: (outputs, state) or chunks
            state = rules.state_port(card.type, _port, index)
            if card.type in ("Split", "LSTMCell") and isinstance(index, int):
                self.alias(node, source, card.output_ports()[index])
            elif state is not None:  # PyTorch's (num_layers·directions, N, hidden)
                self.graph.set_param(card_id, "state_out", True)
                self.alias(node, source, state)
                self.time_major.add(node)
            elif index == 0:
                self.alias(node, source)
            else:
                self.refuse(
                    node,
                    Cli.tr("[{0}] of {1}").format(index, card.name),
                    Cli.tr("not drawn (of a recurrent state, only h[-1] is)"),
                )
            return
        if source in self.time_major:  # only the last layer's state is drawn
            layers = (self.shape(source) or [0])[0]
            if index == -1 or (index == 0 and layers == 1):
                self.card(node, Card("LastTimeStep", {}), [source])
            else:
                self.refuse(
                    node,
                    Cli.tr("[{0}] of {1}'s time-major output").format(index, card.name),
                    self.time_major_hint(source),
                )
            return
        if rules.is_last_step(index, len(self.shape(source) or [])):
            self.card(node, Card("LastTimeStep", {}), [source])
            return
        self.refuse(
            node,
            Cli.tr("indexing {0}").format(card.name),
            Cli.tr("[{0}] (only x[:, -1] of a sequence is drawn)").format(index),
        )

    def permute(
        self, node: torch.fx.Node, name: str, args: list[Any], source: torch.fx.Node
    ) -> None:
        """``x.permute(…)``/``x.transpose(a, b)``: a Permute card, or nothing when
        it only turns a sequence time-major or back (the port holds both)."""
        made, time_major = rules.permute_card(
            name, args[1:], len(self.shape(source) or []), source in self.time_major
        )
        if made is None:
            self.produced[node] = self.produced[source]
        elif self.card(node, made, [source]) is None:
            return
        if time_major:
            self.time_major.add(node)

    def time_major_call(
        self,
        node: torch.fx.Node,
        name: str,
        method: bool,
        args: list[Any],
        inputs: list[torch.fx.Node],
    ) -> None:
        """A call on a time-major tensor: a recurrent state as PyTorch holds it, or
        a sequence made (L, N, …) for a layer built without batch_first."""
        source = args[0]
        shape = self.shape(source) or []
        squeeze = node.kwargs.get("dim", args[1] if len(args) > 1 else None)
        what = f"{'.' if method else ''}{name}(…)"
        hint = self.time_major_hint(inputs[0])
        try:
            if (method and name in rules.PASS_THROUGH_METHODS) or (
                method and name in rules.CASTS and _same_kind(source, node)
            ):
                self.alias(node, source)
            elif (method and name in rules.PERMUTES) or (
                node.target in rules.PERMUTE_FUNCTIONS
            ):
                self.permute(node, name, args, source)
            elif name == "squeeze" and squeeze == 0 and shape[:1] == [1]:
                self.card(node, Card("LastTimeStep", {}), [source])
            else:
                self.per_position_call(node, name, method, args, inputs)
        except Exception as error:  # Unsupported, or arguments of an unexpected kind
            self.refuse(
                node,
                Cli.tr("{0} of a time-major tensor").format(what),
                Cli.tr("{0}; {1}").format(error, hint),
            )

    def per_position_call(
        self,
        node: torch.fx.Node,
        name: str,
        method: bool,
        args: list[Any],
        inputs: list[torch.fx.Node],
    ) -> None:
        """``torch.cat((X, context), 2)``, ``F.relu(x)``, ``a + b`` of time-major
        tensors: the card on their batch-first ports, the result time-major."""
        if not all(n in self.time_major for n in inputs):
            raise Unsupported(Cli.tr("mixed with a batch-first tensor"))
        rank = len(self.shape(inputs[0]) or [])
        if node.target in (torch.cat, torch.concat):
            dim = node.kwargs.get("dim", args[1] if len(args) > 1 else 0)
            made = Card("Concat", {"inputs": len(inputs), "dim": dim})
        else:
            rule = (
                rules.METHOD_RULES.get(name)
                if method
                else rules.FUNCTION_RULES.get(node.target)
            )
            if rule is None:
                raise Unsupported(Cli.tr("no layer card draws this call"))
            shapes = [self.shape(n) or [] for n in inputs]
            made = rule(args, dict(node.kwargs), shapes)
        made = rules.per_position_card(made, rank)
        if self.card(node, made, inputs) is not None:
            self.time_major.add(node)

    def time_major_hint(self, node: torch.fx.Node) -> str:
        _card_id, port = self.produced[node]
        if port in rules.STATE_PORTS or node.op == "placeholder":
            return Cli.tr(STATE_HINT)
        return Cli.tr(SEQUENCE_HINT)

    def repeat(self, node: torch.fx.Node, args: list[Any]) -> None:
        """d2l's context, ``state[-1].repeat(X.shape[0], 1, 1)``: an (N, …) tensor
        at every step of sequence X, time-major — RepeatTimeStep with X's port."""
        source = args[0]
        counts = list(args[1]) if len(args) == 2 else args[1:]
        rank = len(self.shape(source) or [])
        like = _length_of(counts[0]) if counts else None
        ones = len(counts) == rank + 1 and all(c == 1 for c in counts[1:])
        if (
            source in self.time_major
            or like is None
            or not ones
            or like[0] not in self.produced
        ):
            self.refuse(node, ".repeat(…)", Cli.tr(REPEAT_HINT))
            return
        sequence, dim = like
        time_dim = 0 if sequence in self.time_major else 1
        if dim % max(len(self.shape(sequence) or []), 1) != time_dim:
            self.refuse(node, ".repeat(…)", Cli.tr(REPEAT_HINT))
            return
        made = Card("RepeatTimeStep", {})
        if self.card(node, made, [source, sequence]) is not None:
            self.time_major.add(node)

    def to_state(
        self, node: torch.fx.Node, name: str, method: bool, args: list[Any]
    ) -> bool:
        """A batch-first tensor made time-major to start a recurrent layer from:
        ``h.transpose(0, 1)`` is the port itself, ``h.unsqueeze(0)`` of an (N,
        hidden) one an Unsqueeze at 1.  False when ``node`` is neither."""
        source = args[0]
        rank = len(self.shape(source) or [])
        dim = node.kwargs.get("dim", args[1] if len(args) > 1 else None)
        if rank == 3 and self.swaps_batch(node, name, method, args, rank):
            self.produced[node] = self.produced[source]
        elif name == "unsqueeze" and dim == 0 and rank == 2:
            if self.card(node, Card("Unsqueeze", {"dim": 1}), [source]) is None:
                return True
        else:
            return False
        self.time_major.add(node)
        return True

    def swaps_batch(
        self,
        node: torch.fx.Node,
        name: str,
        method: bool,
        args: list[Any],
        rank: int,
    ) -> bool:
        """Whether the call swaps dimensions 0 and 1 (``transpose(0, 1)``)."""
        if not (
            (method and name in rules.PERMUTES)
            or node.target in rules.PERMUTE_FUNCTIONS
        ):
            return False
        try:
            order = rules.permutation(name, args[1:], rank)
        except (TypeError, ValueError):
            return False
        return order == [1, 0, *range(2, rank)]

    def padding_flags(self, node: torch.fx.Node, name: str, source: Any) -> None:
        """``pad.bool()``/``pad != 0`` of a drawn tensor: the attention card's key
        padding port makes the same mask of it."""
        if used_only_as(self.module, node, "padding"):
            self.alias(node, source)
        else:
            self.refuse(
                node,
                f"{name}(…)",
                Cli.tr(
                    "a boolean tensor is drawn only as attention's key padding mask"
                ),
            )

    def chunk(self, node: torch.fx.Node) -> None:
        inputs = self.tensors(node.args)
        args = list(node.args)
        chunks = node.kwargs.get("chunks", args[1] if len(args) > 1 else None)
        dim = node.kwargs.get("dim", args[2] if len(args) > 2 else 0)
        rank = len(self.shape(inputs[0]) or [])
        dim = dim + rank if dim < 0 else dim
        if not isinstance(chunks, int) or dim == 0:
            self.refuse(
                node,
                "chunk(…)",
                Cli.tr("chunks must be a number and the batch is kept whole"),
            )
            return
        self.card(node, Card("Split", {"chunks": chunks, "dim": dim}), inputs[:1])

    def outputs(self, node: torch.fx.Node) -> None:
        results = node.args[0]
        items = list(results) if isinstance(results, list | tuple) else [results]
        for k, item in enumerate(items):
            if item not in self.produced:
                self.refuse(
                    node,
                    Cli.tr("output {0}").format(k + 1),
                    Cli.tr("is not a tensor drawn on the canvas"),
                )
                continue
            if item in self.time_major:  # named where the state is made
                self.refuse(
                    item, Cli.tr("output {0}").format(k + 1), self.time_major_hint(item)
                )
                continue
            source_id, port = self.produced[item]
            name = "output" if len(items) == 1 else f"output_{k + 1}"
            created = self.graph.add_node("Output", name)
            self.graph.connect(source_id, port, created.id, "in")
