"""The exported train.py under torchrun (2 processes on the CPU, gloo), each
process's share of the data, and checkpoints a run carries on from (--resume);
the GAN's step through DistributedDataParallel wrappers."""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import runpy
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
import torch.distributed as dist
from torch import nn

from designer.cli import main as cli_main
from designer.graph.project_file import load_project, project_from_dict, save_project
from designer.training.checkpoints import load_weights
from designer.training.recipes.common import read_state, shard_order
from designer.training.recipes.distributed import distributed_model
from designer.training.recipes.gan import gan_step

REPO = Path(__file__).resolve().parents[2]
TORCHRUN = Path(sys.executable).with_name("torchrun")


def _export(folder: Path, sample: str = "moons", **training: object) -> Path:
    document = json.loads((REPO / "samples" / f"{sample}.json").read_text())
    document["training"].update(training)
    project_file = folder / f"{sample}.json"
    folder.mkdir(parents=True, exist_ok=True)
    save_project(project_from_dict(document), project_file)
    code = cli_main(["export", str(project_file), "-o", str(folder), "--train-script"])
    assert code == 0
    return project_file


def _run_here(folder: Path, args: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """``python train.py ARGS`` in ``folder``, run in this process (torch is loaded)."""
    with monkeypatch.context() as patch:
        patch.chdir(folder)
        patch.syspath_prepend(str(folder))
        patch.setattr(sys, "argv", ["train.py", *args])
        patch.delitem(sys.modules, "model", raising=False)
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        output = io.StringIO()
        try:
            with contextlib.redirect_stdout(output):
                runpy.run_path(str(folder / "train.py"), run_name="__main__")
        finally:
            torch.set_num_threads(threads)
            sys.modules.pop("model", None)
    return output.getvalue()


def _torchrun(folder: Path, args: list[str]) -> str:
    """``torchrun --nproc_per_node=2 train.py ARGS`` in ``folder``; returns what it
    printed (a failure shows both streams)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    command = [str(TORCHRUN), "--standalone", "--nproc_per_node=2", "train.py"]
    result = subprocess.run(
        [*command, *args],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, (
        f"stdout:\n{result.stdout[-1500:]}\nstderr:\n{result.stderr[-3000:]}"
    )
    return result.stdout


def _epochs(folder: Path) -> list[dict]:
    """The epochs of metrics.json without their timings."""
    record = json.loads((folder / "metrics.json").read_text())
    return [
        {k: v for k, v in e.items() if k not in ("seconds", "samples_per_sec")}
        for e in record["epochs"]
    ]


def test_each_process_gets_its_own_share_of_every_epoch() -> None:
    shares = [shard_order(11, seed=3, epoch=1, processes=2, rank=r) for r in (0, 1)]
    assert len(shares[0]) == len(shares[1]) == 6  # equal steps, or DDP would hang
    assert set(shares[0].tolist()) | set(shares[1].tolist()) == set(range(11))
    again = shard_order(11, seed=3, epoch=2, processes=2, rank=0)
    assert again.tolist() != shares[0].tolist()  # a new order every epoch


@pytest.mark.skipif(not TORCHRUN.exists(), reason="torchrun is not installed")
def test_torchrun_trains_in_two_processes_and_rank_0_writes(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    project_file = _export(folder)
    out = _torchrun(folder, ["--epochs", "1", "--limit", "64", "--out", "run"])
    assert out.count("in 2 processes") == 1  # only rank 0 prints
    assert out.count("CPU thread") == 1, out  # the same rule in each process
    assert out.count("epoch 1/1") == 1
    (epoch,) = _epochs(folder / "run")
    assert epoch["train_loss"] > 0 and 0 <= epoch["val_accuracy"] <= 1
    assert (folder / "run" / "checkpoint.pt").is_file()
    # the weights (one state_dict, no DistributedDataParallel prefix) load in the app
    weights = folder / "run" / "weights.safetensors"
    assert not any(k.startswith("module.") for k in read_state(weights))
    assert set(load_weights(load_project(project_file), weights)) == {"model"}


@pytest.mark.skipif(not TORCHRUN.exists(), reason="torchrun is not installed")
def test_torchrun_trains_the_gan_in_two_processes_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    project_file = _export(folder, "gan")
    common = ["--limit", "128", "--out", "run"]
    out = _torchrun(folder, [*common, "--epochs", "1"])
    assert out.count("in 2 processes") == 1  # only rank 0 prints
    assert out.count("epoch 1/1") == 1
    (first,) = _epochs(folder / "run")
    for term in ("train_loss", "d_loss", "g_loss", "d_real", "d_fake"):
        assert isinstance(first[term], float) and math.isfinite(first[term]), term
    assert 0 < first["d_real"] < 1 and 0 < first["d_fake"] < 1
    checkpoint = torch.load(folder / "run" / "checkpoint.pt", weights_only=True)
    assert len(checkpoint["modules"]) == len(checkpoint["optimizers"]) == 2
    assert all(o["state"] for o in checkpoint["optimizers"])  # both have stepped

    resumed = _torchrun(folder, [*common, "--epochs", "2", "--resume"])
    assert resumed.count("resuming after epoch 1") == 1
    assert "epoch 1/2" not in resumed and resumed.count("epoch 2/2") == 1
    epochs = _epochs(folder / "run")
    assert [e["epoch"] for e in epochs] == [1, 2] and epochs[0] == first
    assert all(math.isfinite(e["g_loss"]) for e in epochs)
    weights = folder / "run" / "weights.safetensors"
    assert set(read_state(weights)) == {"generator", "discriminator"}
    networks = load_weights(load_project(project_file), weights)
    assert set(networks) == {"generator", "discriminator"}


def _tensors(weights: Path) -> dict[str, torch.Tensor]:
    """Every tensor of a weights file, a network's under "network/" when it has several."""
    state = read_state(weights)
    if all(isinstance(v, torch.Tensor) for v in state.values()):
        return state
    return {f"{n}/{k}": v for n, inner in state.items() for k, v in inner.items()}


@pytest.mark.parametrize("sample", ["moons", "gan"])
def test_resume_carries_on_where_the_checkpoint_left(
    sample: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "export"
    _export(folder, sample, schedule="step", step_size=1, gamma=0.5)
    common = ["--limit", "96", "--device", "cpu"]
    _run_here(folder, [*common, "--epochs", "3", "--out", "straight"], monkeypatch)
    _run_here(folder, [*common, "--epochs", "2", "--out", "halted"], monkeypatch)
    printed = _run_here(
        folder, [*common, "--epochs", "3", "--out", "halted", "--resume"], monkeypatch
    )
    assert "resuming after epoch 2" in printed
    assert "epoch 1/3" not in printed and "epoch 3/3" in printed
    assert _epochs(folder / "halted") == _epochs(folder / "straight")
    first = _tensors(folder / "straight" / "weights.safetensors")
    second = _tensors(folder / "halted" / "weights.safetensors")
    assert first.keys() == second.keys()
    assert all(torch.equal(first[k], second[k]) for k in first)
    checkpoint = torch.load(folder / "halted" / "checkpoint.pt", weights_only=True)
    assert checkpoint["epoch"] == 3


@pytest.mark.parametrize("schedule", ["one_cycle", "cosine"])
def test_resume_refuses_to_stretch_a_schedule_laid_out_for_the_whole_run(
    schedule: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "export"
    _export(folder, schedule=schedule)
    common = ["--limit", "96", "--device", "cpu", "--out", "run"]
    _run_here(folder, [*common, "--epochs", "2"], monkeypatch)
    before = (folder / "run" / "checkpoint.pt").read_bytes()
    with pytest.raises(
        SystemExit, match="laid out for .* steps .* cannot be stretched"
    ):
        _run_here(folder, [*common, "--epochs", "4", "--resume"], monkeypatch)
    assert (folder / "run" / "checkpoint.pt").read_bytes() == before  # kept as it was
    # The same length resumes (here: nothing left to train, and no error).
    printed = _run_here(folder, [*common, "--epochs", "2", "--resume"], monkeypatch)
    assert "resuming after epoch 2" in printed


def test_resume_without_a_checkpoint_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "export"
    _export(folder)
    with pytest.raises(SystemExit, match="no checkpoint .*checkpoint.pt to resume"):
        _run_here(
            folder, ["--epochs", "1", "--out", "nowhere", "--resume"], monkeypatch
        )
    shutil.rmtree(folder / "nowhere", ignore_errors=True)


def _gan_networks() -> tuple[nn.Module, nn.Module]:
    """A small generator (4 -> 6) and discriminator (6 -> 1), both with BatchNorm."""
    generator = nn.Sequential(
        nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 6)
    )
    discriminator = nn.Sequential(
        nn.Linear(6, 8),
        nn.BatchNorm1d(8),
        nn.LeakyReLU(0.2),
        nn.Dropout(0.3),
        nn.Linear(8, 1),
    )
    return generator, discriminator


def _train_gan(wrap: Callable[[nn.Module], nn.Module]) -> tuple[list, list, list[int]]:
    """Three GAN steps through ``wrap``'s networks: (steps' terms, weights, wrapper calls)."""
    torch.manual_seed(0)
    generator, discriminator = _gan_networks()
    g_optimizer = torch.optim.Adam(generator.parameters(), lr=0.01)
    d_optimizer = torch.optim.Adam(discriminator.parameters(), lr=0.01)
    trained = [wrap(generator), wrap(discriminator)]
    calls = [0, 0]
    for index, module in enumerate(trained):
        module.register_forward_pre_hook(
            lambda _m, _i, index=index: calls.__setitem__(index, calls[index] + 1)
        )
    x = torch.randn(3, 16, 6)
    terms = [
        gan_step(*trained, g_optimizer, d_optimizer, batch, (4,), 0.9, 1.0)
        for batch in x
    ]
    weights = [*generator.state_dict().values(), *discriminator.state_dict().values()]
    return terms, weights, calls


def test_the_gan_step_goes_through_each_wrapper_once_and_computes_the_same(
    tmp_path: Path,
) -> None:
    """Under DistributedDataParallel (here a group of one process) each network runs
    through its wrapper once per step, before the backward pass that averages its
    gradients; the numbers are those of the networks trained themselves."""
    plain_terms, plain_weights, _ = _train_gan(lambda module: module)
    store = f"file://{tmp_path / 'store'}"
    dist.init_process_group("gloo", init_method=store, rank=0, world_size=1)
    try:
        terms, weights, calls = _train_gan(
            lambda module: distributed_model(module, torch.device("cpu"))
        )
    finally:
        dist.destroy_process_group()
    assert calls == [3, 3]  # the generator's and the discriminator's wrapper, per step
    for step, plain_step in zip(terms, plain_terms, strict=True):
        assert all(torch.equal(a, b) for a, b in zip(step, plain_step, strict=True))
    assert all(torch.equal(a, b) for a, b in zip(weights, plain_weights, strict=True))
