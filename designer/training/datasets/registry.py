"""The datasets the app offers, their options, and :func:`load_dataset`.

A dataset spec is ``{"name": "moons", "options": {...}}`` (as stored in a
project file) or a plain name or path.  Option names are the keyword arguments
of the generator or reader, so a spec maps one-to-one onto a function call —
which is also what an exported ``train.py`` does (see :mod:`.source`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from designer.training.datasets import builtin, files
from designer.training.datasets.dataset import Dataset, DatasetInfo, DatasetOption
from designer.training.datasets.download import DOWNLOADS
from designer.training.datasets.errors import DatasetError
from designer.training.datasets.named_downloads import (
    downloadable_key,
    named_dataset_spec,
)

MAX_SAMPLES = 200_000
FASHION_MNIST_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)


def _n_samples(default: int) -> DatasetOption:
    return DatasetOption(
        "n_samples", "int", default, 10, MAX_SAMPLES, help="How many samples to make"
    )


def _noise(default: float, maximum: float = 2.0, help: str = "") -> DatasetOption:
    return DatasetOption(
        "noise",
        "float",
        default,
        0.0,
        maximum,
        help=help or "Standard deviation of the Gaussian noise added",
    )


SEED = DatasetOption(
    "seed",
    "int",
    0,
    0,
    2**32 - 1,
    help="Same seed, same data: change it for a new draw",
)
LAYOUT = DatasetOption(
    "layout",
    "choice",
    "image",
    choices=("image", "flat"),
    help="image: 1×H×W for convolutions; flat: one vector of H·W pixels for Dense layers",
)
TARGET = DatasetOption(
    "target",
    "choice",
    "labels",
    choices=("labels", "inputs"),
    help="labels: the digit 0-9 (classification); inputs: the image itself "
    "(autoencoders)",
)
FILE_TASK = DatasetOption(
    "task",
    "choice",
    "auto",
    choices=("auto", "classification", "regression"),
    help="auto: whole-number labels mean classification, other numbers regression",
)


@dataclass(frozen=True)
class _Builtin:
    info: DatasetInfo
    task: Callable[[Mapping[str, Any]], str]
    classes: Callable[[Mapping[str, Any]], list[str] | None]
    vocab_size: Callable[[Mapping[str, Any]], int | None] = lambda _o: None


def _fixed(task: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda _options: task


def _digit_task(options: Mapping[str, Any]) -> str:
    return "reconstruction" if options["target"] == "inputs" else "classification"


def _digit_classes(options: Mapping[str, Any]) -> list[str] | None:
    return None if options["target"] == "inputs" else [str(i) for i in range(10)]


def _numbered(count: int) -> list[str]:
    return [f"class {i}" for i in range(count)]


def _info(
    name: str, title: str, task: str, description: str, *options: DatasetOption
) -> DatasetInfo:
    return DatasetInfo(
        name=name,
        title=title,
        description=description,
        task=task,
        options=tuple(options),
        is_image=name in ("digits", "digits28"),
    )


_BUILTINS: tuple[_Builtin, ...] = (
    _Builtin(
        _info(
            "digits",
            "Digits 8×8",
            "classification",
            "1,797 real handwritten digits from scikit-learn, 1×8×8 pixels in [0, 1], "
            "classes 0-9.",
            LAYOUT,
            TARGET,
            SEED,
        ),
        _digit_task,
        _digit_classes,
    ),
    _Builtin(
        _info(
            "digits28",
            "Digits 28×28 (MNIST-shaped)",
            "classification",
            "The same digits scaled into a 20×20 box centred in 28×28, as in MNIST, so "
            "MNIST models run unchanged.",
            LAYOUT,
            TARGET,
            SEED,
        ),
        _digit_task,
        _digit_classes,
    ),
    _Builtin(
        _info(
            "moons",
            "Two moons",
            "classification",
            "Two interleaving half circles in 2-D; a curved boundary separates them.",
            _n_samples(500),
            _noise(0.1),
            SEED,
        ),
        _fixed("classification"),
        lambda _o: _numbered(2),
    ),
    _Builtin(
        _info(
            "circles",
            "Circles",
            "classification",
            "A small circle inside a large one in 2-D; no straight line separates them.",
            _n_samples(500),
            _noise(0.05),
            DatasetOption(
                "factor",
                "float",
                0.5,
                0.05,
                0.95,
                help="Inner radius relative to the outer one",
            ),
            SEED,
        ),
        _fixed("classification"),
        lambda _o: ["outer", "inner"],
    ),
    _Builtin(
        _info(
            "spirals",
            "Spirals",
            "classification",
            "Interleaved spiral arms in 2-D, one per class; needs a deeper network.",
            _n_samples(500),
            _noise(0.05),
            DatasetOption("n_classes", "int", 2, 2, 8, help="Number of arms (classes)"),
            DatasetOption(
                "turns", "float", 1.5, 0.25, 5.0, help="How often each arm winds round"
            ),
            SEED,
        ),
        _fixed("classification"),
        lambda o: _numbered(o["n_classes"]),
    ),
    _Builtin(
        _info(
            "xor",
            "XOR",
            "classification",
            "Points in the square [-1, 1]²; class 1 where the two coordinates have "
            "opposite signs. No single neuron can separate it.",
            _n_samples(500),
            _noise(0.05),
            SEED,
        ),
        _fixed("classification"),
        lambda _o: ["same sign", "opposite signs"],
    ),
    _Builtin(
        _info(
            "blobs",
            "Gaussian blobs",
            "classification",
            "Gaussian clusters, one per class.",
            _n_samples(500),
            DatasetOption("n_classes", "int", 3, 2, 20, help="Number of clusters"),
            DatasetOption(
                "n_features", "int", 2, 1, 100, help="Number of input features"
            ),
            _noise(0.6, 5.0, "Spread (standard deviation) of each cluster"),
            SEED,
        ),
        _fixed("classification"),
        lambda o: _numbered(o["n_classes"]),
    ),
    _Builtin(
        _info(
            "sine",
            "Sine curve",
            "regression",
            "y = sin(x) + noise: one input, one target.",
            _n_samples(500),
            _noise(0.1),
            DatasetOption(
                "periods",
                "float",
                1.0,
                0.25,
                10.0,
                help="x covers [-π·periods, π·periods]",
            ),
            SEED,
        ),
        _fixed("regression"),
        lambda _o: None,
    ),
    _Builtin(
        _info(
            "polynomial",
            "Polynomial",
            "regression",
            "A polynomial of the chosen degree with roots spread over [-0.8, 0.8], "
            "plus noise: one input, one target.",
            _n_samples(500),
            DatasetOption("degree", "int", 3, 1, 8, help="Degree of the polynomial"),
            _noise(0.05),
            SEED,
        ),
        _fixed("regression"),
        lambda _o: None,
    ),
    _Builtin(
        _info(
            "sine_forecast",
            "Sine forecasting",
            "forecast",
            "Windows of a noisy sum of three sines (N×window×1); predict the next "
            "values (N×horizon).",
            _n_samples(1000),
            DatasetOption("window", "int", 32, 2, 1000, help="Steps the model sees"),
            DatasetOption("horizon", "int", 1, 1, 100, help="Steps ahead to predict"),
            _noise(0.05),
            SEED,
        ),
        _fixed("forecast"),
        lambda _o: None,
    ),
    _Builtin(
        _info(
            "tokens_majority",
            "Majority token",
            "sequence_classification",
            "Sequences of token ids; the class is the token that appears most "
            "often (never a tie).",
            _n_samples(2000),
            DatasetOption("length", "int", 16, 3, 512, help="Tokens per sequence"),
            DatasetOption(
                "vocab_size", "int", 4, 2, 64, help="Number of different tokens"
            ),
            SEED,
        ),
        _fixed("sequence_classification"),
        lambda o: [f"token {i}" for i in range(o["vocab_size"])],
        lambda o: o["vocab_size"],
    ),
    _Builtin(
        _info(
            "tokens_sorted",
            "Sorted or not",
            "sequence_classification",
            "Sequences of token ids; the class says whether they are in ascending "
            "order. Half are sorted.",
            _n_samples(2000),
            DatasetOption("length", "int", 10, 2, 512, help="Tokens per sequence"),
            DatasetOption(
                "vocab_size", "int", 10, 2, 1000, help="Number of different tokens"
            ),
            SEED,
        ),
        _fixed("sequence_classification"),
        lambda _o: ["not sorted", "sorted"],
        lambda o: o["vocab_size"],
    ),
)
BUILTINS: dict[str, _Builtin] = {entry.info.name: entry for entry in _BUILTINS}


def _path_option(help: str) -> DatasetOption:
    return DatasetOption("path", "path", "", help=help)


FORMATS: dict[str, DatasetInfo] = {
    info.name: info
    for info in (
        DatasetInfo(
            "idx",
            "MNIST / Fashion-MNIST (IDX files)",
            "A folder holding train-images-idx3-ubyte and train-labels-idx1-ubyte "
            "(raw or .gz), and optionally the t10k-* test files.",
            "classification",
            (
                _path_option("The folder holding the IDX files"),
                DatasetOption(
                    "class_names",
                    "str",
                    "",
                    help="Optional comma-separated class names, e.g. for Fashion-MNIST",
                ),
            ),
            is_image=True,
        ),
        DatasetInfo(
            "npz",
            "NumPy arrays (.npz)",
            "A .npz archive with arrays x and y, or x_train, y_train and optionally "
            "x_test, y_test.",
            "classification",
            (_path_option("The .npz file"), FILE_TASK),
        ),
        DatasetInfo(
            "csv",
            "Table (CSV)",
            "A CSV file with a header row; one column holds the labels, the others "
            "are features.",
            "classification",
            (
                _path_option("The .csv file"),
                DatasetOption(
                    "label_column",
                    "str",
                    "",
                    help="Name or number (0 = first, -1 = last) of the label column; "
                    "empty: a column named label/target/class/y, else the last",
                ),
                FILE_TASK,
            ),
        ),
        DatasetInfo(
            "image_folder",
            "Image folder",
            "A folder with one sub-folder of images (PNG, JPEG, …) per class.",
            "classification",
            (
                _path_option("The folder holding one sub-folder per class"),
                DatasetOption(
                    "size", "int", 28, 4, 512, help="Images are resized to size×size"
                ),
                DatasetOption(
                    "color",
                    "choice",
                    "grayscale",
                    choices=("grayscale", "rgb"),
                    help="grayscale: 1 channel; rgb: 3 channels",
                ),
            ),
            is_image=True,
        ),
        DatasetInfo(
            "cifar10_binary",
            "CIFAR-10 (binary version)",
            "The cifar-10-batches-bin folder: data_batch_1..5.bin and test_batch.bin.",
            "classification",
            (_path_option("The cifar-10-batches-bin folder"),),
            is_image=True,
        ),
    )
}
READERS: dict[str, Callable[..., dict]] = {
    "idx": files.read_idx_folder,
    "npz": files.read_npz,
    "csv": files.read_csv,
    "image_folder": files.read_image_folder,
    "cifar10_binary": files.read_cifar10_binary,
}


def builtin_datasets() -> list[DatasetInfo]:
    """The datasets made on the spot, needing no files and no network."""
    return [entry.info for entry in _BUILTINS]


def file_formats() -> list[DatasetInfo]:
    """The file formats :func:`load_dataset` reads."""
    return list(FORMATS.values())


def generator_for(name: str) -> Callable[..., tuple[np.ndarray, np.ndarray]]:
    return getattr(builtin, f"make_{name}")


# --- options ------------------------------------------------------------------------


def _number_text(value: float) -> str:
    return f"{value:g}"


def _check_option(dataset: str, option: DatasetOption, value: Any) -> Any:
    where = f"{dataset}: option '{option.name}'"
    if option.kind == "int":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise DatasetError(f"{where} must be a whole number, not {value!r}.")
    elif option.kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DatasetError(f"{where} must be a number, not {value!r}.")
        value = float(value)
        if not math.isfinite(value):
            raise DatasetError(f"{where} must be a finite number.")
    elif option.kind == "choice":
        if value not in option.choices:
            raise DatasetError(
                f"{where} must be one of {', '.join(option.choices)}, not {value!r}."
            )
    elif option.kind == "path":
        if isinstance(value, os.PathLike):
            value = os.fspath(value)
        if not isinstance(value, str) or not value.strip():
            raise DatasetError(f"{dataset}: choose a file or folder (option 'path').")
    elif not isinstance(value, str):
        raise DatasetError(f"{where} must be text, not {value!r}.")
    if option.kind in ("int", "float"):
        low, high = option.minimum, option.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            raise DatasetError(
                f"{where} must be between {_number_text(low)} and "
                f"{_number_text(high)}; it is {_number_text(value)}."
            )
    return value


def validate_options(info: DatasetInfo, options: Mapping[str, Any] | None) -> dict:
    """Every option of ``info`` checked, with defaults for the ones not given."""
    options = {} if options is None else options
    if not isinstance(options, Mapping):
        raise DatasetError(
            f"{info.name}: the options must be a mapping of names to values."
        )
    known = {o.name for o in info.options}
    unknown = sorted(set(options) - known)
    if unknown:
        raise DatasetError(
            f"{info.name} has no option {', '.join(repr(u) for u in unknown)}. "
            f"Its options are: {', '.join(o.name for o in info.options)}."
        )
    return {
        o.name: _check_option(info.name, o, options.get(o.name, o.default))
        for o in info.options
    }


# --- loading --------------------------------------------------------------------------


def detect_format(path: str | Path) -> str:
    """Which file format a path holds, judged by its name and folder contents."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".npz":
        return "npz"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if path.is_file() and ("ubyte" in path.name.lower()):
        return "idx"
    if path.is_file() and path.name.endswith(".bin"):
        return "cifar10_binary"
    if path.is_dir():
        names = [p.name.lower() for p in path.iterdir()]
        if any("idx3-ubyte" in n or "idx1-ubyte" in n for n in names):
            return "idx"
        if "cifar-10-batches-bin" in names or any(
            n.startswith("data_batch_") and n.endswith(".bin") for n in names
        ):
            return "cifar10_binary"
        if any((path / n).is_dir() for n in os.listdir(path)):
            return "image_folder"
    if not path.exists():
        raise DatasetError(f"{path} does not exist.")
    raise DatasetError(
        f"Cannot tell what kind of dataset {path} is. Use a .npz or .csv file, a "
        "folder of MNIST IDX files, a CIFAR-10 binary folder, or a folder with one "
        "sub-folder of images per class."
    )


