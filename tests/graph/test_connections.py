"""Which ports may be connected, and the reasons given when they may not."""

from __future__ import annotations

import pytest

from designer.graph.connections import (
    connectable_inputs,
    connectable_outputs,
    connection_problem,
)
from designer.graph.model import Graph


@pytest.fixture
def chain() -> tuple[Graph, list[str]]:
    graph = Graph()
    ids = [
        graph.add_node("Input", name="x", params={"shape": [4]}).id,
        graph.add_node("Linear", name="fc1").id,
        graph.add_node("Linear", name="fc2").id,
        graph.add_node("Add", name="sum").id,
    ]
    graph.connect(ids[0], "out", ids[1], "in")
    graph.connect(ids[1], "out", ids[2], "in")
    return graph, ids


def test_the_reasons_name_the_nodes_and_ports(chain) -> None:
    graph, (x, fc1, fc2, add) = chain
    assert connection_problem(graph, fc2, "out", fc1, "in") == (
        "connecting fc2 to fc1 would make a cycle; networks must flow one way"
    )
    assert connection_problem(graph, fc1, "out", fc1, "in") == (
        "a node cannot feed itself"
    )
    assert connection_problem(graph, x, "out", fc1, "nope") == (
        "fc1 has no input port 'nope'"
    )
    assert connection_problem(graph, x, "bad", fc1, "in") == (
        "x has no output port 'bad'"
    )
    assert connection_problem(graph, x, "out", "n99", "in") == (
        "both ends must be nodes of this network"
    )
    # An occupied input is no problem: connecting replaces its edge.
    assert connection_problem(graph, x, "out", fc2, "in") is None


def test_connectable_ports_leave_out_everything_upstream_or_downstream(chain) -> None:
    graph, (x, fc1, fc2, add) = chain
    assert connectable_inputs(graph, fc1, "out") == {
        (fc2, "in"),
        (add, "in1"),
        (add, "in2"),
    }
    assert connectable_outputs(graph, fc1, "in") == {(x, "out"), (add, "out")}
    assert connectable_inputs(graph, fc1, "nope") == set()
    assert connectable_outputs(graph, "n99", "in") == set()
