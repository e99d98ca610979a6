"""Readers for dataset files: IDX (MNIST-style), .npz, CSV, image folders, CIFAR-10.

Each reader returns a dict with ``x``, ``y``, ``x_val``, ``y_val`` (the file's
own test split, or None), ``task`` and ``classes``.  Images come back as float32
N×C×H×W in [0, 1].  Anything wrong with a file raises :class:`DatasetError`
saying what and where.  Exported training scripts paste these functions in (see
:mod:`.source`), so the module imports only the standard library and numpy
(Pillow lazily); ``HELPERS`` declares the module-level names each function uses.
"""

import csv
from pathlib import Path

import numpy as np

from designer.training.datasets.errors import DatasetError
from designer.training.datasets.files_images import (
    CIFAR10_CLASSES,
    IMAGE_SUFFIXES,
    _cifar_batch,
    _read_bytes,
    _read_image,
    read_cifar10_binary,
    read_image_folder,
)

__all__ = [
    "CIFAR10_CLASSES",
    "HELPERS",
    "IDX_TYPES",
    "IMAGE_SUFFIXES",
    "_cifar_batch",
    "_read_bytes",
    "_read_image",
    "read_cifar10_binary",
    "read_csv",
    "read_idx",
    "read_idx_folder",
    "read_image_folder",
    "read_npz",
]

HELPERS: dict[str, tuple[str, ...]] = {
    "read_idx": ("DatasetError", "_read_bytes", "IDX_TYPES"),
    "read_idx_folder": (
        "DatasetError",
        "read_idx",
        "_find_idx_file",
        "_idx_pair",
        "_class_names",
    ),
    "read_npz": ("DatasetError", "_npz_arrays", "_as_samples", "_as_targets"),
    "read_csv": ("DatasetError", "_csv_table", "_csv_numbers", "_is_number"),
    "read_image_folder": ("DatasetError", "IMAGE_SUFFIXES", "_read_image"),
    "read_cifar10_binary": (
        "DatasetError",
        "_read_bytes",
        "_cifar_batch",
        "CIFAR10_CLASSES",
    ),
    "_read_bytes": ("DatasetError",),
    "_find_idx_file": (),
    "_idx_pair": ("DatasetError", "read_idx", "_find_idx_file"),
    "_class_names": ("DatasetError",),
    "_npz_arrays": ("DatasetError",),
    "_as_samples": ("DatasetError",),
    "_as_targets": ("DatasetError",),
    "_is_number": (),
    "_csv_table": ("DatasetError", "_is_number", "_csv_label_index", "_csv_numbers"),
    "_csv_label_index": ("DatasetError",),
    "_csv_numbers": ("DatasetError",),
    "_read_image": ("DatasetError",),
    "_cifar_batch": ("DatasetError",),
    "DatasetError": (),
    "IDX_TYPES": (),
    "IMAGE_SUFFIXES": (),
    "CIFAR10_CLASSES": (),
}

# IDX type byte -> big-endian numpy dtype (http://yann.lecun.com/exdb/mnist/).
IDX_TYPES = {8: ">u1", 9: ">i1", 11: ">i2", 12: ">i4", 13: ">f4", 14: ">f8"}
# --- IDX (MNIST, Fashion-MNIST) -------------------------------------------------


def read_idx(path: str | Path) -> np.ndarray:
    """One IDX file (raw or .gz) as an array with the shape its header declares."""
    path = Path(path)
    data = _read_bytes(path)
    if len(data) < 4 or data[0] != 0 or data[1] != 0:
        raise DatasetError(
            f"{path.name} is not an IDX file: it should start with two zero bytes, "
            "a type byte and a dimension count."
        )
    type_code, ndim = data[2], data[3]
    if type_code not in IDX_TYPES or ndim == 0:
        raise DatasetError(
            f"{path.name} is not an IDX file: type byte {type_code:#04x} with "
            f"{ndim} dimensions is not valid."
        )
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DatasetError(f"{path.name} is truncated: its header is incomplete.")
    shape = tuple(int(d) for d in np.frombuffer(data, ">u4", ndim, 4))
    dtype = np.dtype(IDX_TYPES[type_code])
    expected = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    found = len(data) - header
    if found < expected:
        raise DatasetError(
            f"{path.name} is truncated: its header promises {'×'.join(map(str, shape))} "
            f"values ({expected:,} bytes) but only {found:,} bytes follow. "
            "Download the file again."
        )
    if found > expected:
        raise DatasetError(
            f"{path.name} has {found - expected:,} bytes more than its header "
            f"({'×'.join(map(str, shape))}) describes; it is not a valid IDX file."
        )
    return np.frombuffer(data, dtype, offset=header).reshape(shape)


