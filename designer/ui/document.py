"""The open document: the project, its file, its undo stack, selection and analysis.

Every edit goes through a method here that pushes one undoable command (see
:mod:`designer.ui.commands`); the commands change the model only, and the canvas,
inspector, code view and problem list follow the model's events and this object's
signals.  Analysis (shapes, problems) is recomputed once per command for the
networks it touched; the generated code is produced on demand and cached.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx
from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from designer.codegen.module import CodegenError, generate_code
from designer.graph.catalog import get_spec, has_spec
from designer.graph.events import STRUCTURAL_EVENTS, GraphEvent, NodeRemoved
from designer.graph.model import Edge, Graph, GraphError, Project
from designer.graph.project_file import load_project, save_project
from designer.shapes.infer import GraphShapes, infer_shapes
from designer.shapes.problems import Problem
from designer.ui.commands import (
    AddNodesCommand,
    ConnectCommand,
    DisconnectCommand,
    MacroCommand,
    MoveNodesCommand,
    NodeRequest,
    RemoveNodesCommand,
    RenameCommand,
    SetParamCommand,
    SetProjectFieldCommand,
)

CLIPBOARD_MIME = "application/x-designer-nodes"
CLIPBOARD_FORMAT = "designer-clipboard"
PASTE_OFFSET = 40.0
MAX_PASTE_NODES = 5000

Position = tuple[float, float]


def _plural(count: int, noun: str = "layer") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _json_value(value: Any) -> Any:
    """Tuples become lists, so parameters compare and serialise like loaded ones."""
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    return value


class Document(QObject):
    projectReplaced = Signal()
    analysisChanged = Signal()
    currentNetworkChanged = Signal(str)
    selectionChanged = Signal(list)
    pathChanged = Signal(object)
    modifiedChanged = Signal(bool)
    centreRequested = Signal(str)
    trainingChanged = Signal()
    datasetChanged = Signal()
    projectNameChanged = Signal(str)

    def __init__(
        self, project: Project | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.project = Project()
        self.path: Path | None = None
        self.current_network = ""
        self._selected: list[str] = []
        self._listeners: dict[str, Any] = {}
        self._analysis: dict[str, GraphShapes] = {}
        self._dirty: set[str] = set()
        self._code: tuple[str, str | None] | None = None
        self._batch_depth = 0
        self._selection_dirty = False
        self._paste_count = 0
        self._last_clipboard = ""
        self._install(project or Project(), None)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # -- project and file -------------------------------------------------------
    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def graph(self) -> Graph:
        return self.project.network(self.current_network)

    @property
    def network_names(self) -> list[str]:
        return [graph.name for graph in self.project.networks]

    def new(self, project: Project | None = None) -> None:
        self._install(project or Project(), None)

    def load(self, path: str | Path) -> None:
        """Open a project file; on failure raises ProjectFileError and changes nothing."""
        project = load_project(path)
        _arrange_stacked_networks(project)
        self._install(project, Path(path))

    def save(self, path: str | Path | None = None) -> None:
        """Write the project atomically and mark the document clean (OSError on failure)."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the project has no file yet; choose where to save it")
        save_project(self.project, target)
        changed = target != self.path
        self.path = target
        self.undo_stack.setClean()
        if changed:
            self.pathChanged.emit(target)

    def _install(self, project: Project, path: Path | None) -> None:
        for name, listener in self._listeners.items():
            for graph in self.project.networks:
                if graph.name == name:
                    graph.unsubscribe(listener)
        self._listeners = {}
        self.project = project
        for graph in project.networks:
            listener = self._make_listener(graph.name)
            graph.subscribe(listener)
            self._listeners[graph.name] = listener
        self.undo_stack.clear()
        self.undo_stack.setClean()
        path_changed = path != self.path
        self.path = path
        self.current_network = project.networks[0].name
        self._selected = []
        self._analysis = {}
        self._dirty = set(self.network_names)
        self._code = None
        self._recompute()
        self.projectReplaced.emit()
        self.currentNetworkChanged.emit(self.current_network)
        self.selectionChanged.emit([])
        self.analysisChanged.emit()
        if path_changed:
            self.pathChanged.emit(path)
        self.modifiedChanged.emit(False)

    # -- networks and selection ---------------------------------------------------
    def set_current_network(self, name: str) -> None:
        self.project.network(name)  # raises GraphError for an unknown name
        if name == self.current_network:
            return
        self.current_network = name
        self._selected = []
        self.currentNetworkChanged.emit(name)
        self.selectionChanged.emit([])

    def show_network(self, name: str) -> None:
        """Make ``name`` current if it is not (undo and redo show what they change)."""
        if name != self.current_network and name in self.network_names:
            self.set_current_network(name)

    @property
    def selected_ids(self) -> list[str]:
        return list(self._selected)

    def set_selection(self, ids: Iterable[str]) -> None:
        graph = self.graph
        wanted = [node_id for node_id in dict.fromkeys(ids) if graph.has_node(node_id)]
        if wanted != self._selected:
            self._selected = wanted
            self.selectionChanged.emit(list(wanted))

    def select_and_centre(self, node_id: str, network: str | None = None) -> None:
        """Select one node (switching network if needed) and ask views to show it."""
        if network is not None:
            self.set_current_network(network)
        if not self.graph.has_node(node_id):
            return
        self.set_selection([node_id])
        self.centreRequested.emit(node_id)

    # -- analysis -------------------------------------------------------------------
    @property
    def analysis(self) -> dict[str, GraphShapes]:
        if self._dirty:
            self._recompute()
        return self._analysis

    @property
    def problems(self) -> list[Problem]:
        return [p for shapes in self.analysis.values() for p in shapes.problems]

    def code(self) -> str:
        """The generated module, or "" when the project has problems (see code_error)."""
        return self._code_result()[0]

    def code_error(self) -> str | None:
        return self._code_result()[1]

    def _code_result(self) -> tuple[str, str | None]:
        analysis = self.analysis
        if self._code is None:
            try:
                self._code = (generate_code(self.project, analysis), None)
            except CodegenError as error:
                self._code = ("", str(error))
            except Exception as error:  # a generator bug must not take the editor down
                self._code = ("", f"the code could not be generated: {error}")
        return self._code

    def _recompute(self) -> None:
        names = self.network_names
        for name in list(self._dirty):
            if name in names:
                self._analysis[name] = infer_shapes(self.project.network(name))
        for name in list(self._analysis):
            if name not in names:
                del self._analysis[name]
        self._dirty.clear()

    def _make_listener(self, name: str):
        def listener(event: GraphEvent) -> None:
            self._on_graph_event(name, event)

        return listener

    def _on_graph_event(self, network: str, event: GraphEvent) -> None:
        if isinstance(event, STRUCTURAL_EVENTS):
            self._dirty.add(network)
            self._code = None
        if (
            isinstance(event, NodeRemoved)
            and network == self.current_network
            and event.node.id in self._selected
        ):
            self._selected.remove(event.node.id)
            self._selection_dirty = True
        if self._batch_depth == 0:
            self._flush()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group model edits: analysis and signals follow once, at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._flush()

    def _flush(self) -> None:
        if self._dirty:
            self._recompute()
            self.analysisChanged.emit()
        if self._selection_dirty:
            self._selection_dirty = False
            self.selectionChanged.emit(list(self._selected))

    def project_field_changed(self, field: str) -> None:
        """Called by SetProjectFieldCommand after it replaced a project field."""
        if field == "training":
            self.trainingChanged.emit()
        elif field == "dataset":
            self.datasetChanged.emit()
        elif field == "name":
            self._code = None
            self.projectNameChanged.emit(self.project.name)
            self.analysisChanged.emit()

    def _push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    # -- edits ----------------------------------------------------------------------
    def add_node(
        self,
        layer_type: str,
        position: Position = (0.0, 0.0),
        params: dict[str, Any] | None = None,
        name: str | None = None,
    ) -> str:
        """Add a layer (raises GraphError for an unknown type or bad parameters)."""
        if not has_spec(layer_type):
            raise GraphError(f"unknown layer type {layer_type!r}")
        spec = get_spec(layer_type)
        for key, value in (params or {}).items():
            try:
                problem = spec.param(key).validate(value)
            except KeyError:
                raise GraphError(f"{layer_type} has no parameter {key!r}") from None
            if problem:
                raise GraphError(f"{layer_type} parameter {key} {problem}")
        request = NodeRequest(
            layer_type,
            (float(position[0]), float(position[1])),
            {k: _json_value(v) for k, v in (params or {}).items()} or None,
            name.strip() if name and name.strip() else None,
        )
        command = AddNodesCommand(
            self, self.current_network, [request], f"Add {layer_type}"
        )
        self._push(command)
        return command.node_ids[0]

    def remove_nodes(self, ids: Iterable[str]) -> None:
        graph = self.graph
        ids = [node_id for node_id in dict.fromkeys(ids) if graph.has_node(node_id)]
        if not ids:
            return
        text = (
            f"Delete {graph.node(ids[0]).name}"
            if len(ids) == 1
            else f"Delete {_plural(len(ids))}"
        )
        self._push(RemoveNodesCommand(self, self.current_network, ids, text))

    def _edge_text(self, verb: str, edge: Edge) -> str:
        graph = self.graph
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

    def connection_problem(
        self, source: str, source_port: str, target: str, target_port: str
    ) -> str | None:
        """Why this connection cannot be made, or None when it can."""
        graph = self.graph
        problem = graph.can_connect(source, source_port, target, target_port)
        if problem:
            return problem
        if nx.has_path(graph.to_networkx(), target, source):
            return (
                f"connecting {graph.node(source).name} to {graph.node(target).name} would make a cycle; "
                "networks must flow one way"
            )
        return None

    def connectable_inputs(self, source: str, source_port: str) -> set[tuple[str, str]]:
        """Every (node, input port) the given output may be connected to."""
        graph = self.graph
        if (
            not graph.has_node(source)
            or source_port not in graph.node(source).output_ports()
        ):
            return set()
        upstream = nx.ancestors(graph.to_networkx(), source) | {source}
        return {
            (node.id, port)
            for node in graph.nodes
            if node.id not in upstream
            for port in node.input_ports()
        }

    def connectable_outputs(
        self, target: str, target_port: str
    ) -> set[tuple[str, str]]:
        """Every (node, output port) that may feed the given input."""
        graph = self.graph
        if (
            not graph.has_node(target)
            or target_port not in graph.node(target).input_ports()
        ):
            return set()
        downstream = nx.descendants(graph.to_networkx(), target) | {target}
        return {
            (node.id, port)
            for node in graph.nodes
            if node.id not in downstream
            for port in node.output_ports()
        }

    def connect(
        self, source: str, source_port: str, target: str, target_port: str
    ) -> str | None:
        """Connect an output to an input; an occupied input is replaced in the same step.

        Returns a message for people when the connection is refused, else None.
        """
        problem = self.connection_problem(source, source_port, target, target_port)
        if problem:
            return problem
        graph = self.graph
        edge = Edge(source, source_port, target, target_port)
        existing = graph.edge_into(target, target_port)
        if existing == edge:
            return None
        text = self._edge_text("Connect", edge)
        connect = ConnectCommand(self, self.current_network, edge, text)
        if existing is None:
            self._push(connect)
        else:
            remove = DisconnectCommand(
                self,
                self.current_network,
                existing,
                self._edge_text("Disconnect", existing),
            )
            self._push(MacroCommand(self, text, [remove, connect]))
        return None

    def disconnect(self, edge: Edge) -> None:
        if edge not in self.graph.edges:
            return
        self._push(
            DisconnectCommand(
                self, self.current_network, edge, self._edge_text("Disconnect", edge)
            )
        )

    def reroute(self, edge: Edge, target: str, target_port: str) -> str | None:
        """Move an edge's input end to another input (one step; that input's edge is replaced)."""
        graph = self.graph
        if edge not in graph.edges:
            return "that connection does not exist"
        if (edge.target, edge.target_port) == (target, target_port):
            return None
        new = Edge(edge.source, edge.source_port, target, target_port)
        # Paths into the source never run through the edge's own old end, so the
        # usual check (cycles included) holds with the old edge still present.
        problem = self.connection_problem(
            edge.source, edge.source_port, target, target_port
        )
        if problem:
            return problem
        network = self.current_network
        children: list[QUndoCommand] = [DisconnectCommand(self, network, edge, "")]
        occupied = graph.edge_into(target, target_port)
        if occupied is not None:
            children.append(DisconnectCommand(self, network, occupied, ""))
        children.append(ConnectCommand(self, network, new, ""))
        self._push(MacroCommand(self, self._edge_text("Connect", new), children))
        return None

    def delete(self, node_ids: Iterable[str] = (), edges: Iterable[Edge] = ()) -> None:
        """Delete nodes (with their edges) and further edges, as one step."""
        graph = self.graph
        ids = [
            node_id for node_id in dict.fromkeys(node_ids) if graph.has_node(node_id)
        ]
        gone = set(ids)
        loose = [
            e
            for e in dict.fromkeys(edges)
            if e in graph.edges and e.source not in gone and e.target not in gone
        ]
        if not loose:
            self.remove_nodes(ids)
            return
        if not ids and len(loose) == 1:
            self.disconnect(loose[0])
            return
        network = self.current_network
        children: list[QUndoCommand] = [
            DisconnectCommand(self, network, e, "") for e in loose
        ]
        if ids:
            children.append(RemoveNodesCommand(self, network, ids, ""))
        count = len(ids) + len(loose)
        self._push(MacroCommand(self, f"Delete {_plural(count, 'item')}", children))

    def disconnect_all(self, node_id: str) -> None:
        """Remove every edge into and out of a node, as one step."""
        graph = self.graph
        edges = [e for e in graph.edges if node_id in (e.source, e.target)]
        if not edges:
            return
        children = [DisconnectCommand(self, self.current_network, e, "") for e in edges]
        self._push(
            MacroCommand(self, f"Disconnect {graph.node(node_id).name}", children)
        )

    def set_param(self, node_id: str, key: str, value: Any) -> str | None:
        """Change a parameter; returns the validation message (and changes nothing) when invalid."""
        graph = self.graph
        if not graph.has_node(node_id):
            return f"there is no node with id {node_id!r}"
        node = graph.node(node_id)
        try:
            spec = node.spec.param(key)
        except KeyError:
            return f"{node.type} has no parameter {key!r}"
        value = _json_value(value)
        problem = spec.validate(value)
        if problem:
            return f"{spec.title} {problem}"
        if node.params[key] == value and type(node.params[key]) is type(value):
            return None
        self._push(
            SetParamCommand(
                self,
                self.current_network,
                node_id,
                key,
                value,
                f"Change {key} of {node.name}",
            )
        )
        return None

    def rename(self, node_id: str, name: str) -> str | None:
        """Rename a node; returns why not (and changes nothing) when the name is refused."""
        graph = self.graph
        if not graph.has_node(node_id):
            return f"there is no node with id {node_id!r}"
        node = graph.node(node_id)
        name = name.strip()
        if not name:
            return "a name cannot be empty"
        if len(name) > 64:
            return "a name can be at most 64 characters"
        other = graph.node_by_name(name)
        if other is not None and other.id != node_id:
            return f"another node is already called {name!r}"
        if name == node.name:
            return None
        self._push(
            RenameCommand(
                self,
                self.current_network,
                node_id,
                name,
                f"Rename {node.name} to {name}",
            )
        )
        return None

    def move_nodes(
        self, moves: dict[str, tuple[Position, Position]], text: str | None = None
    ) -> None:
        """Record a drag of one or more nodes: ``{id: (old_position, new_position)}``."""
        graph = self.graph
        moves = {
            node_id: (tuple(old), tuple(new))
            for node_id, (old, new) in moves.items()
            if graph.has_node(node_id)
            and tuple(map(float, old)) != tuple(map(float, new))
        }
        if not moves:
            return
        if text is None:
            text = (
                f"Move {graph.node(next(iter(moves))).name}"
                if len(moves) == 1
                else f"Move {_plural(len(moves))}"
            )
        self._push(MoveNodesCommand(self, self.current_network, moves, text))  # type: ignore[arg-type]

    def tidy_layout(self) -> None:
        """Arrange the current network left to right by depth, as one undo step."""
        from designer.ui.canvas.labels import edge_label_room
        from designer.ui.canvas.layout import tidy_positions

        graph = self.graph
        if not graph.nodes:
            return
        left = min(node.position[0] for node in graph.nodes)
        top = min(node.position[1] for node in graph.nodes)
        new = tidy_positions(
            graph, origin=(left, top), label_room=edge_label_room(graph)
        )
        # Keep the layout where the network was (its top-left corner).
        shift_y = top - min(y for _, y in new.values())
        moves = {
            node.id: (node.position, (new[node.id][0], new[node.id][1] + shift_y))
            for node in graph.nodes
            if (new[node.id][0], new[node.id][1] + shift_y) != node.position
        }
        if moves:
            self._push(
                MoveNodesCommand(
                    self, self.current_network, moves, "Tidy layout", mergeable=False
                )
            )

    # -- clipboard ------------------------------------------------------------------
    def _serialise(self, ids: Iterable[str]) -> dict[str, Any]:
        graph = self.graph
        chosen = [node_id for node_id in dict.fromkeys(ids) if graph.has_node(node_id)]
        inside = set(chosen)
        return {
            "format": CLIPBOARD_FORMAT,
            "version": 1,
            "nodes": [graph.node(node_id).to_dict() for node_id in chosen],
            "edges": [
                e.to_dict()
                for e in graph.edges
                if e.source in inside and e.target in inside
            ],
        }

    def copy(self, ids: Iterable[str]) -> str:
        """Put the nodes (and the edges among them) on the clipboard; returns the JSON."""
        data = self._serialise(ids)
        if not data["nodes"]:
            return ""  # copying nothing leaves the clipboard alone
        text = json.dumps(data, indent=1)
        self._last_clipboard = text
        self._paste_count = 0
        app = QGuiApplication.instance()
        if app is not None:
            mime = QMimeData()
            mime.setData(CLIPBOARD_MIME, text.encode("utf-8"))
            mime.setText(text)
            QGuiApplication.clipboard().setMimeData(mime)
        return text

    def cut(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        self.copy(ids)
        graph = self.graph
        ids = [node_id for node_id in ids if graph.has_node(node_id)]
        if ids:
            text = (
                f"Cut {graph.node(ids[0]).name}"
                if len(ids) == 1
                else f"Cut {_plural(len(ids))}"
            )
            self._push(RemoveNodesCommand(self, self.current_network, ids, text))

    def _clipboard_text(self) -> str:
        app = QGuiApplication.instance()
        if app is None:
            return self._last_clipboard
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(CLIPBOARD_MIME):
            return bytes(mime.data(CLIPBOARD_MIME)).decode("utf-8", errors="replace")
        return mime.text() if mime is not None and mime.hasText() else ""

    def can_paste(self) -> bool:
        return bool(self._parse_clipboard(self._clipboard_text())[0])

    def paste(self, position: Position | None = None) -> list[str]:
        """Add the clipboard's nodes with fresh ids and unique names; returns the new ids.

        With ``position`` the pasted group's top-left corner goes there; without,
        each paste lands a little further from the originals.
        """
        text = self._clipboard_text()
        if text == self._last_clipboard:
            self._paste_count += 1
        else:
            self._last_clipboard, self._paste_count = text, 1
        nodes, edges = self._parse_clipboard(text)
        if not nodes:
            return []
        offset = PASTE_OFFSET * self._paste_count
        return self._add_copies(nodes, edges, position, (offset, offset), "Paste")

    def duplicate(self, ids: Iterable[str]) -> list[str]:
        data = self._serialise(ids)
        nodes, edges = self._parse_clipboard(json.dumps(data))
        if not nodes:
            return []
        return self._add_copies(
            nodes, edges, None, (PASTE_OFFSET, PASTE_OFFSET), "Duplicate"
        )

    def _add_copies(
        self,
        nodes: Sequence[dict[str, Any]],
        edges: Sequence[tuple[int, str, int, str]],
        position: Position | None,
        offset: Position,
        verb: str,
    ) -> list[str]:
        left = min(n["position"][0] for n in nodes)
        top = min(n["position"][1] for n in nodes)
        dx, dy = (
            (position[0] - left, position[1] - top) if position is not None else offset
        )
        requests = [
            NodeRequest(
                n["type"],
                (n["position"][0] + dx, n["position"][1] + dy),
                n["params"],
                n["name"],
            )
            for n in nodes
        ]
        text = (
            f"{verb} {nodes[0]['name']}"
            if len(nodes) == 1
            else f"{verb} {_plural(len(nodes))}"
        )
        command = AddNodesCommand(self, self.current_network, requests, text, edges)
        self._push(command)
        self.set_selection(command.node_ids)
        return command.node_ids

    @staticmethod
    def _parse_clipboard(
        text: str,
    ) -> tuple[list[dict[str, Any]], list[tuple[int, str, int, str]]]:
        """Validated nodes and index-based edges from clipboard JSON; ([], []) if unusable.

        The clipboard may hold anything, so every node type, parameter and port is
        checked; unusable nodes and edges are dropped.
        """
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return [], []
        if not isinstance(data, dict) or data.get("format") != CLIPBOARD_FORMAT:
            return [], []
        raw_nodes, raw_edges = data.get("nodes"), data.get("edges", [])
        if not isinstance(raw_nodes, list) or not isinstance(raw_edges, list):
            return [], []
        nodes: list[dict[str, Any]] = []
        index_of: dict[str, int] = {}
        for raw in raw_nodes[:MAX_PASTE_NODES]:
            node = _clean_node(raw)
            if node is not None and node["id"] not in index_of:
                index_of[node["id"]] = len(nodes)
                nodes.append(node)
        edges: list[tuple[int, str, int, str]] = []
        used: set[tuple[int, str]] = set()
        for raw in raw_edges:
            if not isinstance(raw, dict):
                continue
            source, target = (
                index_of.get(raw.get("source")),
                index_of.get(raw.get("target")),
            )
            source_port, target_port = raw.get("source_port"), raw.get("target_port")
            if (
                source is None
                or target is None
                or source == target
                or (target, target_port) in used
            ):
                continue
            source_spec, target_spec = (
                get_spec(nodes[source]["type"]),
                get_spec(nodes[target]["type"]),
            )
            if source_port not in source_spec.output_ports(nodes[source]["params"]):
                continue
            if target_port not in target_spec.input_ports(nodes[target]["params"]):
                continue
            used.add((target, target_port))
            edges.append((source, source_port, target, target_port))
        if _has_cycle(len(nodes), edges):
            edges = []
        return nodes, edges

    # -- project settings ----------------------------------------------------------
    def set_training(self, settings: dict[str, Any]) -> None:
        if settings != self.project.training:
            self._push(
                SetProjectFieldCommand(
                    self, "training", settings, "Change training settings"
                )
            )

    def set_dataset(self, settings: dict[str, Any]) -> None:
        if settings != self.project.dataset:
            self._push(
                SetProjectFieldCommand(self, "dataset", settings, "Change dataset")
            )

    def set_project_name(self, name: str) -> str | None:
        name = name.strip()
        if not name:
            return "a project name cannot be empty"
        if len(name) > 200:
            return "a project name can be at most 200 characters"
        if name != self.project.name:
            self._push(
                SetProjectFieldCommand(self, "name", name, f"Rename project to {name}")
            )
        return None


def _arrange_stacked_networks(project: Project) -> None:
    """Lay out networks whose nodes all sit on one spot (files written without
    positions), so they do not open as a single pile of cards."""
    from designer.ui.canvas.labels import edge_label_room
    from designer.ui.canvas.layout import tidy_positions

    for graph in project.networks:
        nodes = graph.nodes
        if len(nodes) > 1 and len({node.position for node in nodes}) == 1:
            room = edge_label_room(graph)
            for node_id, position in tidy_positions(
                graph, origin=nodes[0].position, label_room=room
            ).items():
                graph.move(node_id, position)


def _clean_node(raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        return None
    layer_type, node_id, name = raw.get("type"), raw.get("id"), raw.get("name")
    if (
        not isinstance(layer_type, str)
        or not has_spec(layer_type)
        or not isinstance(node_id, str)
    ):
        return None
    spec = get_spec(layer_type)
    params = spec.defaults()
    raw_params = raw.get("params", {})
    if isinstance(raw_params, dict):
        for key, value in raw_params.items():
            try:
                param = spec.param(key)
            except KeyError:
                continue
            value = _json_value(value)
            if param.validate(value) is None:
                params[key] = copy.deepcopy(value)
    position = raw.get("position", [0.0, 0.0])
    try:
        x, y = (float(position[0]), float(position[1]))
    except (TypeError, ValueError, IndexError, KeyError):
        x, y = 0.0, 0.0
    if not (abs(x) < 1e7 and abs(y) < 1e7):
        x, y = 0.0, 0.0
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > 64:
        name = None
    return {
        "id": node_id,
        "type": layer_type,
        "name": name.strip() if name else None,
        "params": params,
        "position": (x, y),
    }


def _has_cycle(count: int, edges: Sequence[tuple[int, str, int, str]]) -> bool:
    view = nx.DiGraph()
    view.add_nodes_from(range(count))
    view.add_edges_from((s, t) for s, _, t, _ in edges)
    return not nx.is_directed_acyclic_graph(view)
