"""Importing ``nn.TransformerEncoder`` / ``nn.TransformerDecoder`` stacks: each layer
of a stack becomes its own card (and the final norm a LayerNorm), and the drawn
network, given the model's weights, computes what the model does."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from designer.codegen.build import build_networks
from designer.export.model_import import (
    InputSpec,
    ModelImportError,
    import_model,
    load_model,
)

MODELS = Path(__file__).with_name("import_stack_models.py")


def imported(name: str, *inputs: str):
    model, path = load_model(f"{MODELS}:{name}")
    return model, import_model(model, [InputSpec.parse(i) for i in inputs], name, path)


def _inputs(specs: tuple[str, ...], length: int) -> list[torch.Tensor]:
    parsed = [InputSpec.parse(s) for s in specs]
    return [
        torch.randint(0, 20, (3, length))
        if s.dtype == "long"
        else torch.randn(3, length + k, *s.shape[1:])
        for k, s in enumerate(parsed)
    ]


@pytest.mark.parametrize(
    ("name", "inputs", "counts"),
    [
        ("EncoderStack", ("5x8",), {"TransformerEncoderLayer": 3, "LayerNorm": 1}),
        ("TimeFirstLanguageModel", ("long:6",), {"TransformerEncoderLayer": 2}),
        (
            "Translator",
            ("6x8", "4x8"),
            {
                "TransformerEncoderLayer": 2,
                "TransformerDecoderLayer": 2,
                "LayerNorm": 1,
            },
        ),
    ],
)
def test_a_stack_is_drawn_layer_by_layer_and_computes_what_the_model_does(
    name: str, inputs: tuple[str, ...], counts: dict[str, int]
) -> None:
    torch.manual_seed(3)
    model, result = imported(name, *inputs)
    graph = result.project.networks[0]
    drawn = [node.type for node in graph.nodes]
    assert {kind: drawn.count(kind) for kind in counts} == counts
    generated = build_networks(result.project)[graph.name].module.eval()
    generated.load_state_dict(result.converted_state_dict(model.state_dict()))
    model.eval()
    for length in (4, 6):
        torch.manual_seed(length)
        x = _inputs(inputs, length)
        with torch.no_grad():
            expected, got = model(*x), generated(*x)
        assert got.shape == expected.shape
        assert torch.allclose(expected, got, rtol=1e-4, atol=1e-5)


def test_causal_masks_given_to_a_stack_reach_every_layer() -> None:
    _model, result = imported("Translator", "6x8", "4x8")
    layers = [
        node
        for node in result.project.networks[0].nodes
        if node.type.startswith("Transformer")
    ]
    causal = {node.name: node.params["causal"] for node in layers}
    assert causal == {
        "encoder_layers_0": False,
        "encoder_layers_1": False,
        "decoder_layers_0": True,
        "decoder_layers_1": True,
    }
    time_first = imported("TimeFirstLanguageModel", "long:6")[1]
    encoders = [
        node
        for node in time_first.project.networks[0].nodes
        if node.type == "TransformerEncoderLayer"
    ]
    assert [node.params["batch_first"] for node in encoders] == [False, False]
    assert all(node.params["causal"] for node in encoders)


def test_a_nested_tensor_stack_given_a_padding_mask_is_refused_with_the_fix() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("NestedPaddedStack", "long:6", "long:6")
    message = str(caught.value) + "\n".join(caught.value.problems)
    assert "enable_nested_tensor=False" in message


def test_a_decoder_mask_without_a_card_setting_is_refused_by_name() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("MemoryMaskedDecoder", "6x8", "4x8", "6")
    problems = "\n".join(caught.value.problems)
    assert "memory_key_padding_mask (the card has a causal switch" in problems
