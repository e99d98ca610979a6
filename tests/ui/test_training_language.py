"""The training workspace in Simplified Chinese, switched at run time and back.

Every text the training panel, the settings form and the Runs tab show —
labels, buttons, tabs, combo items, tool tips, progress texts, plot titles,
axes and legends — is Chinese after ``install_language("zh_CN")`` (but for
proper names: layer types, PyTorch, Adam, CPU, MNIST…), and English again
after ``install_language("en")``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QWidget,
)

from designer.graph.project_file import load_project
from designer.training.messages import DATASET_NOT_LOADED, PROCESS_DIED_WITH_CODE
from designer.ui.document import Document
from designer.ui.language import CHINESE, ENGLISH, install_language
from designer.ui.training.run_history_view import RunHistoryView
from designer.ui.training.run_texts import translated_process_message
from designer.ui.training.settings_form import SettingsForm
from tests.ui.test_run_history_ui import history  # noqa: F401 - a fixture
from tests.ui.test_training_panel import finish, make_document, make_panel

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "designer" / "resources" / "i18n" / "training_zh_CN.ts"

#: words that stay in English in the Chinese interface: proper names, layer
#: types, units and file formats
PROPER_NAMES = {
    "Adam", "AdamW", "Apple", "CIFAR", "CPU", "CSV", "CUDA", "Conv2d", "Dense",
    "ELBO", "Fashion", "GPU", "Huber", "IDX", "Input", "JPEG", "LSTM", "Linear",
    "LogSoftmax", "MNIST", "MPS", "MSE", "Nesterov", "NumPy", "ONNX", "Output",
    "PNG", "PyTorch", "RGB", "RMSprop", "ReLU", "SGD", "SVG", "Sigmoid", "Tanh",
    "bfloat16", "channels_last", "logits", "logvar", "safetensors",
    "pth", "npz", "XOR", "bf16",
}  # fmt: skip
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,}")
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    """The app in Simplified Chinese for the test, English again afterwards."""
    try:
        yield
    finally:
        switch(ENGLISH)


def switch(language: str) -> None:
    install_language(language)
    QCoreApplication.processEvents()  # Qt posts LanguageChange to every widget


def english_words(texts: list[str]) -> dict[str, str]:
    """English words (3 letters or more, not proper names) → the text they are in."""
    found = {}
    for text in texts:
        plain = unescape(TAG.sub(" ", text))
        for word in ENGLISH_WORD.findall(plain):
            if word not in PROPER_NAMES:
                found[word] = plain
    return found


def plot_texts(root: QWidget) -> list[str]:
    """Titles, axis labels and legend entries of every pyqtgraph view under ``root``."""
    texts = []
    for view in root.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.LabelItem):
                texts.append(item.text)
            elif isinstance(item, pg.AxisItem) and item.label.isVisible():
                texts.append(item.labelText)
    return [t for t in texts if t]


def widget_texts(root: QWidget) -> list[str]:
    """Every text a person can see or hover under ``root`` (hidden tabs and pages
    included), but not what the user typed."""
    texts: list[str] = []
    for widget in (root, *root.findChildren(QWidget)):
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QProgressBar):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableWidget):
            header = widget.horizontalHeaderItem
            texts += [header(c).text() for c in range(widget.columnCount())]
        if isinstance(widget, QToolButton) and widget.menu() is not None:
            texts += [action.text() for action in widget.menu().actions()]
    return [t for t in texts + plot_texts(root) if t]


def test_the_words_found_are_english_ones() -> None:
    """The check itself: it finds English, and lets Chinese and proper names pass."""
    assert english_words(["Train", "训练 Adam", "<b>轮次</b> CPU"]) == {
        "Train": "Train"
    }
    assert english_words(["第 3 轮：训练损失 0.12，PyTorch"]) == {}


def test_the_translation_is_complete() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from translations import messages, untranslated
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert len(messages(TS)) > 300
    assert untranslated(TS) == []


def test_the_generated_training_texts_are_up_to_date() -> None:
    """designer/ui/training_texts.py lists every settings, task and dataset text."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "training_texts.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_settings_form_switches_language_at_run_time(qtbot, chinese) -> None:
    form = SettingsForm()
    qtbot.addWidget(form)
    form.set_settings({"optimizer": "sgd", "schedule": "step"})
    english = widget_texts(form)
    assert "Learning rate" in english and "Step decay" in english
    switch(CHINESE)
    texts = widget_texts(form)
    assert english_words(texts) == {}
    assert "学习率" in texts and "阶梯衰减" in texts and "优化器" in texts
    # The choices keep their values: only what they are called changes.
    assert form.settings()["optimizer"] == "sgd"
    assert form.settings()["schedule"] == "step"
    assert form.editor("loss").currentText() == "交叉熵"
    switch(ENGLISH)
    assert widget_texts(form) == english


def test_the_runs_tab_switches_language_at_run_time(
    qtbot,
    chinese,
    history,  # noqa: F811
) -> None:
    view = RunHistoryView()
    qtbot.addWidget(view)
    view.set_history(history)
    view.select_runs([r.run_id for r in view.records])
    english = widget_texts(view)
    assert "Export metrics…" in english and "Validation loss" in english
    switch(CHINESE)
    texts = widget_texts(view)
    assert english_words([t for t in texts if t not in run_names(view)]) == {}
    assert "导出指标…" in texts and "验证损失" in texts
    header = view.table.horizontalHeaderItem(0).text()
    assert header == "名称"
    switch(ENGLISH)
    assert view.table.horizontalHeaderItem(0).text() == "Name"
    assert widget_texts(view) == english


