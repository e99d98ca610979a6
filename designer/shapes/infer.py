"""Shape inference: every node's output shape, inferred parameters and counts.

Walks the graph in topological order.  An error in one node stops only the nodes
that depend on it; other branches are still inferred.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from designer.graph.blocks import BLOCK
from designer.graph.catalog import FLOAT, LONG, Inference, ShapeError, needs_tokens
from designer.graph.model import Edge, Graph, Node
from designer.graph.order import topological_order
from designer.graph.shape import Shape
from designer.graph.translatable import (
    QT_TRANSLATE_NOOP,
    Message,
    node_label_message,
)
from designer.shapes.limits import computes_on_ids, size_problem
from designer.shapes.problems import ERROR, Problem
from designer.shapes.structure import check_structure, live_nodes


@dataclass
class NodeShapes:
    """What inference learned about one node."""

    inputs: dict[str, Shape] = field(default_factory=dict)
    outputs: dict[str, Shape] = field(default_factory=dict)
    inferred: dict[str, Any] = field(default_factory=dict)
    params: int = 0
    macs: int = 0
    error: str | None = None
    # The error without the node's name, as a message the ui translates.
    error_text: Message | None = None
    # The dtype ("float" or "long") of each output port.
    dtypes: dict[str, str] = field(default_factory=dict)
    # For a block use: the definition inferred with this use's inputs, one
    # analysis per repetition (in order).
    block: list[GraphShapes] = field(default_factory=list)

    @property
    def shape(self) -> Shape | None:
        """The shape shown on the node: its first output, or an Output's input."""
        if self.outputs:
            return next(iter(self.outputs.values()))
        if self.inputs:
            return next(iter(self.inputs.values()))
        return None


@dataclass
class GraphShapes:
    """The analysis of one network: shapes, counts and problems."""

    graph: Graph
    order: list[str]
    nodes: dict[str, NodeShapes]
    problems: list[Problem]
    # The nodes whose result reaches an Output: only they are exported and counted.
    live: set[str] = field(default_factory=set)

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def total_params(self) -> int:
        """Parameters of the nodes that reach an Output (what the export keeps)."""
        return sum(info.params for n, info in self.nodes.items() if n in self.live)

    @property
    def total_macs(self) -> int:
        return sum(info.macs for n, info in self.nodes.items() if n in self.live)

    def shape_of(self, node_id: str) -> Shape | None:
        info = self.nodes.get(node_id)
        return info.shape if info else None

    def edge_shape(self, edge: Edge) -> Shape | None:
        info = self.nodes.get(edge.source)
        return info.outputs.get(edge.source_port) if info else None

    def output_shapes(self) -> list[Shape | None]:
        """What reaches each Output node, in the order of the graph's nodes (forward's)."""
        return [
            self.edge_shape(self.graph.edges_into(node.id)[0])
            for node in self.graph.nodes
            if node.type == "Output" and self.graph.edges_into(node.id)
        ]

    def problems_for(self, node_id: str) -> list[Problem]:
        return [p for p in self.problems if p.node == node_id]


# Input node id → (shape, dtype) given from outside, as a block use gives its
# definition's Inputs.
InputOverrides = Mapping[str, tuple[Shape, str]]


def _infer_node(
    node: Node,
    inputs: Mapping[str, Shape],
    dtypes: Mapping[str, str],
    overrides: InputOverrides,
    depth: int,
) -> tuple[Inference, str, list[GraphShapes]]:
    if node.type == "Input" and node.id in overrides:
        shape, dtype = overrides[node.id]
        return Inference(outputs={"out": shape}), dtype, []
    if node.type == BLOCK:
        from designer.shapes.blocks import infer_block_use

        return infer_block_use(node, inputs, dtypes, depth)
    dtype = node.spec.dtype(node.params, dtypes)
    return node.spec.infer(node.params, inputs), dtype, []


def infer_shapes(
    graph: Graph, overrides: InputOverrides | None = None, depth: int = 0
) -> GraphShapes:
    """Check the structure and infer every shape; never raises for a bad graph.

    ``overrides`` replaces what Input nodes give (a block's definition inferred
    for one use); ``depth`` counts the blocks inferred around this graph.
    """
    overrides = overrides or {}
    order = topological_order(graph)
    problems = check_structure(graph, acyclic=len(order) == len(graph.nodes))
    incoming: dict[tuple[str, str], Edge] = {
        (e.target, e.target_port): e for e in reversed(graph.edges)
    }
    results: dict[str, NodeShapes] = {}
    # Node id -> the node whose arithmetic turned token ids into mere integers.
    computed_from_ids: dict[str, Message] = {}
    for node_id in order:
        node = graph.node(node_id)
        info = NodeShapes()
        results[node_id] = info
        ports = node.input_ports()
        ready = True
        input_dtypes: dict[str, str] = {}
        for port in ports:
            edge = incoming.get((node_id, port))
            source = results.get(edge.source) if edge else None
            shape = source.outputs.get(edge.source_port) if source and edge else None
            if shape is None:
                ready = False
            else:
                info.inputs[port] = shape
                input_dtypes[port] = source.dtypes.get(edge.source_port, FLOAT)  # type: ignore[union-attr]
        if not ready:
            continue
        origin = next(
            (
                computed_from_ids[e.source]
                for port in ports
                if (e := incoming[(node_id, port)]).source in computed_from_ids
            ),
            None,
        )
        try:
            if (
                origin is not None
                and node.type != BLOCK
                and node.spec.dtype is needs_tokens
            ):
                raise ShapeError(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "gets integers computed from token ids by {origin}, which are "
                        "not token ids any more and can index past its rows; feed it the "
                        "ids themselves and combine the embedded vectors instead",
                    ),
                    origin=origin,
                )
            result, dtype, info.block = _infer_node(
                node, info.inputs, input_dtypes, overrides, depth
            )
        except ShapeError as error:
            info.error_text = error.text
        except Exception as error:  # a rule's bug must not take the app down
            info.error_text = Message.of(
                QT_TRANSLATE_NOOP("Problem", "could not work out the shape ({error})"),
                error=str(error),
            )
        else:
            info.error_text = size_problem(result.outputs, result.params)
            if info.error_text is None:
                info.outputs = dict(result.outputs)
                info.inferred = dict(result.inferred)
                info.params = result.params
                info.macs = result.macs
                info.dtypes = {port: dtype for port in info.outputs}
                if origin is not None and dtype == LONG:
                    computed_from_ids[node_id] = origin
                elif computes_on_ids(node.type, dtype):
                    computed_from_ids[node_id] = node_label_message(
                        node.type, node.name
                    )
        if info.error_text is not None:
            problem = Problem.naming_node(ERROR, info.error_text, graph, node_id)
            info.error = problem.message
            problems.append(problem)
    problems = [
        p if p.network is not None else replace(p, network=graph.name) for p in problems
    ]
    return GraphShapes(graph, order, results, problems, live_nodes(graph))


def infer_project(networks: list[Graph]) -> Mapping[str, GraphShapes]:
    return {graph.name: infer_shapes(graph) for graph in networks}
