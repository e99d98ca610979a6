"""What a loaded dataset is, and how datasets describe themselves to the app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

TASKS = (
    "classification",
    "regression",
    "forecast",
    "sequence_classification",
    "reconstruction",
)
CLASSIFICATION_TASKS = ("classification", "sequence_classification")


@dataclass
class Dataset:
    """Arrays ready for training plus what the app needs to describe them.

    ``x`` is float32 (images N×C×H×W in [0, 1], features N×F, sequences N×L×F)
    or int64 token ids N×L; ``y`` is int64 class ids for classification tasks
    and float32 targets otherwise (for reconstruction ``y`` is ``x``).
    """

    name: str
    x: np.ndarray
    y: np.ndarray
    task: str
    classes: list[str] | None
    x_val: np.ndarray | None = None
    y_val: np.ndarray | None = None
    description: str = ""
    vocab_size: int | None = None

    @property
    def sample_shape(self) -> tuple[int, ...]:
        return tuple(int(d) for d in self.x.shape[1:])

    @property
    def target_shape(self) -> tuple[int, ...]:
        return tuple(int(d) for d in self.y.shape[1:])

    @property
    def num_classes(self) -> int | None:
        return len(self.classes) if self.classes is not None else None

    @property
    def is_tokens(self) -> bool:
        return np.issubdtype(self.x.dtype, np.integer)

    @property
    def is_image(self) -> bool:
        return not self.is_tokens and self.x.ndim == 4

    def __len__(self) -> int:
        return int(self.x.shape[0])


@dataclass(frozen=True)
class DatasetOption:
    """One setting of a dataset, described well enough to build a form for it."""

    name: str
    kind: str  # "int" | "float" | "choice" | "path" | "str"
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class DatasetInfo:
    """A dataset the picker can offer: built in, or a file format."""

    name: str
    title: str
    description: str
    task: str
    options: tuple[DatasetOption, ...]
    is_image: bool = False

    def option(self, name: str) -> DatasetOption | None:
        return next((o for o in self.options if o.name == name), None)
