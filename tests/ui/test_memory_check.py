"""The memory pre-flight in the training settings, made by the training process."""

from __future__ import annotations

import re

import pytest

from designer.graph.model import Graph, Project
from designer.training.datasets import load_dataset
from designer.training.devices import DeviceError, resolve_device
from designer.training.server.process import memory_message, memory_text
from designer.training.settings import TrainingSettings
from designer.ui.language import CHINESE, ENGLISH
from designer.ui.training.memory_check import MemoryCheck
from tests.ui.test_training_language import (  # noqa: F401 - chinese: a fixture
    chinese,
    english_words,
    switch,
)
from tests.ui.test_training_panel import (
    MOONS_MLP,
    RUN_TIMEOUT_MS,
    make_document,
    make_panel,
)

ABOUT = re.compile(
    r"^Batch 32 on CPU \(\d+ threads?\): about [\d.]+ [kMG]?B of [\d.]+ [kMGT]?B available; "
)


def _moons_project(width: int) -> Project:
    graph = Graph("model")
    chain = [
        graph.add_node("Input", "x", {"shape": [2]}),
        graph.add_node("Linear", "hidden", {"out_features": width}),
        graph.add_node("ReLU", "relu"),
        graph.add_node("Linear", "scores", {"out_features": 2}),
        graph.add_node("Output", "logits"),
    ]
    for a, b in zip(chain, chain[1:], strict=False):
        graph.connect(a.id, "out", b.id, "in")
    return Project("Moons", [graph])


def test_memory_text_says_about_x_of_y_and_the_largest_batch() -> None:
    dataset = load_dataset({"name": "moons", "options": {"n_samples": 240}})
    settings = TrainingSettings(batch_size=32, device="cpu")
    text = memory_text(_moons_project(16), dataset, settings)
    assert ABOUT.match(text), text
    assert text.endswith("; a batch of the whole training set fits.")
    bigger = memory_text(_moons_project(4096), dataset, settings)
    number = re.compile(r"about ([\d.]+) ([kMG]?B)")
    small, large = number.search(text), number.search(bigger)
    assert small and large
    assert (small.group(2), float(small.group(1))) != (
        large.group(2),
        float(large.group(1)),
    )


def test_memory_text_names_a_missing_device() -> None:
    dataset = load_dataset({"name": "moons", "options": {"n_samples": 40}})
    settings = TrainingSettings(device="cuda:7")
    with pytest.raises(DeviceError) as error:
        resolve_device("cuda:7")
    assert memory_text(_moons_project(8), dataset, settings) == str(error.value)


def test_the_settings_show_the_estimate(qtbot) -> None:
    document = make_document(
        MOONS_MLP,
        {"epochs": 1, "batch_size": 32, "lr": 0.01, "device": "cpu"},
        {"name": "moons", "options": {"n_samples": 240, "noise": 0.1, "seed": 0}},
    )
    panel = make_panel(qtbot, document)
    box = panel.memory_check
    assert box.button.isEnabled()
    assert box.estimate()
    assert not box.button.isEnabled() and not box.estimate()  # one at a time
    qtbot.waitUntil(lambda: not box.busy, timeout=2 * RUN_TIMEOUT_MS)  # torch loads
    text = box.label.text()
    assert " available; " in text and text.startswith("Batch 32 on "), text
    assert box.button.isEnabled()
    assert not panel.is_running()  # an estimate is no run
    box.grab().save("/tmp/speed_memory_check.png")
    panel.settings_form.grab().save("/tmp/speed_settings_form.png")


def test_the_estimate_is_worded_in_the_interface_language(
    qtbot,
    chinese,  # noqa: F811
) -> None:
    dataset = load_dataset({"name": "moons", "options": {"n_samples": 240}})
    settings = TrainingSettings(batch_size=32, device="cpu")
    message = memory_message(_moons_project(16), dataset, settings)
    box = MemoryCheck(lambda: ({}, {}, {}))
    qtbot.addWidget(box)
    box._show(message)
    english = box.label.text()
    assert english == message.english() and ABOUT.match(english)
    switch(CHINESE)
    text = box.label.text()
    assert text.startswith("批大小 32，") and "可用" in text, text
    assert english_words([text]) == {}
    switch(ENGLISH)
    assert box.label.text() == english
