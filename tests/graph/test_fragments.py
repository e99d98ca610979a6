"""Clipboard fragments: copied nodes read back, and foreign text reported by place."""

from __future__ import annotations

import json
import re

from designer.graph.fragments import (
    CLIPBOARD_FORMAT,
    MAX_FRAGMENT_NODES,
    fragment_to_dict,
    parse_fragment,
)
from designer.graph.model import Graph


def _fragment(nodes: list, edges: list | None = None) -> str:
    data = {"format": CLIPBOARD_FORMAT, "version": 1, "nodes": nodes}
    if edges is not None:
        data["edges"] = edges
    return json.dumps(data)


def _node(node_id: str, layer_type: str = "ReLU", **extra) -> dict:
    return {"id": node_id, "type": layer_type, "name": node_id, **extra}


def _edge(source: str, target: str, target_port: str = "in") -> dict:
    return {
        "source": source,
        "source_port": "out",
        "target": target,
        "target_port": target_port,
    }


def test_a_copy_reads_back_with_its_inner_edges_only() -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [4]}, position=(10, 20))
    fc = graph.add_node("Linear", params={"out_features": 3})
    out = graph.add_node("Output")
    graph.connect(x.id, "out", fc.id, "in")
    graph.connect(fc.id, "out", out.id, "in")
    fragment = parse_fragment(json.dumps(fragment_to_dict(graph, [x.id, fc.id])))
    assert fragment.problems == []
    assert [n.to_dict() for n in fragment.nodes] == [x.to_dict(), fc.to_dict()]
    assert fragment.edges == [(0, "out", 1, "in")]
    assert fragment_to_dict(graph, ["n99"])["nodes"] == []


def test_foreign_text_is_not_a_fragment() -> None:
    for text in ("hello", "{", "[]", json.dumps({"format": "designer-project"})):
        fragment = parse_fragment(text)
        assert fragment.nodes == [] and fragment.problems
        assert "not designer clipboard data" in fragment.problems[0]
    broken = parse_fragment(json.dumps({"format": CLIPBOARD_FORMAT, "nodes": {}}))
    assert broken.nodes == [] and broken.problems == ["nodes: must be an array, got {}"]


def test_unusable_nodes_and_edges_are_left_out_with_their_place() -> None:
    text = _fragment(
        [
            _node("a", "Input", params={"shape": [4]}),
            _node("b", "Conv9d"),
            _node("c", "Linear", params={"out_features": 0}),
            {"id": "d", "type": "ReLU"},
            _node("a"),
            _node("e", "Linear", position=[1e9, 0]),
            _node("f", "Linear", params={"units": 3}),
            _node("g"),
        ],
        [_edge("a", "g"), _edge("a", "g"), _edge("zz", "g"), _edge("g", "g"), {}],
    )
    fragment = parse_fragment(text)
    assert [n.id for n in fragment.nodes] == ["a", "g"]
    assert fragment.edges == [(0, "out", 1, "in")]
    problems = fragment.problems
    unknown = (
        r"nodes\[1\]\.type: unknown layer type 'Conv9d' \(did you mean 'Conv[123]d'\?\)"
    )
    assert any(re.fullmatch(unknown, p) for p in problems), problems
    assert any(p.startswith("nodes[2].params.out_features: must be") for p in problems)
    assert "nodes[3]: is missing 'name'" in problems
    assert "nodes[4].id: duplicate id 'a'" in problems
    assert any(
        p.startswith("nodes[5].position[0]: 1000000000.0 is out of range")
        for p in problems
    )
    assert "nodes[6].params.units: Linear has no parameter 'units'" in problems
    assert "edges[1]: input 'in' of g is connected twice" in problems
    assert "edges[2].source: no node has id 'zz' (dangling edge)" in problems
    assert "edges[3]: a node cannot feed itself" in problems
    assert "edges[4]: is missing 'source'" in problems


def test_a_fragment_whose_edges_make_a_cycle_keeps_its_nodes_only() -> None:
    text = _fragment(
        [_node("a", "Add"), _node("b")],
        [_edge("a", "b"), _edge("b", "a", "in1")],
    )
    fragment = parse_fragment(text)
    assert len(fragment.nodes) == 2 and fragment.edges == []
    assert fragment.problems == ["edges: the connections make a cycle, so none is used"]


def test_a_huge_fragment_is_cut_short() -> None:
    text = _fragment([_node(f"n{k}") for k in range(MAX_FRAGMENT_NODES + 3)])
    fragment = parse_fragment(text)
    assert len(fragment.nodes) == MAX_FRAGMENT_NODES
    assert fragment.problems == [
        f"nodes: only the first {MAX_FRAGMENT_NODES} of {MAX_FRAGMENT_NODES + 3} nodes are used"
    ]
