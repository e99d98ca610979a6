"""The inspector: the selected node's name, parameters, inferred values and counts.

The form is generated from the layer's parameter fields (:mod:`designer.fields`),
with the editors of :mod:`designer.ui.fields.editors`.  Edits go through
two callables the window provides (``apply_param`` and ``rename``, normally the
document's ``set_param`` and ``rename``); each returns None or a message for people.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from designer.fields import format_value
from designer.graph.catalog import LayerSpec
from designer.graph.model import Node
from designer.shapes.infer import GraphShapes, NodeShapes
from designer.shapes.problems import Problem
from designer.ui.catalog_texts import layer_text
from designer.ui.fields.editors import ChoiceEditor, FieldEditor, make_editor
from designer.ui.language import LanguageFollower
from designer.ui.panels.formatting import format_compact, format_count, format_shapes
from designer.ui.plurals import plural_form
from designer.ui.problem_text import node_error, problem_message
from designer.ui.theme import repolish

ApplyParam = Callable[[str, str, Any], "str | None"]
Rename = Callable[[str, str], "str | None"]
ColorFor = Callable[[str], QColor]
LONG_TYPE_NAME = 16  # characters; longer type names get a smaller header


def _section(title: str) -> QLabel:
    label = QLabel(title.upper())
    label.setObjectName("sectionTitle")
    return label


def _value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("readOnlyValue")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class Inspector(LanguageFollower, QScrollArea):
    """Shows one node, or a hint when nothing or several nodes are selected."""

    def __init__(
        self,
        apply_param: ApplyParam,
        rename: Rename,
        color_for: ColorFor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._apply_param = apply_param
        self._rename = rename
        self._color_for = color_for
        self._node_id: str | None = None
        self._node_name = ""
        self._layout_key: tuple[str, str] | None = (
            None  # (node id, type) of the built form
        )
        self.editors: dict[str, FieldEditor] = {}
        self.inferred_labels: dict[str, QLabel] = {}
        self.name_edit: QLineEdit | None = None
        self.name_message: QLabel | None = None
        self.hint = QLabel()
        # What is shown, to show again in another language: the selection
        # (nodes, analysis) or one node (node, shapes, problems).
        self._shown: tuple[Any, ...] = ("selection", [], None)
        self.retranslate()

    def retranslate(self) -> None:
        """Show the same selection again, every text in the current language."""
        self._layout_key = None  # rebuild the form: its labels are translated
        kind, *shown = self._shown
        if kind == "node":
            self.show_node(*shown)
        else:
            self.show_selection(*shown)

    def no_selection_hint(self) -> str:
        return self.tr(
            "Select a layer on the canvas to see and edit its parameters.\n\n"
            "Drag layers from the palette, or double-click one to add it."
        )

    # -- public state -------------------------------------------------------------------
    @property
    def node_id(self) -> str | None:
        return self._node_id

    def show_hint(self, text: str) -> None:
        """No node or several nodes: replace the form with a hint."""
        self._node_id = None
        self._layout_key = None
        self.editors, self.inferred_labels = {}, {}
        self.name_edit = self.name_message = None
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 16, 12, 12)
        self.hint = QLabel(text)
        self.hint.setObjectName("inspectorHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.setWidget(page)

    def show_selection(self, nodes: list[Node], analysis: GraphShapes | None) -> None:
        """Show the selection: one node's form, or a hint for none/several."""
        info = analysis.nodes if analysis is not None else {}
        if not nodes:
            self.show_hint(self.no_selection_hint())
            self._shown = ("selection", [], None)
        elif len(nodes) > 1:
            params = sum(info[n.id].params for n in nodes if n.id in info)
            selected = plural_form(
                self.tr("%n layer(s) selected ({0} parameters).", "", len(nodes)),
                len(nodes),
            )
            self.show_hint(
                selected.format(format_count(params))
                + "\n\n"
                + self.tr(
                    "Select a single layer to edit its parameters. Delete, Duplicate "
                    "(Ctrl+D) and Copy act on the whole selection."
                )
            )
            self._shown = ("selection", list(nodes), analysis)
        else:
            problems = (
                analysis.problems_for(nodes[0].id) if analysis is not None else []
            )
            self.show_node(nodes[0], info.get(nodes[0].id), problems)

    def show_node(
        self,
        node: Node,
        shapes: NodeShapes | None,
        problems: list[Problem] | None = None,
    ) -> None:
        """Show one node; ``problems`` are its errors and warnings from the analysis."""
        key = (node.id, node.type)
        if key != self._layout_key:
            self._build(node)
            self._layout_key = key
        self._node_id = node.id
        self._node_name = node.name
        self._shown = ("node", node, shapes, problems)
        self._update(node, shapes, problems or [])

    # -- building -------------------------------------------------------------------------
    def _build(self, node: Node) -> None:
        spec = node.spec
        page = QWidget()
        page.setObjectName("inspectorPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(10, 10, 10, 10)
        outer.setSpacing(8)

        outer.addWidget(self._header(spec))
        self.error_label = QLabel()
        self.error_label.setObjectName("nodeError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("nodeWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        outer.addWidget(self.warning_label)

        form = self._form()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setMaxLength(64)
        self.name_edit.editingFinished.connect(self._commit_name)
        self.name_message = QLabel()
        self.name_message.setObjectName("fieldMessage")
        self.name_message.setWordWrap(True)
        self.name_message.hide()
        name_box = QWidget()
        name_layout = QVBoxLayout(name_box)
        name_layout.setContentsMargins(0, 0, 0, 0)
        name_layout.setSpacing(2)
        name_layout.addWidget(self.name_edit)
        name_layout.addWidget(self.name_message)
        form.addRow(self.tr("Name"), name_box)
        outer.addLayout(form)

        self.editors = {}
        if spec.params:
            outer.addWidget(_section(self.tr("Parameters")))
            form = self._form()
            for param in spec.params:
                editor = make_editor(param, page)  # deleted with the page
                editor.committed.connect(
                    lambda value, name=param.name, ed=editor: self._commit(
                        name, value, ed
                    )
                )
                label = QLabel(layer_text(param.title))
                if param.help:
                    label.setToolTip(layer_text(param.help))
                    editor.field.setToolTip(layer_text(param.help))
                if isinstance(editor, ChoiceEditor):
                    editor.set_choices(
                        [(v, layer_text(text)) for v, text in param.labelled_choices()]
                    )
                form.addRow(label, editor.container)
                self.editors[param.name] = editor
            outer.addLayout(form)

        self.inferred_labels = {}
        if spec.inferred_names:
            outer.addWidget(_section(self.tr("Inferred from the input")))
            form = self._form()
            for name in spec.inferred_names:
                label = _value_label()
                label.setToolTip(
                    self.tr("Worked out from the shape of the input; not editable.")
                )
                form.addRow(layer_text(name.replace("_", " ").capitalize()), label)
                self.inferred_labels[name] = label
            outer.addLayout(form)

        outer.addWidget(_section(self.tr("Shapes and size")))
        form = self._form()
        self.input_label = _value_label()
        self.output_label = _value_label()
        self.params_label = _value_label()
        self.macs_label = _value_label()
        form.addRow(self.tr("Input"), self.input_label)
        form.addRow(self.tr("Output"), self.output_label)
        form.addRow(self.tr("Parameters"), self.params_label)
        macs = QLabel(self.tr("MACs"))
        macs.setToolTip(self.tr("Multiply-accumulate operations per sample"))
        form.addRow(macs, self.macs_label)
        outer.addLayout(form)

        outer.addWidget(_section(self.tr("About this layer")))
        about = QLabel(self._about_html(spec))
        about.setObjectName("layerAbout")
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(about)
        outer.addStretch(1)
        self.setWidget(page)

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A narrow dock puts a long label above its editor instead of cutting the row.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        return form

    def _header(self, spec: LayerSpec) -> QWidget:
        color = self._color_for(spec.category)
        # A long type name (TransformerEncoderLayer) in x-large would widen the
        # page past the dock and cut every row on the right.
        size = "x-large" if len(spec.type) <= LONG_TYPE_NAME else "large"
        header = QLabel(
            f"<div style='font-size:{size}; font-weight:600'>{html.escape(spec.type)}</div>"
            f"<div><span style='color:{color.name()}'>●</span>&nbsp;{html.escape(layer_text(spec.category))}</div>"
        )
        header.setObjectName("inspectorHeader")
        header.setTextFormat(Qt.TextFormat.RichText)
        header.setWordWrap(True)
        header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return header

    @staticmethod
    def _about_html(spec: LayerSpec) -> str:
        text = f"<p>{html.escape(layer_text(spec.description))}</p>"
        if spec.formula:
            text += f"<p><code>{html.escape(layer_text(spec.formula))}</code></p>"
        return text

    # -- updating -------------------------------------------------------------------------
    def _update(
        self, node: Node, shapes: NodeShapes | None, problems: list[Problem]
    ) -> None:
        assert self.name_edit is not None
        if not self.name_edit.hasFocus():
            with QSignalBlocker(self.name_edit):
                self.name_edit.setText(node.name)
        for name, editor in self.editors.items():
            if not (editor.invalid and editor.is_editing()):
                editor.set_value(node.params[name])
        for name, label in self.inferred_labels.items():
            value = shapes.inferred.get(name) if shapes else None
            label.setText("—" if value is None else format_value(value))
        if shapes is None:
            self.input_label.setText("—")
            self.output_label.setText("—")
            self.params_label.setText("—")
            self.macs_label.setText("—")
        else:
            self.input_label.setText(format_shapes(shapes.inputs))
            self.output_label.setText(format_shapes(shapes.outputs))
            if shapes.error or not shapes.outputs and node.output_ports():
                # Not worked out (an error here or upstream): unknown, not zero.
                self.params_label.setText("—")
                self.macs_label.setText("—")
            else:
                self.params_label.setText(format_count(shapes.params))
                compact, full = format_compact(shapes.macs), format_count(shapes.macs)
                self.macs_label.setText(
                    full if compact == full.replace(",", "") else f"{compact}  ({full})"
                )
        errors = [problem_message(p, node) for p in problems if p.is_error]
        if (
            shapes is not None
            and shapes.error
            and shapes.error not in {p.message for p in problems if p.is_error}
        ):
            errors.insert(0, node_error(shapes, node))
        warnings = [problem_message(p, node) for p in problems if not p.is_error]
        self.error_label.setText("\n".join(errors))
        self.error_label.setVisible(bool(errors))
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))

    def _commit(self, name: str, value: Any, editor: FieldEditor) -> None:
        if self._node_id is None:
            return
        problem = self._apply_param(self._node_id, name, value)
        editor.show_message(problem)

    def _commit_name(self) -> None:
        if self._node_id is None or self.name_edit is None or self.name_message is None:
            return
        if self.name_edit.text().strip() == self._node_name:
            problem = None
        else:
            problem = self._rename(self._node_id, self.name_edit.text())
        self.name_message.setText(problem or "")
        self.name_message.setVisible(bool(problem))
        self.name_edit.setProperty("invalid", bool(problem))
        repolish(self.name_edit)
