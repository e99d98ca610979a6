"""MNIST / Fashion-MNIST / CIFAR-10 asked for by name: read from the data folder, else
downloaded through torchvision, else a message saying how to get the files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from designer.training.datasets import DatasetError, load_dataset
from tests.training.test_datasets_files import mnist_folder


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESIGNER_DATA_DIR", str(tmp_path))
    for name in [m for m in sys.modules if m.split(".")[0] == "torchvision"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "torchvision", None)  # never download in tests
    return tmp_path


def test_files_already_in_the_data_folder_are_read(data_home: Path) -> None:
    images, labels = mnist_folder(data_home / "mnist", gz=True)
    dataset = load_dataset("mnist")
    assert dataset.x.shape == (len(images), 1, 6, 6)
    assert list(dataset.y) == list(labels)
    assert dataset.x_val is not None and len(dataset.x_val) == 5


def test_torchvision_layout_and_fashion_class_names(data_home: Path) -> None:
    mnist_folder(data_home / "fashion_mnist" / "FashionMNIST" / "raw")
    dataset = load_dataset({"name": "Fashion-MNIST"})
    assert dataset.classes is not None and dataset.classes[0] == "T-shirt/top"


def test_missing_files_without_torchvision_explain_the_manual_route(
    data_home: Path,
) -> None:
    with pytest.raises(DatasetError) as caught:
        load_dataset("mnist")
    text = str(caught.value)
    assert "needs torchvision" in text and str(data_home / "mnist") in text
    assert not (data_home / "mnist").exists() or not any(
        (data_home / "mnist").iterdir()
    )


def test_unknown_names_list_the_downloadable_ones(data_home: Path) -> None:
    with pytest.raises(DatasetError, match="downloaded: mnist, fashion_mnist, cifar10"):
        load_dataset("emnist")


def test_the_picker_entries_load_by_their_name(data_home: Path) -> None:
    from designer.training.datasets import downloadable_datasets

    entries = {info.name: info for info in downloadable_datasets()}
    assert set(entries) == {"mnist", "fashion_mnist", "cifar10"}
    mnist_folder(data_home / "mnist")
    assert load_dataset({"name": entries["mnist"].name, "options": {}}).x.shape[1:] == (
        1,
        6,
        6,
    )
