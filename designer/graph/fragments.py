"""Clipboard fragments: some nodes of a network and the edges among them, as JSON.

Pasted text may hold anything, so a fragment is read with the same validator as a
project file (:mod:`designer.graph.validation`); what cannot be used is left out
and each reason is kept with its place (``nodes[2].type: unknown layer type …``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from designer.graph.connections import acyclic
from designer.graph.model import Graph, Node
from designer.graph.validation import (
    EDGE_SCHEMA,
    NODE_SCHEMA,
    graph_from_dicts,
    schema_problems,
)

CLIPBOARD_FORMAT = "designer-clipboard"
FRAGMENT_VERSION = 1
MAX_FRAGMENT_NODES = 5000

IndexEdge = tuple[int, str, int, str]

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["format", "nodes"],
    "properties": {
        "format": {"const": CLIPBOARD_FORMAT},
        "version": {"type": "integer"},
        "nodes": {"type": "array", "items": NODE_SCHEMA},
        "edges": {"type": "array", "items": EDGE_SCHEMA},
    },
}


@functools.cache
def _validator() -> Any:
    """Built on the first paste: jsonschema is not loaded at start-up."""
    import jsonschema

    return jsonschema.Draft202012Validator(_SCHEMA)


@dataclass(frozen=True)
class Fragment:
    """The usable part of a pasted fragment: nodes (with the fragment's own ids) and
    edges between them by index into ``nodes``; ``problems`` says what was left out."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[IndexEdge] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def fragment_to_dict(graph: Graph, ids: Iterable[str]) -> dict[str, Any]:
    """The nodes ``ids`` of ``graph`` (unknown ids are skipped) and the edges among them."""
    chosen = [node_id for node_id in dict.fromkeys(ids) if graph.has_node(node_id)]
    inside = set(chosen)
    return {
        "format": CLIPBOARD_FORMAT,
        "version": FRAGMENT_VERSION,
        "nodes": [graph.node(node_id).to_dict() for node_id in chosen],
        "edges": [
            e.to_dict()
            for e in graph.edges
            if e.source in inside and e.target in inside
        ],
    }


def parse_fragment(text: str) -> Fragment:
    """The usable nodes and edges of clipboard ``text``; never raises."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        return Fragment(problems=[f"this is not designer clipboard data: {error}"])
    if not isinstance(data, dict) or data.get("format") != CLIPBOARD_FORMAT:
        return Fragment(problems=["this is not designer clipboard data"])
    problems: list[str] = []
    nodes = data.get("nodes")
    if isinstance(nodes, list) and len(nodes) > MAX_FRAGMENT_NODES:
        problems.append(
            f"nodes: only the first {MAX_FRAGMENT_NODES} of {len(nodes)} nodes are used"
        )
        data = {**data, "nodes": nodes[:MAX_FRAGMENT_NODES]}
    skip: set[tuple[str, int]] = set()
    for path, message in schema_problems(_validator(), data):
        problems.append(message)
        if len(path) >= 2 and path[0] in ("nodes", "edges"):
            skip.add((path[0], path[1]))
        else:  # the fragment as a whole is unusable
            return Fragment(problems=problems)
    graph = graph_from_dicts(
        "fragment", data["nodes"], data.get("edges", []), "", problems, skip
    )
    kept = graph.nodes
    index = {node.id: k for k, node in enumerate(kept)}
    edges = [
        (index[e.source], e.source_port, index[e.target], e.target_port)
        for e in graph.edges
    ]
    if not acyclic(len(kept), edges):
        problems.append("edges: the connections make a cycle, so none is used")
        edges = []
    return Fragment(kept, edges, problems)
