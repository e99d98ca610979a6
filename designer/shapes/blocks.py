"""Shape inference through a block use: the definition inferred with the use's inputs.

Each use (and each repetition of a repeated use) gets its own analysis, since the
same block may see different shapes in different places.  A problem inside the
definition becomes the use's problem and names the block and the inner node.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from designer.graph.catalog import FLOAT, Inference, ShapeError
from designer.graph.model import Graph, Node
from designer.graph.shape import Shape, format_shape
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message, node_sentence

if TYPE_CHECKING:
    from designer.shapes.infer import GraphShapes

MAX_DEPTH = 32


def _first_error(graph: Graph, shapes: GraphShapes) -> Message:
    """The definition's first error, naming its node when it has one."""
    problem = shapes.errors[0]
    if problem.node is None or not graph.has_node(problem.node):
        return problem.text
    node = graph.node(problem.node)
    if not problem.template and problem.message.startswith(
        f"{node.type} '{node.name}'"
    ):
        return problem.text
    return node_sentence(node.type, node.name, problem.text)


def _run_once(
    graph: Graph,
    inputs: list[tuple[Shape, str]],
    depth: int,
) -> GraphShapes:
    from designer.shapes.infer import infer_shapes

    overrides = {
        node.id: given
        for node, given in zip(graph.nodes_of_type("Input"), inputs, strict=True)
    }
    return infer_shapes(graph, overrides, depth + 1)


def _outputs(graph: Graph, shapes: GraphShapes) -> list[tuple[Shape, str]]:
    given: list[tuple[Shape, str]] = []
    for output in graph.nodes_of_type("Output"):
        edge = graph.edges_into(output.id)[0]
        source = shapes.nodes[edge.source]
        given.append(
            (
                source.outputs[edge.source_port],
                source.dtypes.get(edge.source_port, FLOAT),
            )
        )
    return given


def infer_block_use(
    node: Node,
    inputs: Mapping[str, Shape],
    dtypes: Mapping[str, str],
    depth: int,
) -> tuple[Inference, str, list[GraphShapes]]:
    """Outputs, dtype, counts (× repeat) and the per-repetition analyses of a use;
    raises :class:`ShapeError` with the inner problem in words."""
    table = node.blocks
    name = node.params["block"]
    if table is None or name not in table:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "uses the block {block}, which the project does not define"
            ),
            block=repr(name),
        )
    if depth >= MAX_DEPTH:
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "blocks are nested more than {depth} deep"),
            depth=str(MAX_DEPTH),
        )
    definition = table.get(name)
    graph = definition.graph
    in_ports, out_ports = table.ports(name)
    if not in_ports or not out_ports:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "block {block} needs at least one Input and one Output inside",
            ),
            block=repr(name),
        )
    repeat = node.params["repeat"]
    if repeat > 1 and (len(in_ports) != 1 or len(out_ports) != 1):
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "block {block} has {inputs} inputs and {outputs} outputs; "
                "only a block with one input and one output can repeat",
            ),
            block=repr(name),
            inputs=str(len(in_ports)),
            outputs=str(len(out_ports)),
        )
    current = [(inputs[port], dtypes.get(port, FLOAT)) for port in in_ports]
    runs: list[GraphShapes] = []
    for index in range(repeat):
        shapes = _run_once(graph, current, depth)
        if not shapes.valid and index:
            raise ShapeError(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "inside block {block} (repetition {repetition} of {repeat}, "
                    "given {shape}): {problem}",
                ),
                block=repr(name),
                repetition=str(index + 1),
                repeat=str(repeat),
                shape=format_shape(current[0][0]),
                problem=_first_error(graph, shapes),
            )
        if not shapes.valid:
            raise ShapeError(
                QT_TRANSLATE_NOOP("Problem", "inside block {block}: {problem}"),
                block=repr(name),
                problem=_first_error(graph, shapes),
            )
        runs.append(shapes)
        current = _outputs(graph, shapes)
    outputs = {
        port: shape for port, (shape, _dtype) in zip(out_ports, current, strict=True)
    }
    dtype = current[0][1]
    return (
        Inference(
            outputs=outputs,
            params=sum(run.total_params for run in runs),
            macs=sum(run.total_macs for run in runs),
        ),
        dtype,
        runs,
    )
