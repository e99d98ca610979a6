"""Connections: a smooth cubic Bézier from an output port to an input port, labelled
with the shape of the tensor it carries, red when the node it feeds has an error."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.graph.model import Edge
from designer.ui.canvas.colors import CanvasTheme
from designer.ui.canvas.metrics import NODE_WIDTH
from designer.ui.canvas.node_item import Fonts, NodeItem

EDGE_TYPE = QGraphicsItem.UserType + 2
LABEL_PADDING_X = 7.0
LABEL_HEIGHT = 22.0
MIN_LABEL_ZOOM = 0.45


def bezier(start: QPointF, end: QPointF) -> QPainterPath:
    """A left-to-right S curve; backwards connections loop out and come back."""
    dx = end.x() - start.x()
    reach = max(abs(dx) * 0.5, 60.0) if dx >= 0 else max(abs(dx) * 0.35, 120.0)
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x() + reach, start.y()), QPointF(end.x() - reach, end.y()), end)
    return path


def crosses(path: QPainterPath, rect: QRectF) -> bool:
    """Whether the line of ``path`` (not the area it encloses) runs through ``rect``."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2.0)
    return stroker.createStroke(path).intersects(rect)


def detour(start: QPointF, end: QPointF, level: float, left: float, right: float) -> QPainterPath:
    """Leave ``start``, run level at ``level`` from ``left`` to ``right`` (past the
    cards in the way), then land on ``end``: how skip connections are drawn."""
    left = max(left, start.x() + 30.0)
    right = min(max(right, left), end.x() - 30.0)
    path = QPainterPath(start)
    half = (left - start.x()) / 2
    path.cubicTo(QPointF(start.x() + half, start.y()), QPointF(left - half, level), QPointF(left, level))
    path.lineTo(QPointF(right, level))
    half = (end.x() - right) / 2
    path.cubicTo(QPointF(right + half, level), QPointF(end.x() - half, end.y()), end)
    return path


# Looked up once: Qt enum attributes are slow to reach from Python in paint code.
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_BRUSH = Qt.BrushStyle.NoBrush
_PENS: dict[tuple[bool, bool, bool], QPen] = {}
ARCH_CLEARANCE = 36.0
LABEL_GAP = 22.0
LABEL_MARGIN = 14.0