def test_the_runs_table_words_durations_and_dates_in_the_language(
    qtbot,
    chinese,
    history,  # noqa: F811
) -> None:
    view = RunHistoryView()
    qtbot.addWidget(view)
    view.set_history(history)
    headers = [
        view.table.horizontalHeaderItem(c).text()
        for c in range(view.table.columnCount())
    ]
    duration, started = headers.index("Duration"), headers.index("Started")
    assert view.table.item(0, duration).text() == "12 s"
    english_start = view.table.item(0, started).text()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", english_start)
    switch(CHINESE)
    assert view.table.item(0, duration).text() == "12 秒"
    chinese_start = view.table.item(0, started).text()
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d", chinese_start)
    assert view.table.item(1, duration).text() == "14 秒"
    switch(ENGLISH)
    assert view.table.item(0, duration).text() == "12 s"
    assert view.table.item(0, started).text() == english_start


def run_names(view: RunHistoryView) -> set[str]:
    """The runs' own names (user data) and the texts that contain them."""
    names = {r.name for r in view.records}
    cells = {
        view.table.item(row, column).text()
        for row in range(view.table.rowCount())
        for column in range(view.table.columnCount())
        if view.table.item(row, column) is not None
    }
    curves = {
        text
        for text in plot_texts(view)
        if any(name in text for name in names)  # "with Dropout: 验证损失"
    }
    columns = {  # a layer's parameter ("drop.p"): named as in the network
        view.table.horizontalHeaderItem(column).text()
        for column in range(view.table.columnCount())
        if "." in view.table.horizontalHeaderItem(column).text()
    }
    return names | cells | curves | columns


def without_user_data(panel, texts: list[str]) -> list[str]:
    """``texts`` without the names the user or the data chose: layers (the
    gradient plot's legend), classes ("class 0" of the generated datasets) and
    runs (the Runs tab's)."""
    networks = panel.document.project.networks
    names = {node.name for graph in networks for node in graph.nodes}
    names |= set(panel.results.classes or [])
    names |= {record.name for record in panel.run_history.records}
    cleaned = []
    for text in texts:
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, "")
        cleaned.append(text)
    return cleaned


def test_the_training_panel_switches_language_at_run_time(
    qtbot, chinese, tmp_path
) -> None:
    document = Document(load_project(ROOT / "samples" / "cnn_mnist.json"))
    panel = make_panel(qtbot, document)
    qtbot.waitUntil(lambda: panel.controls.devices_listed, timeout=90_000)
    english = widget_texts(panel)
    assert "Train" in english and "Learning rate" in english and "Curves" in english
    switch(CHINESE)
    texts = widget_texts(panel)
    assert english_words(texts) == {}
    for expected in ("训练", "学习率", "曲线", "损失", "轮次", "数据集", "批大小"):
        assert expected in texts
    assert "准备就绪" in panel.status_label.text()
    assert panel.dataset_picker.combo.currentText() == "手写数字 28×28（MNIST 形状）"
    switch(ENGLISH)
    assert widget_texts(panel) == english


def test_a_run_under_chinese_reports_in_chinese(qtbot, chinese) -> None:
    document = make_document(
        [
            ("Input", {"shape": [2]}),
            ("Linear", {"out_features": 8}),
            ("ReLU", {}),
            ("Linear", {"out_features": 2}),
            ("Output", {}),
        ],
        {"epochs": 1, "batch_size": 32, "lr": 0.01, "device": "cpu"},
        {"name": "moons", "options": {"n_samples": 120, "noise": 0.1, "seed": 0}},
    )
    panel = make_panel(qtbot, document)
    switch(CHINESE)
    assert panel.start()
    finish(qtbot, panel)
    assert panel.last_result.status == "finished"
    assert panel.banner.text.startswith("已完成 1 轮。最后一轮：训练损失")
    assert panel.status_label.text().startswith("完成")
    assert panel.epoch_bar.format().startswith("第 1/1 轮")
    plots = panel.plots
    assert plots.loss_plot.titleLabel.text == "损失"
    assert plots.accuracy_plot.titleLabel.text == "验证准确率"
    assert plots.loss_plot.getAxis("bottom").labelText == "轮次"
    legend = [label.text for _sample, label in plots.loss_plot.legend.items]
    assert legend == ["训练（每步）", "训练（平滑）", "验证"]
    assert english_words(without_user_data(panel, widget_texts(panel))) == {}
    # The thread count follows the machine's thread rule: only its wording is checked.
    assert any(
        re.fullmatch(r"CPU（\d+ 个线程）", text)
        for text in widget_texts(panel.controls)
    ), widget_texts(panel.controls)
    switch(ENGLISH)
    assert panel.banner.text.startswith("Finished 1 epoch. Last epoch: train loss")
    assert plots.loss_plot.titleLabel.text == "Loss"
    assert panel.status_label.text() == "Done."
    legend = [label.text for _sample, label in plots.loss_plot.legend.items]
    assert legend == ["training (per step)", "training (smoothed)", "validation"]


def test_the_process_messages_are_translated_with_what_filled_them(
    qtbot, chinese
) -> None:
    problem = DATASET_NOT_LOADED.format("missing.npz: no such file")
    died = PROCESS_DIED_WITH_CODE.format(-9)
    assert translated_process_message(problem) == problem  # English: as sent
    switch(CHINESE)
    assert (
        translated_process_message(problem)
        == "无法加载数据集：missing.npz: no such file"
    )
    assert translated_process_message(died).startswith("训练进程意外结束（退出码 -9）")
    assert translated_process_message("anything else") == "anything else"
