"""The exported train.py under torchrun (2 processes on the CPU, gloo), each
process's share of the data, and checkpoints a run carries on from (--resume)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from designer.cli import main as cli_main
from designer.graph.project_file import load_project, project_from_dict, save_project
from designer.training.checkpoints import load_weights
from designer.training.recipes.common import read_state, shard_order

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
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    command = [str(TORCHRUN), "--standalone", "--nproc_per_node=2", "train.py"]
    result = subprocess.run(
        [*command, "--epochs", "1", "--limit", "64", "--out", "run"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert out.count("in 2 processes") == 1  # only rank 0 prints
    assert out.count("epoch 1/1") == 1
    (epoch,) = _epochs(folder / "run")
    assert epoch["train_loss"] > 0 and 0 <= epoch["val_accuracy"] <= 1
    assert (folder / "run" / "checkpoint.pt").is_file()
    # the weights (one state_dict, no DistributedDataParallel prefix) load in the app
    weights = folder / "run" / "weights.safetensors"
    assert not any(k.startswith("module.") for k in read_state(weights))
    assert set(load_weights(load_project(project_file), weights)) == {"model"}


def test_resume_carries_on_where_the_checkpoint_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "export"
    _export(folder, schedule="step", step_size=1, gamma=0.5)
    common = ["--limit", "96", "--device", "cpu"]
    _run_here(folder, [*common, "--epochs", "3", "--out", "straight"], monkeypatch)
    _run_here(folder, [*common, "--epochs", "2", "--out", "halted"], monkeypatch)
    printed = _run_here(
        folder, [*common, "--epochs", "3", "--out", "halted", "--resume"], monkeypatch
    )
    assert "resuming after epoch 2" in printed
    assert "epoch 1/3" not in printed and "epoch 3/3" in printed
    assert _epochs(folder / "halted") == _epochs(folder / "straight")
    first = read_state(folder / "straight" / "weights.safetensors")
    second = read_state(folder / "halted" / "weights.safetensors")
    assert all(torch.equal(first[k], second[k]) for k in first)
    checkpoint = torch.load(folder / "halted" / "checkpoint.pt", weights_only=True)
    assert checkpoint["epoch"] == 3


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
