"""The per-layer weight initialisation: the generated code calls nn.init, and the
built module's weights have the statistics of the chosen scheme."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
import torch

from designer.codegen.build import build_model
from designer.codegen.module import generate_code
from designer.graph.catalog import get_spec
from designer.graph.model import Graph, Project
from designer.graph.project_file import dumps_project, loads_project

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
    return Project("init", [graph])


def _weight(project: Project) -> torch.Tensor:
    torch.manual_seed(0)
    return build_model(project).layer.weight.detach()


def test_orthogonal_linear_weights_have_orthonormal_rows() -> None:
    project = _one_layer("Linear", {"out_features": 32, "init": "orthogonal"}, [64])
    weight = _weight(project)
    assert torch.allclose(weight @ weight.T, torch.eye(32), atol=1e-5)
    assert "nn.init.orthogonal_(self.layer.weight)" in generate_code(project)


def test_default_init_writes_no_call_and_keeps_pytorch_weights() -> None:
    project = _one_layer("Linear", {"out_features": 32}, [64])
    assert "nn.init" not in generate_code(project)
    weight = _weight(project)
    assert not torch.allclose(weight @ weight.T, torch.eye(32), atol=1e-2)
    # PyTorch's own: uniform within ±1/√fan_in.
    assert weight.abs().max() <= 1 / math.sqrt(64)


def test_zeros_sets_weights_and_bias_to_zero() -> None:
    project = _one_layer("Linear", {"out_features": 8, "init": "zeros"}, [16])
    torch.manual_seed(0)
    layer = build_model(project).layer
    assert torch.count_nonzero(layer.weight) == 0
    assert torch.count_nonzero(layer.bias) == 0
    code = generate_code(project)
    assert "nn.init.zeros_(self.layer.weight)" in code
    assert "nn.init.zeros_(self.layer.bias)" in code


def test_without_a_bias_no_bias_is_initialised() -> None:
    project = _one_layer(
        "Linear", {"out_features": 8, "bias": False, "init": "xavier_normal"}, [16]
    )
    code = generate_code(project)
    assert "nn.init.xavier_normal_(self.layer.weight)" in code
    assert ".bias" not in code
    build_model(project)


@pytest.mark.parametrize(
    ("choice", "expected_std"),
    [
        ("xavier_normal", math.sqrt(2 / (400 + 300))),
        ("xavier_uniform", math.sqrt(2 / (400 + 300))),
        ("kaiming_normal", math.sqrt(2 / 400)),
        ("kaiming_uniform", math.sqrt(2 / 400)),
        ("normal", 0.01),
        ("uniform", 0.1 / math.sqrt(12)),
    ],
)
def test_weight_spread_matches_the_scheme(choice: str, expected_std: float) -> None:
    project = _one_layer("Linear", {"out_features": 300, "init": choice}, [400])
    weight = _weight(project)
    assert weight.std().item() == pytest.approx(expected_std, rel=0.03)
    assert weight.mean().item() == pytest.approx(0.0, abs=expected_std / 20)


def test_kaiming_conv_code_names_the_nonlinearity_and_matches_fan_in() -> None:
    project = _one_layer(
        "Conv2d",
        {"out_channels": 64, "kernel_size": 5, "init": "kaiming_normal"},
        [16, 12, 12],
    )
    code = generate_code(project)
    assert 'nn.init.kaiming_normal_(self.layer.weight, nonlinearity="relu")' in code
    assert "nn.init.zeros_(self.layer.bias)" in code
    torch.manual_seed(0)
    layer = build_model(project).layer
    fan_in = 16 * 5 * 5
    assert layer.weight.std().item() == pytest.approx(math.sqrt(2 / fan_in), rel=0.05)
    assert torch.count_nonzero(layer.bias) == 0


def test_recurrent_init_sets_every_weight_matrix_and_zeroes_every_bias() -> None:
    project = _one_layer(
        "LSTM",
        {
            "hidden_size": 16,
            "num_layers": 2,
            "bidirectional": True,
            "init": "orthogonal",
        },
        ["L", 8],
    )
    code = generate_code(project)
    assert "for name, parameter in self.layer.named_parameters():" in code
    assert "nn.init.orthogonal_(parameter)" in code
    torch.manual_seed(0)
    lstm = build_model(project).layer
    for name, parameter in lstm.named_parameters():
        if name.startswith("weight_hh"):  # (4·hidden, hidden): orthonormal columns
            gram = parameter.T @ parameter
            assert torch.allclose(gram, torch.eye(16), atol=1e-5), name
        elif name.startswith("bias"):
            assert torch.count_nonzero(parameter) == 0, name


def test_embedding_init_and_its_choices_leave_out_zeros() -> None:
    project = _one_layer(
        "Embedding",
        {"num_embeddings": 500, "embedding_dim": 400, "init": "xavier_uniform"},
        ["L"],
        dtype="long",
    )
    weight = _weight(project)
    assert weight.std().item() == pytest.approx(math.sqrt(2 / 900), rel=0.03)
    assert "zeros" not in get_spec("Embedding").param("init").choices
    assert "zeros" not in get_spec("GRU").param("init").choices
    assert "zeros" in get_spec("ConvTranspose2d").param("init").choices


def test_a_project_file_without_the_parameter_loads_with_the_default() -> None:
    project = _one_layer("Linear", {"out_features": 4, "init": "orthogonal"}, [8])
    document = json.loads(dumps_project(project))
    layers = [
        node
        for network in document["networks"]
        for node in network["nodes"]
        if node["type"] == "Linear"
    ]
    assert layers and all(node["params"].pop("init") for node in layers)
    loaded = loads_project(json.dumps(document))
    layer = loaded.networks[0].node_by_name("layer")
    assert layer is not None and layer.params["init"] == "default"
    assert "nn.init" not in generate_code(loaded)


def test_an_initialised_network_trains_one_step() -> None:
    project = _one_layer(
        "Conv1d",
        {"out_channels": 4, "kernel_size": 3, "init": "xavier_uniform"},
        [2, 10],
    )
    module = build_model(project)
    optimiser = torch.optim.SGD(module.parameters(), lr=0.1)
    before = module.layer.weight.detach().clone()
    module(torch.randn(3, 2, 10)).pow(2).mean().backward()
    optimiser.step()
    assert not torch.equal(before, module.layer.weight)
