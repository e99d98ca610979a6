"""Stepping through a forward pass, and the formulas with the numbers filled in."""

from __future__ import annotations

import re

import pytest
import torch
from probe_helpers import random_inputs, sample_network

from designer.training.probes.capture import capture
from designer.training.probes.messages import number
from designer.training.probes.stepping import forward_steps, linear_formula

NUMBER = r"\(?(−?\d+\.\d+(?:e[−+]?\d+)?)\)?"


def value(text: str) -> float:
    return float(text.replace("−", "-"))


def test_numbers_read_well() -> None:
    assert number(0.5) == "0.50" and number(-0.2) == "−0.20" and number(0) == "0.00"
    assert number(-0.00003) == "−3.0e−05"


def test_the_issue_s_linear_example() -> None:
    layer = torch.nn.Linear(2, 1)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor([[0.5, -0.2]]))
        layer.bias.fill_(0.1)
    x = torch.tensor([0.6, 0.4])
    text = linear_formula(layer, x, layer(x))
    assert text == "x₁ = 0.60, x₂ = 0.40\ny₁ = 0.50·x₁ + (−0.20)·x₂ + 0.10 = 0.32"


def test_a_linear_with_two_inputs_is_written_out() -> None:
    _project, graph, network = sample_network("moons")
    x = random_inputs(network)[0]
    with torch.no_grad():
        steps = forward_steps(capture(network, graph, [x]))
    step = next(s for s in steps if s.name == "hidden1")
    lines = step.formula.splitlines()
    xs = [value(v) for v in re.findall(r"x\S = " + NUMBER, lines[0])]
    assert xs == pytest.approx(x[0].tolist(), abs=0.005)
    layer = network.module.hidden1
    assert len(lines) == 1 + 4 + 1 and lines[-1].startswith("… and")
    for j, line in enumerate(lines[1:5]):
        weights = [value(w) for w in re.findall(NUMBER + r"·x", line)]
        assert weights == pytest.approx(layer.weight[j].tolist(), abs=0.005)
        result = value(re.findall(NUMBER, line)[-1])
        assert result == pytest.approx(float(layer(x)[0, j].detach()), abs=0.005)


def test_a_conv_patch_is_written_out_and_adds_up() -> None:
    _project, graph, network = sample_network("cnn_mnist")
    x = random_inputs(network)[0]
    with torch.no_grad():
        steps = forward_steps(capture(network, graph, [x]))
        conv = network.module.conv1
        output = conv(x)[0, 0]
    step = next(s for s in steps if s.name == "conv1")
    header, formula = step.formula.splitlines()
    row, col = (int(v) for v in re.findall(r"row (\d+), column (\d+)", header)[0])
    assert float(output[row - 1, col - 1]) == pytest.approx(float(output.max()))
    pairs = re.findall(NUMBER + "·" + NUMBER, formula)
    assert len(pairs) == 9
    weights = [value(w) for w, _ in pairs]
    patch = [value(p) for _, p in pairs]
    assert weights == pytest.approx(conv.weight[0, 0].flatten().tolist(), abs=0.005)
    expected_patch = x[0, 0, row - 1 : row + 2, col - 1 : col + 2].flatten().tolist()
    assert patch == pytest.approx(expected_patch, abs=0.005)
    numbers = [value(v) for v in re.findall(NUMBER, formula)]
    total = sum(w * p for w, p in zip(weights, patch, strict=True)) + numbers[-2]
    assert total == pytest.approx(numbers[-1], abs=0.05)
    assert numbers[-1] == pytest.approx(float(output.max()), abs=0.005)


def test_steps_follow_execution_order_with_shapes() -> None:
    _project, graph, network = sample_network("resnet_block")
    with torch.no_grad():
        steps = forward_steps(capture(network, graph, random_inputs(network)))
    names = [s.name for s in steps]
    assert names[0] == "image" and names[-1] == "classifier"
    assert [s.index for s in steps] == list(range(len(steps)))
    residual = steps[names.index("residual")]
    assert [slot.stats.shape for slot in residual.inputs] == [(16, 28, 28)] * 2
    assert residual.outputs[0].stats.shape == (16, 28, 28) and residual.formula is None
    assert steps[names.index("stem")].formula is not None
    assert steps[names.index("classifier")].formula is None  # 256 inputs: too many
