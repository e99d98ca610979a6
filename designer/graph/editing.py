"""The editing rules: what each request to the editor turns into.

Each function checks a request against the model's rules and returns the
undoable :mod:`edit <designer.graph.edits>` that carries it out, with a text for
people (``Connect input_1 → linear_1``); None when there is nothing to do.  A
refused request raises :class:`~designer.graph.model.GraphError` with the reason
in words.  Nothing here changes the model: the caller applies the edit (the
editor through its undo stack).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from designer.graph.catalog import get_spec, has_spec
from designer.graph.connections import connection_problem
from designer.graph.edits import (
    AddNodes,
    Connect,
    Disconnect,
    Edit,
    EditGroup,
    MoveNodes,
    NodeRequest,
    Position,
    RemoveNodes,
    Rename,
    SetParam,
    SetProjectField,
)
from designer.graph.fragments import Fragment
from designer.graph.model import Edge, Graph, GraphError, Project
from designer.graph.naming import rename_message
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

Moves = Mapping[str, tuple[Position, Position]]

# A parameter's value refused: its title (a text of the layer catalog, translated
# in the catalog's context) and the field's message.
LAYER_CONTEXT = "Layer"
PARAM_REFUSED = QT_TRANSLATE_NOOP("Problem", "{title} {problem}")


def plural(count: int, noun: str = "layer") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def json_value(value: Any) -> Any:
    """Tuples become lists, so parameters compare and serialise like loaded ones."""
    if isinstance(value, tuple | list):
        return [json_value(v) for v in value]
    return value


def edge_text(graph: Graph, verb: str, edge: Edge) -> str:
    """``Connect a → b``, with port names where a node has several."""
    source, target = graph.node(edge.source), graph.node(edge.target)
    left = (
        source.name
        if len(source.output_ports()) == 1
        else f"{source.name}.{edge.source_port}"
    )
    right = (
        target.name
        if len(target.input_ports()) == 1
        else f"{target.name}.{edge.target_port}"
    )
    return f"{verb} {left} → {right}"


def _existing(graph: Graph, ids: Iterable[str]) -> list[str]:
    return [node_id for node_id in dict.fromkeys(ids) if graph.has_node(node_id)]


def _nodes_text(graph: Graph, verb: str, ids: list[str]) -> str:
    if len(ids) == 1:
        return f"{verb} {graph.node(ids[0]).name}"
    return f"{verb} {plural(len(ids))}"


# -- nodes --------------------------------------------------------------------------
def add_node(
    network: str,
    layer_type: str,
    position: Position = (0.0, 0.0),
    params: Mapping[str, Any] | None = None,
    name: str | None = None,
) -> AddNodes:
    """Add a layer; an unknown type or a bad parameter is refused."""
    if not has_spec(layer_type):
        raise GraphError(f"unknown layer type {layer_type!r}")
    spec = get_spec(layer_type)
    for key, value in (params or {}).items():
        try:
            problem = spec.param(key).check(value)
        except KeyError:
            raise GraphError(f"{layer_type} has no parameter {key!r}") from None
        if problem:
            raise GraphError(f"{layer_type} parameter {key} {problem}")
    request = NodeRequest(
        layer_type,
        (float(position[0]), float(position[1])),
        {k: json_value(v) for k, v in (params or {}).items()} or None,
        name.strip() if name and name.strip() else None,
    )
    return AddNodes(network, [request], f"Add {layer_type}")


def remove_nodes(
    graph: Graph, network: str, ids: Iterable[str], verb: str = "Delete"
) -> RemoveNodes | None:
    ids = _existing(graph, ids)
    if not ids:
        return None
    return RemoveNodes(network, ids, _nodes_text(graph, verb, ids))


def add_copies(
    network: str,
    fragment: Fragment,
    position: Position | None,
    offset: Position,
    verb: str,
) -> AddNodes | None:
    """Add a fragment's nodes with fresh ids and names, its top-left corner at
    ``position`` or, without one, ``offset`` from where they were copied."""
    nodes = fragment.nodes
    if not nodes:
        return None
    left = min(node.position[0] for node in nodes)
    top = min(node.position[1] for node in nodes)
    dx, dy = (position[0] - left, position[1] - top) if position is not None else offset
    requests = [
        NodeRequest(
            node.type,
            (node.position[0] + dx, node.position[1] + dy),
            node.params,
            node.name,
        )
        for node in nodes
    ]
    text = (
        f"{verb} {nodes[0].name}" if len(nodes) == 1 else f"{verb} {plural(len(nodes))}"
    )
    return AddNodes(network, requests, text, fragment.edges)


# -- edges --------------------------------------------------------------------------
def connect(
    graph: Graph,
    network: str,
    source: str,
    source_port: str,
    target: str,
    target_port: str,
) -> Edit | None:
    """Connect an output to an input; an occupied input is replaced in the same step."""
    problem = connection_problem(graph, source, source_port, target, target_port)
    if problem:
        raise GraphError(problem)
    edge = Edge(source, source_port, target, target_port)
    existing = graph.edge_into(target, target_port)
    if existing == edge:
        return None
    text = edge_text(graph, "Connect", edge)
    connect_edit = Connect(network, edge, text)
    if existing is None:
        return connect_edit
    remove = Disconnect(network, existing, edge_text(graph, "Disconnect", existing))
    return EditGroup(text, [remove, connect_edit])


def disconnect(graph: Graph, network: str, edge: Edge) -> Disconnect | None:
    if edge not in graph.edges:
        return None
    return Disconnect(network, edge, edge_text(graph, "Disconnect", edge))


def reroute(
    graph: Graph, network: str, edge: Edge, target: str, target_port: str
) -> Edit | None:
    """Move an edge's input end to another input (one step; that input's edge is replaced)."""
    if edge not in graph.edges:
        raise GraphError("that connection does not exist")
    if (edge.target, edge.target_port) == (target, target_port):
        return None
    new = Edge(edge.source, edge.source_port, target, target_port)
    # Paths into the source never run through the edge's own old end, so the
    # usual check (cycles included) holds with the old edge still present.
    problem = connection_problem(
        graph, edge.source, edge.source_port, target, target_port
    )
    if problem:
        raise GraphError(problem)
    edits: list[Edit] = [Disconnect(network, edge, "")]
    occupied = graph.edge_into(target, target_port)
    if occupied is not None:
        edits.append(Disconnect(network, occupied, ""))
    edits.append(Connect(network, new, ""))
    return EditGroup(edge_text(graph, "Connect", new), edits)


def delete(
    graph: Graph, network: str, node_ids: Iterable[str] = (), edges: Iterable[Edge] = ()
) -> Edit | None:
    """Delete nodes (with their edges) and further edges, as one step."""
    ids = _existing(graph, node_ids)
    gone = set(ids)
    present = set(graph.edges)
    loose = [
        e
        for e in dict.fromkeys(edges)
        if e in present and e.source not in gone and e.target not in gone
    ]
    if not loose:
        return remove_nodes(graph, network, ids)
    if not ids and len(loose) == 1:
        return disconnect(graph, network, loose[0])
    parts: list[Edit] = [Disconnect(network, e, "") for e in loose]
    if ids:
        parts.append(RemoveNodes(network, ids, ""))
    return EditGroup(f"Delete {plural(len(ids) + len(loose), 'item')}", parts)


def disconnect_all(graph: Graph, network: str, node_id: str) -> Edit | None:
    """Remove every edge into and out of a node, as one step."""
    edges = [e for e in graph.edges if node_id in (e.source, e.target)]
    if not edges:
        return None
    parts = [Disconnect(network, e, "") for e in edges]
    return EditGroup(f"Disconnect {graph.node(node_id).name}", parts)


# -- parameters, names, positions -----------------------------------------------------
def set_param(
    graph: Graph, network: str, node_id: str, key: str, value: Any
) -> SetParam | None:
    """Change a parameter; an invalid value is refused with the parameter's message."""
    if not graph.has_node(node_id):
        raise GraphError(f"there is no node with id {node_id!r}")
    node = graph.node(node_id)
    try:
        spec = node.spec.param(key)
    except KeyError:
        raise GraphError(f"{node.type} has no parameter {key!r}") from None
    value = json_value(value)
    problem = spec.check_message(value)
    if problem:
        title = Message.text_of(LAYER_CONTEXT, spec.title)
        raise GraphError(Message.of(PARAM_REFUSED, title=title, problem=problem))
    old = node.params[key]
    if old == value and type(old) is type(value):
        return None
    return SetParam(network, node_id, key, old, value, f"Change {key} of {node.name}")


