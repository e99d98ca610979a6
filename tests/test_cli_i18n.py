"""The command line speaks Simplified Chinese under a Chinese locale or --lang zh_CN,
and English as before under LANG=C."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from designer.cli import main
from designer.graph.model import Graph, Project
from designer.graph.project_file import save_project
from designer.i18n import set_language
from designer.training.run_history import RunHistory
from tests.test_cli import broken_project
from tests.training.test_cli_train import digits_project

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "mlp.json"
#: English words a Chinese text may hold: names, units and words of code.
ALLOWED = {
    # the program, its commands and the syntax of their arguments
    "designer", "validate", "export", "train", "runs", "explain", "import",
    "file", "name", "path", "out", "json", "auto", "cpu", "cuda", "zh_cn",
    # proper names, layer types and formats
    "pytorch", "onnx", "opset", "safetensors", "python", "gpu", "macs", "mnist",
    "input", "output", "flatten", "linear", "relu", "conv2d", "torch", "grad",
    "cam", "png", "xdg_data_home", "lc_", "lang", "screenshot", "dark",
    "bf16", "channels_last", "forward", "long",
    # placeholders of option values (metavars)
    "dir", "shape",
}  # fmt: skip


def english_words(text: str, *data: str) -> list[str]:
    """Words of three or more Latin letters that are not names, options, paths
    or the given data (a project's or a node's name)."""
    for value in data:
        text = text.replace(value, " ")
    text = re.sub(r"--?[\w-]+", " ", text)  # options
    text = re.sub(r"\S*[./]\S*", " ", text)  # paths and file names
    words = re.findall(r"[A-Za-z_]{3,}\w*", text)
    return [word for word in words if word.lower() not in ALLOWED]


@pytest.fixture
def chinese_locale(monkeypatch: pytest.MonkeyPatch):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    yield
    set_language(None)


@pytest.fixture
def c_locale(monkeypatch: pytest.MonkeyPatch):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C")
    yield
    set_language(None)


def run_cli(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    env.update(LANG=lang, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "designer", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", [[], ["validate"], ["train"], ["import"]])
def test_help_follows_lang(command: list[str]) -> None:
    chinese = run_cli(*command, "--help", lang="zh_CN.UTF-8")
    assert chinese.returncode == 0, chinese.stderr
    assert "用法" in chinese.stdout
    placeholders = ("designer [FILE]", "FILE.py:Name", "LAYERSxHIDDEN")
    assert english_words(chinese.stdout, *placeholders) == []
    english = run_cli(*command, "--help", lang="C")
    assert english.returncode == 0 and "usage:" in english.stdout
    assert "show this help message and exit" in english.stdout
    assert not re.search(r"[\u4e00-\u9fff]", english.stdout)


def test_lang_option_overrides_the_locale() -> None:
    chinese = run_cli("--lang", "zh_CN", "validate", str(SAMPLE), lang="C")
    assert chinese.returncode == 0 and "合计" in chinese.stdout
    english = run_cli("validate", str(SAMPLE), "--lang=en", lang="zh_CN.UTF-8")
    assert english.returncode == 0 and "Total" in english.stdout
    refused = run_cli("--lang", "fr", "validate", str(SAMPLE), lang="C")
    assert refused.returncode == 2 and "no language 'fr'" in refused.stderr


def test_validate_a_sample(chinese_locale, capsys) -> None:
    assert main(["validate", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "合计" in out and "输出形状" in out and out.rstrip().endswith("有效")
    names = [line.split()[0] for line in out.splitlines()[3:-3] if line.strip()]
    assert english_words(out, "MLP", *names) == []


def test_validate_words_the_problems_in_chinese(chinese_locale, tmp_path, capsys):
    path = broken_project(tmp_path / "broken.json")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "错误：" in out and "无效" in out
    assert english_words(out, "Broken", "conv3", " x ", " y ") == []


def test_export_refuses_an_invalid_graph_in_chinese(chinese_locale, tmp_path, capsys):
    path = broken_project(tmp_path / "broken.json")
    assert main(["export", str(path), "-o", str(tmp_path / "m.py")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("designer：网络 'model' 有问题，因此无法生成代码：\n  - ")
    assert "卷积核 5×5" in error
    assert english_words(error, "'model'", "conv3") == []


def test_refusals(chinese_locale, tmp_path, capsys) -> None:
    missing = tmp_path / "missing.json"
    assert main(["validate", str(missing)]) == 2
    error = capsys.readouterr().err
    assert error.strip() == f"designer：无法打开 {missing}：文件不存在"
    bad = tmp_path / "bad.json"
    bad.write_text("{bad", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    error = capsys.readouterr().err
    assert "不是有效的 JSON" in error and english_words(error) == []
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    assert main(["export", str(empty), "-o", str(tmp_path / "m.py")]) == 2
    assert "文件是空的" in capsys.readouterr().err


def test_refusals_in_english(c_locale, tmp_path, capsys) -> None:
    missing = tmp_path / "missing.json"
    assert main(["validate", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"designer: cannot open {missing}: no such file"
    )


def test_an_argument_error(chinese_locale, capsys) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["validate"])
    assert exit.value.code == 2
    error = capsys.readouterr().err
    assert "缺少以下必需参数" in error and english_words(error) == []


def project_with_runs(tmp_path: Path) -> Path:
    path = tmp_path / "digits.json"
    project = digits_project()
    save_project(project, path)
    history = RunHistory.for_project(path)
    for lr, seconds in ((0.003, 42), (0.01, 185)):
        history.add(
            {"epochs": [{"epoch": 1, "train_loss": 0.5, "val_accuracy": 0.9}]},
            {"epochs": 1, "lr": lr},
            device="cpu",
            duration_s=seconds,
            started=datetime(2026, 3, 4, 5, 6, tzinfo=UTC),
        )
    return path


def test_runs(chinese_locale, tmp_path, capsys) -> None:
    path = project_with_runs(tmp_path)
    assert main(["runs", str(path)]) == 0
    out = capsys.readouterr().out
    assert "已完成轮次" in out and "42 秒" in out and "3 分 05 秒" in out
    assert english_words(out, "Run 1", "Run 2", "run-0001", "run-0002") == []
    assert main(["runs", str(tmp_path / "none.json")]) == 0
    out = capsys.readouterr().out
    assert "还没有保存任何运行记录" in out and english_words(out) == []


def test_runs_in_english(c_locale, tmp_path, capsys) -> None:
    path = project_with_runs(tmp_path)
    assert main(["runs", str(path)]) == 0
    out = capsys.readouterr().out
    assert "epochs done" in out and "42 s" in out and "3 min 05 s" in out


def test_an_import_error(chinese_locale, tmp_path, capsys) -> None:
    model = tmp_path / "nothing.py"
    command = ["import", f"{model}:Net", "--input", "1x8", "-o", str(tmp_path / "p")]
    assert main(command) == 1
    error = capsys.readouterr().err
    assert error.strip() == f"designer import：{model}：没有这个 Python 文件"
    model.write_text("x = 1\n", encoding="utf-8")
    assert main(command) == 1
    error = capsys.readouterr().err
    assert "中没有 'Net'" in error and english_words(error, "'Net'") == []


def test_a_failed_run_is_explained_in_chinese(chinese_locale, tmp_path, capsys):
    graph = Graph("model")
    chain = [
        graph.add_node("Input", "x", {"shape": [1]}),
        graph.add_node("Linear", "hidden", {"out_features": 16}),
        graph.add_node("ReLU", "relu"),
        graph.add_node("Linear", "y", {"out_features": 1}),
        graph.add_node("Output", "out"),
    ]
    for a, b in zip(chain, chain[1:], strict=False):
        graph.connect(a.id, "out", b.id, "in")
    training = {"task": "regression", "loss": "mse", "optimizer": "sgd", "lr": 10.0}
    path = tmp_path / "wild.json"
    project = Project("Wild", [graph], training=training, dataset={"name": "sine"})
    save_project(project, path)
    command = ["train", str(path), "--out", str(tmp_path / "run"), "--no-history"]
    assert main(command) == 1
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith("designer train：") and "学习率（10）" in error, error
    assert english_words(error.replace("NaN", "")) == []


def test_a_run_is_reported_in_chinese(chinese_locale, tmp_path, capsys) -> None:
    path = tmp_path / "digits.json"
    save_project(digits_project({"epochs": 1, "batch_size": 32, "lr": 0.003}), path)
    out = tmp_path / "out"
    command = ["train", str(path), "--limit", "64", "--out", str(out), "--threads", "1"]
    assert main(command) == 0
    captured = capsys.readouterr()
    assert "使用 1 个 CPU 线程（按指定）。" in captured.err
    assert "在 CPU（1 个线程） 上训练：" in captured.err
    lines = captured.out.splitlines()
    assert any(line.startswith("已完成 1 轮。最后一轮：训练损失 ") for line in lines)
    assert any(line.startswith("第 1/1 轮  训练损失 ") for line in lines)
    assert english_words(captured.out, str(path), "Run 1") == []
