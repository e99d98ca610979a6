"""Every error and warning of the project; clicking one selects and centres its node."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
)

from designer.graph.model import Project
from designer.shapes.infer import GraphShapes
from designer.shapes.problems import Problem
from designer.ui.language import LanguageFollower
from designer.ui.problem_text import problem_detail, problem_sentence

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
NETWORK_ROLE = Qt.ItemDataRole.UserRole + 2


class ProblemsList(LanguageFollower, QTreeWidget):
    """Columns: severity icon + node name, message (and network for GAN projects)."""

    problemActivated = Signal(str, str)  # network name, node id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsList")
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setIconSize(QSize(16, 16))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.itemClicked.connect(self._activated)
        self.itemActivated.connect(self._activated)
        self.error_count = 0
        self.warning_count = 0
        self._shown: tuple[Project, Mapping[str, GraphShapes]] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Headings and the list in the current language."""
        self.setHeaderLabels([self.tr("Layer"), self.tr("Problem"), self.tr("Network")])
        if self._shown is not None:
            self.set_problems(*self._shown)

    def set_problems(
        self, project: Project, analysis: Mapping[str, GraphShapes]
    ) -> None:
        self._shown = (project, analysis)
        self.clear()
        self.error_count = self.warning_count = 0
        several = len(project.networks) > 1
        for graph in project.networks:
            shapes = analysis.get(graph.name)
            if shapes is None:
                continue
            for problem in sorted(shapes.problems, key=_severity_first):
                name = (
                    graph.node(problem.node).name
                    if problem.node and graph.has_node(problem.node)
                    else "—"
                )
                # The layer column names the node, so the message leaves it out.
                item = QTreeWidgetItem(
                    [
                        name,
                        problem_detail(problem, graph),
                        graph.name if several else "",
                    ]
                )
                item.setIcon(0, self._icon(problem.is_error))
                item.setToolTip(1, problem_sentence(problem, graph))
                item.setData(0, NODE_ROLE, problem.node or "")
                item.setData(0, NETWORK_ROLE, graph.name)
                self.addTopLevelItem(item)
                if problem.is_error:
                    self.error_count += 1
                else:
                    self.warning_count += 1
        self.setColumnHidden(2, not several)
        if not self.topLevelItemCount():
            item = QTreeWidgetItem(["", self.tr("No problems: every shape fits."), ""])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addTopLevelItem(item)

    def _icon(self, error: bool) -> QIcon:
        """The style's error or warning sign.  QStyle is imported here, on the first
        problem: making its Python enums is a noticeable part of start-up."""
        from PySide6.QtWidgets import QStyle

        sign = QStyle.StandardPixmap
        kind = sign.SP_MessageBoxCritical if error else sign.SP_MessageBoxWarning
        return self.style().standardIcon(kind)

    @property
    def count(self) -> int:
        return self.error_count + self.warning_count

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        node_id = item.data(0, NODE_ROLE)
        network = item.data(0, NETWORK_ROLE)
        if node_id and network:
            self.problemActivated.emit(network, node_id)


def _severity_first(problem: Problem) -> int:
    return 0 if problem.is_error else 1
