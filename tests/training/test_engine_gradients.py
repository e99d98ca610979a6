"""The engine measures gradient flow per layer through the optimisers' step hooks."""

from __future__ import annotations

import math

import torch
from task_helpers import sample, small_digits
from training_builders import blobs_dataset, mlp_project

from designer.training.engine import Trainer
from designer.training.metrics import epoch_to_json
from designer.training.probes.gradients import OptimizerGradients
from designer.training.settings import TrainingSettings


def test_every_epoch_reports_norms_and_update_ratios_per_named_layer() -> None:
    settings = TrainingSettings(epochs=2, batch_size=32, lr=0.01, device="cpu")
    trainer = Trainer(mlp_project(outputs=4), blobs_dataset(), settings)
    result = trainer.run()
    assert result.status == "finished", result.message
    for metrics in result.epochs:
        assert set(metrics.grad_norms) == {"hidden", "scores"}
        assert set(metrics.update_ratios) == {"hidden", "scores"}
        assert all(v > 0 and math.isfinite(v) for v in metrics.grad_norms.values())
        # Adam at lr 0.01 moves a freshly initialised layer by well under 100 %.
        assert all(0 < v < 1 for v in metrics.update_ratios.values())
        record = epoch_to_json(metrics, classification=True)
        assert record["grad_norms"] == metrics.grad_norms
    # The hooks are gone after the run: stepping again measures nothing.
    assert trainer._gradients is not None and trainer._gradients._handles == []


def test_a_gan_measures_both_networks_each_by_its_own_optimiser() -> None:
    project = sample("gan")
    settings = TrainingSettings.from_dict(project.training).replace(
        device="cpu", epochs=1, batch_size=32
    )
    result = Trainer(project, small_digits(128), settings).run()
    assert result.status == "finished", result.message
    norms = result.epochs[0].grad_norms
    networks = {label.split("/")[0] for label in norms}
    assert networks == {graph.name for graph in project.networks}
    assert all(math.isfinite(v) and v > 0 for v in norms.values())


def test_an_optimiser_s_tracker_sees_only_the_layers_it_updates() -> None:
    first, second = torch.nn.Sequential(torch.nn.Linear(3, 3)), torch.nn.Linear(3, 1)
    optimizer = torch.optim.SGD(first.parameters(), lr=0.1)
    flow = OptimizerGradients(
        [optimizer], {"a": first, "b": torch.nn.Sequential(second)}
    )
    second(first(torch.ones(2, 3))).sum().backward()
    optimizer.step()
    result = flow.epoch_flow(1)
    assert list(result.grad_norms) == ["0"]  # network b is not trained: not measured
    assert result.sampled_steps == 1
    flow.remove()
    optimizer.step()
    assert flow.epoch_flow(2).sampled_steps == 0
