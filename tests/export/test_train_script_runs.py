"""The exported train.py of every sample (and of a few setting variants) runs.

Each project is exported with ``designer export FILE -o DIR --train-script``,
then its ``train.py --epochs 2 --limit N --out out`` runs in a subprocess with no access
to designer (PYTHONPATH cleared, cwd outside the repository).  A fresh Python
spends about three CPU seconds importing torch, its compiler stack (which the
optimizers pull in) and scikit-learn, and the machine has two shared cores, so
the samples share two subprocesses that run one script after another as
``python train.py`` would (own folder, argv, ``__main__``, a fresh ``model``
module); one sample also runs as a real ``python train.py``.  Each metrics.json is
compared with the one ``designer train`` writes for the same run.  The setting
variants run in this process.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import json
import os
import runpy
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import torch

from designer.cli import main as cli_main
from designer.graph.project_file import load_project, project_from_dict, save_project
from designer.training.checkpoints import load_weights
from designer.training.recipes.common import read_state

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "samples").glob("*.json"))
LIMIT = "96"
EPOCHS = 2
SAME_RUN = [
    "--epochs",
    str(EPOCHS),
    "--limit",
    LIMIT,
    "--threads",
    "1",
]  # for train.py and designer train
TIMEOUT_S = 120


@dataclass
class Job:
    """One exported project and the result of running its train.py."""

    name: str
    project_file: Path
    folder: Path
    args: list[str]
    result: subprocess.CompletedProcess | None = None


def _variant(sample: str, folder: Path, **training: object) -> Path:
    """A copy of a sample with some training settings changed, saved under folder."""
    document = json.loads((REPO / "samples" / f"{sample}.json").read_text())
    document = copy.deepcopy(document)
    document["training"].update(training)
    path = folder / f"{sample}_variant.json"
    save_project(project_from_dict(document), path)
    return path


def _points_project(folder: Path) -> Path:
    """A two-feature classifier reading tmp/data/points.npz through a relative path."""
    data = folder / "data"
    data.mkdir(parents=True)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(120, 2)).astype(np.float32)
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    np.savez(data / "points.npz", x=x, y=y)
    document = json.loads((REPO / "samples" / "mlp.json").read_text())
    document["name"] = "Points"
    graph = document["networks"][0]
    graph["nodes"] = [n for n in graph["nodes"] if n["type"] != "Flatten"]
    graph["nodes"][0]["params"] = {"shape": [2], "dtype": "float"}
    graph["nodes"][-2]["params"]["out_features"] = 2
    flatten = "n2"
    for edge in graph["edges"]:
        if edge["source"] == flatten:
            edge["source"] = graph["nodes"][0]["id"]
    graph["edges"] = [e for e in graph["edges"] if e["target"] != flatten]
    document["training"]["val_split"] = 0.25
    document["dataset"] = {
        "name": "npz",
        "options": {"path": "../data/points.npz", "task": "classification"},
    }
    projects = folder / "projects"
    projects.mkdir()
    path = projects / "points.json"
    save_project(project_from_dict(document), path)
    return path


def _export(project_file: Path, folder: Path) -> None:
    code = cli_main(["export", str(project_file), "-o", str(folder), "--train-script"])
    assert code == 0, f"export of {project_file.name} failed"


# Runs train.py files one after another, each as `python train.py ARGS` in its
# folder would, and prints {folder: {"code", "stdout", "error", "designer"}}.
RUNNER = """\
import contextlib, io, json, os, runpy, sys, traceback

base_path = [p for p in sys.path if p not in ("", os.getcwd())]
results = {}
for folder, args in json.loads(sys.argv[1]):
    os.chdir(folder)
    sys.path[:] = [folder, *base_path]
    sys.argv = ["train.py", *args]
    sys.modules.pop("model", None)
    out, code, error = io.StringIO(), 0, ""
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path("train.py", run_name="__main__")
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        code, error = 1, traceback.format_exc()
    designer = sorted(m for m in sys.modules if m.split(".")[0] == "designer")
    results[folder] = {
        "code": code, "stdout": out.getvalue(), "error": error, "designer": designer
    }