def _known_names() -> str:
    return (
        f"built in: {', '.join(BUILTINS)}; downloaded: {', '.join(DOWNLOADS)}; "
        f"from files: {', '.join(FORMATS)} (or give a file or folder path)"
    )


def parse_spec(spec: Mapping[str, Any] | str | os.PathLike) -> tuple[str, dict]:
    """(name, options) from a spec dict, a name or a path; options not yet checked."""
    if isinstance(spec, os.PathLike):
        spec = os.fspath(spec)
    if isinstance(spec, str):
        text = spec.strip()
        if not text:
            raise DatasetError(f"No dataset chosen. Known datasets: {_known_names()}.")
        if text in BUILTINS or text in FORMATS:
            return text, {}
        key = downloadable_key(text)
        if key is not None:
            return named_dataset_spec(key)
        if os.sep in text or "/" in text or Path(text).suffix or Path(text).exists():
            return detect_format(text), {"path": text}
        raise DatasetError(
            f"Unknown dataset '{text}'. Known datasets: {_known_names()}."
        )
    if not isinstance(spec, Mapping):
        raise DatasetError(
            "A dataset is given by its name or a {'name', 'options'} mapping."
        )
    name = spec.get("name")
    options = spec.get("options") or {}
    if not isinstance(options, Mapping):
        raise DatasetError(
            "The dataset's options must be a mapping of option names to values."
        )
    options = dict(options)
    if "path" in spec and "path" not in options:
        options["path"] = spec["path"]
    if not isinstance(name, str) or not name.strip():
        if "path" in options:
            return detect_format(options["path"]), options
        raise DatasetError(
            f"The dataset has no name. Known datasets: {_known_names()}."
        )
    name = name.strip()
    key = downloadable_key(name)
    if key is not None and name not in FORMATS:
        return named_dataset_spec(key)
    if name not in BUILTINS and name not in FORMATS:
        raise DatasetError(
            f"Unknown dataset '{name}'. Known datasets: {_known_names()}."
        )
    return name, options


