"""Generated code for blocks builds, runs and gives the shapes inference says."""

from __future__ import annotations

import ast

import torch

from designer.codegen.build import build_model
from designer.codegen.module import generate_code
from designer.graph.model import Project
from designer.shapes.infer import infer_shapes
from tests.codegen.block_projects import two_block_uses


def residual_project() -> Project:
    """Input → conv → [conv-relu block] → block again ×2 → pool → flatten → linear."""
    project, _stage1, stage2 = two_block_uses(padding="same")
    graph = project.graph
    graph.set_param(stage2, "repeat", 2)
    return project


def test_one_class_per_block_with_sizes_as_arguments_and_a_repeat() -> None:
    project = residual_project()
    shapes = infer_shapes(project.graph)
    assert shapes.valid, shapes.problems
    code = generate_code(project)
    tree = ast.parse(code)
    classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    assert classes == ["ConvRelu", "Res"]
    assert "def __init__(self, in_channels: int) -> None:" in code
    assert "self.stage1 = ConvRelu(in_channels=4)" in code
    assert "nn.Sequential(*[ConvRelu(in_channels=6) for _ in range(2)])" in code
    model = build_model(project)
    keys = list(model.state_dict())
    assert "stage1.conv2d_2.weight" in keys and "stage2.1.conv2d_2.weight" in keys
    assert sum(p.numel() for p in model.parameters()) == shapes.total_params
    result = model(torch.randn(2, 1, 8, 8))
    [output] = project.graph.nodes_of_type("Output")
    edge = project.graph.edges_into(output.id)[0]
    expected = shapes.nodes[edge.source].outputs["out"]
    assert tuple(result.shape) == (2, *expected[1:])


def test_a_block_used_with_the_same_sizes_needs_no_arguments() -> None:
    project = residual_project()
    stage2 = project.graph.node_by_name("stage2")
    project.graph.set_param(stage2.id, "repeat", 1)
    inner = project.blocks.get("ConvRelu").graph
    conv = inner.nodes_of_type("Conv2d")[0]
    inner.set_param(conv.id, "out_channels", 4)
    code = generate_code(project)
    assert "def __init__(self) -> None:" in code.split("class Res")[0]
    assert "self.stage2 = ConvRelu()" in code
    assert build_model(project)(torch.randn(1, 1, 8, 8)).shape == (1, 3)


def test_parameterless_activations_in_a_block_share_one_attribute() -> None:
    project = residual_project()
    inner = project.blocks.get("ConvRelu").graph
    [relu] = inner.nodes_of_type("ReLU")
    [output] = inner.nodes_of_type("Output")
    second = inner.add_node("ReLU", name="relu_again")
    edge = inner.edges_into(output.id)[0]
    inner.disconnect(edge)
    inner.connect(relu.id, "out", second.id, "in")
    inner.connect(second.id, "out", output.id, "in")
    block = generate_code(project).split("class Res")[0]
    assert block.count("nn.ReLU()") == 1
    # One attribute named after its type, and the chain written as one call.
    assert "conv2d_2 = self.relu(self.relu(self.conv2d_2(input_1)))" in block
    assert build_model(project)(torch.randn(1, 1, 8, 8)).shape == (1, 3)
