"""Graph → one readable, self-contained PyTorch module (source text).

The app trains models built from this same text (see :mod:`designer.codegen.build`),
so what is exported is exactly what was trained.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from designer.codegen.blocks import block_classes
from designer.codegen.classes import render_class
from designer.codegen.layout import INDENT, statement
from designer.codegen.naming import (
    SCRIPT_RESERVED,
    Namespace,
    safe_text,
    shorten_identifier,
    to_class_name,
)
from designer.graph.model import Graph, Node, Project
from designer.graph.shape import Shape, concrete, evaluate_dim, symbols_in
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message
from designer.shapes.infer import GraphShapes, infer_shapes
from designer.shapes.problems import describe, listed_message, sentence_message

SYMBOL_EXAMPLE_SIZE = 16
EXAMPLE_BATCH = 2


class CodegenError(ValueError):
    """The graph cannot be turned into code; the message lists its problems
    (``message``: the same as a :class:`Message` the ui translates)."""

    def __init__(self, message: str | Message) -> None:
        self.message = (
            message if isinstance(message, Message) else Message.plain(message)
        )
        super().__init__(self.message.english())

    @classmethod
    def unexpected(cls, error: Exception) -> CodegenError:
        """A bug of the generator, said as an error (it must not take the editor down)."""
        return cls(Message.of(NOT_GENERATED, error=str(error)))


NETWORK_PROBLEMS = QT_TRANSLATE_NOOP(
    "Problem", "network {name} has problems, so no code can be written"
)
NOT_GENERATED = QT_TRANSLATE_NOOP("Problem", "the code could not be generated: {error}")


@dataclass
class NetworkCode:
    """The generated class of one network and what callers need to drive it."""

    class_name: str
    lines: list[str]
    input_names: list[str]  # forward arguments, in order (Input node names)
    output_names: list[str]  # Output node names, in the order forward returns them
    input_shapes: list[Shape]
    input_dtypes: list[str]
    token_ranges: list[int]  # for long inputs, the vocabulary size used in examples
    support: list[str] = field(default_factory=list)
    # Values for symbolic sizes (such as L) that every layer can take, for examples.
    example_sizes: dict[str, int] = field(default_factory=dict)
    # Node id → the forward variables holding its outputs (in port order), for the
    # Input nodes and every node in the code; probes read a node's values by them.
    variables: dict[str, list[str]] = field(default_factory=dict)
    # Node id → the attribute of its submodule, for nodes that construct one.
    attributes: dict[str, str] = field(default_factory=dict)


def _support_classes(project: Project) -> frozenset[str]:
    """Names of the helper classes the catalog's support code defines."""
    names: set[str] = set()
    for graph in [*project.networks, *(d.graph for d in project.blocks)]:
        for node in graph.nodes:
            names.update(
                re.findall(r"^class (\w+)", node.spec.support_code, flags=re.MULTILINE)
            )
    return frozenset(names)


def _class_names(project: Project) -> list[str]:
    taken = _support_classes(project)
    if len(project.networks) == 1:
        return [to_class_name(project.name, taken=taken)]
    names: list[str] = []
    for graph in project.networks:
        name = to_class_name(graph.name, "Network", taken)
        while name in names:
            name += "2"
        names.append(name)
    return names


def _require_valid(graph: Graph, shapes: GraphShapes) -> None:
    if not shapes.valid:
        headline = Message.of(NETWORK_PROBLEMS, name=repr(graph.name))
        problems = [
            sentence_message(p, graph) or Message.plain(describe(p, graph))
            for p in shapes.errors
        ]
        raise CodegenError(listed_message(headline, problems))


def _vocabulary_for(graph: Graph, shapes: GraphShapes, node: Node) -> int:
    """Largest safe token id + 1 for example input: the smallest Embedding its ids
    reach, directly or through layers that keep them integers (Reshape, Split…)."""
    sizes: list[int] = []
    seen: set[str] = set()
    pending = [node.id]
    while pending:
        current = pending.pop()
        for edge in graph.edges_out_of(current):
            target = graph.node(edge.target)
            if target.type == "Embedding":
                sizes.append(target.params["num_embeddings"])
            elif (
                edge.target not in seen
                and "long" in shapes.nodes[edge.target].dtypes.values()
            ):
                seen.add(edge.target)
                pending.append(edge.target)
    return min(sizes) if sizes else 10


_EXAMPLE_CANDIDATES = (SYMBOL_EXAMPLE_SIZE, 32, 64, 12, 8, 24, 128, 6, 4, 3, 2, 1)


def _example_sizes(graph: Graph, shapes: GraphShapes) -> dict[str, int]:
    """A value per symbolic size for which every inferred size is at least 1 and no
    sequence is longer than a layer's ``max_len`` (so the example script runs)."""
    symbols = sorted(
        set().union(
            *(symbols_in(info.outputs.get("out", ())) for info in shapes.nodes.values())
        )
    )
    if not symbols:
        return {}

    def fits(value: int) -> bool:
        values = dict.fromkeys(symbols, value)
        for node_id, info in shapes.nodes.items():
            for shape in [*info.inputs.values(), *info.outputs.values()]:
                if any(evaluate_dim(d, values) < 1 for d in shape[1:]):
                    return False
            limit = graph.node(node_id).params.get("max_len")
            sequence = info.inputs.get("in")
            is_sequence = (
                isinstance(limit, int) and sequence is not None and len(sequence) > 2
            )
            if is_sequence and evaluate_dim(sequence[1], values) > limit:  # type: ignore[index,operator]
                return False
        return True

    value = next((v for v in _EXAMPLE_CANDIDATES if fits(v)), SYMBOL_EXAMPLE_SIZE)
    return dict.fromkeys(symbols, value)


