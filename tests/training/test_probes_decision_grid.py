"""The point pad's probe: decision regions of a 2-D classifier and a placed point."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest
import torch

from designer.codegen.build import build_networks
from designer.graph.project_file import load_project, project_to_dict
from designer.training.checkpoints import save_weights
from designer.training.datasets import load_dataset
from designer.training.messages import RunRequest
from designer.training.probes.decision_grid import (
    LiveRegions,
    PointDataError,
    check_point_data,
    probe_point,
)
from designer.training.probes.messages import ProbeReport
from designer.training.probes.regions import (
    GRID_SIDE,
    SHOWN_POINTS,
    DecisionRegions,
    grid_axes,
    grid_probabilities_at,
    is_point_data,
)
from designer.training.server.process import run_training
from tests.training.probe_helpers import SAMPLES


@pytest.fixture(scope="module")
def moons() -> Any:
    return load_dataset({"name": "moons", "options": {}})


def moons_network() -> tuple[Any, Any]:
    project = load_project(SAMPLES / "moons.json")
    torch.manual_seed(3)
    built = build_networks(project)
    return project, built[project.networks[0].name]


def test_the_grid_is_square_and_covers_the_data(moons) -> None:
    xs, ys = grid_axes(moons.x)
    assert len(xs) == len(ys) == GRID_SIDE
    assert xs[-1] - xs[0] == pytest.approx(ys[-1] - ys[0], rel=1e-5)
    assert xs[0] < moons.x[:, 0].min() and xs[-1] > moons.x[:, 0].max()
    assert ys[0] < moons.x[:, 1].min() and ys[-1] > moons.x[:, 1].max()


def test_regions_give_each_cell_a_class_and_the_point_the_network_s_answer(
    moons,
) -> None:
    project, network = moons_network()
    live = LiveRegions(project.networks[0].name, network, moons, point=(0.5, 0.25))
    regions = live.regions("untrained")
    assert regions.probabilities.shape == (GRID_SIDE, GRID_SIDE, 2)
    assert regions.regions.shape == (GRID_SIDE, GRID_SIDE)
    assert set(np.unique(regions.regions)) <= {0, 1}
    sums = regions.probabilities.astype(np.float32).sum(axis=-1)
    assert np.allclose(sums, 1.0, atol=2e-3)  # float16 on the way
    assert regions.points.shape == (SHOWN_POINTS, 2)
    assert regions.labels.shape == (SHOWN_POINTS,)
    assert regions.classes == ["class 0", "class 1"]
    # The point's probabilities are the module's own forward pass, softmaxed.
    network.module.eval()
    with torch.no_grad():
        logits = network.module(torch.tensor([[0.5, 0.25]]))
    expected = torch.softmax(logits, dim=1)[0].numpy()
    assert regions.point_probabilities == pytest.approx(expected, abs=1e-6)
    assert regions.point_probabilities.sum() == pytest.approx(1.0, abs=1e-6)
    # Each cell's class is the module's prediction at the cell's centre.
    xs, ys = live.axes
    xx, yy = np.meshgrid(xs, ys)
    with torch.no_grad():
        cells = network.module(torch.tensor(np.stack([xx, yy], axis=-1)))
    expected_probs = torch.softmax(cells, dim=-1).numpy()
    assert regions.probabilities == pytest.approx(expected_probs, abs=1e-3)
    clear = np.abs(expected_probs[..., 0] - expected_probs[..., 1]) > 1e-2
    assert clear.sum() > GRID_SIDE  # not all ties
    assert np.array_equal(regions.regions[clear], expected_probs.argmax(-1)[clear])
    row, col = 7, 41
    near = grid_probabilities_at(regions, (float(xs[col]), float(ys[row])))
    assert near == pytest.approx(regions.probabilities[row, col], abs=1e-6)


def test_live_regions_come_at_most_a_few_times_a_second(moons) -> None:
    project, network = moons_network()
    live = LiveRegions(project.networks[0].name, network, moons)
    assert isinstance(live.maybe_regions(now=100.0), DecisionRegions)
    assert live.maybe_regions(now=100.1) is None
    assert live.maybe_regions(now=101.0) is not None


def test_data_that_is_not_two_d_points_is_refused_with_a_reason() -> None:
    digits = load_dataset({"name": "digits", "options": {}})
    assert not is_point_data(digits.x, digits.classes)
    with pytest.raises(PointDataError, match="two numbers"):
        check_point_data(digits)


def test_a_point_goes_through_trained_weights_or_untrained_ones(
    tmp_path, moons
) -> None:
    project, network = moons_network()
    point = (-0.5, 0.75)
    before, reports = probe_point(project_to_dict(project), moons, None, point)
    again, _ = probe_point(project_to_dict(project), moons, None, point)
    assert before.weights == "untrained"
    assert np.array_equal(before.probabilities, again.probabilities)  # seeded
    assert [r.network for r in reports] == [project.networks[0].name]
    assert reports[0].saliency is not None  # the cards' previews follow the point
    weights = tmp_path / "trained.safetensors"
    save_weights({project.networks[0].name: network.module}, weights)
    after, _ = probe_point(project_to_dict(project), moons, str(weights), point)
    assert after.weights == "trained"
    network.module.eval()
    with torch.no_grad():
        logits = network.module(torch.tensor([point]))
    expected = torch.softmax(logits, dim=1)[0].numpy()
    assert after.point_probabilities == pytest.approx(expected, abs=1e-6)
    regions, reports = probe_point(project_to_dict(project), moons, None, None)
    assert regions.point is None and regions.point_probabilities is None
    assert reports == []


class ListQueue:
    def __init__(self) -> None:
        self.items: list[tuple[int, str, Any]] = []

    def put(self, item: tuple[int, str, Any]) -> None:
        self.items.append(item)


def test_a_run_on_moons_sends_regions_while_training_and_once_after(
    tmp_path,
) -> None:
    project = load_project(SAMPLES / "moons.json")
    settings = {**project.training, "epochs": 2, "device": "cpu"}
    request = RunRequest(
        project_to_dict(project),
        {"name": "moons", "options": {}},
        settings,
        str(tmp_path),
        step_interval_s=0.0,
        extra={"probe_sample": None, "regions_point": [0.0, 0.5]},
    )
    queue = ListQueue()
    run_training(1, request, queue, threading.Event(), threading.Event())
    kinds = [kind for _run, kind, _payload in queue.items]
    assert kinds[-1] == "done" and "end" in kinds, kinds
    found = [p for _r, kind, p in queue.items if isinstance(p, DecisionRegions)]
    assert [r.weights for r in found][0] == "training"
    assert found[-1].weights == "trained"
    assert kinds.index("end") > max(
        i for i, (_r, _k, p) in enumerate(queue.items) if p is found[-1]
    )
    assert all(r.point == (0.0, 0.5) for r in found)
    assert all(r.point_probabilities is not None for r in found)


def test_the_process_answers_a_point_probe_and_says_why_not(tmp_path) -> None:
    project = load_project(SAMPLES / "moons.json")
    request = RunRequest(
        project_to_dict(project),
        {"name": "moons", "options": {}},
        dict(project.training),
        str(tmp_path),
        extra={"point_probe": True, "point": [0.25, 0.25]},
    )
    queue = ListQueue()
    run_training(1, request, queue, threading.Event(), threading.Event())
    inside = [p for _r, kind, p in queue.items if kind == "inside"]
    assert isinstance(inside[0], DecisionRegions) and inside[0].weights == "untrained"
    assert all(isinstance(r, ProbeReport) for r in inside[1])
    digits = RunRequest(
        project_to_dict(project),
        {"name": "digits", "options": {}},
        dict(project.training),
        str(tmp_path),
        extra={"point_probe": True, "point": None},
    )
    queue = ListQueue()
    run_training(2, digits, queue, threading.Event(), threading.Event())
    inside = [p for _r, kind, p in queue.items if kind == "inside"]
    assert len(inside) == 1 and "two numbers" in inside[0]
    assert queue.items[-1][1] == "done"
