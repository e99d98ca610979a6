"""The command line's refusals and notes in Simplified Chinese: training settings,
ONNX and train.py export refusals, model import refusals (with the places in
the user's file) and notes, and a run's start notes."""

from __future__ import annotations

from pathlib import Path

from designer.cli import main
from designer.graph.project_file import save_project
from tests.test_cli_i18n import SAMPLE, c_locale, chinese_locale, english_words
from tests.training.test_cli_train import digits_project

__all__ = ["c_locale", "chinese_locale"]  # fixtures

REFUSED_MODEL = """\
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 8)

    def forward(self, x):
        return torch.cumsum(self.fc(x), 1)
"""
SMALL_MODEL = """\
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(x).relu()
"""


def test_training_settings_problems(chinese_locale, tmp_path: Path, capsys) -> None:
    path = tmp_path / "digits.json"
    save_project(digits_project({"lr": 0, "nesterov": True}), path)
    assert main(["train", str(path), "--out", str(tmp_path / "run")]) != 0
    error = capsys.readouterr().err
    assert "training.lr：必须是正数" in error or "training.lr：" in error, error
    assert english_words(error, "training.lr") == [], error
    assert main(["export", str(path), "-o", str(tmp_path / "s"), "--train-script"]) != 0
    error = capsys.readouterr().err
    assert error.startswith("designer：训练设置有问题：\n  - training.lr："), error
    assert english_words(error, "training.lr") == [], error


def test_training_settings_problems_in_english(c_locale, tmp_path: Path, capsys):
    path = tmp_path / "digits.json"
    save_project(digits_project({"lr": 0}), path)
    assert main(["export", str(path), "-o", str(tmp_path / "s"), "--train-script"]) != 0
    error = capsys.readouterr().err
    assert error.startswith("designer: the training settings have problems:\n"), error
    assert "training.lr: must be" in error


def test_an_onnx_refusal(chinese_locale, tmp_path: Path, capsys) -> None:
    target = tmp_path / "m.onnx"
    command = ["export", str(SAMPLE), "-o", str(target), "--network", "critic"]
    assert main(command) != 0
    error = capsys.readouterr().err
    assert error.startswith("designer：项目中没有网络 'critic'；现有的网络是 "), error
    assert english_words(error, "'critic'", "'MLP'", "'model'") == [], error
    assert not target.exists()


def test_an_onnx_refusal_in_english(c_locale, tmp_path: Path, capsys) -> None:
    command = ["export", str(SAMPLE), "-o", str(tmp_path / "m.onnx")]
    assert main([*command, "--network", "critic"]) != 0
    assert "the project has no network 'critic'" in capsys.readouterr().err


def test_a_model_import_refusal_names_the_places(
    chinese_locale, tmp_path: Path, capsys
) -> None:
    model = tmp_path / "refused.py"
    model.write_text(REFUSED_MODEL, encoding="utf-8")
    command = ["import", f"{model}:Net", "--input", "4", "-o", str(tmp_path / "p")]
    assert main(command) != 0
    error = capsys.readouterr().err
    assert "模型中有 1 处无法画成层卡片：" in error, error
    assert "refused.py 第 11 行：cumsum(…)：没有层卡片能画出这个调用" in error, error
    assert english_words(error, "refused.py", "cumsum") == [], error


def test_a_model_import_refusal_in_english(c_locale, tmp_path: Path, capsys) -> None:
    model = tmp_path / "refused.py"
    model.write_text(REFUSED_MODEL, encoding="utf-8")
    command = ["import", f"{model}:Net", "--input", "4", "-o", str(tmp_path / "p")]
    assert main(command) != 0
    error = capsys.readouterr().err
    assert "1 part of the model cannot be drawn as layer cards:" in error, error
    assert "refused.py, line 11: cumsum(…): no layer card draws this call" in error


def test_model_import_notes(chinese_locale, tmp_path: Path, capsys) -> None:
    model = tmp_path / "small.py"
    model.write_text(SMALL_MODEL, encoding="utf-8")
    command = ["import", f"{model}:Net", "--input", "8", "-o", str(tmp_path / "p")]
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "已核对：导出的代码载入模型的权重后，输出与原模型一致（参数量 18）" in out, (
        out
    )
    assert english_words(out, str(tmp_path), f"{model}:Net") == [], out


def test_a_run_start_notes(chinese_locale, tmp_path: Path, capsys) -> None:
    path = tmp_path / "digits.json"
    save_project(digits_project(), path)
    command = ["train", str(path), "--epochs", "1", "--limit", "64", "--fast"]
    command += ["--device", "cpu", "--threads", "1", "--out", str(tmp_path / "o")]
    assert main(command) == 0
    err = capsys.readouterr().err
    assert "提示：快速模式：未使用编译训练步（CUDA Graphs）（需要 CUDA GPU" in err, err
    notes = [line for line in err.splitlines() if line.startswith("提示：")]
    assert len(notes) == 6
    assert (
        english_words("\n".join(notes), "bf16", "channels_last", "cpu", "CUDA Graphs")
        == []
    )


def test_weights_that_do_not_fit_the_onnx_export(
    chinese_locale, tmp_path: Path, capsys
) -> None:
    from designer.codegen.build import build_networks
    from designer.graph.project_file import load_project
    from designer.training.checkpoints import save_weights

    moons = load_project(SAMPLE.with_name("moons.json"))
    weights = tmp_path / "moons.pt"
    save_weights({"model": build_networks(moons)["model"].module}, weights)
    command = ["export", str(SAMPLE), "-o", str(tmp_path / "m.onnx")]
    assert main([*command, "--weights", str(weights)]) != 0
    error = capsys.readouterr().err
    assert error.startswith("designer：moons.pt 中的权重与网络 'model' 不匹配：\n  - ")
    assert "文件中的形状是 (" in error, error
    keys = [line.split("：")[0] for line in error.splitlines()[1:]]
    assert english_words(error, "moons.pt", "'model'", *keys) == [], error
