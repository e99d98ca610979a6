"""The hostile files of the reliability issue, each refused cleanly and quickly.

Whatever loads must save and load again; every check is linear (n against 4n);
messages name a few examples and a count.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import stat
import sys
import threading
from pathlib import Path

import pytest
from hostile_documents import (
    best_time,
    chain,
    cycle,
    dangling,
    deep_text,
    document,
    node,
    unknown_types,
)

from designer.cli import main, validation_report
from designer.graph import project_file
from designer.graph.model import Graph, Project
from designer.graph.project_file import (
    MAX_NODES,
    ProjectFileError,
    ProjectSaveError,
    dumps_project,
    load_project,
    loads_project,
    project_to_dict,
    save_project,
)
from designer.graph.safe_files import STALE_AFTER_S, read_bytes_limited
from designer.shapes.infer import infer_shapes


def refusal(text: str | bytes | dict) -> ProjectFileError:
    if isinstance(text, dict):
        text = json.dumps(text)
    with pytest.raises(ProjectFileError) as caught:
        loads_project(text, "f.json")
    return caught.value


def linear(build, small: int, repeats: int = 3) -> None:
    """Checking a 4× larger file takes well under 16× (quadratic) as long."""
    texts = [json.dumps(build(n)) for n in (small, 4 * small)]

    def check(text: str) -> None:
        with contextlib.suppress(ProjectFileError):
            validation_report(loads_project(text))

    short, long = (best_time(lambda t=t: check(t), repeats) for t in texts)
    assert long < 9 * short + 0.05, f"{short:.3f}s for n, {long:.3f}s for 4n"


# -- 1. numbers that are not finite ---------------------------------------------------
@pytest.mark.parametrize(
    ("spelling", "shown"),
    [("-1e999", "-Infinity"), ("1e999", "Infinity"), ("NaN", "NaN")],
)
def test_a_number_that_is_not_finite_is_refused_with_its_place(
    spelling: str, shown: str
) -> None:
    text = json.dumps(chain(3, training={"seed": 0})).replace(
        '"seed": 0', f'"seed": {spelling}'
    )
    assert refusal(text).problems == [
        f"training.seed: {shown} is not allowed; a project holds only finite numbers"
    ]


def test_a_project_holding_infinity_cannot_be_saved_and_the_file_is_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.json"
    project = loads_project(json.dumps(chain(3, training={"seed": 1})))
    save_project(project, path)
    before = path.read_bytes()
    project.training["seed"] = -math.inf
    with pytest.raises(ProjectSaveError, match=r"training\.seed: -Infinity"):
        save_project(project, path)
    assert path.read_bytes() == before


def test_a_number_with_too_many_digits_is_refused_in_words() -> None:
    text = json.dumps(chain(3, training={"seed": 0})).replace(
        '"seed": 0', '"seed": ' + "9" * 5000
    )
    assert refusal(text).problems == [
        "this is not a usable JSON document: a number has more digits than can be read"
    ]


# -- 2. deep nesting ------------------------------------------------------------------
@pytest.mark.parametrize("depth", [40, 600, 990, 5000])
@pytest.mark.parametrize("key", ["training", "dataset"])
def test_deep_nesting_is_refused_at_load(key: str, depth: int) -> None:
    (problem,) = refusal(deep_text(depth, key)).problems
    assert "nested" in problem and "deep" in problem
    assert len(problem) < 300


def test_reasonable_nesting_loads_and_round_trips() -> None:
    project = loads_project(deep_text(20))
    assert loads_project(dumps_project(project)) == project


def test_saving_a_deep_value_raises_a_save_error_not_recursion(
    tmp_path: Path,
) -> None:
    project = loads_project(json.dumps(chain(3)))
    deep: dict = {}
    for _ in range(5000):
        deep = {"a": deep}
    project.training["deep"] = deep
    project.dataset["obj"] = object()
    with pytest.raises(ProjectSaveError) as caught:
        project_to_dict(project)  # what autosave and the training panel call
    assert any("nested more than" in p for p in caught.value.problems)
    with pytest.raises(ProjectSaveError):
        save_project(project, tmp_path / "p.json")
    assert not (tmp_path / "p.json").exists()
    assert list(tmp_path.iterdir()) == []


# -- 3. links -------------------------------------------------------------------------
def small_project() -> Project:
    return loads_project(json.dumps(chain(3)))


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")
def test_saving_through_a_symbolic_link_changes_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real" / "p.json"
    real.parent.mkdir()
    save_project(small_project(), real)
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    changed = small_project()
    changed.name = "Changed"
    save_project(changed, link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert load_project(real).name == "Changed"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in real.parent.iterdir()) == ["p.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX hard links")
def test_saving_a_hard_linked_file_changes_every_name(tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    save_project(small_project(), first)
    second = tmp_path / "b.json"
    os.link(first, second)
    changed = small_project()
    changed.name = "Changed"
    save_project(changed, second)
    assert load_project(first).name == load_project(second).name == "Changed"
    assert first.stat().st_ino == second.stat().st_ino


# -- 4. temporary files left by a killed save -----------------------------------------
def test_the_next_save_removes_old_temporaries_of_killed_saves(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    stale = tmp_path / ".p.json.ab12cd_9.tmp"
    fresh = tmp_path / ".p.json.zz99yy88.tmp"  # a save in progress elsewhere
    other = tmp_path / ".q.json.ab12cd_9.tmp"  # another file's
    for leftover in (stale, fresh, other):
        leftover.write_text("{", encoding="utf-8")
    old = os.stat(stale).st_mtime - STALE_AFTER_S - 5
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    save_project(small_project(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, fresh.name, other.name]
    )


# -- 5, 6. cycles, dangling edges, unknown types: linear, short messages ---------------
def test_a_long_cycle_is_reported_once_in_a_short_message() -> None:
    analysis = infer_shapes(loads_project(json.dumps(cycle(4000))).networks[0])
    cyclic = [p for p in analysis.problems if "cycle" in p.message]
    assert len(cyclic) == 1
    assert "cycle of 4,000 nodes: node_0 → node_1" in cyclic[0].message
    assert "… 3,994 more → node_0" in cyclic[0].message
    assert len(cyclic[0].message) < 300


def test_cycle_checks_are_linear() -> None:
    linear(cycle, 1000)


def test_dangling_edges_are_checked_in_linear_time() -> None:
    linear(lambda n: dangling(n, n * 4 // 5), 2500)


def test_unknown_types_are_checked_in_linear_time() -> None:
    linear(unknown_types, 1500)


def test_a_dangling_edge_flood_gets_a_short_message() -> None:
    error = refusal(dangling(5000, 4000))
    assert error.count == 4000
    assert len(error.problems) <= project_file.KEPT_PROBLEMS
    assert "4,000 problems" in str(error) and "… and 3,980 more" in str(error)
    assert len(str(error)) < 3000


def test_a_valid_project_at_the_size_limit_loads_within_seconds() -> None:
    data = chain(MAX_NODES)
    for raw in data["networks"][0]["nodes"]:
        raw["id"] = raw["id"].ljust(64, "i")
        raw["name"] = raw["name"].ljust(64, "x")
    for raw in data["networks"][0]["edges"]:
        raw["source"] = raw["source"].ljust(64, "i")
        raw["target"] = raw["target"].ljust(64, "i")
    room = project_file.MAX_FILE_BYTES - len(json.dumps(data, indent=2)) - 1000
    data["training"] = {"table": [[1.5, "ab", 2]] * (room // 56)}
    text = json.dumps(data, indent=2).encode()
    assert 0.9 * project_file.MAX_FILE_BYTES < len(text) < project_file.MAX_FILE_BYTES
    took = best_time(lambda: loads_project(text), repeats=1)
    assert took < 5.0


# -- 7. devices and pipes -------------------------------------------------------------
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    with pytest.raises(ProjectFileError, match="device, not a file"):
        load_project(device)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "p.json"
    os.mkfifo(pipe)
    outcome: list[BaseException] = []
    worker = threading.Thread(
        target=lambda: outcome.append(
            pytest.raises(ProjectFileError, load_project, pipe).value
        ),
        daemon=True,
    )
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader before failing
        with open(pipe, "wb"):
            pass
        pytest.fail("reading a named pipe hung")
    assert "named pipe" in str(outcome[0])


def test_reading_stops_at_the_limit_plus_one_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 5000)
    assert read_bytes_limited(path, 5000) == b" " * 5000
    monkeypatch.setattr(project_file, "MAX_FILE_BYTES", 4999)
    with pytest.raises(ProjectFileError, match="larger than 4,999 bytes"):
        load_project(path)


# -- 8. a message listing 20,000 nodes -------------------------------------------------
def test_too_many_nodes_gives_a_short_message() -> None:
    (problem,) = refusal(document([node(k) for k in range(MAX_NODES + 1)], [])).problems
    assert problem == (
        f"networks[0].nodes: has {MAX_NODES + 1:,} items; at most {MAX_NODES:,} are allowed"
    )


def test_the_node_limit_counts_every_network() -> None:
    data = document([node(k) for k in range(MAX_NODES // 2 + 1)], [])
    data["networks"].append(dict(data["networks"][0], name="other"))
    (problem,) = refusal(data).problems
    assert f"{MAX_NODES + 2:,} nodes in all" in problem


def test_unknown_keys_are_named_briefly() -> None:
    data = chain(3)
    data["networks"][0]["nodes"][1].update({f"k{k}": k for k in range(1000)})
    (problem,) = refusal(data).problems
    assert problem.startswith("networks[0].nodes[1]: unexpected keys 'k0', 'k1'")
    assert problem.endswith("and 997 more")


# -- 12. what cannot run --------------------------------------------------------------
@pytest.mark.parametrize("merge", ["Add", "Multiply"])
def test_arithmetic_on_token_ids_cannot_feed_an_embedding(merge: str) -> None:
    graph = Graph()
    ids = graph.add_node("Input", name="ids", params={"shape": [8], "dtype": "long"})
    mixed = graph.add_node(merge, name="mixed")
    flat = graph.add_node("Reshape", name="same", params={"shape": [8]})
    embed = graph.add_node("Embedding", name="embed")
    out = graph.add_node("Output")
    graph.connect(ids.id, "out", mixed.id, "in1")
    graph.connect(ids.id, "out", mixed.id, "in2")
    graph.connect(mixed.id, "out", flat.id, "in")
    graph.connect(flat.id, "out", embed.id, "in")
    graph.connect(embed.id, "out", out.id, "in")
    [error] = infer_shapes(graph).errors
    assert error.node == embed.id
    assert f"computed from token ids by {merge} 'mixed'" in error.message


def test_ids_through_layers_that_keep_them_still_feed_an_embedding() -> None:
    graph = Graph()
    ids = graph.add_node("Input", name="ids", params={"shape": [8], "dtype": "long"})
    same = graph.add_node("Reshape", name="same", params={"shape": [8]})
    embed = graph.add_node("Embedding", name="embed")
    out = graph.add_node("Output")
    graph.connect(ids.id, "out", same.id, "in")
    graph.connect(same.id, "out", embed.id, "in")
    graph.connect(embed.id, "out", out.id, "in")
    assert infer_shapes(graph).valid


def test_a_tensor_larger_than_any_device_is_a_problem() -> None:
    graph = Graph()
    previous = graph.add_node("Input", name="image", params={"shape": [1, 28, 28]})
    for _ in range(8):
        upsample = graph.add_node("Upsample", params={"scale_factor": 16})
        graph.connect(previous.id, "out", upsample.id, "in")
        previous = upsample
    out = graph.add_node("Output")
    graph.connect(previous.id, "out", out.id, "in")
    [error] = infer_shapes(graph).errors
    assert error.message.startswith(
        "Upsample 'upsample_4': its output holds 3.37e+12 values per sample, "
        "more than any device can hold"
    )


def test_a_dataset_with_one_class_gets_no_advice_to_use_one_output() -> None:
    np = pytest.importorskip("numpy")
    from designer.training.datasets import Dataset, check_compatibility

    dataset = Dataset(
        name="single",
        x=np.zeros((10, 4), dtype=np.float32),
        y=np.zeros(10, dtype=np.int64),
        task="classification",
        classes=["only"],
    )
    problems = check_compatibility(
        dataset, {"x": ("N", 4)}, {"y": ("N", 10)}, "classification"
    )
    assert problems == [
        "The dataset 'single' has only 1 class, but a classifier needs at least two "
        "classes to tell apart — choose a dataset whose labels take two or more values."
    ]


# -- 13. an unsafe weights file --------------------------------------------------------
def test_an_unsafe_weights_file_gets_one_line(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from designer.training.checkpoints import WeightsError, read_weights

    torch.save({"w": torch.zeros(2), "f": Path}, tmp_path / "evil.pt")
    with pytest.raises(WeightsError) as caught:
        read_weights(tmp_path / "evil.pt")
    assert str(caught.value) == (
        "evil.pt is not a weights file designer can read safely: it holds more "
        "than tensors, so it was not opened"
    )


# -- the command line on hostile files ------------------------------------------------
def hostile_paths(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in {
        "infinite.json": json.dumps(chain(3)).replace(
            '"name": "Hostile"', '"name": "H", "training": {"seed": -1e999}'
        ),
        "deep.json": deep_text(900),
        "huge.json": json.dumps(document([node(k) for k in range(MAX_NODES + 1)], [])),
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    if Path("/dev/zero").exists():
        paths.append("/dev/zero")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
        paths.append(str(tmp_path / "pipe.json"))
    return paths


@pytest.mark.parametrize("command", ["validate", "export", "train"])
def test_the_command_line_refuses_hostile_files_in_one_message(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if command == "train":
        pytest.importorskip("torch")
    extra = {"validate": [], "export": ["-o", str(tmp_path / "m.py")], "train": []}
    for path in hostile_paths(tmp_path):
        code = main([command, path, *extra[command]])
        captured = capsys.readouterr()
        assert code in (1, 2), (path, captured)
        assert "cannot open" in captured.err and "Traceback" not in captured.err
        assert len(captured.err) < 2000, captured.err


def test_export_of_a_graph_with_thousands_of_errors_lists_a_few(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nodes = [node(0, "Input", {"shape": [4]}), node(1, "Output")]
    nodes += [node(k) for k in range(2, 3000)]  # every ReLU's input is loose
    path = tmp_path / "loose.json"
    path.write_text(json.dumps(document(nodes, [])), encoding="utf-8")
    assert main(["export", str(path), "-o", str(tmp_path / "m.py")]) == 1
    err = capsys.readouterr().err
    assert "… and 2,9" in err and len(err) < 4000


def test_the_exported_training_script_shows_loading_its_weights_safely() -> None:
    import ast

    from designer.export.train_script import generate_train_script
    from designer.graph.project_file import load_project

    root = Path(__file__).resolve().parents[1]
    script = generate_train_script(load_project(root / "samples" / "moons.json"))
    docstring = ast.get_docstring(ast.parse(script)) or ""
    assert 'torch.load("weights.pt", weights_only=True)' in docstring
