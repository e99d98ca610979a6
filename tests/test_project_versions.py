"""Which designer wrote a project file: recorded on save; a file from a newer
designer opens (read-only in the window) when its format can be read and is
refused with advice when it cannot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from designer.graph.model import Graph, Project
from designer.graph.project_file import (
    FORMAT_VERSION,
    ProjectFileError,
    load_project,
    project_to_dict,
    read_project,
    reads_project,
    save_project,
)
from designer.version import app_version

ROOT = Path(__file__).resolve().parents[1]


def small_project() -> Project:
    graph = Graph("model")
    source = graph.add_node("Input", name="x", params={"shape": [4]})
    dense = graph.add_node("Linear", name="fc", params={"out_features": 2})
    out = graph.add_node("Output", name="y")
    graph.connect(source.id, "out", dense.id, "in")
    graph.connect(dense.id, "out", out.id, "in")
    return Project("Small", [graph])


def test_saving_records_this_designers_version(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    save_project(small_project(), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["app_version"] == app_version()
    loaded = read_project(path)
    assert loaded.app_version == app_version()
    assert not loaded.from_newer_app and loaded.newer_app_note() is None


def test_a_file_without_the_app_version_reads_as_before() -> None:
    sample = read_project(ROOT / "samples" / "mlp.json")
    assert sample.app_version is None and not sample.from_newer_app


def test_a_newer_designer_in_a_readable_format_opens_with_a_note() -> None:
    document = project_to_dict(small_project())
    document["app_version"] = "999.1.0"
    loaded = reads_project(json.dumps(document), "new.json")
    assert loaded.project == small_project()
    assert loaded.from_newer_app
    note = loaded.newer_app_note()
    assert note and "999.1.0" in note and app_version() in note
    assert "read-only" in note and "Save As" in note


def test_an_older_designer_is_not_newer() -> None:
    document = project_to_dict(small_project())
    document["app_version"] = "0.0.1"
    assert not reads_project(json.dumps(document)).from_newer_app


def test_a_newer_format_is_refused_naming_both_versions() -> None:
    document = project_to_dict(small_project())
    document.update(version=FORMAT_VERSION + 1, app_version="999.0")
    with pytest.raises(ProjectFileError) as caught:
        reads_project(json.dumps(document), "future.json")
    (problem,) = caught.value.problems
    assert "designer 999.0" in problem and "newer file format" in problem
    assert f"reads up to {FORMAT_VERSION}" in problem and "Update designer" in problem


def test_what_a_newer_designer_added_is_refused_with_the_advice_to_update() -> None:
    document = project_to_dict(small_project())
    document["app_version"] = "999.0"
    document["networks"][0]["nodes"][1]["type"] = "FutureLayer"
    with pytest.raises(ProjectFileError) as caught:
        reads_project(json.dumps(document), "future.json")
    problems = caught.value.problems
    assert problems[0].startswith("this project was saved by designer 999.0")
    assert "update designer" in problems[0]
    assert any("FutureLayer" in p for p in problems[1:])


def test_the_same_mistake_from_this_designer_gets_no_update_advice() -> None:
    document = project_to_dict(small_project())
    document["networks"][0]["nodes"][1]["type"] = "FutureLayer"
    with pytest.raises(ProjectFileError) as caught:
        reads_project(json.dumps(document))
    assert not any("update designer" in p for p in caught.value.problems)


def test_an_app_version_that_is_not_text_is_refused(tmp_path: Path) -> None:
    document = project_to_dict(small_project())
    document["app_version"] = 3
    path = tmp_path / "p.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectFileError, match="app_version"):
        load_project(path)
