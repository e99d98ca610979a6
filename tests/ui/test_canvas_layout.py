"""Tidy layout spacing and wrapping, and how the samples open: whole, readable,
every shape label shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from designer.graph.model import Graph
from designer.ui.canvas.edge_item import crosses
from designer.ui.canvas.labels import edge_label_room, label_room
from designer.ui.canvas.layout import (
    MIN_COLUMN_GAP,
    band_cuts,
    fit_zoom,
    node_depths,
    tidy_positions,
)
from designer.ui.canvas.metrics import GRID, NODE_WIDTH
from designer.ui.canvas.view import READABLE_ZOOM
from designer.ui.document import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _chain(layers: list[tuple[str, dict]]) -> Graph:
    graph = Graph("net")
    previous = None
    for layer_type, params in layers:
        node = graph.add_node(layer_type, params=params)
        if previous is not None:
            graph.connect(previous.id, "out", node.id, "in")
        previous = node
    return graph


def test_the_gap_between_columns_follows_the_label_width(qapp) -> None:
    graph = _chain([("Input", {"shape": [1, 28, 28]}), ("Flatten", {}), ("Output", {})])
    positions = tidy_positions(graph, label_room=edge_label_room(graph), wrap=False)
    xs = sorted(x for x, _ in positions.values())
    wide = xs[1] - xs[0] - NODE_WIDTH  # carries (N, 1, 28, 28)
    narrow = xs[2] - xs[1] - NODE_WIDTH  # carries (N, 784)
    assert wide >= label_room("(N, 1, 28, 28)") and narrow >= label_room("(N, 784)")
    assert wide > narrow and narrow < label_room("(N, 784)") + GRID + 1
    assert all(x % GRID == 0 for x in xs)  # cards' left edges stay on the grid
    assert label_room("(N, 1, 28, 28)") > label_room("(N, 784)") > 0


def test_a_short_chain_stays_in_one_row_and_a_long_one_wraps_into_bands(qapp) -> None:
    short = _chain(
        [("Input", {"shape": [8]}), ("Linear", {"out_features": 4}), ("Output", {})]
    )
    rows = {
        y for _, y in tidy_positions(short, label_room=edge_label_room(short)).values()
    }
    assert max(rows) - min(rows) < 100
    layers = (
        [("Input", {"shape": [8]})]
        + [("Linear", {"out_features": 8}), ("ReLU", {})] * 10
        + [("Output", {})]
    )
    long = _chain(layers)
    room = edge_label_room(long)
    positions = tidy_positions(long, label_room=room)
    one_row = tidy_positions(long, label_room=room, wrap=False)
    assert fit_zoom(long, positions) > 2 * fit_zoom(long, one_row)
    assert fit_zoom(long, positions) >= READABLE_ZOOM
    # Bands one under the other: each starts at the left again, lower than the last.
    order = [node.id for node in long.nodes]
    starts = [
        k
        for k in range(1, len(order))
        if positions[order[k]][0] < positions[order[k - 1]][0]
    ]
    assert starts
    for k in starts:
        assert positions[order[k]][0] == positions[order[0]][0]
        assert positions[order[k]][1] > positions[order[k - 1]][1] + 100


def test_bands_are_cut_where_fewest_edges_cross(qapp) -> None:
    graph = _chain([("Input", {"shape": [8]})] + [("ReLU", {})] * 5 + [("Output", {})])
    depth = node_depths(graph)
    gaps = [MIN_COLUMN_GAP] * 7
    assert band_cuts(graph, depth, gaps, 1) == []
    assert band_cuts(graph, depth, gaps, 8) is None
    ids = [node.id for node in graph.nodes]
    # A skip from column 2 to 4 makes the cuts at 3 and 4 cost two edges.
    graph.remove_node(ids[4])
    add = graph.add_node("Add")
    graph.connect(ids[3], "out", add.id, "in1")
    graph.connect(ids[2], "out", add.id, "in2")
    graph.connect(add.id, "out", ids[5], "in")
    depth = node_depths(graph)
    cuts = band_cuts(graph, depth, [MIN_COLUMN_GAP] * (max(depth.values()) + 1), 2)
    assert cuts is not None and cuts[0] not in (3, 4)


@pytest.mark.parametrize("name", sorted(path.stem for path in SAMPLES.glob("*.json")))
def test_every_sample_opens_whole_at_a_readable_zoom_with_its_labels(
    qtbot, name: str
) -> None:
    from designer.ui.canvas.view import NetworkView

    document = Document()
    document.load(SAMPLES / f"{name}.json")
    view = NetworkView(document)
    qtbot.addWidget(view)
    view.resize(1000, 640)  # the canvas of the 1400×900 window
    view.show()
    qtbot.waitExposed(view)
    for network in document.network_names:
        document.show_network(network)
        view.show_start()
        assert view.zoom >= READABLE_ZOOM, network
        scene = view.network_scene
        visible = view.visible_scene_rect()
        cards = [item.mapRectToScene(item.card_rect()) for item in scene.node_items()]
        assert all(visible.contains(card) for card in cards), network
        for edge in scene.edge_items():
            if edge.label:
                label = edge.label_rect()
                assert not label.isNull() and visible.contains(label), (
                    network,
                    edge.label,
                )
                assert not any(label.intersects(card) for card in cards), (
                    network,
                    edge.label,
                )
        for edge in scene.edge_items():  # edges run between cards, never through one
            ends = (edge.source_item, edge.target_item)
            others = [
                item.mapRectToScene(item.card_rect())
                for item in scene.node_items()
                if item not in ends
            ]
            assert not any(crosses(edge.path(), card) for card in others), (
                network,
                edge.edge,
            )
        shown = [edge.label_rect() for edge in scene.edge_items() if edge.label_shown]
        for k, rect in enumerate(shown):  # no label is drawn over another
            assert not any(rect.intersects(other) for other in shown[k + 1 :]), network
    document.undo_stack.clear()


def test_each_network_opens_whole_and_keeps_its_own_zoom(qtbot) -> None:
    from designer.ui.canvas.view import NetworkView

    document = Document()
    document.load(SAMPLES / "gan.json")
    view = NetworkView(document)
    qtbot.addWidget(view)
    view.resize(1000, 640)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.zoom >= READABLE_ZOOM, timeout=2000)
    generator, discriminator = document.network_names
    view.set_zoom(2.0)
    document.show_network(discriminator)
    assert view.zoom < 2.0 and view.zoom >= READABLE_ZOOM
    visible = view.visible_scene_rect()
    assert all(
        visible.contains(item.mapRectToScene(item.card_rect()))
        for item in view.network_scene.node_items()
    )
    document.show_network(generator)
    assert view.zoom == pytest.approx(2.0)
    document.undo_stack.clear()
