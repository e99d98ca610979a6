"""Structural checks answered by networkx: cycles, loose inputs, dead ends."""

from __future__ import annotations

from designer.graph.model import Graph
from designer.shapes.problems import ERROR, WARNING, Problem


def find_cycle_nodes(graph: Graph) -> list[str]:
    """The ids along one cycle, in order, or [] when the graph is acyclic."""
    import networkx as nx  # only for a graph with a cycle: not at start-up

    try:
        cycle = nx.find_cycle(graph.to_networkx())
    except nx.NetworkXNoCycle:
        return []
    return [source for source, *_ in cycle]


# A cycle's message names at most this many of its nodes (then counts the rest).
CYCLE_NAMES_SHOWN = 6


def cycle_message(graph: Graph, cycle: list[str]) -> str:
    """One message for a whole cycle, naming a few of its nodes and their count.

    The cycle is reported once, on its first node: a message per node, each
    naming the whole cycle, grew with the square of the cycle's length.
    """
    names = [graph.node(n).name for n in cycle[:CYCLE_NAMES_SHOWN]]
    if len(cycle) > CYCLE_NAMES_SHOWN:
        rest = len(cycle) - CYCLE_NAMES_SHOWN
        names.append(f"… {rest:,} more")
    path = " → ".join([*names, graph.node(cycle[0]).name])
    return (
        f"is part of a cycle of {len(cycle):,} nodes: {path}; "
        "networks must flow one way"
    )


def check_structure(graph: Graph, acyclic: bool | None = None) -> list[Problem]:
    """Missing Input/Output, cycles, loose inputs and dead ends.

    ``acyclic`` may pass on what the caller already knows, sparing a cycle search.
    """
    problems: list[Problem] = []
    inputs = graph.nodes_of_type("Input")
    outputs = graph.nodes_of_type("Output")
    if graph.nodes and not inputs:
        problems.append(
            Problem(
                ERROR,
                "the network has no Input node; add one to say what data comes in",
            )
        )
    if graph.nodes and not outputs:
        problems.append(
            Problem(
                ERROR,
                "the network has no Output node; connect one to the layer whose result you want",
            )
        )

    cycle = [] if acyclic else find_cycle_nodes(graph)
    if cycle:
        problems.append(Problem(ERROR, cycle_message(graph, cycle), cycle[0]))

    for node in graph.nodes:
        for port in node.input_ports():
            if graph.edge_into(node.id, port) is None:
                where = (
                    "its input" if len(node.input_ports()) == 1 else f"input {port!r}"
                )
                problems.append(Problem(ERROR, f"{where} is not connected", node.id))

    reaching = live_nodes(graph)
    for node in graph.nodes:
        if node.type != "Output" and node.id not in reaching and outputs:
            problems.append(
                Problem(
                    WARNING,
                    f"'{node.name}' reaches no Output: it is left out of the exported code",
                    node.id,
                )
            )
    return problems


def live_nodes(graph: Graph) -> set[str]:
    """The nodes whose result reaches an Output (the Outputs included)."""
    reaching = {output.id for output in graph.nodes_of_type("Output")}
    pending = list(reaching)
    while pending:
        for edge in graph.edges_into(pending.pop()):
            if edge.source not in reaching:
                reaching.add(edge.source)
                pending.append(edge.source)
    return reaching
