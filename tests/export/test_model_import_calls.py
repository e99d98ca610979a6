"""Importing calls that pass more than the sequence: recurrent layers started from
a state, attention with causal and key padding masks.  Each accepted form exports
to code that loads the model's weights and gives its outputs; what no card
expresses is refused naming the line and the call."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

from designer.codegen.build import build_networks
from designer.codegen.module import generate_code
from designer.export.model_import import (
    InputSpec,
    ModelImportError,
    import_model,
    load_model,
)

MODELS = Path(__file__).with_name("import_models.py")


def imported(name: str, *inputs: str):
    model, path = load_model(f"{MODELS}:{name}")
    return model, import_model(model, [InputSpec.parse(i) for i in inputs], name, path)


def cards(result) -> dict[str, object]:
    return {node.name: node for node in result.project.networks[0].nodes}


def assert_same(expected, got) -> None:
    pairs = (
        zip(expected, got, strict=True)
        if isinstance(expected, tuple)
        else [(expected, got)]
    )
    for e, g in pairs:
        assert e.shape == g.shape
        assert torch.allclose(e, g, rtol=1e-4, atol=1e-5)


def rebuilt(model, result) -> torch.nn.Module:
    """The project's code built afresh, with the original's weights loaded."""
    graph = result.project.networks[0]
    module = build_networks(result.project)[graph.name].module.eval()
    module.load_state_dict(result.converted_state_dict(model.state_dict()))
    model.eval()
    return module


def test_an_encoders_final_state_starts_the_decoder() -> None:
    torch.manual_seed(3)
    model, result = imported("Seq2Seq", "long:5", "long:4")
    graph = result.project.networks[0]
    by_name = cards(result)
    assert by_name["encoder"].params["state_out"]
    assert by_name["decoder"].params["state_in"]
    assert (
        by_name["reader"].params["state_out"] and by_name["writer"].params["state_in"]
    )
    fed = {(e.source, e.source_port, e.target_port) for e in graph.edges}
    encoder, reader = by_name["encoder"].id, by_name["reader"].id
    assert (encoder, "h_n", "h0") in fed
    assert {(reader, "h_n", "h0"), (reader, "c_n", "c0")} <= fed
    assert "self.decoder(" in generate_code(result.project)
    generated = rebuilt(model, result)
    for seed in (5, 6):
        torch.manual_seed(seed)
        source, target = torch.randint(0, 12, (3, 5)), torch.randint(0, 12, (3, 4))
        with torch.no_grad():
            assert_same(model(source, target), generated(source, target))


def test_the_encoder_and_decoder_classes_become_blocks_joined_by_the_state() -> None:
    torch.manual_seed(7)
    model, result = imported("EncoderDecoder", "long:5", "long:4")
    project = result.project
    assert set(project.blocks.names()) == {"Seq2SeqEncoder", "Seq2SeqDecoder"}
    encoder = {n.name: n for n in project.blocks.get("Seq2SeqEncoder").graph.nodes}
    decoder = {n.name: n for n in project.blocks.get("Seq2SeqDecoder").graph.nodes}
    assert encoder["rnn"].params["state_out"] and decoder["rnn"].params["state_in"]
    assert result.key_map["decoder.rnn.weight_hh_l1"] == "decoder.rnn.weight_hh_l1"
    source, target = torch.randint(0, 12, (3, 5)), torch.randint(0, 12, (3, 4))
    with torch.no_grad():
        assert_same(model(source, target), rebuilt(model, result)(source, target))


def test_an_lstms_whole_state_tuple_starts_the_next() -> None:
    model, result = imported("LstmStateHandOver", "6x3")
    by_name = cards(result)
    assert by_name["second"].params["state_in"]
    x = torch.randn(3, 6, 3)
    with torch.no_grad():
        assert_same(model(x), rebuilt(model, result)(x))


def test_state_inputs_are_drawn_batch_first_and_a_state_of_zeros_is_the_cards_own() -> (
    None
):
    torch.manual_seed(4)
    model, result = imported("StateInputs", "5x3", "1x4", "2x4")
    by_name = cards(result)
    assert by_name["rnn"].params["state_in"] and by_name["gru"].params["state_in"]
    assert not by_name["zero_start"].params["state_in"]  # torch.zeros(…) is its start
    assert not by_name["blank_start"].params["state_in"]
    assert (
        by_name["bridged"].params["state_in"] and by_name["bridged"].params["state_out"]
    )
    assert by_name["h0"].params["shape"] == [1, 4]
    assert any("h0 is an input drawn batch-first" in note for note in result.notes)
    generated = rebuilt(model, result)
    x, h0, batch_first_h = (
        torch.randn(3, 5, 3),
        torch.randn(3, 1, 4),
        torch.randn(3, 2, 4),
    )
    with torch.no_grad():
        # The model takes h0 as PyTorch does, (layers, N, hidden); the drawing takes
        # it batch-first like every tensor of the app.
        expected = model(x, h0.transpose(0, 1), batch_first_h)
        assert_same(expected, generated(x, h0, batch_first_h))


def test_causal_and_key_padding_masks_become_the_cards_switch_and_port() -> None:
    torch.manual_seed(5)
    model, result = imported("MaskedAttention", "long:7", "long:7")
    by_name = cards(result)
    for name in ("first", "second", "third", "encoder"):
        assert by_name[name].params["causal"], name
    assert by_name["first"].params["key_padding_port"]
    assert by_name["encoder"].params["key_padding_port"]
    assert not by_name["second"].params["key_padding_port"]
    assert "causal" not in result.key_map  # the stored mask is made by the card
    generated = rebuilt(model, result)
    for length in (7, 9):  # the card builds the mask for any length
        ids = torch.randint(0, 20, (3, length))
        pad = torch.zeros(3, length, dtype=torch.long)
        pad[0, -2:] = 1
        pad[2, -4:] = 1
        with torch.no_grad():
            assert_same(model(ids, pad), generated(ids, pad))


def test_a_causal_mask_of_a_fixed_length_is_the_causal_switch() -> None:
    model, result = imported("ConstantMask", "6x4")
    assert cards(result)["attention"].params["causal"]
    x = torch.randn(2, 6, 4)
    with torch.no_grad():
        assert_same(model(x), rebuilt(model, result)(x))


def test_masks_no_card_expresses_are_refused_naming_the_line() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("RefusedMasks", "5x4", "5x4", "5x5", "5")
    problems = caught.value.problems
    assert len(problems) == 6, problems
    not_causal, from_input, float_padding, learned, cross, made_here = problems
    calls = (
        "attn_mask=self.band",
        "attn_mask=mask",
        "key_padding_mask=pad",
        "attn_mask=self.learned",
        "(x, memory, memory)",
        "key_padding_mask=pad == 0",
    )
    for problem, call in zip(problems, calls, strict=True):
        assert call in source_line(problem)
    assert (
        "not causal" in not_causal and "generate_square_subsequent_mask" in not_causal
    )
    assert "from the model's inputs" in from_input
    assert "float key padding mask" in float_padding and "pad.bool()" in float_padding
    assert "a learned mask (learned)" in learned
    assert "cross-attention" in cross
    assert "eq(…): a key padding mask made in forward" in made_here
    assert "pad.bool()" in made_here
    assert all("attention (MultiheadAttention)" in p for p in problems[:5])


def test_states_no_port_takes_are_refused_naming_the_line() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("RefusedStates", "5x3")
    text = "\n".join(caught.value.problems)
    assert len(caught.value.problems) == 4, caught.value.problems
    assert "head (Flatten): Flatten on a time-major tensor" in text
    assert "a recurrent state (num_layers·directions, N, hidden)" in text
    assert "learned initial state (start)" in text
    assert "fixed initial state other than zeros" in text
    assert "gru: called again" in text
    assert all(p.startswith("import_models.py, line ") for p in caught.value.problems)
    with pytest.raises(ModelImportError) as returned:
        imported("ReturnsState", "5x3")
    (problem,) = returned.value.problems
    assert "output 2: a recurrent state" in problem and "h.transpose(0, 1)" in problem
    assert "out, h = self.gru(x)" in source_line(problem)


def test_is_causal_without_a_mask_is_refused_naming_the_line() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("CausalHintOnly", "5x4")
    message = str(caught.value)
    assert "import_models.py, line" in message
    assert "is_causal=True)" in source_line(message)
    assert "generate_square_subsequent_mask" in message  # PyTorch's own advice


def source_line(problem: str) -> str:
    """The line of import_models.py a problem names."""
    number = int(re.search(r"import_models\.py, line (\d+)", problem)[1])
    return MODELS.read_text().splitlines()[number - 1]


def test_without_the_models_file_the_place_is_still_the_models_own_line() -> None:
    model, _path = load_model(f"{MODELS}:ReturnsState")
    with pytest.raises(ModelImportError) as caught:
        import_model(model, [InputSpec.parse("5x3")])  # as a caller with a model
    (problem,) = caught.value.problems
    assert problem.startswith("import_models.py, line ")
    assert "out, h = self.gru(x)" in source_line(problem)