print(json.dumps(results))
"""


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    return env


def _run_batch(jobs: list[Job], runner: Path) -> list[Job]:
    """Run the jobs' scripts one after another in one fresh Python."""
    payload = json.dumps([[str(job.folder), job.args] for job in jobs])
    result = subprocess.run(
        [sys.executable, str(runner), payload],
        cwd=runner.parent,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S * len(jobs),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    for job in jobs:
        entry = outcome[str(job.folder)]
        assert not entry["designer"], (
            f"{job.name}: train.py imported {entry['designer']}"
        )
        job.result = subprocess.CompletedProcess(
            job.args, entry["code"], entry["stdout"], entry["error"]
        )
    return jobs


def _run_alone(job: Job) -> list[Job]:
    """``python train.py ARGS`` in the job's folder, exactly as a user runs it."""
    job.result = subprocess.run(
        [sys.executable, "train.py", *job.args],
        cwd=job.folder,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    return [job]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Job]:
    """Every sample exported and run once in a subprocess."""
    root = tmp_path_factory.mktemp("train_scripts")
    jobs = [Job(s.stem, s, root / s.stem, [*SAME_RUN, "--out", "out"]) for s in SAMPLES]
    for job in jobs:
        _export(job.project_file, job.folder)
    runner = root / "run_scripts.py"
    runner.write_text(RUNNER)
    alone, shared = jobs[0], jobs[1:]
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(_run_alone, alone)
        second = pool.submit(_run_batch, shared, runner)
        finished = first.result() + second.result()
    return {job.name: job for job in finished}


def _run_here(job: Job, monkeypatch: pytest.MonkeyPatch) -> Job:
    """Run train.py in this process, as ``python train.py ARGS`` would."""
    monkeypatch.chdir(job.folder)
    monkeypatch.syspath_prepend(str(job.folder))
    monkeypatch.setattr(sys, "argv", ["train.py", *job.args])
    monkeypatch.delitem(sys.modules, "model", raising=False)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output):
            runpy.run_path(str(job.folder / "train.py"), run_name="__main__")
    finally:
        torch.set_num_threads(threads)
        sys.modules.pop("model", None)
    job.result = subprocess.CompletedProcess(job.args, 0, output.getvalue(), "")
    return job


VARIANTS = {
    "mlp_sgd_bce": (
        "mlp",
        {
            "optimizer": "sgd",
            "momentum": 0.9,
            "nesterov": True,
            "loss": "bce_with_logits",
            "schedule": "one_cycle",
            "grad_clip": 1.0,
            "early_stopping": 1,
        },
    ),
    "vae_mse": (
        "vae",
        {
            "loss": "mse",
            "optimizer": "rmsprop",
            "schedule": "cosine",
            "mixed_precision": True,
        },
    ),
    "gan_step": (
        "gan",
        {
            "optimizer": "adamw",
            "schedule": "step",
            "step_size": 1,
            "grad_clip": 0.5,
            "label_smoothing": 0.0,
            "val_split": 0.2,
        },
    ),
    "lstm_no_val": ("lstm", {"loss": "huber", "val_split": 0.0}),
}


