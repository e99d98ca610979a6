"""Capturing every node's output, previews of it, and the capped messages."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import numpy as np
import pytest
import torch
from probe_helpers import random_inputs, sample_network

from designer.training.probes import shrink
from designer.training.probes.capture import ProbeError, capture
from designer.training.probes.messages import LayerPreview
from designer.training.probes.previews import layer_previews, preview_array


def by_name(result, name: str) -> str:
    return next(n for n in result.order if result.node(n).name == name)


def test_a_linear_output_is_its_weights_times_its_input() -> None:
    _project, graph, network = sample_network("mlp")
    inputs = random_inputs(network, batch=3)
    with torch.no_grad():
        result = capture(network, graph, inputs)
        hidden = network.module.hidden1
        flat = result.value(by_name(result, "flatten_1"))
        expected = flat @ hidden.weight.T + hidden.bias
        assert torch.equal(flat, inputs[0].reshape(3, -1))
        assert torch.allclose(
            result.value(by_name(result, "hidden1")), expected, atol=1e-6
        )
        assert torch.equal(result.outputs[0], network.module(*inputs))
        assert torch.equal(result.value(by_name(result, "logits")), result.outputs[0])


def test_functional_nodes_are_captured_too() -> None:
    _project, graph, network = sample_network("resnet_block")
    with torch.no_grad():
        result = capture(network, graph, random_inputs(network))
    residual = result.value(by_name(result, "residual"))
    expected = result.value(by_name(result, "bn_b")) + result.value(
        by_name(result, "stem_relu")
    )
    assert torch.equal(residual, expected)
    names = [result.node(n).name for n in result.order]
    assert names[0] == "image" and names.index("residual") > names.index("bn_b")
    assert len(names) == len(graph.nodes) - 1  # every node but the Output


def test_multi_output_nodes_keep_every_port() -> None:
    _project, graph, network = sample_network("vae")
    with torch.no_grad():
        result = capture(network, graph, random_inputs(network))
    split = by_name(result, "split")
    first, second = result.values[split]
    assert torch.equal(
        torch.cat([first, second], dim=1), result.value(by_name(result, "enc2"))
    )
    assert torch.equal(result.outputs[1], first) and torch.equal(
        result.outputs[2], second
    )
    previews = [p for p in layer_previews(result) if p.node_id == split]
    assert [(p.name, p.port) for p in previews] == [
        ("split.out1", "out1"),
        ("split.out2", "out2"),
    ]


def test_a_sample_of_the_wrong_shape_is_a_clear_error() -> None:
    _project, graph, network = sample_network("mlp")
    with pytest.raises(ProbeError, match="does not fit the network"):
        capture(network, graph, [torch.zeros(1, 3, 5, 5)])
    with pytest.raises(ProbeError, match="takes 1 inputs"):
        capture(network, graph, [])


@pytest.mark.parametrize(
    ("sample", "kinds"),
    [
        ("cnn_mnist", {"conv1": ("image", (32, 26, 26)), "dense2": ("vector", (10,))}),
        ("lstm", {"lstm1": ("sequence", (32, 64)), "last": ("vector", (64,))}),
        (
            "transformer",
            {"encoder1": ("sequence", (16, 32)), "tokens": ("vector", (16,))},
        ),
    ],
)
def test_previews_pick_a_picture_for_each_shape(sample: str, kinds: dict) -> None:
    _project, graph, network = sample_network(sample)
    with torch.no_grad():
        result = capture(network, graph, random_inputs(network))
    previews = {p.name: p for p in layer_previews(result)}
    for name, (kind, shape) in kinds.items():
        preview = previews[name]
        assert (preview.kind, preview.data.shape) == (kind, shape)
        value = result.value(by_name(result, name))[0].float()
        assert preview.stats.minimum == pytest.approx(float(value.min()))
        assert preview.stats.maximum == pytest.approx(float(value.max()))
        assert preview.stats.mean == pytest.approx(float(value.mean()), abs=1e-6)
        assert preview.data.dtype == np.float32


def test_big_values_are_capped_and_binned() -> None:
    kind, data, capped = preview_array(np.ones((100, 70, 50), dtype=np.float32))
    assert (kind, data.shape, capped) == ("image", (64, 32, 32), True)
    assert np.allclose(data, 1)  # mean binning keeps the look
    kind, data, capped = preview_array(np.arange(1000, dtype=np.float32))
    assert (kind, data.shape, capped) == ("vector", (256,), True)
    assert data.mean() == pytest.approx(499.5, rel=1e-3)
    kind, data, _ = preview_array(np.zeros((500, 300), dtype=np.float32))
    assert (kind, data.shape) == ("sequence", (128, 128))
    assert preview_array(np.float32(2.5))[0] == "scalar"


def test_shrunk_attention_rows_still_sum_to_one() -> None:
    rng = np.random.default_rng(0)
    weights = rng.random((2, 300, 301)).astype(np.float32)
    weights /= weights.sum(-1, keepdims=True)
    small = shrink.attention_map(weights)
    assert small.shape == (2, 128, 128)
    assert np.allclose(small.sum(-1), 1, atol=1e-5)
    assert np.array_equal(
        shrink.attention_map(weights[:, :10, :10]), weights[:, :10, :10]
    )


def test_reports_are_small_and_picklable() -> None:
    _project, graph, network = sample_network("cnn_mnist")
    with torch.no_grad():
        result = capture(network, graph, random_inputs(network))
    previews = layer_previews(result)
    restored = pickle.loads(pickle.dumps(previews))
    assert all(isinstance(p, LayerPreview) for p in restored)
    assert np.array_equal(restored[1].data, previews[1].data)
    assert all(p.data.nbytes <= 64 * 32 * 32 * 4 for p in previews)


def test_the_messages_module_does_not_import_torch() -> None:
    script = (
        "import json, sys\n"
        "import designer.training.probes.messages, designer.training.probes.shrink\n"
        "import designer.training.probes.pictures\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'torch')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
