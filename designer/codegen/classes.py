"""One ``nn.Module`` class from one graph: ``__init__`` with a line per layer and
``forward`` with a line per node, shapes as comments.

Networks and block definitions are both written by :func:`render_class`; a block
use is a line like ``self.stage1 = ResidualBlock(in_channels=32)`` whose
constructor :mod:`designer.codegen.blocks` works out.  Activations without
parameters that a class uses several times with the same settings are one
attribute, called as often as needed, as a person writes ``self.relu``, and a
chain of layers is one nested call, ``self.relu(self.conv(x))`` (in block classes;
see :func:`render_class`).
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from designer.codegen.layout import INDENT, LINE_LENGTH, split_top_level, statement
from designer.codegen.naming import Namespace, safe_text
from designer.graph.blocks import BLOCK
from designer.graph.model import Graph, Node
from designer.graph.shape import format_shape
from designer.shapes.infer import GraphShapes

# (node id, input port → the text of its value) → the node's forward expression.
ExpressionOf = Callable[[str, Mapping[str, str]], str]


@dataclass
class RenderedClass:
    lines: list[str]
    inputs: list[Node]
    outputs: list[Node]
    support: list[str] = field(default_factory=list)
    # Node id → the forward variables holding its outputs (in port order), for the
    # Input nodes and every node in the code; probes read a node's values by them.
    variables: dict[str, list[str]] = field(default_factory=dict)
    # Node id → the attribute of its submodule, for nodes that construct one.
    attributes: dict[str, str] = field(default_factory=dict)


def signature(
    parameters: str, returns: str, name: str = "forward", indent: str = INDENT
) -> list[str]:
    """``def name(...) -> ...:`` laid out as ruff would."""
    line = f"{indent}def {name}({parameters}) -> {returns}:"
    if len(line) <= LINE_LENGTH:
        return [line]
    inner = indent + INDENT
    if len(inner + parameters) <= LINE_LENGTH:
        return [f"{indent}def {name}(", inner + parameters, f"{indent}) -> {returns}:"]
    return (
        [f"{indent}def {name}("]
        + [f"{inner}{p}," for p in split_top_level(parameters)]
        + [f"{indent}) -> {returns}:"]
    )


def docstring_lines(text: str, indent: str = INDENT) -> list[str]:
    """A class docstring wrapped at word boundaries to the line length (never cut:
    a person's description of their block is kept whole)."""
    lines = textwrap.wrap(
        text,
        LINE_LENGTH - len('"""'),
        initial_indent=f'{indent}"""',
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [f'{indent}"""']
    lines[-1] += '"""'
    return lines


def return_lines(values: list[str]) -> list[str]:
    body = INDENT * 2
    line = f"{body}return {', '.join(values)}"
    if len(line) <= LINE_LENGTH:
        return [line]
    # ruff explodes a returned tuple one item a line.
    inner = body + INDENT
    return [f"{body}return ("] + [f"{inner}{v}," for v in values] + [f"{body})"]


def _shared_activations(
    graph: Graph, shapes: GraphShapes, order: list[str], constructors: dict[str, str]
) -> dict[str, str]:
    """Node id → the id of the node whose attribute it calls (for parameterless
    activations with the same constructor, used twice or more)."""
    first: dict[str, str] = {}
    counts: dict[str, int] = {}
    for node_id in order:
        node = graph.node(node_id)
        text = constructors.get(node_id)
        if (
            text
            and node.spec.category == "Activation"
            and not shapes.nodes[node_id].params
        ):
            first.setdefault(text, node_id)
            counts[text] = counts.get(text, 0) + 1
    return {
        node_id: first[constructors[node_id]]
        for node_id in order
        if constructors.get(node_id) in first and counts[constructors[node_id]] > 1
    }


def _block_header(indent: str, text: str) -> list[str]:
    """``for a, b in items:``, its targets one a line when too long, as ruff does."""
    if len(indent + text) <= LINE_LENGTH or not text.startswith("for "):
        return [indent + text]
    targets, _, rest = text[len("for ") :].partition(" in ")
    return [
        f"{indent}for (",
        *(f"{indent}{INDENT}{name.strip()}," for name in targets.split(",")),
        f"{indent}) in {rest}",
    ]


def _initialiser_lines(body: str, lines: Sequence[str]) -> list[str]:
    """A spec's weight-initialisation lines in ``__init__``: statements are laid out
    as ruff would, block headers (``for …:``) kept as they are."""
    laid_out: list[str] = []
    for line in lines:
        text = line.lstrip(" ")
        indent = body + line[: len(line) - len(text)]
        if text.endswith(":"):
            laid_out += _block_header(indent, text)
        else:
            laid_out += statement(indent, "", text)
    return laid_out


_CHAINED = "__chained__"


def _is_primary(expression: str) -> bool:
    """A call, attribute, subscript or name: binds tighter than any operator, so
    it can stand for a variable anywhere in another expression."""
    try:
        tree = ast.parse(expression, mode="eval").body
    except SyntaxError:
        return False
    return isinstance(tree, ast.Call | ast.Attribute | ast.Subscript | ast.Name)


def _chained(
    graph: Graph, live: set[str], order: list[str], expression: ExpressionOf
) -> set[str]:
    """Nodes whose expression is written inside the next one's, as a person writes
    ``self.relu(self.conv(x))``: a node with one output read once, by a node with
    that one input, which reads it once (so nothing is computed twice)."""
    chained: set[str] = set()
    for node_id in order:
        node = graph.node(node_id)
        edges = graph.edges_out_of(node_id)
        if node.type in ("Input", "Output") or len(node.output_ports()) != 1:
            continue
        if len(edges) != 1 or edges[0].target not in live:
            continue
        reader = graph.node(edges[0].target)
        if reader.type == "Output" or len(graph.edges_into(reader.id)) != 1:
            continue
        several = reader.type != BLOCK and len(reader.output_ports()) > 1
        if several and reader.spec.statements is not None:
            continue
        dummy = {port: f"input_{port}" for port in node.input_ports()}
        text = expression(reader.id, {edges[0].target_port: _CHAINED})
        if text.count(_CHAINED) == 1 and _is_primary(expression(node_id, dummy)):
            chained.add(node_id)
    return chained


def _chain_name(graph: Graph, node_id: str, chained_into: dict[str, str]) -> str:
    """The node a chain's variable is named after: its last layer that is not an
    activation (``p2_2`` for conv p2_2 → relu), else its last node."""
    current: str | None = node_id
    while current is not None:
        if graph.node(current).spec.category != "Activation":
            return current
        current = chained_into.get(current)
    return node_id


def render_class(
    graph: Graph,
    shapes: GraphShapes,
    class_name: str,
    docstring: str,
    *,
    init_parameters: str = "",
    inferred: Mapping[str, Mapping[str, Any]] | None = None,
    params: Mapping[str, Mapping[str, Any]] | None = None,
    block_calls: Mapping[str, str] | None = None,
    inputs_in_node_order: bool = False,
    share_activations: bool = False,
    chain_calls: bool = False,
    shape_comments: Mapping[str, str | None] | None = None,
) -> RenderedClass:
    """The class's lines.  ``inferred`` and ``params`` replace a node's inferred
    values and settings in its constructor (names of ``__init__`` arguments for a
    block class); ``block_calls`` gives the
    constructor of each block use.  ``share_activations`` is for block classes:
    a network class keeps one attribute per node, which the VAE's decoder matches
    to the trained network by name.  ``chain_calls`` (block classes too) writes a
    chain of layers as one nested call (see :func:`_chained`); a network class
    keeps a variable per node, which the probes read.  ``shape_comments`` replaces
    a node's shape comment (None: none, for a block class whose uses differ there)."""
    inferred = inferred or {}
    params = params or {}
    block_calls = block_calls or {}
    names = Namespace()
    ident = {node.id: names.create(node.name) for node in graph.nodes}
    if inputs_in_node_order:
        inputs = graph.nodes_of_type("Input")
    else:
        inputs = [graph.node(n) for n in shapes.order if graph.node(n).type == "Input"]
    outputs = graph.nodes_of_type("Output")
    body = INDENT * 2
    live = shapes.live
    order = [n for n in shapes.order if n in live]
    constructors: dict[str, str] = {}
    for node_id in order:
        node = graph.node(node_id)
        if node.type in ("Input", "Output"):
            continue
        values = inferred.get(node_id, shapes.nodes[node_id].inferred)
        text = (
            block_calls[node_id]
            if node.type == BLOCK
            else node.spec.construct(params.get(node_id, node.params), values)
        )
        if text is not None:
            constructors[node_id] = text
    shared = (
        _shared_activations(graph, shapes, order, constructors)
        if share_activations
        else {}
    )
    # A shared activation is called after its type, as a person writes self.relu,
    # unless a node already has that name (it has no weights: no key changes).
    for owner in dict.fromkeys(shared.values()):
        stem = graph.node(owner).spec.default_name
        if names.create(stem) == stem:
            ident[owner] = stem

    def attribute_of(node_id: str) -> str:
        return f"self.{ident[shared.get(node_id, node_id)]}"

    def expression_of(node_id: str, port_vars: Mapping[str, str]) -> str:
        node = graph.node(node_id)
        if node.type == BLOCK:
            arguments = ", ".join(port_vars[p] for p in node.input_ports())
            return f"{attribute_of(node_id)}({arguments})"
        values = inferred.get(node_id, shapes.nodes[node_id].inferred)
        return node.spec.forward(node.params, values, attribute_of(node_id), port_vars)

    chained = _chained(graph, live, order, expression_of) if chain_calls else set()
    # Node id → the node whose expression it is written inside.
    chained_into = {
        graph.edges_out_of(node_id)[0].target: node_id for node_id in chained
    }

    init_lines: list[str] = []
    forward_lines: list[str] = []
    support: list[str] = []
    variables: dict[tuple[str, str], str] = {}
    node_variables: dict[str, list[str]] = {}
    attributes: dict[str, str] = {}
    unused = [
        graph.node(n).name
        for n in shapes.order
        if n not in live and graph.node(n).type != "Input"
    ]
    if unused:
        forward_lines.append(
            f"{body}# Left out, as they lead to no Output: {safe_text(', '.join(unused), 200)}"
        )
    for node in inputs:
        variables[(node.id, "out")] = ident[node.id]
        node_variables[node.id] = [ident[node.id]]
    for node_id in order:
        node = graph.node(node_id)
        info = shapes.nodes[node_id]
        if node.type in ("Input", "Output"):
            continue
        spec = node.spec
        if spec.support_code and spec.support_code not in support:
            support.append(spec.support_code)
        owner = shared.get(node_id, node_id)
        attribute = attribute_of(node_id)
        if node_id in constructors:
            attributes[node_id] = ident[owner]
            if owner == node_id:
                init_lines += statement(body, attribute, constructors[node_id])
                init_lines += _initialiser_lines(
                    body, spec.initialise(params.get(node_id, node.params), attribute)
                )
        port_vars = {
            edge.target_port: variables[(edge.source, edge.source_port)]
            for edge in graph.edges_into(node_id)
        }
        expression = expression_of(node_id, port_vars)
        if node_id in chained:
            variables[(node_id, "out")] = expression
            continue
        out_ports = node.output_ports()
        written_out = (
            spec.statements if node.type != BLOCK and len(out_ports) > 1 else None
        )
        if len(out_ports) == 1:
            targets = [ident[_chain_name(graph, node_id, chained_into)]]
        elif written_out is not None:
            targets = [names.create(f"{node.name}_{port}") for port in out_ports]
        else:
            targets = [
                names.create(f"{node.name}_{k}") for k in range(1, len(out_ports) + 1)
            ]
        for port, target in zip(out_ports, targets, strict=True):
            variables[(node_id, port)] = target
        node_variables[node_id] = targets
        comment = ", ".join(format_shape(info.outputs[port]) for port in out_ports)
        if shape_comments is not None and node_id in shape_comments:
            comment = shape_comments[node_id] or ""
        if written_out is not None:
            steps = written_out(
                node.params,
                inferred.get(node_id, info.inferred),
                attribute,
                port_vars,
                dict(zip(out_ports, targets, strict=True)),
            )
            if comment:
                forward_lines.append(f"{body}# {comment}")
            for target, step in steps:
                forward_lines += statement(body, target, step)
        else:
            forward_lines += statement(body, ", ".join(targets), expression, comment)

    returned = []
    for node in outputs:
        edge = graph.edges_into(node.id)[0]
        returned.append(variables[(edge.source, edge.source_port)])
    parameters_text = ", ".join(
        ["self", *(f"{ident[node.id]}: torch.Tensor" for node in inputs)]
    )
    returns = "torch.Tensor" if len(returned) == 1 else "tuple[torch.Tensor, ...]"
    init_text = ", ".join(["self", *([init_parameters] if init_parameters else [])])
    lines = [
        f"class {class_name}(nn.Module):",
        *docstring_lines(docstring),
        "",
        *signature(init_text, "None", "__init__"),
        f"{body}super().__init__()",
        *init_lines,
        "",
        *signature(parameters_text, returns),
        *forward_lines,
        *return_lines(returned),
    ]
    return RenderedClass(lines, inputs, outputs, support, node_variables, attributes)
