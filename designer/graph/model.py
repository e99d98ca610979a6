"""The graph model: nodes, edges and networks as plain Python objects with change events.

Views (the canvas, the code view) subscribe with :meth:`Graph.subscribe` and follow
the model; edits go through the model's methods only, so undo commands can be
written against the model alone.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designer.graph.blocks import BLOCK, BLOCK_NETWORK_PREFIX, BlockTable
from designer.graph.catalog import LayerSpec, get_spec
from designer.graph.errors import GraphError
from designer.graph.events import (
    EdgeAdded,
    EdgeRemoved,
    GraphEvent,
    NodeAdded,
    NodeMoved,
    NodeRemoved,
    NodeRenamed,
    OrderChanged,
    ParamChanged,
    ProjectChanged,
    ProjectEvent,
)
from designer.graph.naming import automatic_name, copy_name, rename_problem

if TYPE_CHECKING:
    import networkx as nx


@dataclass
class Node:
    id: str
    type: str
    name: str
    params: dict[str, Any]
    position: tuple[float, float] = (0.0, 0.0)
    # The block table of the graph the node is in (set by the graph); a node of
    # type Block finds its ports through it.
    blocks: BlockTable | None = field(default=None, repr=False, compare=False)

    @property
    def spec(self) -> LayerSpec:
        return spec_for(self.type, self.blocks)

    def input_ports(self) -> list[str]:
        return list(self.spec.input_ports(self.params))

    def output_ports(self) -> list[str]:
        return list(self.spec.output_ports(self.params))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "params": copy.deepcopy(self.params),
            "position": [float(self.position[0]), float(self.position[1])],
        }


@dataclass(frozen=True)
class Edge:
    """A connection from an output port of one node to an input port of another."""

    source: str
    source_port: str
    target: str
    target_port: str

    def to_dict(self) -> dict[str, str]:
        return {
            "source": self.source,
            "source_port": self.source_port,
            "target": self.target,
            "target_port": self.target_port,
        }


Listener = Callable[[GraphEvent], None]


def spec_for(layer_type: str, blocks: BlockTable | None) -> LayerSpec:
    """The catalog's spec, or for a block use the spec its table gives."""
    if layer_type == BLOCK:
        return (blocks if blocks is not None else BlockTable()).spec()
    return get_spec(layer_type)


@dataclass
class _EdgeIndex:
    """Edges by their ends, so that lookups do not scan every edge."""

    into: dict[tuple[str, str], Edge] = field(default_factory=dict)
    into_node: dict[str, list[Edge]] = field(default_factory=dict)
    out_of: dict[str, list[Edge]] = field(default_factory=dict)

    @classmethod
    def of(cls, edges: list[Edge]) -> _EdgeIndex:
        index = cls()
        for edge in edges:
            index.add(edge)
        return index

    def add(self, edge: Edge) -> None:
        self.into.setdefault((edge.target, edge.target_port), edge)
        self.into_node.setdefault(edge.target, []).append(edge)
        self.out_of.setdefault(edge.source, []).append(edge)

    def remove(self, edge: Edge) -> None:
        self.into_node[edge.target].remove(edge)
        self.out_of[edge.source].remove(edge)
        if self.into.get((edge.target, edge.target_port)) == edge:
            del self.into[(edge.target, edge.target_port)]
            twin = next(
                (
                    e
                    for e in self.into_node[edge.target]
                    if e.target_port == edge.target_port
                ),
                None,
            )
            if twin is not None:
                self.into[(edge.target, edge.target_port)] = twin