def generate_network(
    graph: Graph,
    class_name: str,
    shapes: GraphShapes | None = None,
    block_calls: Mapping[str, str] | None = None,
) -> NetworkCode:
    shapes = shapes or infer_shapes(graph)
    _require_valid(graph, shapes)
    live = shapes.live
    inputs = [graph.node(n) for n in shapes.order if graph.node(n).type == "Input"]
    described = safe_text(graph.name) or "network"
    parameters = sum(shapes.nodes[n].params for n in live)
    docstring = (
        f"The {described} network: {len(live | {n.id for n in inputs})} nodes, "
        f"{parameters:,} parameters."
    )
    rendered = render_class(
        graph, shapes, class_name, docstring, block_calls=block_calls
    )
    return NetworkCode(
        class_name=class_name,
        lines=rendered.lines,
        input_names=[node.name for node in rendered.inputs],
        output_names=[node.name for node in rendered.outputs],
        input_shapes=[shapes.nodes[node.id].outputs["out"] for node in inputs],
        input_dtypes=[node.params["dtype"] for node in inputs],
        token_ranges=[_vocabulary_for(graph, shapes, node) for node in inputs],
        support=rendered.support,
        example_sizes=_example_sizes(graph, shapes),
        variables=rendered.variables,
        attributes=rendered.attributes,
    )


def _example_lines(network: NetworkCode, names: Namespace) -> list[str]:
    body = INDENT
    variable = names.create(
        shorten_identifier(to_variable(network.class_name), 24), "model"
    )
    lines = statement(body, variable, f"{network.class_name}()")
    arguments: list[str] = []
    for k, (shape, dtype, vocab) in enumerate(
        zip(
            network.input_shapes,
            network.input_dtypes,
            network.token_ranges,
            strict=True,
        )
    ):
        symbols = {
            s: network.example_sizes.get(s, SYMBOL_EXAMPLE_SIZE)
            for s in symbols_in(shape)
        }
        size = concrete(shape, symbols, EXAMPLE_BATCH)
        name = f"example_{k + 1}" if len(network.input_shapes) > 1 else "example"
        name = names.create(f"{variable}_{name}")
        if dtype == "long":
            expression = f"torch.randint(0, {vocab}, {size})"
        else:
            expression = (
                f"torch.randn{size}" if len(size) > 1 else f"torch.randn({size[0]})"
            )
        lines += statement(body, name, expression)
        arguments.append(name)
    outputs = names.create(f"{variable}_outputs")
    lines += statement(body, outputs, f"{variable}({', '.join(arguments)})")
    if len(network.output_names) == 1:
        lines += statement(
            body, "", f'print("{network.class_name} output:", tuple({outputs}.shape))'
        )
    else:
        lines.append(f"{body}for output in {outputs}:")
        lines += statement(
            body + INDENT,
            "",
            f'print("{network.class_name} output:", tuple(output.shape))',
        )
    return lines


def generate_project(
    project: Project, shapes: Mapping[str, GraphShapes] | None = None
) -> tuple[str, list[NetworkCode]]:
    """The whole module's source and, per network, what the caller needs to use it."""
    analyses = [
        (shapes or {}).get(graph.name) or infer_shapes(graph)
        for graph in project.networks
    ]
    for graph, analysis in zip(project.networks, analyses, strict=True):
        _require_valid(graph, analysis)
    class_names = _class_names(project)
    blocks = block_classes(
        project.blocks, analyses, _support_classes(project) | set(class_names)
    )
    networks = [
        generate_network(graph, class_name, analysis, blocks.calls_for(analysis))
        for graph, class_name, analysis in zip(
            project.networks, class_names, analyses, strict=True
        )
    ]
    support: list[str] = list(blocks.support)
    for network in networks:
        support += [code for code in network.support if code not in support]
    title = safe_text(project.name) or "Untitled"
    lines = [
        f'"""PyTorch model for the project {title}, generated by designer.',
        "",
        "Shapes are written as comments; N is the batch size.",
        '"""',
        "",
        "import torch",
        "from torch import nn",
    ]
    for code in support:
        lines += ["", *code.strip("\n").split("\n")]
    lines += blocks.lines
    for network in networks:
        lines += ["", "", *network.lines]
    lines += ["", "", 'if __name__ == "__main__":', f"{INDENT}torch.manual_seed(0)"]
    script_names = Namespace(
        SCRIPT_RESERVED
        | {n.class_name for n in networks}
        | _support_classes(project)
        | set(blocks.class_names)
    )
    for network in networks:
        lines += _example_lines(network, script_names)
    # Support classes need their two blank lines too.
    source = "\n".join(lines) + "\n"
    return _normalise_blank_lines(source), networks


def to_variable(class_name: str) -> str:
    """``CnnMnist`` → ``cnn_mnist``, ``VAE`` → ``vae``, ``MyHTTPNet`` → ``my_http_net``."""
    snake = re.sub(
        r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", class_name
    ).lower()
    return snake if snake.isidentifier() and snake not in {"model_outputs"} else "model"


def _normalise_blank_lines(source: str) -> str:
    """Two blank lines before every top-level class (support classes included)."""
    out: list[str] = []
    for line in source.split("\n"):
        if line.startswith("class ") and out:
            while out and out[-1] == "":
                out.pop()
            out += ["", ""]
        out.append(line)
    return "\n".join(out)


def generate_code(
    project: Project, shapes: Mapping[str, GraphShapes] | None = None
) -> str:
    """The module source for a valid project; raises :class:`CodegenError` otherwise."""
    return generate_project(project, shapes)[0]
