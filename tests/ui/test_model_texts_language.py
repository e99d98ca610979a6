"""Texts the Qt-free packages word for people, in the Chinese window: the dataset's
fit, the training engine's failures, the refusals of an edit and the code
generator's errors are messages (templates plus arguments) that the window
translates, and that switch back to English with the language."""

from __future__ import annotations

import pickle

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from designer.graph.project_file import load_project
from designer.ui.document import Document
from designer.ui.language import CHINESE, ENGLISH
from designer.ui.main_window import MainWindow
from designer.ui.recovery import RecoveryStore
from designer.ui.training.run_texts import failure_text, run_end_message
from designer.ui.window_files import Discard
from tests.test_cli import broken_project
from tests.ui.test_training_language import chinese, english_words, switch
from tests.ui.test_training_panel import make_panel, moons_document

__all__ = ["chinese", "moons_document"]  # fixtures


def without_names(text: str, graph) -> str:
    """``text`` without the names the user gave the graph's nodes."""
    for name in sorted((node.name for node in graph.nodes), key=len, reverse=True):
        text = text.replace(name, "")
    return text


def test_the_dataset_fit_is_explained_in_the_language(
    qtbot,
    chinese,  # noqa: F811
    moons_document,  # noqa: F811
) -> None:
    graph = moons_document.project.graph
    input_node = graph.nodes_of_type("Input")[0]
    moons_document.set_param(input_node.id, "shape", [3])
    panel = make_panel(qtbot, moons_document)
    panel.update_compatibility()
    english = panel.fit_banner.text
    assert "expects 3" in english and "2 features" in english
    assert not panel.start()
    english_refusal = panel.banner.text
    switch(CHINESE)
    text = panel.fit_banner.text
    assert "数据集提供的是每个样本 2 个特征" in text and "需要 3" in text, text
    assert english_words([without_names(text, graph)]) == {}
    refusal = panel.banner.text
    assert "训练无法开始" in refusal or "无法" in refusal, refusal
    assert "2 个特征" in refusal
    switch(ENGLISH)
    assert panel.fit_banner.text == english
    assert panel.banner.text == english_refusal


def test_a_refused_parameter_is_worded_in_the_language(
    qtbot,
    chinese,  # noqa: F811
) -> None:
    document = Document()
    node = document.add_node("Linear")
    english = document.set_param(node, "out_features", 0)
    assert english == "Out features must be an integer of at least 1, got 0"
    switch(CHINESE)
    refusal = document.set_param(node, "out_features", 0)
    assert refusal is not None and "必须是不小于 1 的整数" in refusal, refusal
    assert english_words([refusal]) == {}
    switch(ENGLISH)
    assert document.set_param(node, "out_features", 0) == english


def test_a_refused_name_is_worded_in_the_language(
    qtbot,
    chinese,  # noqa: F811
) -> None:
    document = Document()
    first = document.add_node("Linear", name="fc1")
    second = document.add_node("Linear", name="fc2")
    assert document.rename(second, "fc1") == "another node is already called 'fc1'"
    assert document.rename(first, "  ") == "a name cannot be empty"
    switch(CHINESE)
    assert document.rename(second, "fc1") == "已经有另一个节点叫 'fc1'"
    assert document.rename(first, "") == "名称不能为空"
    switch(ENGLISH)
    assert document.rename(first, "") == "a name cannot be empty"


@pytest.fixture
def broken_window(qtbot, tmp_path) -> MainWindow:
    """A window on a project whose convolution does not fit its input."""
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg")
    )
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "designer-tests", "zh"
    )
    window = MainWindow(
        Document(load_project(broken_project(tmp_path / "broken.json"))),
        settings=settings,
        recovery=RecoveryStore(tmp_path / "recovery"),
        autosave_ms=60_000,
    )
    window.files.ask_save_changes = lambda _action: Discard
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.code_dock.show()
    window.code_dock.raise_()
    QApplication.processEvents()
    return window


def test_the_code_panel_lists_the_problems_in_the_language(
    broken_window,
    chinese,  # noqa: F811
) -> None:
    window = broken_window
    window.refresh_now()
    english = window.code_view.editor.toPlainText()
    assert english.startswith(
        "network 'model' has problems, so no code can be written:"
    )
    assert "kernel 5×5 is larger than its 3×3 input" in english
    switch(CHINESE)
    text = window.code_view.editor.toPlainText()
    assert text.startswith("网络 'model' 有问题，因此无法生成代码：\n  - "), text
    network_named = text.replace("'model'", "")  # the network's own name
    assert english_words([without_names(network_named, window.document.graph)]) == {}
    switch(ENGLISH)
    assert window.code_view.editor.toPlainText() == english


def test_an_engine_failure_is_worded_in_the_language(
    chinese,  # noqa: F811
) -> None:
    """A real failed run (an exploding loss), as the window gets it from the queue."""
    from designer.training.engine import Trainer
    from designer.training.settings import TrainingSettings
    from tests.training.training_builders import mlp_project, regression_dataset

    result = Trainer(
        mlp_project(inputs=3, hidden=16, outputs=1),
        regression_dataset(),
        TrainingSettings(
            epochs=3, batch_size=32, device="cpu", task="regression", loss="mse"
        ).replace(optimizer="sgd", lr=10.0),
    ).run()
    result = pickle.loads(pickle.dumps(result))  # the queue between the processes
    assert result.status == "failed" and result.text is not None
    assert failure_text(result) == result.message
    assert run_end_message(result) == result.message
    switch(CHINESE)
    text = failure_text(result)
    assert "学习率（10）可能太高了" in text and "变成了" in text, text
    assert english_words([text.replace("NaN", "")]) == {}  # the IEEE name
    assert run_end_message(result) == text
    switch(ENGLISH)
    assert failure_text(result) == result.message


def test_a_run_without_a_dataset_is_refused_in_the_language(
    chinese,  # noqa: F811
) -> None:
    from designer.training.engine import Trainer
    from tests.training.training_builders import mlp_project

    result = Trainer(mlp_project()).run()
    switch(CHINESE)
    assert failure_text(result) == "这个项目还没有选择数据集：请先选择一个再训练。"
