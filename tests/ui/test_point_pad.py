"""The point pad: click on a 2-D dataset's plot, see the classifier's prediction."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, QTranslator

from designer.training.probes.regions import DecisionRegions
from designer.ui.document import Document
from designer.ui.main_window import SAMPLES_DIR, MainWindow
from designer.ui.point_pad import PointPad, PointPadBox, probability_lines

SIDE = 60


def regions(
    split: float = 0.0,
    point: tuple[float, float] | None = None,
    at_point: list[float] | None = None,
    weights: str = "untrained",
) -> DecisionRegions:
    """Class 0 left of x = ``split``, class 1 right of it, over [-2, 2]²."""
    xs = np.linspace(-2, 2, SIDE)
    right = np.broadcast_to(xs > split, (SIDE, SIDE))
    probs = np.stack([np.where(right, 0.1, 0.9), np.where(right, 0.9, 0.1)], -1)
    return DecisionRegions(
        network="model",
        classes=["class 0", "class 1"],
        extent=(-2.0, 2.0, -2.0, 2.0),
        probabilities=probs.astype(np.float16),
        points=np.array([[-1.0, 0.0], [1.0, 0.5]], np.float32),
        labels=np.array([0, 1]),
        weights=weights,  # type: ignore[arg-type]
        point=point,
        point_probabilities=None if at_point is None else np.array(at_point),
    )


def open_window(qtbot, sample: str) -> MainWindow:
    document = Document()
    document.load(SAMPLES_DIR / sample)
    window = MainWindow(document, interactive=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    return window


def viewport_position(pad: PointPad, x: float, y: float) -> QPoint:
    scene = pad.view_box.mapViewToScene(QPointF(x, y))
    return pad.plot_widget.mapFromScene(scene)


def test_probability_lines_mark_the_predicted_class() -> None:
    lines = probability_lines(np.array([0.25, 0.75]), ["a", "b"])
    assert lines == ["▶ b: 75.0%", "   a: 25.0%"]


def test_a_click_places_a_point_and_the_answer_fills_the_probabilities(
    qtbot, monkeypatch
) -> None:
    window = open_window(qtbot, "moons.json")
    probes: list[tuple[float, float] | None] = []
    monkeypatch.setattr(
        window.inside, "probe_point", lambda: probes.append(window.inside.point)
    )
    panel = window.inside.show_panel()
    training = window.training_panel
    qtbot.waitUntil(lambda: training.dataset_picker.dataset is not None, timeout=30_000)
    box = panel.point_box
    assert window.inside.point_mode
    assert box.isVisibleTo(panel) and not panel.drawing_box.isVisibleTo(panel)
    assert probes == [None]  # shown: the untrained regions are asked for
    assert "Loading" in box.message.text()
    window.inside.show_inside(regions(split=0.0))
    assert "Untrained weights" in box.message.text()
    # Untrained regions belong to the network as it was: an edit asks again.
    hidden = next(n for n in window.document.graph.nodes if n.type == "Linear")
    window.document.set_param(hidden.id, "out_features", 8)
    assert probes == [None, None]
    image = box.pad.image.image
    assert image is not None and image.shape == (SIDE, SIDE, 3)
    assert not np.array_equal(image[0, 0], image[0, -1])  # two regions, two colours
    # A click on the plot places the point and asks the network about it.
    pad = box.pad
    qtbot.mouseClick(
        pad.plot_widget.viewport(),
        Qt.MouseButton.LeftButton,
        pos=viewport_position(pad, 1.0, 0.5),
    )
    x, y = window.inside.point
    assert x == pytest.approx(1.0, abs=0.05) and y == pytest.approx(0.5, abs=0.05)
    assert probes[-1] == window.inside.point
    # A run started now reports on the point as it trains.
    assert training.runs.request_extra["regions_point"] == window.inside.point
    # Until the answer comes, the grid cell under the point.
    assert "read off the grid" in box.probabilities_label.text()
    assert "▶ class 1: 90" in box.probabilities_label.text()
    # The answer: the network's own probabilities at the point.
    answer = regions(0.0, window.inside.point, [0.3, 0.7], "trained")
    window.inside.show_inside(answer)
    text = box.probabilities_label.text()
    assert "the network predicts" in text and "▶ class 1: 70.0%" in text
    assert "trained network" in box.message.text()
    assert pad.note.textItem.toPlainText() == "class 1: 70.0%"
    # New regions redraw the image: the boundary moved right of the point.
    window.inside.show_inside(regions(1.5, window.inside.point, [0.8, 0.2]))
    moved = pad.image.image
    assert not np.array_equal(moved, image)
    assert "▶ class 0: 80.0%" in box.probabilities_label.text()
    # A drag moves the point.
    viewport = pad.plot_widget.viewport()
    qtbot.mousePress(
        viewport, Qt.MouseButton.LeftButton, pos=viewport_position(pad, 1.0, 0.5)
    )
    qtbot.mouseMove(viewport, viewport_position(pad, -1.0, -1.0))
    qtbot.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, pos=viewport_position(pad, -1.0, -1.0)
    )
    assert window.inside.point[0] == pytest.approx(-1.0, abs=0.05)
    box.clear_button.click()
    assert window.inside.point is None
    assert "regions_point" not in training.runs.request_extra
    assert "Click the plot" in box.probabilities_label.text()
    window.close()


class OneWordTranslator(QTranslator):
    """Translates the point pad's title only: enough to see the pad follow."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        if context == "PointPadBox" and source == "Place a point":
            return "放置一个点"
        return None  # not translated: Qt keeps the source text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name; an empty one is skipped
        return False


def test_the_pad_follows_a_language_change_at_once(qtbot) -> None:
    from designer.ui.inside import InsideOverlay

    window = open_window(qtbot, "moons.json")
    overlay: InsideOverlay = window.inside
    box = PointPadBox(overlay)
    qtbot.addWidget(box)
    assert box.title() == "Place a point"
    translator = OneWordTranslator()
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: box.title() == "放置一个点")
        assert box.clear_button.text() == "Clear"
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: box.title() == "Place a point")
    window.close()


def test_data_that_is_not_two_d_gets_the_drawing_pad(qtbot, monkeypatch) -> None:
    window = open_window(qtbot, "cnn_mnist.json")
    monkeypatch.setattr(window.inside, "probe_point", lambda: None)
    panel = window.inside.show_panel()
    training = window.training_panel
    qtbot.waitUntil(lambda: training.dataset_picker.dataset is not None, timeout=30_000)
    assert not window.inside.point_mode
    assert panel.drawing_box.isVisibleTo(panel)
    assert not panel.point_box.isVisibleTo(panel)
    window.close()


def test_the_training_process_draws_the_regions_before_training(qtbot) -> None:
    window = open_window(qtbot, "moons.json")
    panel = window.inside.show_panel()
    box = panel.point_box
    qtbot.waitUntil(lambda: window.inside.regions is not None, timeout=120_000)
    assert window.inside.regions.weights == "untrained"
    assert box.pad.image.image is not None
    pad = box.pad
    qtbot.mouseClick(
        pad.plot_widget.viewport(),
        Qt.MouseButton.LeftButton,
        pos=viewport_position(pad, 0.5, 0.25),
    )
    qtbot.waitUntil(
        lambda: "the network predicts" in box.probabilities_label.text(),
        timeout=60_000,
    )
    found = window.inside.point_prediction()
    assert found is not None and found[1]
    assert found[0].sum() == pytest.approx(1.0, abs=1e-5)
    # The cards' previews follow the point as they follow a drawing.
    qtbot.waitUntil(lambda: bool(window.inside.full_reports), timeout=60_000)
    window.close()