def _model_module(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"exported_{folder.name}", folder / "model.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _check_run(job: Job) -> list[str]:
    result = job.result
    assert result is not None
    assert result.returncode == 0, (
        f"{job.name}: train.py failed\n{result.stdout}\n{result.stderr}"
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Using ") and "CPU thread" in lines[0], lines[0]
    epochs = job.args[job.args.index("--epochs") + 1]
    assert any(line.startswith(f"epoch 1/{epochs}  ") for line in lines), result.stdout
    assert "saved the weights" in lines[-1]
    return lines


@pytest.mark.parametrize("sample", [s.stem for s in SAMPLES])
def test_every_sample_trains_and_saves_loadable_weights(
    runs: dict[str, Job], sample: str
) -> None:
    job = runs[sample]
    lines = _check_run(job)
    project = load_project(job.project_file)
    task = project.training["task"]
    progress = next(line for line in lines if line.startswith(f"epoch 1/{EPOCHS}"))
    assert "train_loss " in progress
    assert ("val_loss " in progress) == (task != "gan")  # the GAN sample holds none out
    if task == "gan":
        for term in ("d_loss", "g_loss", "d_real", "d_fake"):
            assert f" {term} " in progress
    if task in ("classification", "sequence_classification"):
        assert "val_accuracy" in progress
    if task == "vae":
        assert "reconstruction" in progress and " kl " in progress

    state = read_state(job.folder / "out" / "weights.safetensors")
    module = _model_module(job.folder)
    if len(project.networks) == 1:
        networks = {project.networks[0].name: state}
    else:
        networks = state
        assert set(networks) == {g.name for g in project.networks}
    from designer.codegen.module import generate_project

    classes = [code.class_name for code in generate_project(project)[1]]
    for graph, class_name in zip(project.networks, classes, strict=True):
        model = getattr(module, class_name)()
        # strict: every tensor is there, with the right shape
        model.load_state_dict(networks[graph.name])
    # The app reads the same file (designer.training.checkpoints).
    assert set(load_weights(project, job.folder / "out" / "weights.safetensors")) == {
        g.name for g in project.networks
    }


@pytest.mark.parametrize("name", list(VARIANTS))
def test_setting_variants_run(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SGD + one-cycle + clipping + early stopping, RMSprop + cosine + bf16 flag, …"""
    sample, training = VARIANTS[name]
    job = Job(
        name,
        _variant(sample, tmp_path, **training),
        tmp_path / "out",
        ["--epochs", "2", "--limit", LIMIT],
    )
    _export(job.project_file, job.folder)
    lines = _check_run(_run_here(job, monkeypatch))
    epochs = [line for line in lines if line.startswith("epoch ")]
    if name == "lstm_no_val":
        assert len(epochs) == 2 and all("val_" not in line for line in epochs)
    if name == "vae_mse":
        assert " reconstruction " in epochs[0] and " neg_elbo " in epochs[0]
    if name == "gan_step":
        assert "val_d_real" in epochs[0] and "val_loss" in epochs[0]
    assert read_state(job.folder / "weights.safetensors")


def test_a_file_dataset_is_read_from_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project_file = _points_project(tmp_path)
    job = Job("points", project_file, tmp_path / "out", ["--epochs", "1"])
    _export(project_file, job.folder)
    data_file = (tmp_path / "data" / "points.npz").resolve()
    script = (job.folder / "train.py").read_text()
    assert f'"{data_file}"' in script
    assert "DATA_PATH = " in script and "load_data(args.data)" in script
    lines = _check_run(_run_here(job, monkeypatch))
    # 120 samples in the file, a quarter held out for validation.
    assert "90 training and 30 validation samples" in lines[1]


TIMING = ("seconds", "samples_per_sec")


@pytest.mark.parametrize("sample", [s.stem for s in SAMPLES])
def test_the_exported_script_trains_exactly_as_designer_train(
    runs: dict[str, Job], sample: str, tmp_path: Path
) -> None:
    """Same seed, settings, data, initial weights, batches and noise: the same metrics.json.

    The script's run is the ``runs`` fixture's (``train.py --out out``, in a
    fresh Python without designer); ``designer train`` runs here, on one thread
    as the script did, with the same epochs and ``--limit``.
    """
    job = runs[sample]
    _check_run(job)
    script = json.loads((job.folder / "out" / "metrics.json").read_text())
    out = tmp_path / "app"
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            code = cli_main(
                [
                    "train",
                    str(job.project_file),
                    *SAME_RUN,
                    "--out",
                    str(out),
                    "--no-history",
                ]
            )
    finally:
        torch.set_num_threads(threads)
    assert code == 0
    app = json.loads((out / "metrics.json").read_text())
    assert {
        k: v for k, v in script.items() if not k.startswith(("epochs", "best"))
    } == {k: v for k, v in app.items() if not k.startswith(("epochs", "best"))}
    assert len(script["epochs"]) == len(app["epochs"]) == EPOCHS
    for mine, theirs in zip(script["epochs"], app["epochs"], strict=True):
        # The app's gradient-flow probe adds per-layer gradient norms; the exported
        # script trains the same recipe without that instrument.
        grad_norms = theirs.pop("grad_norms", {})
        assert grad_norms and all(v >= 0 for v in grad_norms.values()), theirs
        assert set(mine) == set(theirs)
        assert theirs["val_loss"] is not None or sample == "gan"
        for name, value in theirs.items():
            if name in TIMING or value is None:
                assert name in TIMING or mine[name] is None, name
                continue
            assert mine[name] == pytest.approx(value, rel=1e-5, abs=1e-7), (
                name,
                mine,
                theirs,
            )
    for best in ("best_val_loss", "best_val_accuracy"):
        if app[best] is None:
            assert script[best] is None
        else:
            assert script[best] == pytest.approx(app[best], rel=1e-5)


def test_vae_outputs_are_found_by_their_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outputs in the order mu, logvar, reconstruction: the names decide, as in the app."""
    document = json.loads((REPO / "samples" / "vae.json").read_text())
    nodes = document["networks"][0]["nodes"]
    reconstruction = next(n for n in nodes if n["name"] == "reconstruction")
    nodes.remove(reconstruction)
    nodes.append(reconstruction)
    project_file = tmp_path / "vae_reordered.json"
    save_project(project_from_dict(document), project_file)
    job = Job(
        "vae", project_file, tmp_path / "out", ["--epochs", "1", "--limit", LIMIT]
    )
    _export(project_file, job.folder)
    script = (job.folder / "train.py").read_text()
    assert "ROLES = (2, 0, 1)" in script
    lines = _check_run(_run_here(job, monkeypatch))
    assert " kl " in lines[2]
