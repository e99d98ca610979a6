"""A Keras ``model.summary()``-like table of the current network, kept live."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
)

from designer.graph.model import Graph
from designer.graph.shape import format_shape
from designer.shapes.infer import GraphShapes
from designer.ui.language import LanguageFollower
from designer.ui.panels.formatting import format_compact, format_count, format_shapes
from designer.ui.plurals import plural_form
from designer.ui.problem_text import node_error
from designer.ui.theme import ThemeColors, follow_theme, qcolor

COLUMNS = (
    QT_TRANSLATE_NOOP("SummaryTable", "Layer"),
    QT_TRANSLATE_NOOP("SummaryTable", "Type"),
    QT_TRANSLATE_NOOP("SummaryTable", "Output shape"),
    QT_TRANSLATE_NOOP("SummaryTable", "Params"),
    QT_TRANSLATE_NOOP("SummaryTable", "MACs"),
)
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_ROLE = Qt.ItemDataRole.UserRole + 2  # the output shape is an error (drawn red)
TOTAL_LABEL = QT_TRANSLATE_NOOP("SummaryTable", "Total")


class SummaryTable(LanguageFollower, QTreeWidget):
    """One row per node in execution order, then a totals row."""

    nodeActivated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryTable")
        self.setColumnCount(len(COLUMNS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (3, 4):
            self.headerItem().setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.total_params = 0
        self.total_macs = 0
        self._shown: tuple[Graph, GraphShapes] | None = None
        follow_theme(self._restyle)
        self.retranslate()

    def retranslate(self) -> None:
        """Headers and rows in the current language."""
        self.setHeaderLabels(
            [QCoreApplication.translate("SummaryTable", c) for c in COLUMNS]
        )
        if self._shown is not None:
            self.set_analysis(*self._shown)

    def _restyle(self, theme: ThemeColors) -> None:
        self._error_color = qcolor(theme.error)
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item.data(2, ERROR_ROLE):
                item.setForeground(2, self._error_color)

    def set_analysis(self, graph: Graph, shapes: GraphShapes) -> None:
        self._shown = (graph, shapes)
        self.clear()
        ordered = list(shapes.order) + [
            n.id for n in graph.nodes if n.id not in shapes.order
        ]
        for node_id in ordered:
            if not graph.has_node(node_id):
                continue
            node = graph.node(node_id)
            info = shapes.nodes.get(node_id)
            if info is None:
                output = "—"
            elif info.error:
                output = self.tr("error")
            elif node.type == "Output" and info.inputs:
                output = format_shape(next(iter(info.inputs.values())))
            else:
                output = format_shapes(info.outputs)
            params = info.params if info else 0
            macs = info.macs if info else 0
            known = (
                info is not None
                and not info.error
                and (bool(info.outputs) or not node.output_ports())
            )
            params_text = format_count(params) if known else "—"
            macs_text = (format_compact(macs) if macs else "0") if known else "—"
            item = QTreeWidgetItem(
                [node.name, node.type, output, params_text, macs_text]
            )
            item.setData(0, NODE_ROLE, node_id)
            item.setToolTip(4, self.macs_tip(macs))
            if info is not None and info.error:
                item.setToolTip(2, node_error(info, node))
                item.setData(2, ERROR_ROLE, True)
                item.setForeground(2, self._error_color)
            self._align(item)
            self.addTopLevelItem(item)
        self.total_params = shapes.total_params
        self.total_macs = shapes.total_macs
        total = QTreeWidgetItem(
            [
                QCoreApplication.translate("SummaryTable", TOTAL_LABEL),
                plural_form(self.tr("%n layer(s)", "", len(ordered)), len(ordered)),
                "",
                format_count(self.total_params),
                format_compact(self.total_macs),
            ]
        )
        total.setToolTip(
            3,
            self.tr("{0} trainable parameters").format(format_count(self.total_params)),
        )
        total.setToolTip(4, self.macs_tip(self.total_macs))
        total.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(self.font())
        font.setBold(True)
        for column in range(len(COLUMNS)):
            total.setFont(column, font)
        self._align(total)
        self.addTopLevelItem(total)

    def macs_tip(self, macs: int) -> str:
        return self.tr("{0} multiply-accumulates per sample").format(format_count(macs))

    def rows(self) -> list[list[str]]:
        """The table's text, row by row (used by tests and for copying)."""
        return [
            [self.topLevelItem(r).text(c) for c in range(len(COLUMNS))]
            for r in range(self.topLevelItemCount())
        ]

    @staticmethod
    def _align(item: QTreeWidgetItem) -> None:
        for column in (3, 4):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        node_id = item.data(0, NODE_ROLE)
        if node_id:
            self.nodeActivated.emit(node_id)
