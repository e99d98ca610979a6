"""Small projects and datasets for the training tests, built in code."""

from __future__ import annotations

import numpy as np

from designer.graph.model import Graph, Project
from designer.training.datasets.dataset import Dataset


def mlp_project(
    inputs: int = 64, hidden: int = 32, outputs: int = 10, name: str = "Tiny MLP"
) -> Project:
    graph = Graph("model")
    x = graph.add_node("Input", "x", {"shape": [inputs], "dtype": "float"})
    h = graph.add_node("Linear", "hidden", {"out_features": hidden})
    a = graph.add_node("ReLU", "relu")
    o = graph.add_node("Linear", "scores", {"out_features": outputs})
    out = graph.add_node("Output", "logits")
    for src, dst in ((x, h), (h, a), (a, o), (o, out)):
        graph.connect(src.id, "out", dst.id, "in")
    return Project(name=name, networks=[graph])


def blobs_dataset(
    samples: int = 240, features: int = 64, classes: int = 4, seed: int = 0
) -> Dataset:
    """Well separated Gaussian blobs: easy to learn in one or two epochs."""
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, 3, size=(classes, features)).astype(np.float32)
    y = rng.integers(0, classes, size=samples)
    x = (centers[y] + rng.normal(0, 1, size=(samples, features))).astype(np.float32)
    return Dataset(
        name="blobs",
        x=x,
        y=y.astype(np.int64),
        task="classification",
        classes=[f"class {k}" for k in range(classes)],
    )


def digits_dataset() -> Dataset:
    from sklearn.datasets import load_digits

    bunch = load_digits()
    return Dataset(
        name="digits",
        x=(bunch.data / 16.0).astype(np.float32),
        y=bunch.target.astype(np.int64),
        task="classification",
        classes=[str(k) for k in range(10)],
    )


def regression_dataset(samples: int = 256, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(samples, 3)).astype(np.float32)
    y = (x @ np.array([[1.5], [-2.0], [0.5]], dtype=np.float32) + 0.3).astype(
        np.float32
    )
    return Dataset(name="linear", x=x, y=y, task="regression", classes=None)
