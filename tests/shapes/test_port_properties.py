"""Property tests for the layers whose parameters add ports: a recurrent layer's
state ports and attention's key padding mask, fed tensors of the shapes they need.

The single-layer property test draws every port's input at random, so these ports
almost always get a shape they refuse; here they get the right one, and inference
must agree with PyTorch (shapes and parameter counts) through ``run_and_compare``.
"""

from __future__ import annotations

import warnings
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from network_harness import run_and_compare

from designer.graph.model import Graph

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)


@st.composite
def recurrent_cases(draw: st.DrawFn) -> tuple[str, dict[str, Any], list]:
    kind = draw(st.sampled_from(("RNN", "GRU", "LSTM")))
    params = {
        "hidden_size": draw(st.integers(1, 6)),
        "num_layers": draw(st.integers(1, 3)),
        "bidirectional": draw(st.booleans()),
        "batch_first": draw(st.booleans()),
        "state_in": draw(st.booleans()),
        "state_out": draw(st.booleans()),
        "init": draw(st.sampled_from(("default", "orthogonal", "xavier_uniform"))),
    }
    sequence = [
        draw(st.one_of(st.integers(1, 6), st.just("L"))),
        draw(st.integers(1, 5)),
    ]
    return kind, params, sequence


@SETTINGS
@given(recurrent_cases())
def test_recurrent_state_ports_match_pytorch(
    case: tuple[str, dict[str, Any], list],
) -> None:
    kind, params, sequence = case
    graph = Graph("model")
    layer = graph.add_node(kind, name="layer", params=params)
    x = graph.add_node("Input", name="x", params={"shape": sequence})
    graph.connect(x.id, "out", layer.id, "in")
    states = params["num_layers"] * (2 if params["bidirectional"] else 1)
    for port in layer.input_ports()[1:]:
        start = graph.add_node(
            "Input", name=port, params={"shape": [states, params["hidden_size"]]}
        )
        graph.connect(start.id, "out", layer.id, port)
    for port in layer.output_ports():
        sink = graph.add_node("Output", name=f"y_{port}")
        graph.connect(layer.id, port, sink.id, "in")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # dropout with one layer
        result = run_and_compare(graph, {"L": 7})
    assert result.ran
    for port in layer.output_ports()[1:]:
        assert result.outputs[f"y_{port}"] == (3, states, params["hidden_size"])


@st.composite
def cell_cases(draw: st.DrawFn) -> tuple[str, dict[str, Any], int]:
    kind = draw(st.sampled_from(("RNNCell", "GRUCell", "LSTMCell")))
    params = {
        "hidden_size": draw(st.integers(1, 6)),
        "bias": draw(st.booleans()),
        "state_in": draw(st.booleans()),
        "init": draw(st.sampled_from(("default", "orthogonal", "xavier_uniform"))),
    }
    if kind == "RNNCell":
        params["nonlinearity"] = draw(st.sampled_from(("tanh", "relu")))
    return kind, params, draw(st.integers(1, 5))


@SETTINGS
@given(cell_cases())
def test_recurrent_cell_state_ports_match_pytorch(
    case: tuple[str, dict[str, Any], int],
) -> None:
    kind, params, features = case
    graph = Graph("model")
    layer = graph.add_node(kind, name="cell", params=params)
    x = graph.add_node("Input", name="x", params={"shape": [features]})
    graph.connect(x.id, "out", layer.id, "in")
    for port in layer.input_ports()[1:]:
        start = graph.add_node(
            "Input", name=port, params={"shape": [params["hidden_size"]]}
        )
        graph.connect(start.id, "out", layer.id, port)
    for port in layer.output_ports():
        sink = graph.add_node("Output", name=f"y_{port}")
        graph.connect(layer.id, port, sink.id, "in")
    result = run_and_compare(graph, {})
    assert result.ran
    assert layer.output_ports() == (["out", "c"] if kind == "LSTMCell" else ["out"])
    for port in layer.output_ports():
        assert result.outputs[f"y_{port}"] == (3, params["hidden_size"])


@SETTINGS
@given(
    heads=st.sampled_from((1, 2, 4)),
    per_head=st.integers(1, 3),
    length=st.one_of(st.integers(1, 6), st.just("L")),
    causal=st.booleans(),
    batch_first=st.booleans(),
    mask_dtype=st.sampled_from(("long", "float")),
)
def test_attention_with_a_padding_mask_matches_pytorch(
    heads: int,
    per_head: int,
    length: int | str,
    causal: bool,
    batch_first: bool,
    mask_dtype: str,
) -> None:
    graph = Graph("model")
    layer = graph.add_node(
        "MultiheadAttention",
        name="layer",
        params={
            "num_heads": heads,
            "causal": causal,
            "batch_first": batch_first,
            "key_padding_port": True,
        },
    )
    x = graph.add_node("Input", name="x", params={"shape": [length, heads * per_head]})
    mask = graph.add_node(
        "Input", name="mask", params={"shape": [length], "dtype": mask_dtype}
    )
    graph.connect(x.id, "out", layer.id, "in")
    graph.connect(mask.id, "out", layer.id, "padding_mask")
    sink = graph.add_node("Output", name="y")
    graph.connect(layer.id, "out", sink.id, "in")
    assert run_and_compare(graph, {"L": 5}).ran
