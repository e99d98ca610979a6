"""Shared pieces of the task tests (tests/training/test_tasks_*.py): samples, small data, a recorder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from designer.graph.model import Project
from designer.graph.project_file import load_project
from designer.training.datasets import Dataset, load_dataset
from designer.training.engine import Trainer, TrainingCallbacks
from designer.training.metrics import RunResult
from designer.training.settings import TrainingSettings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


class Recorder(TrainingCallbacks):
    def __init__(self) -> None:
        self.info: Any = None
        self.epochs: list[Any] = []
        self.snapshots: list[Any] = []

    def on_start(self, info: Any) -> None:
        self.info = info

    def on_epoch(self, metrics: Any) -> None:
        self.epochs.append(metrics)

    def on_predictions(self, snapshot: Any) -> None:
        self.snapshots.append(snapshot)


def sample(name: str) -> Project:
    return load_project(SAMPLES / f"{name}.json")


def first(dataset: Dataset, count: int) -> Dataset:
    """The first ``count`` samples of a dataset (the built-ins come shuffled)."""
    return Dataset(
        name=dataset.name,
        x=np.ascontiguousarray(dataset.x[:count]),
        y=np.ascontiguousarray(dataset.y[:count]),
        task=dataset.task,
        classes=dataset.classes,
        vocab_size=dataset.vocab_size,
    )


def small_digits(count: int = 320) -> Dataset:
    return first(load_dataset({"name": "digits"}), count)


def train(
    project: Project, dataset: Dataset, **changes: Any
) -> tuple[RunResult, Recorder, Trainer]:
    """Train with the project's settings, changed as asked, on the CPU."""
    settings = TrainingSettings.from_dict(project.training).replace(
        device="cpu", **changes
    )
    recorder = Recorder()
    trainer = Trainer(project, dataset, settings, recorder)
    result = trainer.run()
    return result, recorder, trainer
