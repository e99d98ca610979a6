"""Readers for image datasets: a folder of images per class, and CIFAR-10's binary files.

Like :mod:`.files` (which re-exports these and declares their helpers in
``files.HELPERS``), the module imports only the standard library and numpy
(Pillow lazily), because exported training scripts paste these functions in.
"""

import gzip
import zlib
from pathlib import Path

import numpy as np

from designer.training.datasets.errors import DatasetError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")
CIFAR10_CLASSES = (
    "airplane",
    "automobile",
    "bird",
    "cat",
    "deer",
    "dog",
    "frog",
    "horse",
    "ship",
    "truck",
)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, un-gzipped when its name ends in .gz."""
    if not path.is_file():
        raise DatasetError(f"{path} does not exist or is not a file.")
    try:
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as stream:
                return stream.read()
        return path.read_bytes()
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise DatasetError(
            f"{path.name} is not a complete gzip file ({error}); download it again."
        ) from None
    except OSError as error:
        raise DatasetError(f"Cannot read {path}: {error.strerror or error}") from None


# --- image folders ----------------------------------------------------------------


def _read_image(path: Path, size: int, color: str) -> np.ndarray:
    """One image as C×size×size uint8, stretched to a square."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image = image.convert("L" if color == "grayscale" else "RGB")
            image = image.resize((size, size), Image.Resampling.BILINEAR)
            pixels = np.asarray(image, dtype=np.uint8)
    except (UnidentifiedImageError, Image.DecompressionBombError) as error:
        raise DatasetError(
            f"{path.parent.name}/{path.name} is not an image Pillow can read ({error})."
        ) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise DatasetError(
            f"{path.parent.name}/{path.name} is damaged or not an image ({error})."
        ) from None
    return pixels[None, :, :] if pixels.ndim == 2 else pixels.transpose(2, 0, 1)


def read_image_folder(
    path: str | Path, size: int = 28, color: str = "grayscale"
) -> dict:
    """One sub-folder per class, each holding PNG/JPEG/BMP/GIF/WebP images.

    Every image is converted to grayscale (1 channel) or RGB (3) and resized to
    size×size; x is N×C×size×size in [0, 1].  Classes are the sub-folder names in
    alphabetical order.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise DatasetError(f"The folder {folder} does not exist.")
    class_dirs = sorted(
        (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    if not class_dirs:
        raise DatasetError(
            f"{folder} has no sub-folders. Put the images of each class in their own "
            "sub-folder (for example cats/ and dogs/)."
        )
    images: list[np.ndarray] = []
    labels: list[int] = []
    for label, class_dir in enumerate(class_dirs):
        files = sorted(
            p
            for p in class_dir.iterdir()
            if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
        )
        if not files:
            raise DatasetError(
                f"The class folder '{class_dir.name}' holds no images "
                f"({', '.join(IMAGE_SUFFIXES)})."
            )
        for file in files:
            images.append(_read_image(file, size, color))
            labels.append(label)
    x = np.stack(images).astype(np.float32) / np.float32(255.0)
    return {
        "x": x,
        "y": np.array(labels, dtype=np.int64),
        "x_val": None,
        "y_val": None,
        "task": "classification",
        "classes": [d.name for d in class_dirs],
    }


# --- CIFAR-10 (binary version) ---------------------------------------------------


def _cifar_batch(path: Path, data: bytes) -> tuple[np.ndarray, np.ndarray]:
    record = 1 + 3 * 32 * 32
    if not data or len(data) % record:
        raise DatasetError(
            f"{path.name} is not a CIFAR-10 binary batch: its size ({len(data):,} "
            f"bytes) is not a multiple of {record} bytes."
        )
    table = np.frombuffer(data, np.uint8).reshape(-1, record)
    labels = table[:, 0].astype(np.int64)
    if labels.max() > 9:
        raise DatasetError(f"{path.name} has labels above 9; it is not CIFAR-10.")
    images = table[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / np.float32(255.0)
    return images, labels


def read_cifar10_binary(path: str | Path) -> dict:
    """The "CIFAR-10 binary version": data_batch_1..5.bin and test_batch.bin.

    ``path`` is the cifar-10-batches-bin folder, its parent, or one of its files.
    """
    folder = Path(path)
    if folder.is_file():
        folder = folder.parent
    if (folder / "cifar-10-batches-bin").is_dir():
        folder = folder / "cifar-10-batches-bin"
    train_files = sorted(folder.glob("data_batch_*.bin")) if folder.is_dir() else []
    if not train_files:
        raise DatasetError(
            f"{folder} has no data_batch_*.bin files. Download the CIFAR-10 binary "
            "version (cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/"
            "cifar.html), unpack it and choose the cifar-10-batches-bin folder."
        )
    parts = [_cifar_batch(p, _read_bytes(p)) for p in train_files]
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    x_val = y_val = None
    test_file = folder / "test_batch.bin"
    if test_file.is_file():
        x_val, y_val = _cifar_batch(test_file, _read_bytes(test_file))
    return {
        "x": x,
        "y": y,
        "x_val": x_val,
        "y_val": y_val,
        "task": "classification",
        "classes": list(CIFAR10_CLASSES),
    }