def _find_idx_file(folder: Path, split: str, kind: str) -> Path | None:
    """``train-images-idx3-ubyte`` and its common spellings, raw or .gz."""
    rank = 3 if kind == "images" else 1
    wanted = {f"{split}-{kind}-idx{rank}-ubyte{gz}" for gz in ("", ".gz")} | {
        f"{split}-{kind}.idx{rank}-ubyte{gz}" for gz in ("", ".gz")
    }
    matches = sorted(
        p for p in folder.iterdir() if p.is_file() and p.name.lower() in wanted
    )
    raw = [p for p in matches if not p.name.lower().endswith(".gz")]
    return (raw or matches or [None])[0]


def _idx_pair(folder: Path, split: str) -> tuple[np.ndarray, np.ndarray] | None:
    images_path = _find_idx_file(folder, split, "images")
    labels_path = _find_idx_file(folder, split, "labels")
    if images_path is None and labels_path is None:
        return None
    if images_path is None or labels_path is None:
        present, missing = (
            (images_path, f"{split}-labels-idx1-ubyte")
            if labels_path is None
            else (labels_path, f"{split}-images-idx3-ubyte")
        )
        raise DatasetError(
            f"{folder} has {present.name} but no {missing}[.gz] to go with it."
        )
    images = read_idx(images_path)
    labels = read_idx(labels_path)
    if images.ndim not in (3, 4):
        raise DatasetError(
            f"{images_path.name} holds a {images.ndim}-D array; images should be "
            "N×H×W (or N×H×W×C)."
        )
    if labels.ndim != 1:
        raise DatasetError(
            f"{labels_path.name} holds a {labels.ndim}-D array; labels should be 1-D."
        )
    if len(images) != len(labels):
        raise DatasetError(
            f"{images_path.name} has {len(images):,} images but "
            f"{labels_path.name} has {len(labels):,} labels."
        )
    images = images[:, None, :, :] if images.ndim == 3 else images.transpose(0, 3, 1, 2)
    scale = 255.0 if images.dtype == np.uint8 else 1.0
    x = np.ascontiguousarray(images, dtype=np.float32) / np.float32(scale)
    if labels.dtype.kind == "f" or (len(labels) and labels.min() < 0):
        raise DatasetError(
            f"{labels_path.name} should hold class ids 0, 1, 2, …; "
            "it holds negative or fractional numbers."
        )
    return x, labels.astype(np.int64)


def _class_names(count: int, class_names: str) -> list[str]:
    """Class names: "0" to "count-1", or the comma-separated names given."""
    if not class_names.strip():
        return [str(i) for i in range(count)]
    names = [n.strip() for n in class_names.split(",")]
    if len(names) < count:
        raise DatasetError(
            f"The labels go up to {count - 1}, so {count} class names are needed; "
            f"{len(names)} were given."
        )
    return names


