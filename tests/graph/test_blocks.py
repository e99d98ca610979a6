"""Blocks: grouping keeps the shapes, uses follow their definition, files keep
definitions once, recursion is refused, and the code builds and runs."""

from __future__ import annotations

import pytest

from designer.graph import block_editing
from designer.graph.blocks import block_network
from designer.graph.model import Graph, GraphError, Project
from designer.graph.project_file import ProjectFileError, dumps_project, loads_project
from designer.shapes.infer import infer_shapes

CHAIN = [
    ("Input", {"shape": [1, 12, 12]}),
    ("Conv2d", {"out_channels": 4, "padding": "same"}),
    ("ReLU", {}),
    ("Conv2d", {"out_channels": 4, "padding": "same"}),
    ("ReLU", {}),
    ("Flatten", {}),
    ("Linear", {"out_features": 3}),
    ("Output", {}),
]


def chain_project() -> tuple[Project, list[str]]:
    project = Project("chain")
    graph = project.graph
    ids: list[str] = []
    for layer_type, params in CHAIN:
        node = graph.add_node(layer_type, params=params)
        if ids:
            graph.connect(ids[-1], "out", node.id, "in")
        ids.append(node.id)
    return project, ids


def shape_lookup(graph: Graph):
    shapes = infer_shapes(graph)
    return lambda node, port: (list(shapes.nodes[node].outputs[port][1:]), "float")


def grouped() -> tuple[Project, list[str], str]:
    project, ids = chain_project()
    edit = block_editing.group_into_block(
        project, "model", ids[1:3], "ConvRelu", shape_lookup(project.graph)
    )
    edit.apply(project)
    [use] = project.graph.nodes_of_type("Block")
    return project, ids, use.id


def test_grouping_keeps_every_shape_and_the_counts() -> None:
    project, ids = chain_project()
    before = infer_shapes(project.graph)
    edit = block_editing.group_into_block(
        project, "model", ids[1:3], "ConvRelu", shape_lookup(project.graph)
    )
    edit.apply(project)
    after = infer_shapes(project.graph)
    assert after.valid
    for node_id in (ids[3], ids[5], ids[6]):
        assert after.nodes[node_id].outputs == before.nodes[node_id].outputs
    assert after.total_params == before.total_params
    assert after.total_macs == before.total_macs
    definition = project.blocks.get("ConvRelu")
    assert [n.type for n in definition.inputs()] == ["Input"]
    assert definition.inputs()[0].params["shape"] == [1, 12, 12]
    edit.revert(project)
    assert len(project.blocks) == 0 and infer_shapes(project.graph).total_params == (
        before.total_params
    )


def test_group_refuses_io_nodes_taken_names_and_empty_selections() -> None:
    project, ids = chain_project()
    with pytest.raises(GraphError, match="Input and Output"):
        block_editing.group_into_block(project, "model", ids[0:2], "A")
    with pytest.raises(GraphError, match="select"):
        block_editing.group_into_block(project, "model", [], "A")
    with pytest.raises(GraphError, match="start with a letter"):
        block_editing.group_into_block(project, "model", ids[1:2], "1x")


def test_editing_the_definition_changes_every_use_and_make_unique_splits_one() -> None:
    project, ids, use = grouped()
    graph = project.graph
    second = block_editing.add_block_use(project, "model", "ConvRelu")
    second.apply(project)
    other = second.node_ids[0]
    inner = project.network(block_network("ConvRelu"))
    conv = inner.nodes_of_type("Conv2d")[0]
    inner.set_param(conv.id, "out_channels", 6)
    assert infer_shapes(graph).nodes[use].outputs["out"] == ("N", 6, 12, 12)
    unique = block_editing.make_unique(project, "model", other)
    unique.apply(project)
    assert graph.node(other).params["block"] == "ConvRelu_1"
    copy = project.blocks.get("ConvRelu_1").graph
    copy.set_param(copy.nodes_of_type("Conv2d")[0].id, "out_channels", 2)
    assert (
        project.blocks.get("ConvRelu").graph.node(conv.id).params["out_channels"] == 6
    )
    unique.revert(project)
    assert "ConvRelu_1" not in project.blocks


