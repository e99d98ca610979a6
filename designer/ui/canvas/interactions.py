"""Editing modes of the canvas, each a small object the scene drives with scene
positions: connecting ports, pulling an edge off an input, and renaming in place.

They call :class:`~designer.ui.document.Document` methods and never touch the
model; tests can drive them directly (``begin``/``move``/``release``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsProxyWidget, QLineEdit

from designer.graph.model import Edge
from designer.ui.canvas.edge_item import DraftEdgeItem
from designer.ui.canvas.node_item import NodeItem
from designer.ui.theme import repolish

if TYPE_CHECKING:
    from designer.ui.canvas.scene import NetworkScene

SNAP_DISTANCE = 28.0


class ConnectInteraction:
    """Drag from an output port to an input port.

    Valid inputs (those that would not make a cycle) are highlighted while
    dragging; invalid ones are not.  Dropping on an occupied input replaces its
    edge.  Started from an existing edge's input end (``detached``), the drag moves
    that end, and dropping it on empty canvas disconnects the edge.
    """

    def __init__(
        self,
        scene: NetworkScene,
        source: str,
        source_port: str,
        detached: Edge | None = None,
    ) -> None:
        self.scene = scene
        self.source = source
        self.source_port = source_port
        self.detached = detached
        self.message: str | None = None
        document = scene.document
        targets = document.connectable_inputs(source, source_port)
        if detached is not None:
            targets.add((detached.target, detached.target_port))
        self.targets: dict[str, frozenset[str]] = {}
        for node_id, port in targets:
            self.targets[node_id] = self.targets.get(node_id, frozenset()) | {port}
        self._hot: tuple[str, str] | None = None
        source_item = scene.node_item(source)
        self.draft = DraftEdgeItem(
            source_item.output_port_pos(source_port), scene.theme
        )
        scene.addItem(self.draft)
        if detached is not None:
            scene.edge_item(detached).setVisible(False)
        for node_id, ports in self.targets.items():
            scene.node_item(node_id).set_drop_ports(ports)

    def target_at(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """The valid input port a drop at ``scene_pos`` would connect to.

        Exactly on a port, that port; over a node's card, its nearest valid input.
        """
        best: tuple[float, tuple[str, str]] | None = None
        for item in self.scene.items(
            scene_pos.x() - SNAP_DISTANCE,
            scene_pos.y() - SNAP_DISTANCE,
            2 * SNAP_DISTANCE,
            2 * SNAP_DISTANCE,
            Qt.ItemSelectionMode.IntersectsItemBoundingRect,
            Qt.SortOrder.DescendingOrder,
        ):
            if not isinstance(item, NodeItem) or item.node_id not in self.targets:
                continue
            over_card = item.card_rect().contains(item.mapFromScene(scene_pos))
            for port in self.targets[item.node_id]:
                delta = item.input_port_pos(port) - scene_pos
                distance = (delta.x() ** 2 + delta.y() ** 2) ** 0.5
                if (distance <= SNAP_DISTANCE or over_card) and (
                    best is None or distance < best[0]
                ):
                    best = (distance, (item.node_id, port))
        return best[1] if best else None

    def move(self, scene_pos: QPointF) -> None:
        target = self.target_at(scene_pos)
        if target != self._hot:
            if self._hot is not None:
                node_id = self._hot[0]
                self.scene.node_item(node_id).set_drop_ports(self.targets[node_id])
            if target is not None:
                self.scene.node_item(target[0]).set_drop_ports(
                    self.targets[target[0]], target[1]
                )
            self._hot = target
        end = (
            self.scene.node_item(target[0]).input_port_pos(target[1])
            if target
            else scene_pos
        )
        self.draft.set_end(end, target is not None)

    def release(self, scene_pos: QPointF) -> str | None:
        """Finish: connect, reroute or disconnect.  Returns a refusal message, if any."""
        target = self.target_at(scene_pos)
        self._finish()
        document = self.scene.document
        if self.detached is not None:
            if target is None:
                document.disconnect(self.detached)
                return None
            self.message = document.reroute(self.detached, *target)
        elif target is not None:
            self.message = document.connect(self.source, self.source_port, *target)
        return self.message

    def cancel(self) -> None:
        self._finish()

    def _finish(self) -> None:
        scene = self.scene
        for node_id in self.targets:
            if scene.has_node_item(node_id):
                scene.node_item(node_id).set_drop_ports(frozenset())
        if self.draft.scene() is scene:
            scene.removeItem(self.draft)
        if self.detached is not None and scene.has_edge_item(self.detached):
            scene.edge_item(self.detached).setVisible(True)


class ReverseConnectInteraction:
    """Drag from a free input port back to an output port (the same gesture the
    other way round); outputs that would make a cycle are not offered."""

    def __init__(self, scene: NetworkScene, target: str, target_port: str) -> None:
        self.scene = scene
        self.target = target
        self.target_port = target_port
        self.detached = None
        self.message: str | None = None
        self.sources: dict[str, frozenset[str]] = {}
        for node_id, port in scene.document.connectable_outputs(target, target_port):
            self.sources[node_id] = self.sources.get(node_id, frozenset()) | {port}
        self._hot: tuple[str, str] | None = None
        self.draft = DraftEdgeItem(
            scene.node_item(target).input_port_pos(target_port), scene.theme
        )
        scene.addItem(self.draft)
        for node_id, ports in self.sources.items():
            scene.node_item(node_id).set_drop_ports(ports, direction="out")

    def source_at(self, scene_pos: QPointF) -> tuple[str, str] | None:
        """The valid output a drop at ``scene_pos`` would take its data from."""
        best: tuple[float, tuple[str, str]] | None = None
        r = SNAP_DISTANCE
        for item in self.scene.items(
            scene_pos.x() - r,
            scene_pos.y() - r,
            2 * r,
            2 * r,
            Qt.ItemSelectionMode.IntersectsItemBoundingRect,
            Qt.SortOrder.DescendingOrder,
        ):
            if not isinstance(item, NodeItem) or item.node_id not in self.sources:
                continue
            over_card = item.card_rect().contains(item.mapFromScene(scene_pos))
            for port in self.sources[item.node_id]:
                delta = item.output_port_pos(port) - scene_pos
                distance = (delta.x() ** 2 + delta.y() ** 2) ** 0.5
                if (distance <= r or over_card) and (
                    best is None or distance < best[0]
                ):
                    best = (distance, (item.node_id, port))
        return best[1] if best else None

    target_at = source_at

    def move(self, scene_pos: QPointF) -> None:
        source = self.source_at(scene_pos)
        if source != self._hot:
            if self._hot is not None:
                self.scene.node_item(self._hot[0]).set_drop_ports(
                    self.sources[self._hot[0]], direction="out"
                )
            if source is not None:
                self.scene.node_item(source[0]).set_drop_ports(
                    self.sources[source[0]], source[1], direction="out"
                )
            self._hot = source
        end = (
            self.scene.node_item(source[0]).output_port_pos(source[1])
            if source
            else scene_pos
        )
        self.draft.set_end(end, source is not None)

    def release(self, scene_pos: QPointF) -> str | None:
        source = self.source_at(scene_pos)
        self._finish()
        if source is not None:
            self.message = self.scene.document.connect(
                *source, self.target, self.target_port
            )
        return self.message

    def cancel(self) -> None:
        self._finish()

    def _finish(self) -> None:
        scene = self.scene
        for node_id in self.sources:
            if scene.has_node_item(node_id):
                scene.node_item(node_id).set_drop_ports(frozenset())
        if self.draft.scene() is scene:
            scene.removeItem(self.draft)


class NameLineEdit(QLineEdit):
    """A line edit that reports Enter, Esc and losing focus."""

    committed = Signal(str)
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.committed.emit(self.text())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.committed.emit(self.text())


class RenameInteraction:
    """An in-place editor over a node's name: Enter commits, Esc cancels.

    A refused name (empty, taken) keeps the editor open, outlined in red, with the
    reason as its tooltip.
    """

    def __init__(self, scene: NetworkScene, node_id: str) -> None:
        self.scene = scene
        self.node_id = node_id
        self.closed = False
        item = scene.node_item(node_id)
        self.editor = NameLineEdit(item.name)
        self.editor.selectAll()
        self.editor.setFont(_editor_font())
        self.editor.setFrame(True)
        rect = item.name_rect()
        self.editor.setFixedSize(int(rect.width()), int(rect.height()) + 4)
        self.proxy = QGraphicsProxyWidget()
        self.proxy.setWidget(self.editor)
        self.proxy.setZValue(10.0)
        scene.addItem(self.proxy)
        self.proxy.setPos(item.mapToScene(rect.topLeft()) - QPointF(0, 2))
        self.editor.committed.connect(self.commit)
        self.editor.cancelled.connect(self.cancel)
        self.proxy.setFocus()
        self.editor.setFocus()

    def commit(self, text: str | None = None) -> str | None:
        if self.closed:
            return None
        text = self.editor.text() if text is None else text
        message = self.scene.document.rename(self.node_id, text)
        if message:
            self.editor.setProperty("invalid", True)  # the stylesheet's red frame
            repolish(self.editor)
            self.editor.setToolTip(message)
            self.scene.messageRequested.emit(message)
            return message
        self._close()
        return None

    def cancel(self) -> None:
        self._close()

    def _close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.editor.committed.disconnect(self.commit)
        self.editor.cancelled.disconnect(self.cancel)
        self.scene.rename_finished(self)
        self.proxy.setWidget(None)
        self.scene.removeItem(self.proxy)
        self.editor.deleteLater()


def _editor_font():
    from designer.ui.canvas.node_item import Fonts

    return Fonts.get().name