def _describe(x: np.ndarray, classes: list[str] | None, task: str) -> str:
    shape = "×".join(str(d) for d in x.shape[1:])
    text = f"{len(x):,} samples of {shape}"
    if classes is not None:
        text += f", {len(classes)} classes"
    elif task in ("regression", "forecast"):
        text += ", numeric targets"
    return text


def _load_builtin(entry: _Builtin, options: dict) -> Dataset:
    x, y = generator_for(entry.info.name)(**options)
    task = entry.task(options)
    classes = entry.classes(options)
    return Dataset(
        name=entry.info.name,
        x=x,
        y=y,
        task=task,
        classes=classes,
        description=f"{entry.info.title}: {_describe(x, classes, task)}.",
        vocab_size=entry.vocab_size(options),
    )


def _load_file(name: str, options: dict) -> Dataset:
    try:
        data = READERS[name](**options)
    except MemoryError:
        raise DatasetError(
            f"{options['path']} is too large to load into memory."
        ) from None
    except OSError as error:
        raise DatasetError(
            f"Cannot read {options['path']}: {error.strerror or error}"
        ) from None
    except DatasetError:
        raise
    except Exception as error:  # a file nobody foresaw: a message, not a crash
        raise DatasetError(
            f"Cannot read {options['path']} as {FORMATS[name].title}: "
            f"{type(error).__name__}: {error}"
        ) from error
    x, y = data["x"], data["y"]
    if len(x) == 0:
        raise DatasetError(f"{options['path']} holds no samples.")
    return Dataset(
        name=str(options["path"]),
        x=x,
        y=y,
        task=data["task"],
        classes=data["classes"],
        x_val=data["x_val"],
        y_val=data["y_val"],
        description=f"{FORMATS[name].title}: {_describe(x, data['classes'], data['task'])}"
        + (
            f", plus {len(data['x_val']):,} test samples"
            if data["x_val"] is not None
            else ""
        )
        + ".",
    )


def resolve_spec(spec: Mapping[str, Any] | str | os.PathLike) -> tuple[str, dict]:
    """(name, checked options with defaults) for a spec."""
    name, options = parse_spec(spec)
    info = BUILTINS[name].info if name in BUILTINS else FORMATS[name]
    return name, validate_options(info, options)


def load_dataset(spec: Mapping[str, Any] | str | os.PathLike) -> Dataset:
    """Make a built-in dataset or read a file, with options checked first.

    Raises :class:`DatasetError` with a message for people on any problem.
    """
    name, options = resolve_spec(spec)
    if name in BUILTINS:
        return _load_builtin(BUILTINS[name], options)
    return _load_file(name, options)
