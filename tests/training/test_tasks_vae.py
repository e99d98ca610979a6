"""VAE: both loss terms, falling loss, samples decoded from fixed codes by a decoder sharing the weights."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from task_helpers import sample, small_digits, train

from designer.codegen.build import build_networks
from designer.graph.model import Graph, Project
from designer.shapes.infer import infer_shapes
from designer.training.tasks.vae import (
    DecoderUnavailable,
    build_decoder,
    decoder_graph,
    kl_divergence,
    output_roles,
)


def test_the_vae_sample_learns_and_reports_both_terms() -> None:
    result, recorder, trainer = train(sample("vae"), small_digits(320), epochs=5)
    assert result.status == "finished", result.message
    assert recorder.info.notes == []
    for metrics in recorder.epochs:
        assert {
            "train_reconstruction",
            "train_kl",
            "reconstruction",
            "kl",
            "neg_elbo",
        } <= set(metrics.extra)
        extra = metrics.extra
        assert extra["kl"] >= 0 and extra["reconstruction"] > 0
        assert metrics.val_loss == pytest.approx(
            extra["reconstruction"] + 1.0 * extra["kl"], rel=1e-6
        )
        assert metrics.train_loss == pytest.approx(
            extra["train_reconstruction"] + extra["train_kl"], rel=1e-4
        )
    elbos = [m.extra["neg_elbo"] for m in recorder.epochs]
    assert elbos[-1] < elbos[0]

    first, last = recorder.snapshots[0].previews, recorder.snapshots[-1].previews
    assert set(last) == {"reconstruction", "samples"}
    images = last["samples"]["images"]
    assert images.shape == (64, 1, 8, 8) and images.min() >= 0.0 and images.max() <= 1.0
    assert isinstance(last["samples"]["title"], str)
    assert not np.allclose(
        images, first["samples"]["images"]
    )  # the grid follows training

    # The same fixed codes every epoch: decoding them again now gives the last grid.
    task = trainer.task
    with torch.no_grad():
        task.model.eval()
        again = task.decode(task.fixed_z).numpy()
    np.testing.assert_allclose(again, images, atol=1e-6)


def test_beta_weighs_the_kl_term() -> None:
    _result, recorder, _ = train(sample("vae"), small_digits(160), epochs=1, beta=4.0)
    metrics = recorder.epochs[-1]
    assert metrics.val_loss == pytest.approx(
        metrics.extra["reconstruction"] + 4.0 * metrics.extra["kl"], rel=1e-6
    )
    assert metrics.extra["neg_elbo"] == pytest.approx(
        metrics.extra["reconstruction"] + metrics.extra["kl"], rel=1e-6
    )


def test_the_decoder_shares_the_trained_layers_and_computes_the_same() -> None:
    project = sample("vae")
    graph = project.graph
    model = build_networks(project)[graph.name].module
    output = graph.node_by_name("reconstruction")
    decoder, z_shape = build_decoder(graph, infer_shapes(graph), output.id, model)
    assert z_shape == (4,)
    assert decoder.dec1 is model.dec1 and decoder.dec2 is model.dec2
    assert not hasattr(decoder, "enc1")
    z = torch.randn(5, 4)
    expected = torch.sigmoid(model.dec2(torch.relu(model.dec1(z)))).reshape(5, 1, 8, 8)
    torch.testing.assert_close(decoder(z), expected)
    with torch.no_grad():
        model.dec2.bias.add_(
            1.0
        )  # a training step later, the decoder sees the new weights
    torch.testing.assert_close(
        decoder(z),
        torch.sigmoid(model.dec2(torch.relu(model.dec1(z)))).reshape(5, 1, 8, 8),
    )


def _small_vae(encoder_name: str, decoder_name: str) -> Project:
    graph = Graph("model")
    nodes = [
        graph.add_node("Input", "x", {"shape": [6], "dtype": "float"}),
        graph.add_node("Linear", encoder_name, {"out_features": 4}),
        graph.add_node("Split", "split", {"chunks": 2, "dim": 1}),
        graph.add_node("Reparameterize", "z"),
        graph.add_node("Linear", decoder_name, {"out_features": 6}),
        graph.add_node("Output", "reconstruction"),
        graph.add_node("Output", "mu"),
        graph.add_node("Output", "logvar"),
    ]
    x, enc, split, z, dec, recon, mu, logvar = (n.id for n in nodes)
    graph.connect(x, "out", enc, "in")
    graph.connect(enc, "out", split, "in")
    graph.connect(split, "out1", z, "mu")
    graph.connect(split, "out2", z, "logvar")
    graph.connect(z, "out", dec, "in")
    graph.connect(dec, "out", recon, "in")
    graph.connect(split, "out1", mu, "in")
    graph.connect(split, "out2", logvar, "in")
    return Project(name="small", networks=[graph])


def test_layer_names_that_clash_in_code_still_map_to_the_right_layers() -> None:
    # "Layer" and "layer" both become the attribute layer; the second one is layer_1 in
    # the full network but plain layer in the decoder alone.
    project = _small_vae("layer", "Layer")
    graph = project.graph
    model = build_networks(project)[graph.name].module
    decoder, _ = build_decoder(
        graph, infer_shapes(graph), graph.node_by_name("reconstruction").id, model
    )
    assert decoder.layer is model.layer_1


def test_without_a_decoder_of_its_own_there_are_no_samples_but_training_works() -> None:
    project = _small_vae("enc", "dec")
    graph = project.graph
    # The decoder also reads the encoder's output: a skip connection past the code.
    add = graph.add_node("Add", "skip")
    dec, recon = graph.node_by_name("dec"), graph.node_by_name("reconstruction")
    graph.disconnect(next(e for e in graph.edges_into(recon.id)))
    graph.connect(dec.id, "out", add.id, "in1")
    graph.connect(graph.node_by_name("x").id, "out", add.id, "in2")
    graph.connect(add.id, "out", recon.id, "in")
    with pytest.raises(DecoderUnavailable, match="also reads"):
        decoder_graph(graph, infer_shapes(graph), recon.id)

    rng = np.random.default_rng(0)
    from designer.training.datasets import Dataset

    data = Dataset(
        "table",
        rng.random((64, 6), dtype=np.float32),
        np.zeros(64, np.int64),
        "classification",
        None,
    )
    project.training = {"task": "vae", "loss": "mse"}
    result, recorder, _ = train(project, data, epochs=2)
    assert result.status == "finished", result.message
    assert any("No samples from random codes" in note for note in recorder.info.notes)
    assert "samples" not in recorder.snapshots[-1].previews


def test_outputs_are_found_by_name_else_by_order() -> None:
    assert output_roles(["reconstruction", "mu", "logvar"]) == (0, 1, 2)
    assert output_roles(["mu", "logvar", "image"]) == (2, 0, 1)
    assert output_roles(["LogVar", "x_hat", "Mu"]) == (1, 2, 0)
    assert output_roles(["a", "b", "c"]) == (0, 1, 2)


def test_the_kl_divergence_is_zero_for_the_prior_and_positive_elsewhere() -> None:
    assert float(kl_divergence(torch.zeros(3, 4), torch.zeros(3, 4))) == 0.0
    # One dimension with mu = 1 and variance 1: KL = 1/2.
    assert math.isclose(
        float(kl_divergence(torch.tensor([[1.0]]), torch.tensor([[0.0]]))), 0.5
    )


def test_a_vae_needs_three_outputs() -> None:
    project = sample("vae")
    graph = project.graph
    graph.remove_node(graph.node_by_name("logvar").id)
    result, _recorder, _ = train(project, small_digits(64), epochs=1)
    assert result.status == "failed"
    assert "three Outputs" in result.message


def test_previews_and_the_sample_decoder_leave_the_run_as_it_would_be_without_them() -> (
    None
):
    from designer.training.engine import Trainer, TrainingCallbacks
    from designer.training.settings import TrainingSettings

    class EpochsOnly(TrainingCallbacks):  # wants no previews
        def __init__(self) -> None:
            self.losses: list[float] = []

        def on_epoch(self, metrics) -> None:
            self.losses.append((metrics.train_loss, metrics.val_loss))

    project = sample("vae")
    data = small_digits(160)
    _result, with_previews, _ = train(project, data, epochs=2)
    quiet = EpochsOnly()
    settings = TrainingSettings.from_dict(project.training).replace(
        device="cpu", epochs=2
    )
    Trainer(project, data, settings, quiet).run()
    assert quiet.losses == [(m.train_loss, m.val_loss) for m in with_previews.epochs]


def test_binary_cross_entropy_needs_a_sigmoid_decoder() -> None:
    project = sample("vae")
    graph = project.graph
    graph.remove_node(graph.node_by_name("sigmoid_1").id)
    graph.connect(
        graph.node_by_name("dec2").id, "out", graph.node_by_name("to_image").id, "in"
    )
    result, _recorder, _ = train(project, small_digits(64), epochs=1)
    assert result.status == "failed"
    assert "does not come from a Sigmoid" in result.message
    result, _recorder, _ = train(project, small_digits(64), epochs=1, loss="mse")
    assert result.status == "finished", result.message


def test_beta_is_checked_and_matters_for_the_vae_only() -> None:
    from designer.training.settings import FIELD_SPECS, SettingsError, TrainingSettings

    with pytest.raises(SettingsError) as caught:
        TrainingSettings.from_dict({"task": "vae", "loss": "bce", "beta": -1})
    assert caught.value.problems == [
        "training.beta: must be a number of at least 0, got -1.0"
    ]
    with pytest.raises(SettingsError):
        TrainingSettings.from_dict({"task": "vae", "loss": "cross_entropy"})
    assert FIELD_SPECS["beta"].tasks == ("vae",)
    assert TrainingSettings().beta == 1.0
