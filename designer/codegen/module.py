"""Graph → one readable, self-contained PyTorch module (source text).

The app trains models built from this same text (see :mod:`designer.codegen.build`),
so what is exported is exactly what was trained.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from designer.codegen.layout import INDENT, statement
from designer.codegen.naming import Namespace, safe_text, to_class_name
from designer.graph.model import Graph, Node, Project
from designer.graph.shape import Shape, concrete, format_shape, symbols_in
from designer.shapes.infer import GraphShapes, infer_shapes

SYMBOL_EXAMPLE_SIZE = 16
EXAMPLE_BATCH = 2


class CodegenError(ValueError):
    """The graph cannot be turned into code; the message lists its problems."""


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


def _class_names(project: Project) -> list[str]:
    if len(project.networks) == 1:
        return [to_class_name(project.name)]
    names: list[str] = []
    for graph in project.networks:
        name = to_class_name(graph.name, "Network")
        while name in names:
            name += "2"
        names.append(name)
    return names


def _require_valid(graph: Graph, shapes: GraphShapes) -> None:
    if not shapes.valid:
        details = "\n".join(f"  - {_problem_text(graph, p.node, p.message)}" for p in shapes.errors)
        raise CodegenError(f"network {graph.name!r} has problems, so no code can be written:\n{details}")


def _problem_text(graph: Graph, node_id: str | None, message: str) -> str:
    if node_id is None or message.startswith(graph.node(node_id).type + " '"):
        return message
    node = graph.node(node_id)
    return f"{node.type} '{node.name}': {message}"


def _vocabulary_for(graph: Graph, node: Node) -> int:
    """Largest safe token id + 1 for example input: the smallest Embedding fed by it."""
    sizes = [
        graph.node(edge.target).params["num_embeddings"]
        for edge in graph.edges_out_of(node.id)
        if graph.node(edge.target).type == "Embedding"
    ]
    return min(sizes) if sizes else 10


def generate_network(graph: Graph, class_name: str, shapes: GraphShapes | None = None) -> NetworkCode:
    shapes = shapes or infer_shapes(graph)
    _require_valid(graph, shapes)
    names = Namespace()
    ident = {node.id: names.create(node.name) for node in graph.nodes}
    inputs = [graph.node(n) for n in shapes.order if graph.node(n).type == "Input"]
    outputs = [node for node in graph.nodes if node.type == "Output"]

    init_lines: list[str] = []
    forward_lines: list[str] = []
    support: list[str] = []
    variables: dict[tuple[str, str], str] = {}
    body = INDENT * 2
    for node_id in shapes.order:
        node = graph.node(node_id)
        spec = node.spec
        info = shapes.nodes[node_id]
        if node.type == "Input":
            variables[(node_id, "out")] = ident[node_id]
            continue
        if node.type == "Output":
            continue
        if spec.support_code and spec.support_code not in support:
            support.append(spec.support_code)
        attribute = f"self.{ident[node_id]}"
        constructor = spec.construct(node.params, info.inferred)
        if constructor is not None:
            init_lines += statement(body, attribute, constructor)
        port_vars = {edge.target_port: variables[(edge.source, edge.source_port)] for edge in graph.edges_into(node_id)}
        expression = spec.forward(node.params, info.inferred, attribute, port_vars)
        out_ports = node.output_ports()
        if len(out_ports) == 1:
            targets = [ident[node_id]]
        else:
            targets = [names.create(f"{node.name}_{k}") for k in range(1, len(out_ports) + 1)]
        for port, target in zip(out_ports, targets, strict=True):
            variables[(node_id, port)] = target
        comment = ", ".join(format_shape(info.outputs[port]) for port in out_ports)
        forward_lines += statement(body, ", ".join(targets), expression, comment)

    returned = []
    for node in outputs:
        edge = graph.edges_into(node.id)[0]
        returned.append(variables[(edge.source, edge.source_port)])
    arguments = ", ".join(f"{ident[node.id]}: torch.Tensor" for node in inputs)
    returns = "torch.Tensor" if len(returned) == 1 else f"tuple[{', '.join(['torch.Tensor'] * len(returned))}]"
    signature = f"{INDENT}def forward(self, {arguments}) -> {returns}:"
    if len(signature) > 88:
        signature_lines = [f"{INDENT}def forward(", f"{body}self,"]
        signature_lines += [f"{body}{ident[node.id]}: torch.Tensor," for node in inputs]
        signature_lines += [f"{INDENT}) -> {returns}:"]
    else:
        signature_lines = [signature]
    described = safe_text(graph.name) or "network"
    lines = [
        f"class {class_name}(nn.Module):",
        f'{INDENT}"""The {described} network: {len(shapes.order)} nodes, {shapes.total_params:,} parameters."""',
        "",
        f"{INDENT}def __init__(self) -> None:",
        f"{body}super().__init__()",
        *init_lines,
        "",
        *signature_lines,
        *forward_lines,
        f"{body}return {', '.join(returned)}",
    ]
    return NetworkCode(
        class_name=class_name,
        lines=lines,
        input_names=[node.name for node in inputs],
        output_names=[node.name for node in outputs],
        input_shapes=[shapes.nodes[node.id].outputs["out"] for node in inputs],
        input_dtypes=[node.params["dtype"] for node in inputs],
        token_ranges=[_vocabulary_for(graph, node) for node in inputs],
        support=support,
    )


def _example_lines(network: NetworkCode, variable: str) -> list[str]:
    body = INDENT
    lines = [f"{body}{variable} = {network.class_name}()"]
    arguments: list[str] = []
    for k, (shape, dtype, vocab) in enumerate(
        zip(network.input_shapes, network.input_dtypes, network.token_ranges, strict=True)
    ):
        symbols = {s: SYMBOL_EXAMPLE_SIZE for s in symbols_in(shape)}
        size = concrete(shape, symbols, EXAMPLE_BATCH)
        name = f"example_{k + 1}" if len(network.input_shapes) > 1 else "example"
        name = f"{variable}_{name}"
        if dtype == "long":
            expression = f"torch.randint(0, {vocab}, {size})"
        else:
            expression = f"torch.randn{size}" if len(size) > 1 else f"torch.randn({size[0]})"
        lines += statement(body, name, expression)
        arguments.append(name)
    lines.append(f"{body}{variable}_outputs = {variable}({', '.join(arguments)})")
    if len(network.output_names) == 1:
        lines.append(f'{body}print("{network.class_name} output:", tuple({variable}_outputs.shape))')
    else:
        lines.append(f"{body}for output in {variable}_outputs:")
        lines.append(f'{body}{INDENT}print("{network.class_name} output:", tuple(output.shape))')
    return lines


def generate_project(project: Project, shapes: Mapping[str, GraphShapes] | None = None) -> tuple[str, list[NetworkCode]]:
    """The whole module's source and, per network, what the caller needs to use it."""
    networks = [
        generate_network(graph, class_name, (shapes or {}).get(graph.name))
        for graph, class_name in zip(project.networks, _class_names(project), strict=True)
    ]
    support: list[str] = []
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
    for network in networks:
        lines += ["", "", *network.lines]
    lines += ["", "", 'if __name__ == "__main__":', f"{INDENT}torch.manual_seed(0)"]
    for network in networks:
        lines += _example_lines(network, to_variable(network.class_name))
    # Support classes need their two blank lines too.
    source = "\n".join(lines) + "\n"
    return _normalise_blank_lines(source), networks


def to_variable(class_name: str) -> str:
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in class_name).lstrip("_")
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


def generate_code(project: Project, shapes: Mapping[str, GraphShapes] | None = None) -> str:
    """The module source for a valid project; raises :class:`CodegenError` otherwise."""
    return generate_project(project, shapes)[0]