@dataclass
class Graph:
    """One network: its nodes and edges.  A project holds one or more."""

    name: str = "model"
    _nodes: dict[str, Node] = field(default_factory=dict)
    _edges: list[Edge] = field(default_factory=list)
    _listeners: list[Listener] = field(default_factory=list, repr=False)
    _id_counter: Iterator[int] = field(
        default_factory=lambda: itertools.count(1), repr=False
    )
    _nx_view: nx.MultiDiGraph | None = field(default=None, repr=False)
    _index: _EdgeIndex | None = field(default=None, repr=False)
    _blocks: BlockTable = field(default_factory=BlockTable, repr=False)

    @property
    def blocks(self) -> BlockTable:
        """The block definitions this graph's Block nodes use (its project's)."""
        return self._blocks

    @blocks.setter
    def blocks(self, table: BlockTable) -> None:
        self._blocks = table
        for node in self._nodes.values():
            node.blocks = table

    def _check_block_use(self, layer_type: str, params: Mapping[str, Any]) -> None:
        if layer_type != BLOCK:
            return
        used = params.get("block")
        if used not in self._blocks:
            raise GraphError(f"the project has no block called {used!r}")
        problem = self._blocks.recursion_problem(self, used)
        if problem:
            raise GraphError(problem)

    # Resetting the networkx cache also drops the edge index (rebuilt on next lookup).
    @property
    def _nx_cache(self) -> nx.MultiDiGraph | None:
        return self._nx_view

    @_nx_cache.setter
    def _nx_cache(self, value: nx.MultiDiGraph | None) -> None:
        self._nx_view = value
        if value is None:
            self._index = None

    def _edge_index(self) -> _EdgeIndex:
        if self._index is None:
            self._index = _EdgeIndex.of(self._edges)
        return self._index

    # -- events ---------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: GraphEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- queries --------------------------------------------------------------
    @property
    def nodes(self) -> list[Node]:
        return list(self._nodes.values())

    @property
    def edges(self) -> list[Edge]:
        return list(self._edges)

    def node(self, node_id: str) -> Node:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise GraphError(f"there is no node with id {node_id!r}") from None

    def has_node(self, node_id: str) -> bool:
        return node_id in self._nodes

    def node_by_name(self, name: str) -> Node | None:
        return next((n for n in self._nodes.values() if n.name == name), None)

    def edges_into(self, node_id: str) -> list[Edge]:
        return list(self._edge_index().into_node.get(node_id, ()))

    def edges_out_of(self, node_id: str) -> list[Edge]:
        return list(self._edge_index().out_of.get(node_id, ()))

    def edge_into(self, node_id: str, port: str) -> Edge | None:
        return self._edge_index().into.get((node_id, port))

    def nodes_of_type(self, layer_type: str) -> list[Node]:
        return [n for n in self._nodes.values() if n.type == layer_type]

    def to_networkx(self) -> nx.MultiDiGraph:
        """A networkx view (cached until the next structural edit); do not mutate it."""
        if self._nx_cache is None:
            import networkx as nx  # loaded on first use: not at start-up

            view = nx.MultiDiGraph()
            view.add_nodes_from(self._nodes)
            for edge in self._edges:
                view.add_edge(edge.source, edge.target, key=edge.target_port, edge=edge)
            self._nx_cache = view
        return self._nx_cache

    # -- naming ---------------------------------------------------------------
    def new_id(self) -> str:
        while True:
            candidate = f"n{next(self._id_counter)}"
            if candidate not in self._nodes:
                return candidate

    def names(self, exclude: str | None = None) -> set[str]:
        """The names of the nodes (but the one with id ``exclude``)."""
        return {n.name for n in self._nodes.values() if n.id != exclude}

    def unique_name(self, stem: str, exclude: str | None = None) -> str:
        """An automatic name: ``stem_1``, ``stem_2``… (see :mod:`designer.graph.naming`)."""
        return automatic_name(self.names(exclude), stem)

    def rename_problem(self, node_id: str, name: str) -> str | None:
        """Why ``node_id`` cannot be called ``name`` (stripped), or None when it can."""
        node = self.node(node_id)
        return rename_problem(self.names(exclude=node_id), node.name, name.strip())

    # -- edits ----------------------------------------------------------------
    def add_node(
        self,
        layer_type: str,
        name: str | None = None,
        params: Mapping[str, Any] | None = None,
        position: tuple[float, float] = (0.0, 0.0),
        node_id: str | None = None,
    ) -> Node:
        spec = spec_for(layer_type, self._blocks)
        node_id = node_id or self.new_id()
        if node_id in self._nodes:
            raise GraphError(f"a node with id {node_id!r} already exists")
        merged = spec.defaults()
        unknown = set(params or {}) - set(merged)
        if unknown:
            raise GraphError(f"{layer_type} has no parameter {sorted(unknown)[0]!r}")
        merged.update(copy.deepcopy(dict(params or {})))
        self._check_block_use(layer_type, merged)
        for key, value in merged.items():
            problem = spec.param(key).check(value)
            if problem:
                raise GraphError(f"{layer_type} parameter {key} {problem}")
        # A chosen name that is taken gets a copy suffix, never the next number.
        name = (
            self.unique_name(spec.default_name)
            if name is None
            else copy_name(self.names(), name)
        )
        node = Node(
            node_id,
            layer_type,
            name,
            merged,
            (float(position[0]), float(position[1])),
            self._blocks,
        )
        self._nodes[node_id] = node
        self._nx_view = None
        self._emit(NodeAdded(node))
        return node

    def insert_node(
        self, node: Node, edges: Iterable[Edge] = (), index: int | None = None
    ) -> None:
        """Put back a node (and its edges) exactly as it was, e.g. on undo; at
        ``index`` in the order of the nodes (at the end without one)."""
        if node.id in self._nodes:
            raise GraphError(f"a node with id {node.id!r} already exists")
        self._check_block_use(node.type, node.params)
        node.blocks = self._blocks
        if index is None or index >= len(self._nodes):
            self._nodes[node.id] = node
        else:
            items = list(self._nodes.items())
            items.insert(max(index, 0), (node.id, node))
            self._nodes = dict(items)
        self._nx_view = None
        self._emit(NodeAdded(node))
        for edge in edges:
            self._add_edge(edge)

    def reorder(self, node_ids: Iterable[str], edges: Iterable[Edge]) -> bool:
        """Put the nodes and edges into this order (e.g. as they were before an edit
        that is undone).  The order decides topological tie-breaks, hence the
        generated code.  Lists that are not the graph's own nodes and edges are
        refused (GraphError); returns whether the order changed."""
        node_ids, edges = list(node_ids), list(edges)
        if len(node_ids) != len(self._nodes) or set(node_ids) != set(self._nodes):
            raise GraphError("a new order must list every node once")
        if len(edges) != len(self._edges) or set(edges) != set(self._edges):
            raise GraphError("a new order must list every edge once")
        if node_ids == list(self._nodes) and edges == self._edges:
            return False
        self._nodes = {node_id: self._nodes[node_id] for node_id in node_ids}
        self._edges = edges
        self._nx_cache = None
        self._emit(OrderChanged())
        return True

    def remove_node(self, node_id: str) -> tuple[Node, list[Edge]]:
        """Remove a node and its edges; returns both so the removal can be undone."""
        node = self.node(node_id)
        index = self._edge_index()
        touching = {*index.into_node.get(node_id, ()), *index.out_of.get(node_id, ())}
        removed = [e for e in self._edges if e in touching]
        for edge in removed:
            self.disconnect(edge)
        del self._nodes[node_id]
        self._nx_view = None
        self._emit(NodeRemoved(node))
        return node, removed

    def can_connect(
        self, source: str, source_port: str, target: str, target_port: str
    ) -> str | None:
        """None when the connection is allowed, else why not (in words)."""
        if source not in self._nodes or target not in self._nodes:
            return "both ends must be nodes of this network"
        if source == target:
            return "a node cannot feed itself"
        src, dst = self._nodes[source], self._nodes[target]
        if source_port not in src.output_ports():
            return f"{src.name} has no output port {source_port!r}"
        if target_port not in dst.input_ports():
            return f"{dst.name} has no input port {target_port!r}"
        return None

    def connect(
        self, source: str, source_port: str, target: str, target_port: str
    ) -> Edge:
        problem = self.can_connect(source, source_port, target, target_port)
        if problem:
            raise GraphError(problem)
        if self.edge_into(target, target_port) is not None:
            raise GraphError(
                f"input {target_port!r} of {self._nodes[target].name} is already connected"
            )
        edge = Edge(source, source_port, target, target_port)
        self._add_edge(edge)
        return edge

    def _add_edge(self, edge: Edge) -> None:
        self._edges.append(edge)
        self._nx_view = None  # the edge index is kept up to date instead
        if self._index is not None:
            self._index.add(edge)
        self._emit(EdgeAdded(edge))

    def disconnect(self, edge: Edge) -> None:
        try:
            self._edges.remove(edge)
        except ValueError:
            raise GraphError("that connection does not exist") from None
        self._nx_view = None
        if self._index is not None:
            self._index.remove(edge)
        self._emit(EdgeRemoved(edge))

    def set_param(self, node_id: str, key: str, value: Any) -> None:
        node = self.node(node_id)
        spec = node.spec.param(key)
        problem = spec.check(value)
        if problem:
            raise GraphError(f"{node.name}: {spec.title} {problem}")
        old = node.params[key]
        if old == value:
            return
        old_inputs, old_outputs = node.input_ports(), node.output_ports()
        node.params[key] = copy.deepcopy(value)
        # A port count change (e.g. Add inputs 3 → 2) drops edges to vanished ports.
        for edge in list(self._edges):
            gone_in = (
                edge.target == node_id
                and edge.target_port in old_inputs
                and edge.target_port not in node.input_ports()
            )
            gone_out = (
                edge.source == node_id
                and edge.source_port in old_outputs
                and edge.source_port not in node.output_ports()
            )
            if gone_in or gone_out:
                self.disconnect(edge)
        self._emit(ParamChanged(node, key, old, node.params[key]))

    def rename(self, node_id: str, name: str) -> None:
        node = self.node(node_id)
        name = name.strip()
        problem = self.rename_problem(node_id, name)
        if problem:
            raise GraphError(problem)
        old = node.name
        if old == name:
            return
        node.name = name
        self._emit(NodeRenamed(node, old, name))

    def move(self, node_id: str, position: tuple[float, float]) -> None:
        node = self.node(node_id)
        old = node.position
        node.position = (float(position[0]), float(position[1]))
        if old != node.position:
            self._emit(NodeMoved(node, old, node.position))

    # -- copies ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "nodes": [n.to_dict() for n in self._nodes.values()],
            "edges": [e.to_dict() for e in self._edges],
        }

    def copy(self) -> Graph:
        """A deep copy without listeners."""
        twin = Graph(self.name, _blocks=self._blocks)
        for node in self._nodes.values():
            twin._nodes[node.id] = Node(
                node.id,
                node.type,
                node.name,
                copy.deepcopy(node.params),
                node.position,
                self._blocks,
            )
        twin._edges = list(self._edges)
        return twin

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Graph):
            return NotImplemented
        return self.to_dict_canonical() == other.to_dict_canonical()

    def to_dict_canonical(self) -> dict[str, Any]:
        """Order-independent form used for equality."""
        data = self.to_dict()
        data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
        data["edges"] = sorted(data["edges"], key=lambda e: tuple(e.values()))
        return data

    __hash__ = None  # type: ignore[assignment]


