"""Fit checks between a dataset and a network, preview samples, and downloads."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import numpy as np
import pytest

from designer.training.datasets import (
    Dataset,
    DatasetError,
    check_compatibility,
    download_dataset,
    load_dataset,
    preview_samples,
    suggested_input_shape,
)
from designer.training.datasets.preview import preview_indices

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def digits() -> Dataset:
    return load_dataset("digits")


@pytest.fixture(scope="module")
def digits28() -> Dataset:
    return load_dataset("digits28")


def test_the_issue_message_for_digits_into_a_28_input(digits: Dataset) -> None:
    problems = check_compatibility(
        digits, {"x": ("N", 1, 28, 28)}, {"out": ("N", 10)}, "classification"
    )
    assert problems == [
        "The dataset gives 1×8×8 images but Input 'x' expects 1×28×28 — use "
        "digits28 or change the Input."
    ]


def test_matching_network_has_no_problems(digits28: Dataset) -> None:
    assert (
        check_compatibility(
            digits28, {"x": ("N", 1, 28, 28)}, {"out": ("N", 10)}, "classification"
        )
        == []
    )
    assert check_compatibility(
        digits28, {"x": ("N", 1, 8, 8)}, {"out": ("N", 10)}, "classification"
    ) == [
        "The dataset gives 1×28×28 images but Input 'x' expects 1×8×8 — use "
        "digits or change the Input."
    ]


def test_symbolic_sizes_match_anything() -> None:
    tokens = load_dataset("tokens_sorted")
    assert (
        check_compatibility(
            tokens, {"ids": ("N", "L")}, {"out": ("N", 2)}, "sequence_classification"
        )
        == []
    )
    forecast = load_dataset("sine_forecast")
    assert (
        check_compatibility(forecast, {"x": ("N", "L", 1)}, {"y": ("N", 1)}, "forecast")
        == []
    )


def test_flat_and_image_layouts_get_a_layout_hint(digits: Dataset) -> None:
    [problem] = check_compatibility(
        digits, {"x": ("N", 64)}, {"out": ("N", 10)}, "classification"
    )
    assert "expects 64" in problem and "layout to 'flat'" in problem
    moons = load_dataset("moons")
    [problem] = check_compatibility(
        moons, {"x": ("N", 3)}, {"out": ("N", 2)}, "classification"
    )
    assert problem == (
        "The dataset gives 2 features per sample but Input 'x' expects 3 — set the "
        "Input's shape to 2 (Set from dataset)."
    )


def test_class_count_and_classifier_shape(digits: Dataset) -> None:
    [problem] = check_compatibility(
        digits, {"x": ("N", 1, 8, 8)}, {"logits": ("N", 2)}, "classification"
    )
    assert "10 classes" in problem and "'logits' gives 2 values" in problem
    assert "10 units" in problem
    [problem] = check_compatibility(
        digits, {"x": ("N", 1, 8, 8)}, {"logits": ("N", 32, 6, 6)}, "classification"
    )
    assert "32×6×6" in problem and "Flatten" in problem


def test_regression_and_forecast_target_width() -> None:
    forecast = load_dataset(
        {"name": "sine_forecast", "options": {"n_samples": 20, "horizon": 3}}
    )
    [problem] = check_compatibility(
        forecast, {"x": ("N", 32, 1)}, {"y": ("N", 1)}, "forecast"
    )
    assert "targets are 3 per sample" in problem and "gives 1" in problem
    sine = load_dataset("sine")
    assert (
        check_compatibility(sine, {"x": ("N", 1)}, {"y": ("N", 1)}, "regression") == []
    )


def test_task_mismatches_are_explained(digits: Dataset) -> None:
    sine = load_dataset("sine")
    [problem] = check_compatibility(
        sine, {"x": ("N", 1)}, {"y": ("N", 1)}, "classification"
    )
    assert "numeric targets" in problem and "'sine'" in problem
    [problem] = check_compatibility(
        digits, {"x": ("N", 1, 8, 8)}, {"y": ("N", 10)}, "regression"
    )
    assert "class labels" in problem


def test_reconstruction_needs_an_output_like_the_input(digits: Dataset) -> None:
    inputs = {"x": ("N", 1, 8, 8)}
    assert (
        check_compatibility(digits, inputs, {"r": ("N", 1, 8, 8)}, "reconstruction")
        == []
    )
    # A VAE returns the reconstruction and more; one matching Output is enough.
    vae_outputs = {"mu": ("N", 4), "r": ("N", 1, 8, 8)}
    assert check_compatibility(digits, inputs, vae_outputs, "vae") == []
    [problem] = check_compatibility(digits, inputs, {"r": ("N", 64)}, "reconstruction")
    assert "must output 1×8×8" in problem and "Reshape" in problem
    [problem] = check_compatibility(digits, inputs, {"r": ("N", 10)}, "reconstruction")
    assert "decoder end in 1×8×8" in problem


def test_token_checks(digits: Dataset) -> None:
    tokens = load_dataset({"name": "tokens_majority", "options": {"vocab_size": 6}})
    shapes = ({"ids": ("N", 16)}, {"out": ("N", 6)})
    assert (
        check_compatibility(
            tokens,
            *shapes,
            "sequence_classification",
            input_dtypes={"ids": "long"},
            num_embeddings=6,
        )
        == []
    )
    problems = check_compatibility(
        tokens,
        *shapes,
        "sequence_classification",
        input_dtypes={"ids": "float"},
        num_embeddings=4,
    )
    assert any("dtype float" in p and "long" in p for p in problems)
    assert any("go up to 5" in p and "at least 6" in p for p in problems)
    [problem] = check_compatibility(
        digits,
        {"x": ("N", 1, 8, 8)},
        {"o": ("N", 10)},
        "classification",
        input_dtypes={"x": "long"},
    )
    assert "real numbers" in problem
    [problem] = check_compatibility(
        tokens, {"ids": ("N", 12)}, shapes[1], "sequence_classification"
    )
    assert "sequences of 16 token ids" in problem


def test_input_and_output_counts(digits: Dataset) -> None:
    assert (
        "no Input"
        in check_compatibility(digits, {}, {"o": ("N", 10)}, "classification")[0]
    )
    [problem] = check_compatibility(
        digits, {"a": ("N", 1, 8, 8), "b": ("N", 3)}, {"o": ("N", 10)}, "classification"
    )
    assert "2 Inputs ('a', 'b')" in problem
    [problem] = check_compatibility(digits, {"x": ("N", 1, 8, 8)}, {}, "classification")
    assert "no Output" in problem


def test_suggested_input_shape() -> None:
    assert suggested_input_shape(load_dataset("digits")) == [1, 8, 8]
    assert suggested_input_shape(load_dataset("sine_forecast")) == [32, 1]
    assert suggested_input_shape(load_dataset("tokens_sorted")) == [10]


def _io_shapes(graph, shapes) -> tuple[dict, dict, dict, int | None]:
    nodes = {node.id: node for node in graph.nodes}
    inputs, outputs, dtypes, embeddings = {}, {}, {}, None
    for node_id in shapes.order:
        node, info = nodes[node_id], shapes.nodes[node_id]
        if node.type == "Input":
            inputs[node.name] = info.outputs["out"]
            dtypes[node.name] = node.params["dtype"]
        elif node.type == "Output":
            outputs[node.name] = next(iter(info.inputs.values()))
        elif node.type == "Embedding" and embeddings is None:
            embeddings = node.params["num_embeddings"]
    return inputs, outputs, dtypes, embeddings


@pytest.mark.parametrize(
    "sample", sorted(p.stem for p in SAMPLES.glob("*.json")) if SAMPLES.is_dir() else []
)
def test_every_course_sample_fits_its_dataset(sample: str) -> None:
    from designer.graph.project_file import load_project
    from designer.shapes.infer import infer_shapes

    project = load_project(SAMPLES / f"{sample}.json")
    dataset = load_dataset(project.dataset)
    task = project.training["task"]
    # A GAN's dataset feeds its discriminator: the network with the sample-shaped Input.
    graph = project.networks[-1] if task == "gan" else project.networks[0]
    inputs, outputs, dtypes, embeddings = _io_shapes(graph, infer_shapes(graph))
    problems = check_compatibility(
        dataset, inputs, outputs, task, input_dtypes=dtypes, num_embeddings=embeddings
    )
    assert problems == []


# --- preview ------------------------------------------------------------------------


def test_preview_shows_each_class_first(digits: Dataset) -> None:
    preview = preview_samples(digits, 12)
    assert len(preview) == 12
    labels = [label for _, label in preview]
    assert labels[:10] == [str(i) for i in range(10)]
    sample, label = preview[3]
    assert sample.shape == (1, 8, 8) and label == "3"
    indices = preview_indices(digits, 12)
    assert len(set(indices)) == 12
    np.testing.assert_array_equal(preview[11][0], digits.x[indices[11]])


def test_preview_labels_for_numbers_and_few_samples() -> None:
    forecast = load_dataset(
        {"name": "sine_forecast", "options": {"n_samples": 10, "horizon": 6}}
    )
    preview = preview_samples(forecast, 3)
    assert len(preview) == 3
    assert preview[0][1].startswith("next = ") and preview[0][1].endswith(", …")
    sine = load_dataset({"name": "sine", "options": {"n_samples": 10}})
    assert preview_samples(sine, 50)[0][1].startswith("y = ")
    assert len(preview_samples(sine, 50)) == 10
    auto = load_dataset({"name": "digits", "options": {"target": "inputs"}})
    assert preview_samples(auto, 2)[1][1].startswith("sample ")


# --- downloads ------------------------------------------------------------------------


@pytest.fixture
def no_torchvision(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make torchvision unimportable whether or not it is installed."""
    for name in [m for m in sys.modules if m.split(".")[0] == "torchvision"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "torchvision", None)  # import → ImportError


