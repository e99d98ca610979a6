"""A few samples with readable labels, for the dataset picker's preview."""

from __future__ import annotations

import numpy as np

from designer.training.datasets.dataset import CLASSIFICATION_TASKS, Dataset


def _label_text(dataset: Dataset, index: int) -> str:
    target = dataset.y[index]
    if dataset.task in CLASSIFICATION_TASKS and dataset.classes is not None:
        class_id = int(target)
        if 0 <= class_id < len(dataset.classes):
            return dataset.classes[class_id]
        return str(class_id)
    if dataset.task == "reconstruction":
        return f"sample {index}"
    values = np.ravel(target)
    shown = ", ".join(f"{v:.3g}" for v in values[:4])
    more = ", …" if values.size > 4 else ""
    word = "next" if dataset.task == "forecast" else "y"
    return f"{word} = {shown}{more}"


def preview_indices(dataset: Dataset, count: int) -> list[int]:
    """One sample per class first (in class order), then spread over the rest."""
    total = len(dataset)
    count = max(0, min(count, total))
    chosen: list[int] = []
    if dataset.task in CLASSIFICATION_TASKS and dataset.y.ndim == 1:
        for class_id in np.unique(dataset.y):
            if len(chosen) == count:
                break
            chosen.append(int(np.flatnonzero(dataset.y == class_id)[0]))
    for index in np.linspace(0, total - 1, count, dtype=int):
        if len(chosen) == count:
            break
        if int(index) not in chosen:
            chosen.append(int(index))
    for index in range(total):  # only when the spread hit chosen ones
        if len(chosen) == count:
            break
        if index not in chosen:
            chosen.append(index)
    return chosen


def preview_samples(dataset: Dataset, count: int = 8) -> list[tuple[np.ndarray, str]]:
    """(sample, label text) pairs; samples keep their dataset shape."""
    return [
        (dataset.x[i], _label_text(dataset, i)) for i in preview_indices(dataset, count)
    ]
