"""Downloading MNIST, Fashion-MNIST and CIFAR-10 through torchvision, when it is there.

Without torchvision (it is optional), or without a network, the error says
where to get the files by hand and how to load them; a download never waits
forever because every socket gets a timeout.
"""

from __future__ import annotations

import importlib
import socket
from pathlib import Path

from designer.training.datasets.errors import DatasetError

TIMEOUT_SECONDS = 30.0
CIFAR10_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
CIFAR10_MD5 = "c32a1d4ab5d03f1284b67883e8d87530"
DOWNLOADS = {
    "mnist": "MNIST",
    "fashion_mnist": "Fashion-MNIST",
    "cifar10": "CIFAR-10",
}
_ALIASES = {
    "fashion-mnist": "fashion_mnist",
    "fashionmnist": "fashion_mnist",
    "cifar-10": "cifar10",
    "cifar_10": "cifar10",
}


def _manual_instructions(name: str, folder: Path) -> str:
    if name == "cifar10":
        return (
            f"Download cifar-10-binary.tar.gz (the binary version) from "
            f"https://www.cs.toronto.edu/~kriz/cifar.html, unpack it into {folder}, "
            "then choose 'CIFAR-10 (binary version)' and the cifar-10-batches-bin "
            "folder."
        )
    where = (
        "https://github.com/zalandoresearch/fashion-mnist (folder data/fashion)"
        if name == "fashion_mnist"
        else "https://ossci-datasets.s3.amazonaws.com/mnist/ (a mirror of "
        "yann.lecun.com/exdb/mnist)"
    )
    return (
        f"Download the four files train-images-idx3-ubyte.gz, "
        f"train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
        f"t10k-labels-idx1-ubyte.gz from {where}, put them in one folder "
        f"(for example {folder}), then choose 'MNIST / Fashion-MNIST (IDX files)' "
        "and that folder. They can stay gzipped."
    )


def _fetch(torchvision_datasets, name: str, folder: Path) -> Path:
    if name == "cifar10":
        utils = importlib.import_module("torchvision.datasets.utils")
        utils.download_and_extract_archive(
            CIFAR10_URL, download_root=str(folder), md5=CIFAR10_MD5
        )
        return folder / "cifar-10-batches-bin"
    cls = (
        torchvision_datasets.FashionMNIST
        if name == "fashion_mnist"
        else (torchvision_datasets.MNIST)
    )
    for train in (True, False):
        cls(root=str(folder), train=train, download=True)
    return folder / cls.__name__ / "raw"


def download_dataset(name: str, folder: Path | str) -> Path:
    """Download ``name`` ("mnist", "fashion_mnist", "cifar10") into ``folder``.

    Returns the folder to load: IDX files for MNIST/Fashion-MNIST (format
    "idx"), cifar-10-batches-bin for CIFAR-10 (format "cifar10_binary").
    Raises :class:`DatasetError` explaining the manual route when torchvision is
    missing or the download fails.
    """
    key = _ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in DOWNLOADS:
        raise DatasetError(
            f"'{name}' cannot be downloaded; the downloadable datasets are "
            f"{', '.join(DOWNLOADS)}."
        )
    title = DOWNLOADS[key]
    folder = Path(folder)
    try:
        torchvision_datasets = importlib.import_module("torchvision.datasets")
    except ImportError:
        raise DatasetError(
            f"Downloading {title} needs torchvision, which is not installed "
            "(pip install torchvision). " + _manual_instructions(key, folder)
        ) from None
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(TIMEOUT_SECONDS)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _fetch(torchvision_datasets, key, folder)
    except Exception as error:  # network, disk, checksum: all told the same way
        raise DatasetError(
            f"Downloading {title} failed ({error}). Check the network connection, "
            "or get the files by hand: " + _manual_instructions(key, folder)
        ) from None
    finally:
        socket.setdefaulttimeout(previous)
