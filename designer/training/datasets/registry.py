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
from pathlib import Path
from typing import Any

import numpy as np

from designer.training.datasets import builtin
from designer.training.datasets.catalog import (
    _BUILTINS,
    BUILTINS,
    FORMATS,
    READERS,
    _Builtin,
)
from designer.training.datasets.dataset import Dataset, DatasetInfo, DatasetOption
from designer.training.datasets.download import DOWNLOADS
from designer.training.datasets.errors import DatasetError
from designer.training.datasets.named_downloads import (
    downloadable_key,
    named_dataset_spec,
)


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
