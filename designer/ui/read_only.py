"""A project file from a newer designer stays read-only.

The newer designer may have written what this one does not know; saving over
the file could drop it.  So while such a file is open, a warning banner above
the canvas says which designer wrote it, File ▸ Save is disabled, and the banner
offers Save As: saving to a file of the user's choosing ends the read-only state.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QMainWindow

from designer.ui.training.banner import Banner

translate = QCoreApplication.translate  # lupdate reads translate("Context", "…")

# The model's note (designer.graph.project_file), which names both versions.
_NEWER_NOTE = re.compile(
    r"This project was saved by designer (\S+), newer than this one \((\S+)\)\..*",
    re.S,
)


def note_text(note: str) -> str:
    """The model's note about a file from a newer designer, in the interface language."""
    match = _NEWER_NOTE.fullmatch(note)
    if match is None:
        return note
    text = translate(
        "ReadOnlyFile",
        "This project was saved by designer %1, newer than this one (%2). It is open "
        "read-only so that the file keeps what this version does not know; use Save "
        "As to keep your changes in another file, or update designer.",
    )
    return text.replace("%1", match[1]).replace("%2", match[2])


class ReadOnlyFile:
    """Follows the document's ``newer_app_note``: banner and Save action."""

    def __init__(self, window: QMainWindow, document: Any, save_as: Any) -> None:
        self.window = window
        self.document = document
        self.banner = Banner()
        self.banner.setObjectName("banner")
        self.banner.close_button.hide()  # the file stays read-only: the note stays
        self.banner.actionTriggered.connect(save_as)
        self._placed = False
        document.projectReplaced.connect(self.refresh)
        document.pathChanged.connect(lambda _path: self.refresh())

    @property
    def active(self) -> bool:
        """Whether the open file is kept read-only."""
        return self.document.newer_app_note is not None

    def saved_elsewhere(self) -> None:
        """The project was saved to a file the user chose: it is theirs to edit."""
        self.document.newer_app_note = None
        self.refresh()

    def refresh(self) -> None:
        note = self.document.newer_app_note
        if note is None:
            self.banner.clear()
        else:
            self._place()
            self.banner.show_message(
                note_text(note), "warning", action=translate("ReadOnlyFile", "Save As…")
            )
        actions = getattr(self.window, "_actions", {})
        if "save" in actions:
            actions["save"].setEnabled(note is None)
            tip = (
                translate("ReadOnlyFile", "Save the project")
                if note is None
                else translate(
                    "ReadOnlyFile",
                    "This file is read-only (written by a newer designer): use Save As",
                )
            )
            actions["save"].setStatusTip(tip)

    def _place(self) -> None:
        """Put the banner above the network tabs, once the canvas area exists."""
        if self._placed:
            return
        centre = self.window.centralWidget()
        layout = centre.layout() if centre is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.banner)
            self._placed = True
