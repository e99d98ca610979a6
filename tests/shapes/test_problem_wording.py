"""The one place that words a problem: describe, detail and listed, and their users."""

from __future__ import annotations

import pytest

from designer.codegen.module import CodegenError, generate_network
from designer.graph.model import Graph
from designer.shapes.infer import infer_shapes
from designer.shapes.problems import ERROR, Problem, describe, detail, listed


def loose_linear() -> tuple[Graph, str]:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [4]})
    fc = graph.add_node("Linear", name="fc1")
    out = graph.add_node("Output")
    graph.connect(x.id, "out", out.id, "in")
    return graph, fc.id


def test_a_node_problem_is_named_once_whether_or_not_its_message_names_it() -> None:
    graph, fc = loose_linear()
    bare = Problem(ERROR, "its input is not connected", fc)
    named = Problem(ERROR, "Linear 'fc1': expects (N, features), got (N,)", fc)
    assert describe(bare, graph) == "Linear 'fc1': its input is not connected"
    assert describe(named, graph) == named.message
    assert detail(named, graph) == "expects (N, features), got (N,)"
    assert detail(bare, graph) == bare.message


def test_graph_wide_problems_and_networks() -> None:
    graph, _ = loose_linear()
    whole = Problem(ERROR, "the network has no Output node")
    assert describe(whole, graph) == whole.message == detail(whole, graph)
    assert describe(whole, graph, with_network=True) == (
        "model: the network has no Output node"
    )
    gone = Problem(ERROR, "was deleted", "no-such-id")
    assert describe(gone, graph) == "was deleted"


def test_listed_puts_each_problem_on_its_own_line() -> None:
    assert listed("Two things", ["a", "b"]) == "Two things:\n  - a\n  - b"


def test_code_generation_and_inference_word_problems_alike() -> None:
    graph, fc = loose_linear()
    shapes = infer_shapes(graph)
    (problem,) = [p for p in shapes.errors if p.node == fc]
    with pytest.raises(CodegenError) as caught:
        generate_network(graph, "Model", shapes)
    assert f"  - {describe(problem, graph)}" in str(caught.value)
    assert "Linear 'fc1': its input is not connected" in str(caught.value)
