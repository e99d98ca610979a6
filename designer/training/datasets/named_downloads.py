"""MNIST, Fashion-MNIST and CIFAR-10 asked for by name (``--dataset mnist``).

They are kept in a data folder (``$DESIGNER_DATA_DIR``, else
``~/.cache/designer/datasets``): files already there are read as they are;
otherwise they are downloaded through torchvision when it is installed, and
without it the error says how to get the files by hand.
"""

from __future__ import annotations

import os
from pathlib import Path

from designer.training.datasets.dataset import DatasetInfo
from designer.training.datasets.download import _ALIASES, DOWNLOADS, download_dataset

_IDX_TRAIN_IMAGES = "train-images-idx3-ubyte"


def downloadable_key(name: str) -> str | None:
    """``"MNIST"``, ``"fashion-mnist"``… → their key in DOWNLOADS, else None."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    return key if key in DOWNLOADS else None


def data_home() -> Path:
    configured = os.environ.get("DESIGNER_DATA_DIR")
    return (
        Path(configured).expanduser()
        if configured
        else Path.home() / ".cache" / "designer" / "datasets"
    )


def _cached_folder(key: str, root: Path) -> Path | None:
    if key == "cifar10":
        folder = root / "cifar-10-batches-bin"
        return folder if (folder / "data_batch_1.bin").exists() else None
    for folder in (root, *sorted(root.glob("*/raw"))):
        if any(folder.glob(f"{_IDX_TRAIN_IMAGES}*")):
            return folder
    return None


def named_dataset_spec(key: str) -> tuple[str, dict]:
    """(format, options) reading the named dataset from the data folder, downloading it first if needed.

    Raises DatasetError (from :func:`download_dataset`) when it is neither there nor downloadable.
    """
    from designer.training.datasets.catalog import FASHION_MNIST_CLASSES

    root = data_home() / key
    folder = _cached_folder(key, root) if root.exists() else None
    if folder is None:
        folder = download_dataset(key, root)
    if key == "cifar10":
        return "cifar10_binary", {"path": str(folder)}
    options: dict = {"path": str(folder)}
    if key == "fashion_mnist":
        options["class_names"] = ",".join(FASHION_MNIST_CLASSES)
    return "idx", options


def downloadable_datasets() -> list[DatasetInfo]:
    """Picker entries for the datasets that can be fetched by name (no options)."""
    return [
        DatasetInfo(
            key,
            f"{title} (download)",
            f"{title}, read from {data_home() / key} when its files are there, else "
            "downloaded through torchvision (optional) — without it, how to get the "
            "files by hand is explained.",
            "classification",
            (),
            is_image=True,
        )
        for key, title in DOWNLOADS.items()
    ]
