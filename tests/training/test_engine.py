"""The training engine: learning, control from other threads, failures, checkpoints."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
import torch
from safetensors.torch import load_file
from training_builders import blobs_dataset, mlp_project, regression_dataset

from designer.graph.model import Graph, Project
from designer.training.checkpoints import WeightsError, load_weights, save_weights
from designer.training.datasets.dataset import Dataset
from designer.training.engine import (
    Trainer,
    TrainingCallbacks,
    predict,
    predict_classes,
)
from designer.training.settings import TrainingSettings


class Recorder(TrainingCallbacks):
    def __init__(self) -> None:
        self.events: list[str] = []
        self.info = None
        self.steps = []
        self.epochs = []
        self.snapshots = []
        self.result = None

    def on_start(self, info) -> None:
        self.events.append("start")
        self.info = info

    def on_step(self, update) -> None:
        self.steps.append(update)

    def on_epoch(self, metrics) -> None:
        self.events.append("epoch")
        self.epochs.append(metrics)

    def on_predictions(self, snapshot) -> None:
        self.snapshots.append(snapshot)

    def on_end(self, result) -> None:
        self.events.append("end")
        self.result = result


def settings(**changes) -> TrainingSettings:
    base = TrainingSettings(epochs=3, batch_size=32, lr=3e-3, device="cpu")
    return base.replace(**changes)


def test_loss_goes_down_and_accuracy_is_far_above_chance() -> None:
    recorder = Recorder()
    result = Trainer(
        mlp_project(outputs=4), blobs_dataset(), settings(), recorder
    ).run()
    assert result.status == "finished", result.message
    assert recorder.events == ["start", "epoch", "epoch", "epoch", "end"]
    losses = [m.train_loss for m in result.epochs]
    assert losses[-1] < losses[0] * 0.5
    assert result.epochs[-1].val_accuracy > 0.9  # chance is 0.25
    assert result.best_val_accuracy == max(m.val_accuracy for m in result.epochs)
    assert recorder.info.num_train == 192 and recorder.info.num_val == 48
    assert recorder.info.steps_per_epoch == 6 and recorder.info.device == "cpu"
    assert result.device == "cpu" and result.dataset == "blobs"


def test_epoch_metrics_hold_a_confusion_matrix_and_per_class_accuracy() -> None:
    result = Trainer(mlp_project(outputs=4), blobs_dataset(), settings(epochs=2)).run()
    last = result.epochs[-1]
    assert last.confusion.shape == (4, 4) and last.confusion.sum() == 48
    assert np.trace(last.confusion) / 48 == pytest.approx(last.val_accuracy)
    assert len(last.per_class_accuracy) == 4
    assert last.samples_per_sec > 0 and last.seconds >= last.train_seconds > 0


def test_seeded_runs_repeat_exactly_and_another_seed_differs() -> None:
    def run(seed: int) -> tuple[list[float], torch.Tensor]:
        trainer = Trainer(
            mlp_project(outputs=4), blobs_dataset(), settings(seed=seed, epochs=2)
        )
        result = trainer.run()
        weights = trainer.networks["model"].state_dict()["scores.weight"].clone()
        return [m.train_loss for m in result.epochs] + [
            m.val_loss for m in result.epochs
        ], weights

    first, again, other = run(3), run(3), run(4)
    assert first[0] == again[0] and torch.equal(first[1], again[1])
    assert first[0] != other[0]


def test_step_updates_report_progress_in_order() -> None:
    recorder = Recorder()
    Trainer(
        mlp_project(outputs=4),
        blobs_dataset(),
        settings(epochs=2),
        recorder,
        step_interval_s=0.0,
    ).run()
    steps = recorder.steps
    assert [u.global_step for u in steps] == list(range(1, 13))
    assert (
        steps[-1].run_fraction == 1.0
        and steps[5].epoch_fraction == 1.0
        and steps[6].epoch == 2
    )
    assert all(
        np.isfinite(u.loss) and u.samples_per_sec > 0 and u.eta_seconds >= 0
        for u in steps
    )
    assert steps[-1].eta_seconds == 0.0 and steps[0].lr == pytest.approx(3e-3)


def test_a_two_feature_dataset_gets_a_decision_boundary_grid() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 2)).astype(np.float32)
    y = (x[:, 0] + x[:, 1] > 0).astype(np.int64)
    data = Dataset("halves", x, y, "classification", ["below", "above"])
    recorder = Recorder()
    Trainer(mlp_project(inputs=2, outputs=2), data, settings(epochs=2), recorder).run()
    assert len(recorder.snapshots) == 2
    snap = recorder.snapshots[-1]
    assert snap.grid.xx.shape == (80, 80) and snap.grid.probs.shape == (80, 80, 2)
    assert np.allclose(snap.grid.probs.sum(axis=2), 1.0, atol=1e-5)
    assert (
        snap.x.shape == (16, 2)
        and snap.y_pred.shape == (16,)
        and snap.classes == ["below", "above"]
    )


def test_regression_trains_and_reports_mean_absolute_error() -> None:
    result = Trainer(
        mlp_project(inputs=3, hidden=16, outputs=1),
        regression_dataset(),
        settings(task="regression", loss="mse", lr=1e-2, epochs=8),
    ).run()
    assert result.status == "finished", result.message
    assert result.epochs[-1].val_loss < result.epochs[0].val_loss * 0.5
    assert result.epochs[-1].val_accuracy is None and "mae" in result.epochs[-1].extra


@pytest.mark.parametrize(
    "changes",
    [
        {"optimizer": "sgd", "momentum": 0.9, "nesterov": True, "lr": 0.05},
        {"optimizer": "adamw", "weight_decay": 0.01},
        {"optimizer": "rmsprop", "momentum": 0.0},
        {"schedule": "step", "step_size": 1, "gamma": 0.5},
        {"schedule": "cosine"},
        {"schedule": "one_cycle"},
        {"loss": "bce_with_logits"},
        {"grad_clip": 1.0},
    ],
    ids=lambda c: "-".join(f"{k}={v}" for k, v in c.items()),
)
def test_every_optimizer_schedule_and_loss_trains(changes: dict) -> None:
    result = Trainer(mlp_project(outputs=4), blobs_dataset(), settings(**changes)).run()
    assert result.status == "finished", result.message
    assert result.epochs[-1].val_accuracy > 0.5


def test_the_step_schedule_halves_the_rate_each_epoch() -> None:
    result = Trainer(
        mlp_project(outputs=4),
        blobs_dataset(),
        settings(schedule="step", step_size=1, gamma=0.5),
    ).run()
    assert [m.lr for m in result.epochs] == pytest.approx([1.5e-3, 7.5e-4, 3.75e-4])


def test_nll_trains_a_network_that_ends_in_log_softmax() -> None:
    project = mlp_project(outputs=4)
    graph = project.graph
    scores, output = graph.node_by_name("scores"), graph.node_by_name("logits")
    graph.disconnect(graph.edges_into(output.id)[0])
    log_softmax = graph.add_node("LogSoftmax", "log_probs", {"dim": 1})
    graph.connect(scores.id, "out", log_softmax.id, "in")
    graph.connect(log_softmax.id, "out", output.id, "in")
    result = Trainer(project, blobs_dataset(), settings(loss="nll")).run()
    assert result.status == "finished", result.message
    assert result.epochs[-1].val_accuracy > 0.9


def test_one_logit_with_binary_cross_entropy_classifies_two_classes() -> None:
    data = blobs_dataset(classes=2)
    result = Trainer(
        mlp_project(outputs=1), data, settings(loss="bce_with_logits")
    ).run()
    assert result.status == "finished", result.message
    assert result.epochs[-1].val_accuracy > 0.9


def run_in_thread(trainer: Trainer) -> tuple[threading.Thread, list]:
    box: list = []
    thread = threading.Thread(target=lambda: box.append(trainer.run()), daemon=True)
    thread.start()
    return thread, box


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_pause_resume_and_stop_from_another_thread() -> None:
    recorder = Recorder()
    trainer = Trainer(
        mlp_project(outputs=4),
        blobs_dataset(),
        settings(epochs=100000, batch_size=8),
        recorder,
        step_interval_s=0.0,
    )
    thread, box = run_in_thread(trainer)
    wait_for(lambda: len(recorder.steps) >= 5)
    trainer.pause()
    time.sleep(0.1)  # the step under way may still report
    seen = len(recorder.steps)
    time.sleep(0.3)
    assert len(recorder.steps) == seen and trainer.paused and thread.is_alive()
    trainer.resume()
    wait_for(lambda: len(recorder.steps) > seen + 5)
    trainer.stop()
    thread.join(10)
    assert not thread.is_alive()
    assert box[0].status == "stopped" and box[0].message.startswith("Stopped after")
    assert recorder.result is box[0]


def test_stop_while_paused_ends_the_run() -> None:
    recorder = Recorder()
    trainer = Trainer(
        mlp_project(outputs=4),
        blobs_dataset(),
        settings(epochs=100000),
        recorder,
        step_interval_s=0.0,
    )
    thread, box = run_in_thread(trainer)
    wait_for(lambda: len(recorder.steps) >= 2)
    trainer.pause()
    time.sleep(0.1)
    trainer.stop()
    thread.join(10)
    assert not thread.is_alive() and box[0].status == "stopped"


def test_early_stopping_ends_a_run_that_no_longer_improves() -> None:
    result = Trainer(
        mlp_project(outputs=4),
        blobs_dataset(),
        settings(lr=1e-30, epochs=10, early_stopping=2),
    ).run()
    assert result.status == "early_stopped", result.message
    assert len(result.epochs) == 3 and "has not improved for 2 epochs" in result.message


def test_checkpoints_reload_to_identical_predictions(tmp_path) -> None:
    project, data = mlp_project(outputs=4), blobs_dataset()
    trainer = Trainer(project, data, settings(), checkpoint_dir=tmp_path)
    assert trainer.run().status == "finished"
    best, last = tmp_path / "best.safetensors", tmp_path / "last.safetensors"
    assert best.is_file() and last.is_file()
    reloaded = load_weights(project, last)["model"]
    expected = predict(trainer.networks["model"], data.x)
    assert np.array_equal(predict(reloaded, data.x), expected)
    assert np.array_equal(predict_classes(reloaded, data.x), expected.argmax(axis=1))
    # the file is a plain state_dict that the exported class loads directly
    state = load_file(last)
    assert set(state) == set(trainer.networks["model"].state_dict())


def test_weights_that_do_not_fit_the_graph_are_refused_with_the_reason(
    tmp_path,
) -> None:
    trainer = Trainer(mlp_project(outputs=4), blobs_dataset(), settings(epochs=1))
    trainer.run()
    save_weights(trainer.networks, tmp_path / "w.pt")
    with pytest.raises(
        WeightsError,
        match=r"scores.weight: the file has shape \(4, 32\), the network needs \(3, 32\)",
    ):
        load_weights(mlp_project(outputs=3), tmp_path / "w.pt")
    with pytest.raises(WeightsError, match="there is no weights file"):
        load_weights(mlp_project(outputs=4), tmp_path / "missing.pt")
    (tmp_path / "junk.pt").write_bytes(b"not a checkpoint")
    with pytest.raises(WeightsError, match="is not a weights file"):
        load_weights(mlp_project(outputs=4), tmp_path / "junk.pt")


def test_a_file_with_pickled_objects_is_not_unpickled(tmp_path) -> None:
    torch.save({"weight": torch.zeros(2), "object": Recorder}, tmp_path / "evil.pt")
    with pytest.raises(WeightsError, match="is not a weights file"):
        load_weights(mlp_project(outputs=4), tmp_path / "evil.pt")


def test_an_exploding_loss_fails_with_advice_about_the_learning_rate() -> None:
    recorder = Recorder()
    result = Trainer(
        mlp_project(inputs=3, hidden=16, outputs=1),
        regression_dataset(),
        settings(task="regression", loss="mse", optimizer="sgd", lr=10.0),
        recorder,
    ).run()
    assert result.status == "failed"
    assert (
        "The loss became" in result.message
        and "learning rate (10) is probably too high" in result.message
    )
    assert recorder.events[-1] == "end"


def test_a_shape_error_at_run_time_fails_with_the_reason() -> None:
    data = blobs_dataset()
    data.x_val = np.zeros(
        (10, 65), dtype=np.float32
    )  # validation samples one feature too wide
    data.y_val = np.zeros(10, dtype=np.int64)
    result = Trainer(mlp_project(outputs=4), data, settings(epochs=1)).run()
    assert result.status == "failed"
    assert result.message.startswith(
        "Training failed while running the model: mat1 and mat2 shapes cannot be multiplied"
    )


def test_data_that_does_not_fit_the_model_is_refused_before_training() -> None:
    result = Trainer(
        mlp_project(inputs=10, outputs=4), blobs_dataset(), settings()
    ).run()
    assert result.status == "failed" and result.epochs == []
    assert result.message.startswith("The model and the data do not fit together:")
    assert "Input 'x'" in result.message


def test_an_invalid_graph_is_refused_with_its_problems() -> None:
    graph = Graph("model")
    graph.add_node("Input", "x", {"shape": [64]})
    graph.add_node("Output", "y")
    result = Trainer(Project("broken", [graph]), blobs_dataset(), settings()).run()
    assert result.status == "failed"
    assert result.message.startswith("The model has problems, so it cannot be trained:")
    assert "not connected" in result.message


def test_bad_settings_and_an_absent_device_fail_with_a_message() -> None:
    bad = settings()
    bad.lr = -1.0
    result = Trainer(mlp_project(outputs=4), blobs_dataset(), bad).run()
    assert (
        result.status == "failed"
        and "training.lr: must be a positive number" in result.message
    )
    if not torch.cuda.is_available():
        result = Trainer(
            mlp_project(outputs=4), blobs_dataset(), settings(device="cuda")
        ).run()
        assert result.status == "failed" and "CUDA was asked for" in result.message


def test_the_project_dataset_and_settings_are_used_when_none_are_given() -> None:
    project = mlp_project(inputs=2, outputs=2)
    project.dataset = {"name": "moons", "options": {"n_samples": 100}}
    project.training = {"epochs": 2, "batch_size": 16, "device": "cpu"}
    result = Trainer(project).run()
    assert result.status == "finished", result.message
    assert result.dataset == "moons" and len(result.epochs) == 2


def test_a_project_without_a_dataset_fails_with_a_message() -> None:
    result = Trainer(mlp_project()).run()
    assert result.status == "failed" and "No dataset is chosen" in result.message


def test_notes_tell_about_a_softmax_before_cross_entropy_and_cpu_mixed_precision() -> (
    None
):
    project = mlp_project(outputs=4)
    graph = project.graph
    scores, output = graph.node_by_name("scores"), graph.node_by_name("logits")
    graph.disconnect(graph.edges_into(output.id)[0])
    softmax = graph.add_node("Softmax", "probs", {"dim": 1})
    graph.connect(scores.id, "out", softmax.id, "in")
    graph.connect(softmax.id, "out", output.id, "in")
    recorder = Recorder()
    result = Trainer(
        project, blobs_dataset(), settings(epochs=1, mixed_precision=True), recorder
    ).run()
    assert result.status == "finished", result.message
    notes = " ".join(recorder.info.notes)
    assert "ends in Softmax" in notes and "Mixed precision works on CUDA only" in notes
