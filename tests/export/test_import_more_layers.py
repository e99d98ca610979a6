"""Importing the newer layers (designer/export/fx_more_layers.py): each model is drawn
with the expected cards, and the drawn network, given the model's weights, computes
what the model does."""

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

MODELS = Path(__file__).with_name("import_more_models.py")


def imported(name: str, *inputs: str):
    model, path = load_model(f"{MODELS}:{name}")
    return model, import_model(model, [InputSpec.parse(i) for i in inputs], name, path)


def _random_inputs(inputs: tuple[str, ...]) -> list[torch.Tensor]:
    return [
        torch.randint(0, 40, (3, *s.shape))
        if s.dtype == "long"
        else torch.randn(3, *s.shape)
        for s in (InputSpec.parse(i) for i in inputs)
    ]


@pytest.mark.parametrize(
    ("name", "inputs", "types"),
    [
        (
            "MobileActivations",
            ("6",),
            {"ReLU6", "Hardsigmoid", "Hardtanh", "Mish", "Multiply", "Scale"},
        ),
        (
            "StyleTransferPads",
            ("3x8x8",),
            {"ReflectionPad2d", "ReplicationPad2d", "ConstantPad2d"},
        ),
        (
            "AdaptiveMaxAndPowerPools",
            ("2x9x9",),
            {"LPPool2d", "AdaptiveMaxPool2d", "AdaptiveMaxPool1d", "Flatten"},
        ),
        (
            "VideoNet",
            ("2x8x8x8",),
            {"Conv3d", "BatchNorm3d", "MaxPool3d", "AvgPool3d", "ConvTranspose1d"},
        ),
        ("BagOfWords", ("long:7",), {"EmbeddingBag", "Linear"}),
        (
            "TwoTowers",
            ("4x5", "4x5"),
            {"Conv1d", "ChannelShuffle", "CosineSimilarity", "Bilinear", "Tanh"},
        ),
        (
            "Seq2SeqTransformer",
            ("6x8", "4x8"),
            {"TransformerEncoderLayer", "TransformerDecoderLayer"},
        ),
        ("CellSteps", ("3",), {"LSTMCell", "GRUCell", "RNNCell", "Linear"}),
    ],
)
def test_the_drawn_network_computes_what_the_model_does(
    name: str, inputs: tuple[str, ...], types: set[str]
) -> None:
    torch.manual_seed(1)
    model, result = imported(name, *inputs)
    graph = result.project.networks[0]
    drawn = {node.type for node in graph.nodes}
    assert types <= drawn, types - drawn
    generated = build_networks(result.project)[graph.name].module.eval()
    generated.load_state_dict(result.converted_state_dict(model.state_dict()))
    model.eval()
    for seed in (5, 6):
        torch.manual_seed(seed)
        x = _random_inputs(inputs)
        with torch.no_grad():
            expected, got = model(*x), generated(*x)
        assert got.shape == expected.shape
        assert torch.allclose(expected, got, rtol=1e-4, atol=1e-5)


def test_hardtanh_keeps_its_range_and_an_unknown_module_is_named() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("UnknownHardtanh", "4")
    text = "\n".join(caught.value.problems)
    assert "Softshrink" in text and "Hardtanh" not in text


def test_a_padding_that_differs_per_side_is_refused_in_words() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("UnevenPad", "1x6x6")
    assert "padding (1, 1, 2, 2) differs per side" in "\n".join(caught.value.problems)


def test_an_embedding_bag_setting_without_a_field_is_refused() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("PaddedBag", "long:7")
    assert "padding_idx=0" in "\n".join(caught.value.problems)


def test_cells_get_their_state_ports_from_the_call() -> None:
    _model, result = imported("CellSteps", "3")
    graph = result.project.networks[0]
    cells = {node.type: node for node in graph.nodes if node.type.endswith("Cell")}
    lstms = [node for node in graph.nodes if node.type == "LSTMCell"]
    assert sorted(node.params["state_in"] for node in lstms) == [False, True]
    assert sorted(node.params["bias"] for node in lstms) == [False, True]
    assert cells["GRUCell"].params["state_in"] is False
    assert cells["RNNCell"].params["state_in"] is True
    assert cells["RNNCell"].params["nonlinearity"] == "relu"
