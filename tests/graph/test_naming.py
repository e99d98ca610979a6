"""Node names: what a name may be, automatic names and names for copies."""

from __future__ import annotations

import pytest

from designer.graph.model import Graph, GraphError
from designer.graph.naming import automatic_name, copy_name, rename_problem


def test_automatic_names_number_the_stem() -> None:
    assert automatic_name(set(), "conv2d") == "conv2d_1"
    assert automatic_name({"conv2d_1", "conv2d_3"}, "conv2d") == "conv2d_2"
    assert automatic_name(set(), "x_3") == "x_3"  # a free numbered stem stays
    assert automatic_name({"x_3", "x_1"}, "x_3") == "x_2"
    assert automatic_name(set(), "  ") == "node_1"


def test_a_taken_chosen_name_gets_a_copy_suffix_not_the_next_number() -> None:
    # The user's series b2_1, b2_2, …: copies of b2_1 must not take b2_2.
    assert copy_name({"b2_1"}, "b2_1") == "b2_1_copy"
    assert copy_name({"b2_1", "b2_1_copy"}, "b2_1") == "b2_1_copy2"
    assert copy_name({"b2_1"}, " b2_2 ") == "b2_2"
    long = "n" * 64
    assert len(copy_name({long}, long)) <= 64


def test_adding_a_taken_name_twice_leaves_the_series_alone() -> None:
    graph = Graph()
    graph.add_node("Linear", name="b2_1")
    first = graph.add_node("Linear", name="b2_1")
    second = graph.add_node("Linear", name="b2_1")
    intended = graph.add_node("Linear", name="b2_2")
    assert (first.name, second.name, intended.name) == (
        "b2_1_copy",
        "b2_1_copy2",
        "b2_2",
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "a name cannot be empty"),
        ("x" * 65, "a name can be at most 64 characters"),
        ("head", "another node is already called 'head'"),
    ],
)
def test_rename_problems_are_for_people(name: str, message: str) -> None:
    assert rename_problem({"head"}, "body", name) == message
    graph = Graph()
    graph.add_node("Linear", name="head")
    body = graph.add_node("Linear", name="body")
    assert graph.rename_problem(body.id, name) == message
    with pytest.raises(GraphError, match=message[:20]):
        graph.rename(body.id, name)


def test_a_node_may_keep_its_own_name() -> None:
    assert rename_problem({"head"}, "body", "body") is None
    graph = Graph()
    node = graph.add_node("Linear", name="body")
    assert graph.rename_problem(node.id, " body ") is None
