"""Block definitions that differ only in whole numbers are one class (issue 11);
anything else keeps them apart."""

from __future__ import annotations

import ast
from collections.abc import Callable

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.codegen.block_families import Slot, argument_names
from designer.codegen.build import build_model
from designer.codegen.module import generate_code
from designer.graph import block_editing
from designer.graph.model import Graph, Project
from designer.shapes.infer import infer_shapes
from tests.codegen.block_projects import two_block_uses


def copied_block_project(change: Callable[[Graph], None]) -> Project:
    """Input → conv → ConvRelu (conv2d_2 → relu_1) → its copy ConvRelu_1, changed
    by ``change`` → flatten → linear."""
    project, _first, second = two_block_uses(padding=1)
    graph = project.graph
    block_editing.make_unique(project, "model", second).apply(project)
    assert graph.node(second).params["block"] == "ConvRelu_1"
    change(project.blocks.get("ConvRelu_1").graph)
    assert infer_shapes(graph).valid
    return project


def set_conv(field: str, value: object) -> Callable[[Graph], None]:
    def change(graph: Graph) -> None:
        [conv] = graph.nodes_of_type("Conv2d")
        graph.set_param(conv.id, field, value)

    return change


def classes_of(code: str) -> list[str]:
    """The module's classes, sorted (blocks that do not use each other come in the
    block table's dependency order)."""
    return sorted(n.name for n in ast.parse(code).body if isinstance(n, ast.ClassDef))


def runs(project: Project) -> torch.nn.Module:
    model = build_model(project)
    assert model(torch.randn(2, 1, 8, 8)).shape == (2, 3)
    assert (
        sum(p.numel() for p in model.parameters())
        == infer_shapes(project.graph).total_params
    )
    return model


def test_copies_that_differ_in_a_count_are_one_class_taking_it() -> None:
    project = copied_block_project(set_conv("out_channels", 10))
    description = "A convolution and its activation, " * 5
    project.blocks.get("ConvRelu").description = description
    code = generate_code(project)
    # The definition's description, wrapped at words and kept whole.
    assert '    """A convolution and its activation, A convolution' in code
    assert " ".join(code.split()).count(description.strip()) == 1
    assert max(len(line) for line in code.splitlines()) <= 88
    assert classes_of(code) == ["ConvRelu", "Res"]
    assert "def __init__(self, in_channels: int, out_channels: int) -> None:" in code
    assert "nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1)" in code
    assert "self.stage1 = ConvRelu(in_channels=4, out_channels=6)" in code
    assert "self.stage2 = ConvRelu(in_channels=6, out_channels=10)" in code
    model = runs(project)
    # The keys are the attributes, as with a class per definition.
    assert [k for k in model.state_dict() if k.startswith("stage")] == [
        "stage1.conv2d_2.weight",
        "stage1.conv2d_2.bias",
        "stage2.conv2d_2.weight",
        "stage2.conv2d_2.bias",
    ]
    assert model.stage2.conv2d_2.weight.shape == (10, 6, 3, 3)


def test_a_class_for_copies_says_so_when_they_have_no_description() -> None:
    code = generate_code(copied_block_project(set_conv("out_channels", 10)))
    assert '"""The blocks ConvRelu, ConvRelu_1: one class, as they differ only' in code


def test_a_kernel_size_is_a_whole_number_the_class_takes_too() -> None:
    project = copied_block_project(set_conv("kernel_size", 5))
    code = generate_code(project)
    assert classes_of(code) == ["ConvRelu", "Res"]
    assert "nn.Conv2d(in_channels, 6, kernel_size=kernel_size, padding=1)" in code
    assert "ConvRelu(in_channels=6, kernel_size=5)" in code
    assert runs(project).stage2.conv2d_2.weight.shape == (6, 6, 5, 5)


def replace_relu_with_tanh(graph: Graph) -> None:
    [relu] = graph.nodes_of_type("ReLU")
    [conv] = graph.nodes_of_type("Conv2d")
    [output] = graph.nodes_of_type("Output")
    graph.remove_node(relu.id)
    tanh = graph.add_node("Tanh", name=relu.name)
    graph.connect(conv.id, "out", tanh.id, "in")
    graph.connect(tanh.id, "out", output.id, "in")


def read_in_forward(dim: int) -> Callable[[Graph], None]:
    """An Unsqueeze and a Squeeze at ``dim`` after the ReLU: numbers ``forward``
    reads (``x.unsqueeze(2)``)."""

    def change(graph: Graph) -> None:
        [relu] = graph.nodes_of_type("ReLU")
        [output] = graph.nodes_of_type("Output")
        graph.disconnect(graph.edge_into(output.id, "in"))
        source = relu.id
        for layer_type in ("Unsqueeze", "Squeeze"):
            made = graph.add_node(layer_type, params={"dim": dim})
            graph.connect(source, "out", made.id, "in")
            source = made.id
        graph.connect(source, "out", output.id, "in")

    return change


