"""The canvas widget: shows the scene of the document's current network.

Zoom with the wheel or Ctrl+= / Ctrl+- (Ctrl+0 for 100 %), pan with the middle
button or Space+drag, F fits everything, Tab or a double-click on empty canvas
opens the quick-add popup, and layers dragged from the palette are dropped here.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCursor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmapCache,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsProxyWidget, QGraphicsView, QWidget

from designer.graph.catalog import has_spec
from designer.graph.model import GraphError
from designer.ui.canvas.metrics import BLOCK_ITEM_PREFIX, LIBRARY_ITEM_PREFIX
from designer.ui.canvas.node_item import OVERVIEW_ZOOM
from designer.ui.canvas.quick_add import QuickAddPopup
from designer.ui.canvas.scene import NetworkScene
from designer.ui.document import Document
from designer.ui.language import LanguageFollower

LAYER_MIME_TYPE = "application/x-designer-layer"
MIN_ZOOM = 0.08
MAX_ZOOM = 4.0
FIT_MAX_ZOOM = 1.25
READABLE_ZOOM = 0.5  # below this the cards' text is too small to read
ZOOM_STEP = 1.2
PIXMAP_CACHE_KB = 256 * 1024


class NetworkView(LanguageFollower, QGraphicsView):
    """A view that follows ``document.current_network`` (one scene per network)."""

    zoomChanged = Signal(float)
    messageRequested = Signal(str)
    nodeActivated = Signal(str)

    def __init__(
        self, document: Document, parent: QWidget | None = None, dark: bool = False
    ) -> None:
        super().__init__(parent)
        self.document = document
        self._dark = dark
        self._high_contrast = False  # presentation mode
        self._snap = True
        self._scenes: dict[str, NetworkScene] = {}
        self._pan_start: QPoint | None = None
        self._space_held = False
        self._fit_pending = True
        self._places: dict[
            str, tuple[float, QPointF]
        ] = {}  # zoom and centre of networks not shown
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(
            QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        # Item caches live in QPixmapCache; its 10 MB default is too small for a
        # large network, and evicted cards would be redrawn on every scroll.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.quick_add = QuickAddPopup(self)
        self.quick_add.chosen.connect(self._quick_add_chosen)
        document.projectReplaced.connect(self._rebuild)
        document.currentNetworkChanged.connect(self._show_network)
        document.centreRequested.connect(self.centre_on_node)
        self._rebuild()

    # -- scenes ---------------------------------------------------------------------
    @property
    def network_scene(self) -> NetworkScene:
        return self._scene_for(self.document.current_network)

    def scenes(self) -> list[NetworkScene]:
        """The scenes built so far (a network's is built when it is first shown)."""
        return list(self._scenes.values())

    def _scene_for(self, network: str) -> NetworkScene:
        scene = self._scenes.get(network)
        if scene is None:
            scene = NetworkScene(self.document, network, self._dark, self)
            scene.snap_to_grid = self._snap
            if self._high_contrast:
                scene.set_theme(self._dark, True)
            scene.messageRequested.connect(self.messageRequested)
            scene.nodeActivated.connect(self.nodeActivated)
            scene.quickAddRequested.connect(self.open_quick_add)
            scene.fitRequested.connect(self.fit_to_view)
            self._scenes[network] = scene
        return scene

    def _rebuild(self) -> None:
        self._places = {}
        self.setScene(None)
        for scene in self._scenes.values():
            scene.dispose()
            scene.deleteLater()
        self._scenes = {}
        self._show_network(self.document.current_network)
        self._fit_pending = True
        if self.isVisible() and self.viewport().width() > 1:
            self.show_start()

    def _show_network(self, network: str) -> None:
        try:
            scene = self._scene_for(network)
        except GraphError:  # an unknown network name: keep what is shown
            return
        current = self.scene()
        if current is not scene:
            if isinstance(current, NetworkScene) and self.viewport().width() > 1:
                centre = self.mapToScene(self.viewport().rect().center())
                self._places[current.network] = (self.zoom, centre)
            self.setScene(scene)
            self._update_caching()
            scene.sync_selection(self.document.selected_ids)
            # Each network keeps its own zoom and place; one shown for the first
            # time opens like a file does (whole, or its start, readable).
            place = self._places.get(network)
            if place is not None:
                self.set_zoom(place[0])
                self.centerOn(place[1])
                self.zoomChanged.emit(self.zoom)
            elif (
                self.isVisible()
                and self.viewport().width() > 1
                and not self._fit_pending
            ):
                self.show_start()

    # -- theme and options ------------------------------------------------------------
    def set_theme(self, dark: bool, high_contrast: bool = False) -> None:
        self._dark = dark
        self._high_contrast = high_contrast
        for scene in self._scenes.values():
            scene.set_theme(dark, high_contrast)
        self.resetCachedContent()
        self.viewport().update()

    @property
    def dark(self) -> bool:
        return self._dark

    def set_snap_to_grid(self, enabled: bool) -> None:
        self._snap = enabled
        for scene in self._scenes.values():
            scene.snap_to_grid = enabled

    @property
    def snap_to_grid(self) -> bool:
        return self._snap

    # -- zoom and pan --------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if abs(zoom - self.zoom) < 1e-9:
            return
        self.scale(zoom / self.zoom, zoom / self.zoom)
        self._update_caching()
        self.zoomChanged.emit(self.zoom)

    def _update_caching(self) -> None:
        scene = self.scene()
        if isinstance(scene, NetworkScene):
            scene.set_item_caching(self.zoom >= OVERVIEW_ZOOM)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_to_view(self, max_zoom: float = FIT_MAX_ZOOM) -> None:
        """Show every node, at most a little larger than life (``max_zoom``)."""
        self._fit_pending = False
        rect = self.network_scene.items_rect()
        if rect.isNull():
            self.resetTransform()
            self.centerOn(0, 0)
            self.zoomChanged.emit(self.zoom)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._update_caching()
        if self.zoom > max_zoom:
            self.set_zoom(max_zoom)
            self.centerOn(rect.center())
        elif self.zoom < MIN_ZOOM:
            self.set_zoom(MIN_ZOOM)
            self.centerOn(rect.center())
        self.zoomChanged.emit(self.zoom)

    def centre_on_node(self, node_id: str) -> None:
        scene = self.network_scene
        if scene.has_node_item(node_id):
            self.centerOn(scene.node_item(node_id).sceneBoundingRect().center())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta().y() or event.angleDelta().x()
        if not delta:
            return
        self.set_zoom(self.zoom * ZOOM_STEP ** (delta / 120))
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._fit_pending:
            QTimer.singleShot(0, self._fit_if_pending)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit_pending and self.isVisible():
            self._fit_if_pending()

    def _fit_if_pending(self) -> None:
        if self._fit_pending and self.viewport().width() > 1:
            self.show_start()

    def show_start(self) -> None:
        """How a freshly opened network is shown: all of it when that is readable,
        else its beginning (the inputs, on the left) at a readable zoom."""
        self.fit_to_view()
        if self.zoom >= READABLE_ZOOM:
            return
        rect = self.network_scene.items_rect()
        self.set_zoom(READABLE_ZOOM)
        half_width = self.viewport().width() / 2 / self.zoom
        self.centerOn(QPointF(rect.left() - 30 + half_width, rect.center().y()))
        self.zoomChanged.emit(self.zoom)

    def _editing(self) -> bool:
        scene = self.scene()
        return scene is not None and isinstance(scene.focusItem(), QGraphicsProxyWidget)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space_held and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_start = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_start is not None:
            now = event.position().toPoint()
            delta = now - self._pan_start
            self._pan_start = now
            self.pan_by(delta.x(), delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_start is not None:
            self._pan_start = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor
                if self._space_held
                else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the content by (dx, dy) viewport pixels."""
        self.horizontalScrollBar().setValue(
            self.horizontalScrollBar().value() - int(dx)
        )
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(dy))

    # -- keys -----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Tab would move the focus away; on the canvas it opens the quick-add popup.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and not self._editing()
        ):
            self.open_quick_add()
            return True
        return super().event(event)

    def retranslate(self) -> None:
        """Cards are no widgets: give every built scene's cards their texts again."""
        for scene in self._scenes.values():
            for item in scene.node_items():
                if scene.graph.has_node(item.node_id):
                    item.set_node(scene.graph.node(item.node_id))
            scene.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._editing():
            super().keyPressEvent(event)
            return
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.setInteractive(False)
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key == Qt.Key.Key_F and not ctrl:
            self.fit_to_view()
        elif ctrl and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.zoom_in()
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif ctrl and key == Qt.Key.Key_0:
            self.reset_zoom()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if (
            event.key() == Qt.Key.Key_Space
            and not event.isAutoRepeat()
            and self._space_held
        ):
            self._space_held = False
            self.setInteractive(True)
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # -- quick add ------------------------------------------------------------------------
    def open_quick_add(self, scene_pos: QPointF | None = None) -> QuickAddPopup:
        if scene_pos is None:
            local = self.viewport().mapFromGlobal(QCursor.pos())
            if not self.viewport().rect().contains(local):
                local = self.viewport().rect().center()
            scene_pos = self.mapToScene(local)
        global_pos = self.viewport().mapToGlobal(self.mapFromScene(scene_pos))
        self.quick_add.popup(global_pos, scene_pos)
        return self.quick_add

    def _quick_add_chosen(self, layer_type: str, scene_pos: QPointF) -> None:
        self.network_scene.add_layer_at(layer_type, scene_pos)
        self.setFocus()

    # -- drops from the palette -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(LAYER_MIME_TYPE):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(LAYER_MIME_TYPE):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(LAYER_MIME_TYPE):
            scene_pos = self.mapToScene(event.position().toPoint())
            if self.add_dropped_layer(event.mimeData(), scene_pos) is not None:
                event.acceptProposedAction()
                self.setFocus()
            else:
                event.ignore()
            return
        super().dropEvent(event)

    def add_dropped_layer(self, mime: QMimeData, scene_pos: QPointF) -> str | None:
        """What a palette drop does: add the layer named in the mime data at ``scene_pos``."""
        raw = bytes(mime.data(LAYER_MIME_TYPE).data())[:200]
        layer_type = raw.decode("utf-8", errors="replace").strip()
        block = layer_type.startswith((BLOCK_ITEM_PREFIX, LIBRARY_ITEM_PREFIX))
        if not has_spec(layer_type) and not block:
            self.messageRequested.emit(
                self.tr("cannot add {0}: there is no such layer type").format(
                    repr(layer_type)
                )
            )
            return None
        try:
            return self.network_scene.add_layer_at(layer_type, scene_pos)
        except GraphError as error:
            self.messageRequested.emit(str(error))
            return None

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
