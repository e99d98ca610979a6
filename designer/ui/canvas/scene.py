"""The scene of one network: node and edge items that follow the model.

The scene subscribes to its graph's events (nodes and edges appear, move, change)
and to the document's ``analysisChanged`` (shapes, badges, edge labels) and
updates only the items concerned.  User gestures become Document calls; the
resulting model events update the items, so undo and redo need no special code.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsProxyWidget,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
    QToolTip,
)

from designer.graph.events import (
    EdgeAdded,
    EdgeRemoved,
    GraphEvent,
    NodeAdded,
    NodeMoved,
    NodeRemoved,
    NodeRenamed,
    ParamChanged,
)
from designer.graph.model import Edge, Graph
from designer.graph.shape import format_shape
from designer.ui.canvas import scene_menus
from designer.ui.canvas.card_text import port_description
from designer.ui.canvas.colors import CanvasTheme, theme_for
from designer.ui.canvas.edge_item import EdgeItem
from designer.ui.canvas.grid import draw_grid
from designer.ui.canvas.interactions import (
    ConnectInteraction,
    RenameInteraction,
    ReverseConnectInteraction,
)
from designer.ui.canvas.metrics import (
    BLOCK_ITEM_PREFIX,
    GRID,
    HEADER_HEIGHT,
    LIBRARY_ITEM_PREFIX,
    NODE_WIDTH,
    port_anchor_for,
    snap,
)
from designer.ui.canvas.node_item import PORT_HIT_RADIUS, NodeItem
from designer.ui.document import Document
from designer.ui.problem_text import problem_message

SCENE_EXTENT = 100_000.0


class NetworkScene(QGraphicsScene):
    """Items for ``document.project.network(network)``."""

    messageRequested = Signal(str)  # a refusal to show in the status bar
    nodeActivated = Signal(str)  # double-click on a node body: e.g. focus the inspector
    quickAddRequested = Signal(QPointF)  # double-click on empty canvas (scene position)
    fitRequested = Signal()

    def __init__(
        self, document: Document, network: str, dark: bool = False, parent=None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.network = network
        self.theme: CanvasTheme = theme_for(dark)
        self.snap_to_grid = True
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[Edge, EdgeItem] = {}
        self._connect: ConnectInteraction | ReverseConnectInteraction | None = None
        self._rename: RenameInteraction | None = None
        self._drag_start: dict[str, QPointF] | None = None
        self._dragging = False
        self._syncing = False
        self._deferring = False
        self._over_port = False
        self._caching = True
        self._pending_edges: set[EdgeItem] = set()
        self.setSceneRect(
            QRectF(-SCENE_EXTENT / 2, -SCENE_EXTENT / 2, SCENE_EXTENT, SCENE_EXTENT)
        )
        self._graph: Graph = document.project.network(network)
        self._graph.subscribe(self._on_event)
        document.analysisChanged.connect(self._on_analysis)
        document.selectionChanged.connect(self.sync_selection)
        self.selectionChanged.connect(self._on_scene_selection)
        self._build()

    def dispose(self) -> None:
        """Stop following the model (call before dropping the scene)."""
        self._graph.unsubscribe(self._on_event)
        for signal, slot in (
            (self.document.analysisChanged, self._on_analysis),
            (self.document.selectionChanged, self.sync_selection),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    @property
    def graph(self) -> Graph:
        return self._graph

    # -- items --------------------------------------------------------------------------
    def _build(self) -> None:
        for node in self._graph.nodes:
            self._add_node_item(node)
        for edge in self._graph.edges:
            self._add_edge_item(edge)
        self._on_analysis()

    def node_item(self, node_id: str) -> NodeItem:
        return self._nodes[node_id]

    def has_node_item(self, node_id: str) -> bool:
        return node_id in self._nodes

    def edge_item(self, edge: Edge) -> EdgeItem:
        return self._edges[edge]

    def has_edge_item(self, edge: Edge) -> bool:
        return edge in self._edges

    def node_items(self) -> list[NodeItem]:
        return list(self._nodes.values())

    def edge_items(self) -> list[EdgeItem]:
        return list(self._edges.values())

    def _add_node_item(self, node) -> NodeItem:
        item = NodeItem(node, self.theme)
        if not self._caching:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self._nodes[node.id] = item
        self.addItem(item)
        return item

    def _add_edge_item(self, edge: Edge) -> EdgeItem:
        source, target = self._nodes[edge.source], self._nodes[edge.target]
        item = EdgeItem(edge, source, target, self.theme)
        if not self._caching:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        source.edges.append(item)
        target.edges.append(item)
        self._edges[edge] = item
        self.addItem(item)
        item.update_path()  # now that it can see the cards it must route around
        return item

    def _remove_edge_item(self, edge: Edge) -> None:
        item = self._edges.pop(edge, None)
        if item is None:
            return
        for end in (item.source_item, item.target_item):
            if item in end.edges:
                end.edges.remove(item)
        self.removeItem(item)

    # -- following the model ------------------------------------------------------------------
    def _on_event(self, event: GraphEvent) -> None:
        if isinstance(event, NodeAdded):
            self._add_node_item(event.node)
        elif isinstance(event, NodeRemoved):
            if self._rename is not None and self._rename.node_id == event.node.id:
                self._rename.cancel()
            item = self._nodes.pop(event.node.id, None)
            if item is not None:
                for edge_item in list(item.edges):
                    self._remove_edge_item(edge_item.edge)
                self.removeItem(item)
        elif isinstance(event, EdgeAdded):
            self._add_edge_item(event.edge)
        elif isinstance(event, EdgeRemoved):
            self._remove_edge_item(event.edge)
        elif isinstance(event, ParamChanged | NodeRenamed):
            item = self._nodes[event.node.id]
            item.set_node(event.node)
            for edge_item in item.edges:
                edge_item.update_path()
        elif isinstance(event, NodeMoved):
            # Several nodes move in one command: route each touched edge once, later.
            self._deferring = True
            try:
                self._nodes[event.node.id].setPos(QPointF(*event.new))
            finally:
                self._deferring = False

    def defer_edge_updates(self, edges: list[EdgeItem]) -> bool:
        """Called by a node item that moved: while the model is moving nodes, queue
        its edges to be re-routed once each (returns False to have them done now)."""
        if not self._deferring:
            return False
        if not self._pending_edges:
            QTimer.singleShot(0, self.flush_edge_updates)
        self._pending_edges.update(edges)
        return True

    def flush_edge_updates(self) -> None:
        pending, self._pending_edges = self._pending_edges, set()
        for item in pending:
            if item.scene() is self:
                item.update_path()

    def _on_analysis(self) -> None:
        shapes = self.document.analysis.get(self.network)
        if shapes is None or shapes.graph is not self._graph:
            return
        errors: dict[str, list[str]] = defaultdict(list)
        warnings: dict[str, list[str]] = defaultdict(list)
        for problem in shapes.problems:
            if problem.node is not None:
                (errors if problem.is_error else warnings)[problem.node].append(
                    problem_message(problem, self._graph.node(problem.node))
                )
        for node_id, item in self._nodes.items():
            info = shapes.nodes.get(node_id)
            shape = info.shape if info is not None and info.error is None else None
            item.set_analysis(
                shape,
                info.params if info else 0,
                errors.get(node_id, []),
                warnings.get(node_id, []),
            )
        for edge, item in self._edges.items():
            shape = shapes.edge_shape(edge)
            item.set_analysis(
                format_shape(shape) if shape is not None else "",
                item.target_item.has_error,
            )

    # -- selection ----------------------------------------------------------------------------
    def selected_node_ids(self) -> list[str]:
        return [
            item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)
        ]

    def selected_edges(self) -> list[Edge]:
        return [
            item.edge for item in self.selectedItems() if isinstance(item, EdgeItem)
        ]

    def _on_scene_selection(self) -> None:
        if self._syncing or self.document.current_network != self.network:
            return
        self._syncing = True
        try:
            self.document.set_selection(self.selected_node_ids())
        finally:
            self._syncing = False

    def sync_selection(self, ids: list[str]) -> None:
        """Select exactly the items of ``ids`` (the document's selection)."""
        if self._syncing or self.document.current_network != self.network:
            return
        wanted = set(ids)
        self._syncing = True
        try:
            for node_id, item in self._nodes.items():
                if item.isSelected() != (node_id in wanted):
                    item.setSelected(node_id in wanted)
        finally:
            self._syncing = False

    def select_all(self) -> None:
        self.document.set_selection(list(self._nodes))

    # -- themes and snapping --------------------------------------------------------------------
    def set_theme(self, dark: bool, high_contrast: bool = False) -> None:
        self.theme = theme_for(dark, high_contrast)
        for item in self._nodes.values():
            item.set_theme(self.theme)
        for item in self._edges.values():
            item.set_theme(self.theme)
        self.update()

    def set_item_caching(self, enabled: bool) -> None:
        """Cache each item's pixels (fast scrolling at reading zoom) or not (far out,
        where every zoom step would redraw hundreds of caches anyway)."""
        if enabled == self._caching:
            return
        self._caching = enabled
        mode = (
            QGraphicsItem.CacheMode.DeviceCoordinateCache
            if enabled
            else QGraphicsItem.CacheMode.NoCache
        )
        for item in self._nodes.values():
            item.setCacheMode(mode)
        for item in self._edges.values():
            item.setCacheMode(mode)

    def snap_position(self, position: QPointF, anchor: float = 0.0) -> QPointF:
        """Used by node items while being dragged: keep them on the grid."""
        if not (self._dragging and self.snap_to_grid):
            return position
        # The ports' height goes on a grid line (as tidy layout puts it), not the top.
        return QPointF(snap(position.x()), snap(position.y() + anchor) - anchor)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's name
        """The canvas colour and a subtle grid (minor lines fade out when zoomed out)."""
        draw_grid(painter, rect, self.theme)

    # -- hit testing ------------------------------------------------------------------------------
    def node_at(self, scene_pos: QPointF) -> NodeItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, NodeItem) and item.shape().contains(
                item.mapFromScene(scene_pos)
            ):
                return item
        return None

    def port_at(self, scene_pos: QPointF) -> tuple[str, str, str] | None:
        """(node id, "in" | "out", port) of the port under ``scene_pos``."""
        r = PORT_HIT_RADIUS
        area = QRectF(scene_pos.x() - r, scene_pos.y() - r, 2 * r, 2 * r)
        for item in self.items(area):
            if isinstance(item, NodeItem):
                hit = item.port_at(scene_pos)
                if hit is not None:
                    return (item.node_id, *hit)
        return None

    def edge_at(self, scene_pos: QPointF) -> EdgeItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, EdgeItem) and item.isVisible():
                return item
        return None

    # -- interactions ---------------------------------------------------------------------------
    @property
    def connect_interaction(
        self,
    ) -> ConnectInteraction | ReverseConnectInteraction | None:
        return self._connect

    def begin_connection(
        self, scene_pos: QPointF
    ) -> ConnectInteraction | ReverseConnectInteraction | None:
        """Start dragging a connection if ``scene_pos`` is on a port: from an output;
        from a connected input (pulling that edge's end away); or from a free input
        back to an output."""
        hit = self.port_at(scene_pos)
        if hit is None:
            return None
        node_id, direction, port = hit
        if direction == "out":
            self._connect = ConnectInteraction(self, node_id, port)
        else:
            edge = self._graph.edge_into(node_id, port)
            if edge is None:
                self._connect = ReverseConnectInteraction(self, node_id, port)
            else:
                self._connect = ConnectInteraction(
                    self, edge.source, edge.source_port, detached=edge
                )
        self._connect.move(scene_pos)
        return self._connect

    def finish_connection(self, scene_pos: QPointF) -> str | None:
        interaction, self._connect = self._connect, None
        if interaction is None:
            return None
        message = interaction.release(scene_pos)
        if message:
            self.messageRequested.emit(message)
        return message

    def cancel_connection(self) -> None:
        interaction, self._connect = self._connect, None
        if interaction is not None:
            interaction.cancel()

    def start_rename(self, node_id: str) -> RenameInteraction:
        if self._rename is not None:
            self._rename.commit()
            if self._rename is not None:
                self._rename.cancel()
        self._rename = RenameInteraction(self, node_id)
        return self._rename

    @property
    def rename_interaction(self) -> RenameInteraction | None:
        return self._rename

    def rename_finished(self, interaction: RenameInteraction) -> None:
        if self._rename is interaction:
            self._rename = None

    def delete_selection(self) -> None:
        self.document.delete(self.selected_node_ids(), self.selected_edges())

    def nudge_selection(self, dx: float, dy: float) -> None:
        moves = {}
        for node_id in self.selected_node_ids():
            old = self._graph.node(node_id).position
            moves[node_id] = (old, (old[0] + dx, old[1] + dy))
        self.document.move_nodes(moves)

    # -- mouse and keys ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt's name
        left = event.button() == Qt.MouseButton.LeftButton
        if (
            left
            and not self._editor_under(event.scenePos())
            and self.begin_connection(event.scenePos())
        ):
            event.accept()
            return
        super().mousePressEvent(event)
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.node_at(event.scenePos()) is not None
        ):
            self._dragging = True
            self._drag_start = {
                item.node_id: item.pos()
                for item in self.selectedItems()
                if isinstance(item, NodeItem)
            }

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._connect is not None:
            self._connect.move(event.scenePos())
            event.accept()
            return
        if self.mouseGrabberItem() is None:  # not while dragging a node
            hit = self.port_at(event.scenePos())
            self._show_port_cursor(hit is not None)
            if hit is not None and event.widget() is not None:
                QToolTip.showText(
                    event.screenPos(), self.port_description(*hit), event.widget()
                )
        super().mouseMoveEvent(event)

    def port_description(self, node_id: str, direction: str, port: str) -> str:
        """What a port's tooltip says: which port, and the shape that flows through it."""
        shapes = self.document.analysis.get(self.network)
        return port_description(self._graph, shapes, node_id, direction, port)

    def _show_port_cursor(self, over_port: bool) -> None:
        """A cross over ports says "drag from here to connect"."""
        if over_port == self._over_port:
            return
        self._over_port = over_port
        for view in self.views():
            if over_port:
                view.viewport().setCursor(Qt.CursorShape.CrossCursor)
            else:
                view.viewport().unsetCursor()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._connect is not None and event.button() == Qt.MouseButton.LeftButton:
            self.finish_connection(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self._dragging = False
        self.finish_drag()

    def finish_drag(self) -> None:
        """Record the nodes moved by a drag as one undoable move."""
        start, self._drag_start = self._drag_start, None
        if not start:
            return
        moves = {}
        for node_id, old in start.items():
            item = self._nodes.get(node_id)
            if item is not None and item.pos() != old:
                moves[node_id] = ((old.x(), old.y()), (item.pos().x(), item.pos().y()))
        self.document.move_nodes(moves)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self._editor_under(
            event.scenePos()
        ):
            super().mouseDoubleClickEvent(event)
            return
        item = self.node_at(event.scenePos())
        if item is not None:
            if item.name_rect().contains(item.mapFromScene(event.scenePos())):
                self.start_rename(item.node_id)
            else:
                self.nodeActivated.emit(item.node_id)
            event.accept()
            return
        if self.edge_at(event.scenePos()) is None:
            self.quickAddRequested.emit(event.scenePos())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _editor_under(self, scene_pos: QPointF) -> bool:
        item = self.itemAt(scene_pos, QTransform())
        return isinstance(item, QGraphicsProxyWidget)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if isinstance(self.focusItem(), QGraphicsProxyWidget):
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif key == Qt.Key.Key_Escape:
            if self._connect is not None:
                self.cancel_connection()
            else:
                self.document.set_selection([])
                self.clearSelection()
        elif key == Qt.Key.Key_F2 and len(self.selected_node_ids()) == 1:
            self.start_rename(self.selected_node_ids()[0])
        elif key in _NUDGES and self.selected_node_ids():
            dx, dy = _NUDGES[key]
            self.nudge_selection(dx * GRID, dy * GRID)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- context menus ---------------------------------------------------------------------------
    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        position = event.scenePos()
        node = self.node_at(position)
        edge = self.edge_at(position) if node is None else None
        if node is not None:
            if not node.isSelected():
                self.document.set_selection([node.node_id])
            menu = self.node_menu(node.node_id)
        elif edge is not None:
            menu = self.edge_menu(edge.edge)
        else:
            menu = self.canvas_menu(position)
        menu.exec(event.screenPos())
        menu.deleteLater()
        event.accept()

    def node_menu(self, node_id: str) -> QMenu:
        return scene_menus.node_menu(self, node_id)

    def edge_menu(self, edge: Edge) -> QMenu:
        return scene_menus.edge_menu(self, edge)

    def canvas_menu(self, scene_pos: QPointF) -> QMenu:
        return scene_menus.canvas_menu(self, scene_pos)

    def add_layer_at(self, layer_type: str, scene_pos: QPointF) -> str:
        """Add a layer so that its header sits under ``scene_pos`` (snapped to the grid)."""
        x = scene_pos.x() - NODE_WIDTH / 2
        y = scene_pos.y() - HEADER_HEIGHT / 2
        block = layer_type.removeprefix(BLOCK_ITEM_PREFIX)
        entry = layer_type.removeprefix(LIBRARY_ITEM_PREFIX)
        if self.snap_to_grid:
            layer = block == entry == layer_type
            anchor = port_anchor_for(layer_type) if layer else 0.0
            x, y = snap(x), snap(y + anchor) - anchor
        if self.document.current_network != self.network:
            self.document.set_current_network(self.network)
        if block != layer_type:  # a use of one of the project's blocks
            node_id = self.document.add_block_use(block, (x, y))
        elif entry != layer_type:  # a block from the library
            node_id = self.document.add_library_block(entry, (x, y))
        else:
            node_id = self.document.add_node(layer_type, (x, y))
        self.document.set_selection([node_id])
        return node_id

    def items_rect(self, ids: Iterable[str] | None = None) -> QRectF:
        chosen = (
            self._nodes.values()
            if ids is None
            else [self._nodes[i] for i in ids if i in self._nodes]
        )
        rect = QRectF()
        for item in chosen:
            rect = rect.united(item.sceneBoundingRect())
        if ids is None:  # with the edges that run outside the cards (between bands)
            for edge in self._edges.values():
                rect = rect.united(edge.sceneBoundingRect())
        return rect


_NUDGES = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
