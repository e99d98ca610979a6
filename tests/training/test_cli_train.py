"""``designer train``: files written, flags applied, bad input answered with a message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from designer.cli import main
from designer.graph.model import Graph, Project
from designer.graph.project_file import save_project
from designer.training.checkpoints import load_weights
from designer.training.datasets import load_dataset
from designer.training.settings import TrainingSettings


def digits_project(training: dict | None = None) -> Project:
    """Input 1×8×8 (the sklearn digits) → Flatten → Linear 32 → ReLU → Linear 10."""
    graph = Graph("model")
    chain = [
        graph.add_node("Input", "image", {"shape": [1, 8, 8]}),
        graph.add_node("Flatten", "flat"),
        graph.add_node("Linear", "hidden", {"out_features": 32}),
        graph.add_node("ReLU", "relu"),
        graph.add_node("Linear", "scores", {"out_features": 10}),
        graph.add_node("Output", "logits"),
    ]
    for a, b in zip(chain, chain[1:], strict=False):
        graph.connect(a.id, "out", b.id, "in")
    return Project(
        "Digits",
        [graph],
        training=training or {"epochs": 3, "batch_size": 32, "lr": 0.003},
        dataset={"name": "digits"},
    )


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "digits.json"
    save_project(digits_project(), path)
    return path


def test_train_writes_metrics_and_weights(project_file, tmp_path, capsys) -> None:
    out = tmp_path / "run"
    code = main(
        [
            "train",
            str(project_file),
            "--dataset",
            "digits",
            "--epochs",
            "1",
            "--device",
            "cpu",
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    metrics = json.loads((out / "metrics.json").read_text())
    assert {"device", "dataset", "epochs", "best_val_accuracy"} <= set(metrics)
    assert metrics["device"] == "cpu" and metrics["dataset"] == "digits"
    (epoch,) = metrics["epochs"]  # --epochs 1 overrides the project's 3
    assert list(epoch) == [
        "epoch",
        "train_loss",
        "val_loss",
        "val_accuracy",
        "seconds",
        "samples_per_sec",
        "grad_norms",
    ]
    # Per-layer gradient norms, by node name, for the layers with weights.
    assert set(epoch["grad_norms"]) == {"hidden", "scores"}
    assert all(value > 0 for value in epoch["grad_norms"].values())
    assert (
        epoch["epoch"] == 1
        and 0.1 < epoch["val_accuracy"] <= 1
        and epoch["samples_per_sec"] > 0
    )
    assert metrics["best_val_accuracy"] == epoch["val_accuracy"]
    modules = load_weights(digits_project(), out / "weights.safetensors")
    assert set(modules) == {"model"}
    # a plain state_dict that the exported class loads with safetensors alone
    assert (
        load_file(out / "weights.safetensors").keys()
        == modules["model"].state_dict().keys()
    )
    assert (out / "best.safetensors").is_file() and (out / "last.safetensors").is_file()
    assert "wrote" in capsys.readouterr().out


def test_the_project_settings_are_used_where_no_flag_is_given(
    project_file, tmp_path
) -> None:
    out = tmp_path / "run"
    assert (
        main(
            [
                "train",
                str(project_file),
                "--out",
                str(out),
                "--batch-size",
                "64",
                "--lr",
                "0.01",
            ]
        )
        == 0
    )
    metrics = json.loads((out / "metrics.json").read_text())
    assert [e["epoch"] for e in metrics["epochs"]] == [1, 2, 3]
    assert metrics["best_val_accuracy"] > 0.8


def error_of(capsys, argv: list[str]) -> str:
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.err


def test_a_missing_file_is_reported(tmp_path, capsys) -> None:
    err = error_of(
        capsys, ["train", str(tmp_path / "nope.json"), "--out", str(tmp_path / "run")]
    )
    assert err.startswith("designer train: cannot open") and "nope.json" in err


def test_an_unknown_dataset_is_reported(project_file, tmp_path, capsys) -> None:
    err = error_of(
        capsys,
        [
            "train",
            str(project_file),
            "--dataset",
            "imagenet",
            "--out",
            str(tmp_path / "run"),
        ],
    )
    assert "Unknown dataset 'imagenet'" in err and "digits" in err


def test_mismatched_shapes_are_reported(project_file, tmp_path, capsys) -> None:
    err = error_of(
        capsys,
        [
            "train",
            str(project_file),
            "--dataset",
            "digits28",
            "--out",
            str(tmp_path / "run"),
        ],
    )
    assert (
        "The model and the data do not fit together" in err and "Input 'image'" in err
    )
    assert not (tmp_path / "run" / "weights.safetensors").exists()


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_an_unavailable_device_is_reported(project_file, tmp_path, capsys) -> None:
    err = error_of(
        capsys,
        [
            "train",
            str(project_file),
            "--device",
            "cuda",
            "--out",
            str(tmp_path / "run"),
        ],
    )
    assert "CUDA was asked for" in err


def test_bad_settings_in_the_project_are_reported(tmp_path, capsys) -> None:
    path = tmp_path / "bad.json"
    save_project(digits_project({"lr": "fast"}), path)
    err = error_of(capsys, ["train", str(path), "--out", str(tmp_path / "run")])
    assert "training.lr: must be a positive number, got 'fast'" in err


def test_a_failing_run_is_reported(tmp_path, capsys) -> None:
    graph = Graph("model")
    chain = [
        graph.add_node("Input", "x", {"shape": [1]}),
        graph.add_node("Linear", "hidden", {"out_features": 16}),
        graph.add_node("ReLU", "relu"),
        graph.add_node("Linear", "y", {"out_features": 1}),
        graph.add_node("Output", "out"),
    ]
    for a, b in zip(chain, chain[1:], strict=False):
        graph.connect(a.id, "out", b.id, "in")
    training = {
        "task": "regression",
        "loss": "mse",
        "optimizer": "sgd",
        "lr": 10.0,
        "epochs": 3,
    }
    path = tmp_path / "wild.json"
    save_project(
        Project("Wild", [graph], training=training, dataset={"name": "sine"}), path
    )
    err = error_of(capsys, ["train", str(path), "--out", str(tmp_path / "run")])
    assert "The loss became" in err and "learning rate (10)" in err
    assert not (tmp_path / "run" / "weights.safetensors").exists()


SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.json"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_has_valid_training_settings(sample) -> None:
    from designer.graph.project_file import load_project
    from designer.training.settings import TrainingSettings

    TrainingSettings.from_dict(load_project(sample).training)


def test_the_moons_sample_reaches_95_percent(tmp_path) -> None:
    out = tmp_path / "run"
    assert (
        main(
            [
                "train",
                str(SAMPLES[0].parent / "moons.json"),
                "--device",
                "cpu",
                "--out",
                str(out),
                "--no-history",  # the samples folder keeps no runs
            ]
        )
        == 0
    )
    metrics = json.loads((out / "metrics.json").read_text())
    assert (
        metrics["dataset"] == "moons" and metrics["epochs"][-1]["val_accuracy"] >= 0.95
    )


def huge_project_file(tmp_path: Path, wide_layers: int) -> Path:
    """A digits project with ``wide_layers`` Linear layers of 40,000×50,000 (2 billion parameters each)."""
    graph = Graph("model")
    chain = [
        graph.add_node("Input", "image", {"shape": [1, 8, 8]}),
        graph.add_node("Flatten", "flat"),
        graph.add_node("Linear", "wide_in", {"out_features": 40000}),
    ]
    for k in range(wide_layers):
        width = 50000 if k % 2 == 0 else 40000
        chain.append(graph.add_node("Linear", f"wide{k}", {"out_features": width}))
    chain += [
        graph.add_node("Linear", "scores", {"out_features": 10}),
        graph.add_node("Output", "logits"),
    ]
    for a, b in zip(chain, chain[1:], strict=False):
        graph.connect(a.id, "out", b.id, "in")
    project = Project(
        "Huge",
        [graph],
        training={"epochs": 1, "batch_size": 32},
        dataset={"name": "digits"},
    )
    path = tmp_path / "huge.json"
    save_project(project, path)
    return path


def test_a_model_too_big_for_memory_is_refused_with_numbers(
    tmp_path, capsys, monkeypatch
) -> None:
    from designer.training import memory

    monkeypatch.setattr(memory, "available_memory", lambda device: 16 * 10**9)
    path = huge_project_file(tmp_path, 1)
    start = time.perf_counter()
    err = error_of(
        capsys, ["train", str(path), "--device", "cpu", "--out", str(tmp_path / "run")]
    )
    assert time.perf_counter() - start < 60
    assert "This run needs about" in err and "16.0 GB available" in err
    assert "parameters 8.0 GB, gradients 8.0 GB, optimizer state 16.0 GB" in err
    assert not (tmp_path / "run" / "weights.safetensors").exists()


def test_the_memory_check_warns_and_can_be_skipped(
    project_file, tmp_path, capsys, monkeypatch
) -> None:
    from designer.training import memory

    monkeypatch.setattr(memory, "available_memory", lambda device: 1000)
    argv = ["train", str(project_file), "--device", "cpu", "--epochs", "1"]
    err = error_of(capsys, [*argv, "--out", str(tmp_path / "refused")])
    assert "1.0 kB available" in err and "Even a batch of 1 does not fit" in err
    code = main([*argv, "--out", str(tmp_path / "run"), "--no-memory-check"])
    assert code == 0 and (tmp_path / "run" / "weights.safetensors").exists()
    estimate = memory.estimate_memory(
        digits_project(), TrainingSettings(batch_size=32), load_dataset("digits"), "cpu"
    )
    tight = int(estimate.total * 1.1)
    monkeypatch.setattr(memory, "available_memory", lambda device: tight)
    code = main([*argv, "--out", str(tmp_path / "tight")])
    assert code == 0
    assert "note: This run needs about" in capsys.readouterr().err


def test_designer_train_exits_1_with_the_message_rather_than_being_killed(
    tmp_path,
) -> None:
    from designer.training.memory_available import cpu_available_memory

    # Ten layers of 2 billion parameters: about 80 GB of weights, several times that to train.
    available = cpu_available_memory()
    if available is None or available > 300 * 10**9:
        pytest.skip("this machine might really have the memory for it")
    path = huge_project_file(tmp_path, 10)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "designer", "train", str(path), "--device", "cpu"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert done.returncode == 1, done.stderr
    assert "This run needs about" in done.stderr and "available" in done.stderr
    assert time.perf_counter() - start < 120
