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


# -- attention masks -------------------------------------------------------------------


def _attention_project(layer_type: str, params: dict[str, Any]) -> Project:
    heads = {"MultiheadAttention": "num_heads", "TransformerEncoderLayer": "nhead"}
    return _one_layer(layer_type, {heads[layer_type]: 2, **params}, ["L", 8])


@pytest.mark.parametrize(
    "layer_type", ["MultiheadAttention", "TransformerEncoderLayer"]
)
@pytest.mark.parametrize("batch_first", [True, False])
def test_causal_attention_at_a_step_ignores_later_steps(
    layer_type: str, batch_first: bool
) -> None:
    params = {"causal": True, "dropout": 0.0, "batch_first": batch_first}
    module = build_model(_attention_project(layer_type, params)).eval()
    torch.manual_seed(1)
    x = torch.randn(2, 7, 8)
    changed = x.clone()
    changed[:, 4:] = torch.randn(2, 3, 8)
    with torch.no_grad():
        before, after = module(x), module(changed)
    assert torch.allclose(before[:, :4], after[:, :4], atol=1e-5)
    assert not torch.allclose(before[:, 4:], after[:, 4:], atol=1e-3)
    assert "is_causal=True" in generate_code(_attention_project(layer_type, params))


@pytest.mark.parametrize(
    "layer_type", ["MultiheadAttention", "TransformerEncoderLayer"]
)
def test_attention_without_the_mask_sees_later_steps(layer_type: str) -> None:
    module = build_model(_attention_project(layer_type, {"dropout": 0.0})).eval()
    x = torch.randn(2, 7, 8)
    changed = x.clone()
    changed[:, 6] += 1.0
    with torch.no_grad():
        assert not torch.allclose(module(x)[:, 0], module(changed)[:, 0], atol=1e-4)


PADDED_KINDS = ["MultiheadAttention", "TransformerEncoderLayer"]


def _padded_attention(
    params: dict[str, Any], mask_shape: list, kind: str = "MultiheadAttention"
) -> Graph:
    graph = Graph("model")
    tokens = graph.add_node("Input", name="x", params={"shape": ["L", 8]})
    mask = graph.add_node(
        "Input", name="padding", params={"shape": mask_shape, "dtype": "long"}
    )
    heads = "num_heads" if kind == "MultiheadAttention" else "nhead"
    layer = graph.add_node(
        kind, name="layer", params={heads: 2, "key_padding_port": True, **params}
    )
    sink = graph.add_node("Output")
    graph.connect(tokens.id, "out", layer.id, "in")
    graph.connect(mask.id, "out", layer.id, "padding_mask")
    graph.connect(layer.id, "out", sink.id, "in")
    return graph


@pytest.mark.parametrize("kind", PADDED_KINDS)
def test_the_key_padding_port_hides_padded_positions(kind: str) -> None:
    graph = _padded_attention({"causal": True}, ["L"], kind)
    assert graph.node_by_name("layer").input_ports() == ["in", "padding_mask"]
    module = build_model(Project("padded", [graph])).eval()
    x = torch.randn(2, 6, 8)
    padding = torch.tensor([[0, 0, 0, 0, 1, 1], [0, 0, 0, 1, 1, 1]])
    changed = x.clone()
    changed[0, 4:] = torch.randn(2, 8)
    changed[1, 3:] = torch.randn(3, 8)
    with torch.no_grad():
        before, after = module(x, padding), module(changed, padding)
    assert torch.allclose(before[0, :4], after[0, :4], atol=1e-5)
    assert torch.allclose(before[1, :3], after[1, :3], atol=1e-5)
    code = generate_code(Project("padded", [graph]))
    assert "key_padding_mask=padding.bool()" in code


@pytest.mark.parametrize("kind", PADDED_KINDS)
def test_a_padding_mask_of_the_wrong_shape_is_a_problem(kind: str) -> None:
    graph = _padded_attention({}, [5], kind)
    error = infer_shapes(graph).nodes[graph.node_by_name("layer").id].error
    assert error is not None
    assert "expects a key padding mask (N, L) for the sequence (N, L, 8)" in error
    graph = _padded_attention({}, ["L", 2], kind)
    assert infer_shapes(graph).nodes[graph.node_by_name("layer").id].error


# -- recurrent state ports -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["RNN", "GRU", "LSTM"])
@pytest.mark.parametrize(
    ("layers", "bidirectional", "batch_first"),
    [(1, False, True), (2, True, True), (2, False, False), (1, True, False)],
)
def test_state_ports_match_pytorch(
    kind: str, layers: int, bidirectional: bool, batch_first: bool
) -> None:
    directions = 2 if bidirectional else 1
    states = ("h", "c") if kind == "LSTM" else ("h",)
    graph = Graph("model")
    params = {
        "hidden_size": 5,
        "num_layers": layers,
        "bidirectional": bidirectional,
        "batch_first": batch_first,
        "state_in": True,
        "state_out": True,
    }
    layer = graph.add_node(kind, name="rnn", params=params)
    assert layer.input_ports() == ["in", *(f"{s}0" for s in states)]
    assert layer.output_ports() == ["out", *(f"{s}_n" for s in states)]
    x = graph.add_node("Input", name="x", params={"shape": ["L", 3]})
    graph.connect(x.id, "out", layer.id, "in")
    for s in states:
        start = graph.add_node(
            "Input", name=f"{s}0", params={"shape": [layers * directions, 5]}
        )
        graph.connect(start.id, "out", layer.id, f"{s}0")
    for port in layer.output_ports():
        sink = graph.add_node("Output", name=f"y_{port}")
        graph.connect(layer.id, port, sink.id, "in")
    shapes = infer_shapes(graph)
    info = shapes.nodes[layer.id]
    assert info.outputs["h_n"] == ("N", layers * directions, 5)
    torch.manual_seed(0)
    module = build_model(Project("states", [graph])).eval()
    inputs = [torch.randn(4, 7, 3)]
    inputs += [torch.randn(4, layers * directions, 5) for _ in states]
    outputs = module(*inputs)
    # The same numbers from PyTorch's own layer, called in its own layout.
    reference = module.rnn
    sequence = inputs[0] if batch_first else inputs[0].transpose(0, 1)
    initial = [s.transpose(0, 1).contiguous() for s in inputs[1:]]
    out, final = reference(sequence, tuple(initial) if kind == "LSTM" else initial[0])
    finals = final if kind == "LSTM" else (final,)
    expected = [out if batch_first else out.transpose(0, 1)]
    expected += [f.transpose(0, 1) for f in finals]
    assert len(outputs) == len(expected)
    for got, want in zip(outputs, expected, strict=True):
        assert got.shape == want.shape
        assert torch.allclose(got, want)


