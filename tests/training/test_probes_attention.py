"""Attention weights per head, checked against PyTorch's own need_weights output."""

from __future__ import annotations

import numpy as np
import torch
from probe_helpers import random_inputs, sample_network

from designer.codegen.build import build_networks
from designer.graph.model import Graph, Project
from designer.training.probes.attention import attention_maps
from designer.training.probes.capture import capture


def test_encoder_attention_matches_torch_and_rows_sum_to_one() -> None:
    _project, graph, network = sample_network("transformer")
    inputs = random_inputs(network)
    maps = attention_maps(network, graph, inputs)
    assert [m.name for m in maps] == ["encoder1", "encoder2"]
    with torch.no_grad():
        result = capture(network, graph, inputs)
        layer = network.module.encoder1
        assert not layer.norm_first
        source = result.value(
            next(n for n in result.order if result.node(n).name == "positions")
        )
        _out, expected = layer.self_attn(
            source, source, source, need_weights=True, average_attn_weights=False
        )
    first = maps[0]
    assert first.weights.shape == (4, 16, 16) and first.length == 16
    assert np.allclose(first.weights, expected[0].numpy(), atol=1e-5)
    assert np.allclose(first.weights.sum(-1), 1, atol=1e-5)
    assert not np.allclose(maps[1].weights, first.weights)  # each layer its own


def test_the_hooks_do_not_change_the_output_and_are_removed() -> None:
    _project, graph, network = sample_network("transformer")
    inputs = random_inputs(network)
    with torch.no_grad():
        before = network.module(*inputs)
    attention_maps(network, graph, inputs)
    attention = network.module.encoder1.self_attn
    assert not attention._forward_hooks and not attention._forward_pre_hooks
    with torch.no_grad():
        assert torch.allclose(network.module(*inputs), before, atol=1e-6)


def test_a_multihead_attention_node_gives_its_heads() -> None:
    graph = Graph("model")
    chain = [
        graph.add_node("Input", "sequence", {"shape": [10, 16]}),
        graph.add_node("MultiheadAttention", "attention", {"num_heads": 4}),
        graph.add_node("Output", "out"),
    ]
    for a, b in zip(chain, chain[1:], strict=False):
        graph.connect(a.id, "out", b.id, "in")
    torch.manual_seed(0)
    network = build_networks(Project("attention", [graph]))["model"]
    network.module.eval()
    x = torch.randn(1, 10, 16)
    (found,) = attention_maps(network, graph, [x])
    module = network.module.attention
    with torch.no_grad():
        _out, expected = module(x, x, x, need_weights=True, average_attn_weights=False)
    assert found.weights.shape == (4, 10, 10)
    assert np.allclose(found.weights, expected[0].numpy(), atol=1e-5)
    assert np.allclose(found.weights.sum(-1), 1, atol=1e-5)


def test_networks_without_attention_give_none() -> None:
    _project, graph, network = sample_network("lstm")
    assert attention_maps(network, graph, random_inputs(network)) == []
