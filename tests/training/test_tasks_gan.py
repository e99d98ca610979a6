"""GAN: alternating steps, both networks learn, finite losses, a fixed-noise sample grid."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
import torch
from task_helpers import Recorder, sample, small_digits, train

from designer.training.engine import Trainer
from designer.training.settings import TrainingSettings


def _parameters(module: torch.nn.Module) -> list[torch.Tensor]:
    return [p.detach().clone() for p in module.parameters()]


class Before(Recorder):
    """Keeps both networks' parameters as they are when the first step is about to run."""

    def __init__(self, trainer_box: list[Trainer]) -> None:
        super().__init__()
        self.trainer_box = trainer_box
        self.before: dict[str, list[torch.Tensor]] = {}

    def on_start(self, info: Any) -> None:
        super().on_start(info)
        task = self.trainer_box[0].task
        self.before = {
            "generator": _parameters(task.generator),
            "discriminator": _parameters(task.discriminator),
        }


def test_the_gan_sample_alternates_steps_and_trains_both_networks() -> None:
    project = sample("gan")
    settings = TrainingSettings.from_dict(project.training).replace(
        device="cpu", epochs=3, batch_size=32
    )
    box: list[Trainer] = []
    recorder = Before(box)
    trainer = Trainer(project, small_digits(256), settings, recorder)
    box.append(trainer)
    result = trainer.run()
    assert result.status == "finished", result.message
    assert recorder.info.num_val == 0  # a GAN needs no validation split
    task = trainer.task
    steps = recorder.info.steps_per_epoch * 3
    assert task.d_steps == steps and task.g_steps == steps
    for role in ("generator", "discriminator"):
        after = _parameters(getattr(task, role))
        assert all(
            not torch.equal(a, b)
            for a, b in zip(recorder.before[role], after, strict=True)
        ), role
    for metrics in result.epochs:
        terms = metrics.extra
        assert set(terms) == {"d_loss", "g_loss", "d_real", "d_fake"}
        assert all(math.isfinite(v) for v in terms.values())
        assert 0.0 < terms["d_fake"] < 1.0 and 0.0 < terms["d_real"] < 1.0
        assert metrics.val_loss is None
        assert metrics.train_loss == pytest.approx(
            terms["d_loss"] + terms["g_loss"], rel=1e-4
        )

    grids = [s.previews["samples"]["images"] for s in recorder.snapshots]
    assert (
        grids[-1].shape == (64, 1, 8, 8)
        and grids[-1].min() >= 0.0
        and grids[-1].max() <= 1.0
    )
    assert not np.allclose(grids[0], grids[-1])
    # The grid comes from a fixed noise batch: generating from it again gives the same images.
    with torch.no_grad():
        task.generator.eval()
        again = task.generate(task.fixed_noise).numpy()
    np.testing.assert_allclose(again, grids[-1], atol=1e-6)


class Frozen(Recorder):
    """Freezes one of the two networks (learning rate 0) when the run starts."""

    def __init__(self, trainer_box: list[Trainer], frozen: str) -> None:
        super().__init__()
        self.trainer_box, self.frozen = trainer_box, frozen

    def on_start(self, info: Any) -> None:
        super().on_start(info)
        task = self.trainer_box[0].task
        optimizer = task.g_optimizer if self.frozen == "generator" else task.d_optimizer
        for group in optimizer.param_groups:
            group["lr"] = 0.0


@pytest.mark.parametrize(
    ("frozen", "falling"), [("generator", "d_loss"), ("discriminator", "g_loss")]
)
def test_each_loss_falls_when_the_other_network_stands_still(
    frozen: str, falling: str
) -> None:
    project = sample("gan")
    settings = TrainingSettings.from_dict(project.training).replace(
        device="cpu", epochs=4, batch_size=32, lr=1e-3
    )
    box: list[Trainer] = []
    recorder = Frozen(box, frozen)
    trainer = Trainer(project, small_digits(192), settings, recorder)
    box.append(trainer)
    result = trainer.run()
    assert result.status == "finished", result.message
    losses = [m.extra[falling] for m in recorder.epochs]
    assert losses[-1] < 0.9 * losses[0], losses
    last = recorder.epochs[-1].extra
    if frozen == "generator":
        assert (
            last["d_real"] > 0.5 > last["d_fake"]
        )  # the discriminator tells them apart
    else:
        assert (
            last["d_fake"] > recorder.epochs[0].extra["d_fake"]
        )  # the generator fools it more


def test_with_a_validation_split_the_discriminator_is_measured_on_held_out_samples() -> (
    None
):
    result, recorder, _ = train(
        sample("gan"), small_digits(160), epochs=1, val_split=0.25
    )
    assert result.status == "finished", result.message
    metrics = recorder.epochs[-1]
    assert metrics.val_loss is not None and math.isfinite(metrics.val_loss)
    assert {"val_d_real", "val_d_fake"} <= set(metrics.extra)


def test_label_smoothing_lowers_the_real_label() -> None:
    _result, _recorder, trainer = train(
        sample("gan"), small_digits(64), epochs=1, label_smoothing=0.2
    )
    assert trainer.task.real_label == pytest.approx(0.8)


def test_the_networks_must_be_named_generator_and_discriminator() -> None:
    project = sample("gan")
    project.networks[0].name = "maker"
    result, _recorder, _ = train(project, small_digits(64), epochs=1)
    assert result.status == "failed"
    assert (
        "'generator' and 'discriminator'" in result.message
        and "'maker'" in result.message
    )


def test_a_generator_that_makes_the_wrong_shape_is_refused() -> None:
    project = sample("gan")
    generator = project.network("generator")
    generator.set_param(generator.node_by_name("to_image").id, "shape", [1, 4, 16])
    result, _recorder, _ = train(project, small_digits(64), epochs=1)
    assert result.status == "failed"
    assert "the generator makes samples of shape" in result.message


def test_label_smoothing_is_checked_and_matters_for_the_gan_only() -> None:
    from designer.training.settings import FIELD_SPECS, SettingsError

    with pytest.raises(SettingsError) as caught:
        TrainingSettings.from_dict(
            {"task": "gan", "loss": "bce_with_logits", "label_smoothing": 0.5}
        )
    assert caught.value.problems == [
        "training.label_smoothing: must be a number of at most 0.4, got 0.5"
    ]
    assert FIELD_SPECS["label_smoothing"].tasks == ("gan",)
    assert TrainingSettings().label_smoothing == 0.0
