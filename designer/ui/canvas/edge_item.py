"""Connections: a smooth cubic Bézier from an output port to an input port, labelled
with the shape of the tensor it carries, red when the node it feeds has an error.

Skip connections arch over the cards between their ends; an edge into a card
further left and lower (from the end of one band of a wrapped layout to the start
of the next) runs back through the gap between the bands."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.graph.model import Edge
from designer.ui.canvas.colors import CanvasTheme
from designer.ui.canvas.labels import LABEL_MARGIN, label_width
from designer.ui.canvas.metrics import NODE_WIDTH
from designer.ui.canvas.node_item import Fonts, NodeItem

EDGE_TYPE = QGraphicsItem.UserType + 2
LABEL_HEIGHT = 22.0
RETURN_HOOK = 44.0  # how far a returning edge swings out past its ends
SKIP_TURN = 8.0  # how far an edge that skips bands runs out of its port before turning
MIN_LABEL_ZOOM = 0.45


def bezier(start: QPointF, end: QPointF) -> QPainterPath:
    """A left-to-right S curve; backwards connections loop out and come back."""
    dx = end.x() - start.x()
    reach = max(abs(dx) * 0.5, 60.0) if dx >= 0 else max(abs(dx) * 0.35, 120.0)
    path = QPainterPath(start)
    path.cubicTo(
        QPointF(start.x() + reach, start.y()), QPointF(end.x() - reach, end.y()), end
    )
    return path


def crosses(path: QPainterPath, rect: QRectF) -> bool:
    """Whether the line of ``path`` (not the area it encloses) runs through ``rect``."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2.0)
    return stroker.createStroke(path).intersects(rect)


def detour(
    start: QPointF, end: QPointF, level: float, left: float, right: float
) -> QPainterPath:
    """Leave ``start``, run level at ``level`` from ``left`` to ``right`` (past the
    cards in the way), then land on ``end``: how skip connections are drawn."""
    left = max(left, start.x() + 30.0)
    right = min(max(right, left), end.x() - 30.0)
    path = QPainterPath(start)
    half = (left - start.x()) / 2
    path.cubicTo(
        QPointF(start.x() + half, start.y()),
        QPointF(left - half, level),
        QPointF(left, level),
    )
    path.lineTo(QPointF(right, level))
    half = (end.x() - right) / 2
    path.cubicTo(QPointF(right + half, level), QPointF(end.x() - half, end.y()), end)
    return path


def rounded_polyline(points: list[QPointF], radius: float) -> QPainterPath:
    """A path through ``points`` whose corners are rounded off by up to ``radius``."""
    path = QPainterPath(points[0])
    for before, corner, after in zip(points, points[1:], points[2:], strict=False):
        into = corner - before
        out = after - corner
        into_length = max((into.x() ** 2 + into.y() ** 2) ** 0.5, 1e-9)
        out_length = max((out.x() ** 2 + out.y() ** 2) ** 0.5, 1e-9)
        cut = min(radius, into_length / 2, out_length / 2)
        path.lineTo(corner - into * (cut / into_length))
        path.quadTo(corner, corner + out * (cut / out_length))
    path.lineTo(points[-1])
    return path


def returning(
    start: QPointF,
    end: QPointF,
    level: float,
    hook: float = RETURN_HOOK,
    down: tuple[float, float] | None = None,
) -> QPainterPath:
    """Leave ``start`` rightwards, turn round to run back left at ``level``, and
    turn again into ``end`` (which lies to the left): the edge between two bands.
    With ``down`` = (x, lower level) it first runs right at ``level`` to x, down the
    right margin, and back left at the lower level: an edge that skips bands."""
    # An edge that skips bands leaves a card that feeds its neighbour too, and
    # enters one fed from its left: it turns at once, clear of those edges' labels.
    turn = SKIP_TURN if down is not None else hook
    out_x, in_x = start.x() + turn, end.x() - turn
    points = [start, QPointF(out_x, start.y()), QPointF(out_x, level)]
    if down is not None:
        margin, level = down
        points += [QPointF(margin, points[-1].y()), QPointF(margin, level)]
    points += [QPointF(in_x, level), QPointF(in_x, end.y()), end]
    return rounded_polyline(
        points, min(hook * 0.8, SKIP_TURN) if down is not None else hook * 0.8
    )


