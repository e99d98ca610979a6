"""The window's block commands: group a selection into a block, ungroup a use,
make a use unique, open a definition in its own tab, and keep the palette's list
of the project's blocks current.

The rules are the model's (:mod:`designer.graph.block_editing`, through the
document); this module asks for a name where one is needed and says why a
request was refused.  The canvas's context menu and the window's actions call
the same functions, so the two never differ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from designer.graph.blocks import BLOCK
from designer.graph.naming import automatic_name

if TYPE_CHECKING:
    from designer.ui.document import Document

CONTEXT = "BlockCommands"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def block_of(document: Document, node_id: str) -> str | None:
    """The block a node of the current network uses, or None for a layer."""
    graph = document.graph
    if not graph.has_node(node_id) or graph.node(node_id).type != BLOCK:
        return None
    return graph.node(node_id).params["block"]


def _refused(parent: QWidget | None, title: str, problem: str | None) -> None:
    if problem:
        QMessageBox.warning(parent, title, problem)


def group(parent: QWidget | None, document: Document, ids: list[str]) -> None:
    """Ask for a name and group ``ids`` into a new block used in their place."""
    title = _tr("Group into Block")
    if not ids:
        _refused(parent, title, _tr("Select the layers to group into a block first."))
        return
    suggestion = automatic_name(set(document.project.blocks.names()), "Block")
    name, accepted = QInputDialog.getText(
        parent, title, _tr("Name of the new block:"), text=suggestion
    )
    if accepted:
        _refused(parent, title, document.group_into_block(ids, name))


def ungroup(parent: QWidget | None, document: Document, node_id: str) -> None:
    _refused(parent, _tr("Ungroup Block"), document.ungroup(node_id))


def make_unique(parent: QWidget | None, document: Document, node_id: str) -> None:
    _refused(parent, _tr("Make Block Unique"), document.make_unique(node_id))


def open_definition(document: Document, node_id: str) -> bool:
    """Open the definition of the block ``node_id`` uses; False for a layer."""
    block = block_of(document, node_id)
    if block is None:
        return False
    document.open_block(block)
    return True


class BlockCommands:
    """The window's block actions, acting on the current selection."""

    def __init__(self, window: QWidget, document: Document, palette: object) -> None:
        self.window = window
        self.document = document
        self.palette = palette
        document.projectReplaced.connect(self.refresh_palette)
        document.blocksChanged.connect(self.refresh_palette)
        self.refresh_palette()

    def open_or_inspect(self, node_id: str) -> None:
        """A double-clicked card: a block opens its definition, a layer the Inspector."""
        if not open_definition(self.document, node_id):
            self.window.focus_inspector(node_id)

    def refresh_palette(self) -> None:
        """List the project's blocks in the layer palette."""
        blocks = self.document.project.blocks
        self.palette.set_blocks(
            (name, blocks.get(name).description) for name in blocks.names()
        )

    def _selected_use(self, title: str) -> str | None:
        chosen = [n for n in self.document.selected_ids if block_of(self.document, n)]
        if len(chosen) != 1:
            _refused(self.window, title, _tr("Select one block on the canvas first."))
            return None
        return chosen[0]

    def group_selection(self) -> None:
        group(self.window, self.document, self.document.selected_ids)

    def ungroup_selection(self) -> None:
        node_id = self._selected_use(_tr("Ungroup Block"))
        if node_id is not None:
            ungroup(self.window, self.document, node_id)

    def make_selection_unique(self) -> None:
        node_id = self._selected_use(_tr("Make Block Unique"))
        if node_id is not None:
            make_unique(self.window, self.document, node_id)

    def open_selection(self) -> None:
        node_id = self._selected_use(_tr("Open Block"))
        if node_id is not None:
            open_definition(self.document, node_id)

    def close_current(self) -> None:
        """Close the tab of the block definition being edited, if one is current."""
        if self.document.current_block is not None:
            self.document.close_block(self.document.current_block)
