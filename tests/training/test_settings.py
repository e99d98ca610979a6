"""Training settings: defaults, round trips and messages for people."""

from __future__ import annotations

import dataclasses

import pytest

from designer.training.settings import (
    FIELD_SPECS,
    LOSSES,
    OPTIMIZERS,
    SCHEDULES,
    SettingsError,
    TrainingSettings,
)


def problems_of(data: dict) -> list[str]:
    with pytest.raises(SettingsError) as caught:
        TrainingSettings.from_dict(data)
    return caught.value.problems


def test_missing_keys_take_defaults_and_round_trip() -> None:
    settings = TrainingSettings.from_dict({"lr": 0.01, "epochs": 3})
    assert settings.lr == 0.01 and settings.epochs == 3 and settings.optimizer == "adam"
    assert TrainingSettings.from_dict(settings.to_dict()) == settings
    assert TrainingSettings.from_dict(None) == TrainingSettings()


def test_a_bad_learning_rate_is_named_with_its_value() -> None:
    assert problems_of({"lr": "x"}) == [
        "training.lr: must be a positive number, got 'x'"
    ]
    assert problems_of({"lr": -1})[0].startswith(
        "training.lr: must be a positive number"
    )


def test_every_problem_is_listed_at_once() -> None:
    problems = problems_of(
        {
            "batch_size": 0,
            "optimizer": "lbfgs",
            "val_split": 0.95,
            "mixed_precision": "yes",
        }
    )
    assert problems == [
        "training.optimizer: must be one of 'sgd', 'adam', 'adamw', 'rmsprop', got 'lbfgs'",
        "training.batch_size: must be an integer of at least 1, got 0",
        "training.val_split: must be a number of at most 0.9, got 0.95",
        "training.mixed_precision: must be true or false, got 'yes'",
    ]


def test_unknown_keys_are_refused() -> None:
    (problem,) = problems_of({"learning_rate": 0.1})
    assert problem.startswith(
        "training.learning_rate: unknown setting (known settings: batch_size"
    )


def test_the_loss_must_fit_the_task() -> None:
    (problem,) = problems_of({"task": "classification", "loss": "mse"})
    assert (
        "does not fit the task Classification" in problem and "cross_entropy" in problem
    )
    assert (
        TrainingSettings.from_dict({"task": "regression", "loss": "huber"}).loss
        == "huber"
    )


def test_nesterov_needs_sgd_with_momentum() -> None:
    (problem,) = problems_of({"nesterov": True, "optimizer": "adam"})
    assert problem.startswith("training.nesterov:")
    assert TrainingSettings.from_dict(
        {"nesterov": True, "optimizer": "sgd", "momentum": 0.9}
    ).nesterov


def test_whole_number_floats_are_accepted_for_counts_but_fractions_are_not() -> None:
    assert TrainingSettings.from_dict({"epochs": 4.0}).epochs == 4
    assert problems_of({"epochs": 2.5}) == [
        "training.epochs: must be a positive integer, got 2.5"
    ]


def test_devices_accept_a_particular_gpu() -> None:
    assert TrainingSettings.from_dict({"device": "cuda:1"}).device == "cuda:1"
    assert problems_of({"device": "tpu"})[0].startswith(
        "training.device: must be one of 'auto', 'cpu', 'cuda', 'mps'"
    )


def test_instances_edited_in_place_are_validated_too() -> None:
    settings = TrainingSettings()
    settings.lr = 0.0
    assert settings.problems() == ["training.lr: must be a positive number, got 0.0"]
    with pytest.raises(SettingsError):
        settings.validate()


def test_the_form_description_covers_every_field_and_every_choice() -> None:
    assert set(FIELD_SPECS) == {f.name for f in dataclasses.fields(TrainingSettings)}
    assert FIELD_SPECS["loss"].choices == tuple(LOSSES)
    assert {"cross_entropy", "nll", "mse", "l1", "bce_with_logits", "huber"} <= set(
        LOSSES
    )
    assert (
        FIELD_SPECS["optimizer"].choices
        == tuple(OPTIMIZERS)
        == ("sgd", "adam", "adamw", "rmsprop")
    )
    assert (
        FIELD_SPECS["schedule"].choices
        == tuple(SCHEDULES)
        == ("none", "step", "cosine", "one_cycle")
    )
    assert {"classification", "regression"} <= set(FIELD_SPECS["task"].choices)
    for spec in FIELD_SPECS.values():
        assert spec.default == getattr(TrainingSettings(), spec.name)
        assert spec.label and spec.help