class EdgeItem(QGraphicsItem):
    """The item of one model :class:`Edge`; drawn in scene coordinates."""

    def __init__(self, edge: Edge, source: NodeItem, target: NodeItem, theme: CanvasTheme) -> None:
        super().__init__()
        self.edge = edge
        self.source_item = source
        self.target_item = target
        self._theme = theme
        self._label = ""
        self._error = False
        self._path = QPainterPath()
        self._hit: QPainterPath | None = None
        self._bounds = QRectF()
        self._label_rect = QRectF()
        self._arched = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        # Panning then only copies pixels; the cache is redrawn when the edge changes.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(0.0)
        self.update_path()

    def type(self) -> int:
        return EDGE_TYPE

    # -- content --------------------------------------------------------------------
    @property
    def label(self) -> str:
        return self._label

    @property
    def has_error(self) -> bool:
        return self._error

    def set_analysis(self, label: str, error: bool) -> bool:
        if (label, error) == (self._label, self._error):
            return False
        relayout = label != self._label
        self._label, self._error = label, error
        if relayout:
            self.prepareGeometryChange()
            self._layout_label()
        else:
            self.update()
        return True

    def set_theme(self, theme: CanvasTheme) -> None:
        self._theme = theme
        self.update()

    # -- geometry ---------------------------------------------------------------------
    def start_point(self) -> QPointF:
        return self.source_item.output_port_pos(self.edge.source_port)

    def end_point(self) -> QPointF:
        return self.target_item.input_port_pos(self.edge.target_port)

    def _blockers(self, path: QPainterPath) -> list[QRectF]:
        """Cards of other nodes that the curve would run through."""
        scene = self.scene()
        if scene is None:
            return []
        ends = (self.source_item, self.target_item)
        area = path.boundingRect()
        candidates = [
            item.mapRectToScene(item.card_rect())
            for item in scene.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
            if isinstance(item, NodeItem) and item not in ends
        ]
        candidates = [card for card in candidates if card.intersects(area)]
        if not candidates:
            return []
        stroker = QPainterPathStroker()
        stroker.setWidth(2.0)
        line = stroker.createStroke(path)
        return [card for card in candidates if line.intersects(card)]

    def _route(self, start: QPointF, end: QPointF) -> QPainterPath:
        """The plain S curve, or an arch over (or under) the cards it would cross,
        as skip connections are drawn in architecture diagrams."""
        path = bezier(start, end)
        self._arched = False
        if end.x() - start.x() < NODE_WIDTH:
            return path  # no card fits between the ends: nothing to go around
        blockers = self._blockers(path)
        self._arched = bool(blockers)
        if not blockers:
            return path
        above = min(card.top() for card in blockers) - ARCH_CLEARANCE - LABEL_HEIGHT / 2
        below = max(card.bottom() for card in blockers) + ARCH_CLEARANCE + LABEL_HEIGHT / 2
        middle = (start.y() + end.y()) / 2
        level = above if middle - above <= below - middle else below
        left = min(card.left() for card in blockers) - 12.0
        right = max(card.right() for card in blockers) + 12.0
        return detour(start, end, level, left, right)

    def update_path(self) -> None:
        """Re-route after an end moved (or a card appeared in the way)."""
        self.prepareGeometryChange()
        self._path = self._route(self.start_point(), self.end_point())
        self._hit = None
        self._layout_label()

    def _layout_label(self) -> None:
        bounds = self._path.boundingRect()
        width = QFontMetricsF(Fonts.get().label).horizontalAdvance(self._label) + 2 * LABEL_PADDING_X if self._label else 0.0
        span = self._path.pointAtPercent(1.0).x() - self._path.pointAtPercent(0.0).x()
        # Between cards too close for it the label would cover the ports; the cards
        # show their shapes anyway, so it is left out there.
        if self._label and (self._arched or span >= width + 2 * LABEL_MARGIN):
            centre = self._label_centre(width)
            self._label_rect = QRectF(centre.x() - width / 2, centre.y() - LABEL_HEIGHT / 2, width, LABEL_HEIGHT)
            bounds = bounds.united(self._label_rect)
        else:
            self._label_rect = QRectF()
        self._bounds = bounds.adjusted(-4, -4, 4, 4)
        self._hit = None
        self.update()

    def _label_centre(self, width: float) -> QPointF:
        """Just before the input port, where the curve runs level (so labels of edges
        that fan out do not pile up); the middle for short edges and arches."""
        path = self._path
        start, end = path.pointAtPercent(0.0), path.pointAtPercent(1.0)
        wanted_x = end.x() - LABEL_GAP - width / 2
        if wanted_x - width / 2 < start.x() + LABEL_GAP or self._arched:
            return path.pointAtPercent(0.5)
        low, high = 0.5, 1.0  # x grows along a forward curve: bisect for wanted_x
        for _ in range(14):
            middle = (low + high) / 2
            if path.pointAtPercent(middle).x() < wanted_x:
                low = middle
            else:
                high = middle
        return path.pointAtPercent((low + high) / 2)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._hit is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(12.0)
            self._hit = stroker.createStroke(self._path)
            if not self._label_rect.isNull():
                self._hit.addRect(self._label_rect)
        return self._hit

    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def label_rect(self) -> QRectF:
        return QRectF(self._label_rect)

    # -- painting -----------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self._theme
        painter.setRenderHint(_ANTIALIASING, True)
        selected = self.isSelected()
        key = (theme.dark, selected, self._error)
        pen = _PENS.get(key)
        if pen is None:
            color = theme.selection if selected else theme.error if self._error else theme.edge
            pen = _PENS[key] = QPen(color, 3.2 if selected else 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(self._path)
        zoom = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if self._label_rect.isNull() or zoom < MIN_LABEL_ZOOM:
            return
        painter.setPen(QPen(theme.error if self._error else theme.label_border, 1.2))
        painter.setBrush(theme.label_fill)
        painter.drawRoundedRect(self._label_rect, LABEL_HEIGHT / 2, LABEL_HEIGHT / 2)
        painter.setFont(Fonts.get().label)
        painter.setPen(theme.error if self._error else theme.label_text)
        painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self._label)


class DraftEdgeItem(QGraphicsItem):
    """The dashed curve that follows the mouse while a connection is being dragged."""

    def __init__(self, start: QPointF, theme: CanvasTheme) -> None:
        super().__init__()
        self._start = QPointF(start)
        self._end = QPointF(start)
        self._theme = theme
        self._valid = False
        self._path = bezier(self._start, self._end)
        self.setZValue(3.0)

    def set_end(self, end: QPointF, valid: bool) -> None:
        self.prepareGeometryChange()
        self._end = QPointF(end)
        self._valid = valid
        self._path = bezier(self._start, self._end)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._path.boundingRect().adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        color = QColor(self._theme.highlight if self._valid else self._theme.edge)
        pen = QPen(color, 2.6, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPath(self._path)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(self._end, 5.0, 5.0)
