"""Reconstruction: the autoencoder learns x → x and shows originals beside reconstructions."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from task_helpers import sample, small_digits, train

from designer.training.tasks.reconstruction import as_images


def test_the_autoencoder_sample_learns_to_reconstruct() -> None:
    dataset = small_digits(320)
    result, recorder, _ = train(sample("autoencoder"), dataset, epochs=5)
    assert result.status == "finished", result.message
    losses = [m.train_loss for m in recorder.epochs]
    assert losses[-1] < losses[0]
    last = recorder.epochs[-1]
    assert last.extra["mse"] == pytest.approx(
        last.val_loss, rel=1e-5
    )  # the loss is MSE here
    # Predicting the mean validation image: the mean per-pixel variance.
    x_val = _validation_images(dataset)
    assert last.extra["baseline_mse"] == pytest.approx(
        float(x_val.reshape(len(x_val), -1).var(axis=0).mean()), rel=1e-4
    )

    preview = recorder.snapshots[-1].previews["reconstruction"]
    originals, reconstructions = preview["originals"], preview["reconstructions"]
    assert originals.shape == reconstructions.shape and originals.shape[1:] == (1, 8, 8)
    assert reconstructions.min() >= 0.0 and reconstructions.max() <= 1.0
    np.testing.assert_allclose(originals, x_val[: len(originals)], rtol=1e-6)


def _validation_images(dataset) -> np.ndarray:
    from designer.training.engine import split_data

    return split_data(dataset, 0.2, 0)[2]


def test_the_targets_are_the_inputs_whatever_the_labels() -> None:
    dataset = small_digits(160)
    dataset.y = np.zeros_like(dataset.y)  # labels are ignored
    result, recorder, _ = train(sample("autoencoder"), dataset, epochs=1)
    assert result.status == "finished", result.message
    snapshot = recorder.snapshots[-1]
    np.testing.assert_array_equal(snapshot.y_true, snapshot.x)


def test_logits_are_shown_through_a_sigmoid() -> None:
    project = sample("autoencoder")
    graph = project.graph
    graph.remove_node(graph.node_by_name("sigmoid_1").id)
    graph.connect(
        graph.node_by_name("dec2").id, "out", graph.node_by_name("to_image").id, "in"
    )
    result, recorder, _ = train(
        project, small_digits(160), epochs=2, loss="bce_with_logits"
    )
    assert result.status == "finished", result.message
    reconstructions = recorder.snapshots[-1].previews["reconstruction"][
        "reconstructions"
    ]
    assert reconstructions.min() > 0.0 and reconstructions.max() < 1.0
    assert 0.0 <= recorder.epochs[-1].extra["mse"] < 1.0


def test_pictures_are_made_of_images_and_square_vectors_only() -> None:
    assert as_images(torch.rand(2, 1, 8, 8)).shape == (2, 1, 8, 8)
    assert as_images(torch.rand(2, 64)).shape == (2, 1, 8, 8)
    assert as_images(torch.rand(2, 8, 8)).shape == (2, 1, 8, 8)
    assert as_images(torch.full((1, 3, 4, 4), 2.0)).max() == 1.0
    assert as_images(torch.rand(2, 10)) is None
    assert as_images(torch.rand(2, 5, 4, 4)) is None


def test_binary_cross_entropy_needs_a_sigmoid_at_the_end() -> None:
    project = sample("autoencoder")
    result, _recorder, _ = train(project, small_digits(64), epochs=1, loss="bce")
    assert result.status == "finished", result.message  # Sigmoid, then Reshape: fine

    graph = project.graph
    graph.remove_node(graph.node_by_name("sigmoid_1").id)
    graph.connect(
        graph.node_by_name("dec2").id, "out", graph.node_by_name("to_image").id, "in"
    )
    result, _recorder, _ = train(project, small_digits(64), epochs=1, loss="bce")
    assert result.status == "failed"
    assert (
        "does not come from a Sigmoid" in result.message
        and "'reconstruction'" in result.message
    )
