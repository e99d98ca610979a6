"""The graph model: parameter validation, edits, events and undo support."""

from __future__ import annotations

import math

import pytest

from designer.graph.catalog import ParamSpec, get_spec
from designer.graph.events import (
    EdgeAdded,
    EdgeRemoved,
    NodeAdded,
    NodeMoved,
    NodeRemoved,
    NodeRenamed,
    ParamChanged,
)
from designer.graph.model import Graph, GraphError, Project

# -- ParamSpec validation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "value", "message"),
    [
        (
            ParamSpec("units", "int", 1, minimum=1, maximum=10),
            0,
            "must be an integer of at least 1, got 0",
        ),
        (
            ParamSpec("units", "int", 1, minimum=1, maximum=10),
            11,
            "must be an integer of at most 10, got 11",
        ),
        (
            ParamSpec("units", "int", 1, minimum=1),
            2.5,
            "must be a positive integer, got 2.5",
        ),
        (
            ParamSpec("units", "int", 1, minimum=1),
            True,
            "must be a positive integer, got True",
        ),
        (ParamSpec("dim", "int", 1, minimum=-3), "1", "must be an integer, got '1'"),
        (
            ParamSpec("p", "float", 0.5, minimum=0.0, maximum=0.99),
            1.0,
            "must be a number of at most 0.99, got 1.0",
        ),
        (
            ParamSpec("p", "float", 0.5, minimum=0.0, maximum=0.99),
            math.nan,
            "must be a finite number, got nan",
        ),
        (ParamSpec("p", "float", 0.5), "x", "must be a number, got 'x'"),
        (ParamSpec("bias", "bool", True), 1, "must be true or false, got 1"),
        (
            ParamSpec("mode", "choice", "a", choices=("a", "b")),
            "c",
            "must be one of 'a', 'b', got 'c'",
        ),
        (
            ParamSpec("padding", "padding", 0, minimum=0, choices=("same",)),
            "full",
            "must be one of 'same', got 'full'",
        ),
        (
            ParamSpec("padding", "padding", 0, minimum=0, choices=("same",)),
            -1,
            "must be an integer of at least 0, got -1",
        ),
        (
            ParamSpec("shape", "shape", [1]),
            [],
            "must be a non-empty list of sizes, got []",
        ),
        (
            ParamSpec("shape", "shape", [1]),
            [3, 0],
            "dimension 1 must be a positive integer, got 0",
        ),
        (
            ParamSpec("shape", "shape", [1]),
            ["L", "1x"],
            "dimension 1 must be a size or a short name like 'L', got '1x'",
        ),
        (
            ParamSpec("shape", "shape", [1]),
            [4, "if"],
            "dimension 1 must be a size or a short name like 'L', got 'if'",
        ),
        (
            ParamSpec("shape", "shape", [1]),
            ["N", 3],
            "dimension 0 cannot be called N: N is the batch size, which is left out",
        ),
        (
            ParamSpec("shape", "shape", [1], maximum=2),
            [1, 2, 3],
            "must have at most 2 dimensions, got 3",
        ),
        (
            ParamSpec("shape", "shape", [1]),
            [10**7],
            "dimension 0 is 10000000, larger than the limit of 1000000",
        ),
        (
            ParamSpec("dims", "ints", [1]),
            [1, "2"],
            "item 1 must be an integer, got '2'",
        ),
        (
            ParamSpec("target", "target_shape", [-1]),
            [-1, -1],
            "may contain -1 only once",
        ),
        (
            ParamSpec("target", "target_shape", [-1]),
            [0],
            "dimension 0 must be a positive integer or -1, got 0",
        ),
    ],
)
def test_param_validation_messages(
    spec: ParamSpec, value: object, message: str
) -> None:
    assert spec.check(value) == message


def test_valid_values_pass_and_long_values_are_shortened() -> None:
    assert ParamSpec("units", "int", 1, minimum=1, maximum=10).check(10) is None
    assert ParamSpec("shape", "shape", [1]).check([1, "L", 28]) is None
    message = ParamSpec("p", "float", 0.5).check("x" * 100)
    assert message is not None and len(message) < 80 and message.endswith("...")


def test_every_spec_default_is_valid() -> None:
    from designer.graph.catalog import all_specs

    for spec in all_specs():
        for param in spec.params:
            assert param.check(param.default) is None, (spec.type, param.name)


# -- edits and events ----------------------------------------------------------------------


@pytest.fixture
def recorded() -> tuple[Graph, list]:
    graph = Graph("model")
    events: list = []
    graph.subscribe(events.append)
    return graph, events


