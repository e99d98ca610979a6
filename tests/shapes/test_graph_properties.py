"""Random chains and branching graphs (residual adds, concats, splits) checked
against PyTorch, and error containment: a broken branch does not stop the others."""

from __future__ import annotations

import warnings

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from network_harness import random_graphs, run_and_compare, symbol_values

from designer.codegen.module import CodegenError, generate_code
from designer.graph.model import Graph, Project
from designer.shapes.infer import infer_shapes

GRAPH_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
    derandomize=True,
)


@GRAPH_SETTINGS
@given(random_graphs(), symbol_values())
def test_random_graphs_match_pytorch(graph: Graph, values: dict[str, int]) -> None:
    shapes = infer_shapes(graph)
    assert shapes.valid, [p.message for p in shapes.errors]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        run_and_compare(graph, values)


@GRAPH_SETTINGS
@given(random_graphs(keep_errors=True))
def test_an_error_stops_only_what_depends_on_it(graph: Graph) -> None:
    shapes = infer_shapes(graph)  # never raises
    view = graph.to_networkx()
    broken = {node_id for node_id, info in shapes.nodes.items() if info.error}
    for node in graph.nodes:
        info = shapes.nodes[node.id]
        upstream = nx.ancestors(view, node.id) | {node.id}
        if node.id in broken:
            assert info.outputs == {}
            assert any(p.node == node.id and p.is_error for p in shapes.problems)
        elif not upstream & broken and node.type != "Output":
            assert set(info.outputs) == set(node.output_ports()), (node.name, info)
        elif node.type != "Output":
            assert info.outputs == {}, (
                f"{node.name} depends on a broken node yet has shapes"
            )
    if broken:
        assert not shapes.valid
        try:
            generate_code(Project("broken", [graph]))
        except CodegenError as error:
            assert graph.node(next(iter(broken))).name in str(error)
        else:
            raise AssertionError("code was generated for a graph with errors")


@settings(max_examples=30, deadline=None, derandomize=True)
@given(random_graphs(max_layers=6), st.integers(0, 100))
def test_removing_and_reinserting_a_node_restores_graph_and_shapes(
    graph: Graph, pick: int
) -> None:
    before = graph.to_dict_canonical()
    shapes_before = infer_shapes(graph)
    node = graph.nodes[pick % len(graph.nodes)]
    removed, edges = graph.remove_node(node.id)
    assert not graph.has_node(node.id)
    assert all(node.id not in (e.source, e.target) for e in graph.edges)
    infer_shapes(graph)  # a graph with a hole is still analysed without raising
    graph.insert_node(removed, edges)
    assert graph.to_dict_canonical() == before
    again = infer_shapes(graph)
    assert {k: v.outputs for k, v in again.nodes.items()} == {
        k: v.outputs for k, v in shapes_before.nodes.items()
    }
    messages = sorted(p.message for p in again.problems)
    assert messages == sorted(p.message for p in shapes_before.problems)