@pytest.mark.parametrize(
    ("change", "why"),
    [
        # Not a whole number: structure, as a person would see two blocks.
        (set_conv("padding", "same"), "a setting that is not a whole number"),
        (replace_relu_with_tanh, "another layer type"),
        # stride=1 is PyTorch's default, so that use's code leaves it out.
        (set_conv("stride", 2), "a number one use's code does not write"),
    ],
)
def test_copies_that_differ_in_more_than_counts_are_two_classes(
    change: Callable[[Graph], None], why: str
) -> None:
    project = copied_block_project(change)
    code = generate_code(project)
    assert classes_of(code) == ["ConvRelu", "ConvRelu1", "Res"], why
    assert "self.stage2 = ConvRelu1(" in code
    runs(project)


def test_a_number_forward_reads_keeps_the_copies_apart() -> None:
    project = copied_block_project(read_in_forward(2))
    read_in_forward(1)(project.blocks.get("ConvRelu").graph)
    code = generate_code(project)
    # __init__'s arguments are out of reach in forward: no class takes dim.
    assert classes_of(code) == ["ConvRelu", "ConvRelu1", "Res"]
    assert ".unsqueeze(1)" in code and ".unsqueeze(2)" in code
    runs(project)


def test_blocks_named_apart_stay_apart_however_alike() -> None:
    project = copied_block_project(set_conv("out_channels", 10))
    block_editing.rename_block(project, "ConvRelu_1", "Widen").apply(project)
    assert classes_of(generate_code(project)) == ["ConvRelu", "Res", "Widen"]


def test_arguments_are_named_as_d2l_names_inceptions() -> None:
    graph = Graph("g")
    for name in ("p1_1", "p2_1", "p2_2", "b_reduce", "conv2d_1", "conv2d_2"):
        graph.add_node("Conv2d", name=name)
    groups = [
        [Slot("p1_1", "in_channels", "inferred")],
        *([Slot(name, "out_channels", "parameter")] for name in ("p1_1", "p2_1")),
        [Slot("p2_2", "out_channels", "parameter")],
        [Slot("conv2d_1", "out_channels", "parameter")],
        [Slot("conv2d_2", "out_channels", "parameter")],
    ]
    named = argument_names(graph, groups)
    assert named.references == [
        "in_channels",
        "p1",
        "p2[0]",
        "p2[1]",
        "conv2d_1_channels",
        "conv2d_2_channels",
    ]
    assert named.layout == [
        ("in_channels", 0),
        ("p1", 0),
        ("p2", 2),
        ("conv2d_1_channels", 0),
        ("conv2d_2_channels", 0),
    ]
    # A layer's own count, when no other layer's varies: the field's name.
    alone = argument_names(graph, [[Slot("conv2d_1", "out_channels", "parameter")]])
    assert alone.layout == [("out_channels", 0)]


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    out_channels=st.integers(1, 9),
    kernel_size=st.sampled_from([1, 3, 5]),
    stride=st.sampled_from([1, 2]),
    dilation=st.sampled_from([1, 2]),
)
def test_one_class_computes_what_a_class_per_definition_does(
    out_channels: int, kernel_size: int, stride: int, dilation: int
) -> None:
    def change(graph: Graph) -> None:
        [conv] = graph.nodes_of_type("Conv2d")
        for field, value in (
            ("out_channels", out_channels),
            ("kernel_size", kernel_size),
            ("stride", stride),
            ("dilation", dilation),
        ):
            graph.set_param(conv.id, field, value)

    project = copied_block_project(change)
    # Counts are arguments; a stride or dilation other than the original's 1 is a
    # second class (at 1, PyTorch's default, the original's code leaves it out).
    at_defaults = stride == 1 and dilation == 1
    expected = ["ConvRelu", "Res"] if at_defaults else ["ConvRelu", "ConvRelu1", "Res"]
    assert classes_of(generate_code(project)) == expected
    merged = build_model(project).eval()
    block_editing.rename_block(project, "ConvRelu_1", "Apart").apply(project)
    apart = build_model(project).eval()
    assert classes_of(generate_code(project)) == ["Apart", "ConvRelu", "Res"]
    # The same keys, and with the same weights the same outputs.
    apart.load_state_dict(merged.state_dict(), strict=True)
    x = torch.randn(2, 1, 8, 8)
    with torch.no_grad():
        assert torch.equal(merged(x), apart(x))


def test_a_class_writes_only_the_shapes_every_use_shares() -> None:
    """Two Inceptions of different widths share one class: a shape comment in it
    would be wrong for one of them, so it has none; a block repeated at one size
    keeps its shape comments."""
    from pathlib import Path

    from designer.graph.project_file import load_project

    samples = Path(__file__).resolve().parents[2] / "samples"

    def class_source(sample: str, name: str) -> str:
        source = generate_code(load_project(samples / f"{sample}.json"))
        tree = ast.parse(source)
        found = next(
            node
            for node in tree.body
            if isinstance(node, ast.ClassDef) and node.name == name
        )
        return "\n".join(source.splitlines()[found.lineno - 1 : found.end_lineno])

    inception = class_source("inception", "InceptionBlock")
    assert "torch.cat" in inception and "# (N" not in inception
    residual = class_source("resnet", "ResidualBlock")
    assert "# (N, 16, 8, 8)" in residual
