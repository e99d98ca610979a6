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
from designer.ui.canvas.metrics import GRID, NODE_WIDTH, node_height

COLUMN_GAP = 170.0  # room for the shape label on the edge
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
) -> dict[str, Position]:
    """New top-left positions for every node of ``graph``."""
    if not graph.nodes:
        return {}
    depth = node_depths(graph)
    columns = _columns(graph, depth)
    _barycenter_sweeps(columns, graph)
    predecessors: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        predecessors[edge.target].append(edge.source)

    centre_y: dict[str, float] = {}
    positions: dict[str, Position] = {}
    for index, column in enumerate(columns):
        heights = [height_of(graph.node(node_id)) for node_id in column]
        wanted = []
        for node_id in column:
            placed = [centre_y[p] for p in predecessors[node_id] if p in centre_y]
            wanted.append(sum(placed) / len(placed) if placed else None)
        # Stack the column top to bottom, then shift it so nodes sit near what they want.
        tops, y = [], 0.0
        for height in heights:
            tops.append(y)
            y += height + ROW_GAP
        total = y - ROW_GAP
        offsets = [w - (t + h / 2) for w, t, h in zip(wanted, tops, heights, strict=True) if w is not None]
        shift = sum(offsets) / len(offsets) if offsets else -total / 2
        tops = _spread(tops, heights, wanted, shift)
        x = origin[0] + index * (NODE_WIDTH + COLUMN_GAP)
        for node_id, top, height in zip(column, tops, heights, strict=True):
            top = round(top / GRID) * GRID
            centre_y[node_id] = top + height / 2
            positions[node_id] = (x, origin[1] + top)
    return positions


def _spread(tops: list[float], heights: list[float], wanted: list[float | None], shift: float) -> list[float]:
    """Move each node towards its wanted centre while keeping order and gaps."""
    result = [top + shift for top in tops]
    for k, (height, want) in enumerate(zip(heights, wanted, strict=True)):
        if want is not None:
            result[k] = want - height / 2
        if k:
            lowest = result[k - 1] + heights[k - 1] + ROW_GAP
            result[k] = max(result[k], lowest)
    # Shifting the whole column keeps the gaps and balances who got pushed away.
    errors = [w - (r + h / 2) for r, h, w in zip(result, heights, wanted, strict=True) if w is not None]
    adjust = sum(errors) / len(errors) if errors else 0.0
    return [r + adjust for r in result]
