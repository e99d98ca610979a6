"""Qt undo commands around the model's edits (:mod:`designer.graph.edits`).

An :class:`EditCommand` applies and reverts one edit inside ``document.batch()``,
so that analysis is recomputed once per command rather than once per low-level
graph event, and shows the network the edit changes when it is undone or redone.
The edit itself changes the model only; the scene and panels follow its events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from designer.graph.edits import NO_MERGE, Edit, NodeRequest
from designer.ui.undo_texts import undo_text

if TYPE_CHECKING:
    from designer.ui.document import Document

__all__ = ["EditCommand", "NodeRequest"]


class EditCommand(QUndoCommand):
    """One undo step: an :class:`~designer.graph.edits.Edit` of the document's project."""

    def __init__(self, document: Document, edit: Edit) -> None:
        super().__init__(undo_text(edit.text))
        self.document = document
        self.edit = edit
        self._done = False

    def redo(self) -> None:
        with self.document.batch():
            if self._done and self.edit.network is not None:
                self.document.show_network(
                    self.edit.network
                )  # a redo shows its network
            self.edit.apply(self.document.project)
            self._done = True

    def undo(self) -> None:
        with self.document.batch():
            if self.edit.network is not None:
                self.document.show_network(self.edit.network)
            self.edit.revert(self.document.project)

    def id(self) -> int:
        return self.edit.merge_id if self.edit.merge_id != NO_MERGE else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditCommand) or not self.edit.merge(other.edit):
            return False
        self.retranslate()
        return True

    def retranslate(self) -> None:
        """Name the step in the current interface language (after a switch)."""
        self.setText(undo_text(self.edit.text))
