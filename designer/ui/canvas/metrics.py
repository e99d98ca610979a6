"""Sizes of the node cards, shared by the items that draw them and the tidy layout.

Plain Python (no Qt) so the layout can be computed and tested without a scene.
Node positions in the model are the top-left corners of their cards.
"""

from __future__ import annotations

from designer.graph.catalog import get_spec
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


def port_rows(inputs: int, outputs: int) -> int:
    """Rows of labelled ports at the bottom of a card: only sides with several ports
    get them (a single port sits in the middle of the side, unlabelled)."""
    return max(inputs if inputs > 1 else 0, outputs if outputs > 1 else 0)


def card_height(param_count: int, inputs: int, outputs: int) -> float:
    body = (
        PADDING
        + NAME_HEIGHT
        + param_count * PARAM_LINE_HEIGHT
        + SHAPE_HEIGHT
        + PADDING / 2
    )
    return HEADER_HEIGHT + body + port_rows(inputs, outputs) * PORT_SPACING


def node_height(node: Node) -> float:
    """The card height: header, name, key parameters, shape, then labelled port rows."""
    return card_height(
        param_lines(node), len(node.input_ports()), len(node.output_ports())
    )


def rows_top(height: float, rows: int) -> float:
    """Where the port rows begin (the bottom of the shape line)."""
    return height - PADDING / 2 - rows * PORT_SPACING


def port_offset_y(index: int, count: int, height: float, rows: int = 0) -> float:
    """Vertical position of port ``index`` of ``count`` in a card of ``height``
    that has ``rows`` labelled port rows."""
    if count <= 1:
        return HEADER_HEIGHT + (rows_top(height, rows) - HEADER_HEIGHT) / 2
    return rows_top(height, rows) + (index + 0.5) * PORT_SPACING


def port_anchor(node: Node) -> float:
    """Offset from a card's top to its single ports: what tidy layout lines up."""
    height = node_height(node)
    rows = port_rows(len(node.input_ports()), len(node.output_ports()))
    return port_offset_y(0, 1, height, rows)


def snap(value: float, grid: float = GRID) -> float:
    return round(value / grid) * grid


def port_anchor_for(layer_type: str) -> float:
    """Where a new layer's ports will sit below its top (default parameters)."""
    spec = get_spec(layer_type)
    return port_anchor(Node("", layer_type, "", spec.defaults()))


# What a palette item of a project's block carries instead of a layer type.
BLOCK_ITEM_PREFIX = "block:"
# ... and what an item of the block library carries: the entry's file.
LIBRARY_ITEM_PREFIX = "library:"