def test_rename_block_renames_uses_and_undo_puts_it_back() -> None:
    project, _ids, use = grouped()
    edit = block_editing.rename_block(project, "ConvRelu", "Stem")
    assert edit is not None
    edit.apply(project)
    assert project.graph.node(use).params["block"] == "Stem"
    assert infer_shapes(project.graph).valid
    edit.revert(project)
    assert project.graph.node(use).params["block"] == "ConvRelu"
    with pytest.raises(GraphError, match="already called"):
        project.blocks.add(project.blocks.get("ConvRelu"))


def test_ungroup_restores_the_layers_and_the_shapes() -> None:
    project, ids, use = grouped()
    before = infer_shapes(project.graph)
    edit = block_editing.ungroup(project, "model", use)
    edit.apply(project)
    after = infer_shapes(project.graph)
    assert after.valid and not project.graph.nodes_of_type("Block")
    assert after.total_params == before.total_params
    assert after.nodes[ids[6]].outputs == before.nodes[ids[6]].outputs


def test_repeat_runs_the_block_n_times_and_counts_n_times() -> None:
    project, ids, use = grouped()
    single = infer_shapes(project.graph).nodes[use].params
    project.graph.set_param(use, "repeat", 3)
    shapes = infer_shapes(project.graph)
    assert shapes.valid and len(shapes.nodes[use].block) == 3
    # The first repetition takes 1 channel in, the next two take 4.
    assert shapes.nodes[use].params == single + 2 * (4 * 4 * 9 + 4)
    inline = block_editing.ungroup(project, "model", use)
    inline.apply(project)
    assert infer_shapes(project.graph).total_params == shapes.total_params


def test_a_repeat_whose_output_cannot_feed_its_input_is_a_problem_naming_the_block() -> (
    None
):
    project = Project()
    graph = project.graph
    x = graph.add_node("Input", params={"shape": [8]})
    dense = graph.add_node("Linear", params={"out_features": 4})
    flat = graph.add_node("Reshape", params={"shape": [2, 2]})
    out = graph.add_node("Output")
    graph.connect(x.id, "out", dense.id, "in")
    graph.connect(dense.id, "out", flat.id, "in")
    graph.connect(flat.id, "out", out.id, "in")
    block_editing.group_into_block(project, "model", [dense.id, flat.id], "Head").apply(
        project
    )
    [use] = graph.nodes_of_type("Block")
    graph.set_param(use.id, "repeat", 2)
    shapes = infer_shapes(graph)
    [problem] = shapes.errors
    assert problem.node == use.id
    assert "block 'Head'" in problem.message and "repetition 2 of 2" in problem.message


def test_recursion_is_refused() -> None:
    project, _ids, use = grouped()
    with pytest.raises(GraphError, match="cannot use itself"):
        block_editing.add_block_use(project, block_network("ConvRelu"), "ConvRelu")
    outer = block_editing.group_into_block(project, "model", [use], "Outer")
    outer.apply(project)
    with pytest.raises(GraphError, match="already uses"):
        block_editing.add_block_use(project, block_network("ConvRelu"), "Outer")


def test_files_store_definitions_once_and_read_back_equal() -> None:
    project, _ids, use = grouped()
    block_editing.add_block_use(project, "model", "ConvRelu").apply(project)
    text = dumps_project(project)
    assert text.count('"name": "ConvRelu"') == 1
    loaded = loads_project(text)
    assert loaded == project
    assert infer_shapes(loaded.graph).total_params == (
        infer_shapes(project.graph).total_params
    )


def test_old_files_without_blocks_read_as_before() -> None:
    old = (
        '{"format": "designer-project", "version": 1, "networks": [{"name": "m", '
        '"nodes": [{"id": "a", "type": "Input", "name": "a"}], "edges": []}]}'
    )
    project = loads_project(old)
    assert len(project.blocks) == 0 and project.graph.node("a").type == "Input"


def test_block_problems_in_files_say_where() -> None:
    project, _ids, _use = grouped()
    text = dumps_project(project)
    head, blocks = text.split('"blocks"')
    bad = head + '"blocks"' + blocks.replace('"out_channels": 4', '"out_channels": -4')
    with pytest.raises(ProjectFileError) as caught:
        loads_project(bad)
    assert any(p.startswith("blocks[0].nodes[") for p in caught.value.problems)
    self_use = (
        head
        + '"blocks"'
        + blocks.replace(
            '"nodes": [',
            '"nodes": [{"id": "z", "type": "Block", "name": "z", '
            '"params": {"block": "ConvRelu"}}, ',
            1,
        )
    )
    with pytest.raises(ProjectFileError, match="cannot use itself"):
        loads_project(self_use)
