"""Exact undo through the model alone: random edits made by the editing rules,
applied, undone and redone as plain Python objects, with no Qt anywhere."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.graph import block_editing, editing
from designer.graph.catalog import all_specs
from designer.graph.edits import Edit
from designer.graph.events import OrderChanged, ProjectChanged
from designer.graph.fragments import fragment_to_dict, parse_fragment
from designer.graph.layout import CardSizes, tidy_moves
from designer.graph.model import Graph, GraphError, Node, Project
from designer.graph.project_file import project_to_dict

LAYER_TYPES = [spec.type for spec in all_specs()]
CARDS = CardSizes(200.0, 20.0, lambda node: 120.0, lambda node: 60.0)


class History:
    """A Qt-free undo stack: edits applied in order, undone in reverse."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.network = project.networks[0].name
        self.done: list[Edit] = []
        self.undone: list[Edit] = []

    @property
    def graph(self) -> Graph:
        return self.project.network(self.network)

    def push(self, edit: Edit | None) -> None:
        if edit is None:
            return
        edit.apply(self.project)
        self.undone.clear()
        last = self.done[-1] if self.done else None
        if last is not None and last.merge_id == edit.merge_id and last.merge(edit):
            return
        self.done.append(edit)

    def attempt(self, plan, *args) -> None:
        """Push what the rule gives; a refused request changes nothing."""
        try:
            edit = plan(self.graph, self.network, *args)
        except GraphError:
            return
        self.push(edit)

    def undo(self) -> None:
        edit = self.done.pop()
        edit.revert(self.project)
        self.undone.append(edit)

    def redo(self) -> None:
        edit = self.undone.pop()
        edit.apply(self.project)
        self.done.append(edit)


def snapshot(project: Project) -> dict:
    return json.loads(json.dumps(project_to_dict(project)))