def read_idx_folder(path: str | Path, class_names: str = "") -> dict:
    """A folder with train-images/train-labels IDX files and optionally t10k-*.

    ``class_names`` is an optional comma-separated list, e.g. the Fashion-MNIST
    names; the class ids are used otherwise.  ``path`` may also be one of the files.
    """
    folder = Path(path)
    if folder.is_file():
        folder = folder.parent
    if not folder.is_dir():
        raise DatasetError(f"The folder {folder} does not exist.")
    train = _idx_pair(folder, "train")
    if train is None:
        found = sorted(p.name for p in folder.iterdir())[:8]
        raise DatasetError(
            f"{folder} has no train-images-idx3-ubyte[.gz] and "
            "train-labels-idx1-ubyte[.gz]. Put the MNIST or Fashion-MNIST files "
            "(names unchanged) in one folder. Found: "
            + (", ".join(found) if found else "nothing")
            + "."
        )
    test = _idx_pair(folder, "t10k")
    x, y = train
    x_val, y_val = test if test is not None else (None, None)
    if x_val is not None and x_val.shape[1:] != x.shape[1:]:
        raise DatasetError(
            f"The test images are {'×'.join(map(str, x_val.shape[1:]))} but the "
            f"training images are {'×'.join(map(str, x.shape[1:]))}."
        )
    largest = int(
        max(y.max(initial=0), y_val.max(initial=0) if y_val is not None else 0)
    )
    return {
        "x": x,
        "y": y,
        "x_val": x_val,
        "y_val": y_val,
        "task": "classification",
        "classes": _class_names(largest + 1, class_names),
    }


# --- .npz -----------------------------------------------------------------------


def _npz_arrays(path: Path) -> dict[str, np.ndarray]:
    if not path.is_file():
        raise DatasetError(f"{path} does not exist or is not a file.")
    try:
        loaded = np.load(path, allow_pickle=False)
        if isinstance(loaded, np.ndarray):
            raise DatasetError(
                f"{path.name} holds a single array; a .npz archive with x and y "
                "arrays is needed (np.savez(path, x=..., y=...))."
            )
        with loaded as archive:
            return {name: archive[name] for name in archive.files}
    except DatasetError:
        raise
    except ValueError as error:
        if "pickle" in str(error).lower():
            raise DatasetError(
                f"{path.name} holds Python objects, which are never loaded (a file "
                "could run code that way). Save plain numeric arrays with np.savez."
            ) from None
        raise DatasetError(f"{path.name} is not a valid .npz file: {error}") from None
    except (OSError, EOFError, KeyError) as error:
        raise DatasetError(f"{path.name} is not a valid .npz file: {error}") from None
    except Exception as error:  # zipfile.BadZipFile and friends
        raise DatasetError(f"{path.name} is not a valid .npz file: {error}") from None


def _as_samples(x: np.ndarray, name: str) -> np.ndarray:
    """Numbers as float32; uint8 images scaled to [0, 1] and put channels first."""
    if x.dtype.kind not in "biuf":
        raise DatasetError(
            f"Array '{name}' holds {x.dtype} values; numbers are needed."
        )
    if x.ndim < 2:
        raise DatasetError(
            f"Array '{name}' is {x.ndim}-D; it needs one row per sample (N×features)."
        )
    if x.dtype == np.uint8:
        if x.ndim == 3:
            x = x[:, None, :, :]
        elif x.ndim == 4 and x.shape[-1] in (1, 3, 4) and x.shape[1] not in (1, 3, 4):
            x = x.transpose(0, 3, 1, 2)
        return np.ascontiguousarray(x, dtype=np.float32) / np.float32(255.0)
    x = np.ascontiguousarray(x, dtype=np.float32)
    if not np.isfinite(x).all():
        raise DatasetError(f"Array '{name}' holds NaN or infinite values.")
    return x


def _as_targets(y: np.ndarray, name: str, task: str) -> np.ndarray:
    """Class ids as int64, or regression targets as float32 N×T."""
    if y.dtype.kind not in "biuf":
        raise DatasetError(
            f"Array '{name}' holds {y.dtype} values; numbers are needed."
        )
    if y.ndim == 0:
        raise DatasetError(
            f"Array '{name}' is a single number; it needs one per sample."
        )
    if task == "classification":
        y = y.reshape(len(y), -1)
        if y.shape[1] != 1:
            raise DatasetError(
                f"Array '{name}' has {y.shape[1]} values per sample; classification "
                "needs one class id each."
            )
        y = y[:, 0]
        if y.dtype.kind == "f" and not np.all(np.isfinite(y) & (y == np.round(y))):
            raise DatasetError(
                f"Array '{name}' holds fractional numbers; class ids must be whole "
                "numbers (or choose the regression task)."
            )
        if len(y) and y.min() < 0:
            raise DatasetError(f"Array '{name}' holds negative class ids.")
        return y.astype(np.int64)
    y = np.asarray(y, dtype=np.float32)
    if not np.isfinite(y).all():
        raise DatasetError(f"Array '{name}' holds NaN or infinite values.")
    return y.reshape(len(y), -1) if y.ndim == 1 else y


