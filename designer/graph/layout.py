"""Tidy layout: columns by topological depth, left to right, few edge crossings.

A small Sugiyama-style layering: each node's column is its longest-path depth from
the inputs; the order inside a column comes from a few sweeps of barycenter
ordering (a node sits near the mean position of its neighbours in the previous
column); then each node is placed as close as possible to the mean height of its
predecessors, without overlaps, so straight chains stay straight.

Columns are only as far apart as the shape labels on the edges between them need
(``label_room``).  A network too long to be read in one row on a usual screen
wraps into bands, one under the other, like lines of text: the edge from the end of
one band to the start of the next runs back through the gap between them.  Plain
Python: the cards' sizes come in as a :class:`CardSizes` (the canvas knows them, see
:mod:`designer.ui.canvas.layout`), and so does the room each edge's label needs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from designer.graph.model import Edge, Graph, Node
from designer.graph.order import topological_order

COLUMN_GAP = 164.0  # between columns when the labels' widths are not known
MIN_COLUMN_GAP = 60.0  # an edge stays long enough to see where it goes
ROW_GAP = 40.0
BAND_GAP = 72.0  # between bands: room for the edge running back and its label
SWEEPS = 4
# The canvas of the default window (1400×900) and the zoom below which the cards
# get hard to read there: a network is wrapped into the fewest bands that it can be
# read in whole, or, when none reaches that, those that show it largest.
REFERENCE_VIEW = (900.0, 640.0)
VIEW_MARGIN = 40.0  # what fitting leaves around the cards
COMFORTABLE_ZOOM = 0.7
FIT_MAX_ZOOM = 1.25
MAX_BANDS = 12
MAX_UNWRAPPED_COLUMNS = 6  # a network this short always stays in one row
MIN_BAND_COLUMNS = 2  # no band holds a lone card

Position = tuple[float, float]
Moves = dict[str, tuple[Position, Position]]


@dataclass(frozen=True)
class CardSizes:
    """How big the canvas draws a node's card: its width, the grid the cards snap
    to, its height and the offset from its top to its single ports (the line that
    tidy layout keeps level along a chain)."""

    width: float
    grid: float
    height_of: Callable[[Node], float]
    anchor_of: Callable[[Node], float]


def node_depths(graph: Graph) -> dict[str, int]:
    """Longest-path depth of every node from the nodes without inputs.

    Nodes on cycles (which inference skips) are placed after their known
    predecessors, so every node gets a column.
    """
    order = topological_order(graph)
    seen = set(order)
    order += [node.id for node in graph.nodes if node.id not in seen]
    predecessors: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        predecessors[edge.target].append(edge.source)
    depth: dict[str, int] = {}
    for node_id in order:
        known = [depth[p] for p in predecessors[node_id] if p in depth]
        depth[node_id] = max(known) + 1 if known else 0
    return depth


def _columns(graph: Graph, depth: dict[str, int]) -> list[list[str]]:
    count = max(depth.values(), default=-1) + 1
    columns: list[list[str]] = [[] for _ in range(count)]
    for node in sorted(graph.nodes, key=lambda n: (n.position[1], n.position[0])):
        columns[depth[node.id]].append(node.id)
    return columns


def _barycenter_sweeps(columns: list[list[str]], graph: Graph) -> None:
    """Reorder columns in place to reduce crossings (down and up sweeps)."""
    predecessors: dict[str, list[str]] = defaultdict(list)
    successors: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        predecessors[edge.target].append(edge.source)
        successors[edge.source].append(edge.target)

    def rank() -> dict[str, float]:
        # Normalised position in its column so columns of different sizes compare.
        result: dict[str, float] = {}
        for column in columns:
            for index, node_id in enumerate(column):
                result[node_id] = (index + 0.5) / len(column)
        return result

    def reorder(
        column: list[str], neighbours: dict[str, list[str]], ranks: dict[str, float]
    ) -> None:
        keys: dict[str, float] = {}
        for index, node_id in enumerate(column):
            near = [ranks[n] for n in neighbours[node_id] if n in ranks]
            keys[node_id] = (
                sum(near) / len(near) if near else (index + 0.5) / len(column)
            )
        column.sort(key=keys.__getitem__)  # stable: ties keep their order

    for _ in range(SWEEPS):
        for column in columns[1:]:
            reorder(column, predecessors, rank())
        for column in reversed(columns[:-1]):
            reorder(column, successors, rank())


def tidy_positions(
    graph: Graph,
    cards: CardSizes,
    origin: Position = (0.0, 0.0),
    label_room: Callable[[Edge], float] | None = None,
    wrap: bool = True,
) -> dict[str, Position]:
    """New top-left positions for every node of ``graph``.

    Nodes are lined up by their anchors (the height of their single ports), so a
    chain of layers is joined by straight edges whatever the cards' heights.
    ``label_room(edge)`` is the horizontal room the edge's label needs between two
    cards (its width and margins); without it columns are ``COLUMN_GAP`` apart.
    With ``wrap`` a long network is folded into bands (see the module's notes).
    """
    if not graph.nodes:
        return {}
    depth = node_depths(graph)
    columns = _columns(graph, depth)
    _barycenter_sweeps(columns, graph)
    anchor_y = _anchor_heights(graph, columns, cards)
    gaps = column_gaps(graph, depth, len(columns), label_room, cards)
    best: dict[str, Position] | None = None
    best_zoom = -1.0
    wrap = wrap and len(columns) > MAX_UNWRAPPED_COLUMNS
    for bands in range(
        1, min(MAX_BANDS, len(columns) // MIN_BAND_COLUMNS) + 1 if wrap else 2
    ):
        cuts = band_cuts(graph, depth, gaps, bands, cards)
        if cuts is None:
            continue
        positions = _place(graph, columns, anchor_y, gaps, cuts, origin, cards)
        zoom = fit_zoom(graph, positions, cards)
        if zoom >= COMFORTABLE_ZOOM:
            return positions
        if zoom > best_zoom + 1e-6:
            best, best_zoom = positions, zoom
    assert best is not None
    return best


def column_gaps(
    graph: Graph,
    depth: dict[str, int],
    count: int,
    label_room: Callable[[Edge], float] | None,
    cards: CardSizes,
) -> list[float]:
    """The gap after each column: the room of the widest label on the edges that
    run from it to the next column."""
    if label_room is None:
        return [COLUMN_GAP] * count
    gaps = [MIN_COLUMN_GAP] * count
    for edge in graph.edges:
        column = depth[edge.source]
        if depth[edge.target] == column + 1:
            gaps[column] = max(gaps[column], label_room(edge))
    # Cards' left edges stay on the grid.
    width, grid = cards.width, cards.grid
    return [math.ceil((width + gap) / grid) * grid - width for gap in gaps]


def band_cuts(
    graph: Graph,
    depth: dict[str, int],
    gaps: list[float],
    bands: int,
    cards: CardSizes,
) -> list[int] | None:
    """The columns that start a new band, for ``bands`` bands of about equal width;
    a cut moves by a column where fewer edges run across it.  None when the network
    has too few columns for that many bands."""
    count = len(gaps)
    if bands == 1:
        return []
    if bands > count:
        return None
    widths = [cards.width + gap for gap in gaps]
    total = sum(widths)
    crossing = _crossings(graph, depth, count)
    cuts: list[int] = []
    running, column = 0.0, 0
    for band in range(1, bands):
        while column < count and running + widths[column] / 2 < total * band / bands:
            running += widths[column]
            column += 1
        previous = cuts[-1] if cuts else 0
        options = [
            c
            for c in (column, column - 1, column + 1)
            if previous + MIN_BAND_COLUMNS
            <= c
            <= count - MIN_BAND_COLUMNS * (bands - band)
        ]
        if not options:
            return None
        cut = min(options, key=lambda c: (crossing[c], abs(c - column)))
        cuts.append(cut)
        running = sum(widths[:cut])
        column = cut
    return cuts


def _crossings(graph: Graph, depth: dict[str, int], count: int) -> list[int]:
    """``crossing[c]``: how many edges run from before column ``c`` to ``c`` or later."""
    crossing = [0] * (count + 1)
    for edge in graph.edges:
        for column in range(depth[edge.source] + 1, depth[edge.target] + 1):
            crossing[column] += 1
    return crossing


def _anchor_heights(
    graph: Graph,
    columns: list[list[str]],
    cards: CardSizes,
) -> dict[str, float]:
    """The height of every node's port line, as if all columns were in one row."""
    predecessors: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        predecessors[edge.target].append(edge.source)
    anchor_y: dict[str, float] = {}
    for column in columns:
        nodes = [graph.node(node_id) for node_id in column]
        heights = [cards.height_of(node) for node in nodes]
        anchors = [cards.anchor_of(node) for node in nodes]
        wanted = []
        for node_id in column:
            placed = [anchor_y[p] for p in predecessors[node_id] if p in anchor_y]
            wanted.append(sum(placed) / len(placed) if placed else None)
        tops = _place_column(heights, anchors, wanted)
        for node_id, top, anchor in zip(column, tops, anchors, strict=True):
            # anchors on the grid lines
            anchor_y[node_id] = round((top + anchor) / cards.grid) * cards.grid
    return anchor_y


def _place(
    graph: Graph,
    columns: list[list[str]],
    anchor_y: dict[str, float],
    gaps: list[float],
    cuts: list[int],
    origin: Position,
    cards: CardSizes,
) -> dict[str, Position]:
    """Positions for the columns folded into bands that start at ``cuts``; the
    first band stays where one row would be, the others are moved down whole (by
    whole grid steps, so the ports stay on the grid lines)."""
    positions: dict[str, Position] = {}
    starts = [0, *cuts, len(columns)]
    band_top: float | None = None
    for first, stop in zip(starts, starts[1:], strict=False):
        band = [
            graph.node(node_id) for column in columns[first:stop] for node_id in column
        ]
        tops = {node.id: anchor_y[node.id] - cards.anchor_of(node) for node in band}
        lowest = min(tops.values())
        grid = cards.grid
        shift = (
            0.0 if band_top is None else math.ceil((band_top - lowest) / grid) * grid
        )
        x = origin[0]
        for index in range(first, stop):
            for node_id in columns[index]:
                positions[node_id] = (x, origin[1] + tops[node_id] + shift)
            x += cards.width + gaps[index]
        bottom = max(tops[node.id] + cards.height_of(node) for node in band)
        band_top = bottom + shift + BAND_GAP
    return positions


def fit_zoom(
    graph: Graph,
    positions: dict[str, Position],
    cards: CardSizes,
    view: tuple[float, float] = REFERENCE_VIEW,
) -> float:
    """The zoom at which the cards at ``positions`` fit ``view`` (fitting stops at
    ``FIT_MAX_ZOOM``)."""
    nodes = graph.nodes
    left = min(positions[node.id][0] for node in nodes)
    right = max(positions[node.id][0] for node in nodes) + cards.width
    top = min(positions[node.id][1] for node in nodes)
    bottom = max(positions[node.id][1] + cards.height_of(node) for node in nodes)
    width = right - left + 2 * VIEW_MARGIN
    height = bottom - top + 2 * VIEW_MARGIN
    return min(FIT_MAX_ZOOM, view[0] / width, view[1] / height)


def _place_column(
    heights: list[float], anchors: list[float], wanted: list[float | None]
) -> list[float]:
    """Tops for one column: each node as near as it can be to its wanted anchor
    height, in order, without overlaps; then the column shifts as a whole so the
    nodes pushed away and the others balance out."""
    tops: list[float] = []
    y = 0.0
    for height in heights:
        tops.append(y)
        y += height + ROW_GAP
    if all(want is None for want in wanted):
        return [top - (y - ROW_GAP) / 2 for top in tops]  # a column of sources: centred
    result: list[float] = []
    for k, (anchor, want) in enumerate(zip(anchors, wanted, strict=True)):
        top = (
            want - anchor
            if want is not None
            else (result[k - 1] + heights[k - 1] + ROW_GAP if k else 0.0)
        )
        if k:
            top = max(top, result[k - 1] + heights[k - 1] + ROW_GAP)
        result.append(top)
    errors = [
        w - (r + a)
        for r, a, w in zip(result, anchors, wanted, strict=True)
        if w is not None
    ]
    adjust = sum(errors) / len(errors)
    return [r + adjust for r in result]


def tidy_moves(
    graph: Graph,
    cards: CardSizes,
    label_room: Callable[[Edge], float] | None = None,
) -> Moves:
    """``{id: (old, new)}`` for the nodes that tidy layout moves; the layout keeps
    the network's top-left corner where it was."""
    if not graph.nodes:
        return {}
    left = min(node.position[0] for node in graph.nodes)
    top = min(node.position[1] for node in graph.nodes)
    new = tidy_positions(graph, cards, origin=(left, top), label_room=label_room)
    shift_y = top - min(y for _, y in new.values())
    moves: Moves = {}
    for node in graph.nodes:
        x, y = new[node.id]
        if (x, y + shift_y) != node.position:
            moves[node.id] = (node.position, (x, y + shift_y))
    return moves


def is_stacked(graph: Graph) -> bool:
    """Whether all of several nodes sit on one spot (a file written without
    positions), so that they would open as a single pile of cards."""
    nodes = graph.nodes
    return len(nodes) > 1 and len({node.position for node in nodes}) == 1
