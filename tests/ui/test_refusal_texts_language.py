"""Refusals and notes from the Qt-free packages, in the Chinese window: training
settings problems, the training process's "settings have problems" list, the
train.py export's refusal, the ONNX export and model import run as a child
command (which speaks the window's language), a run's start notes, the Runs
table's device column and the one wording of a run's end."""

from __future__ import annotations

import pickle
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication

from designer.graph.project_file import load_project
from designer.graph.translatable import Message
from designer.shapes.problems import listed_message
from designer.training.run_compare import format_device
from designer.training.run_end_texts import SETTINGS_HAVE_PROBLEMS, finished_message
from designer.training.settings import SettingsError, TrainingSettings
from designer.training.start_notes import TEMPLATES, start_note
from designer.ui.import_dialog import ModelImporter
from designer.ui.language import CHINESE, ENGLISH
from designer.ui.onnx_export_flow import OnnxExporter
from designer.ui.problem_text import translated
from designer.ui.training.run_texts import (
    run_end_message,
    start_notes_text,
    translated_process_message,
)
from tests.test_cli_refusals_i18n import REFUSED_MODEL
from tests.ui.test_training_language import chinese, english_words, switch

__all__ = ["chinese"]  # a fixture

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
#: Keys of the project file and words of code that a Chinese sentence quotes.
CODE = ("training.lr", "training.nesterov", "training.learning_rate", "Nesterov")


def without(text: str, *names: str) -> str:
    for name in names:
        text = text.replace(name, " ")
    return text


def settings_problems() -> list[Message]:
    with pytest.raises(SettingsError) as caught:
        TrainingSettings.from_dict(
            {"lr": 0, "learning_rate": 1, "optimizer": "adam", "nesterov": True}
        )
    return caught.value.messages


def test_settings_problems_are_worded_in_the_language(chinese) -> None:  # noqa: F811
    problems = settings_problems()
    english = [translated(problem) for problem in problems]
    assert english == [problem.english() for problem in problems]
    assert any(text.startswith("training.lr: must be") for text in english), english
    switch(CHINESE)
    texts = [translated(problem) for problem in problems]
    assert any(text.startswith("training.lr：") for text in texts), texts
    assert any("未知的设置" in text for text in texts), texts
    known = problems[0].args[1][1]  # the list of known settings: code
    assert english_words([without(t, *CODE, str(known)) for t in texts]) == {}
    (loss,) = TrainingSettings(task="classification", loss="mse").problem_messages()
    assert translated(loss).startswith("training.loss：均方误差不适合“分类”任务")
    switch(ENGLISH)
    assert [translated(problem) for problem in problems] == english


def test_the_process_says_settings_problems_in_the_language(
    chinese,  # noqa: F811
) -> None:
    """What the training process sends when the settings cannot be used: a
    message (through the queue), shown by the panel's failed handler."""
    sent = listed_message(Message(SETTINGS_HAVE_PROBLEMS), settings_problems())
    sent = pickle.loads(pickle.dumps(sent))
    assert translated_process_message(sent).startswith(
        "The training settings have problems:\n  - training.learning_rate: unknown"
    )
    switch(CHINESE)
    text = translated_process_message(sent)
    assert text.startswith("训练设置有问题：\n  - training.learning_rate：未知"), text
    known = settings_problems()[0].args[1][1]
    assert english_words([without(text, *CODE, str(known))]) == {}


def test_a_run_start_notes_are_in_the_language(chinese) -> None:  # noqa: F811
    notes = [
        "Fast mode: bf16 skipped (it needs a CUDA GPU and this run is on cpu).",
        "Fast mode: larger batch skipped (it needs a CUDA GPU and this run is on "
        "cpu); the batch stays 64.",
        "Mixed precision works on CUDA only; this run computes in float32.",
        "Only the network 'generator' is trained; the others are left as they are.",
        "Started from the weights in moons.safetensors.",
        "This run needs about 7.5 GB of the 8 GB available on the GPU; other "
        "programs may push it out of memory.",
        "The network ends in Softmax, but the cross-entropy loss applies it itself: "
        "remove that last layer, or training will be slow.",
    ]
    assert all(start_note(note).template in TEMPLATES for note in notes)
    assert start_notes_text(notes) == "\n".join(notes)
    switch(CHINESE)
    text = start_notes_text(notes)
    assert "快速模式：未使用 bf16（需要 CUDA GPU，而本次运行在 cpu 上）。" in text
    assert "从 moons.safetensors 中的权重开始训练。" in text
    assert "交叉熵损失函数" in text
    plain = without(text, "'generator'", "moons.safetensors", "float32", "bf16", "cpu")
    plain = without(plain, "Softmax")  # a layer type
    assert english_words([plain]) == {}, text
    switch(ENGLISH)
    assert start_notes_text(notes) == "\n".join(notes)


