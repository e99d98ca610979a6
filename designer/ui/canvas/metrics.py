"""Sizes of the node cards, shared by the items that draw them and the tidy layout.

Plain Python (no Qt) so the layout can be computed and tested without a scene.
Node positions in the model are the top-left corners of their cards.
"""

from __future__ import annotations

from designer.graph.model import Node

NODE_WIDTH = 196.0
HEADER_HEIGHT = 28.0
NAME_HEIGHT = 24.0
PARAM_LINE_HEIGHT = 19.0
SHAPE_HEIGHT = 26.0
PADDING = 8.0
PORT_SPACING = 24.0
PORT_RADIUS = 6.0
CORNER_RADIUS = 8.0
MAX_PARAM_LINES = 3
GRID = 20.0


def param_lines(node: Node) -> int:
    return min(len(node.spec.key_params), MAX_PARAM_LINES)


def node_height(node: Node) -> float:
    """The card height: header, name, key parameters, shape; tall enough for its ports."""
    body = PADDING + NAME_HEIGHT + param_lines(node) * PARAM_LINE_HEIGHT + SHAPE_HEIGHT + PADDING / 2
    ports = max(len(node.input_ports()), len(node.output_ports()), 1)
    return HEADER_HEIGHT + max(body, ports * PORT_SPACING + PADDING)


def port_offset_y(index: int, count: int, height: float) -> float:
    """Vertical position of port ``index`` of ``count`` in a card of ``height``."""
    body_top = HEADER_HEIGHT
    body = height - HEADER_HEIGHT
    if count <= 1:
        return body_top + body / 2
    span = (count - 1) * PORT_SPACING
    return body_top + (body - span) / 2 + index * PORT_SPACING


def snap(value: float, grid: float = GRID) -> float:
    return round(value / grid) * grid
