"""Tidy layout with the canvas's own card sizes and label widths.

The layout itself is plain Python in :mod:`designer.graph.layout`; this module
gives it what only the canvas knows: how big a card is (:mod:`metrics`) and how
wide each edge's shape label is drawn (:mod:`labels`, measured with Qt's fonts).
"""

from __future__ import annotations

from collections.abc import Callable

from designer.graph import layout
from designer.graph.layout import (
    MIN_COLUMN_GAP,
    REFERENCE_VIEW,
    CardSizes,
    Moves,
    Position,
    is_stacked,
    node_depths,
)
from designer.graph.model import Edge, Graph, Node, Project
from designer.ui.canvas.labels import edge_label_room
from designer.ui.canvas.metrics import GRID, NODE_WIDTH, node_height, port_anchor

CARDS = CardSizes(NODE_WIDTH, GRID, node_height, port_anchor)

__all__ = [
    "CARDS",
    "MIN_COLUMN_GAP",
    "arrange_stacked_networks",
    "band_cuts",
    "fit_zoom",
    "node_depths",
    "tidy_moves",
    "tidy_positions",
]


def tidy_positions(
    graph: Graph,
    origin: Position = (0.0, 0.0),
    height_of: Callable[[Node], float] = node_height,
    anchor_of: Callable[[Node], float] = port_anchor,
    label_room: Callable[[Edge], float] | None = None,
    wrap: bool = True,
) -> dict[str, Position]:
    """:func:`designer.graph.layout.tidy_positions` for the canvas's cards."""
    cards = CardSizes(NODE_WIDTH, GRID, height_of, anchor_of)
    return layout.tidy_positions(graph, cards, origin, label_room, wrap)


def band_cuts(
    graph: Graph, depth: dict[str, int], gaps: list[float], bands: int
) -> list[int] | None:
    return layout.band_cuts(graph, depth, gaps, bands, CARDS)


def fit_zoom(
    graph: Graph,
    positions: dict[str, Position],
    height_of: Callable[[Node], float] = node_height,
    view: tuple[float, float] = REFERENCE_VIEW,
) -> float:
    cards = CardSizes(NODE_WIDTH, GRID, height_of, port_anchor)
    return layout.fit_zoom(graph, positions, cards, view)


def tidy_moves(graph: Graph) -> Moves:
    """The moves of tidy layout on the canvas, every shape label given its room."""
    if not graph.nodes:
        return {}
    return layout.tidy_moves(graph, CARDS, edge_label_room(graph))


def arrange_stacked_networks(project: Project) -> None:
    """Lay out networks whose nodes all sit on one spot (files written without
    positions), so they do not open as a single pile of cards."""
    for graph in project.networks:
        if is_stacked(graph):
            origin = graph.nodes[0].position
            room = edge_label_room(graph)
            for node_id, position in layout.tidy_positions(
                graph, CARDS, origin, room
            ).items():
                graph.move(node_id, position)