ProjectListener = Callable[[ProjectEvent], None]
PROJECT_FIELDS = ("name", "training", "dataset")
MAX_PROJECT_NAME = 200


@dataclass
class Project:
    """A document: one or more networks, plus training settings and the dataset choice.

    ``training`` and ``dataset`` are plain JSON objects owned (and validated) by the
    training package; they change through :meth:`set_field`, which tells subscribers.
    """

    name: str = "Untitled"
    networks: list[Graph] = field(default_factory=lambda: [Graph("model")])
    training: dict[str, Any] = field(default_factory=dict)
    dataset: dict[str, Any] = field(default_factory=dict)
    blocks: BlockTable = field(default_factory=BlockTable)
    _listeners: list[ProjectListener] = field(
        default_factory=list, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Every graph of the project shares one block table; a project made of
        # graphs that already have blocks (a part of a network) adopts theirs.
        if not len(self.blocks):
            self.blocks = next(
                (g.blocks for g in self.networks if len(g.blocks)), self.blocks
            )
        for graph in self.networks:
            graph.blocks = self.blocks

    @property
    def graph(self) -> Graph:
        """The first (usually only) network."""
        return self.networks[0]

    def network(self, name: str) -> Graph:
        """A network by name; ``block:Name`` is the graph of the block ``Name``."""
        for graph in self.networks:
            if graph.name == name:
                return graph
        if name.startswith(BLOCK_NETWORK_PREFIX):
            block = name[len(BLOCK_NETWORK_PREFIX) :]
            if block in self.blocks:
                return self.blocks.get(block).graph
        raise GraphError(f"the project has no network called {name!r}")

    # -- events and edits of the project's own fields --------------------------------
    def subscribe(self, listener: ProjectListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: ProjectListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @staticmethod
    def name_problem(name: str) -> str | None:
        """Why ``name`` (stripped) cannot name a project, or None when it can."""
        if not name:
            return "a project name cannot be empty"
        if len(name) > MAX_PROJECT_NAME:
            return f"a project name can be at most {MAX_PROJECT_NAME} characters"
        return None

    def set_field(self, name: str, value: Any) -> None:
        """Replace ``name``, ``training`` or ``dataset`` (a copy of ``value``)."""
        if name not in PROJECT_FIELDS:
            raise GraphError(f"a project has no field {name!r}")
        if name == "name":
            if not isinstance(value, str):
                raise GraphError("a project name must be text")
            value = value.strip()
            problem = self.name_problem(value)
            if problem:
                raise GraphError(problem)
        elif not isinstance(value, dict):
            raise GraphError(f"the project's {name} must be a JSON object")
        old = getattr(self, name)
        if old == value:
            return
        setattr(self, name, copy.deepcopy(value))
        event = ProjectChanged(name, old, copy.deepcopy(value))
        for listener in list(self._listeners):
            listener(event)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "name": self.name,
            "networks": [g.to_dict() for g in self.networks],
            "training": copy.deepcopy(self.training),
            "dataset": copy.deepcopy(self.dataset),
        }
        if len(self.blocks):
            # Each definition after the blocks it uses, so a file reads in order.
            order = self.blocks.dependency_order(self.blocks.names())
            data["blocks"] = [self.blocks.get(name).to_dict() for name in order]
        return data

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Project):
            return NotImplemented
        return (
            self.name == other.name
            and self.networks == other.networks
            and self.training == other.training
            and self.dataset == other.dataset
            and sorted((d.name, d.graph, d.description) for d in self.blocks)
            == sorted((d.name, d.graph, d.description) for d in other.blocks)
        )

    __hash__ = None  # type: ignore[assignment]
