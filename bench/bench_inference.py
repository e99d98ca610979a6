"""Benchmark: shape inference on a 1,000-node network.

Builds chains of residual blocks and split/concat blocks, then times
``infer_shapes`` (median of several runs) after a parameter edit and after a
structural edit, the two things the window does while someone edits.  The
baseline is the least any inference must do, written plainly in this process: a
networkx topological sort of the same graph plus a dict walk that hands each node
its input's shape.  Target: well under 100 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from designer.graph.model import Graph, Node  # noqa: E402
from designer.shapes.infer import infer_shapes  # noqa: E402

TARGET_NODES = 1000
RUNS = 9


def _chain(graph: Graph, source: Node, *layers: tuple[str, dict]) -> Node:
    for layer_type, params in layers:
        node = graph.add_node(layer_type, params=params)
        graph.connect(
            source.id, source.output_ports()[0], node.id, node.input_ports()[0]
        )
        source = node
    return source


def build_graph(size: int = TARGET_NODES) -> Graph:
    """Residual blocks (Linear → ReLU → Linear, added to the block's input) and
    split blocks (Split → two Linear branches → Concat), alternating."""
    graph = Graph("bench")
    x = graph.add_node("Input", params={"shape": [64]})
    block = 0
    while len(graph.nodes) < size - 1:
        if block % 2 == 0:
            inner = _chain(
                graph,
                x,
                ("Linear", {"out_features": 64}),
                ("ReLU", {}),
                ("Linear", {"out_features": 64}),
            )
            add = graph.add_node("Add")
            graph.connect(x.id, "out", add.id, "in1")
            graph.connect(inner.id, "out", add.id, "in2")
            x = add
        else:
            split = _chain(graph, x, ("Split", {"chunks": 2, "dim": 1}))
            left = graph.add_node("Linear", params={"out_features": 32})
            right = graph.add_node("Tanh")
            graph.connect(split.id, "out1", left.id, "in")
            graph.connect(split.id, "out2", right.id, "in")
            concat = graph.add_node("Concat", params={"dim": 1})
            graph.connect(left.id, "out", concat.id, "in1")
            graph.connect(right.id, "out", concat.id, "in2")
            x = concat
        block += 1
    output = graph.add_node("Output")
    graph.connect(x.id, "out", output.id, "in")
    return graph


def baseline(graph: Graph) -> dict[str, tuple]:
    """Topological sort of a fresh networkx graph plus a dict walk."""
    view = nx.DiGraph()
    view.add_nodes_from(node.id for node in graph.nodes)
    view.add_edges_from((e.source, e.target) for e in graph.edges)
    shapes: dict[str, tuple] = {}
    sources: dict[str, str] = {}
    for edge in graph.edges:
        sources.setdefault(edge.target, edge.source)
    for node_id in nx.topological_sort(view):
        source = sources.get(node_id)
        shapes[node_id] = shapes[source] if source else ("N", 64)
    return shapes


def median_ms(
    function: Callable[[], object], prepare: Callable[[], object] = lambda: None
) -> float:
    times = []
    for _ in range(RUNS):
        prepare()
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    graph = build_graph()
    shapes = infer_shapes(graph)
    assert shapes.valid, [p.message for p in shapes.errors[:3]]
    assert len(graph.nodes) >= TARGET_NODES and len(shapes.order) == len(graph.nodes)
    linear = graph.nodes_of_type("Linear")[0]
    edge = graph.edges[-1]
    sizes = iter([32, 64] * RUNS)

    def param_edit() -> None:
        graph.set_param(linear.id, "out_features", next(sizes))

    def structural_edit() -> None:
        graph.disconnect(edge)
        graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)

    plain = median_ms(lambda: baseline(graph))
    after_param = median_ms(lambda: infer_shapes(graph), param_edit)
    after_structure = median_ms(lambda: infer_shapes(graph), structural_edit)
    print(f"graph: {len(graph.nodes)} nodes, {len(graph.edges)} edges")
    print(f"baseline (networkx topological sort + dict walk): {plain:8.2f} ms")
    print(
        f"infer_shapes after a parameter edit:               {after_param:8.2f} ms  ({after_param / plain:.1f}x baseline)"
    )
    print(
        f"infer_shapes after a structural edit:              {after_structure:8.2f} ms  ({after_structure / plain:.1f}x baseline)"
    )
    print(
        f"target: under 100 ms -> {'met' if max(after_param, after_structure) < 100 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
