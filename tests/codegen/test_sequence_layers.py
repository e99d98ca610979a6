"""Sequence layers that real models need: the fixed sinusoidal encoding, attention
masks, recurrent state ports and time-first layouts, built from generated code."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from designer.codegen.build import build_model
from designer.codegen.module import generate_code
from designer.graph.model import Graph, Project
from designer.shapes.infer import infer_shapes

torch.set_num_threads(1)


def _one_layer(
    layer_type: str, params: dict[str, Any], shape: list, dtype: str = "float"
) -> Project:
    graph = Graph("model")
    source = graph.add_node("Input", params={"shape": shape, "dtype": dtype})
    layer = graph.add_node(layer_type, name="layer", params=params)
    sink = graph.add_node("Output")
    graph.connect(source.id, "out", layer.id, "in")
    graph.connect(layer.id, "out", sink.id, "in")
    return Project("sequence", [graph])


# -- sinusoidal positional encoding ----------------------------------------------------

# sin/cos of t / 10000^(2i/E), worked out by hand for E = 4 and t = 0, 1, 2.
HAND_TABLE_E4 = [
    [0.0, 1.0, 0.0, 1.0],
    [0.841471, 0.540302, 0.010000, 0.999950],
    [0.909297, -0.416147, 0.019999, 0.999800],
]
# E = 3 (odd): the last column is a sine of t / 10000^(2/3) = t / 464.16.
HAND_TABLE_E3 = [
    [0.0, 1.0, 0.0],
    [0.841471, 0.540302, 0.002154],
    [0.909297, -0.416147, 0.004309],
]


@pytest.mark.parametrize(
    ("embedding", "table"), [(4, HAND_TABLE_E4), (3, HAND_TABLE_E3)]
)
def test_sinusoidal_encoding_adds_the_hand_computed_table(
    embedding: int, table: list[list[float]]
) -> None:
    project = _one_layer(
        "SinusoidalPositionalEncoding", {"max_len": 16}, ["L", embedding]
    )
    module = build_model(project).eval()
    zeros = torch.zeros(2, 3, embedding)
    result = module(zeros)
    expected = torch.tensor(table).expand(2, 3, embedding)
    assert torch.allclose(result, expected, atol=1e-5)
    ones = torch.ones(1, 3, embedding)
    assert torch.allclose(module(ones), ones + torch.tensor(table), atol=1e-5)


def test_sinusoidal_encoding_learns_nothing_and_saves_no_table() -> None:
    project = _one_layer(
        "SinusoidalPositionalEncoding", {"max_len": 64, "dropout": 0.1}, ["L", 8]
    )
    module = build_model(project)
    assert sum(p.numel() for p in module.parameters()) == 0
    assert dict(module.named_buffers())["layer.table"].shape == (64, 8)
    assert module.state_dict() == {}
    code = generate_code(project)
    assert "SinusoidalPositionalEncoding(8, 64, dropout=0.1)" in code
    assert 'self.register_buffer("table", table, persistent=False)' in code
    graph = project.networks[0]
    info = infer_shapes(graph).nodes[graph.node_by_name("layer").id]
    assert info.params == 0 and info.outputs["out"] == ("N", "L", 8)


def test_sinusoidal_encoding_refuses_a_sequence_longer_than_max_len() -> None:
    project = _one_layer("SinusoidalPositionalEncoding", {"max_len": 4}, [6, 8])
    graph = project.networks[0]
    error = infer_shapes(graph).nodes[graph.node_by_name("layer").id].error
    assert error is not None and "exceeds max_len 4" in error
