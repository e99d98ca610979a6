"""The one validator for nodes and edges that come from outside the app: project
files and pasted clipboard fragments both go through it.

A JSON schema checks the form of each node and edge; then the layer catalog
checks the meaning (known type, known parameters with valid values, finite
positions, unique ids and names, ports that exist, inputs connected once).  Every
problem names its place in the document (``networks[0].nodes[3].params.units: …``).
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from designer.graph.blocks import BLOCK, BlockDefinition, BlockTable, block_name_problem
from designer.graph.catalog import all_specs, has_spec
from designer.graph.model import Edge, Graph, GraphError, Node, spec_for
from designer.graph.naming import MAX_NAME_LENGTH

if TYPE_CHECKING:  # jsonschema loads when a document is checked, not at start-up
    import jsonschema

MAX_POSITION = 1e7
# Problems after this many get no "did you mean" suggestion.
SUGGESTED_PROBLEMS = 50

NAME_SCHEMA: dict[str, Any] = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_NAME_LENGTH,
}
_KEY = {"type": "string", "minLength": 1, "maxLength": 64}
NODE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "type", "name"],
    "additionalProperties": False,
    "properties": {
        "id": _KEY,
        "type": _KEY,
        "name": NAME_SCHEMA,
        "params": {"type": "object"},
        "position": {
            "type": "array",
            "items": {
                "type": "number",
                "minimum": -MAX_POSITION,
                "maximum": MAX_POSITION,
            },
            "minItems": 2,
            "maxItems": 2,
        },
    },
}
EDGE_KEYS = ("source", "source_port", "target", "target_port")
EDGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": list(EDGE_KEYS),
    "additionalProperties": False,
    "properties": {key: _KEY for key in EDGE_KEYS},
}


def place(parts: Iterable[Any]) -> str:
    """``["networks", 0, "name"]`` → ``networks[0].name``."""
    text = ""
    for part in parts:
        text += (
            f"[{part}]"
            if isinstance(part, int)
            else (f".{part}" if text else str(part))
        )
    return text or "(document)"


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(value[:40])
    if isinstance(value, dict | list) and value:  # never the whole of a large value
        kind = "an object" if isinstance(value, dict) else "a list"
        return f"{kind} of {len(value)} item{'s' if len(value) != 1 else ''}"
    return json.dumps(value)[:40]


def schema_message(error: jsonschema.ValidationError, not_ours: str = "") -> str:
    """A schema error in words, at its place; ``not_ours`` is added when a
    ``const`` (the format name) does not match."""
    where = place(error.absolute_path)
    validator = error.validator
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}: is missing {missing!r}"
    if validator == "const":
        return f"{where}: must be {error.validator_value!r}{not_ours}"
    if validator == "type":
        article = (
            "an" if error.validator_value in ("object", "array", "integer") else "a"
        )
        return f"{where}: must be {article} {error.validator_value}, got {_describe(error.instance)}"
    if validator in ("minimum", "maximum"):
        return f"{where}: {_describe(error.instance)} is out of range ({validator} {error.validator_value})"
    return f"{where}: {error.message}"


def schema_problems(
    validator: jsonschema.protocols.Validator, document: Any, not_ours: str = ""
) -> list[tuple[tuple[Any, ...], str]]:
    """``(path, message)`` for every schema error, in document order."""
    errors = sorted(
        validator.iter_errors(document), key=lambda e: list(e.absolute_path)
    )
    return [(tuple(e.absolute_path), schema_message(e, not_ours)) for e in errors]


def _suggest(layer_type: str) -> str:
    known = [spec.type for spec in all_specs()]
    close = difflib.get_close_matches(layer_type, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _at(where: str, rest: str) -> str:
    return f"{where}.{rest}" if where else rest


def node_from_dict(
    raw: dict[str, Any],
    here: str,
    problems: list[str],
    graph: Graph | None = None,
    names: Collection[str] = (),
    blocks: BlockTable | None = None,
) -> Node | None:
    """The node a schema-valid ``raw`` describes, or None (with its problems added)
    when its type, its id (taken in ``graph``), its name (one of ``names``), a
    parameter or its position cannot be used."""
    is_block = raw["type"] == BLOCK and blocks is not None
    if not is_block and not has_spec(raw["type"]):
        # A "did you mean" costs a fuzzy match: a file of thousands of unknown
        # types gets them for the first few problems only (the rest are counted).
        hint = _suggest(raw["type"]) if len(problems) < SUGGESTED_PROBLEMS else ""
        problems.append(f"{here}.type: unknown layer type {raw['type']!r}{hint}")
        return None
    if graph is not None and graph.has_node(raw["id"]):
        problems.append(f"{here}.id: duplicate id {raw['id']!r}")
        return None
    if raw["name"] in names:
        problems.append(f"{here}.name: another node is already called {raw['name']!r}")
        return None
    spec = spec_for(raw["type"], blocks)
    params = spec.defaults()
    ok = True
    for key, value in raw.get("params", {}).items():
        try:
            param = spec.param(key)
        except KeyError:
            problems.append(
                f"{here}.params.{key}: {spec.type} has no parameter {key!r}"
            )
            ok = False
            continue
        message = param.check(value)
        if message:
            problems.append(f"{here}.params.{key}: {message}")
            ok = False
        else:
            params[key] = list(value) if isinstance(value, list) else value
    position = raw.get("position", [0.0, 0.0])
    if ok and not all(math.isfinite(v) for v in position):
        problems.append(f"{here}.position: must be two finite numbers")
        ok = False
    if ok and is_block and graph is not None:
        problem = blocks.recursion_problem(graph, params["block"])  # type: ignore[union-attr]
        if problem:
            problems.append(f"{here}.params.block: {problem}")
            ok = False
    if not ok:
        return None
    return Node(
        raw["id"],
        raw["type"],
        raw["name"],
        params,
        (float(position[0]), float(position[1])),
    )


def graph_from_dicts(
    name: str,
    nodes: Sequence[Any],
    edges: Sequence[Any],
    where: str,
    problems: list[str],
    skip: Collection[tuple[str, int]] = (),
    blocks: BlockTable | None = None,
    into: Graph | None = None,
) -> Graph:
    """Build a network from schema-valid node and edge dicts, adding every problem
    (at ``where``.nodes[k] / ``where``.edges[k]) to ``problems``; what has a problem
    is left out.  ``skip`` holds ``("nodes", k)`` / ``("edges", k)`` items that are
    already known to be unusable (their schema problems reported).  ``blocks``
    is the project's block table, which Block nodes may use; ``into`` an empty
    graph to fill (a block definition's, already in the table)."""
    graph = into if into is not None else Graph(name)
    if blocks is not None:
        graph.blocks = blocks
    names: set[str] = set()
    for k, raw in enumerate(nodes):
        if ("nodes", k) not in skip:
            here = _at(where, f"nodes[{k}]")
            node = node_from_dict(raw, here, problems, graph, names, blocks)
            if node is not None:
                names.add(node.name)
                graph.insert_node(node)
    known_ids = {raw.get("id") for raw in nodes if isinstance(raw, dict)}
    for k, raw in enumerate(edges):
        here = _at(where, f"edges[{k}]")
        if ("edges", k) in skip:
            continue
        missing = [end for end in ("source", "target") if not graph.has_node(raw[end])]
        if missing:
            for end in missing:
                if raw[end] not in known_ids:
                    problems.append(
                        f"{here}.{end}: no node has id {raw[end]!r} (dangling edge)"
                    )
            continue
        edge = Edge(*(raw[key] for key in EDGE_KEYS))
        reason = graph.can_connect(*edge.to_dict().values())
        if reason:
            problems.append(f"{here}: {reason}")
        elif graph.edge_into(edge.target, edge.target_port) is not None:
            problems.append(
                f"{here}: input {edge.target_port!r} of {graph.node(edge.target).name} is connected twice"
            )
        else:
            graph.connect(*edge.to_dict().values())
    return graph


def blocks_from_dicts(raw_blocks: Sequence[Any], problems: list[str]) -> BlockTable:
    """The block table of schema-valid definitions (``blocks[k]``), each checked
    with the same rules as a network; a definition may use the ones listed before
    it, so a block that uses itself (directly or not) is refused."""
    table = BlockTable()
    for k, raw in enumerate(raw_blocks):
        where = f"blocks[{k}]"
        problem = block_name_problem(raw["name"], table.names())
        if problem:
            problems.append(f"{where}.name: {problem}")
            continue
        # The definition joins the table first, so its own Block nodes see it
        # (and a use of itself is refused as recursion).
        graph = Graph(raw["name"])
        definition = BlockDefinition(raw["name"], graph, raw.get("description", ""))
        try:
            table.add(definition)
        except GraphError as error:
            problems.append(f"{where}: {error}")
            continue
        graph_from_dicts(
            raw["name"],
            raw["nodes"],
            raw["edges"],
            where,
            problems,
            blocks=table,
            into=graph,
        )
    return table
