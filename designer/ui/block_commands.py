"""The window's block commands: group a selection into a block, ungroup a use,
make a use unique, open a definition in its own tab, and keep the palette's list
of the project's blocks current.

The rules are the model's (:mod:`designer.graph.block_editing`, through the
document); this module asks for a name where one is needed and says why a
request was refused.  The canvas's context menu and the window's actions call
the same functions, so the two never differ.

The block library (built-in blocks and the user's own, saved in the user's data
folder) is read after the window's first paint and listed in the palette.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from designer.graph.block_library import builtin_folder, read_library, save_to_library
from designer.graph.blocks import BLOCK
from designer.graph.naming import automatic_name
from designer.ui.canvas.metrics import LIBRARY_ITEM_PREFIX
from designer.ui.panels.palette_blocks import BlockRow

if TYPE_CHECKING:
    from designer.ui.document import Document

CONTEXT = "BlockCommands"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")


def user_library_folder() -> Path:
    """Where the user's own blocks are saved (the platform's app data folder)."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location)) / "blocks"


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
    title = translate("BlockCommands", "Group into Block")
    if not ids:
        _refused(
            parent,
            title,
            translate(
                "BlockCommands", "Select the layers to group into a block first."
            ),
        )
        return
    suggestion = automatic_name(set(document.project.blocks.names()), "Block")
    name, accepted = QInputDialog.getText(
        parent,
        title,
        translate("BlockCommands", "Name of the new block:"),
        text=suggestion,
    )
    if accepted:
        _refused(parent, title, document.group_into_block(ids, name))


def ungroup(parent: QWidget | None, document: Document, node_id: str) -> None:
    _refused(
        parent, translate("BlockCommands", "Ungroup Block"), document.ungroup(node_id)
    )


def make_unique(parent: QWidget | None, document: Document, node_id: str) -> None:
    _refused(
        parent,
        translate("BlockCommands", "Make Block Unique"),
        document.make_unique(node_id),
    )


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
        self.user_folder = user_library_folder()
        self.library_problems: list[str] = []
        document.projectReplaced.connect(self.refresh_palette)
        document.blocksChanged.connect(self.refresh_palette)
        self.refresh_palette()
        QTimer.singleShot(0, self.refresh_library)  # reading files waits for the paint

    def refresh_library(self) -> None:
        """List the built-in blocks and the user's own in the palette."""
        entries, self.library_problems = read_library(
            [(builtin_folder(), True), (self.user_folder, False)]
        )
        rows = [
            BlockRow(
                entry.name,
                LIBRARY_ITEM_PREFIX + str(entry.path),
                entry.description,
                "" if entry.builtin else translate("BlockCommands", "yours"),
            )
            for entry in entries
        ]
        self.palette.set_library(rows)
        if self.library_problems:
            text = translate(
                "BlockCommands", "Some blocks of your library could not be read: %1"
            )
            self.window.statusBar().showMessage(
                text.replace("%1", "; ".join(self.library_problems[:3])), 10000
            )

    def save_selection_to_library(self) -> None:
        """Save the selected block (with the blocks it uses) to the user's library."""
        title = translate("BlockCommands", "Save Block to Library")
        node_id = self._selected_use(title)
        if node_id is None:
            return
        block = block_of(self.document, node_id)
        target = self.user_folder / f"{block}.json"
        if target.exists():
            question = translate(
                "BlockCommands",
                "Your library already has a block called %1. Replace it?",
            )
            answer = QMessageBox.question(
                self.window, title, question.replace("%1", block)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            save_to_library(self.document.project, block, self.user_folder)
        except OSError as error:
            text = translate("BlockCommands", "The block could not be saved to %1: %2")
            _refused(
                self.window,
                title,
                text.replace("%1", str(self.user_folder)).replace(
                    "%2", error.strerror or str(error)
                ),
            )
            return
        self.refresh_library()
        done = translate("BlockCommands", "Saved %1 to your block library")
        self.window.statusBar().showMessage(done.replace("%1", block), 5000)

    def open_or_inspect(self, node_id: str) -> None:
        """A double-clicked card: a block opens its definition, a layer the Inspector."""
        if not open_definition(self.document, node_id):
            self.window.inspector_dock.show()
            self.window.inspector_dock.raise_()

    def refresh_palette(self) -> None:
        """List the project's blocks in the layer palette."""
        blocks = self.document.project.blocks
        self.palette.set_blocks(
            (name, blocks.get(name).description) for name in blocks.names()
        )

    def _selected_use(self, title: str) -> str | None:
        chosen = [n for n in self.document.selected_ids if block_of(self.document, n)]
        if len(chosen) != 1:
            _refused(
                self.window,
                title,
                translate("BlockCommands", "Select one block on the canvas first."),
            )
            return None
        return chosen[0]

    def group_selection(self) -> None:
        group(self.window, self.document, self.document.selected_ids)

    def ungroup_selection(self) -> None:
        node_id = self._selected_use(translate("BlockCommands", "Ungroup Block"))
        if node_id is not None:
            ungroup(self.window, self.document, node_id)

    def make_selection_unique(self) -> None:
        node_id = self._selected_use(translate("BlockCommands", "Make Block Unique"))
        if node_id is not None:
            make_unique(self.window, self.document, node_id)

    def open_selection(self) -> None:
        node_id = self._selected_use(translate("BlockCommands", "Open Block"))
        if node_id is not None:
            open_definition(self.document, node_id)

    def close_current(self) -> None:
        """Close the tab of the block definition being edited, if one is current."""
        if self.document.current_block is not None:
            self.document.close_block(self.document.current_block)
