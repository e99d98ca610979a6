"""Tidy layout as plain Python: columns by depth, given the cards' sizes."""

from __future__ import annotations

from designer.graph.layout import (
    COLUMN_GAP,
    CardSizes,
    is_stacked,
    node_depths,
    tidy_moves,
    tidy_positions,
)
from designer.graph.model import Graph

SMALL = CardSizes(100.0, 10.0, lambda node: 50.0, lambda node: 25.0)
WIDE = CardSizes(300.0, 10.0, lambda node: 50.0, lambda node: 25.0)


def _diamond() -> tuple[Graph, list[str]]:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [4]}, position=(500, 500))
    a = graph.add_node("Linear", position=(0, 0))
    b = graph.add_node("Linear", position=(0, 300))
    add = graph.add_node("Add", position=(-200, 0))
    graph.connect(x.id, "out", a.id, "in")
    graph.connect(x.id, "out", b.id, "in")
    graph.connect(a.id, "out", add.id, "in1")
    graph.connect(b.id, "out", add.id, "in2")
    return graph, [x.id, a.id, b.id, add.id]


def test_columns_follow_depth_and_the_cards_width() -> None:
    graph, (x, a, b, add) = _diamond()
    assert node_depths(graph) == {x: 0, a: 1, b: 1, add: 2}
    for cards in (SMALL, WIDE):
        positions = tidy_positions(graph, cards, origin=(0, 0))
        assert positions[x][0] == 0
        assert positions[a][0] == positions[b][0] == cards.width + COLUMN_GAP
        assert positions[add][0] == 2 * (cards.width + COLUMN_GAP)
        assert abs(positions[a][1] - positions[b][1]) >= 50  # no overlap
        assert all((y + 25) % 10 == 0 for _, y in positions.values())  # ports on grid


def test_label_room_spaces_the_columns() -> None:
    graph, (x, a, _b, add) = _diamond()
    positions = tidy_positions(graph, SMALL, label_room=lambda edge: 95.0)
    assert positions[a][0] - positions[x][0] == 200.0  # 100 + 95, up to the grid
    assert positions[add][0] - positions[a][0] == 200.0


def test_tidy_moves_keep_the_top_left_corner() -> None:
    graph, ids = _diamond()
    moves = tidy_moves(graph, SMALL)
    assert moves and set(moves) <= set(ids)
    after = {
        node.id: moves.get(node.id, (node.position, node.position))[1]
        for node in graph.nodes
    }
    assert min(x for x, _ in after.values()) == -200
    assert min(y for _, y in after.values()) == 0
    for node_id, (old, _new) in moves.items():
        assert graph.node(node_id).position == old
    assert tidy_moves(Graph(), SMALL) == {}


def test_a_pile_of_cards_is_stacked() -> None:
    graph = Graph()
    graph.add_node("ReLU")
    assert not is_stacked(graph)  # one card is no pile
    graph.add_node("ReLU")
    assert is_stacked(graph)
    graph.add_node("ReLU", position=(1, 0))
    assert not is_stacked(graph)
