"""Project files: round trips, every kind of bad file refused cleanly, atomic saves."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from designer.graph.model import Graph, Project
from designer.graph.project_file import (
    FORMAT_VERSION,
    ProjectFileError,
    dumps_project,
    load_project,
    loads_project,
    project_to_dict,
    save_project,
)

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.json"))


def small_project() -> Project:
    graph = Graph("model")
    source = graph.add_node(
        "Input", name="x", params={"shape": [3, 16, 16]}, position=(10, 20)
    )
    conv = graph.add_node(
        "Conv2d", name="conv", params={"out_channels": 8, "padding": "same"}
    )
    out = graph.add_node("Output", name="y")
    graph.connect(source.id, "out", conv.id, "in")
    graph.connect(conv.id, "out", out.id, "in")
    return Project("Small", [graph], {"epochs": 3}, {"name": "digits"})


def document(**changes) -> dict:
    data = project_to_dict(small_project())
    data.update(changes)
    return data


def problems_of(data: dict | str | bytes) -> list[str]:
    text = data if isinstance(data, str | bytes) else json.dumps(data)
    with pytest.raises(ProjectFileError) as caught:
        loads_project(text, "f.json")
    return caught.value.problems


def test_round_trip_gives_an_equal_project(tmp_path: Path) -> None:
    project = small_project()
    path = tmp_path / "p.json"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded == project
    assert dumps_project(loaded) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_loads_and_round_trips(sample: Path) -> None:
    project = load_project(sample)
    assert loads_project(dumps_project(project)) == project


def test_a_parameter_of_the_wrong_type_names_its_place() -> None:
    data = document()
    data["networks"][0]["nodes"][1]["params"]["out_channels"] = "abc"
    assert problems_of(data) == [
        "networks[0].nodes[1].params.out_channels: must be a positive integer, got 'abc'"
    ]


def test_every_problem_is_reported_at_once() -> None:
    data = document()
    nodes = data["networks"][0]["nodes"]
    nodes[1]["params"]["out_channels"] = 10**12
    nodes[2]["type"] = "Outptu"
    data["networks"][0]["edges"].append(
        {"source": "ghost", "source_port": "out", "target": "n2", "target_port": "in"}
    )
    problems = problems_of(data)
    assert len(problems) == 3
    assert "at most 65536, got 1000000000000" in problems[0]
    assert "unknown layer type 'Outptu' (did you mean 'Output'?)" in problems[1]
    assert "no node has id 'ghost' (dangling edge)" in problems[2]


def test_a_newer_format_version_is_refused_with_advice() -> None:
    (problem,) = problems_of(document(version=FORMAT_VERSION + 1))
    assert "newer version of designer" in problem


def test_duplicate_ids_and_names_are_refused() -> None:
    data = document()
    nodes = data["networks"][0]["nodes"]
    nodes.append(dict(nodes[0], name="other"))
    nodes.append(dict(nodes[1], id="n99"))
    problems = problems_of(data)
    assert any("duplicate id 'n1'" in p for p in problems)
    assert any("another node is already called 'conv'" in p for p in problems)


def test_an_edge_to_a_missing_port_is_refused() -> None:
    data = document()
    data["networks"][0]["edges"][0]["target_port"] = "nope"
    (problem,) = problems_of(data)
    assert (
        problem.startswith("networks[0].edges[0]:")
        and "no input port 'nope'" in problem
    )


def test_a_doubly_connected_input_is_refused() -> None:
    data = document()
    data["networks"][0]["edges"].append(dict(data["networks"][0]["edges"][0]))
    (problem,) = problems_of(data)
    assert "connected twice" in problem


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"\xff\xfe\xfa", "not a text file"),
        ("{", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        (
            '{"format": "designer-project", "version": 1, "networks": [], "x": NaN}',
            "NaN is not allowed",
        ),
        ("[" * 100_000 + "]" * 100_000, "JSON"),
        (
            '{"format": "something-else", "version": 1, "networks": []}',
            "not a designer project",
        ),
    ],
)
def test_garbage_is_refused_with_a_message(content: str | bytes, expected: str) -> None:
    problems = problems_of(content)
    assert any(expected in p for p in problems), problems


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="no such file"):
        load_project(tmp_path / "missing.json")
    with pytest.raises(ProjectFileError, match="folder"):
        load_project(tmp_path)


def test_a_file_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    data = document()
    data["name"] = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    data["networks"][0]["nodes"][1]["name"] = (
        "x\"); import os; os.system('touch pwned'); (\""
    )
    project = loads_project(json.dumps(data))
    from designer.codegen.build import build_networks

    build_networks(project)
    assert not marker.exists()


def test_save_is_atomic_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.json"
    save_project(small_project(), path)
    before = path.read_bytes()

    def broken_replace(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    changed = small_project()
    changed.name = "Changed"
    with pytest.raises(OSError):
        save_project(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"], (
        "the temporary file is cleaned up"
    )
