"""Weights files: safetensors by default, .pt still readable (weights_only), both
ways between them, several networks in one file, and damaged files in words."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file
from training_builders import mlp_project

from designer.codegen.build import build_networks
from designer.graph.project_file import load_project
from designer.training.checkpoints import (
    WeightsError,
    load_weights,
    read_weights,
    save_weights,
)
from designer.training.messages import RunRequest
from designer.training.run_controller import RunController

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _modules(project) -> dict:
    torch.manual_seed(3)
    return {name: b.module for name, b in build_networks(project).items()}


def _same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


@pytest.mark.parametrize("suffix", [".safetensors", ".pt"])
def test_one_network_round_trips_as_a_plain_state_dict(
    tmp_path: Path, suffix: str
) -> None:
    project = mlp_project()
    modules = _modules(project)
    path = tmp_path / f"w{suffix}"
    save_weights(modules, path)
    plain = (
        load_file(path)
        if suffix == ".safetensors"
        else torch.load(path, weights_only=True)
    )
    assert _same(plain, modules["model"].state_dict())
    reloaded = load_weights(project, path)["model"]
    assert _same(reloaded.state_dict(), modules["model"].state_dict())


def test_two_networks_share_one_safetensors_file(tmp_path: Path) -> None:
    project = load_project(SAMPLES / "gan.json")
    modules = _modules(project)
    path = tmp_path / "gan.safetensors"
    save_weights(modules, path)
    state = read_weights(path)
    assert set(state) == {"generator", "discriminator"}
    for name, module in modules.items():
        assert _same(state[name], module.state_dict())
    flat = load_file(path)  # plain safetensors readers see prefixed keys
    assert all(key.split("/")[0] in modules for key in flat)
    assert set(load_weights(project, path)) == {"generator", "discriminator"}


def test_tied_weights_are_saved(tmp_path: Path) -> None:
    shared = torch.nn.Linear(3, 3)
    both = torch.nn.Sequential(shared, shared)
    save_weights({"model": both}, tmp_path / "tied.safetensors")
    assert set(load_file(tmp_path / "tied.safetensors")) == {
        "0.weight",
        "0.bias",
        "1.weight",
        "1.bias",
    }


def test_a_pt_with_objects_and_a_damaged_safetensors_are_refused(
    tmp_path: Path,
) -> None:
    unsafe = tmp_path / "unsafe.pt"
    torch.save({"w": torch.zeros(1), "o": Path("x")}, unsafe)
    with pytest.raises(WeightsError, match="holds more than tensors"):
        read_weights(unsafe)
    damaged = tmp_path / "damaged.safetensors"
    damaged.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json")
    with pytest.raises(WeightsError, match="damaged or in another format"):
        read_weights(damaged)


class _Run:
    def __init__(self, request: RunRequest) -> None:
        self.request = request

    def start(self) -> None: ...


@pytest.mark.parametrize("target", ["out.pt", "out.safetensors"])
def test_the_app_saves_a_run_s_weights_in_either_format(
    tmp_path: Path, target: str
) -> None:
    project = mlp_project()
    modules = _modules(project)
    runs = RunController(_Run, temp_root=tmp_path)
    run = runs.start({"name": "p"}, {"name": "moons"}, {"epochs": 1})
    trained = Path(run.request.weights_dir) / "trained.safetensors"
    save_weights(modules, trained)
    runs.weights_saved(trained)
    runs.run_ended(run)
    saved = runs.save_weights_to(tmp_path / target)
    assert _same(
        load_weights(project, saved)["model"].state_dict(),
        modules["model"].state_dict(),
    )
