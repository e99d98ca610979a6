"""How much room the shape label of an edge needs: used by the edges to decide
whether their label fits between two cards, and by tidy layout to space the
columns so that every label does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontMetricsF, QGuiApplication

from designer.graph.model import Edge, Graph
from designer.graph.shape import format_shape
from designer.shapes.infer import infer_shapes
from designer.ui.canvas.node_item import Fonts

LABEL_PADDING_X = 7.0  # inside the pill, either side of the text
LABEL_MARGIN = 10.0  # between the pill and the ports, either side
FALLBACK_CHAR_WIDTH = (
    8.6  # the label font's advance, when no application can measure it
)


def label_width(text: str) -> float:
    """Width of the label pill for ``text`` (0 for no text)."""
    if not text:
        return 0.0
    if QGuiApplication.instance() is None:
        advance = len(text) * FALLBACK_CHAR_WIDTH
    else:
        advance = QFontMetricsF(Fonts.get().label).horizontalAdvance(text)
    return advance + 2 * LABEL_PADDING_X


def label_room(text: str) -> float:
    """The distance between an output port and an input port that shows ``text``."""
    return label_width(text) + 2 * LABEL_MARGIN if text else 0.0


def edge_label_room(graph: Graph) -> Callable[[Edge], float]:
    """``edge -> room`` for the labels the canvas would show on ``graph``'s edges
    (an edge whose shape is unknown shows none)."""
    shapes = infer_shapes(graph)

    def room(edge: Edge) -> float:
        shape = shapes.edge_shape(edge)
        return label_room(format_shape(shape)) if shape is not None else 0.0

    return room
