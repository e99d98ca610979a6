"""The project file's schema and the checks that run before a project is built.

jsonschema judges the document's outline, and each node and edge that does not
plainly fit (most do; see ``plain_node``) gets its detailed reasons.  Every check
here is linear in the size of the document and returns messages naming a place
(``networks[0].nodes[3].id: …``); nothing here raises.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import jsonschema

from designer.graph.json_values import place_text, value_problems
from designer.graph.naming import MAX_NAME_LENGTH
from designer.graph.validation import (
    EDGE_KEYS,
    EDGE_SCHEMA,
    MAX_POSITION,
    NAME_SCHEMA,
    NODE_SCHEMA,
)

FORMAT_NAME = "designer-project"
FORMAT_VERSION = 2  # 2: block definitions (a file without them reads as before)
MAX_FILE_BYTES = 32 * 1024 * 1024
# In the whole project (all networks together); an input port takes one edge and
# no layer has more than eight inputs.
MAX_NODES = 20_000
MAX_EDGES = 8 * MAX_NODES
SUFFIX = ".json"
MAX_BLOCKS = 256  # block definitions in one project
# How many problems a message lists; the rest are counted.
LISTED_PROBLEMS = 20
# How many problems are kept at all (``ProjectFileError.problems``).
KEPT_PROBLEMS = 200


_NODE_KEYS = frozenset(NODE_SCHEMA["properties"])
_NODE_REQUIRED = frozenset(NODE_SCHEMA["required"])
_EDGE_KEYS = frozenset(EDGE_KEYS)
# Every id, port, type and name of at most this length fits the schema (ids,
# ports and types may have 64 characters, names MAX_NAME_LENGTH).
_SHORT = min(64, MAX_NAME_LENGTH)
# The document without its nodes and edges, which are checked one by one below:
# jsonschema costs about 0.3 ms per node, so a node that plainly fits the schema
# (``plain_node``) skips it, and only the others get jsonschema's detailed reasons.
_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["format", "version", "networks"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": FORMAT_NAME},
        "version": {"type": "integer"},
        # The designer that wrote the file (designer.version.app_version).
        "app_version": {"type": "string", "maxLength": 64},
        "name": {"type": "string", "maxLength": 200},
        "networks": {
            "type": "array",
            "minItems": 1,
            "maxItems": 16,
            "items": {
                "type": "object",
                "required": ["name", "nodes", "edges"],
                "additionalProperties": False,
                "properties": {
                    "name": NAME_SCHEMA,
                    "nodes": {"type": "array", "maxItems": MAX_NODES},
                    "edges": {"type": "array", "maxItems": MAX_EDGES},
                },
            },
        },
        "training": {"type": "object"},
        "dataset": {"type": "object"},
        # Block definitions are few and small: jsonschema checks their nodes whole.
        "blocks": {
            "type": "array",
            "maxItems": MAX_BLOCKS,
            "items": {
                "type": "object",
                "required": ["name", "nodes", "edges"],
                "additionalProperties": False,
                "properties": {
                    "name": NAME_SCHEMA,
                    "description": {"type": "string", "maxLength": 2000},
                    "nodes": {
                        "type": "array",
                        "maxItems": MAX_NODES,
                        "items": NODE_SCHEMA,
                    },
                    "edges": {
                        "type": "array",
                        "maxItems": MAX_EDGES,
                        "items": EDGE_SCHEMA,
                    },
                },
            },
        },
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(_SCHEMA)
_NODE_VALIDATOR = jsonschema.Draft202012Validator(NODE_SCHEMA)
_EDGE_VALIDATOR = jsonschema.Draft202012Validator(EDGE_SCHEMA)


def _path(parts: Iterable[Any]) -> str:
    return place_text(list(parts))


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(value[:40])
    if isinstance(value, dict):
        return f"an object with {len(value)} key{'s' if len(value) != 1 else ''}"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return json.dumps(value)[:40]


def _schema_message(error: jsonschema.ValidationError, prefix: tuple = ()) -> str:
    where = _path((*prefix, *error.absolute_path))
    validator = error.validator
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}: is missing {missing!r}"
    if validator == "additionalProperties":
        extra = sorted(k for k in error.instance if k not in error.schema["properties"])
        shown = ", ".join(repr(k[:40]) for k in extra[:3])
        more = f" and {len(extra) - 3:,} more" if len(extra) > 3 else ""
        return f"{where}: unexpected key{'s' if len(extra) != 1 else ''} {shown}{more}"
    if validator == "const":
        return f"{where}: must be {FORMAT_NAME!r}; this is not a designer project"
    if validator == "type":
        return f"{where}: must be {'an' if error.validator_value in ('object', 'array', 'integer') else 'a'} {error.validator_value}, got {_describe(error.instance)}"
    if validator in ("minimum", "maximum"):
        return f"{where}: {_describe(error.instance)} is out of range ({validator} {error.validator_value})"
    if validator in ("maxItems", "minItems"):
        most = "at most" if validator == "maxItems" else "at least"
        return f"{where}: has {len(error.instance):,} items; {most} {error.validator_value:,} are allowed"
    if validator in ("maxLength", "minLength"):
        most = "at most" if validator == "maxLength" else "at least"
        return f"{where}: {_describe(error.instance)} is {len(error.instance):,} characters long; {most} {error.validator_value} are allowed"
    return f"{where}: {error.message[:200]}"


def plain_node(raw: Any) -> bool:
    """True when ``raw`` certainly fits ``NODE_SCHEMA`` (a fast path, not the judge)."""
    if type(raw) is not dict or not _NODE_REQUIRED <= raw.keys() <= _NODE_KEYS:
        return False
    if not all(
        type(raw[key]) is str and 0 < len(raw[key]) <= _SHORT
        for key in ("id", "type", "name")
    ):
        return False
    if type(raw.get("params", {})) is not dict:
        return False
    position = raw.get("position", (0.0, 0.0))
    return (
        type(position) in (list, tuple)
        and len(position) == 2
        and all(
            type(v) in (int, float) and -MAX_POSITION <= v <= MAX_POSITION
            for v in position
        )
    )


def plain_edge(raw: Any) -> bool:
    return (
        type(raw) is dict
        and raw.keys() == _EDGE_KEYS
        and all(type(v) is str and 0 < len(v) <= _SHORT for v in raw.values())
    )


def document_value_problems(document: dict[str, Any]) -> list[str]:
    """Depth, finiteness and types of every value (:func:`value_problems`).

    A node or edge that plainly fits the schema holds only short strings and
    range-checked numbers, so only a node's ``params`` are walked; this keeps the
    walk to a small part of a large file.
    """
    limit = LISTED_PROBLEMS
    outer = {key: value for key, value in document.items() if key != "networks"}
    problems = value_problems(outer, limit=limit)
    networks = document.get("networks")
    if not isinstance(networks, list):
        return problems + value_problems(networks, ("networks",), limit=limit)
    for n, network in enumerate(networks):
        if not isinstance(network, dict):
            problems += value_problems(network, ("networks", n), limit=limit)
            continue
        lists = {
            key: network[key]
            for key in ("nodes", "edges")
            if isinstance(network.get(key), list)
        }
        rest = {key: value for key, value in network.items() if key not in lists}
        problems += value_problems(rest, ("networks", n), limit=limit)
        for key, items in lists.items():
            for k, raw in enumerate(items):
                where = ("networks", n, key, k)
                if key == "nodes" and plain_node(raw):
                    params = raw.get("params", {})
                    problems += value_problems(params, (*where, "params"), limit=limit)
                elif not (key == "edges" and plain_edge(raw)):
                    problems += value_problems(raw, where, limit=limit)
                if len(problems) >= limit:
                    return problems
    return problems


def schema_problems(document: dict[str, Any]) -> list[tuple[list[Any], str]]:
    found = [
        (list(e.absolute_path), _schema_message(e))
        for e in _VALIDATOR.iter_errors(document)
    ]
    networks = document.get("networks")
    for n, network in enumerate(networks if isinstance(networks, list) else []):
        if not isinstance(network, dict):
            continue
        for key, plain, validator in (
            ("nodes", plain_node, _NODE_VALIDATOR),
            ("edges", plain_edge, _EDGE_VALIDATOR),
        ):
            items = network.get(key)
            for k, raw in enumerate(items if isinstance(items, list) else []):
                if plain(raw):
                    continue
                prefix = ("networks", n, key, k)
                found += [
                    ([*prefix, *e.absolute_path], _schema_message(e, prefix))
                    for e in validator.iter_errors(raw)
                ]
                if len(found) > KEPT_PROBLEMS:
                    return found
    return found


def total_problems(document: dict[str, Any]) -> list[str]:
    """Limits on the whole project rather than on one network."""
    graphs = [*document["networks"], *document.get("blocks", [])]
    problems = []
    nodes = sum(len(graph["nodes"]) for graph in graphs)
    if nodes > MAX_NODES:
        problems.append(
            f"networks: {nodes:,} nodes in all (blocks included); a project holds at most {MAX_NODES:,}"
        )
    edges = sum(len(graph["edges"]) for graph in graphs)
    if edges > MAX_EDGES:
        problems.append(
            f"networks: {edges:,} edges in all (blocks included); a project holds at most {MAX_EDGES:,}"
        )
    return problems
