"""Sequence classification: the Transformer sample learns the majority-token task."""

from __future__ import annotations

import numpy as np
from task_helpers import first, sample, train

from designer.training.datasets import load_dataset
from designer.training.settings import TrainingSettings
from designer.training.tasks import create_task


def test_the_transformer_sample_learns_the_majority_token() -> None:
    dataset = first(load_dataset({"name": "tokens_majority"}), 480)
    result, recorder, _ = train(sample("transformer"), dataset, epochs=3)
    assert result.status == "finished", result.message
    assert recorder.info.task == "sequence_classification"
    losses = [m.train_loss for m in recorder.epochs]
    assert losses[-1] < losses[0]
    last = recorder.epochs[-1]
    assert (
        last.val_accuracy is not None and last.val_accuracy > 0.5
    )  # four classes: chance is 25%
    assert last.confusion.shape == (4, 4) and last.confusion.sum() == 96
    snapshot = recorder.snapshots[-1]
    assert snapshot.classes == [f"token {i}" for i in range(4)]
    assert snapshot.x.dtype == np.int64 and snapshot.probs.shape[1] == 4


def test_sequence_classification_refuses_numeric_targets() -> None:
    dataset = load_dataset({"name": "sine_forecast", "options": {"n_samples": 40}})
    result, _recorder, _ = train(sample("transformer"), dataset, epochs=1)
    assert result.status == "failed"
    assert "token ids" in result.message or "numeric targets" in result.message


def test_the_task_is_registered_with_classification_losses() -> None:
    assert create_task("sequence_classification").name == "sequence_classification"
    assert (
        TrainingSettings.from_dict(
            {"task": "sequence_classification", "loss": "nll"}
        ).loss
        == "nll"
    )
