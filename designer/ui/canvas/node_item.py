"""The node card: a coloured header with the layer type, the node's name, its key
parameters, its output shape, ports on both sides and an error badge.

The item only draws and answers geometry questions (where is port X, which port is
under this point); edits go through the scene's document.  Text is prepared when
the node or its analysis changes, never while painting, and painting is cached in
device coordinates, so a canvas of hundreds of nodes stays smooth.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.graph.model import Node
from designer.graph.shape import format_shape
from designer.ui.canvas.card_text import (
    Fonts,
    _fitted_header,
    elide,
    format_count,
    format_value,
)
from designer.ui.canvas.colors import CanvasTheme, category_color
from designer.ui.canvas.metrics import (
    CORNER_RADIUS,
    HEADER_HEIGHT,
    MAX_PARAM_LINES,
    NAME_HEIGHT,
    NODE_WIDTH,
    PADDING,
    PARAM_LINE_HEIGHT,
    PORT_RADIUS,
    PORT_SPACING,
    SHAPE_HEIGHT,
    node_height,
    port_offset_y,
    port_rows,
    rows_top,
)
from designer.ui.catalog_texts import layer_text

_ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter  # enum lookups are slow in hot paint code
PORT_HIT_RADIUS = 14.0
OVERVIEW_ZOOM = 0.3
BADGE_RADIUS = 11.0
TEXT_LEFT = 14.0
NODE_TYPE = QGraphicsItem.UserType + 1


class NodeItem(QGraphicsItem):
    """One layer on the canvas; its position is the node's top-left corner."""

    def __init__(self, node: Node, theme: CanvasTheme) -> None:
        super().__init__()
        self.node_id = node.id
        self.edges: list[Any] = []  # EdgeItems attached here, kept by the scene
        self._theme = theme
        self._height = node_height(node)
        self._drop_ports: frozenset[str] = frozenset()
        self._drop_direction = "in"
        self._hot_port: str | None = None
        self._shape_text = ""
        self._param_count = 0
        self._errors: list[str] = []
        self._warnings: list[str] = []
        self._description = ""
        self.inputs: list[str] = []
        self.outputs: list[str] = []
        self._rows = 0
        self._shape_path: QPainterPath | None = None
        self._overview_text: tuple[int, QFont, QRectF, float, str] | None = None
        self._shape_height = 0.0
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1.0)
        self.set_node(node)
        self.setPos(QPointF(*node.position))

    def type(self) -> int:
        return NODE_TYPE

    # -- content ------------------------------------------------------------------
    def set_node(self, node: Node) -> None:
        """Take the node's type, name, parameters and ports (after any model change)."""
        spec = node.spec
        fonts = Fonts.get()
        self.layer_type = node.type
        self.name = node.name
        self._color = category_color(spec.category)
        self._type_text = node.type
        self._overview_text = None
        self._name_text = elide(node.name, fonts.name, NODE_WIDTH - 2 * TEXT_LEFT)
        lines: list[tuple[str, str]] = []
        for key in spec.key_params[:MAX_PARAM_LINES]:
            title = layer_text(spec.param(key).title)
            value = elide(
                format_value(node.params.get(key)), fonts.value, NODE_WIDTH * 0.45
            )
            label = elide(
                title,
                fonts.body,
                NODE_WIDTH
                - 2 * TEXT_LEFT
                - QFontMetricsF(fonts.value).horizontalAdvance(value)
                - 8,
            )
            lines.append((label, value))
        self._param_lines = lines
        self._description = layer_text(spec.description)
        inputs, outputs = node.input_ports(), node.output_ports()
        height = node_height(node)
        if height != self._height or inputs != self.inputs or outputs != self.outputs:
            self.prepareGeometryChange()
            self._height = height
        self.inputs, self.outputs = inputs, outputs
        self._rows = port_rows(len(inputs), len(outputs))
        self._update_tooltip()
        self.update()

    def set_analysis(
        self,
        shape: Sequence[Any] | None,
        params: int,
        errors: list[str],
        warnings: list[str],
    ) -> bool:
        """Show inference results; returns whether anything visible changed."""
        text = format_shape(tuple(shape)) if shape is not None else ""
        if (text, params, errors, warnings) == (
            self._shape_text,
            self._param_count,
            self._errors,
            self._warnings,
        ):
            return False
        self._shape_text = text
        self._param_count = params
        self._errors = list(errors)
        self._warnings = list(warnings)
        self._update_tooltip()
        self.update()
        return True

    @property
    def errors(self) -> list[str]:
        return list(self._errors)

    @property
    def warnings(self) -> list[str]:
        return list(self._warnings)

    @property
    def shape_text(self) -> str:
        return self._shape_text

    @property
    def has_error(self) -> bool:
        return bool(self._errors)

    def _update_tooltip(self) -> None:
        parts = [f"<b>{self.name}</b> — {self.layer_type}"]
        parts += [
            f"<span style='color:{self._theme.error.name()}'>⚠ {message}</span>"
            for message in self._errors
        ]
        parts += [
            f"<span style='color:{self._theme.warning.name()}'>{message}</span>"
            for message in self._warnings
        ]
        if not self._errors and not self._warnings and self._description:
            parts.append(self._description)
        self.setToolTip("<br>".join(parts))

    def set_theme(self, theme: CanvasTheme) -> None:
        self._theme = theme
        self._update_tooltip()
        self.update()

    def set_drop_ports(
        self, ports: frozenset[str], hot: str | None = None, direction: str = "in"
    ) -> None:
        """Mark the ports a dragged connection may be dropped on (and the one under
        the cursor): inputs, or outputs when the drag started at an input."""
        if (
            ports != self._drop_ports
            or hot != self._hot_port
            or direction != self._drop_direction
        ):
            self._drop_ports = ports
            self._hot_port = hot
            self._drop_direction = direction
            self.update()

    # -- geometry -----------------------------------------------------------------
    @property
    def height(self) -> float:
        return self._height

    def card_rect(self) -> QRectF:
        return QRectF(0.0, 0.0, NODE_WIDTH, self._height)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        left = -PORT_RADIUS - 8
        right = NODE_WIDTH + PORT_RADIUS + 8
        return QRectF(
            left, -BADGE_RADIUS - 6, right - left, self._height + BADGE_RADIUS + 14
        )

    def shape(self) -> QPainterPath:
        if self._shape_path is None or self._shape_height != self._height:
            path = QPainterPath()
            path.addRoundedRect(
                self.card_rect().adjusted(-PORT_RADIUS, 0, PORT_RADIUS, 0),
                CORNER_RADIUS,
                CORNER_RADIUS,
            )
            self._shape_path, self._shape_height = path, self._height
        return self._shape_path

    def input_port_pos(self, port: str) -> QPointF:
        """Scene position of an input port."""
        index = self.inputs.index(port) if port in self.inputs else 0
        return self.mapToScene(
            QPointF(
                0.0, port_offset_y(index, len(self.inputs), self._height, self._rows)
            )
        )

    def output_port_pos(self, port: str) -> QPointF:
        index = self.outputs.index(port) if port in self.outputs else 0
        return self.mapToScene(
            QPointF(
                NODE_WIDTH,
                port_offset_y(index, len(self.outputs), self._height, self._rows),
            )
        )

    def port_at(
        self, scene_pos: QPointF, radius: float = PORT_HIT_RADIUS
    ) -> tuple[str, str] | None:
        """("in" | "out", port name) of the port near ``scene_pos``, if any."""
        best: tuple[float, tuple[str, str]] | None = None
        for direction, ports, position in (
            ("in", self.inputs, self.input_port_pos),
            ("out", self.outputs, self.output_port_pos),
        ):
            for port in ports:
                delta = position(port) - scene_pos
                distance = (delta.x() ** 2 + delta.y() ** 2) ** 0.5
                if distance <= radius and (best is None or distance < best[0]):
                    best = (distance, (direction, port))
        return best[1] if best else None

    def name_rect(self) -> QRectF:
        """Where the name is drawn (local coordinates): double-click here to rename."""
        return QRectF(
            TEXT_LEFT - 4,
            HEADER_HEIGHT + PADDING - 2,
            NODE_WIDTH - 2 * TEXT_LEFT + 8,
            NAME_HEIGHT,
        )

    # -- painting ---------------------------------------------------------------------
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        theme = self._theme
        fonts = Fonts.get()
        rect = self.card_rect()
        selected = self.isSelected()
        zoom = QStyleOptionGraphicsItem.levelOfDetailFromTransform(
            painter.worldTransform()
        )
        if zoom < OVERVIEW_ZOOM:
            self._paint_overview(painter, theme, zoom, selected)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)

        painter.setPen(Qt.PenStyle.NoPen)
        if selected:
            glow = QColor(theme.selection)
            glow.setAlpha(70)
            painter.setBrush(glow)
            painter.drawRoundedRect(
                rect.adjusted(-5, -5, 5, 5), CORNER_RADIUS + 4, CORNER_RADIUS + 4
            )
        else:
            painter.setBrush(theme.shadow)
            painter.drawRoundedRect(rect.translated(0, 3), CORNER_RADIUS, CORNER_RADIUS)
        painter.setBrush(theme.card)
        painter.drawRoundedRect(rect, CORNER_RADIUS, CORNER_RADIUS)

        # Header: the category colour, clipped to the card's rounded top.
        card_path = QPainterPath()
        card_path.addRoundedRect(rect, CORNER_RADIUS, CORNER_RADIUS)
        painter.save()
        painter.setClipPath(card_path)
        painter.fillRect(QRectF(0, 0, NODE_WIDTH, HEADER_HEIGHT), self._color)
        painter.restore()

        if self._errors:
            border = QPen(theme.error, 2.5)
        elif selected:
            border = QPen(theme.selection, 2.5)
        else:
            border = QPen(theme.card_border, 1.0)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, CORNER_RADIUS, CORNER_RADIUS)

        # Header text: type on the left, parameter count on the right.
        painter.setFont(fonts.header)
        painter.setPen(theme.on_header)
        header = QRectF(TEXT_LEFT, 0, NODE_WIDTH - 2 * TEXT_LEFT, HEADER_HEIGHT)
        count = format_count(self._param_count) if self._param_count else ""
        room = header.width() - (
            QFontMetricsF(fonts.body).horizontalAdvance(count) + 8 if count else 0
        )
        font, text = _fitted_header(self._type_text, room)
        painter.setFont(font)
        painter.drawText(
            header, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
        )
        if count:
            painter.setFont(fonts.body)
            painter.setPen(theme.on_header_muted)
            painter.drawText(
                header,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                count,
            )

        # Body: name, key parameters, shape.
        y = HEADER_HEIGHT + PADDING
        painter.setFont(fonts.name)
        painter.setPen(theme.text)
        painter.drawText(
            QRectF(TEXT_LEFT, y, NODE_WIDTH - 2 * TEXT_LEFT, NAME_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter,
            self._name_text,
        )
        y += NAME_HEIGHT
        for label, value in self._param_lines:
            line = QRectF(TEXT_LEFT, y, NODE_WIDTH - 2 * TEXT_LEFT, PARAM_LINE_HEIGHT)
            painter.setFont(fonts.body)
            painter.setPen(theme.text_muted)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label
            )
            painter.setFont(fonts.value)
            painter.setPen(theme.text)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, value
            )
            y += PARAM_LINE_HEIGHT
        shape_top = rows_top(self._height, self._rows) - SHAPE_HEIGHT - 2
        self._paint_shape(
            painter,
            theme,
            fonts,
            QRectF(
                TEXT_LEFT - 4,
                shape_top,
                NODE_WIDTH - 2 * TEXT_LEFT + 8,
                SHAPE_HEIGHT - 2,
            ),
        )
        self._paint_ports(painter, theme, fonts)
        if self._errors or self._warnings:
            self._paint_badge(painter, theme, fonts)

    def _paint_overview(
        self, painter: QPainter, theme: CanvasTheme, zoom: float, selected: bool
    ) -> None:
        """Zoomed far out, details would be specks: a plain card with the layer type,
        large (and cheap to draw: hundreds of these are painted at every step)."""
        rect = self.card_rect()
        painter.fillRect(rect, theme.card)
        painter.fillRect(QRectF(0, 0, NODE_WIDTH, HEADER_HEIGHT), self._color)
        if selected or self._errors:
            pen = QPen(
                theme.error if self._errors else theme.selection, 3.0 / max(zoom, 0.01)
            )
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        size = max(14, min(int(13 / max(zoom, 0.01)), 64))
        cached = self._overview_text
        if cached is None or cached[0] != size or cached[3] != self._height:
            body = QRectF(
                6, HEADER_HEIGHT, NODE_WIDTH - 12, self._height - HEADER_HEIGHT
            )
            font = QFont(Fonts.get().name)
            font.setPixelSize(size)
            width = QFontMetricsF(font).horizontalAdvance(self._type_text)
            if (
                width > body.width()
            ):  # shrink long type names to fit rather than cut them
                font.setPixelSize(max(14, int(size * body.width() / width)))
            cached = self._overview_text = (
                size,
                font,
                body,
                self._height,
                elide(self._type_text, font, body.width()),
            )
        painter.setFont(cached[1])
        painter.setPen(theme.text)
        painter.drawText(cached[2], _ALIGN_CENTER, cached[4])

    def _paint_shape(
        self, painter: QPainter, theme: CanvasTheme, fonts: Fonts, pill: QRectF
    ) -> None:
        if self._errors:
            text = QCoreApplication.translate("NodeCard", "shape error")
            color = theme.error
        elif self._shape_text:
            text, color = self._shape_text, theme.shape_text
        else:
            text = QCoreApplication.translate("NodeCard", "shape unknown")
            color = theme.text_muted
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.shape_fill)
        painter.drawRoundedRect(pill, 5, 5)
        painter.setFont(fonts.shape)
        painter.setPen(color)
        painter.drawText(
            pill,
            Qt.AlignmentFlag.AlignCenter,
            elide(text, fonts.shape, pill.width() - 8),
        )

    def _paint_ports(self, painter: QPainter, theme: CanvasTheme, fonts: Fonts) -> None:
        metrics = QFontMetricsF(fonts.port)
        for direction, ports in (("in", self.inputs), ("out", self.outputs)):
            x = 0.0 if direction == "in" else NODE_WIDTH
            for index, port in enumerate(ports):
                y = port_offset_y(index, len(ports), self._height, self._rows)
                droppable = (
                    direction == self._drop_direction and port in self._drop_ports
                )
                hot = droppable and port == self._hot_port
                radius = PORT_RADIUS + (3 if hot else 1 if droppable else 0)
                if droppable:
                    ring = QColor(theme.highlight)
                    ring.setAlpha(90 if hot else 45)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(ring)
                    painter.drawEllipse(QPointF(x, y), radius + 5, radius + 5)
                painter.setPen(
                    QPen(theme.highlight if droppable else theme.port_border, 2.0)
                )
                painter.setBrush(QBrush(theme.highlight if hot else theme.port))
                painter.drawEllipse(QPointF(x, y), radius, radius)
                if len(ports) > 1:
                    # Labelled rows inside the card, next to their port.
                    painter.setFont(fonts.port)
                    painter.setPen(theme.text_muted)
                    width = metrics.horizontalAdvance(port) + 2
                    left = (
                        TEXT_LEFT
                        if direction == "in"
                        else NODE_WIDTH - TEXT_LEFT - width
                    )
                    painter.drawText(
                        QRectF(left, y - PORT_SPACING / 2, width, PORT_SPACING),
                        Qt.AlignmentFlag.AlignVCenter,
                        port,
                    )

    def _paint_badge(self, painter: QPainter, theme: CanvasTheme, fonts: Fonts) -> None:
        centre = QPointF(NODE_WIDTH - 4, -2)
        painter.setPen(QPen(theme.card, 2.0))
        painter.setBrush(theme.error if self._errors else theme.warning)
        painter.drawEllipse(centre, BADGE_RADIUS, BADGE_RADIUS)
        painter.setFont(fonts.badge)
        painter.setPen(theme.on_header)
        box = QRectF(
            centre.x() - BADGE_RADIUS,
            centre.y() - BADGE_RADIUS,
            2 * BADGE_RADIUS,
            2 * BADGE_RADIUS,
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "!")

    def badge_rect(self) -> QRectF:
        return QRectF(
            NODE_WIDTH - 4 - BADGE_RADIUS,
            -2 - BADGE_RADIUS,
            2 * BADGE_RADIUS,
            2 * BADGE_RADIUS,
        )

    # -- movement -------------------------------------------------------------------------
    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            scene = self.scene()
            snap = getattr(scene, "snap_position", None)
            if snap is not None:
                return snap(value, port_offset_y(0, 1, self._height, self._rows))
        elif change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            defer = getattr(scene, "defer_edge_updates", None)
            if defer is None or not defer(self.edges):
                for edge in self.edges:
                    edge.update_path()
        return super().itemChange(change, value)