def read_npz(path: str | Path, task: str = "auto") -> dict:
    """x/y arrays, or x_train/y_train with optional x_test/y_test.

    ``task`` "auto" means classification for integer y, regression for float y.
    Loaded with ``allow_pickle=False``: object arrays are refused.
    """
    path = Path(path)
    arrays = _npz_arrays(path)
    if "x" in arrays and "y" in arrays:
        names = ("x", "y", None, None)
    elif "x_train" in arrays and "y_train" in arrays:
        names = ("x_train", "y_train", "x_test", "y_test")
    else:
        raise DatasetError(
            f"{path.name} holds arrays {', '.join(sorted(arrays)) or '(none)'}; "
            "it needs 'x' and 'y', or 'x_train' and 'y_train' (with optional "
            "'x_test' and 'y_test')."
        )
    x_name, y_name, xv_name, yv_name = names
    if task == "auto":
        task = "classification" if arrays[y_name].dtype.kind in "biu" else "regression"
    if arrays[x_name].ndim >= 1 and len(arrays[x_name]) == 0:
        raise DatasetError(f"{path.name} holds no samples.")
    x = _as_samples(arrays[x_name], x_name)
    y = _as_targets(arrays[y_name], y_name, task)
    if len(x) != len(y):
        raise DatasetError(
            f"'{x_name}' has {len(x):,} samples but '{y_name}' has {len(y):,}."
        )
    x_val = y_val = None
    if xv_name in arrays and yv_name in arrays:
        x_val = _as_samples(arrays[xv_name], xv_name)
        y_val = _as_targets(arrays[yv_name], yv_name, task)
        if len(x_val) != len(y_val):
            raise DatasetError(
                f"'{xv_name}' has {len(x_val):,} samples but '{yv_name}' has "
                f"{len(y_val):,}."
            )
        if x_val.shape[1:] != x.shape[1:]:
            raise DatasetError(
                f"'{xv_name}' samples are {x_val.shape[1:]} but '{x_name}' samples "
                f"are {x.shape[1:]}."
            )
    classes = None
    if task == "classification":
        largest = int(
            max(y.max(), y_val.max() if y_val is not None and len(y_val) else 0)
        )
        classes = [str(i) for i in range(largest + 1)]
    return {
        "x": x,
        "y": y,
        "x_val": x_val,
        "y_val": y_val,
        "task": task,
        "classes": classes,
    }


# --- CSV ------------------------------------------------------------------------


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv_label_index(header: list[str], label_column: str) -> int:
    """The label column by name, by index ("0", "-1"), or a guess when empty."""
    wanted = label_column.strip()
    if not wanted:
        lowered = [name.lower() for name in header]
        for guess in ("label", "labels", "target", "class", "y"):
            if guess in lowered:
                return lowered.index(guess)
        return len(header) - 1
    if wanted in header:
        return header.index(wanted)
    try:
        index = int(wanted)
    except ValueError:
        raise DatasetError(
            f"There is no column '{wanted}'. The columns are: {', '.join(header)}."
        ) from None
    if not -len(header) <= index < len(header):
        raise DatasetError(
            f"Column index {index} is out of range: there are {len(header)} columns "
            "(0 is the first, -1 the last)."
        )
    return index % len(header)


def _csv_numbers(cells: list[str], names: list[str], line: int) -> np.ndarray:
    """One row's cells as float32, or a message naming the first bad cell."""
    try:
        values = np.array(cells, dtype=np.float32)
    except ValueError:
        values = None
    if values is not None and np.isfinite(values).all():
        return values
    for cell, name in zip(cells, names, strict=True):
        try:
            value = float(cell)
        except ValueError:
            shown = cell.strip() or "(empty)"
            raise DatasetError(
                f"Line {line}, column '{name}': '{shown}' is not a number."
            ) from None
        if not np.isfinite(value):
            raise DatasetError(
                f"Line {line}, column '{name}': {cell.strip()} is not a finite number."
            )
    raise DatasetError(f"Line {line} could not be read as numbers.")


