"""Undo commands: each one edits the model only; the scene and panels follow its events.

Every command knows its :class:`~designer.ui.document.Document` and the name of the
network it edits, and wraps its work in ``document.batch()`` so that analysis is
recomputed once per command, not once per low-level graph event.

Undo is exact: a command records the order of the network's nodes and edges before
it first runs and puts that order back after undoing, so a project that is edited
and then undone serialises to the very same document (order decides the
topological tie-breaks, hence the generated code, too).
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from designer.graph.model import Edge, Graph, Node

if TYPE_CHECKING:
    from designer.ui.document import Document

MERGE_WINDOW_S = 1.5
_MOVE_ID = 1001
_PARAM_ID = 1002

Position = tuple[float, float]


@dataclass(frozen=True)
class NodeRequest:
    """A node to create: ``name`` None means an automatic name."""

    layer_type: str
    position: Position
    params: dict[str, Any] | None = None
    name: str | None = None


def _order_of(graph: Graph) -> tuple[list[str], list[Edge]]:
    return [node.id for node in graph.nodes], graph.edges


def _restore_order(graph: Graph, order: tuple[list[str], list[Edge]]) -> None:
    """Put nodes and edges back into a recorded order (same sets, other order).

    The graph has no public "insert at index", and undoing a removal appends; the
    order matters for exact round trips, so this reorders the containers in place.
    """
    node_ids, edges = order
    nodes = graph._nodes  # noqa: SLF001 - see docstring
    if set(nodes) == set(node_ids) and len(nodes) == len(node_ids):
        reordered = {node_id: nodes[node_id] for node_id in node_ids}
        nodes.clear()
        nodes.update(reordered)
    current = graph._edges  # noqa: SLF001
    if len(current) == len(edges) and set(current) == set(edges):
        current[:] = edges
    graph._nx_cache = None  # noqa: SLF001


def _copy_node(node: Node) -> Node:
    return Node(
        node.id, node.type, node.name, copy.deepcopy(node.params), node.position
    )


class GraphCommand(QUndoCommand):
    """An edit of one network; subclasses implement :meth:`apply` and :meth:`revert`."""

    def __init__(self, document: Document, network: str, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.network = network
        self._order: tuple[list[str], list[Edge]] | None = None

    @property
    def graph(self) -> Graph:
        return self.document.project.network(self.network)

    def redo(self) -> None:
        with self.document.batch():
            if self._order is None:
                self._order = _order_of(self.graph)
            else:  # a redo: show the network it changes
                self.document.show_network(self.network)
            self.apply()

    def undo(self) -> None:
        with self.document.batch():
            self.document.show_network(self.network)
            self.revert()
            if self._order is not None:
                _restore_order(self.graph, self._order)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class MacroCommand(QUndoCommand):
    """Several commands as one undo step (children are held here, not as Qt children)."""

    def __init__(
        self, document: Document, text: str, children: Sequence[QUndoCommand]
    ) -> None:
        super().__init__(text)
        self.document = document
        self.children = list(children)

    def redo(self) -> None:
        with self.document.batch():
            for child in self.children:
                child.redo()

    def undo(self) -> None:
        with self.document.batch():
            for child in reversed(self.children):
                child.undo()


class AddNodesCommand(GraphCommand):
    """Add nodes (and edges among them, given as indices into ``requests``)."""

    def __init__(
        self,
        document: Document,
        network: str,
        requests: Sequence[NodeRequest],
        text: str,
        edges: Iterable[tuple[int, str, int, str]] = (),
    ) -> None:
        super().__init__(document, network, text)
        self.requests = list(requests)
        self.internal_edges = list(edges)
        self._created: list[Node] = []
        self._created_edges: list[Edge] = []

    @property
    def node_ids(self) -> list[str]:
        return [node.id for node in self._created]

    def apply(self) -> None:
        graph = self.graph
        if not self._created:
            for request in self.requests:
                node = graph.add_node(
                    request.layer_type, request.name, request.params, request.position
                )
                self._created.append(_copy_node(node))
            for source, source_port, target, target_port in self.internal_edges:
                edge = graph.connect(
                    self._created[source].id,
                    source_port,
                    self._created[target].id,
                    target_port,
                )
                self._created_edges.append(edge)
            return
        for node in self._created:
            graph.insert_node(_copy_node(node))
        for edge in self._created_edges:
            graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)

    def revert(self) -> None:
        graph = self.graph
        for node in reversed(self._created):
            graph.remove_node(node.id)


class RemoveNodesCommand(GraphCommand):
    """Remove nodes with their edges; undo puts back ids, names, params, positions, edges."""

    def __init__(
        self, document: Document, network: str, node_ids: Sequence[str], text: str
    ) -> None:
        super().__init__(document, network, text)
        self.node_ids = list(dict.fromkeys(node_ids))
        self._removed: list[Node] = []
        self._removed_edges: list[Edge] = []

    def apply(self) -> None:
        graph = self.graph
        self._removed, self._removed_edges = [], []
        for node_id in self.node_ids:
            node, edges = graph.remove_node(node_id)
            self._removed.append(_copy_node(node))
            self._removed_edges += [e for e in edges if e not in self._removed_edges]

    def revert(self) -> None:
        graph = self.graph
        for node in self._removed:
            graph.insert_node(_copy_node(node))
        for edge in self._removed_edges:
            graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)


class ConnectCommand(GraphCommand):
    def __init__(self, document: Document, network: str, edge: Edge, text: str) -> None:
        super().__init__(document, network, text)
        self.edge = edge

    def apply(self) -> None:
        edge = self.edge
        self.graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)

    def revert(self) -> None:
        self.graph.disconnect(self.edge)


class DisconnectCommand(GraphCommand):
    def __init__(self, document: Document, network: str, edge: Edge, text: str) -> None:
        super().__init__(document, network, text)
        self.edge = edge

    def apply(self) -> None:
        self.graph.disconnect(self.edge)

    def revert(self) -> None:
        edge = self.edge
        self.graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)


class SetParamCommand(GraphCommand):
    """Change one parameter; a port-count change drops edges, which undo puts back.

    Consecutive changes of the same parameter within a moment (typing in a spin box)
    merge into one undo step.
    """

    def __init__(
        self,
        document: Document,
        network: str,
        node_id: str,
        key: str,
        value: Any,
        text: str,
    ) -> None:
        super().__init__(document, network, text)
        self.node_id = node_id
        self.key = key
        self.old = copy.deepcopy(self.graph.node(node_id).params[key])
        self.new = copy.deepcopy(value)
        self._dropped: list[Edge] = []
        self._time = time.monotonic()

    def apply(self) -> None:
        graph = self.graph
        before = graph.edges
        graph.set_param(self.node_id, self.key, copy.deepcopy(self.new))
        after = set(graph.edges)
        self._dropped = [edge for edge in before if edge not in after]

    def revert(self) -> None:
        graph = self.graph
        graph.set_param(self.node_id, self.key, copy.deepcopy(self.old))
        for edge in self._dropped:
            graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)

    def id(self) -> int:
        return _PARAM_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetParamCommand):
            return False
        same = (other.network, other.node_id, other.key) == (
            self.network,
            self.node_id,
            self.key,
        )
        if (
            not same
            or self._dropped
            or other._dropped
            or other._time - self._time > MERGE_WINDOW_S
        ):
            return False
        self.new = other.new
        self._time = other._time
        return True


class RenameCommand(GraphCommand):
    def __init__(
        self, document: Document, network: str, node_id: str, name: str, text: str
    ) -> None:
        super().__init__(document, network, text)
        self.node_id = node_id
        self.old = self.graph.node(node_id).name
        self.new = name

    def apply(self) -> None:
        self.graph.rename(self.node_id, self.new)

    def revert(self) -> None:
        self.graph.rename(self.node_id, self.old)


class MoveNodesCommand(GraphCommand):
    """Move several nodes at once (one drag).  Quick successive moves of the same
    nodes (arrow-key nudges) merge into one undo step when ``mergeable``."""

    def __init__(
        self,
        document: Document,
        network: str,
        moves: dict[str, tuple[Position, Position]],
        text: str,
        mergeable: bool = True,
    ) -> None:
        super().__init__(document, network, text)
        self.moves = {
            node_id: ((float(old[0]), float(old[1])), (float(new[0]), float(new[1])))
            for node_id, (old, new) in moves.items()
        }
        self.mergeable = mergeable
        self._time = time.monotonic()

    def apply(self) -> None:
        graph = self.graph
        for node_id, (_old, new) in self.moves.items():
            graph.move(node_id, new)

    def revert(self) -> None:
        graph = self.graph
        for node_id, (old, _new) in self.moves.items():
            graph.move(node_id, old)

    def id(self) -> int:
        return _MOVE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, MoveNodesCommand) or not other.mergeable:
            return False
        if other.network != self.network or set(other.moves) != set(self.moves):
            return False
        if other._time - self._time > MERGE_WINDOW_S:
            return False
        self.moves = {
            node_id: (old, other.moves[node_id][1])
            for node_id, (old, _new) in self.moves.items()
        }
        self._time = other._time
        return True


class SetProjectFieldCommand(QUndoCommand):
    """Replace ``project.training``, ``project.dataset`` or ``project.name``."""

    FIELDS = ("training", "dataset", "name")

    def __init__(self, document: Document, field: str, value: Any, text: str) -> None:
        super().__init__(text)
        if field not in self.FIELDS:
            raise ValueError(f"unknown project field {field!r}")
        self.document = document
        self.field = field
        self.old = copy.deepcopy(getattr(document.project, field))
        self.new = copy.deepcopy(value)

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)

    def _set(self, value: Any) -> None:
        setattr(self.document.project, self.field, copy.deepcopy(value))
        self.document.project_field_changed(self.field)
