"""The panels, canvas and Inside views switch between English and Chinese at runtime."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from designer.graph.catalog import all_specs  # noqa: E402
from designer.training.probes.messages import (  # noqa: E402
    ForwardStep,
    LayerPreview,
    ProbeReport,
    TensorSlot,
    TensorStats,
)
from designer.ui.canvas.card_text import format_value, port_description  # noqa: E402
from designer.ui.document import Document  # noqa: E402
from designer.ui.language import install_language  # noqa: E402
from designer.ui.main_window import SAMPLES_DIR, MainWindow  # noqa: E402
from designer.ui.panels.layer_reference import (  # noqa: E402
    LayerReferenceDialog,
    reference_html,
)

# Words that stay in English in the Chinese interface: layer type names, proper
# names of networks and libraries, code values and maths.
ALLOWED = {spec.type.lower() for spec in all_specs()} | {
    word.lower()
    for word in [
        "PyTorch",
        "ONNX",
        "Adam",
        "SGD",
        "CPU",
        "GPU",
        "CUDA",
        "MNIST",
        "ReLU",
        "Xavier",  # Xavier and Kaiming initialisation: named after people
        "Kaiming",
        "Sigmoid",
        "Tanh",
        "MACs",
        "Grad",
        "CAM",
        "DenseNet",
        "GoogLeNet",
        "Inception",
        "MobileNet",
        "ResNet",
        "VGG",
        "Transformer",
        "Transformers",
        "LayerNorm",
        "GELU",
        "NLL",
        "VAE",
        "softmax",
        "depthwise",
        "pointwise",
        "groups",
        "same",
        "valid",
        "float",
        "long",
        "like",
        "logvar",
        "hidden",
        "nearest",
        "bilinear",
        "relu",
        "gelu",
        "tanh",
        "Net",
        "Ctrl",
        "Tab",
        "mu",
        "dim",
        "d_model",
    ]
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,}")


def english_words(texts: list[str], also_allowed: set[str] = frozenset()) -> set[str]:
    """Words of three or more Latin letters that are not allowed to stay English."""
    allowed = ALLOWED | {word.lower() for word in also_allowed}
    return {
        word
        for text in texts
        for word in WORD.findall(text)
        if word.lower() not in allowed
    }


def visible_texts(widget: QWidget) -> list[str]:
    """The texts of a widget's labels, buttons, group boxes and line edits' hints."""
    texts = []
    for label in widget.findChildren(QLabel):
        texts += [label.text(), label.toolTip()]
    for button in widget.findChildren(QAbstractButton):
        texts += [button.text(), button.toolTip()]
    for box in widget.findChildren(QGroupBox):
        texts.append(box.title())
    for edit in widget.findChildren(QLineEdit):
        texts.append(edit.placeholderText())
    return [prose(text) for text in texts if text]


def prose(text: str) -> str:
    """Rich text without its markup, entities and code (formulas stay as they are)."""
    return re.sub(r"<code>.*?</code>|<[^>]+>|&[a-z]+;", " ", text)


def switch(language: str) -> None:
    """Install ``language`` and deliver the LanguageChange events Qt posts."""
    install_language(language)
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    QApplication.processEvents()


def chinese(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None


@pytest.fixture
def language() -> Iterator[None]:
    """Chinese for the test; English again afterwards, whatever happens."""
    try:
        yield
    finally:
        switch("en")


@pytest.fixture
def window(qtbot, language) -> Iterator[MainWindow]:
    document = Document()
    document.load(SAMPLES_DIR / "cnn_mnist.json")
    window = MainWindow(document, interactive=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.document.undo_stack.clear()
    window.close()


def node_names(window: MainWindow) -> set[str]:
    return {node.name for node in window.document.graph.nodes}


def test_the_palette_switches_language(window: MainWindow) -> None:
    palette = window.palette_panel
    conv = palette.item_for("Conv2d")
    assert palette.search.placeholderText() == "Search layers…"
    assert conv.parent().text(0) == "Convolution"
    switch("zh_CN")
    assert palette.search.placeholderText() == "搜索层…"
    assert conv.parent().text(0) == "卷积"
    assert conv.text(0) == "Conv2d"  # type names stay
    assert chinese(conv.toolTip(0)) and chinese(conv.statusTip(0))
    groups = [
        palette.tree.topLevelItem(i).text(0)
        for i in range(palette.tree.topLevelItemCount())
    ]
    assert not english_words(groups)
    tooltips = [palette.item_for(spec.type).toolTip(0) for spec in all_specs()]
    assert not english_words([prose(tip) for tip in tooltips])
    palette.search.setText("卷积")  # the translated words are searched too
    assert "Conv2d" in palette.visible_types()
    palette.search.setText("")
    switch("en")
    assert conv.parent().text(0) == "Convolution"
    assert "Slides learned filters" in conv.toolTip(0)


def test_the_inspector_switches_language(window: MainWindow) -> None:
    graph = window.document.graph
    conv = next(node for node in graph.nodes if node.type == "Conv2d")
    window.document.set_selection([conv.id])
    inspector = window.inspector
    assert inspector.node_id == conv.id
    english = visible_texts(inspector.widget())
    assert "Out channels" in english and "PARAMETERS" in english
    switch("zh_CN")
    assert inspector.node_id == conv.id
    texts = visible_texts(inspector.widget())
    assert "输出通道数" in texts and "参数" in texts
    assert not english_words(texts, node_names(window))
    assert chinese(inspector.editors["out_channels"].field.toolTip())
    switch("en")
    assert "Out channels" in visible_texts(inspector.widget())


def test_the_inspector_hints_switch_language(window: MainWindow) -> None:
    inspector = window.inspector
    window.document.set_selection([])
    switch("zh_CN")
    assert not english_words([inspector.hint.text()]) and chinese(inspector.hint.text())
    ids = [node.id for node in window.document.graph.nodes][:3]
    window.document.set_selection(ids)
    assert inspector.hint.text().startswith("已选中 3 个层")
    switch("en")
    assert inspector.hint.text().startswith("3 layers selected")


def test_the_layer_reference_switches_language(qtbot, language) -> None:
    dialog = LayerReferenceDialog(lambda _category: QColor("grey"))
    qtbot.addWidget(dialog)
    assert "Slides learned filters" in dialog.browser.toPlainText()
    switch("zh_CN")
    assert dialog.windowTitle() == "层参考"
    assert chinese(dialog.browser.toPlainText())
    page = prose(reference_html(all_specs(), lambda _category: QColor("grey")))
    leftover = english_words([page], {"true", "false"})
    assert not leftover, leftover
    dialog.search.setText("卷积")
    assert "Conv2d" in dialog.browser.toPlainText()
    assert "Linear" not in dialog.browser.toPlainText()
    switch("en")
    assert dialog.windowTitle() == "Layer reference"
    dialog.search.setText("")
    assert "Slides learned filters" in dialog.browser.toPlainText()


def test_the_summary_problems_and_code_switch_language(window: MainWindow) -> None:
    summary = window.summary
    headers = [summary.headerItem().text(c) for c in range(summary.columnCount())]
    assert headers[:3] == ["Layer", "Type", "Output shape"]
    switch("zh_CN")
    headers = [summary.headerItem().text(c) for c in range(summary.columnCount())]
    assert headers[:3] == ["层", "类型", "输出形状"]
    total = summary.rows()[-1]
    assert total[0] == "合计" and chinese(total[1])
    problems = window.problems
    problem_headers = [
        problems.headerItem().text(c) for c in range(problems.columnCount())
    ]
    assert problem_headers == ["层", "问题", "网络"]
    assert chinese(problems.topLevelItem(0).text(1))
    code = window.code_view
    assert not english_words(
        [code.copy_button.text(), code.copy_button.toolTip(), code.status.text()]
    )
    switch("en")
    assert summary.rows()[-1][0] == "Total"
    assert code.copy_button.text() == "Copy"


def test_canvas_menus_and_cards_switch_language(window: MainWindow) -> None:
    scene = window.view.network_scene
    graph = window.document.graph
    node_id = graph.nodes[1].id
    switch("zh_CN")
    menus = [
        scene.node_menu(node_id),
        scene.edge_menu(graph.edges[0]),
        scene.canvas_menu(scene.itemsBoundingRect().center()),
    ]
    texts = [action.text() for menu in menus for action in menu.actions()]
    add_menu = menus[2].actions()[0].menu()
    texts += [action.text() for action in add_menu.actions()]
    assert "重命名" in texts and "添加层" in texts and "卷积" in texts
    assert not english_words([t for t in texts if t])
    assert format_value(True) == "是"
    assert chinese(port_description(graph, None, node_id, "in", "in"))
    conv = next(n for n in graph.nodes if n.type == "Conv2d")
    card = scene.node_item(conv.id)
    assert chinese(card.toolTip())
    assert chinese(card._param_lines[0][0])  # "输出通道数"
    assert window.view.quick_add.filter.placeholderText() == "添加层…输入文字筛选"
    switch("en")
    menu = scene.node_menu(node_id)
    assert menu.actions()[0].text() == "Rename"
    assert card._param_lines[0][0] == "Out channels"
    assert format_value(True) == "yes"


def test_the_inside_panel_switches_language(window: MainWindow) -> None:
    panel = window.action("inside_panel").trigger() or window.inside.dock.widget()
    assert "Train the network" in panel.title.text()
    switch("zh_CN")
    texts = visible_texts(panel) + [window.inside.dock.windowTitle()]
    assert chinese(panel.title.text())
    assert not english_words(texts)
    conv = next(n for n in window.document.graph.nodes if n.type == "Conv2d")
    stats = TensorStats((16, 26, 26), -1.0, 0.1, 2.0, 0.5)
    preview = LayerPreview(
        conv.id, conv.name, "Conv2d", "image", np.zeros((16, 26, 26), np.uint8), stats
    )
    step = ForwardStep(
        0, conv.id, conv.name, "Conv2d", [], [TensorSlot("out", stats)], "y = x"
    )
    report = ProbeReport(window.document.graph.name, [preview], steps=[step])
    window.inside.show_inside([report])
    window.document.set_selection([conv.id])
    assert "最大 2.00" in panel.title.text()
    card = window.view.network_scene.node_item(conv.id)
    previews = [child for child in card.childItems() if "最大" in child.toolTip()]
    assert previews  # the preview under the card says it in Chinese too
    switch("en")
    assert "max 2.00" in panel.title.text()
    assert window.inside.dock.windowTitle() == "Inside"
    assert any("max 2.00" in child.toolTip() for child in card.childItems())


def test_chinese_inspector_forms_fit_the_dock(window: MainWindow) -> None:
    """At 1280×800 no row of any layer's form is cut on the right."""
    document = window.document
    switch("zh_CN")
    too_wide = {}
    for index, spec in enumerate(all_specs()):
        node_id = document.add_node(spec.type, (4000.0 + 300 * index, 0.0), {})
        document.set_selection([node_id])
        QApplication.processEvents()
        needed = window.inspector.widget().minimumSizeHint().width()
        room = window.inspector.viewport().width()
        if needed > room:
            too_wide[spec.type] = (needed, room)
    assert not too_wide
