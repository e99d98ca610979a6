"""The editor document: undoable edits, exact undo, clipboard, files, tidy layout."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.graph.catalog import all_specs
from designer.graph.model import Edge, GraphError, Project
from designer.graph.project_file import ProjectFileError, project_to_dict
from designer.ui.canvas.layout import node_depths
from designer.ui.canvas.metrics import node_height, port_anchor
from designer.ui.document import Document


def snapshot(document: Document) -> dict:
    return json.loads(json.dumps(project_to_dict(document.project)))


def undo_redo_roundtrip(document: Document, before: dict) -> None:
    after = snapshot(document)
    document.undo_stack.undo()
    assert snapshot(document) == before
    document.undo_stack.redo()
    assert snapshot(document) == after


# -- single edits ----------------------------------------------------------------
def test_add_node_is_one_undoable_step_with_a_readable_text(document: Document) -> None:
    before = snapshot(document)
    node_id = document.add_node("Conv2d", (40, 60), {"out_channels": 8})
    node = document.graph.node(node_id)
    assert (node.type, node.params["out_channels"], node.position) == (
        "Conv2d",
        8,
        (40.0, 60.0),
    )
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == "Add Conv2d"
    undo_redo_roundtrip(document, before)
    assert (
        document.graph.node(node_id).name == node.name
    )  # redo gives the same id and name


def test_add_node_refuses_unknown_types_and_bad_parameters(document: Document) -> None:
    with pytest.raises(GraphError, match="unknown layer type"):
        document.add_node("Conv9d", (0, 0))
    with pytest.raises(GraphError, match="out_channels"):
        document.add_node("Conv2d", (0, 0), {"out_channels": 0})
    assert document.undo_stack.count() == 0


def test_connect_and_disconnect_undo(document: Document, chain) -> None:
    a, b = chain(document, [("Input", {"shape": [4]}), ("Linear", {"out_features": 3})])
    assert document.undo_stack.text(document.undo_stack.count() - 1).startswith(
        "Connect input"
    )
    before = snapshot(document)
    edge = document.graph.edges[0]
    document.disconnect(edge)
    assert document.graph.edges == []
    assert document.undo_stack.text(document.undo_stack.index() - 1).startswith(
        "Disconnect"
    )
    undo_redo_roundtrip(document, before)


def test_connect_refuses_cycles_and_bad_ports_without_pushing(
    document: Document, chain
) -> None:
    a, b, c = chain(
        document, [("Input", {"shape": [4]}), ("Linear", {}), ("Linear", {})]
    )
    count = document.undo_stack.count()
    assert "cycle" in document.connect(c, "out", b, "in")
    assert "no input port" in document.connect(a, "out", b, "nope")
    assert "itself" in document.connect(b, "out", b, "in")
    assert document.undo_stack.count() == count
    assert document.connectable_inputs(c, "out") == set()
    assert (c, "in") in document.connectable_inputs(a, "out")


def test_connecting_an_occupied_input_replaces_its_edge_in_one_step(
    document: Document,
) -> None:
    first = document.add_node("Input", (0, 0), {"shape": [4]})
    second = document.add_node("Input", (0, 200), {"shape": [8]})
    dense = document.add_node("Linear", (300, 0))
    assert document.connect(second, "out", dense, "in") is None
    before = snapshot(document)
    count = document.undo_stack.count()
    assert document.connect(first, "out", dense, "in") is None
    assert document.undo_stack.count() == count + 1
    assert (
        document.undo_stack.text(count)
        == f"Connect {document.graph.node(first).name} → {document.graph.node(dense).name}"
    )
    assert document.graph.edge_into(dense, "in").source == first
    assert len(document.graph.edges_into(dense)) == 1
    assert document.analysis["model"].nodes[dense].inferred["in_features"] == 4
    undo_redo_roundtrip(document, before)
    document.undo_stack.undo()
    assert document.graph.edge_into(dense, "in").source == second


def test_set_param_validates_and_pushes_only_valid_values(
    document: Document, cnn: list[str]
) -> None:
    conv = cnn[1]
    count = document.undo_stack.count()
    message = document.set_param(conv, "kernel_size", 0)
    assert message and "at least 1" in message
    assert document.set_param(conv, "nope", 1) == "Conv2d has no parameter 'nope'"
    assert document.undo_stack.count() == count
    before = snapshot(document)
    assert document.set_param(conv, "kernel_size", 5) is None
    assert (
        document.undo_stack.text(count)
        == f"Change kernel_size of {document.graph.node(conv).name}"
    )
    assert document.analysis["model"].shape_of(conv) == ("N", 32, 24, 24)
    undo_redo_roundtrip(document, before)
    assert (
        document.set_param(conv, "kernel_size", 5) is None
    )  # unchanged: nothing pushed
    assert document.undo_stack.count() == count + 1


def test_set_param_that_removes_a_port_restores_its_edge_on_undo(
    document: Document,
) -> None:
    source = document.add_node("Input", (0, 0), {"shape": [4]})
    add = document.add_node("Add", (300, 0), {"inputs": 3})
    for port in ("in1", "in2", "in3"):
        assert document.connect(source, "out", add, port) is None
    before = snapshot(document)
    assert document.set_param(add, "inputs", 2) is None
    assert [e.target_port for e in document.graph.edges_into(add)] == ["in1", "in2"]
    undo_redo_roundtrip(document, before)


def test_rename_checks_names(document: Document, cnn: list[str]) -> None:
    conv, relu = cnn[1], cnn[2]
    relu_name = document.graph.node(relu).name
    assert "already called" in document.rename(conv, relu_name)
    assert document.rename(conv, "   ") == "a name cannot be empty"
    before = snapshot(document)
    assert document.rename(conv, " features ") is None
    assert document.graph.node(conv).name == "features"
    undo_redo_roundtrip(document, before)


def test_remove_nodes_restores_ids_names_params_positions_and_edges(
    document: Document, cnn: list[str]
) -> None:
    document.set_selection(cnn[3:5])
    before = snapshot(document)
    document.remove_nodes(cnn[3:5])
    assert len(document.graph.nodes) == len(cnn) - 2
    assert document.selected_ids == []
    assert (
        document.undo_stack.text(document.undo_stack.index() - 1) == "Delete 2 layers"
    )
    undo_redo_roundtrip(document, before)


def test_moves_of_several_nodes_are_one_step_and_quick_nudges_merge(
    document: Document, cnn: list[str]
) -> None:
    before = snapshot(document)
    count = document.undo_stack.count()
    moves = {cnn[0]: ((0.0, 0.0), (20.0, 40.0)), cnn[1]: ((240.0, 0.0), (260.0, 40.0))}
    document.move_nodes(moves)
    document.move_nodes(
        {k: (new, (new[0] + 20, new[1])) for k, (_, new) in moves.items()}
    )
    assert document.undo_stack.count() == count + 1
    assert document.graph.node(cnn[0]).position == (40.0, 40.0)
    document.undo_stack.undo()
    assert snapshot(document) == before


def test_training_and_dataset_edits_are_undoable_and_signalled(
    document: Document, qtbot
) -> None:
    with qtbot.waitSignal(document.trainingChanged):
        document.set_training({"epochs": 3, "learning_rate": 0.01})
    with qtbot.waitSignal(document.datasetChanged):
        document.set_dataset({"name": "digits"})
    assert document.project.training["epochs"] == 3
    document.undo_stack.undo()
    assert document.project.dataset == {}
    document.undo_stack.undo()
    assert document.project.training == {}
    document.undo_stack.redo()
    assert document.project.training == {"epochs": 3, "learning_rate": 0.01}


def test_project_name_edits_are_checked_undoable_and_signalled(
    document: Document, qtbot
) -> None:
    assert document.set_project_name("   ") == "a project name cannot be empty"
    assert document.set_project_name("x" * 201).endswith("at most 200 characters")
    assert document.undo_stack.count() == 0
    with qtbot.waitSignal(document.projectNameChanged) as blocker:
        assert document.set_project_name(" Digits ") is None
    assert blocker.args == ["Digits"]
    assert document.undo_stack.text(0) == "Rename project to Digits"
    with qtbot.waitSignal(document.projectNameChanged) as blocker:
        document.undo_stack.undo()
    assert blocker.args == ["Untitled"] and document.project.name == "Untitled"


def test_modified_follows_the_undo_stack(document: Document, qtbot, tmp_path) -> None:
    assert not document.modified
    with qtbot.waitSignal(document.modifiedChanged) as blocker:
        document.add_node("ReLU", (0, 0))
    assert blocker.args == [True] and document.modified
    document.save(tmp_path / "a.json")
    assert not document.modified
    document.undo_stack.undo()
    assert document.modified


def test_analysis_and_code_follow_edits(
    document: Document, cnn: list[str], qtbot
) -> None:
    assert document.analysis["model"].valid
    assert document.code_error() is None
    assert "nn.Conv2d(1, 32" in document.code().replace("in_channels=", "")
    with qtbot.waitSignal(document.analysisChanged):
        document.set_param(cnn[1], "out_channels", 16)
    assert "16" in document.code()
    document.remove_nodes([cnn[-1]])
    assert document.code() == ""
    assert "Output" in document.code_error()


def test_moving_does_not_recompute_analysis(document: Document, cnn: list[str]) -> None:
    analysis = document.analysis["model"]
    document.move_nodes({cnn[0]: ((0.0, 0.0), (0.0, 100.0))})
    assert document.analysis["model"] is analysis


# -- clipboard ------------------------------------------------------------------------
def test_copy_paste_keeps_internal_edges_with_fresh_ids_and_names(
    document: Document, cnn: list[str]
) -> None:
    graph = document.graph
    text = document.copy(cnn[1:4])
    assert json.loads(text)["edges"] and len(json.loads(text)["edges"]) == 2
    before_ids = {n.id for n in graph.nodes}
    before_names = {n.name for n in graph.nodes}
    new = document.paste((1000, 500))
    assert len(new) == 3 and not set(new) & before_ids
    assert not {graph.node(i).name for i in new} & before_names
    internal = [e for e in graph.edges if e.source in new and e.target in new]
    assert len(internal) == 2
    assert min(graph.node(i).position[0] for i in new) == 1000
    assert document.selected_ids == new
    assert document.undo_stack.text(document.undo_stack.index() - 1) == "Paste 3 layers"
    document.undo_stack.undo()
    assert {n.id for n in graph.nodes} == before_ids


def test_paste_ignores_foreign_or_broken_clipboard_text(document: Document) -> None:
    from PySide6.QtGui import QGuiApplication

    for text in (
        "hello",
        "{",
        json.dumps(
            {"format": "designer-clipboard", "nodes": [{"type": "Nope", "id": "x"}]}
        ),
    ):
        QGuiApplication.clipboard().setText(text)
        assert document.paste() == []
    assert document.undo_stack.count() == 0


def test_pasting_a_named_node_twice_leaves_the_users_series_alone(
    document: Document,
) -> None:
    node = document.add_node("Linear", (0, 0), name="b2_1")
    document.copy([node])
    pasted = document.paste() + document.paste()
    assert [document.graph.node(i).name for i in pasted] == ["b2_1_copy", "b2_1_copy2"]
    intended = document.add_node("Linear", (0, 300), name="b2_2")
    assert document.graph.node(intended).name == "b2_2"


def test_cut_removes_and_paste_restores(document: Document, cnn: list[str]) -> None:
    document.cut(cnn[5:7])
    assert len(document.graph.nodes) == len(cnn) - 2
    new = document.paste()
    assert len(new) == 2 and len(document.graph.nodes) == len(cnn)


def test_duplicate_offsets_copies(document: Document, cnn: list[str]) -> None:
    new = document.duplicate([cnn[1]])
    original, copy = document.graph.node(cnn[1]), document.graph.node(new[0])
    assert copy.params == original.params and copy.name != original.name
    assert copy.position == (original.position[0] + 40, original.position[1] + 40)


# -- files --------------------------------------------------------------------------
def test_save_then_load_gives_an_equal_project(
    document: Document, cnn: list[str], tmp_path, qtbot
) -> None:
    document.set_training({"epochs": 2})
    path = tmp_path / "cnn.json"
    document.save(path)
    assert document.path == path
    other = Document()
    with qtbot.waitSignal(other.projectReplaced):
        other.load(path)
    assert other.project == document.project
    assert project_to_dict(other.project) == project_to_dict(document.project)
    assert other.undo_stack.count() == 0 and not other.modified and other.path == path


def test_load_failure_leaves_the_document_untouched(
    document: Document, cnn: list[str], tmp_path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "designer-project", "version": 1, "networks": [{"name": "m", "nodes": [{"id": "a", "type": "Conv9d", "name": "a"}], "edges": []}]}'
    )
    before = snapshot(document)
    count = document.undo_stack.count()
    with pytest.raises(ProjectFileError, match="Conv9d"):
        document.load(bad)
    with pytest.raises(ProjectFileError):
        document.load(tmp_path / "missing.json")
    assert snapshot(document) == before
    assert document.undo_stack.count() == count and document.path is None


def test_save_without_a_path_asks_for_one(document: Document) -> None:
    with pytest.raises(ValueError, match="choose where"):
        document.save()


def test_new_replaces_everything(document: Document, cnn: list[str], qtbot) -> None:
    document.set_selection(cnn[:2])
    gan = Project("gan", networks=[])
    from designer.graph.model import Graph

    gan.networks = [Graph("generator"), Graph("discriminator")]
    with qtbot.waitSignal(document.projectReplaced):
        document.new(gan)
    assert document.current_network == "generator" and document.selected_ids == []
    assert set(document.analysis) == {"generator", "discriminator"}
    with qtbot.waitSignal(document.currentNetworkChanged) as blocker:
        document.set_current_network("discriminator")
    assert blocker.args == ["discriminator"]
    node = document.add_node("Input", (0, 0))
    assert document.project.network("discriminator").has_node(node)
    assert not document.project.network("generator").nodes


# -- tidy layout ------------------------------------------------------------------------
def test_tidy_layout_orders_columns_by_depth_in_one_step(
    document: Document, chain
) -> None:
    ids = chain(
        document,
        [("Input", {"shape": [8]}), ("Linear", {}), ("ReLU", {}), ("Output", {})],
        spacing=-300,
    )
    skip = document.add_node("Linear", (0, 900), {"out_features": 64})
    add = document.add_node("Add", (-50, -400))
    document.connect(ids[0], "out", skip, "in")
    document.connect(ids[2], "out", add, "in1")
    document.connect(skip, "out", add, "in2")
    document.connect(add, "out", ids[3], "in")
    count = document.undo_stack.count()
    document.tidy_layout()
    assert document.undo_stack.count() == count + 1
    assert document.undo_stack.text(count) == "Tidy layout"
    graph = document.graph
    depths = node_depths(graph)
    for edge in graph.edges:
        assert graph.node(edge.source).position[0] < graph.node(edge.target).position[0]
    for a in graph.nodes:
        for b in graph.nodes:
            if depths[a.id] < depths[b.id]:
                assert a.position[0] < b.position[0]
            if depths[a.id] == depths[b.id] and a.id != b.id:
                assert (
                    abs(a.position[1] - b.position[1]) >= 100
                )  # no overlaps in a column
    # A chain of cards of different heights is joined by straight, level edges.
    port_y = {n.id: n.position[1] + port_anchor(n) for n in graph.nodes}
    assert port_y[ids[1]] == port_y[ids[2]]
    assert node_height(graph.node(ids[1])) != node_height(graph.node(ids[2]))


def test_tidy_layout_reduces_crossings(document: Document) -> None:
    graph = document.graph
    inputs = [document.add_node("Input", (0, y), {"shape": [4]}) for y in (0, 200)]
    # Targets placed in the crossing order.
    outputs = [document.add_node("Output", (400, y)) for y in (0, 200)]
    document.connect(inputs[0], "out", outputs[1], "in")
    document.connect(inputs[1], "out", outputs[0], "in")
    document.tidy_layout()
    y = {n.id: n.position[1] for n in graph.nodes}
    assert (y[inputs[0]] < y[inputs[1]]) == (y[outputs[1]] < y[outputs[0]])


# -- the property: any edits, all undone, give back the original --------------------------
LAYER_TYPES = [spec.type for spec in all_specs()]


def random_edit(document: Document, rng: random.Random) -> None:
    graph = document.graph
    nodes = graph.nodes
    kind = rng.choice(
        [
            "add",
            "add",
            "connect",
            "connect",
            "remove",
            "disconnect",
            "param",
            "rename",
            "move",
            "paste",
            "tidy",
            "training",
            "switch",
        ]
    )
    if kind == "switch":
        document.set_current_network(rng.choice(document.network_names))
    elif kind == "add" or not nodes:
        document.add_node(
            rng.choice(LAYER_TYPES), (rng.uniform(-500, 500), rng.uniform(-500, 500))
        )
    elif kind == "connect":
        source = rng.choice(nodes)
        target = rng.choice(nodes)
        if source.output_ports() and target.input_ports():
            document.connect(
                source.id,
                rng.choice(source.output_ports()),
                target.id,
                rng.choice(target.input_ports()),
            )
    elif kind == "remove":
        document.remove_nodes(
            rng.sample([n.id for n in nodes], k=min(len(nodes), rng.randint(1, 3)))
        )
    elif kind == "disconnect" and graph.edges:
        document.disconnect(rng.choice(graph.edges))
    elif kind == "param":
        node = rng.choice(nodes)
        for spec in node.spec.params:
            if spec.kind == "int":
                low = int(spec.minimum if spec.minimum is not None else 0)
                document.set_param(node.id, spec.name, rng.randint(low, low + 5))
                break
            if spec.kind == "bool":
                document.set_param(node.id, spec.name, not node.params[spec.name])
                break
    elif kind == "rename":
        document.rename(
            rng.choice(nodes).id, rng.choice(["a", "b", "features", "head", "x_1"])
        )
    elif kind == "move":
        moved = rng.sample(nodes, k=min(len(nodes), 2))
        document.move_nodes(
            {
                n.id: (n.position, (n.position[0] + 20, n.position[1] - 20))
                for n in moved
            }
        )
    elif kind == "paste":
        document.copy(rng.sample([n.id for n in nodes], k=min(len(nodes), 3)))
        document.paste((rng.uniform(0, 100), rng.uniform(0, 100)))
    elif kind == "tidy":
        document.tidy_layout()
    elif kind == "training":
        document.set_training({"epochs": rng.randint(1, 9)})


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    seed=st.integers(0, 2**31),
    steps=st.integers(1, 25),
    start=st.sampled_from(["empty", "cnn", "two networks"]),
)
def test_any_edits_undone_give_back_the_original_and_redone_the_edited(
    qapp, chain, seed: int, steps: int, start: str
) -> None:
    from designer.graph.model import Graph

    document = Document()
    try:
        if start == "cnn":
            chain(document)
            document.undo_stack.clear()
        elif start == "two networks":
            document.new(
                Project("gan", networks=[Graph("generator"), Graph("discriminator")])
            )
        rng = random.Random(seed)
        original = snapshot(document)
        for _ in range(steps):
            random_edit(document, rng)
        edited = snapshot(document)
        edited_shapes = {k: v.nodes.keys() for k, v in document.analysis.items()}
        while document.undo_stack.canUndo():
            document.undo_stack.undo()
        assert snapshot(document) == original
        while document.undo_stack.canRedo():
            document.undo_stack.redo()
        assert snapshot(document) == edited
        assert {
            k: v.nodes.keys() for k, v in document.analysis.items()
        } == edited_shapes
    finally:
        document.undo_stack.clear()
        document.deleteLater()


def test_the_property_helper_really_edits(qapp) -> None:
    document = Document()
    rng = random.Random(3)
    for _ in range(30):
        random_edit(document, rng)
    assert document.undo_stack.count() > 10
    assert snapshot(document) != snapshot(Document())
    document.undo_stack.clear()


def test_edges_are_values(document: Document, chain) -> None:
    a, b = chain(document, [("Input", {"shape": [4]}), ("Output", {})])
    assert document.graph.edges == [Edge(a, "out", b, "in")]


def test_undo_shows_the_network_it_changes(document: Document) -> None:
    from designer.graph.model import Graph

    document.new(Project("gan", networks=[Graph("generator"), Graph("discriminator")]))
    node = document.add_node("Input", (0, 0))
    document.set_current_network("discriminator")
    document.undo_stack.undo()
    assert document.current_network == "generator"
    assert not document.project.network("generator").has_node(node)
    document.set_current_network("discriminator")
    document.undo_stack.redo()
    assert document.current_network == "generator" and document.graph.has_node(node)


def test_a_file_without_positions_opens_laid_out(document: Document, tmp_path) -> None:
    nodes = [
        {"id": "a", "type": "Input", "name": "x", "params": {"shape": [4]}},
        {"id": "b", "type": "Linear", "name": "fc"},
        {"id": "c", "type": "Output", "name": "y"},
    ]
    edges = [
        {"source": "a", "source_port": "out", "target": "b", "target_port": "in"},
        {"source": "b", "source_port": "out", "target": "c", "target_port": "in"},
    ]
    path = tmp_path / "bare.json"
    path.write_text(
        json.dumps(
            {
                "format": "designer-project",
                "version": 1,
                "networks": [{"name": "m", "nodes": nodes, "edges": edges}],
            }
        )
    )
    document.load(path)
    xs = [document.graph.node(i).position[0] for i in "abc"]
    assert xs == sorted(xs) and len(set(xs)) == 3
    assert not document.modified and document.undo_stack.count() == 0
