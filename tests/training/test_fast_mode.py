"""Fast mode: each CUDA switch applies where it can and is skipped with a note elsewhere."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from designer.cli import main
from designer.graph.project_file import save_project
from designer.training.engine import Trainer, TrainingCallbacks
from designer.training.recipes.speed import FAST_BATCH, fast_inputs, fast_mode
from designer.training.settings import FIELD_SPECS, SettingsError, TrainingSettings
from tests.training.test_cli_train import digits_project

CPU = torch.device("cpu")
SWITCHES = (
    "keeping the data on the GPU",
    "larger batch",
    "bf16",
    "channels_last",
    "fused optimizer",
    "compiled steps (CUDA graphs)",
)


def _conv_net() -> nn.Module:
    return nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.Linear(144, 10))


def test_off_changes_nothing() -> None:
    net = _conv_net()
    forward = net.forward
    plan = fast_mode(False, CPU, [net], 64, 1e-3, "adam", 1000)
    assert (plan.batch_size, plan.lr, plan.notes) == (64, 1e-3, [])
    assert not (plan.bf16 or plan.fused or plan.channels_last or plan.compiled)
    assert net.forward == forward


def test_on_the_cpu_every_switch_is_skipped_with_a_note() -> None:
    net = _conv_net()
    forward = net.forward
    plan = fast_mode(True, CPU, [net], 64, 1e-3, "adam", 1000)
    assert (plan.batch_size, plan.lr) == (64, 1e-3)
    assert not (plan.bf16 or plan.fused or plan.channels_last or plan.compiled)
    assert len(plan.notes) == len(SWITCHES)
    for switch, note in zip(SWITCHES, plan.notes, strict=True):
        assert note.startswith(f"Fast mode: {switch} skipped"), note
        assert "this run is on cpu" in note
    assert net.forward == forward
    assert net[0].weight.is_contiguous()  # not channels_last


def test_on_cuda_the_switches_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan for a CUDA device, worked out here without a GPU."""
    compiled = []

    def fake_compile(function, mode):
        compiled.append(mode)
        return function

    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda: True)
    monkeypatch.setattr(torch, "compile", fake_compile)
    net = _conv_net()
    plan = fast_mode(True, torch.device("cuda"), [net], 64, 1e-3, "adam", 60_000)
    assert plan.batch_size == FAST_BATCH
    assert plan.lr == pytest.approx(1e-3 * FAST_BATCH / 64)  # the linear rule
    assert plan.bf16 and plan.fused and plan.channels_last and plan.compiled
    assert compiled == ["reduce-overhead"]
    assert net[0].weight.is_contiguous(memory_format=torch.channels_last)
    assert plan.notes == [
        f"Fast mode: batch 64 → {FAST_BATCH}, learning rate 0.001 → 0.008 "
        "(scaled with the batch: the linear rule)."
    ]
    _all_marked(plan.notes)
    images = fast_inputs(torch.zeros(2, 1, 8, 8), plan)
    assert images.is_contiguous(memory_format=torch.channels_last)


def test_on_cuda_what_does_not_fit_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda: False)
    monkeypatch.setattr(torch, "compile", lambda function, mode: function)
    mlp = nn.Sequential(nn.Linear(4, 2))
    plan = fast_mode(True, torch.device("cuda"), [mlp], 1024, 0.01, "rmsprop", 300)
    assert plan.batch_size == 300 and plan.lr == pytest.approx(0.01 * 300 / 1024)
    assert not (plan.bf16 or plan.fused or plan.channels_last)
    text = "\n".join(plan.notes)
    assert "bf16 skipped: this GPU does not support bfloat16" in text
    assert "channels_last skipped (the network has no 2-D convolution)" in text
    assert "fused optimizer skipped (rmsprop has no fused version)" in text
    _all_marked(plan.notes)


def test_the_setting_is_a_field_of_the_form() -> None:
    spec = FIELD_SPECS["fast"]
    assert spec.label == "Fast mode" and spec.default is False
    assert TrainingSettings.from_dict({"fast": True}).fast is True
    with pytest.raises(SettingsError, match="training.fast"):
        TrainingSettings.from_dict({"fast": "yes"})


class _Notes(TrainingCallbacks):
    def __init__(self) -> None:
        self.notes: list[str] = []

    def on_start(self, info) -> None:
        self.notes = list(info.notes)


def test_fast_mode_still_trains_on_the_cpu() -> None:
    project = digits_project(
        {"epochs": 3, "batch_size": 32, "lr": 0.003, "device": "cpu", "fast": True}
    )
    callbacks = _Notes()
    result = Trainer(project, callbacks=callbacks).run()
    assert result.status == "finished", result.message
    assert result.best_val_accuracy is not None and result.best_val_accuracy > 0.8
    assert sum(note.startswith("Fast mode: ") for note in callbacks.notes) == 6


def test_designer_train_fast_says_what_it_skipped(tmp_path, capsys) -> None:
    path = tmp_path / "digits.json"
    save_project(digits_project(), path)
    args = ["train", str(path), "--epochs", "1", "--limit", "64", "--device", "cpu"]
    assert main([*args, "--fast", "--threads", "1", "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "note: Fast mode: compiled steps (CUDA graphs) skipped" in err
    assert main([*args, "--threads", "1", "--out", str(tmp_path / "p")]) == 0
    assert "Fast mode" not in capsys.readouterr().err


def test_every_note_of_fast_mode_has_a_marked_template() -> None:
    """The window and the command line word the notes from their templates
    (designer.training.start_notes); a note speed.py words differently fails here."""
    from designer.training.start_notes import FAST_SWITCHES

    plan = fast_mode(
        True, torch.device("cpu"), [nn.Linear(2, 2)], 64, 1e-3, "adam", 500
    )
    messages = _all_marked(plan.notes)
    switches = {dict(m.args).get("switch") for m in messages} - {None}
    assert {s.template for s in switches} <= set(FAST_SWITCHES)


def _all_marked(notes: list[str]) -> list:
    """Each note as its template (none left as plain English), worded back the same."""
    from designer.graph.translatable import Message
    from designer.training.start_notes import TEMPLATES, start_note

    messages = [start_note(note) for note in notes]
    assert all(m.template in TEMPLATES for m in messages), messages
    assert [m.english() for m in messages] == notes
    assert all(isinstance(m, Message) for m in messages)
    return messages
