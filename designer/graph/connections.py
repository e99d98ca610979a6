"""Which ports may be connected, and why not: the rules the canvas shows while a
wire is dragged and the editor checks before it connects.

On top of :meth:`Graph.can_connect` (both ends exist, ports exist, no node feeds
itself) a connection must not close a cycle: networks flow one way.
"""

from __future__ import annotations

from designer.graph.model import Graph

# networkx is imported inside the functions: it takes a noticeable share of the
# app's start-up, and the first paint needs none of these answers.

PortRef = tuple[str, str]


def cycle_problem(graph: Graph, source: str, target: str) -> str | None:
    """Why an edge ``source → target`` would close a cycle, or None."""
    if source == target:
        return "a node cannot feed itself"
    import networkx as nx

    if nx.has_path(graph.to_networkx(), target, source):
        return (
            f"connecting {graph.node(source).name} to {graph.node(target).name} "
            "would make a cycle; networks must flow one way"
        )
    return None


def connection_problem(
    graph: Graph, source: str, source_port: str, target: str, target_port: str
) -> str | None:
    """Why this connection cannot be made (for people), or None when it can.

    An input that is already connected is no problem: connecting replaces its edge.
    """
    problem = graph.can_connect(source, source_port, target, target_port)
    return problem or cycle_problem(graph, source, target)


def connectable_inputs(graph: Graph, source: str, source_port: str) -> set[PortRef]:
    """Every (node, input port) the given output may be connected to."""
    if (
        not graph.has_node(source)
        or source_port not in graph.node(source).output_ports()
    ):
        return set()
    import networkx as nx

    upstream = nx.ancestors(graph.to_networkx(), source) | {source}
    return {
        (node.id, port)
        for node in graph.nodes
        if node.id not in upstream
        for port in node.input_ports()
    }


def connectable_outputs(graph: Graph, target: str, target_port: str) -> set[PortRef]:
    """Every (node, output port) that may feed the given input."""
    if (
        not graph.has_node(target)
        or target_port not in graph.node(target).input_ports()
    ):
        return set()
    import networkx as nx

    downstream = nx.descendants(graph.to_networkx(), target) | {target}
    return {
        (node.id, port)
        for node in graph.nodes
        if node.id not in downstream
        for port in node.output_ports()
    }


def acyclic(count: int, edges: list[tuple[int, str, int, str]]) -> bool:
    """Whether edges between nodes numbered ``0..count-1`` flow one way."""
    import networkx as nx

    view = nx.DiGraph()
    view.add_nodes_from(range(count))
    view.add_edges_from((s, t) for s, _, t, _ in edges)
    return nx.is_directed_acyclic_graph(view)
