"""Pieces of the engine: devices, the validation split, metrics.json, failure messages."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from training_builders import blobs_dataset

from designer.training.devices import DeviceError, available_devices, resolve_device
from designer.training.engine import (
    TrainingError,
    describe_failure,
    make_schedulers,
    split_data,
)
from designer.training.metrics import EpochMetrics, RunResult, result_to_json
from designer.training.settings import TrainingSettings


def test_the_cpu_is_always_listed_first_and_auto_picks_a_present_device() -> None:
    devices = available_devices()
    assert devices[0].id == "cpu" and devices[0].label.startswith("CPU (")
    assert str(resolve_device("auto")) in {d.id for d in devices}
    assert str(resolve_device("cpu")) == "cpu"


def test_unknown_or_absent_devices_get_a_message() -> None:
    with pytest.raises(DeviceError, match="unknown device 'tpu'"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(
            DeviceError, match="CUDA was asked for.*Use the device 'auto' or 'cpu'"
        ):
            resolve_device("cuda:0")


def test_the_validation_split_is_seeded_disjoint_and_complete() -> None:
    data = blobs_dataset(samples=100)
    data.x[:, 0] = np.arange(100)  # tag every sample
    x_train, y_train, x_val, y_val = split_data(data, 0.25, seed=7)
    assert (
        len(x_train) == 75
        and len(x_val) == 25
        and len(y_train) == 75
        and len(y_val) == 25
    )
    tags = sorted(x_train[:, 0].tolist() + x_val[:, 0].tolist())
    assert tags == list(range(100))
    again = split_data(data, 0.25, seed=7)
    assert np.array_equal(again[2], x_val)
    assert not np.array_equal(split_data(data, 0.25, seed=8)[2], x_val)


def test_a_dataset_with_its_own_validation_part_keeps_it() -> None:
    data = blobs_dataset(samples=50)
    data.x_val, data.y_val = data.x[:5].copy(), data.y[:5].copy()
    x_train, _y, x_val, _yv = split_data(data, 0.5, seed=0)
    assert len(x_train) == 50 and np.array_equal(x_val, data.x[:5])


def test_no_validation_when_the_split_is_zero_and_too_few_samples_are_refused() -> None:
    assert split_data(blobs_dataset(samples=20), 0.0, seed=0)[2] is None
    with pytest.raises(TrainingError, match="too few samples"):
        split_data(blobs_dataset(samples=0), 0.5, seed=0)


def test_metrics_json_writes_non_finite_numbers_as_null_and_accuracy_only_for_classes() -> (
    None
):
    epoch = EpochMetrics(1, math.nan, 0.5, 0.75, 1.23456, 1000.04, 1e-3)
    result = RunResult(
        "finished", [epoch], 0.75, 0.5, "done", "cpu", "digits", "classification"
    )
    data = result_to_json(result, classification=True)
    assert data["epochs"] == [
        {
            "epoch": 1,
            "train_loss": None,
            "val_loss": 0.5,
            "val_accuracy": 0.75,
            "seconds": 1.2346,
            "samples_per_sec": 1000.0,
        }
    ]
    assert (
        data["best_val_accuracy"] == 0.75
        and data["device"] == "cpu"
        and data["dataset"] == "digits"
    )
    assert (
        "val_accuracy" not in result_to_json(result, classification=False)["epochs"][0]
    )


def test_failure_messages_say_what_to_do() -> None:
    settings = TrainingSettings(batch_size=256)
    oom = describe_failure(
        RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB"), settings
    )
    assert oom.startswith(
        "The device ran out of memory. Use a smaller batch size (now 256; try 128)"
    )
    shape = describe_failure(
        RuntimeError("mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)\nmore"),
        settings,
    )
    assert shape.startswith(
        "Training failed while running the model: mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)."
    )
    assert "\n" not in shape


def test_one_cycle_and_cosine_step_per_batch_and_step_decay_per_epoch() -> None:
    model = torch.nn.Linear(2, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for schedule, per_step in (
        ("one_cycle", True),
        ("cosine", True),
        ("step", False),
        ("none", False),
    ):
        schedulers, stepped_per_batch = make_schedulers(
            [optimizer], TrainingSettings(schedule=schedule), 10
        )
        assert stepped_per_batch == per_step and len(schedulers) == (
            0 if schedule == "none" else 1
        )