@pytest.mark.parametrize(
    "name,words",
    [
        ("mnist", ["torchvision", "train-images-idx3-ubyte.gz", "IDX files"]),
        ("Fashion-MNIST", ["Fashion-MNIST", "zalandoresearch", "t10k-labels"]),
        ("cifar10", ["CIFAR-10", "cifar-10-binary.tar.gz", "cifar-10-batches-bin"]),
    ],
)
def test_download_without_torchvision_says_how_to_get_the_files(
    no_torchvision: None, tmp_path: Path, name: str, words: list[str]
) -> None:
    with pytest.raises(DatasetError) as caught:
        download_dataset(name, tmp_path / "data")
    for word in words:
        assert word in str(caught.value)
    assert not (tmp_path / "data").exists()


def test_download_of_an_unknown_name(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="mnist, fashion_mnist, cifar10"):
        download_dataset("imagenet", tmp_path)


def _fake_torchvision(monkeypatch: pytest.MonkeyPatch, fail: bool) -> list[tuple]:
    calls: list[tuple] = []

    class MNIST:
        def __init__(self, root: str, train: bool, download: bool) -> None:
            calls.append((type(self).__name__, root, train, download))
            if fail:
                raise OSError("Name or service not known")

    class FashionMNIST(MNIST):
        pass

    package = types.ModuleType("torchvision")
    datasets = types.ModuleType("torchvision.datasets")
    datasets.MNIST, datasets.FashionMNIST = MNIST, FashionMNIST
    package.datasets = datasets
    monkeypatch.setitem(sys.modules, "torchvision", package)
    monkeypatch.setitem(sys.modules, "torchvision.datasets", datasets)
    return calls