def rename(graph: Graph, network: str, node_id: str, name: str) -> Rename | None:
    """Rename a node; an empty, too long or taken name is refused."""
    if not graph.has_node(node_id):
        raise GraphError(f"there is no node with id {node_id!r}")
    node = graph.node(node_id)
    name = name.strip()
    problem = rename_message(graph.names(exclude=node_id), node.name, name)
    if problem:
        raise GraphError(problem)
    if name == node.name:
        return None
    return Rename(network, node_id, node.name, name, f"Rename {node.name} to {name}")


def move_nodes(
    graph: Graph,
    network: str,
    moves: Moves,
    text: str | None = None,
    mergeable: bool = True,
) -> MoveNodes | None:
    """Move nodes: ``{id: (old_position, new_position)}``; moves to where a node is
    already, and unknown nodes, are left out."""
    kept = {
        node_id: (
            (float(old[0]), float(old[1])),
            (float(new[0]), float(new[1])),
        )
        for node_id, (old, new) in moves.items()
        if graph.has_node(node_id)
        and (float(old[0]), float(old[1])) != (float(new[0]), float(new[1]))
    }
    if not kept:
        return None
    if text is None:
        text = _nodes_text(graph, "Move", list(kept))
    return MoveNodes(network, kept, text, mergeable=mergeable)


# -- the project's own fields -------------------------------------------------------------
_FIELD_TEXT = {"training": "Change training settings", "dataset": "Change dataset"}


def set_project_field(
    project: Project, field: str, value: Any
) -> SetProjectField | None:
    """Replace ``training``, ``dataset`` (JSON objects) or the project's ``name``."""
    if field == "name":
        if not isinstance(value, str):
            raise GraphError("a project name must be text")
        value = value.strip()
        problem = Project.name_problem(value)
        if problem:
            raise GraphError(problem)
        text = f"Rename project to {value}"
    elif field in _FIELD_TEXT:
        if not isinstance(value, dict):
            raise GraphError(f"the project's {field} must be a JSON object")
        text = _FIELD_TEXT[field]
    else:
        raise GraphError(f"a project has no field {field!r}")
    old = getattr(project, field)
    if value == old:
        return None
    return SetProjectField(field, old, value, text)
