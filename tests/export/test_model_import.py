"""Importing nn.Modules with torch.fx: the drawn network computes what the model does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from designer.codegen.build import build_networks
from designer.codegen.module import generate_code
from designer.export.model_import import (
    InputSpec,
    ModelImportError,
    import_model,
    load_model,
)
from designer.graph.project_file import load_project

MODELS = Path(__file__).with_name("import_models.py")
ROOT = Path(__file__).resolve().parents[2]


def imported(name: str, *inputs: str, args: str | None = None):
    model, path = load_model(f"{MODELS}:{name}", args)
    return model, import_model(model, [InputSpec.parse(i) for i in inputs], name, path)


@pytest.mark.parametrize(
    ("name", "inputs", "types"),
    [
        (
            "ConvNet",
            ["1x16x16"],
            {
                "Conv2d",
                "MaxPool2d",
                "BatchNorm2d",
                "Add",
                "AvgPool2d",
                "Upsample",
                "ConvTranspose2d",
                "AdaptiveAvgPool2d",
                "Reshape",
                "Linear",
                "LogSoftmax",
            },
        ),
        (
            "Activations",
            ["6"],
            {
                "LayerNorm",
                "BatchNorm1d",
                "LeakyReLU",
                "ELU",
                "GELU",
                "Tanh",
                "Sigmoid",
                "Concat",
                "Split",
                "Multiply",
                "Softmax",
                "LogSoftmax",
            },
        ),
        (
            "Resampling",
            ["9x9"],
            {
                "MaxPool2d",
                "Upsample",
                "PixelShuffle",
                "ZeroPad2d",
                "Squeeze",
                "Unsqueeze",
                "Scale",
                "Concat",
            },
        ),
        (
            "ModernLayers",
            ["4x9"],
            {
                "MaxPool1d",
                "AvgPool1d",
                "GroupNorm",
                "SiLU",
                "Softplus",
                "PReLU",
                "InstanceNorm2d",
                "Dropout2d",
                "Hardswish",
                "AdaptiveAvgPool1d",
                "Unsqueeze",
                "Flatten",
            },
        ),
        ("LastHidden", ["long:7"], {"Embedding", "LSTM", "GRU", "LastTimeStep"}),
        (
            "Sequence",
            ["long:10"],
            {
                "Embedding",
                "MultiheadAttention",
                "TransformerEncoderLayer",
                "RNN",
                "GRU",
                "LSTM",
                "Permute",
                "Conv1d",
                "Flatten",
                "LastTimeStep",
                "Dropout",
            },
        ),
    ],
)
def test_every_drawn_layer_loads_the_models_weights_and_gives_its_outputs(
    name: str, inputs: list[str], types: set[str]
) -> None:
    torch.manual_seed(1)
    model, result = imported(name, *inputs)
    graph = result.project.networks[0]
    drawn = [graph, *(d.graph for d in result.project.blocks)]
    assert types <= {node.type for g in drawn for node in g.nodes}
    # Independently of the importer's own check: the generated code, built afresh,
    # with the original's weights, gives the original's outputs on new inputs.
    generated = build_networks(result.project)[graph.name].module.eval()
    generated.load_state_dict(result.converted_state_dict(model.state_dict()))
    model.eval()
    for seed in (5, 6):
        torch.manual_seed(seed)
        x = [
            torch.randint(0, 40, (3, *s.shape))
            if s.dtype == "long"
            else torch.randn(3, *s.shape)
            for s in (InputSpec.parse(i) for i in inputs)
        ]
        with torch.no_grad():
            expected, got = model(*x), generated(*x)
        pairs = (
            zip(expected, got, strict=True)
            if isinstance(expected, tuple)
            else [(expected, got)]
        )
        for e, g in pairs:
            assert torch.allclose(e, g, rtol=1e-4, atol=1e-5)


def test_module_paths_become_card_names_and_the_layout_is_tidy() -> None:
    _model, result = imported("ConvNet", "1x16x16")
    graph = result.project.networks[0]
    names = {node.name for node in graph.nodes}
    assert {"stem_0", "block", "head"} <= names
    inner = result.project.blocks.get("Residual").graph
    assert {"conv1", "bn2"} <= inner.names()  # named as the module's attributes
    assert len({n.position for n in inner.nodes}) == len(inner.nodes)
    positions = [node.position for node in graph.nodes]
    assert len(set(positions)) == len(positions)  # no two cards on one spot
    conv = next(n for n in graph.nodes if n.name == "down_1")
    assert conv.params["groups"] == 2 and conv.params["kernel_size"] == 1


def test_a_function_returning_a_model_takes_keyword_arguments() -> None:
    _model, result = imported("mlp", "2x2", args='{"hidden": 7}')
    linear = [n for n in result.project.networks[0].nodes if n.type == "Linear"]
    assert [n.params["out_features"] for n in linear] == [7, 2]


def test_what_cannot_be_drawn_is_refused_with_every_place() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("Unknown", "4")
    problems = caught.value.problems
    text = "\n".join(problems)
    assert "Hardshrink" in text and "import_models.py, line" in text
    assert "clamp" in text and "scale" in text
    # Each listed once; what only follows from them (the sums) is not listed again.
    assert len(problems) == 3, problems


def test_data_dependent_control_flow_is_refused_naming_the_line() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("DataDependent", "4")
    assert "control flow" in str(caught.value)
    assert any("if x.sum() > 0" in p for p in caught.value.problems)


@pytest.mark.parametrize(
    ("reference", "args", "message"),
    [
        (f"{MODELS}", None, "FILE.py:Name"),
        ("missing.py:Net", None, "no such Python file"),
        (f"{MODELS}:Nope", None, "has no 'Nope'"),
        (f"{MODELS}:not_a_model", None, "not a torch.nn.Module"),
        (f"{MODELS}:mlp", "[1]", "JSON object"),
        (f"{MODELS}:mlp", '{"bogus": 1}', "TypeError"),
    ],
)
def test_bad_references_get_a_clear_message(
    reference: str, args: str | None, message: str
) -> None:
    with pytest.raises(ModelImportError, match=message.replace("(", r"\(")):
        load_model(reference, args)


@pytest.mark.parametrize("text", ["", "28x", "0x4", "int:3", "axb"])
def test_bad_input_shapes_are_explained(text: str) -> None:
    with pytest.raises(ModelImportError, match="--input"):
        InputSpec.parse(text)


def test_the_wrong_number_of_inputs_is_explained() -> None:
    with pytest.raises(ModelImportError, match="give one --input for each"):
        imported("mlp", "2x2", "3")


def test_the_command_writes_a_project_and_weights_that_load(tmp_path: Path) -> None:
    out, weights = tmp_path / "net.json", tmp_path / "net.safetensors"
    command = [
        sys.executable,
        "-m",
        "designer",
        "import",
        f"{MODELS}:ConvNet",
        "--input",
        "1x16x16",
        "-o",
        str(out),
        "--weights",
        str(weights),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "checked" in done.stdout
    project = load_project(out)
    module = build_networks(project)[project.networks[0].name].module
    module.load_state_dict(load_file(weights))
    refused = subprocess.run(
        [
            *command[:4],
            f"{MODELS}:DataDependent",
            "--input",
            "4",
            "-o",
            str(tmp_path / "x.json"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "control flow" in refused.stderr and not (tmp_path / "x.json").exists()
    assert json.loads(out.read_text())["networks"][0]["name"] == "ConvNet"


def test_the_models_own_modules_become_shared_nested_blocks() -> None:
    torch.manual_seed(2)
    model, result = imported("Staged", "1x8x8")
    project = result.project
    assert set(project.blocks.names()) == {"Residual", "Stage"}
    top = {node.name: node for node in project.networks[0].nodes}
    assert top["stage1"].params["block"] == top["stage2"].params["block"] == "Stage"
    stage = {n.name: n for n in project.blocks.get("Stage").graph.nodes}
    assert stage["first"].params["block"] == stage["second"].params["block"]
    assert "conv1" in project.blocks.get("Residual").graph.names()
    # The weights keep their own paths, and the code computes the model's outputs.
    assert result.key_map["stage2.second.conv1.weight"] == "stage2.second.conv1.weight"
    generated = build_networks(project)[project.networks[0].name].module.eval()
    generated.load_state_dict(result.converted_state_dict(model.state_dict()))
    x = torch.randn(3, 1, 8, 8)
    with torch.no_grad():
        assert torch.allclose(model.eval()(x), generated(x), rtol=1e-4, atol=1e-5)
    assert "class Residual(nn.Module)" in generate_code(project)
    assert any("blocks (" in note for note in result.notes)


def test_a_recurrent_state_other_than_the_last_layers_is_refused() -> None:
    with pytest.raises(ModelImportError) as caught:
        imported("FirstLayerState", "5x3")
    assert "[0]" in "\n".join(caught.value.problems)