def test_add_node_emits_and_names_uniquely(recorded: tuple[Graph, list]) -> None:
    graph, events = recorded
    first = graph.add_node("Conv2d")
    second = graph.add_node("Conv2d")
    named = graph.add_node("Linear", name="head")
    clash = graph.add_node("Linear", name="head")
    assert [first.name, second.name, named.name] == ["conv2d_1", "conv2d_2", "head"]
    assert clash.name not in {"head", first.name, second.name}
    assert len({n.name for n in graph.nodes}) == 4
    assert len({n.id for n in graph.nodes}) == 4
    assert events == [
        NodeAdded(first),
        NodeAdded(second),
        NodeAdded(named),
        NodeAdded(clash),
    ]
    assert first.params == get_spec("Conv2d").defaults()


def test_add_node_refuses_bad_parameters() -> None:
    graph = Graph()
    with pytest.raises(
        GraphError,
        match="Linear parameter out_features must be an integer of at least 1, got 0",
    ):
        graph.add_node("Linear", params={"out_features": 0})
    with pytest.raises(GraphError, match="Linear has no parameter 'units'"):
        graph.add_node("Linear", params={"units": 3})
    with pytest.raises(KeyError, match="unknown layer type 'Nope'"):
        graph.add_node("Nope")
    assert graph.nodes == []


def test_connect_emits_and_refuses_bad_connections(
    recorded: tuple[Graph, list],
) -> None:
    graph, events = recorded
    source = graph.add_node("Input", params={"shape": [4]})
    a = graph.add_node("Linear")
    b = graph.add_node("Linear")
    add = graph.add_node("Add")
    events.clear()
    edge = graph.connect(source.id, "out", a.id, "in")
    assert events == [EdgeAdded(edge)]
    with pytest.raises(GraphError, match="cannot feed itself"):
        graph.connect(a.id, "out", a.id, "in")
    with pytest.raises(GraphError, match="has no output port 'nope'"):
        graph.connect(a.id, "nope", b.id, "in")
    with pytest.raises(GraphError, match="has no input port 'in3'"):
        graph.connect(a.id, "out", add.id, "in3")
    with pytest.raises(GraphError, match="is already connected"):
        graph.connect(b.id, "out", a.id, "in")
    with pytest.raises(GraphError, match="both ends must be nodes"):
        graph.connect("ghost", "out", a.id, "in")
    with pytest.raises(GraphError):
        graph.connect(a.id, "out", source.id, "in")  # an Input has no input port
    assert graph.edges == [edge]
    assert events == [EdgeAdded(edge)]


def test_remove_node_returns_its_edges_and_insert_node_restores(
    recorded: tuple[Graph, list],
) -> None:
    graph, events = recorded
    source = graph.add_node("Input", params={"shape": [4]})
    middle = graph.add_node("Linear", params={"out_features": 3})
    sink = graph.add_node("Output")
    e1 = graph.connect(source.id, "out", middle.id, "in")
    e2 = graph.connect(middle.id, "out", sink.id, "in")
    before = graph.to_dict_canonical()
    events.clear()
    node, edges = graph.remove_node(middle.id)
    assert node is middle and set(edges) == {e1, e2}
    assert graph.edges == [] and not graph.has_node(middle.id)
    assert {type(e) for e in events} == {EdgeRemoved, NodeRemoved}
    assert isinstance(events[-1], NodeRemoved)
    events.clear()
    graph.insert_node(node, edges)
    assert graph.to_dict_canonical() == before
    assert events[0] == NodeAdded(node) and {e.edge for e in events[1:]} == {e1, e2}
    with pytest.raises(GraphError, match="already exists"):
        graph.insert_node(node, [])


def test_set_param_rename_move_emit(recorded: tuple[Graph, list]) -> None:
    graph, events = recorded
    node = graph.add_node("Linear")
    other = graph.add_node("Linear", name="other")
    events.clear()
    graph.set_param(node.id, "out_features", 10)
    graph.set_param(node.id, "out_features", 10)  # no change, no event
    graph.rename(node.id, "  fc  ")
    graph.move(node.id, (5, 6))
    assert events == [
        ParamChanged(node, "out_features", 64, 10),
        NodeRenamed(node, "linear_1", "fc"),
        NodeMoved(node, (0.0, 0.0), (5.0, 6.0)),
    ]
    with pytest.raises(
        GraphError, match="fc: Out features must be an integer of at least 1"
    ):
        graph.set_param(node.id, "out_features", 0)
    with pytest.raises(GraphError, match="already called 'other'"):
        graph.rename(node.id, other.name)
    with pytest.raises(GraphError, match="cannot be empty"):
        graph.rename(node.id, "   ")
    with pytest.raises(GraphError, match="at most 64"):
        graph.rename(node.id, "x" * 65)
    assert node.name == "fc" and node.params["out_features"] == 10


