"""Saliency: gradient × input, Grad-CAM and class probabilities."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from probe_helpers import random_inputs, sample_network

from designer.training.probes.capture import ProbeError
from designer.training.probes.saliency import saliency

DIGITS = [str(k) for k in range(10)]


def test_cnn_saliency_and_grad_cam() -> None:
    _project, graph, network = sample_network("cnn_mnist")
    x = random_inputs(network)[0]
    found = saliency(network, graph, [x], DIGITS)
    model = network.module
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)[0].numpy()
    assert np.allclose(found.probabilities, probabilities, atol=1e-6)
    assert found.predicted == int(probabilities.argmax()) == found.target
    leaf = x.clone().requires_grad_(True)
    model(leaf)[0, found.target].backward()
    expected = (leaf.grad * x)[0].sum(0).numpy()
    assert found.gradient_x_input.shape == (28, 28)
    assert np.allclose(found.gradient_x_input, expected, atol=1e-6)
    cam = found.grad_cam
    assert cam is not None and cam.shape == (28, 28) and found.cam_layer == "conv3"
    assert cam.min() >= 0 and cam.max() == pytest.approx(1.0)


def test_another_class_can_be_explained() -> None:
    _project, graph, network = sample_network("cnn_mnist")
    x = random_inputs(network)[0]
    predicted = saliency(network, graph, [x], DIGITS)
    other = (predicted.predicted + 1) % 10
    found = saliency(network, graph, [x], DIGITS, target=other)
    assert found.target == other and found.predicted == predicted.predicted
    assert not np.allclose(found.gradient_x_input, predicted.gradient_x_input)
    with pytest.raises(ProbeError, match="no class 12"):
        saliency(network, graph, [x], DIGITS, target=12)


def test_an_mlp_has_no_grad_cam() -> None:
    _project, graph, network = sample_network("mlp")
    found = saliency(network, graph, random_inputs(network), DIGITS)
    assert found.grad_cam is None and found.gradient_x_input.shape == (28, 28)
    assert found.probabilities.sum() == pytest.approx(1.0, abs=1e-5)


def test_token_ids_are_explained_at_the_embedding() -> None:
    _project, graph, network = sample_network("transformer")
    found = saliency(network, graph, random_inputs(network), list("abcd"))
    assert found.gradient_x_input.shape == (16,)
    assert np.abs(found.gradient_x_input).sum() > 0
    assert found.classes == list("abcd")


def test_a_single_logit_gives_two_probabilities() -> None:
    _project, graph, network = sample_network("gan", "discriminator")
    found = saliency(network, graph, random_inputs(network), ["fake", "real"])
    assert found.probabilities.shape == (2,)
    assert found.probabilities.sum() == pytest.approx(1.0)


def test_a_network_without_class_scores_is_refused() -> None:
    _project, graph, network = sample_network("autoencoder")
    with pytest.raises(ProbeError, match="class scores"):
        saliency(network, graph, random_inputs(network))
