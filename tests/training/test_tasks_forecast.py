"""Sequence forecasting: the loss falls, the naive baseline is right, forecasts reach the UI."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from task_helpers import sample, train

from designer.training.datasets import load_dataset
from designer.training.tasks.forecast import last_value_forecast


def sine(samples: int = 240, horizon: int = 1):
    return load_dataset(
        {"name": "sine_forecast", "options": {"n_samples": samples, "horizon": horizon}}
    )


def test_the_rnn_sample_learns_and_reports_its_baseline() -> None:
    dataset = sine()
    result, recorder, trainer = train(sample("rnn"), dataset, epochs=4, val_split=0.25)
    assert result.status == "finished", result.message
    first, last = recorder.epochs[0], recorder.epochs[-1]
    assert last.train_loss < first.train_loss
    assert set(last.extra) >= {"val_mse", "mae", "baseline_mse"}
    assert last.extra["val_mse"] == pytest.approx(
        last.val_loss, rel=1e-5
    )  # the loss is MSE here

    # The baseline repeats each validation window's last value.
    x_val, y_val = _validation(dataset, trainer)
    expected = float(np.mean((x_val[:, -1, 0:1] - y_val) ** 2))
    assert last.extra["baseline_mse"] == pytest.approx(expected, rel=1e-5)


def _validation(dataset, trainer):
    from designer.training.engine import split_data

    _x, _y, x_val, y_val = split_data(
        dataset, trainer.settings.val_split, trainer.settings.seed
    )
    return x_val, y_val


def test_the_forecast_preview_holds_history_truth_and_prediction() -> None:
    result, recorder, _ = train(
        sample("rnn"), sine(120, horizon=3), epochs=1, batch_size=64
    )
    # The sample's Dense gives one value; three-step forecasts need three.
    assert result.status == "failed" and "3" in result.message

    project = sample("rnn")
    dense = project.graph.node_by_name("dense")
    project.graph.set_param(dense.id, "out_features", 3)
    result, recorder, _ = train(project, sine(120, horizon=3), epochs=1, batch_size=64)
    assert result.status == "finished", result.message
    preview = recorder.snapshots[-1].previews["forecast"]
    k = preview["history"].shape[0]
    assert preview["history"].shape == (k, 32)
    assert preview["truth"].shape == (k, 3) and preview["prediction"].shape == (k, 3)
    assert np.isfinite(preview["prediction"]).all()


def test_the_naive_forecast_repeats_the_last_value() -> None:
    x = torch.arange(12, dtype=torch.float32).reshape(2, 6, 1)
    targets = torch.zeros(2, 3)
    assert last_value_forecast(x, targets).tolist() == [[5, 5, 5], [11, 11, 11]]
    several = torch.arange(12, dtype=torch.float32).reshape(
        2, 3, 2
    )  # two features predict two values
    assert last_value_forecast(several, torch.zeros(2, 2)).tolist() == [
        [4, 5],
        [10, 11],
    ]
    assert last_value_forecast(several, torch.zeros(2, 3)) is None
    assert last_value_forecast(torch.zeros(2, 4, dtype=torch.long), targets) is None


def test_same_seed_same_run() -> None:
    losses = []
    for _ in range(2):
        _result, recorder, _ = train(sample("rnn"), sine(96), epochs=2)
        losses.append(
            [(m.train_loss, m.val_loss, m.extra["val_mse"]) for m in recorder.epochs]
        )
    assert losses[0] == losses[1]


def test_the_epoch_loss_does_not_depend_on_how_often_progress_is_read() -> None:
    from task_helpers import Recorder

    from designer.training.engine import Trainer
    from designer.training.settings import TrainingSettings

    project = sample("rnn")
    settings = TrainingSettings.from_dict(project.training).replace(
        device="cpu", epochs=2, batch_size=8
    )
    losses = []
    for interval in (0.0, 3600.0):  # progress after every step, or never
        recorder = Recorder()
        Trainer(project, sine(96), settings, recorder, step_interval_s=interval).run()
        losses.append([m.train_loss for m in recorder.epochs])
    assert losses[0] == losses[1]
