"""Undoable edits of a project as plain Python objects.

Each edit changes the model through the public methods of
:class:`~designer.graph.model.Graph` and :class:`~designer.graph.model.Project`
only, with :meth:`Edit.apply` and :meth:`Edit.revert`; views follow the model's
events, so no edit knows about any view.  The editor wraps them in Qt undo
commands (:mod:`designer.ui.commands`); tests run them directly.

Undo is exact: an edit of a network records the order of its nodes and edges
before it first applies and puts that order back after reverting, so a project
that is edited and then undone serialises to the very same document (order
decides the topological tie-breaks, hence the generated code, too).
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from designer.graph.model import Edge, Graph, Node, Project

MERGE_WINDOW_S = 1.5
NO_MERGE = -1
MERGE_MOVES = 1001
MERGE_PARAMS = 1002
MERGE_PROJECT_FIELDS = 1003

Position = tuple[float, float]
IndexEdge = tuple[int, str, int, str]


@dataclass(frozen=True)
class NodeRequest:
    """A node to create: ``name`` None means an automatic name."""

    layer_type: str
    position: Position
    params: dict[str, Any] | None = None
    name: str | None = None


def _copy_node(node: Node) -> Node:
    return Node(
        node.id, node.type, node.name, copy.deepcopy(node.params), node.position
    )


def _reconnect(graph: Graph, edge: Edge) -> None:
    graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)


class Edit:
    """One undoable change; ``network`` is the network it changes (None: the project)."""

    network: str | None = None
    merge_id = NO_MERGE  # edits with the same id other than NO_MERGE may merge

    def __init__(self, text: str) -> None:
        self.text = text

    def apply(self, project: Project) -> None:
        raise NotImplementedError

    def revert(self, project: Project) -> None:
        raise NotImplementedError

    def merge(self, other: Edit) -> bool:
        """Take ``other`` (applied just after this one) into this edit; False when
        the two stay separate steps."""
        return False


class GraphEdit(Edit):
    """An edit of one network; subclasses implement :meth:`change` and :meth:`undo_change`."""

    def __init__(self, network: str, text: str) -> None:
        super().__init__(text)
        self.network = network
        self._order: tuple[list[str], list[Edge]] | None = None

    def apply(self, project: Project) -> None:
        graph = project.network(self.network)
        if self._order is None:
            self._order = ([node.id for node in graph.nodes], graph.edges)
        self.change(graph)

    def revert(self, project: Project) -> None:
        graph = project.network(self.network)
        self.undo_change(graph)
        if self._order is not None:
            graph.reorder(*self._order)

    def change(self, graph: Graph) -> None:
        raise NotImplementedError

    def undo_change(self, graph: Graph) -> None:
        raise NotImplementedError


class EditGroup(Edit):
    """Several edits as one step (undone in reverse order)."""

    def __init__(self, text: str, edits: Sequence[Edit]) -> None:
        super().__init__(text)
        self.edits = list(edits)
        self.network = next((e.network for e in self.edits if e.network), None)

    def apply(self, project: Project) -> None:
        for edit in self.edits:
            edit.apply(project)

    def revert(self, project: Project) -> None:
        for edit in reversed(self.edits):
            edit.revert(project)


class AddNodes(GraphEdit):
    """Add nodes (and edges among them, given as indices into ``requests``); applied
    again after an undo, the nodes come back with the same ids and names."""

    def __init__(
        self,
        network: str,
        requests: Sequence[NodeRequest],
        text: str,
        edges: Iterable[IndexEdge] = (),
    ) -> None:
        super().__init__(network, text)
        self.requests = list(requests)
        self.internal_edges = list(edges)
        self._created: list[Node] = []
        self._created_edges: list[Edge] = []

    @property
    def node_ids(self) -> list[str]:
        return [node.id for node in self._created]

    def change(self, graph: Graph) -> None:
        if self._created:
            for node in self._created:
                graph.insert_node(_copy_node(node))
            for edge in self._created_edges:
                _reconnect(graph, edge)
            return
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

    def undo_change(self, graph: Graph) -> None:
        for node in reversed(self._created):
            graph.remove_node(node.id)


class RemoveNodes(GraphEdit):
    """Remove nodes with their edges; undo puts back ids, names, params, positions,
    edges, each node at its old place in the order."""

    def __init__(self, network: str, node_ids: Sequence[str], text: str) -> None:
        super().__init__(network, text)
        self.node_ids = list(dict.fromkeys(node_ids))
        self._removed: list[tuple[int, Node]] = []
        self._removed_edges: list[Edge] = []

    def change(self, graph: Graph) -> None:
        self._removed, self._removed_edges = [], []
        for node_id in self.node_ids:
            index = [node.id for node in graph.nodes].index(node_id)
            node, edges = graph.remove_node(node_id)
            self._removed.append((index, _copy_node(node)))
            self._removed_edges += [e for e in edges if e not in self._removed_edges]

    def undo_change(self, graph: Graph) -> None:
        for index, node in reversed(self._removed):
            graph.insert_node(_copy_node(node), index=index)
        for edge in self._removed_edges:
            _reconnect(graph, edge)


class Connect(GraphEdit):
    def __init__(self, network: str, edge: Edge, text: str) -> None:
        super().__init__(network, text)
        self.edge = edge

    def change(self, graph: Graph) -> None:
        _reconnect(graph, self.edge)

    def undo_change(self, graph: Graph) -> None:
        graph.disconnect(self.edge)


class Disconnect(GraphEdit):
    def __init__(self, network: str, edge: Edge, text: str) -> None:
        super().__init__(network, text)
        self.edge = edge

    def change(self, graph: Graph) -> None:
        graph.disconnect(self.edge)

    def undo_change(self, graph: Graph) -> None:
        _reconnect(graph, self.edge)


class SetParam(GraphEdit):
    """Change one parameter; a port-count change drops edges, which undo puts back.

    Consecutive changes of the same parameter within a moment (typing in a spin box)
    merge into one step.
    """

    merge_id = MERGE_PARAMS

    def __init__(
        self, network: str, node_id: str, key: str, old: Any, new: Any, text: str
    ) -> None:
        super().__init__(network, text)
        self.node_id = node_id
        self.key = key
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self._dropped: list[Edge] = []
        self._time = time.monotonic()

    def change(self, graph: Graph) -> None:
        before = graph.edges
        graph.set_param(self.node_id, self.key, copy.deepcopy(self.new))
        after = set(graph.edges)
        self._dropped = [edge for edge in before if edge not in after]

    def undo_change(self, graph: Graph) -> None:
        graph.set_param(self.node_id, self.key, copy.deepcopy(self.old))
        for edge in self._dropped:
            _reconnect(graph, edge)

    def merge(self, other: Edit) -> bool:
        if not isinstance(other, SetParam):
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


class Rename(GraphEdit):
    def __init__(
        self, network: str, node_id: str, old: str, new: str, text: str
    ) -> None:
        super().__init__(network, text)
        self.node_id = node_id
        self.old = old
        self.new = new

    def change(self, graph: Graph) -> None:
        graph.rename(self.node_id, self.new)

    def undo_change(self, graph: Graph) -> None:
        graph.rename(self.node_id, self.old)


class MoveNodes(GraphEdit):
    """Move several nodes at once (one drag).  Quick successive moves of the same
    nodes (arrow-key nudges) merge into one step when ``mergeable``."""

    def __init__(
        self,
        network: str,
        moves: dict[str, tuple[Position, Position]],
        text: str,
        mergeable: bool = True,
    ) -> None:
        super().__init__(network, text)
        self.moves = {
            node_id: ((float(old[0]), float(old[1])), (float(new[0]), float(new[1])))
            for node_id, (old, new) in moves.items()
        }
        self.mergeable = mergeable
        self.merge_id = MERGE_MOVES if mergeable else NO_MERGE
        self._time = time.monotonic()

    def change(self, graph: Graph) -> None:
        for node_id, (_old, new) in self.moves.items():
            graph.move(node_id, new)

    def undo_change(self, graph: Graph) -> None:
        for node_id, (old, _new) in self.moves.items():
            graph.move(node_id, old)

    def merge(self, other: Edit) -> bool:
        if not isinstance(other, MoveNodes) or not (self.mergeable and other.mergeable):
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


class SetProjectField(Edit):
    """Replace the project's ``training``, ``dataset`` or ``name``.

    A burst of changes to one setting (arrow clicks in a spin box, typing) merges
    into one step, like :class:`SetParam`: both edits change the same single key of
    the same field, the second starts where the first ended, within a moment.
    The first edit of a field that was still empty writes every key (the form's
    defaults with the one change); the burst's key is then the next edit's.
    """

    merge_id = MERGE_PROJECT_FIELDS

    def __init__(self, field: str, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.old = copy.deepcopy(old)
        self.new = copy.deepcopy(new)
        self._time = time.monotonic()
        self._burst_key: str | None = None

    def changed_keys(self) -> frozenset[str]:
        """The keys of a ``training``/``dataset`` object this edit changes."""
        if not isinstance(self.old, dict) or not isinstance(self.new, dict):
            return frozenset()
        keys = set(self.old) | set(self.new)
        return frozenset(k for k in keys if self.old.get(k) != self.new.get(k))

    def merge(self, other: Edit) -> bool:
        if not isinstance(other, SetProjectField) or other.field != self.field:
            return False
        keys, other_keys = self.changed_keys(), other.changed_keys()
        if self._burst_key is None and self.old == {} and len(other_keys) == 1:
            keys = other_keys  # the first edit of an empty field: see the docstring
        elif self._burst_key is not None:
            keys = frozenset({self._burst_key})
        if (
            len(keys) != 1
            or other_keys != keys
            or other.old != self.new
            or other._time - self._time > MERGE_WINDOW_S
        ):
            return False
        self.new = copy.deepcopy(other.new)
        self._time = other._time
        self._burst_key = next(iter(keys))
        return True

    def apply(self, project: Project) -> None:
        project.set_field(self.field, self.new)

    def revert(self, project: Project) -> None:
        project.set_field(self.field, self.old)