# Looked up once: Qt enum attributes are slow to reach from Python in paint code.
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_BRUSH = Qt.BrushStyle.NoBrush
_PENS: dict[tuple[bool, bool, bool], QPen] = {}
ARCH_CLEARANCE = 36.0
LABEL_GAP = 22.0


class EdgeItem(QGraphicsItem):
    """The item of one model :class:`Edge`; drawn in scene coordinates."""

    def __init__(
        self, edge: Edge, source: NodeItem, target: NodeItem, theme: CanvasTheme
    ) -> None:
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
        self._returning = False
        self._label_anchor = QPointF()  # where a returning edge's label goes
        self._anchor_is_left_end = False  # the label starts there (else is centred)
        self._duplicate = False  # the same label of a sibling edge is drawn over it
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
            for item in scene.items(
                area, Qt.ItemSelectionMode.IntersectsItemBoundingRect
            )
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
        self._arched = False
        self._returning = False
        route = self._return_route(start, end)
        if route is not None:
            self._returning = True
            return route
        path = bezier(start, end)
        if end.x() - start.x() < NODE_WIDTH:
            return path  # no card fits between the ends: nothing to go around
        blockers = self._blockers(path)
        self._arched = bool(blockers)
        if not blockers:
            return path
        above = min(card.top() for card in blockers) - ARCH_CLEARANCE - LABEL_HEIGHT / 2
        below = (
            max(card.bottom() for card in blockers) + ARCH_CLEARANCE + LABEL_HEIGHT / 2
        )
        middle = (start.y() + end.y()) / 2
        level = above if middle - above <= below - middle else below
        left = min(card.left() for card in blockers) - 12.0
        right = max(card.right() for card in blockers) + 12.0
        return detour(start, end, level, left, right)

    def _return_route(self, start: QPointF, end: QPointF) -> QPainterPath | None:
        """The route back through the gaps between bands when the edge goes left to
        a card lower than its source (a wrapped layout), else None."""
        source = self.source_item.mapRectToScene(self.source_item.card_rect())
        target = self.target_item.mapRectToScene(self.target_item.card_rect())
        if end.x() > start.x() - NODE_WIDTH / 2 or target.top() <= source.bottom():
            return None
        hook = RETURN_HOOK
        # The free horizontal strips between the source's card and the target's,
        # right of the target: the gaps between the bands.
        spans: list[tuple[float, float]] = []
        rights = [source.right(), target.right()]
        scene = self.scene()
        if scene is not None:
            area = QRectF(
                QPointF(end.x() - hook, source.bottom()), QPointF(1e7, target.top())
            )
            for item in scene.items(
                area, Qt.ItemSelectionMode.IntersectsItemBoundingRect
            ):
                if (
                    isinstance(item, NodeItem)
                    and item is not self.source_item
                    and item is not self.target_item
                ):
                    card = item.mapRectToScene(item.card_rect())
                    if (
                        card.right() >= end.x() - hook
                        and card.bottom() > source.bottom()
                        and card.top() < target.top()
                    ):
                        spans.append((card.top(), card.bottom()))
                        rights.append(card.right())
        gaps: list[tuple[float, float]] = []
        free_from = source.bottom()
        for top, bottom in sorted(spans):
            if top - free_from >= LABEL_HEIGHT + 8:
                gaps.append((free_from, top))
            free_from = max(free_from, bottom)
        if target.top() - free_from >= LABEL_HEIGHT + 8:
            gaps.append((free_from, target.top()))
        if not gaps:
            return None
        first, last = gaps[0], gaps[-1]
        if first == last:  # the bands are neighbours: one strip
            level = (first[0] + first[1]) / 2
            # The label goes at the start of the next band, where the edge arrives
            # (clear of edges that skip bands, which run further right).
            self._label_anchor = QPointF(end.x() - hook, level)
            self._anchor_is_left_end = True
            return returning(start, end, level, hook)
        # Past other bands: down the right margin, in lanes beside the edges that
        # run back between neighbouring bands (the label goes on the margin).
        margin = max(rights) + 2 * hook
        level1 = (first[0] + first[1]) / 2 + LABEL_HEIGHT * 0.75
        level2 = (last[0] + last[1]) / 2 - LABEL_HEIGHT * 0.75
        self._label_anchor = QPointF(margin, (level1 + level2) / 2)
        self._anchor_is_left_end = False
        return returning(start, end, level1, hook, (margin, level2))

    def update_path(self) -> None:
        """Re-route after an end moved (or a card appeared in the way)."""
        self.prepareGeometryChange()
        self._path = self._route(self.start_point(), self.end_point())
        self._hit = None
        self._layout_label()

    def _layout_label(self) -> None:
        bounds = self._path.boundingRect()
        width = label_width(self._label)
        span = self._path.pointAtPercent(1.0).x() - self._path.pointAtPercent(0.0).x()
        # Between cards too close for it the label would cover the ports; the cards
        # show their shapes anyway, so it is left out there.
        if self._label and (
            self._arched or self._returning or span >= width + 2 * LABEL_MARGIN
        ):
            centre = self._label_centre(width)
            self._label_rect = QRectF(
                centre.x() - width / 2,
                centre.y() - LABEL_HEIGHT / 2,
                width,
                LABEL_HEIGHT,
            )
            bounds = bounds.united(self._label_rect)
        else:
            self._label_rect = QRectF()
        self._bounds = bounds.adjusted(-4, -4, 4, 4)
        self._hit = None
        self.update()
        self._mark_duplicate_labels()

    def _mark_duplicate_labels(self) -> None:
        """Edges fanning out of one card carry the same shape; where their labels
        would be drawn over each other, only the first (the highest) is drawn."""
        siblings = [
            edge
            for edge in self.source_item.edges
            if isinstance(edge, EdgeItem) and edge.scene() is self.scene()
        ]
        siblings.sort(
            key=lambda edge: (edge._label_rect.top(), edge._label_rect.left())
        )
        kept: list[EdgeItem] = []
        for edge in siblings:
            rect = edge._label_rect
            duplicate = not rect.isNull() and any(
                other._label == edge._label
                and other._label_rect.adjusted(-6, -6, 6, 6).intersects(rect)
                for other in kept
            )
            if not duplicate and not rect.isNull():
                kept.append(edge)
            if duplicate != edge._duplicate:
                edge._duplicate = duplicate
                edge.update()

    @property
    def label_shown(self) -> bool:
        """Whether the label is drawn (it fits, and no sibling's same label covers it)."""
        return not self._label_rect.isNull() and not self._duplicate

    def _label_centre(self, width: float) -> QPointF:
        """Just before the input port, where the curve runs level (so labels of edges
        that fan out do not pile up); the middle for short edges and arches."""
        path = self._path
        start, end = path.pointAtPercent(0.0), path.pointAtPercent(1.0)
        if self._returning:
            if self._anchor_is_left_end:
                return self._label_anchor + QPointF(
                    RETURN_HOOK + width / 2, 0.0
                )  # past the turn
            return QPointF(self._label_anchor)
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
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        theme = self._theme
        painter.setRenderHint(_ANTIALIASING, True)
        selected = self.isSelected()
        key = (theme.dark, selected, self._error)
        pen = _PENS.get(key)
        if pen is None:
            color = (
                theme.selection
                if selected
                else theme.error
                if self._error
                else theme.edge
            )
            pen = _PENS[key] = QPen(
                color,
                3.2 if selected else 2.4,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
            )
        painter.setPen(pen)
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(self._path)
        zoom = QStyleOptionGraphicsItem.levelOfDetailFromTransform(
            painter.worldTransform()
        )
        if self._label_rect.isNull() or self._duplicate or zoom < MIN_LABEL_ZOOM:
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

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        color = QColor(self._theme.highlight if self._valid else self._theme.edge)
        pen = QPen(color, 2.6, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPath(self._path)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(self._end, 5.0, 5.0)
