"""Undoable edits of blocks: add or rename a definition, and replace nodes by
others in one step (which grouping and inlining are made of).

Like :mod:`designer.graph.edits`, they act through the public methods of the
model only; :mod:`designer.graph.block_editing` plans them.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from designer.graph.blocks import BLOCK, BlockDefinition
from designer.graph.edits import Edit, GraphEdit
from designer.graph.model import Edge, Graph, Node, Project


def _copy_node(node: Node) -> Node:
    return Node(
        node.id, node.type, node.name, copy.deepcopy(node.params), node.position
    )


def project_graphs(project: Project) -> list[Graph]:
    """Every graph of a project: its networks, then its block definitions."""
    return [*project.networks, *(d.graph for d in project.blocks)]


class AddBlock(Edit):
    """Add a block definition to the project (undo removes it)."""

    def __init__(self, definition: BlockDefinition, text: str) -> None:
        super().__init__(text)
        self.definition = definition

    def apply(self, project: Project) -> None:
        project.blocks.add(self.definition)

    def revert(self, project: Project) -> None:
        project.blocks.remove(self.definition.name)


class RenameBlock(Edit):
    """Rename a definition and every use of it, in every graph of the project."""

    def __init__(self, old: str, new: str, text: str) -> None:
        super().__init__(text)
        self.old = old
        self.new = new

    @staticmethod
    def _rename(project: Project, old: str, new: str) -> None:
        project.blocks.rename(old, new)
        for graph in project_graphs(project):
            for node in graph.nodes_of_type(BLOCK):
                if node.params["block"] == old:
                    graph.set_param(node.id, "block", new)

    def apply(self, project: Project) -> None:
        self._rename(project, self.old, self.new)

    def revert(self, project: Project) -> None:
        self._rename(project, self.new, self.old)


class ReplaceNodes(GraphEdit):
    """Remove some nodes (with their edges) and add others with given edges, as one
    step; the new nodes keep the ids and names they were planned with, so a redo
    gives the very same graph."""

    def __init__(
        self,
        network: str,
        remove: Sequence[str],
        add: Sequence[Node],
        edges: Sequence[Edge],
        text: str,
    ) -> None:
        super().__init__(network, text)
        self.remove = list(remove)
        self.add = [_copy_node(node) for node in add]
        self.new_edges = list(edges)
        self._removed: list[tuple[int, Node]] = []
        self._removed_edges: list[Edge] = []

    def change(self, graph: Graph) -> None:
        self._removed, self._removed_edges = [], []
        for node_id in self.remove:
            index = [node.id for node in graph.nodes].index(node_id)
            node, edges = graph.remove_node(node_id)
            self._removed.append((index, _copy_node(node)))
            self._removed_edges += [e for e in edges if e not in self._removed_edges]
        for node in self.add:
            graph.insert_node(_copy_node(node))
        for edge in self.new_edges:
            graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)

    def undo_change(self, graph: Graph) -> None:
        for node in reversed(self.add):
            graph.remove_node(node.id)
        for index, node in reversed(self._removed):
            graph.insert_node(_copy_node(node), index=index)
        for edge in self._removed_edges:
            graph.connect(edge.source, edge.source_port, edge.target, edge.target_port)