def test_a_wrong_initial_state_is_a_problem() -> None:
    graph = Graph("model")
    layer = graph.add_node(
        "GRU", name="rnn", params={"hidden_size": 5, "num_layers": 2, "state_in": True}
    )
    x = graph.add_node("Input", params={"shape": ["L", 3]})
    h0 = graph.add_node("Input", params={"shape": [1, 5]})
    graph.connect(x.id, "out", layer.id, "in")
    graph.connect(h0.id, "out", layer.id, "h0")
    error = infer_shapes(graph).nodes[layer.id].error
    assert error is not None
    assert "expects the initial state h0 as (N, 2, 5), got (N, 1, 5)" in error


def _seq2seq() -> Graph:
    """Encoder LSTM → its (h_n, c_n) start the decoder LSTM → Linear per step."""
    graph = Graph("seq2seq")
    source = graph.add_node("Input", name="source", params={"shape": ["L", 4]})
    target = graph.add_node("Input", name="target", params={"shape": ["T", 3]})
    encoder = graph.add_node(
        "LSTM",
        name="encoder",
        params={"hidden_size": 6, "num_layers": 2, "state_out": True},
    )
    decoder = graph.add_node(
        "LSTM",
        name="decoder",
        params={"hidden_size": 6, "num_layers": 2, "state_in": True},
    )
    head = graph.add_node("Linear", name="head", params={"out_features": 3})
    sink = graph.add_node("Output", name="prediction")
    graph.connect(source.id, "out", encoder.id, "in")
    graph.connect(target.id, "out", decoder.id, "in")
    graph.connect(encoder.id, "h_n", decoder.id, "h0")
    graph.connect(encoder.id, "c_n", decoder.id, "c0")
    graph.connect(decoder.id, "out", head.id, "in")
    graph.connect(head.id, "out", sink.id, "in")
    return graph


def test_a_seq2seq_graph_passes_the_encoder_state_and_trains_a_step() -> None:
    graph = _seq2seq()
    shapes = infer_shapes(graph)
    assert shapes.valid, [p.message for p in shapes.errors]
    project = Project("seq2seq", [graph])
    code = generate_code(project)
    assert "encoder_out, (encoder_h_n, encoder_c_n) = self.encoder(source)" in code
    assert "encoder_h_n = encoder_h_n.transpose(0, 1)" in code
    assert "encoder_h_n.transpose(0, 1).contiguous()" in code
    torch.manual_seed(0)
    module = build_model(project)
    optimiser = torch.optim.Adam(module.parameters(), lr=0.01)
    source, target = torch.randn(4, 9, 4), torch.randn(4, 5, 3)
    prediction = module(source, target)
    assert prediction.shape == (4, 5, 3)
    loss = torch.nn.functional.mse_loss(prediction, target)
    loss.backward()
    assert all(p.grad is not None for p in module.encoder.parameters())
    before = [p.detach().clone() for p in module.encoder.parameters()]
    optimiser.step()
    after = list(module.encoder.parameters())
    assert any(not torch.equal(b, a) for b, a in zip(before, after, strict=True))
    # The decoder's output depends on the source only through the encoder's state.
    with torch.no_grad():
        changed = module(source + 1.0, target)
        assert not torch.allclose(changed, module(source, target))


# -- time-first layouts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("layer_type", "params"),
    [
        ("LSTM", {"hidden_size": 5, "num_layers": 2}),
        ("GRU", {"hidden_size": 5, "bidirectional": True}),
        ("RNN", {"hidden_size": 5, "nonlinearity": "relu"}),
        ("MultiheadAttention", {"num_heads": 2, "causal": True}),
        ("TransformerEncoderLayer", {"nhead": 2, "dropout": 0.0}),
    ],
)
def test_time_first_layers_compute_what_batch_first_ones_do(
    layer_type: str, params: dict[str, Any]
) -> None:
    """batch_first off builds the PyTorch layer time-major and transposes around it;
    with the same weights, the graph's (batch-first) results are the same."""
    first = build_model(
        _one_layer(layer_type, {**params, "batch_first": True}, ["L", 8])
    )
    project = _one_layer(layer_type, {**params, "batch_first": False}, ["L", 8])
    code = generate_code(project)
    assert "batch_first=True" not in code.split("def forward")[0]
    assert ".transpose(0, 1)" in code
    graph = project.networks[0]
    info = infer_shapes(graph).nodes[graph.node_by_name("layer").id]
    assert info.outputs["out"][:2] == ("N", "L")
    time_first = build_model(project)
    time_first.load_state_dict(first.state_dict())
    x = torch.randn(3, 7, 8)
    with torch.no_grad():
        assert torch.allclose(first.eval()(x), time_first.eval()(x), atol=1e-5)