def test_fewer_merge_inputs_drop_the_vanished_edges(
    recorded: tuple[Graph, list],
) -> None:
    graph, events = recorded
    source = graph.add_node("Input", params={"shape": [4]})
    add = graph.add_node("Add", params={"inputs": 3})
    edges = [graph.connect(source.id, "out", add.id, f"in{k}") for k in (1, 2, 3)]
    events.clear()
    graph.set_param(add.id, "inputs", 2)
    assert graph.edges == edges[:2]
    assert events == [EdgeRemoved(edges[2]), ParamChanged(add, "inputs", 3, 2)]


def test_unsubscribe_and_networkx_view_follow_edits() -> None:
    graph = Graph()
    events: list = []
    graph.subscribe(events.append)
    graph.unsubscribe(events.append)
    a = graph.add_node("Input", params={"shape": [2]})
    b = graph.add_node("ReLU")
    assert events == []
    assert graph.to_networkx().number_of_edges() == 0
    graph.connect(a.id, "out", b.id, "in")
    assert list(graph.to_networkx().edges) == [(a.id, b.id, "in")]
    assert (
        graph.edges_into(b.id)
        == graph.edges_out_of(a.id)
        == [graph.edge_into(b.id, "in")]
    )
    graph.remove_node(a.id)
    assert graph.to_networkx().number_of_nodes() == 1


def test_copy_and_equality() -> None:
    graph = Graph("g")
    a = graph.add_node("Input", params={"shape": [2]})
    b = graph.add_node("Linear")
    graph.connect(a.id, "out", b.id, "in")
    twin = graph.copy()
    assert twin == graph
    twin.set_param(b.id, "out_features", 5)
    assert twin != graph and graph.node(b.id).params["out_features"] == 64
    project = Project("p", [graph])
    assert project.graph is graph and project.network("g") is graph
    with pytest.raises(GraphError, match="no network called 'h'"):
        project.network("h")


# -- the edge index agrees with a plain scan ----------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _assert_index_matches_scan(graph: Graph) -> None:
    edges = graph.edges
    for node in graph.nodes:
        assert graph.edges_into(node.id) == [e for e in edges if e.target == node.id]
        assert graph.edges_out_of(node.id) == [e for e in edges if e.source == node.id]
        for port in node.input_ports():
            expected = next(
                (e for e in edges if e.target == node.id and e.target_port == port),
                None,
            )
            assert graph.edge_into(node.id, port) == expected


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 50), st.integers(0, 50)),
        max_size=40,
    )
)
def test_edge_lookups_stay_right_through_random_edits(
    steps: list[tuple[int, int, int]],
) -> None:
    graph = Graph()
    graph.add_node("Input", params={"shape": [4]})
    removed: list[tuple] = []
    for action, a, b in steps:
        nodes = graph.nodes
        if action == 0 or len(nodes) < 2:
            graph.add_node("Add" if a % 2 else "ReLU")
        elif action == 1:
            source, target = nodes[a % len(nodes)], nodes[b % len(nodes)]
            ports = target.input_ports()
            port = ports[a % len(ports)] if ports else ""
            free = bool(ports) and graph.edge_into(target.id, port) is None
            if free and graph.can_connect(source.id, "out", target.id, port) is None:
                graph.connect(source.id, "out", target.id, port)
        elif action == 2 and graph.edges:
            graph.disconnect(graph.edges[a % len(graph.edges)])
        elif action == 3:
            removed.append(graph.remove_node(nodes[a % len(nodes)].id))
        elif action == 4 and removed:
            node, edges = removed.pop()
            ends_exist = all(
                graph.has_node(e.source) or e.source == node.id for e in edges
            ) and all(graph.has_node(e.target) or e.target == node.id for e in edges)
            free = all(graph.edge_into(e.target, e.target_port) is None for e in edges)
            graph.insert_node(node, edges if ends_exist and free else [])
        elif action == 5 and graph.edges:
            # What undo does: reorder the edge list in place, then drop the caches.
            graph._edges.reverse()  # noqa: SLF001
            graph._nx_cache = None  # noqa: SLF001
        _assert_index_matches_scan(graph)
