"""Gradient flow in the window: the Gradients tab, the card strips and their toggle."""

from __future__ import annotations

import math
import os
import pickle

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtGui import QColor

from designer.graph.project_file import load_project
from designer.training.messages import EpochMetrics, RunInfo
from designer.ui.canvas.gradient_bars import GradientBar, flow_color, flow_level
from designer.ui.main_window import SAMPLES_DIR, MainWindow
from designer.ui.theme import qcolor
from designer.ui.theme_colors import GRADIENT_FLOW
from designer.ui.training.results import ResultViews

SIGMOID = {"sig_layer1": 2e-5, "sig_layer2": 3e-4, "sig_layer3": 4e-3}
RELU = {"relu_layer1": 0.8, "relu_layer2": 0.9, "relu_layer3": 1.1}


def epoch(number: int, norms: dict[str, float]) -> EpochMetrics:
    return EpochMetrics(
        epoch=number,
        train_loss=1.0,
        val_loss=1.1,
        val_accuracy=0.5,
        seconds=1.0,
        samples_per_sec=100.0,
        lr=0.01,
        grad_norms=norms,
        update_ratios={name: value / 100 for name, value in norms.items()},
    )


def test_epoch_metrics_with_gradient_flow_cross_the_process_pipe() -> None:
    metrics = epoch(1, {**SIGMOID, **RELU})
    again = pickle.loads(pickle.dumps(metrics))
    assert again.grad_norms == metrics.grad_norms
    assert again.update_ratios["relu_layer1"] == pytest.approx(0.008)


def test_levels_and_colours_run_from_vanishing_to_healthy_and_exploding(qapp) -> None:
    vanishing, healthy, exploding = (qcolor(c) for c in GRADIENT_FLOW)
    assert flow_level(1.0, 1.0) == 1.0
    assert flow_level(1e-3, 1.0) == 0.0 and flow_level(1e-6, 1.0) == 0.0
    assert flow_level(0.1, 1.0) == pytest.approx(2 / 3)
    assert flow_color(1e-4, 1.0) == vanishing
    assert flow_color(1.0, 1.0) == healthy
    assert flow_color(500.0, 500.0) == exploding
    assert flow_color(math.nan, 1.0) == exploding
    middle = flow_color(0.03, 1.0)  # half a step between the two
    assert vanishing.green() < middle.green() < healthy.green()


def test_the_gradients_tab_appears_with_a_curve_per_layer(qtbot) -> None:
    views = ResultViews()
    qtbot.addWidget(views)
    views.show()
    views.begin_run("run 1", epochs=2)
    info = RunInfo("cpu", "CPU", 100, 20, 4, 2, ["a", "b"], "classification")
    views.run_started(info)
    tab = views.tabs.indexOf(views.gradients)
    assert not views.tabs.isTabVisible(tab)
    with qtbot.waitSignal(views.gradientsMeasured) as signal:
        views.add_epoch(epoch(1, {**SIGMOID, **RELU}))
    assert signal.args[0].grad_norms["sig_layer1"] == 2e-5
    views.add_epoch(epoch(2, {**SIGMOID, "relu_layer1": 0.5}))  # two layers missing
    assert views.tabs.isTabVisible(tab)
    views.tabs.setCurrentWidget(views.gradients)
    plot = views.gradients
    assert set(plot.norm_curves) == set(SIGMOID) | set(RELU)
    curve = plot.norm_curves["sig_layer1"]
    assert list(curve.xData) == [1.0, 2.0] and curve.yData[0] == 2e-5
    assert curve.opts["logMode"] == [False, True]  # a log y axis
    assert math.isnan(plot.norm_curves["relu_layer2"].yData[1])  # a gap, not a zero
    assert plot.ratio_curves["relu_layer1"].yData[1] == pytest.approx(0.005)
    views.begin_run("run 2", epochs=2)
    assert not views.tabs.isTabVisible(tab) and not plot.norm_curves


@pytest.fixture
def window(vanishing_gradients_window):
    return vanishing_gradients_window


def bars(window: MainWindow) -> dict[str, GradientBar]:
    scene = window.view.network_scene
    found = {}
    for item in scene.node_items():
        for child in item.childItems():
            if isinstance(child, GradientBar):
                found[scene.graph.node(item.node_id).name] = child
    return found


def test_cards_show_their_gradient_as_a_coloured_strip(window, qtbot) -> None:
    assert bars(window) == {}
    window.inside.show_gradients(epoch(1, {**SIGMOID, **RELU}))
    strips = bars(window)
    assert set(strips) == set(SIGMOID) | set(RELU)  # only layers with weights
    vanishing, healthy = qcolor(GRADIENT_FLOW[0]), qcolor(GRADIENT_FLOW[1])
    assert strips["sig_layer1"].color == vanishing
    assert strips["relu_layer3"].color == healthy
    assert "Gradient norm 2.00e−05" in strips["sig_layer1"].toolTip()
    assert "Update / weight ratio" in strips["sig_layer1"].toolTip()
    card = strips["sig_layer1"].parentItem()
    assert (
        strips["sig_layer1"].sceneBoundingRect().top() > card.sceneBoundingRect().top()
    )
    action = window.action("gradient_colours")
    assert action.isChecked()
    action.setChecked(False)
    assert not any(bar.isVisible() for bar in bars(window).values())
    action.setChecked(True)
    assert all(bar.isVisible() for bar in bars(window).values())
    # A later epoch without a layer takes its strip away; another project clears all.
    window.inside.show_gradients(epoch(2, RELU))
    assert set(bars(window)) == set(RELU)
    window.document.load(SAMPLES_DIR / "mlp.json")
    assert bars(window) == {}


def test_a_gan_s_labels_colour_the_cards_of_their_own_network(window) -> None:
    window.document.load(SAMPLES_DIR / "gan.json")
    project = load_project(SAMPLES_DIR / "gan.json")
    first, second = project.networks[0], project.networks[1]
    layer = next(n.name for n in first.nodes if n.type == "Linear")
    other = next(n.name for n in second.nodes if n.type == "Linear")
    norms = {f"{first.name}/{layer}": 0.5, f"{second.name}/{other}": 0.001}
    window.document.set_current_network(first.name)
    window.inside.show_gradients(epoch(1, norms))
    assert set(bars(window)) == {layer}
    window.document.set_current_network(second.name)  # built now, coloured too
    strips = bars(window)
    assert set(strips) == {other}
    assert strips[other].color != QColor(GRADIENT_FLOW[1])


def test_a_real_run_fills_the_gradients_tab_and_the_canvas_strips(
    window, qtbot
) -> None:
    """The vanishing-gradients sample, trained for two epochs in the training process."""
    document = window.document
    training = dict(document.project.training or {})
    document.set_training({**training, "epochs": 2, "device": "cpu"})
    panel = window.show_training()
    qtbot.waitUntil(lambda: panel.dataset_picker.dataset is not None, timeout=30_000)
    assert panel.start()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=120_000)
    assert panel.last_result.status == "finished", panel.last_result.message
    plot = panel.results.gradients
    assert panel.results.tabs.isTabVisible(panel.results.tabs.indexOf(plot))
    assert len(plot.epochs) == 2 and "sig_layer1" in plot.norms
    strips = bars(window)
    assert "sig_layer1" in strips and "relu_layer1" in strips
    # The measured flow: the Sigmoid stack's first layer gets far less gradient.
    assert plot.norms["sig_layer1"][-1] < plot.norms["relu_layer1"][-1] / 10
    assert strips["sig_layer1"].color != strips["relu_layer1"].color