def _csv_table(
    path: Path, label_column: str
) -> tuple[list[str], int, np.ndarray, list[str], list[int]]:
    """Header, label column, features N×F, label cells and their line numbers.

    Rows are converted as they are read, so a large file never sits in memory
    as text.  The delimiter is whichever of , ; or tab the header uses most.
    """
    if not path.is_file():
        raise DatasetError(f"{path} does not exist or is not a file.")
    header: list[str] = []
    label = 0
    names: list[str] = []
    rows: list[np.ndarray] = []
    labels: list[str] = []
    lines: list[int] = []
    try:
        with path.open(newline="", encoding="utf-8-sig") as stream:
            first = stream.readline()
            stream.seek(0)
            reader = csv.reader(stream, delimiter=max(",;\t", key=first.count))
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                if not header:
                    header = [cell.strip() for cell in row]
                    if all(_is_number(cell) for cell in header):
                        raise DatasetError(
                            f"The first row of {path.name} holds numbers; it should "
                            "name the columns (for example: x1,x2,label)."
                        )
                    if len(header) < 2:
                        raise DatasetError(
                            f"{path.name} has a single column; it needs feature "
                            "columns and a label column."
                        )
                    label = _csv_label_index(header, label_column)
                    names = [n for i, n in enumerate(header) if i != label]
                    continue
                if len(row) != len(header):
                    raise DatasetError(
                        f"Line {reader.line_num} of {path.name} has {len(row)} values "
                        f"but the header names {len(header)} columns."
                    )
                features = row[:label] + row[label + 1 :]
                rows.append(_csv_numbers(features, names, reader.line_num))
                labels.append(row[label].strip())
                lines.append(reader.line_num)
    except UnicodeDecodeError:
        raise DatasetError(f"{path.name} is not a UTF-8 text file.") from None
    except csv.Error as error:
        raise DatasetError(f"{path.name} is not valid CSV: {error}") from None
    except OSError as error:
        raise DatasetError(f"Cannot read {path}: {error.strerror or error}") from None
    if not header:
        raise DatasetError(f"{path.name} is empty.")
    if not rows:
        raise DatasetError(f"{path.name} has a header row but no data rows.")
    return header, label, np.stack(rows), labels, lines


def read_csv(path: str | Path, label_column: str = "", task: str = "auto") -> dict:
    """A CSV file with a header row: every column but the label is a feature.

    ``label_column`` is a column name or index; empty picks a column named
    label/target/class/y, else the last one.  ``task`` "auto" means
    classification when the labels are words or at most 50 distinct whole
    numbers, regression otherwise.
    """
    path = Path(path)
    header, label, x, cells, lines = _csv_table(path, label_column)
    numeric = all(_is_number(cell) for cell in cells)
    values = np.array(cells, dtype=np.float64) if numeric else None
    if task == "auto":
        task = "classification"
        if values is not None:
            whole = bool(np.all(values == np.round(values)))
            few = len(np.unique(values)) <= 50
            if not (whole and few and values.min() >= 0):
                task = "regression"
    if task == "regression":
        column = [header[label]]
        y = np.stack(
            [
                _csv_numbers([c], column, line)
                for c, line in zip(cells, lines, strict=True)
            ]
        )
        classes = None
    elif values is not None:
        if not np.all(values == np.round(values)) or values.min() < 0:
            raise DatasetError(
                f"Column '{header[label]}' holds negative or fractional numbers; "
                "class ids must be 0, 1, 2, … (or choose the regression task)."
            )
        y = values.astype(np.int64)
        classes = [str(i) for i in range(int(y.max()) + 1)]
    else:
        classes = sorted(set(cells))
        index = {name: i for i, name in enumerate(classes)}
        y = np.array([index[cell] for cell in cells], dtype=np.int64)
    return {
        "x": x,
        "y": y,
        "x_val": None,
        "y_val": None,
        "task": task,
        "classes": classes,
    }