def random_edit(history: History, rng: random.Random) -> None:
    graph, network = history.graph, history.network
    nodes = graph.nodes
    kind = rng.choice(
        ["add", "add", "connect", "connect", "remove", "disconnect", "param"]
        + ["rename", "move", "paste", "tidy", "training", "switch", "delete"]
        + ["group", "ungroup", "unique", "rename_block", "repeat"]
    )
    uses = [n for n in nodes if n.type == "Block"]
    if kind == "switch":
        history.network = rng.choice([g.name for g in history.project.networks])
    elif kind == "add" or not nodes:
        position = (rng.uniform(-500, 500), rng.uniform(-500, 500))
        history.push(editing.add_node(network, rng.choice(LAYER_TYPES), position))
    elif kind == "connect":
        source, target = rng.choice(nodes), rng.choice(nodes)
        if source.output_ports() and target.input_ports():
            history.attempt(
                editing.connect,
                source.id,
                rng.choice(source.output_ports()),
                target.id,
                rng.choice(target.input_ports()),
            )
    elif kind == "remove":
        count = min(len(nodes), rng.randint(1, 3))
        history.attempt(editing.remove_nodes, rng.sample([n.id for n in nodes], count))
    elif kind == "delete":
        ids = rng.sample([n.id for n in nodes], k=min(len(nodes), 1))
        history.attempt(
            editing.delete, ids, rng.sample(graph.edges, len(graph.edges) // 2)
        )
    elif kind == "disconnect" and graph.edges:
        history.attempt(editing.disconnect, rng.choice(graph.edges))
    elif kind == "param":
        node = rng.choice(nodes)
        for spec in node.spec.params:
            if spec.kind == "int":
                low = int(spec.minimum if spec.minimum is not None else 0)
                history.attempt(
                    editing.set_param, node.id, spec.name, rng.randint(low, low + 5)
                )
                break
            if spec.kind == "bool":
                history.attempt(
                    editing.set_param, node.id, spec.name, not node.params[spec.name]
                )
                break
    elif kind == "rename":
        name = rng.choice(["a", "b", "features", "head", "x_1"])
        history.attempt(editing.rename, rng.choice(nodes).id, name)
    elif kind == "move":
        moved = rng.sample(nodes, k=min(len(nodes), 2))
        moves = {
            n.id: (n.position, (n.position[0] + 20, n.position[1] - 20)) for n in moved
        }
        history.attempt(editing.move_nodes, moves)
    elif kind == "paste":
        ids = rng.sample([n.id for n in nodes], k=min(len(nodes), 3))
        fragment = parse_fragment(json.dumps(fragment_to_dict(graph, ids)))
        position = (rng.uniform(0, 100), rng.uniform(0, 100))
        history.push(editing.add_copies(network, fragment, position, (40, 40), "Paste"))
    elif kind == "tidy":
        moves = tidy_moves(graph, CARDS)
        history.attempt(editing.move_nodes, moves, "Tidy layout", False)
    elif kind == "group":
        # A layer with data in and out, and perhaps the one after it.
        inner = [
            n.id for n in nodes if graph.edges_into(n.id) and graph.edges_out_of(n.id)
        ]
        ids = rng.sample(inner, k=1) if inner else [rng.choice(nodes).id]
        following = [e.target for e in graph.edges_out_of(ids[0])]
        if following and rng.random() < 0.5:
            ids.append(following[0])
        name = f"B{rng.randint(1, 4)}"
        try:
            edit = block_editing.group_into_block(history.project, network, ids, name)
        except GraphError:
            return
        history.push(edit)
    elif kind == "ungroup" and uses:
        history.push(
            block_editing.ungroup(history.project, network, rng.choice(uses).id)
        )
    elif kind == "unique" and uses:
        history.push(
            block_editing.make_unique(history.project, network, rng.choice(uses).id)
        )
    elif kind == "rename_block" and len(history.project.blocks):
        old = rng.choice(history.project.blocks.names())
        try:
            edit = block_editing.rename_block(history.project, old, old + "x")
        except GraphError:
            return
        history.push(edit)
    elif kind == "repeat" and uses:
        history.attempt(
            block_editing.set_repeat, rng.choice(uses).id, rng.randint(1, 3)
        )
    elif kind == "training":
        settings_ = {"epochs": rng.randint(1, 9)}
        history.push(editing.set_project_field(history.project, "training", settings_))


def _start(start: str) -> Project:
    if start == "two networks":
        return Project("gan", networks=[Graph("generator"), Graph("discriminator")])
    project = Project()
    if start == "cnn":
        graph = project.graph
        previous = None
        for layer_type, params in [
            ("Input", {"shape": [1, 28, 28]}),
            ("Conv2d", {"out_channels": 8}),
            ("ReLU", {}),
            ("Flatten", {}),
            ("Linear", {"out_features": 10}),
            ("Output", {}),
        ]:
            node = graph.add_node(layer_type, params=params)
            if previous is not None:
                graph.connect(previous.id, "out", node.id, "in")
            previous = node
    return project


@settings(max_examples=80, deadline=None)
@given(
    seed=st.integers(0, 2**31),
    steps=st.integers(1, 30),
    start=st.sampled_from(["empty", "cnn", "two networks"]),
)
def test_any_edits_undone_give_back_the_original_and_redone_the_edited(
    seed: int, steps: int, start: str
) -> None:
    history = History(_start(start))
    rng = random.Random(seed)
    original = snapshot(history.project)
    for _ in range(steps):
        random_edit(history, rng)
    edited = snapshot(history.project)
    while history.done:
        history.undo()
    assert snapshot(history.project) == original
    while history.undone:
        history.redo()
    assert snapshot(history.project) == edited


def test_the_edit_generator_really_edits() -> None:
    history = History(_start("empty"))
    rng = random.Random(3)
    for _ in range(40):
        random_edit(history, rng)
    kinds = {type(edit).__name__ for edit in history.done}
    assert len(history.done) > 10 and len(kinds) >= 5, kinds
    assert snapshot(history.project) != snapshot(Project())


def test_the_edit_generator_really_groups_and_ungroups() -> None:
    texts: list[str] = []
    for seed in range(6):
        history = History(_start("cnn"))
        rng = random.Random(seed)
        for _ in range(60):
            random_edit(history, rng)
        texts += [edit.text.split()[0] for edit in history.done]
    assert {"Group", "Ungroup", "Make"} <= set(texts), sorted(set(texts))


def test_the_editing_layer_loads_without_qt() -> None:
    script = (
        "import sys\n"
        "import designer.graph.editing, designer.graph.edits, designer.graph.layout\n"
        "import designer.graph.fragments, designer.graph.connections\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'torch')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_project_fields_change_with_events_and_undo() -> None:
    project = Project()
    events: list = []
    project.subscribe(events.append)
    edit = editing.set_project_field(project, "training", {"epochs": 3})
    edit.apply(project)
    assert project.training == {"epochs": 3}
    rename = editing.set_project_field(project, "name", "  Digits ")
    rename.apply(project)
    assert project.name == "Digits" and rename.text == "Rename project to Digits"
    rename.revert(project)
    edit.revert(project)
    assert events == [
        ProjectChanged("training", {}, {"epochs": 3}),
        ProjectChanged("name", "Untitled", "Digits"),
        ProjectChanged("name", "Digits", "Untitled"),
        ProjectChanged("training", {"epochs": 3}, {}),
    ]
    assert editing.set_project_field(project, "dataset", {}) is None  # unchanged
    with pytest.raises(GraphError, match="cannot be empty"):
        editing.set_project_field(project, "name", "  ")
    with pytest.raises(GraphError, match="no field"):
        editing.set_project_field(project, "networks", [])
    with pytest.raises(GraphError, match="JSON object"):
        project.set_field("dataset", ["digits"])


def test_undoing_a_removal_puts_each_node_back_at_its_place() -> None:
    project = _start("cnn")
    graph = project.graph
    events: list = []
    graph.subscribe(events.append)
    before = snapshot(project)
    ids = [node.id for node in graph.nodes]
    edit = editing.remove_nodes(graph, "model", [ids[3], ids[1]])
    edit.apply(project)
    assert [n.id for n in graph.nodes] == [ids[0], ids[2], ids[4], ids[5]]
    edit.revert(project)
    assert [n.id for n in graph.nodes] == ids
    assert snapshot(project) == before
    # The edges came back appended; putting their order back is an event too.
    assert isinstance(events[-1], OrderChanged)


def test_reorder_and_insert_at_an_index() -> None:
    graph = Graph()
    a, b = graph.add_node("ReLU"), graph.add_node("ReLU")
    graph.insert_node(Node("n9", "ReLU", "mid", {}), index=1)
    assert [n.id for n in graph.nodes] == [a.id, "n9", b.id]
    assert graph.reorder([b.id, a.id, "n9"], []) is True
    assert graph.reorder([b.id, a.id, "n9"], []) is False
    with pytest.raises(GraphError, match="every node"):
        graph.reorder([a.id], [])


def test_quick_param_changes_merge_into_one_step() -> None:
    history = History(_start("cnn"))
    conv = history.graph.nodes[1].id
    history.attempt(editing.set_param, conv, "out_channels", 9)
    history.attempt(editing.set_param, conv, "out_channels", 10)
    assert len(history.done) == 1
    history.undo()
    assert history.graph.node(conv).params["out_channels"] == 8


def test_a_burst_of_changes_to_one_setting_is_one_step() -> None:
    history = History(_start("cnn"))
    project = history.project
    start = dict(project.training)
    for epochs in (6, 7, 8):
        history.push(
            editing.set_project_field(
                project, "training", {**project.training, "epochs": epochs}
            )
        )
    assert len(history.done) == 1
    history.push(
        editing.set_project_field(project, "training", {**project.training, "lr": 0.5})
    )
    assert len(history.done) == 2  # another setting is another step
    history.undo()
    history.undo()
    assert project.training == start


def test_changes_to_one_setting_far_apart_stay_separate_steps() -> None:
    history = History(_start("cnn"))
    project = history.project
    history.push(
        editing.set_project_field(
            project, "training", {**project.training, "epochs": 6}
        )
    )
    history.done[-1]._time -= 10  # as if the first change was made long ago
    history.push(
        editing.set_project_field(
            project, "training", {**project.training, "epochs": 7}
        )
    )
    assert len(history.done) == 2
