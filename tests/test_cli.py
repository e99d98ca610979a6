"""The command line: validate (table and --json) and export, on samples and bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from designer.cli import main, validation_report
from designer.graph.model import Graph, Project
from designer.graph.project_file import load_project, save_project
from designer.graph.shape import concrete, symbols_in
from designer.shapes.infer import infer_shapes

ROOT = Path(__file__).parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.json"))


def broken_project(path: Path) -> Path:
    graph = Graph("model")
    source = graph.add_node("Input", name="x", params={"shape": [1, 3, 3]})
    conv = graph.add_node("Conv2d", name="conv3", params={"kernel_size": 5})
    out = graph.add_node("Output", name="y")
    graph.connect(source.id, "out", conv.id, "in")
    graph.connect(conv.id, "out", out.id, "in")
    save_project(Project("Broken", [graph]), path)
    return path


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_validates(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(sample)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("valid")
    assert "Total" in out


def test_validate_json_has_the_documented_shape(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(ROOT / "samples" / "cnn_mnist.json"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True and report["errors"] == []
    assert report["inputs"] == [
        {"name": "image", "shape": ["N", 1, 28, 28], "dtype": "float"}
    ]
    assert report["outputs"] == [{"name": "logits", "shape": ["N", 10]}]
    assert set(report["nodes"][0]) == {
        "id",
        "name",
        "type",
        "output_shape",
        "params",
        "used",
    }
    conv1 = next(n for n in report["nodes"] if n["name"] == "conv1")
    assert conv1["output_shape"] == ["N", 32, 26, 26]
    # The seed CNN: 320 + 18,496 + 36,928 + 36,928 (576·64+64) + 650.
    assert report["total_params"] == 93_322


def test_validate_reports_errors_and_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_project(tmp_path / "broken.json")
    assert main(["validate", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert report["errors"] == [
        {
            "node": "n2",
            "message": "Conv2d 'conv3': kernel 5×5 is larger than its 3×3 input",
        }
    ]
    assert main(["validate", str(path)]) == 1
    assert (
        "error: Conv2d 'conv3': kernel 5×5 is larger than its 3×3 input"
        in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b'{"format": "designer-project", "version": 99, "networks": []}',
    ],
)
def test_unreadable_files_exit_cleanly(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    for command in (
        ["validate", str(path)],
        ["export", str(path), "-o", str(tmp_path / "m.py")],
    ):
        assert main(command) == 2
        error = capsys.readouterr().err
        assert error.startswith("designer: cannot open") and "Traceback" not in error
    assert not (tmp_path / "m.py").exists()


def test_export_refuses_an_invalid_graph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_project(tmp_path / "broken.json")
    assert main(["export", str(path), "-o", str(tmp_path / "m.py")]) == 1
    assert "kernel 5×5 is larger than its 3×3 input" in capsys.readouterr().err
    assert not (tmp_path / "m.py").exists()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_exported_module_runs_at_the_inferred_shapes(
    sample: Path, tmp_path: Path
) -> None:
    target = tmp_path / "model.py"
    assert main(["export", str(sample), "-o", str(target)]) == 0
    project = load_project(sample)
    namespace: dict = {"__name__": "exported"}
    exec(compile(target.read_text(), str(target), "exec"), namespace)
    import torch

    from designer.codegen.module import generate_project

    _, networks = generate_project(project)
    for graph, code in zip(project.networks, networks, strict=True):
        analysis = infer_shapes(graph)
        module = namespace[code.class_name]().eval()
        inputs = []
        for node in [
            graph.node(n) for n in analysis.order if graph.node(n).type == "Input"
        ]:
            shape = analysis.nodes[node.id].outputs["out"]
            size = concrete(shape, {s: 12 for s in symbols_in(shape)}, batch=3)
            if node.params["dtype"] == "long":
                inputs.append(torch.randint(0, 4, size))
            else:
                inputs.append(torch.rand(size))
        with torch.no_grad():
            result = module(*inputs)
        results = result if isinstance(result, tuple) else (result,)
        expected = [
            analysis.nodes[n.id].inputs["in"] for n in graph.nodes if n.type == "Output"
        ]
        assert [tuple(r.shape) for r in results] == [
            concrete(s, {}, 3) for s in expected
        ]


def test_exported_module_runs_as_a_script(tmp_path: Path) -> None:
    target = tmp_path / "model.py"
    assert main(["export", str(ROOT / "samples" / "gan.json"), "-o", str(target)]) == 0
    run = subprocess.run(
        [sys.executable, str(target)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert "Generator output: (2, 1, 8, 8)" in run.stdout
    assert "Discriminator output: (2, 1)" in run.stdout


def test_report_covers_every_network_of_a_gan() -> None:
    report = validation_report(load_project(ROOT / "samples" / "gan.json"))
    assert [n["name"] for n in report["networks"]] == ["generator", "discriminator"]
    assert {o["name"] for o in report["outputs"]} == {"fake", "logit"}


def test_python_dash_m_designer_runs_a_subcommand() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "designer",
            "validate",
            str(ROOT / "samples" / "mlp.json"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert (
        json.loads(run.stdout)["total_params"]
        == 784 * 64 + 64 + 64 * 64 + 64 + 64 * 10 + 10
    )


def test_validate_and_export_agree_on_unused_nodes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A node that reaches no Output: marked in the table and JSON, not in any total."""
    project = load_project(ROOT / "samples" / "mlp.json")
    graph = project.networks[0]
    spare = graph.add_node("Linear", name="spare", params={"out_features": 50})
    graph.connect(graph.nodes[1].id, "out", spare.id, "in")  # after flatten: 784 → 50
    path = tmp_path / "unused.json"
    save_project(project, path)
    assert main(["validate", str(path)]) == 0
    table = capsys.readouterr().out
    row = next(line for line in table.splitlines() if line.startswith("spare"))
    assert "(39,250)" in row
    assert "55,050" in next(
        line for line in table.splitlines() if line.startswith("Total")
    )
    assert "unused, reaches no Output" in table
    report = validation_report(project)
    assert report["total_params"] == 55_050
    entry = next(n for n in report["nodes"] if n["name"] == "spare")
    assert entry == {**entry, "used": False, "params": 39_250}
    assert all(n["used"] for n in report["nodes"] if n["name"] != "spare")
    target = tmp_path / "model.py"
    assert main(["export", str(path), "-o", str(target)]) == 0
    assert "55,050 parameters" in target.read_text()


def test_a_reader_that_stops_early_ends_the_command_quietly() -> None:
    """``designer validate FILE | head -1``: the pipe closes; no traceback."""
    sample = ROOT / "samples" / "cnn_mnist.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "designer", "validate", str(sample)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C"},
    )
    process.stdout.close()  # the reader is gone before anything is written
    _, err = process.communicate(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err
    assert process.returncode == 141
