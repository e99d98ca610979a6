"""Looking inside during a run: quantised previews, the throttle, and the messages
the training process sends (run in this process, with a list for a queue)."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import torch
from probe_helpers import SAMPLES
from task_helpers import small_digits

from designer.codegen.build import build_networks
from designer.graph.project_file import load_project, project_to_dict
from designer.training.datasets import load_dataset
from designer.training.engine import Trainer
from designer.training.messages import RunRequest
from designer.training.probes.live import (
    LIVE_CHANNELS,
    MAX_PER_SECOND,
    live_probes,
    quantised,
)
from designer.training.probes.messages import LayerPreview, ProbeReport, TensorStats
from designer.training.server.process import run_training
from designer.training.settings import TrainingSettings


def preview(kind: str, data: np.ndarray) -> LayerPreview:
    stats = TensorStats(data.shape, float(data.min()), 0.0, float(data.max()), 1.0)
    return LayerPreview("n1", "conv", "Conv2d", kind, data.astype(np.float32), stats)


def test_previews_travel_as_bytes_with_few_channels() -> None:
    maps = np.linspace(-2, 6, 40 * 4 * 4).reshape(40, 4, 4)
    small = quantised(preview("image", maps))
    assert small.data.dtype == np.uint8 and small.data.shape == (LIVE_CHANNELS, 4, 4)
    assert small.capped and small.data.min() == 0 and small.data.max() == 255
    assert small.stats.minimum == -2  # the real numbers stay in the statistics
    flat = quantised(preview("vector", np.full(5, 3.0)))
    assert flat.data.dtype == np.uint8 and not flat.data.any()  # no span: all zero
    number = preview("scalar", np.array(1.5))
    assert quantised(number) is number


def trained() -> tuple[Trainer, Any]:
    project = load_project(SAMPLES / "vanishing_gradients.json")
    dataset = small_digits(64)
    settings = TrainingSettings.from_dict(project.training).replace(
        device="cpu", epochs=1, batch_size=32
    )
    trainer = Trainer(project, dataset, settings)
    assert trainer.run().status == "finished"
    return trainer, dataset


def test_one_sample_s_previews_come_at_most_a_few_times_a_second() -> None:
    trainer, dataset = trained()
    probes = live_probes(trainer, dataset, 3)
    assert probes.target == int(dataset.y[3]) and not probes.notes
    (report,) = probes.maybe_previews(now=100.0)
    names = {p.name: p for p in report.previews}
    assert names["flatten"].kind == "vector" and names["flatten"].data.shape == (64,)
    assert names["image"].kind == "image" and names["image"].data.dtype == np.uint8
    assert names["sig_sigmoid1"].stats.minimum >= 0  # a sigmoid's output
    assert probes.maybe_previews(now=100.0 + 0.5 / MAX_PER_SECOND) is None
    assert probes.maybe_previews(now=100.0 + 1.0) is not None
    # The modules are back in training mode, as the run left them.
    assert all(m.training for m in trainer.networks.values())


def test_the_epoch_report_holds_saliency_for_a_classifier() -> None:
    trainer, dataset = trained()
    (report,) = live_probes(trainer, dataset, 0).full_report()
    assert report.saliency is not None and report.saliency.target == int(dataset.y[0])
    assert report.saliency.probabilities.shape == (10,)
    assert [s.name for s in report.steps][:2] == ["image", "flatten"]


@pytest.mark.parametrize(
    ("name", "kinds", "attention"),
    [
        ("vae", {"image", "vector"}, 0),  # a node with two outputs (mu, log-variance)
        ("lstm", {"sequence", "vector"}, 0),
        ("transformer", {"sequence", "vector"}, 2),
        ("gan", {"image", "vector"}, 0),
    ],
)
def test_every_kind_of_sample_can_be_looked_inside(name, kinds, attention) -> None:
    project = load_project(SAMPLES / f"{name}.json")
    torch.manual_seed(0)
    run = SimpleNamespace(project=project, built=build_networks(project))
    probes = live_probes(run, load_dataset(project.dataset), 1)
    previews = probes.previews()
    assert {p.kind for r in previews for p in r.previews} == kinds
    reports = probes.full_report()
    assert len(reports) == len(project.networks)
    assert sum(len(r.attention) for r in reports) == attention
    assert all(r.steps for r in reports)


class ListQueue:
    def __init__(self) -> None:
        self.items: list[tuple[int, str, Any]] = []

    def put(self, item: tuple[int, str, Any]) -> None:
        self.items.append(item)


@pytest.mark.parametrize("sample", [5, None])
def test_the_training_process_sends_what_it_sees_inside(tmp_path, sample) -> None:
    project = load_project(SAMPLES / "vanishing_gradients.json")
    settings = {**project.training, "epochs": 2, "device": "cpu"}
    request = RunRequest(
        project_to_dict(project),
        {"name": "digits"},
        settings,
        str(tmp_path),
        step_interval_s=0.0,
        extra={"probe_sample": sample},
    )
    queue = ListQueue()
    run_training(1, request, queue, threading.Event(), threading.Event())
    kinds = [kind for _run, kind, _payload in queue.items]
    assert kinds[-1] == "done" and "end" in kinds, kinds
    inside = [payload for _run, kind, payload in queue.items if kind == "inside"]
    if sample is None:
        assert inside == []
        return
    assert all(isinstance(p, list) for p in inside), inside
    reports = [r for batch in inside for r in batch]
    assert all(isinstance(r, ProbeReport) for r in reports)
    with_saliency = [r for r in reports if r.saliency is not None]
    assert len(with_saliency) == 3  # at the start and after each of the 2 epochs
    assert len(reports) > 3  # and previews during the epochs