def test_the_runs_device_column_names_cpu_and_gpu(chinese) -> None:  # noqa: F811
    translate = QCoreApplication.translate
    assert format_device("cuda:0", translate) == "GPU (cuda:0)"
    assert format_device("cpu", translate) == "CPU"
    switch(CHINESE)
    assert format_device("cuda:0", translate) == "GPU（cuda:0）"
    switch(ENGLISH)
    assert format_device("cuda:1", translate) == "GPU (cuda:1)"


def test_a_finished_run_is_worded_once_from_its_message(chinese) -> None:  # noqa: F811
    epoch = SimpleNamespace(
        epoch=2, train_loss=0.5, val_loss=0.25, val_accuracy=0.9, train_accuracy=None
    )
    text = finished_message([epoch, epoch])
    result = SimpleNamespace(
        status="finished", epochs=[epoch, epoch], message="", text=text
    )
    # The window says what the engine's message says, not a wording of its own
    # made again from the epochs.
    assert run_end_message(result) == text.english()
    assert run_end_message(result).startswith("Finished 2 epochs. Last epoch:")
    switch(CHINESE)
    assert run_end_message(result).startswith("已完成 2 轮。最后一轮：训练损失 0.5")


@pytest.fixture
def window(window_collecting_errors):
    return window_collecting_errors


def test_the_train_script_refusal_is_in_the_language(
    window,
    tmp_path: Path,
    chinese,  # noqa: F811
) -> None:
    assert window.files.open_file(SAMPLES / "mlp.json", ask=False)
    window.document.project.training["lr"] = 0
    window.files.choose_export_folder = lambda: str(tmp_path / "script")
    assert not window.files.export_training_script()
    english = window.errors[-1][1]
    assert english.startswith("the training settings have problems:\n  - training.lr")
    switch(CHINESE)
    assert not window.files.export_training_script()
    title, message = window.errors[-1]
    assert message.startswith("训练设置有问题：\n  - training.lr："), message
    assert english_words([title, without(message, *CODE)]) == {}
    assert not (tmp_path / "script" / "train.py").exists()


def _finish(qtbot, command) -> list[str]:
    failed: list[str] = []
    command.failed.connect(failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=90_000)
    return failed


def test_a_child_command_speaks_the_window_language(
    qtbot,
    tmp_path: Path,
    chinese,  # noqa: F811
) -> None:
    """The ONNX export and the model import run ``designer`` with ``--lang``: their
    refusals come back in the window's language, without the command's prefix."""
    project = load_project(SAMPLES / "mlp.json")
    target = str(tmp_path / "m.onnx")
    switch(CHINESE)
    exporter = OnnxExporter()
    exporter.start(project, target, "critic", None)
    (message,) = _finish(qtbot, exporter)
    assert message.startswith("项目中没有网络 'critic'；现有的网络是 "), message
    importer = ModelImporter()
    model = tmp_path / "refused.py"
    model.write_text(REFUSED_MODEL, encoding="utf-8")
    importer.start(
        ["-m", "designer", "import", f"{model}:Net", "--input", "4"]
        + ["-o", str(importer.output)]
    )
    (message,) = _finish(qtbot, importer)
    assert message.startswith(
        "模型中有 1 处无法画成层卡片：\n  - refused.py 第 11 行："
    ), message
    assert english_words([without(message, "refused.py", "cumsum")]) == {}, message
    switch(ENGLISH)
    exporter = OnnxExporter()
    exporter.start(project, target, "critic", None)
    (message,) = _finish(qtbot, exporter)
    assert message.startswith("the project has no network 'critic'"), message
