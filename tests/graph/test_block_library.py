"""The block library: the built-in blocks build and run, entries come into a
project with their dependencies (reused when the same, renamed when not), the
user's blocks round-trip through their folder, and bad files are left out."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from designer.codegen.build import build_model
from designer.graph import block_editing
from designer.graph.block_library import (
    add_from_library,
    builtin_folder,
    read_library,
    save_to_library,
)
from designer.graph.blocks import BLOCK, block_network
from designer.graph.model import GraphError, Project
from designer.graph.project_file import load_project, save_project
from designer.shapes.infer import infer_shapes

BUILT_IN = {
    "ResidualBlock",
    "ResidualProjectionBlock",
    "VGGBlock",
    "InceptionBlock",
    "DenseBlock",
    "DepthwiseSeparableBlock",
    "TransformerEncoderBlock",
}
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _entries() -> dict[str, Path]:
    entries, problems = read_library([(builtin_folder(), True)])
    assert problems == []
    return {entry.name: entry.path for entry in entries if entry.builtin}


def test_the_library_ships_the_blocks_real_networks_are_made_of() -> None:
    assert set(_entries()) == BUILT_IN


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_each_built_in_block_builds_and_runs_with_the_shapes_it_shows(
    name: str,
) -> None:
    project = load_project(_entries()[name])
    shapes = infer_shapes(project.graph)
    assert shapes.valid, [p.message for p in shapes.problems]
    assert project.blocks.get(name).description
    [source] = project.graph.nodes_of_type("Input")
    model = build_model(project).eval()
    with torch.no_grad():
        result = model(torch.randn(2, *source.params["shape"]))
    [expected] = shapes.output_shapes()
    assert tuple(result.shape) == (2, *expected[1:])
    assert sum(p.numel() for p in model.parameters()) == shapes.total_params


def _digits_project() -> Project:
    project = Project("mine")
    graph = project.graph
    source = graph.add_node("Input", "image", {"shape": [64, 8, 8]})
    end = graph.add_node("Output", "logits")
    graph.connect(source.id, "out", end.id, "in")
    return project


def test_an_entry_comes_in_as_one_undoable_step_and_is_reused_the_second_time() -> None:
    project = _digits_project()
    path = _entries()["ResidualBlock"]
    first = add_from_library(project, "model", path, (100.0, 0.0))
    first.apply(project)
    [use] = project.graph.nodes_of_type(BLOCK)
    assert use.params == {"block": "ResidualBlock", "repeat": 1}
    assert use.position == (100.0, 0.0)

    second = add_from_library(project, "model", path)
    second.apply(project)
    assert project.blocks.names() == ["ResidualBlock"]  # the same block: reused
    assert len(project.graph.nodes_of_type(BLOCK)) == 2

    second.revert(project)
    first.revert(project)
    assert len(project.blocks) == 0 and not project.graph.nodes_of_type(BLOCK)


def test_a_different_block_of_the_same_name_is_not_replaced() -> None:
    project = load_project(SAMPLES / "resnet.json")  # its own ResidualBlock
    mine = project.blocks.get("ResidualBlock").graph.copy()
    edit = add_from_library(project, "model", _entries()["ResidualBlock"])
    edit.apply(project)
    assert project.blocks.get("ResidualBlock").graph == mine
    added = [n for n in project.blocks.names() if n != "ResidualBlock"]
    assert len(added) == 1 and added[0].startswith("ResidualBlock")
    uses = [n.params["block"] for n in project.graph.nodes_of_type(BLOCK)]
    assert added[0] in uses


def test_a_block_cannot_be_added_inside_itself(tmp_path: Path) -> None:
    project = load_project(SAMPLES / "resnet.json")
    path = save_to_library(project, "ResidualBlock", tmp_path)
    with pytest.raises(GraphError, match="inside"):
        add_from_library(project, block_network("ResidualBlock"), path)


def test_a_saved_block_round_trips_with_the_blocks_it_uses(tmp_path: Path) -> None:
    project = load_project(SAMPLES / "resnet.json")
    stage = project.graph.node_by_name("stage1").id
    # A block that uses another: group the use and the pool after it.
    pool = project.graph.node_by_name("pool").id
    shapes = infer_shapes(project.graph)

    def shape_of(node: str, port: str) -> tuple[list, str]:
        info = shapes.nodes[node]
        return list(info.outputs[port][1:]), info.dtypes.get(port, "float")

    grouping = block_editing.group_into_block
    grouping(project, "model", [stage, pool], "Stage", shape_of).apply(project)
    path = save_to_library(project, "Stage", tmp_path)

    entries, problems = read_library([(tmp_path, False)])
    assert problems == []
    assert [(e.name, e.builtin, e.path) for e in entries] == [("Stage", False, path)]
    saved = load_project(path)
    assert set(saved.blocks.names()) == {"Stage", "ResidualBlock"}
    assert infer_shapes(saved.graph).valid

    fresh = _digits_project()
    add_from_library(fresh, "model", path).apply(fresh)
    assert set(fresh.blocks.names()) == {"Stage", "ResidualBlock"}


def test_unreadable_entries_are_named_and_the_rest_still_listed(
    tmp_path: Path,
) -> None:
    (tmp_path / "broken.json").write_text("{ not json", encoding="utf-8")
    save_project(_digits_project(), tmp_path / "plain.json")
    save_to_library(load_project(SAMPLES / "resnet.json"), "ResidualBlock", tmp_path)
    entries, problems = read_library([(tmp_path, False), (tmp_path / "gone", False)])
    assert [e.name for e in entries] == ["ResidualBlock"]
    assert len(problems) == 2
    assert problems[0].startswith("broken.json: ")
    assert problems[1].startswith("plain.json: ") and "no block" in problems[1]