def test_download_through_torchvision_returns_the_idx_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls = _fake_torchvision(monkeypatch, fail=False)
    folder = download_dataset("fashion_mnist", tmp_path)
    assert folder == tmp_path / "FashionMNIST" / "raw"
    assert calls == [
        ("FashionMNIST", str(tmp_path), True, True),
        ("FashionMNIST", str(tmp_path), False, True),
    ]


def test_a_failed_download_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import socket

    _fake_torchvision(monkeypatch, fail=True)
    before = socket.getdefaulttimeout()
    with pytest.raises(DatasetError) as caught:
        download_dataset("mnist", tmp_path)
    text = str(caught.value)
    assert "Downloading MNIST failed" in text and "Name or service" in text
    assert "train-images-idx3-ubyte.gz" in text
    assert socket.getdefaulttimeout() == before


def test_dataset_properties_on_hand_made_data() -> None:
    data = Dataset(
        name="mine",
        x=np.zeros((4, 3, 5, 5), np.float32),
        y=np.zeros((4, 2), np.float32),
        task="regression",
        classes=None,
    )
    assert data.sample_shape == (3, 5, 5) and data.target_shape == (2,)
    assert data.num_classes is None and data.is_image and not data.is_tokens
    assert len(data) == 4


def test_sample_descriptions_read_well() -> None:
    from designer.training.datasets import describe_samples

    forecast = load_dataset({"name": "sine_forecast", "options": {"n_samples": 10}})
    assert describe_samples(forecast) == "sequences of 32 steps × 1 feature"
    sine = load_dataset({"name": "sine", "options": {"n_samples": 10}})
    assert describe_samples(sine) == "1 feature per sample"
    [problem] = check_compatibility(
        forecast, {"x": ("N", 16, 1)}, {"y": ("N", 1)}, "forecast"
    )
    assert problem.startswith("The dataset gives sequences of 32 steps × 1 feature but")
