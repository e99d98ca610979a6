"""Structural checks answered by networkx: cycles, loose inputs, dead ends."""

from __future__ import annotations

from designer.graph.model import Graph
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message
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


def cycle_message(graph: Graph, cycle: list[str]) -> Message:
    """One message for a whole cycle, naming a few of its nodes and their count.

    The cycle is reported once, on its first node: a message per node, each
    naming the whole cycle, grew with the square of the cycle's length.
    """
    names = " → ".join(graph.node(n).name for n in cycle[:CYCLE_NAMES_SHOWN])
    first = graph.node(cycle[0]).name
    if len(cycle) > CYCLE_NAMES_SHOWN:
        return Message.of(
            QT_TRANSLATE_NOOP(
                "Problem",
                "is part of a cycle of {count} nodes: {names} → … {rest} more → "
                "{first}; networks must flow one way",
            ),
            count=f"{len(cycle):,}",
            names=names,
            rest=f"{len(cycle) - CYCLE_NAMES_SHOWN:,}",
            first=first,
        )
    return Message.of(
        QT_TRANSLATE_NOOP(
            "Problem",
            "is part of a cycle of {count} nodes: {names} → {first}; "
            "networks must flow one way",
        ),
        count=f"{len(cycle):,}",
        names=names,
        first=first,
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
            Problem.of(
                ERROR,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "the network has no Input node; add one to say what data comes in",
                    )
                ),
            )
        )
    if graph.nodes and not outputs:
        problems.append(
            Problem.of(
                ERROR,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "the network has no Output node; connect one to the layer "
                        "whose result you want",
                    )
                ),
            )
        )

    cycle = [] if acyclic else find_cycle_nodes(graph)
    if cycle:
        problems.append(Problem.of(ERROR, cycle_message(graph, cycle), cycle[0]))

    for node in graph.nodes:
        for port in node.input_ports():
            if graph.edge_into(node.id, port) is None:
                text = (
                    Message(QT_TRANSLATE_NOOP("Problem", "its input is not connected"))
                    if len(node.input_ports()) == 1
                    else Message.of(
                        QT_TRANSLATE_NOOP("Problem", "input {port} is not connected"),
                        port=repr(port),
                    )
                )
                problems.append(Problem.of(ERROR, text, node.id))

    reaching = live_nodes(graph)
    for node in graph.nodes:
        if node.type != "Output" and node.id not in reaching and outputs:
            problems.append(
                Problem.of(
                    WARNING,
                    Message.of(
                        QT_TRANSLATE_NOOP(
                            "Problem",
                            "'{name}' reaches no Output: it is left out of the exported code",
                        ),
                        name=node.name,
                    ),
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
