"""The open document: the project, its file, its undo stack, selection and analysis.

Every edit goes through a method here: the model's editing rules
(:mod:`designer.graph.editing`) turn the request into an undoable edit, which is
pushed as one Qt undo command (:mod:`designer.ui.commands`).  The edits change the
model only, and the canvas, inspector, code view and problem list follow the
model's events and this object's signals.  Analysis (shapes, problems) is
recomputed once per command for the networks it touched; the generated code is
produced on demand and cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from designer.graph import block_editing, block_library, connections, editing
from designer.graph.blocks import BLOCK, BLOCK_NETWORK_PREFIX, block_network
from designer.graph.edits import Edit, Position
from designer.graph.events import (
    STRUCTURAL_EVENTS,
    GraphEvent,
    NodeRemoved,
    ProjectEvent,
)
from designer.graph.fragments import CLIPBOARD_FORMAT
from designer.graph.model import Edge, Graph, GraphError, Project
from designer.graph.project_file import ProjectFileError, read_project, save_project
from designer.shapes.infer import GraphShapes, infer_shapes
from designer.shapes.problems import Problem
from designer.ui.commands import EditCommand
from designer.ui.document_clipboard import CLIPBOARD_MIME, ClipboardEdits
from designer.ui.problem_text import translated

if TYPE_CHECKING:
    from designer.codegen.module import CodegenError

__all__ = ["CLIPBOARD_FORMAT", "CLIPBOARD_MIME", "Document"]


class Document(ClipboardEdits, QObject):
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
    networksChanged = Signal()  # a block definition was opened, closed or renamed
    blocksChanged = Signal()  # a block was added, removed or renamed

    def __init__(
        self, project: Project | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.project = Project()
        self.path: Path | None = None
        # Set when the file came from a newer designer: the window then keeps the
        # file read-only (designer.ui.read_only) and offers Save As.
        self.newer_app_note: str | None = None
        self.current_network = ""
        self._selected: list[str] = []
        self._listeners: dict[str, tuple[Graph, Any]] = {}
        self._open_blocks: list[str] = []
        self._analysis: dict[str, GraphShapes] = {}
        self._dirty: set[str] = set()
        self._code: tuple[str, CodegenError | None] | None = None
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
        """The project's networks, then the block definitions opened for editing."""
        names = [graph.name for graph in self.project.networks]
        blocks = self.project.blocks
        return names + [block_network(b) for b in self._open_blocks if b in blocks]

    def new(self, project: Project | None = None) -> None:
        self.newer_app_note = None
        self._install(project or Project(), None)

    def load(self, path: str | Path) -> None:
        """Open a project file; on failure raises ProjectFileError and changes nothing."""
        from designer.ui.canvas.layout import arrange_stacked_networks

        loaded = read_project(path)
        arrange_stacked_networks(loaded.project)
        self.newer_app_note = loaded.newer_app_note()
        self._install(loaded.project, Path(path))

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
        for graph, listener in self._listeners.values():
            graph.unsubscribe(listener)
        self.project.unsubscribe(self._on_project_event)
        self.project.blocks.unsubscribe(self._on_blocks_changed)
        self._listeners = {}
        self._open_blocks = []
        self.project = project
        project.subscribe(self._on_project_event)
        project.blocks.subscribe(self._on_blocks_changed)
        for graph in project.networks:
            self._listen(graph.name)
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
        error = self._code_result()[1]
        return None if error is None else translated(error.message)

    def _code_result(self) -> tuple[str, CodegenError | None]:
        analysis = self.analysis
        if self._code is None:
            # Imported on first use: the first paint shows no code.
            from designer.codegen.module import CodegenError, generate_code

            try:
                self._code = (generate_code(self.project, analysis), None)
            except CodegenError as error:
                self._code = ("", error)
            except Exception as error:  # a generator bug must not take the editor down
                self._code = ("", CodegenError.unexpected(error))
        return self._code

    def _recompute(self) -> None:
        names = self.network_names
        if self._dirty:  # an open definition shows the shapes its first use gives it
            self._dirty.update(n for n in names if n.startswith(BLOCK_NETWORK_PREFIX))
        for name in names:
            if name in self._dirty:
                self._analysis[name] = self._first_use_analysis(name) or infer_shapes(
                    self.project.network(name)
                )
        for name in list(self._analysis):
            if name not in names:
                del self._analysis[name]
        self._dirty.clear()

    def _first_use_analysis(self, network: str) -> GraphShapes | None:
        """A block definition analysed with the inputs of its first use in a network."""
        block = network.removeprefix(BLOCK_NETWORK_PREFIX)
        if block == network:
            return None
        for graph in self.project.networks:
            shapes = self._analysis.get(graph.name)
            for node in graph.nodes if shapes is not None else ():
                info = shapes.nodes.get(node.id)
                if node.type == BLOCK and node.params["block"] == block and info:
                    return info.block[0] if info.block else None
        return None

    def _listen(self, name: str) -> None:
        def listener(event: GraphEvent) -> None:
            self._on_graph_event(name, event)

        graph = self.project.network(name)
        graph.subscribe(listener)
        self._listeners[name] = (graph, listener)

    def _forget(self, name: str) -> None:
        if name in self._listeners:
            graph, listener = self._listeners.pop(name)
            graph.unsubscribe(listener)

    def _on_graph_event(self, network: str, event: GraphEvent) -> None:
        if isinstance(event, STRUCTURAL_EVENTS):
            # A definition's change reaches every network that uses the block.
            if network.startswith(BLOCK_NETWORK_PREFIX):
                self._dirty.update(self.network_names)
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

    def _on_project_event(self, event: ProjectEvent) -> None:
        """The project's own fields changed (through an edit, or its undo)."""
        if event.field == "training":
            self.trainingChanged.emit()
        elif event.field == "dataset":
            self.datasetChanged.emit()
        elif event.field == "name":
            self._code = None
            self.projectNameChanged.emit(self.project.name)
            self.analysisChanged.emit()

    def push(self, edit: Edit | None) -> Edit | None:
        """Apply ``edit`` as one undo step (None: nothing to do); returns it."""
        if edit is not None:
            self.undo_stack.push(EditCommand(self, edit))
        return edit

    def _push_or_refuse(self, plan: Any, *args: Any) -> str | None:
        """Push what ``plan(graph, network, *args)`` gives; the refusal in words."""
        try:
            self.push(plan(self.graph, self.current_network, *args))
        except GraphError as error:
            return translated(error.message)
        return None

    # -- edits ----------------------------------------------------------------------
    def add_node(
        self,
        layer_type: str,
        position: Position = (0.0, 0.0),
        params: dict[str, Any] | None = None,
        name: str | None = None,
    ) -> str:
        """Add a layer (raises GraphError for an unknown type or bad parameters)."""
        edit = editing.add_node(
            self.current_network, layer_type, position, params, name
        )
        self.push(edit)
        return edit.node_ids[0]

    def remove_nodes(self, ids: Iterable[str]) -> None:
        self.push(editing.remove_nodes(self.graph, self.current_network, ids))

    def connection_problem(
        self, source: str, source_port: str, target: str, target_port: str
    ) -> str | None:
        """Why this connection cannot be made, or None when it can."""
        return connections.connection_problem(
            self.graph, source, source_port, target, target_port
        )

    def connectable_inputs(self, source: str, source_port: str) -> set[tuple[str, str]]:
        """Every (node, input port) the given output may be connected to."""
        return connections.connectable_inputs(self.graph, source, source_port)

    def connectable_outputs(
        self, target: str, target_port: str
    ) -> set[tuple[str, str]]:
        """Every (node, output port) that may feed the given input."""
        return connections.connectable_outputs(self.graph, target, target_port)

    def connect(
        self, source: str, source_port: str, target: str, target_port: str
    ) -> str | None:
        """Connect an output to an input; an occupied input is replaced in the same step.

        Returns a message for people when the connection is refused, else None.
        """
        return self._push_or_refuse(
            editing.connect, source, source_port, target, target_port
        )

    def disconnect(self, edge: Edge) -> None:
        self.push(editing.disconnect(self.graph, self.current_network, edge))

    def reroute(self, edge: Edge, target: str, target_port: str) -> str | None:
        """Move an edge's input end to another input (one step; that input's edge is replaced)."""
        return self._push_or_refuse(editing.reroute, edge, target, target_port)

    def delete(self, node_ids: Iterable[str] = (), edges: Iterable[Edge] = ()) -> None:
        """Delete nodes (with their edges) and further edges, as one step."""
        self.push(editing.delete(self.graph, self.current_network, node_ids, edges))

    def disconnect_all(self, node_id: str) -> None:
        """Remove every edge into and out of a node, as one step."""
        self.push(editing.disconnect_all(self.graph, self.current_network, node_id))

    def set_param(self, node_id: str, key: str, value: Any) -> str | None:
        """Change a parameter; returns the validation message (and changes nothing) when invalid."""
        return self._push_or_refuse(editing.set_param, node_id, key, value)

    def rename(self, node_id: str, name: str) -> str | None:
        """Rename a node; returns why not (and changes nothing) when the name is refused."""
        return self._push_or_refuse(editing.rename, node_id, name)

    def move_nodes(
        self, moves: dict[str, tuple[Position, Position]], text: str | None = None
    ) -> None:
        """Record a drag of one or more nodes: ``{id: (old_position, new_position)}``."""
        self.push(editing.move_nodes(self.graph, self.current_network, moves, text))

    def tidy_layout(self) -> None:
        """Arrange the current network left to right by depth, as one undo step."""
        from designer.ui.canvas.layout import tidy_moves

        moves = tidy_moves(self.graph)
        self.push(
            editing.move_nodes(
                self.graph, self.current_network, moves, "Tidy layout", mergeable=False
            )
        )

    # -- blocks ---------------------------------------------------------------------
    @property
    def open_blocks(self) -> list[str]:
        """The blocks whose definitions have a tab, in the order they were opened."""
        return list(self._open_blocks)

    @property
    def current_block(self) -> str | None:
        """The block whose definition is the current network, if one is."""
        if self.current_network.startswith(BLOCK_NETWORK_PREFIX):
            return self.current_network[len(BLOCK_NETWORK_PREFIX) :]
        return None

    def open_block(self, name: str) -> None:
        """Show the definition of block ``name`` in its own tab and make it current."""
        self.project.blocks.get(name)  # raises GraphError for an unknown block
        if name not in self._open_blocks:
            self._open_blocks.append(name)
            self._listen(block_network(name))
            self._dirty.add(block_network(name))
            self._recompute()
            self.networksChanged.emit()
        self.set_current_network(block_network(name))

    def close_block(self, name: str) -> None:
        """Close the definition's tab (the block itself stays)."""
        if name not in self._open_blocks:
            return
        self._open_blocks.remove(name)
        self._forget(block_network(name))
        self._analysis.pop(block_network(name), None)
        if self.current_network == block_network(name):
            self.set_current_network(self.project.networks[0].name)
        self.networksChanged.emit()

    def _on_blocks_changed(self, change: str, old: str | None, new: str | None) -> None:
        """A block was added, removed or renamed (an edit, or its undo)."""
        if old in self._open_blocks and change == "removed":
            self.close_block(old)
        elif old in self._open_blocks and new is not None:
            self._forget(block_network(old))
            self._open_blocks[self._open_blocks.index(old)] = new
            self._listen(block_network(new))
            if self.current_network == block_network(old):
                self.current_network = block_network(new)
                self.currentNetworkChanged.emit(self.current_network)
            self.networksChanged.emit()
        self._dirty.update(self.network_names)
        self._code = None
        self.blocksChanged.emit()
        if self._batch_depth == 0:
            self._flush()

    def _shape_of(self, node_id: str, port: str) -> tuple[list[Any], str] | None:
        """A tensor's sample shape and dtype, which a new block's Input takes."""
        shapes = self.analysis.get(self.current_network)
        info = shapes.nodes.get(node_id) if shapes is not None else None
        if info is None or port not in info.outputs:
            return None
        return list(info.outputs[port][1:]), info.dtypes.get(port, "float")

    def _push_block_edit(self, plan: Any, *args: Any) -> str | None:
        return self._push_or_refuse(lambda _g, net: plan(self.project, net, *args))

    def group_into_block(self, ids: Iterable[str], name: str) -> str | None:
        """Group the nodes into a new block ``name`` used in their place; why not."""
        group = block_editing.group_into_block
        return self._push_block_edit(group, list(ids), name, self._shape_of)

    def ungroup(self, node_id: str) -> str | None:
        """Put a block use's layers back in its place; why not."""
        return self._push_block_edit(block_editing.ungroup, node_id)

    def make_unique(self, node_id: str) -> str | None:
        """Give one use of a block its own copy of the definition; why not."""
        return self._push_block_edit(block_editing.make_unique, node_id)

    def add_block_use(self, name: str, position: Position = (0.0, 0.0)) -> str:
        """Add a use of block ``name`` (GraphError when refused); its node id."""
        edit = block_editing.add_block_use(
            self.project, self.current_network, name, position
        )
        self.push(edit)
        return edit.node_ids[0]

    def add_library_block(self, path: str | Path, position: Position = (0, 0)) -> str:
        """Add the library entry at ``path`` (its blocks and one use); the use's id.

        GraphError says why not: a file that cannot be read, or a block that
        would end up inside itself."""
        try:
            edit = block_library.add_from_library(
                self.project, self.current_network, Path(path), position
            )
        except ProjectFileError as error:
            raise GraphError(
                f"the block library entry cannot be read: {error}"
            ) from None
        self.push(edit)
        return edit.edits[-1].node_ids[0]

    # -- project settings ----------------------------------------------------------
    def set_training(self, settings: dict[str, Any]) -> None:
        self.push(editing.set_project_field(self.project, "training", settings))

    def set_dataset(self, settings: dict[str, Any]) -> None:
        self.push(editing.set_project_field(self.project, "dataset", settings))

    def set_project_name(self, name: str) -> str | None:
        return self._push_or_refuse(
            lambda _g, _n: editing.set_project_field(self.project, "name", name)
        )
