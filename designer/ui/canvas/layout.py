"""Tidy layout: columns by topological depth, left to right, few edge crossings.

A small Sugiyama-style layering: each node's column is its longest-path depth from
the inputs; the order inside a column comes from a few sweeps of barycenter
ordering (a node sits near the mean position of its neighbours in the previous
column); then each node is placed as close as possible to the mean height of its
predecessors, without overlaps, so straight chains stay straight.  Plain Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from designer.graph.model import Graph, Node
from designer.shapes.infer import topological_order
from designer.ui.canvas.metrics import GRID, NODE_WIDTH, node_height, port_anchor

COLUMN_GAP = 164.0  # room for the shape label on the edge; columns 360 apart
ROW_GAP = 40.0
SWEEPS = 4

Position = tuple[float, float]


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

    def reorder(column: list[str], neighbours: dict[str, list[str]], ranks: dict[str, float]) -> None:
        keys: dict[str, float] = {}
        for index, node_id in enumerate(column):
            near = [ranks[n] for n in neighbours[node_id] if n in ranks]
            keys[node_id] = sum(near) / len(near) if near else (index + 0.5) / len(column)
        column.sort(key=keys.__getitem__)  # stable: ties keep their order

    for _ in range(SWEEPS):
        for column in columns[1:]:
            reorder(column, predecessors, rank())
        for column in reversed(columns[:-1]):
            reorder(column, successors, rank())


def tidy_positions(
    graph: Graph,
    origin: Position = (0.0, 0.0),
    height_of: Callable[[Node], float] = node_height,
    anchor_of: Callable[[Node], float] = port_anchor,
) -> dict[str, Position]:
    """New top-left positions for every node of ``graph``.

    Nodes are lined up by their anchors (the height of their single ports), so a
    chain of layers is joined by straight edges whatever the cards' heights.
    """
    if not graph.nodes:
        return {}
    depth = node_depths(graph)
    columns = _columns(graph, depth)
    _barycenter_sweeps(columns, graph)
    predecessors: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        predecessors[edge.target].append(edge.source)

    anchor_y: dict[str, float] = {}
    positions: dict[str, Position] = {}
    for index, column in enumerate(columns):
        nodes = [graph.node(node_id) for node_id in column]
        heights = [height_of(node) for node in nodes]
        anchors = [anchor_of(node) for node in nodes]
        wanted = []
        for node_id in column:
            placed = [anchor_y[p] for p in predecessors[node_id] if p in anchor_y]
            wanted.append(sum(placed) / len(placed) if placed else None)
        tops = _place_column(heights, anchors, wanted)
        x = origin[0] + index * (NODE_WIDTH + COLUMN_GAP)
        for node_id, top, anchor in zip(column, tops, anchors, strict=True):
            line = round((top + anchor) / GRID) * GRID  # anchors on the grid lines
            anchor_y[node_id] = line
            positions[node_id] = (x, origin[1] + line - anchor)
    return positions


def _place_column(heights: list[float], anchors: list[float], wanted: list[float | None]) -> list[float]:
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
        top = want - anchor if want is not None else (result[k - 1] + heights[k - 1] + ROW_GAP if k else 0.0)
        if k:
            top = max(top, result[k - 1] + heights[k - 1] + ROW_GAP)
        result.append(top)
    errors = [w - (r + a) for r, a, w in zip(result, anchors, wanted, strict=True) if w is not None]
    adjust = sum(errors) / len(errors)
    return [r + adjust for r in result]
