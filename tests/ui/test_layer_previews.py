"""Layer previews on the cards: pictures per kind, the overlay, the View toggles."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtWidgets import QInputDialog

from designer.training.probes.messages import LayerPreview, ProbeReport, TensorStats
from designer.ui.canvas.preview_items import (
    LayerPreviewItem,
    as_bytes,
    channel_grid,
    preview_picture,
)
from designer.ui.main_window import MainWindow


def preview(node_id: str, kind: str, data: np.ndarray, name: str = "x") -> LayerPreview:
    values = np.asarray(data, dtype=np.float32)
    stats = TensorStats(
        values.shape,
        float(values.min()),
        float(values.mean()),
        float(values.max()),
        1.0,
    )
    return LayerPreview(node_id, name, "Linear", kind, as_bytes(values), stats)


def test_channels_are_laid_out_in_a_grid_with_gaps() -> None:
    maps = np.stack([np.full((3, 4), k, dtype=np.uint8) for k in range(5)])
    grid = channel_grid(maps)
    assert grid.shape == (2 * 4 - 1, 3 * 5 - 1)  # 5 channels: 3 columns, 2 rows
    assert grid[0, 0] == 0 and grid[0, 5] == 1 and grid[4, 0] == 3
    assert grid[3, 0] == 128  # the gap between rows
    assert as_bytes(np.array([1.0, 3.0])).tolist() == [0, 255]


def test_each_kind_gets_its_picture(qapp) -> None:
    image = preview_picture("image", np.zeros((4, 8, 8), dtype=np.uint8))
    assert image is not None and (image.width(), image.height()) == (17, 17)
    sequence = preview_picture("sequence", np.zeros((30, 5), dtype=np.uint8))
    assert (sequence.width(), sequence.height()) == (30, 5)  # steps across
    assert preview_picture("vector", np.zeros(5, dtype=np.uint8)) is None


@pytest.fixture
def window(vanishing_gradients_window):
    return vanishing_gradients_window


def items(window: MainWindow) -> dict[str, LayerPreviewItem]:
    scene = window.view.network_scene
    return {
        scene.graph.node(item.node_id).name: child
        for item in scene.node_items()
        for child in item.childItems()
        if isinstance(child, LayerPreviewItem)
    }


def report(window: MainWindow) -> ProbeReport:
    graph = window.document.graph
    ids = {node.name: node.id for node in graph.nodes}
    rng = np.random.default_rng(0)
    return ProbeReport(
        graph.name,
        previews=[
            preview(ids["image"], "image", rng.random((1, 8, 8)), "image"),
            preview(ids["sig_layer1"], "vector", rng.random(32), "sig_layer1"),
            preview(ids["relu_bn1"], "sequence", rng.random((6, 32)), "relu_bn1"),
            preview(ids["logits"], "scalar", np.array(0.25), "logits"),
        ],
    )


def test_the_cards_show_the_previews_a_run_sends(window, qtbot) -> None:
    window.inside.show_inside([report(window)])
    shown = items(window)
    assert set(shown) == {"image", "sig_layer1", "relu_bn1", "logits"}
    assert shown["image"].picture is not None and shown["image"].kind == "image"
    assert (
        shown["sig_layer1"].values is not None and len(shown["sig_layer1"].values) == 32
    )
    assert shown["logits"].text == "0.25"
    assert (
        "min" in shown["sig_layer1"].toolTip()
        and "(32)" in shown["sig_layer1"].toolTip()
    )
    card = shown["image"].parentItem()
    assert shown["image"].sceneBoundingRect().top() > card.sceneBoundingRect().bottom()
    picture = window.view.grab()
    assert not picture.isNull()
    # Turning previews off hides them and stops the next runs from probing.
    panel = window.show_training()
    assert panel.runs.request_extra == {"probe_sample": 0}
    window.action("layer_previews").setChecked(False)
    assert not any(item.isVisible() for item in items(window).values())
    assert panel.runs.request_extra == {"probe_sample": None}
    window.action("layer_previews").setChecked(True)
    assert all(item.isVisible() for item in items(window).values())
    # A later report without a node takes its preview away.
    smaller = report(window)
    smaller.previews = smaller.previews[:1]
    window.inside.show_inside([smaller])
    assert set(items(window)) == {"image"}


def test_the_preview_sample_is_asked_for_and_passed_to_runs(
    window, monkeypatch
) -> None:
    panel = window.show_training()
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (7, True))
    window.action("preview_sample").trigger()
    assert window.inside.sample == 7
    assert panel.runs.request_extra["probe_sample"] == 7


def test_a_stopped_probe_is_told_in_the_status_bar(window) -> None:
    window.inside.show_inside("Looking inside stopped: the sample does not fit")
    assert "Looking inside stopped" in window.statusBar().currentMessage()
    assert window.inside.reports == {}
