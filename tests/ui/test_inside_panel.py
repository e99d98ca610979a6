"""The Inside panel: the selected card's feature maps, filters, attention, saliency."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import Qt

from designer.training.probes.messages import (
    AttentionMap,
    FeatureMaps,
    ForwardStep,
    LayerPreview,
    ProbeReport,
    Saliency,
    TensorSlot,
    TensorStats,
)
from designer.ui.document import Document
from designer.ui.inside_panel import InsidePanel, filters_grid, saliency_picture
from designer.ui.main_window import SAMPLES_DIR, MainWindow


@pytest.fixture
def window(qtbot):
    document = Document()
    document.load(SAMPLES_DIR / "cnn_mnist.json")
    window = MainWindow(document, interactive=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    yield window
    window.document.undo_stack.clear()
    window.close()


def full_report(window: MainWindow) -> ProbeReport:
    graph = window.document.graph
    conv = next(n for n in graph.nodes if n.type == "Conv2d")
    rng = np.random.default_rng(0)
    stats = TensorStats((32, 26, 26), -1.0, 0.1, 2.0, 0.5)
    return ProbeReport(
        graph.name,
        previews=[
            LayerPreview(
                conv.id,
                conv.name,
                "Conv2d",
                "image",
                np.zeros((16, 26, 26), np.uint8),
                stats,
            )
        ],
        feature_maps=[
            FeatureMaps(
                conv.id,
                conv.name,
                rng.random((32, 26, 26), dtype=np.float32),
                32,
                rng.random((32, 1, 3, 3), dtype=np.float32),
                True,
            )
        ],
        attention=[
            AttentionMap(conv.id, conv.name, np.full((2, 4, 4), 0.25, np.float32), 4)
        ],
        saliency=Saliency(
            probabilities=np.array([0.1, 0.7, 0.2]),
            classes=["zero", "one", "two"],
            target=2,
            predicted=1,
            gradient_x_input=rng.random((28, 28)),
            grad_cam=rng.random((28, 28)),
            cam_layer=conv.name,
        ),
    )


def test_helpers_turn_filters_and_saliency_into_pictures() -> None:
    assert filters_grid(np.ones((4, 3, 5, 5))).shape == (11, 11)
    assert saliency_picture(np.array([-1.0, 2.0])).tolist() == [[1.0, 2.0]]


def test_the_selected_conv_shows_its_maps_filters_and_the_saliency(window) -> None:
    panel: InsidePanel = (
        window.action("inside_panel").trigger() or window.inside.dock.widget()
    )
    assert window.inside.dock.isVisible()
    assert "Train the network" in panel.title.text()
    assert not panel.sections["maps"][0].isVisibleTo(panel)
    report = full_report(window)
    window.inside.show_inside([report])
    assert "Select one card" in panel.title.text()
    conv_id = report.feature_maps[0].node_id
    window.document.set_selection([conv_id])
    assert "Conv2d" in panel.title.text() and "max 2.00" in panel.title.text()
    for key in ("maps", "filters", "attention", "saliency", "cam", "probabilities"):
        assert panel.sections[key][0].isVisibleTo(panel), key
    maps = panel.sections["maps"][1].pixmap()
    # 32 channels of 26×26 in a 6×6 grid with 1-pixel gaps, at zoom 3.
    assert maps.width() == (6 * 27 - 1) * 3
    panel.zoom.setValue(1)
    assert panel.sections["maps"][1].pixmap().width() == 6 * 27 - 1
    text = panel.sections["probabilities"][1].text()
    assert text.splitlines()[0] == "▶ one: 70.0%" and "true class: two" in text
    # Another card: no maps, but the saliency of the sample stays.
    other = next(n.id for n in window.document.graph.nodes if n.type == "Linear")
    window.document.set_selection([other])
    assert not panel.sections["maps"][0].isVisibleTo(panel)
    assert panel.sections["saliency"][0].isVisibleTo(panel)


def test_stepping_walks_the_nodes_in_order_and_selects_each_card(window) -> None:
    window.inside.show_panel()
    panel: InsidePanel = window.inside.dock.widget()
    report = full_report(window)
    nodes = window.document.graph.nodes[:3]
    stats = TensorStats((4,), -1.0, 0.0, 1.0, 0.5)
    report.steps = [
        ForwardStep(
            k,
            node.id,
            node.name,
            node.type,
            [TensorSlot("in", stats)] if k else [],
            [TensorSlot("out", stats)],
            "y₁ = 0.50·x₁ + 0.10 = 0.60" if k == 1 else None,
        )
        for k, node in enumerate(nodes)
    ]
    window.inside.show_inside([report])
    assert not panel.previous_button.isEnabled() and panel.next_button.isEnabled()
    panel.next_button.click()
    assert window.document.selected_ids == [nodes[0].id]
    assert panel.step_label.text().startswith(f"Step 1 of 3: {nodes[0].name}")
    panel.next_button.click()
    assert window.document.selected_ids == [nodes[1].id]
    text = panel.step_label.text()
    assert "in  in: (4)  min −1.00" in text and "y₁ = 0.50·x₁ + 0.10 = 0.60" in text
    panel.next_button.click()
    assert not panel.next_button.isEnabled()
    panel.previous_button.click()
    assert window.document.selected_ids == [nodes[1].id]
    window.document.set_selection([nodes[0].id])  # a click on a card follows too
    assert panel.step_label.text().startswith("Step 1 of 3")


def test_the_drawing_pad_inks_cells_and_reports_on_release(qtbot) -> None:
    from PySide6.QtCore import QPointF

    from designer.ui.drawing_pad import SCALE, DrawingPad

    pad = DrawingPad()
    qtbot.addWidget(pad)
    pad.paint_at(QPointF(14 * SCALE, 14 * SCALE))
    assert pad.cells[14, 14] == 1.0 and pad.cells[0, 0] == 0.0
    with qtbot.waitSignal(pad.drawn) as signal:
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton)
    assert signal.args[0].shape == (28, 28) and signal.args[0].max() == 1.0
    pad.clear()
    assert not pad.pixels().any()


def test_a_drawing_goes_through_the_trained_weights(qtbot, tmp_path) -> None:
    # A copy: a run keeps its history beside the project, never in the package.
    sample = shutil.copy(SAMPLES_DIR / "vanishing_gradients.json", tmp_path)
    document = Document()
    document.load(sample)
    window = MainWindow(document, interactive=False)
    qtbot.addWidget(window)
    window.show()
    panel = window.inside.show_panel()
    drawing = np.zeros((28, 28), np.float32)
    drawing[4:24, 12:16] = 1.0  # a one
    panel.drawing_changed(drawing)
    assert "Train the network first" in panel.pad_message.text()
    document.set_training({**document.project.training, "epochs": 1, "device": "cpu"})
    training = window.show_training()
    qtbot.waitUntil(lambda: training.dataset_picker.dataset is not None, timeout=30_000)
    assert training.start()
    qtbot.waitUntil(lambda: not training.is_running(), timeout=120_000)
    assert training.trained_weights is not None
    window.inside.full_reports.clear()
    panel.drawing_changed(drawing)
    qtbot.waitUntil(lambda: bool(window.inside.full_reports), timeout=60_000)
    report = window.inside.full_reports["model"]
    image = next(p for p in report.previews if p.name == "image")
    # The drawing, binned from 28×28 to the Input's 8×8: the same ink on average.
    assert image.stats.shape == (1, 8, 8)
    assert image.stats.mean == pytest.approx(drawing.mean(), rel=0.05)
    assert report.saliency is not None and len(report.saliency.probabilities) == 10
    assert "▶" in panel.sections["probabilities"][1].text()
    window.close()
