"""The dock panels on their own: palette, inspector, summary, problems, code view."""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from designer.fields import parse_sizes
from designer.graph.catalog import all_specs
from designer.graph.model import Graph, GraphError, Project
from designer.shapes.infer import infer_shapes
from designer.ui.panels.code_view import CodeView
from designer.ui.panels.inspector import Inspector
from designer.ui.panels.palette import LAYER_MIME_TYPE, LayerPalette
from designer.ui.panels.problems import ProblemsList
from designer.ui.panels.summary import TOTAL_LABEL, SummaryTable


def grey(_category: str) -> QColor:
    return QColor("#888888")


def small_cnn() -> Graph:
    graph = Graph("model")
    image = graph.add_node("Input", "image", {"shape": [1, 28, 28]})
    conv = graph.add_node("Conv2d", "conv1", {"out_channels": 8, "kernel_size": 3})
    flat = graph.add_node("Flatten", "flat")
    dense = graph.add_node("Linear", "fc", {"out_features": 10})
    out = graph.add_node("Output", "logits")
    for a, b in ((image, conv), (conv, flat), (flat, dense), (dense, out)):
        graph.connect(a.id, "out", b.id, "in")
    return graph


class GraphEditor:
    """Stands in for the document: applies edits to a Graph, keeps an undo list."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.undo: list[tuple[str, str, Any]] = []

    def set_param(self, node_id: str, key: str, value: Any) -> str | None:
        old = self.graph.node(node_id).params[key]
        try:
            self.graph.set_param(node_id, key, value)
        except GraphError as error:
            return str(error)
        self.undo.append((node_id, key, old))
        return None

    def rename(self, node_id: str, name: str) -> str | None:
        try:
            self.graph.rename(node_id, name)
        except GraphError as error:
            return str(error)
        return None


# -- palette -----------------------------------------------------------------------


def test_palette_lists_every_layer_type_and_filters(qtbot) -> None:
    palette = LayerPalette(grey)
    qtbot.addWidget(palette)
    assert set(palette.visible_types()) == {s.type for s in all_specs()}

    palette.search.setText("conv")
    visible = palette.visible_types()
    assert "Conv2d" in visible and "Conv1d" in visible
    assert "Linear" not in visible and "ReLU" not in visible
    assert palette.visible_categories() == ["Convolution"]

    palette.search.setText("nothing-matches-this")
    assert palette.visible_types() == []
    palette.search.clear()
    assert len(palette.visible_types()) == len(all_specs())


def test_palette_filter_searches_descriptions(qtbot) -> None:
    palette = LayerPalette(grey)
    qtbot.addWidget(palette)
    spec = next(s for s in all_specs() if s.type == "Dropout")
    word = max(spec.description.split(), key=len).strip(".,()").lower()
    palette.set_filter(word)
    assert "Dropout" in palette.visible_types()


def test_palette_drag_carries_the_layer_type(qtbot) -> None:
    palette = LayerPalette(grey)
    qtbot.addWidget(palette)
    data = palette.mime_data_for("Conv2d")
    assert data.hasFormat(LAYER_MIME_TYPE)
    assert bytes(data.data(LAYER_MIME_TYPE)).decode("utf-8") == "Conv2d"
    assert palette.tree.mimeTypes() == [LAYER_MIME_TYPE]
    assert palette.item_for("Conv2d").flags() & Qt.ItemFlag.ItemIsDragEnabled
    drag = palette.tree.make_drag(palette.item_for("Conv2d"))
    assert bytes(drag.mimeData().data(LAYER_MIME_TYPE)).decode("utf-8") == "Conv2d"
    assert not drag.pixmap().isNull()
    category = palette.tree.topLevelItem(0)
    assert palette.tree.make_drag(category) is None


def test_palette_tooltip_and_activation(qtbot) -> None:
    palette = LayerPalette(grey)
    qtbot.addWidget(palette)
    spec = next(s for s in all_specs() if s.type == "Linear")
    tooltip = palette.item_for("Linear").toolTip(0)
    assert "Linear" in tooltip and spec.description[:20] in tooltip.replace(
        "&#x27;", "'"
    )
    with qtbot.waitSignal(palette.layerActivated) as blocker:
        palette.tree.itemDoubleClicked.emit(palette.item_for("Linear"), 0)
    assert blocker.args == ["Linear"]
    palette.tree.setCurrentItem(palette.item_for("GELU"))
    with qtbot.waitSignal(palette.layerActivated) as blocker:
        qtbot.keyClick(palette.tree, Qt.Key.Key_Return)
    assert blocker.args == ["GELU"]
    palette.search.setText("relu")
    with qtbot.waitSignal(palette.layerActivated) as blocker:
        palette.search.returnPressed.emit()
    assert blocker.args[0] in palette.visible_types()


# -- inspector ---------------------------------------------------------------------


def make_inspector(qtbot, graph: Graph) -> tuple[Inspector, GraphEditor]:
    editor = GraphEditor(graph)
    inspector = Inspector(editor.set_param, editor.rename, grey)
    qtbot.addWidget(inspector)
    return inspector, editor


def show(inspector: Inspector, graph: Graph, name: str) -> str:
    node = graph.node_by_name(name)
    inspector.show_node(node, infer_shapes(graph).nodes.get(node.id))
    return node.id


def test_inspector_builds_widgets_per_parameter_kind(qtbot) -> None:
    graph = small_cnn()
    graph.add_node("Dropout", "drop")
    graph.add_node("Upsample", "up")
    inspector, _ = make_inspector(qtbot, graph)

    show(inspector, graph, "conv1")
    fields = {name: editor.field for name, editor in inspector.editors.items()}
    assert isinstance(fields["out_channels"], QSpinBox)
    assert fields["out_channels"].minimum() == 1
    assert fields["out_channels"].value() == 8
    assert isinstance(fields["bias"], QCheckBox) and fields["bias"].isChecked()
    assert isinstance(fields["padding"], QComboBox) and fields["padding"].isEditable()
    assert set(inspector.inferred_labels) == {"in_channels"}
    assert inspector.inferred_labels["in_channels"].text() == "1"
    assert inspector.output_label.text() == "(N, 8, 26, 26)"
    assert inspector.params_label.text() == "80"

    show(inspector, graph, "drop")
    assert isinstance(inspector.editors["p"].field, QDoubleSpinBox)
    assert inspector.editors["p"].field.maximum() <= 1.0

    show(inspector, graph, "up")
    assert isinstance(inspector.editors["mode"].field, QComboBox)
    assert not inspector.editors["mode"].field.isEditable()

    show(inspector, graph, "image")
    assert isinstance(inspector.editors["shape"].field, QLineEdit)
    assert inspector.editors["shape"].field.text() == "1, 28, 28"


def test_inspector_rejects_invalid_shape_text_without_applying(qtbot) -> None:
    graph = small_cnn()
    inspector, editor = make_inspector(qtbot, graph)
    node_id = show(inspector, graph, "image")
    field = inspector.editors["shape"].field
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, "1, -28, 28")
    assert inspector.editors["shape"].invalid
    message = inspector.editors["shape"].message
    assert not message.isHidden() and "positive" in message.text()
    field.editingFinished.emit()
    assert graph.node(node_id).params["shape"] == [1, 28, 28]
    assert editor.undo == []


def test_inspector_applies_valid_text_and_symbolic_names(qtbot) -> None:
    graph = Graph("model")
    node = graph.add_node("Input", "tokens", {"shape": [10]})
    inspector, editor = make_inspector(qtbot, graph)
    show(inspector, graph, "tokens")
    field = inspector.editors["shape"].field
    field.setText("L, 32")
    field.textEdited.emit("L, 32")
    assert not inspector.editors["shape"].invalid
    field.editingFinished.emit()
    assert graph.node(node.id).params["shape"] == ["L", 32]
    assert editor.undo == [(node.id, "shape", [10])]


def test_inspector_spinbox_applies_through_set_param(qtbot) -> None:
    graph = small_cnn()
    inspector, editor = make_inspector(qtbot, graph)
    node_id = show(inspector, graph, "fc")
    inspector.editors["out_features"].field.setValue(42)
    assert graph.node(node_id).params["out_features"] == 42
    assert editor.undo == [(node_id, "out_features", 10)]


def test_scrolling_over_the_inspector_changes_no_parameter(qtbot) -> None:
    from tests.ui.test_field_editors import wheel

    graph = small_cnn()
    inspector, editor = make_inspector(qtbot, graph)
    node_id = show(inspector, graph, "conv1")
    inspector.show()
    qtbot.waitExposed(inspector)
    for name in ("out_channels", "padding"):
        event = wheel(inspector.editors[name].field, notches=-1)
        assert not event.isAccepted()
    assert graph.node(node_id).params["out_channels"] == 8
    assert editor.undo == []


def test_inspector_shows_the_models_refusal(qtbot) -> None:
    graph = small_cnn()
    calls: list[Any] = []

    def refuse(node_id: str, key: str, value: Any) -> str:
        calls.append(value)
        return "groups=3 must divide both channel counts"

    inspector = Inspector(refuse, lambda *_: None, grey)
    qtbot.addWidget(inspector)
    show(inspector, graph, "conv1")
    inspector.editors["groups"].field.setValue(3)
    assert calls == [3]
    assert "groups=3" in inspector.editors["groups"].message.text()
    assert inspector.editors["groups"].invalid


def test_inspector_padding_accepts_words_and_numbers(qtbot) -> None:
    graph = small_cnn()
    inspector, _ = make_inspector(qtbot, graph)
    node_id = show(inspector, graph, "conv1")
    combo = inspector.editors["padding"].field
    combo.setEditText("same")
    combo.lineEdit().editingFinished.emit()
    assert graph.node(node_id).params["padding"] == "same"
    combo.setEditText("wide")
    combo.lineEdit().textEdited.emit("wide")
    assert inspector.editors["padding"].invalid
    combo.lineEdit().editingFinished.emit()
    assert graph.node(node_id).params["padding"] == "same"
    combo.setEditText("2")
    combo.lineEdit().editingFinished.emit()
    assert graph.node(node_id).params["padding"] == 2


def test_inspector_rename_and_duplicate_name_message(qtbot) -> None:
    graph = small_cnn()
    inspector, _ = make_inspector(qtbot, graph)
    node_id = show(inspector, graph, "fc")
    inspector.name_edit.setText("classifier")
    inspector.name_edit.editingFinished.emit()
    assert graph.node(node_id).name == "classifier"
    inspector.show_node(graph.node(node_id), None)
    inspector.name_edit.setText("conv1")
    inspector.name_edit.editingFinished.emit()
    assert graph.node(node_id).name == "classifier"
    assert "conv1" in inspector.name_message.text()


def test_inspector_hints_for_no_and_multiple_selection(qtbot) -> None:
    graph = small_cnn()
    inspector, _ = make_inspector(qtbot, graph)
    inspector.show_selection([], None)
    assert "Select a layer" in inspector.hint.text()
    assert inspector.node_id is None
    nodes = graph.nodes[:3]
    inspector.show_selection(nodes, infer_shapes(graph))
    assert "3 layers selected" in inspector.hint.text()
    assert inspector.editors == {}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("1, 28, 28", "shape", [1, 28, 28]),
        ("(3 32 32)", "shape", [3, 32, 32]),
        ("L, 64", "shape", ["L", 64]),
        ("16, -1", "target_shape", [16, -1]),
        ("0,2,1", "ints", [0, 2, 1]),
    ],
)
def test_parse_sizes(text: str, kind: str, expected: list) -> None:
    assert parse_sizes(text, kind) == (expected, None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("", "shape"), ("L, 3", "ints"), ("1.5", "shape"), ("a-b", "shape")],
)
def test_parse_sizes_rejects(text: str, kind: str) -> None:
    value, problem = parse_sizes(text, kind)
    assert value is None and problem


# -- summary, problems, code ---------------------------------------------------------


def test_summary_totals_equal_the_inference_totals(qtbot) -> None:
    graph = small_cnn()
    shapes = infer_shapes(graph)
    table = SummaryTable()
    qtbot.addWidget(table)
    table.set_analysis(graph, shapes)
    rows = table.rows()
    assert [r[0] for r in rows[:-1]] == [graph.node(i).name for i in shapes.order]
    total = rows[-1]
    assert total[0] == TOTAL_LABEL
    assert total[3] == f"{shapes.total_params:,}"
    assert table.total_params == shapes.total_params == 80 + 8 * 26 * 26 * 10 + 10
    assert table.total_macs == shapes.total_macs
    fc = next(r for r in rows if r[0] == "fc")
    assert fc[1] == "Linear" and fc[2] == "(N, 10)"


def test_summary_marks_counts_it_could_not_work_out(qtbot) -> None:
    graph = small_cnn()
    graph.set_param(graph.node_by_name("conv1").id, "kernel_size", 40)
    table = SummaryTable()
    qtbot.addWidget(table)
    table.set_analysis(graph, infer_shapes(graph))
    rows = {r[0]: r for r in table.rows()}
    assert rows["conv1"][2] == "error" and rows["conv1"][3] == "—"
    assert rows["fc"][2] == "—" and rows["fc"][3] == "—"
    assert rows["image"][3] == "0"


def test_summary_row_click_reports_the_node(qtbot) -> None:
    graph = small_cnn()
    table = SummaryTable()
    qtbot.addWidget(table)
    table.set_analysis(graph, infer_shapes(graph))
    with qtbot.waitSignal(table.nodeActivated) as blocker:
        table.itemClicked.emit(table.topLevelItem(1), 0)
    assert blocker.args == [graph.node_by_name("conv1").id]


def test_problems_list_errors_and_reports_clicks(qtbot) -> None:
    graph = small_cnn()
    conv = graph.node_by_name("conv1")
    graph.set_param(conv.id, "kernel_size", 40)
    project = Project("p", [graph])
    problems = ProblemsList()
    qtbot.addWidget(problems)
    problems.set_problems(project, {"model": infer_shapes(graph)})
    assert problems.error_count >= 1
    first = problems.topLevelItem(0)
    assert first.text(0) == "conv1" and "larger" in first.text(1)
    # The layer column names the node, so the message does not repeat it; the
    # tooltip is the whole sentence the command line prints.
    assert not first.text(1).startswith("Conv2d 'conv1'")
    assert first.toolTip(1) == f"Conv2d 'conv1': {first.text(1)}"
    with qtbot.waitSignal(problems.problemActivated) as blocker:
        problems.itemClicked.emit(first, 1)
    assert blocker.args == ["model", conv.id]


def test_problems_list_says_when_all_is_well(qtbot) -> None:
    graph = small_cnn()
    problems = ProblemsList()
    qtbot.addWidget(problems)
    problems.set_problems(Project("p", [graph]), {"model": infer_shapes(graph)})
    assert problems.count == 0
    assert "No problems" in problems.topLevelItem(0).text(1)


def test_code_view_shows_code_or_the_error(qtbot) -> None:
    view = CodeView()
    qtbot.addWidget(view)
    view.set_code("import torch\n\n\nclass M:\n    pass\n")
    assert view.editor.toPlainText().startswith("import torch")
    assert view.export_button.isEnabled()
    view.copy_to_clipboard()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text().startswith("import torch")
    view.set_error("network 'model' has problems")
    assert view.editor.toPlainText() == "network 'model' has problems"
    assert not view.export_button.isEnabled()
    assert view.code == ""


def test_python_highlighter_colours_tokens(qtbot) -> None:
    view = CodeView()
    qtbot.addWidget(view)
    view.set_code(
        '@decorator\ndef f(x):  # note\n    return "s" + 12\n"""doc\nstill doc\n"""\nclass A:\n    pass\n'
    )
    document = view.editor.document()

    def colour_at(line: int, column: int) -> str:
        block = document.findBlockByNumber(line)
        for fmt_range in block.layout().formats():
            if fmt_range.start <= column < fmt_range.start + fmt_range.length:
                return fmt_range.format.foreground().color().name()
        return "none"

    h = view.highlighter
    name = lambda kind: h.format_for(kind).foreground().color().name()  # noqa: E731
    assert colour_at(0, 0) == name("decorator")
    assert colour_at(1, 0) == name("keyword")
    assert colour_at(1, 4) == name("definition")
    assert colour_at(1, 12) == name("comment")
    assert colour_at(2, 11) == name("string")
    assert colour_at(2, 18) == name("number")
    assert colour_at(4, 2) == name("string")  # inside a triple-quoted string
    assert colour_at(6, 0) == name("keyword")


def test_inspector_shows_the_nodes_errors_and_warnings(qtbot) -> None:
    graph = small_cnn()
    conv = graph.node_by_name("conv1")
    graph.set_param(conv.id, "kernel_size", 40)
    loose = graph.add_node("ReLU", "loose")
    inspector, _ = make_inspector(qtbot, graph)
    analysis = infer_shapes(graph)
    inspector.show_selection([conv], analysis)
    assert not inspector.error_label.isHidden()
    assert "larger" in inspector.error_label.text()
    inspector.show_selection([graph.node(loose.id)], analysis)
    messages = [p.message for p in analysis.problems_for(loose.id)]
    assert messages, "an unconnected layer should be reported"
    shown = inspector.error_label.text() + inspector.warning_label.text()
    assert all(m in shown for m in messages)
    inspector.show_selection([graph.node_by_name("fc")], analysis)
    assert inspector.error_label.isHidden() and inspector.warning_label.isHidden()


def test_inspector_does_not_keep_old_editors(qtbot) -> None:
    from designer.ui.fields.editors import FieldEditor

    graph = small_cnn()
    inspector, _ = make_inspector(qtbot, graph)
    for _ in range(5):
        for name in ("conv1", "fc", "image"):
            show(inspector, graph, name)
    qtbot.wait(10)  # let deleteLater run
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    alive = inspector.findChildren(FieldEditor)
    assert len(alive) == len(inspector.editors) == 2  # the Input's shape and dtype


@pytest.mark.parametrize(
    ("default", "step"),
    [(0.5, 0.1), (0.01, 0.01), (1.0, 0.1), (0.0, 0.1), (0.002, 0.001)],
)
def test_float_step_follows_the_default(default: float, step: float) -> None:
    from designer.ui.fields.widgets import float_step

    assert float_step(default) == pytest.approx(step)


def test_palette_down_arrow_moves_from_search_to_the_first_match(qtbot) -> None:
    palette = LayerPalette(grey)
    qtbot.addWidget(palette)
    palette.show()
    palette.search.setText("pool")
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)
    assert palette.tree.currentItem() is palette.item_for(palette.visible_types()[0])
    assert "Pool" in palette.tree.currentItem().text(0)


def test_inspector_shows_unknown_counts_for_a_layer_in_error(qtbot) -> None:
    graph = small_cnn()
    conv = graph.node_by_name("conv1")
    graph.set_param(conv.id, "kernel_size", 40)
    inspector, _ = make_inspector(qtbot, graph)
    show(inspector, graph, "conv1")
    assert inspector.params_label.text() == "—" and inspector.macs_label.text() == "—"
    show(inspector, graph, "fc")  # downstream of the error: not inferred either
    assert inspector.params_label.text() == "—"
    graph.set_param(conv.id, "kernel_size", 3)
    show(inspector, graph, "conv1")
    assert inspector.params_label.text() == "80"
