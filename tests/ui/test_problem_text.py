"""Problems and field messages follow the interface language (designer.ui.problem_text)."""

from __future__ import annotations

import re

import pytest

from designer.graph.catalog import all_specs, get_spec
from designer.graph.model import Graph
from designer.shapes.infer import infer_shapes
from designer.shapes.problems import describe, detail
from designer.ui.fields.editors import make_editor
from designer.ui.language import CHINESE, ENGLISH, install_language
from designer.ui.panels.problems import ProblemsList
from designer.ui.problem_text import (
    field_message,
    node_error,
    problem_detail,
    problem_message,
    problem_sentence,
)

# Names that stay as they are in Chinese: layer types, and the nodes and network here.
PROPER_NAMES = {spec.type for spec in all_specs()} | {
    "conv3",
    "conv2d_1",
    "fc1",
    "model",
}


def english_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]*", text)
    return [w for w in words if len(w) >= 3 and w not in PROPER_NAMES]


def is_chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and not english_words(text)


@pytest.fixture
def chinese(qapp):
    install_language(CHINESE)
    try:
        yield
    finally:
        install_language(ENGLISH)


def too_large_kernel() -> Graph:
    """Input (1, 3, 3) → Conv2d 'conv3' with a 5×5 kernel → Output, and a loose Linear."""
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [1, 3, 3]})
    conv = graph.add_node("Conv2d", name="conv3", params={"kernel_size": 5})
    out = graph.add_node("Output")
    graph.connect(x.id, "out", conv.id, "in")
    graph.connect(conv.id, "out", out.id, "in")
    graph.add_node("Linear", name="fc1")
    return graph


def test_english_is_what_the_model_says(qapp) -> None:
    install_language(ENGLISH)
    graph = too_large_kernel()
    shapes = infer_shapes(graph)
    assert len(shapes.problems) == 3
    for problem in shapes.problems:
        node = graph.node(problem.node) if problem.node else None
        assert problem_sentence(problem, graph) == describe(problem, graph)
        assert problem_sentence(problem, graph, with_network=True) == describe(
            problem, graph, with_network=True
        )
        assert problem_detail(problem, graph) == detail(problem, graph)
        assert problem_message(problem, node) == problem.message


def test_a_broken_graph_reads_in_chinese_and_names_its_node(chinese) -> None:
    graph = too_large_kernel()
    shapes = infer_shapes(graph)
    [conv] = [n for n in graph.nodes if n.name == "conv3"]
    [kernel] = shapes.problems_for(conv.id)
    sentence = problem_sentence(kernel, graph)
    assert sentence == "Conv2d“conv3”：卷积核 5×5 比 3×3 的输入还大"
    assert problem_detail(kernel, graph) == "卷积核 5×5 比 3×3 的输入还大"
    assert problem_message(kernel, conv) == sentence
    assert node_error(shapes.nodes[conv.id], conv) == sentence
    for problem in shapes.problems:
        node = graph.node(problem.node) if problem.node else None
        for text in (
            problem_sentence(problem, graph, with_network=True),
            problem_detail(problem, graph),
            problem_message(problem, node),
        ):
            assert is_chinese(text), text
    [linear] = [n for n in graph.nodes if n.name == "fc1"]
    [loose] = [p for p in shapes.problems_for(linear.id) if p.is_error]
    assert problem_sentence(loose, graph) == "Linear“fc1”：输入端口未连接"
    install_language(ENGLISH)
    assert problem_sentence(kernel, graph) == (
        "Conv2d 'conv3': kernel 5×5 is larger than its 3×3 input"
    )


def test_word_arguments_and_field_messages_are_translated_too(chinese) -> None:
    graph = Graph()
    x = graph.add_node("Input", params={"shape": [8, "L"]})
    linear = graph.add_node("Linear", name="fc1")
    graph.connect(x.id, "out", linear.id, "in")
    graph.connect(linear.id, "out", graph.add_node("Output").id, "in")
    [problem] = infer_shapes(graph).errors
    assert problem_detail(problem, graph) == "需要确定的输入特征数，但它是符号尺寸 'L'"
    shape = get_spec("Input").param("shape")
    assert field_message(shape.parse_message("1, N")[1]) == (
        "第 1 维不能叫 N：N 表示批大小，样本形状里不写它"
    )
    out_features = get_spec("Linear").param("out_features")
    assert field_message(out_features.check_message(0)) == (
        "必须是不小于 1 的整数，当前为 0"
    )
    assert field_message(None) is None


def test_the_field_editor_and_the_problems_panel_show_chinese(
    chinese, qtbot, document, chain
) -> None:
    editor = make_editor(get_spec("Input").param("shape"))
    qtbot.addWidget(editor.container)
    editor.field.clear()
    qtbot.keyClicks(editor.field, "1, N")
    assert editor.message.text() == "第 1 维不能叫 N：N 表示批大小，样本形状里不写它"

    chain(document, [("Input", {"shape": [1, 3, 3]}), ("Conv2d", {"kernel_size": 5})])
    panel = ProblemsList()
    qtbot.addWidget(panel)
    panel.set_problems(document.project, document.analysis)
    texts = [panel.topLevelItem(k).text(1) for k in range(panel.topLevelItemCount())]
    tips = [panel.topLevelItem(k).toolTip(1) for k in range(panel.topLevelItemCount())]
    assert "卷积核 5×5 比 3×3 的输入还大" in texts
    assert all(is_chinese(text) for text in texts + tips), texts + tips
    install_language(ENGLISH)
    panel.set_problems(document.project, document.analysis)
    texts = [panel.topLevelItem(k).text(1) for k in range(panel.topLevelItemCount())]
    assert "kernel 5×5 is larger than its 3×3 input" in texts
    assert not any(re.search(r"[\u4e00-\u9fff]", text) for text in texts)
