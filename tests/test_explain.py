"""``designer explain``: PNG pictures and an index for one sample, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from PIL import Image

from designer.cli import main
from designer.codegen.build import build_networks
from designer.graph.project_file import load_project
from designer.training.checkpoints import save_weights
from designer.training.datasets import load_dataset

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(autouse=True)
def _one_thread():
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


def trained_weights(sample: str, path: Path, steps: int = 15) -> Path:
    """A short training run of the sample's first network, saved as designer train saves it."""
    project = load_project(SAMPLES / f"{sample}.json")
    torch.manual_seed(0)
    modules = {name: b.module for name, b in build_networks(project).items()}
    data = load_dataset(project.dataset)
    model = modules[project.networks[0].name].train()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    x, y = (
        torch.from_numpy(data.x[: steps * 16]),
        torch.from_numpy(data.y[: steps * 16]),
    )
    for step in range(steps):
        batch = slice(step * 16, (step + 1) * 16)
        loss = torch.nn.functional.cross_entropy(
            model(x[batch].float()), y[batch].long()
        )
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    save_weights(modules, path)
    return path


def test_explain_writes_pictures_for_the_cnn(tmp_path, capsys) -> None:
    weights = trained_weights("cnn_mnist", tmp_path / "weights.pt")
    out = tmp_path / "pictures"
    argv = ["explain", str(SAMPLES / "cnn_mnist.json"), "--weights", str(weights)]
    code = main([*argv, "--dataset", "digits28", "--sample", "5", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    names = {p.name for p in out.iterdir()}
    expected = {
        "01_image.png",
        "02_conv1.png",
        "13_dense2.png",
        "conv1_feature_maps.png",
        "conv1_filters.png",
        "conv3_feature_maps.png",
        "saliency.png",
        "index.md",
    }
    assert expected <= names
    for name in names - {"index.md"}:
        with Image.open(out / name) as image:
            assert image.format == "PNG" and image.width >= 64 and image.height >= 40
    with Image.open(
        out / "conv1_feature_maps.png"
    ) as image:  # 32 channels of 26×26, enlarged
        assert image.width > 6 * 26 * 2
    index = (out / "index.md").read_text()
    assert "sample 5 of digits28" in index and "predicted" in index
    assert all(f"]({name})" in index for name in names - {"index.md"})
    assert "y = " in index  # the conv patch formula in the forward pass
    assert "wrote" in capsys.readouterr().out


def test_explain_writes_attention_heads(tmp_path, capsys) -> None:
    out = tmp_path / "pictures"
    code = main(["explain", str(SAMPLES / "transformer.json"), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    heads = sorted(p.name for p in out.glob("attention_encoder1_head*.png"))
    assert heads == [f"attention_encoder1_head{k}.png" for k in range(1, 5)]
    index = (out / "index.md").read_text()
    assert "untrained" in index and (out / "saliency.png").exists()


def test_two_networks_get_one_set_of_pictures_each(tmp_path, capsys) -> None:
    out = tmp_path / "pictures"
    code = main(
        ["explain", str(SAMPLES / "gan.json"), "--sample", "2", "--out", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    assert (out / "generator_01_z.png").exists()
    assert (out / "discriminator_01_image.png").exists()
    assert (
        "random values" in (out / "index.md").read_text()
    )  # z is not a dataset sample


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--sample", "99999"], "there is no sample 99999"),
        (["--weights", "missing.pt"], "no weights file"),
        (["--dataset", "nonsense_name"], "nonsense_name"),
        (["--dataset", "moons"], "does not fit"),
    ],
)
def test_bad_input_gets_a_message(tmp_path, capsys, extra, message) -> None:
    argv = ["explain", str(SAMPLES / "mlp.json"), "--out", str(tmp_path / "o"), *extra]
    if "--weights" in extra:
        argv[argv.index("missing.pt")] = str(tmp_path / "missing.pt")
    assert main(argv) == 1
    error = capsys.readouterr().err
    assert error.startswith("designer explain:") and message in error
    assert "Traceback" not in error


def test_weights_of_another_project_are_refused(tmp_path, capsys) -> None:
    weights = trained_weights("cnn_mnist", tmp_path / "weights.pt", steps=1)
    argv = ["explain", str(SAMPLES / "mlp.json"), "--weights", str(weights)]
    assert main([*argv, "--out", str(tmp_path / "o")]) == 1
    assert "do not fit the network" in capsys.readouterr().err
