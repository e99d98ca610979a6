"""Importing layers built with ``batch_first=False``: d2l's seq2seq as the book
writes it, a time-first LSTM and time-first attention.  The cards keep the batch
first with their batch_first switch off; the model's permutes between the two
layouts are folded away; each import exports to code that loads the model's
weights and gives its outputs, for other lengths and batches too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.codegen.build import build_networks
from designer.codegen.module import generate_code
from designer.export.fx_layers import Unsupported, permute_card
from designer.export.model_import import (
    InputSpec,
    ModelImportError,
    import_model,
    load_model,
)

MODELS = Path(__file__).with_name("time_first_models.py")


def imported(name: str, *inputs: str):
    model, path = load_model(f"{MODELS}:{name}")
    return model, import_model(model, [InputSpec.parse(i) for i in inputs], name, path)


def rebuilt(model, result) -> torch.nn.Module:
    """The project's code built afresh, with the original's whole state_dict loaded."""
    graph = result.project.networks[0]
    module = build_networks(result.project)[graph.name].module.eval()
    state = model.state_dict()
    assert set(result.key_map) == set(state)  # every weight has its place
    module.load_state_dict(result.converted_state_dict(state), strict=True)
    model.eval()
    return module


def all_cards(result) -> list:
    project = result.project
    graphs = [*project.networks, *(d.graph for d in project.blocks)]
    return [node for graph in graphs for node in graph.nodes]


def test_d2ls_time_major_seq2seq_imports_and_computes_the_same() -> None:
    torch.manual_seed(11)
    model, result = imported("D2lEncoderDecoder", "long:5", "long:4")
    project = result.project
    assert set(project.blocks.names()) == {"D2lSeq2SeqEncoder", "D2lSeq2SeqDecoder"}
    encoder = {n.name: n for n in project.blocks.get("D2lSeq2SeqEncoder").graph.nodes}
    decoder = {n.name: n for n in project.blocks.get("D2lSeq2SeqDecoder").graph.nodes}
    assert (
        not encoder["rnn"].params["batch_first"] and encoder["rnn"].params["state_out"]
    )
    assert (
        not decoder["rnn"].params["batch_first"] and decoder["rnn"].params["state_in"]
    )
    types = [node.type for node in all_cards(result)]
    assert "Permute" not in types  # X.permute(1, 0, 2) only changes the layout
    assert types.count("RepeatTimeStep") == 1 and types.count("LastTimeStep") == 1
    (concat,) = [n for n in decoder.values() if n.type == "Concat"]
    assert concat.params["dim"] == 2  # features: the same dim in both layouts
    code = generate_code(project)
    assert "nn.GRU(14, 8, num_layers=2, batch_first=False)" in code
    assert ".repeat(1, embedding.shape[1], 1)" in code
    generated = rebuilt(model, result)
    # Other batches and lengths, one step at a time as d2l's prediction runs it.
    for batch, source_length, target_length in ((3, 5, 4), (2, 7, 1), (4, 3, 6)):
        source = torch.randint(0, 12, (batch, source_length))
        target = torch.randint(0, 12, (batch, target_length))
        with torch.no_grad():
            expected, got = model(source, target), generated(source, target)
        assert expected.shape == got.shape == (batch, target_length, 12)
        assert torch.allclose(expected, got, rtol=1e-4, atol=1e-5)


def test_d2l_1_0s_seq2seq_with_t_type_and_swapaxes_imports_too() -> None:
    """d2l 1.0 writes ``X.t().type(torch.int32)``, takes the encoder's last output
    as the context, joins along dim -1 and swaps back with ``swapaxes``."""
    torch.manual_seed(14)
    model, result = imported("D2lModernEncoderDecoder", "long:5", "long:4")
    cards = all_cards(result)
    assert [n.params["batch_first"] for n in cards if n.type == "GRU"] == [
        False,
        False,
    ]
    assert not {"Permute", "Reshape"} & {n.type for n in cards}
    (concat,) = [n for n in cards if n.type == "Concat"]
    assert concat.params["dim"] == 2
    generated = rebuilt(model, result)
    for batch, source_length, target_length in ((3, 5, 4), (2, 6, 1)):
        source = torch.randint(0, 12, (batch, source_length))
        target = torch.randint(0, 12, (batch, target_length))
        with torch.no_grad():
            expected, got = model(source, target), generated(source, target)
        assert expected.shape == got.shape == (batch, target_length, 12)
        assert torch.allclose(expected, got, rtol=1e-4, atol=1e-5)


def test_a_time_first_lstm_reads_its_last_step_and_final_state() -> None:
    torch.manual_seed(12)
    model, result = imported("TimeFirstLstm", "long:6")
    by_name = {n.name: n for n in all_cards(result)}
    lstm = by_name["lstm"]
    assert not lstm.params["batch_first"] and lstm.params["bidirectional"]
    assert [n.type for n in all_cards(result)].count("LastTimeStep") == 2
    generated = rebuilt(model, result)
    for length in (6, 2, 9):
        ids = torch.randint(0, 10, (3, length))
        with torch.no_grad():
            assert torch.allclose(model(ids), generated(ids), rtol=1e-4, atol=1e-5)


def test_time_first_attention_and_encoder_layer_keep_their_masks() -> None:
    torch.manual_seed(13)
    model, result = imported("TimeFirstAttention", "long:7", "long:7")
    by_name = {n.name: n for n in all_cards(result)}
    attention, encoder = by_name["attention"], by_name["encoder"]
    assert not attention.params["batch_first"] and not encoder.params["batch_first"]
    assert attention.params["key_padding_port"] and not attention.params["causal"]
    assert encoder.params["causal"]  # the mask of x.size(0), the time-major length
    assert "Permute" not in [n.type for n in all_cards(result)]
    generated = rebuilt(model, result)
    for length in (7, 4):
        ids = torch.randint(0, 20, (3, length))
        pad = torch.zeros(3, length, dtype=torch.long)
        pad[1, -2:] = 1
        with torch.no_grad():
            expected, got = model(ids, pad), generated(ids, pad)
        assert expected.shape == got.shape == (3, length, 3)
        assert torch.allclose(expected, got, rtol=1e-4, atol=1e-5)


def test_a_time_first_decoder_layer_takes_a_time_first_memory() -> None:
    torch.manual_seed(15)
    model, result = imported("TimeFirstTransformer", "long:6", "long:4")
    by_name = {n.name: n for n in all_cards(result)}
    assert not by_name["decoder"].params["batch_first"]
    generated = rebuilt(model, result)
    source, target = torch.randint(0, 20, (3, 5)), torch.randint(0, 20, (3, 2))
    with torch.no_grad():
        expected, got = model(source, target), generated(source, target)
    assert expected.shape == got.shape == (3, 2, 5)
    assert torch.allclose(expected, got, rtol=1e-4, atol=1e-5)


def source_line(problem: str) -> str:
    number = int(re.search(r"time_first_models\.py, line (\d+)", problem)[1])
    return MODELS.read_text().splitlines()[number - 1]


def test_time_major_forms_no_card_takes_are_refused_naming_the_line() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("RefusedTimeFirst", "5x3")
    problems = caught.value.problems
    assert len(problems) == 4, problems
    wrong_layout, flattened, fixed, cast = problems
    assert "x.long()" in source_line(cast)
    assert ".long(…): a change between ids and numbers" in cast
    assert "self.gru(x)" in source_line(wrong_layout)
    assert "gru (GRU): built without batch_first" in wrong_layout
    assert "x.permute(1, 0, 2)" in wrong_layout
    assert "self.flat(x.transpose(0, 1))" in source_line(flattened)
    assert "Flatten on a time-major tensor" in flattened
    assert "repeat(5, 1, 1)" in source_line(fixed)
    assert ".repeat(…)" in fixed and "repeat(X.shape[0], 1, 1)" in fixed
    with pytest.raises(ModelImportError) as returned:
        imported("ReturnsTimeMajor", "5x3")
    (problem,) = returned.value.problems
    assert "output 1: a time-major sequence" in problem
    assert "x.transpose(0, 1)" in problem
    assert "self.rnn(x.permute(1, 0, 2))" in source_line(problem)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    st.integers(2, 4).flatmap(lambda rank: st.permutations(range(rank))),
    st.booleans(),
)
def test_a_permute_is_drawn_on_the_batch_first_port_as_pytorch_computes_it(
    order: list[int], time_major: bool
) -> None:
    port = torch.randn(2, 3, 4, 5)[
        tuple(slice(None) if k < len(order) else 0 for k in range(4))
    ]
    actual = port.transpose(0, 1) if time_major else port
    expected = actual.permute(*order)
    try:
        card, result_time_major = permute_card(
            "permute", list(order), len(order), time_major
        )
    except Unsupported:
        assert expected.shape[0] != 2 and expected.shape[1] != 2  # the batch moved on
        return
    drawn = port if card is None else port.permute(0, *card.params["dims"])
    assert torch.equal(drawn.transpose(0, 1) if result_time_major else drawn, expected)


def test_token_ids_repeated_at_every_step_stay_ids() -> None:
    """RepeatTimeStep only copies values: repeated ids may feed an Embedding."""
    from designer.graph.model import Graph
    from designer.shapes.infer import infer_shapes

    graph = Graph("ids")
    ids = graph.add_node("Input", "ids", {"shape": [1], "dtype": "long"})
    steps = graph.add_node("Input", "steps", {"shape": ["L", 2]})
    repeat = graph.add_node("RepeatTimeStep", "repeat")
    flat = graph.add_node("Flatten", "flat")
    embed = graph.add_node("Embedding", "embed", {"num_embeddings": 9})
    out = graph.add_node("Output", "out")
    graph.connect(ids.id, "out", repeat.id, "in")
    graph.connect(steps.id, "out", repeat.id, "like")
    graph.connect(repeat.id, "out", flat.id, "in")
    graph.connect(flat.id, "out", embed.id, "in")
    graph.connect(embed.id, "out", out.id, "in")
    shapes = infer_shapes(graph)
    assert not shapes.problems, [p.message for p in shapes.problems]
    assert shapes.nodes[repeat.id].outputs["out"] == ("N", "L", 1)
