"""``designer train`` on the course samples: metrics.json carries each task's loss terms per epoch."""

from __future__ import annotations

import json

import pytest
from task_helpers import SAMPLES

from designer.cli import main

TERMS = {
    "lstm": {"val_mse", "mae", "baseline_mse"},
    "rnn": {"val_mse", "mae", "baseline_mse"},
    "autoencoder": {"mse", "baseline_mse"},
    "vae": {"train_reconstruction", "train_kl", "reconstruction", "kl", "neg_elbo"},
    "gan": {"d_loss", "g_loss", "d_real", "d_fake"},
    "transformer": {"val_accuracy"},
}


@pytest.mark.parametrize("name", sorted(TERMS))
def test_each_sample_trains_from_the_command_line_with_its_own_dataset(
    name, tmp_path, capsys
) -> None:
    out = tmp_path / name
    code = main(
        [
            "train",
            str(SAMPLES / f"{name}.json"),
            "--epochs",
            "1",
            "--device",
            "cpu",
            "--out",
            str(out),
            "--no-history",  # the samples folder keeps no runs
        ]
    )
    assert code == 0, capsys.readouterr().err
    metrics = json.loads((out / "metrics.json").read_text())
    (epoch,) = metrics["epochs"]
    assert TERMS[name] <= set(epoch)
    assert all(isinstance(epoch[term], float) for term in TERMS[name])
    assert (out / "weights.safetensors").is_file()
    printed = capsys.readouterr().out
    assert all(
        f" {term} " in printed for term in TERMS[name] - {"val_accuracy"}
    )  # the epoch line shows them
