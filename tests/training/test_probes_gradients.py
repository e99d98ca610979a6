"""Gradient flow: norms and update ratios per layer, and vanishing gradients shown."""

from __future__ import annotations

import pytest
import torch
from probe_helpers import SAMPLES, random_inputs, sample_network

from designer.codegen.build import build_networks
from designer.graph.project_file import load_project
from designer.training.datasets import load_dataset
from designer.training.probes.gradients import GradientTracker, node_names


def test_norms_and_ratios_are_measured_per_layer() -> None:
    project, graph, network = sample_network("mlp")
    model = network.module.train()
    names = node_names(project, {graph.name: network})
    tracker = GradientTracker(model, {"model": names["model"]}, every=1)
    assert list(tracker.layers) == ["hidden1", "hidden2", "logits"]
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = random_inputs(network, batch=8)[0], torch.arange(8) % 10
    torch.nn.functional.cross_entropy(model(x), y).backward()
    layer = model.hidden1
    grad = torch.cat([layer.weight.grad.flatten(), layer.bias.grad.flatten()])
    weights = torch.cat([layer.weight.flatten(), layer.bias.flatten()]).detach()
    tracker.after_backward()
    optimizer.step()
    tracker.after_step()
    flow = tracker.epoch_flow()
    assert flow.epoch == 1 and flow.sampled_steps == 1
    assert flow.grad_norms["hidden1"] == pytest.approx(float(grad.norm()), rel=1e-5)
    expected_ratio = float((0.1 * grad).norm() / weights.norm())
    assert flow.update_ratios["hidden1"] == pytest.approx(expected_ratio, rel=1e-4)
    assert tracker.epoch_summary() == {}  # a new epoch with nothing measured yet


def test_only_every_nth_step_is_measured() -> None:
    _project, _graph, network = sample_network("mlp")
    model = network.module.train()
    tracker = GradientTracker(model, every=3)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    measured = []
    for _ in range(7):
        x = random_inputs(network, batch=4)[0]
        optimizer.zero_grad()
        model(x).sum().backward()
        measured.append(tracker.measuring)
        tracker.after_backward()
        optimizer.step()
        tracker.after_step()
    assert measured == [True, False, False, True, False, False, True]
    assert tracker.epoch_flow().sampled_steps == 3
    with pytest.raises(ValueError, match="at least 1"):
        GradientTracker(model, every=0)


def train_briefly(project, built, steps: int = 8) -> dict[str, float]:
    """A few SGD steps on the digits; the mean gradient norm per layer."""
    data = load_dataset({"name": "digits"})
    x = torch.from_numpy(data.x[: steps * 32]).float()
    y = torch.from_numpy(data.y[: steps * 32]).long()
    model = built["model"].module.train()
    tracker = GradientTracker({"model": model}, node_names(project, built), every=1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for step in range(steps):
        batch = slice(step * 32, (step + 1) * 32)
        loss = torch.nn.functional.cross_entropy(model(x[batch]), y[batch])
        optimizer.zero_grad()
        loss.backward()
        tracker.after_backward()
        optimizer.step()
        tracker.after_step()
    return tracker.epoch_summary()


def test_the_sigmoid_branch_s_first_layer_hardly_learns() -> None:
    """The sample: a Sigmoid MLP beside the same MLP with BatchNorm + ReLU, both
    trained on one loss (their scores are added), so one run compares them."""
    project = load_project(SAMPLES / "vanishing_gradients.json")
    types = {node.name: node.type for node in project.networks[0].nodes}
    assert types["sig_sigmoid1"] == "Sigmoid" and types["relu_bn1"] == "BatchNorm1d"
    torch.manual_seed(0)
    norms = train_briefly(project, build_networks(project))
    assert norms["sig_layer1"] < norms["relu_layer1"] / 10
    # In the sigmoid branch the norm shrinks layer by layer towards the input.
    assert norms["sig_layer1"] < norms["sig_layer2"] < norms["sig_layer3"]


def test_the_tracker_measures_only_every_tenth_step() -> None:
    """Its cost stays small because it touches the gradients on one step in ten:
    the other steps neither read a gradient nor copy a weight."""
    _project, _graph, network = sample_network("mlp")
    model = network.module.train()
    optimizer = torch.optim.Adam(model.parameters())
    x, y = random_inputs(network, batch=32)[0], torch.arange(32) % 10
    tracker = GradientTracker(model, every=10)
    measured = []
    for _ in range(60):
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        measured.append(tracker.measuring)
        tracker.after_backward()
        assert bool(tracker._before) == measured[-1]  # weights copied only then
        optimizer.step()
        tracker.after_step()
        assert not tracker._before
    assert measured == [step % 10 == 0 for step in range(60)]
    assert set(tracker._grad_counts.values()) == {6}  # 60 steps, 6 measured
    assert set(tracker._ratio_counts.values()) == {6}
