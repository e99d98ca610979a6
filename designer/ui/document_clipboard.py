"""Copy, cut, paste and duplicate of cards: a part of :class:`designer.ui.document.Document`.

The clipboard holds a fragment of the graph as JSON (under its own MIME type, and
as text); pasting adds copies with fresh ids and unique names through the
model's editing rules, as one undoable edit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from designer.graph import editing
from designer.graph.edits import Edit, Position
from designer.graph.fragments import Fragment, fragment_to_dict, parse_fragment
from designer.graph.model import Graph

CLIPBOARD_MIME = "application/x-designer-nodes"
PASTE_OFFSET = 40.0


class ClipboardEdits:
    """The clipboard commands of a document (a Document part)."""

    # What Document provides.
    graph: Graph
    current_network: str
    _last_clipboard: str
    _paste_count: int
    push: Callable[[Edit | None], Edit | None]
    set_selection: Callable[[Iterable[str]], None]

    def copy(self, ids: Iterable[str]) -> str:
        """Put the nodes (and the edges among them) on the clipboard; returns the JSON."""
        data = fragment_to_dict(self.graph, ids)
        if not data["nodes"]:
            return ""  # copying nothing leaves the clipboard alone
        text = json.dumps(data, indent=1)
        self._last_clipboard = text
        self._paste_count = 0
        app = QGuiApplication.instance()
        if app is not None:
            mime = QMimeData()
            mime.setData(CLIPBOARD_MIME, text.encode("utf-8"))
            mime.setText(text)
            QGuiApplication.clipboard().setMimeData(mime)
        return text

    def cut(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        self.copy(ids)
        self.push(editing.remove_nodes(self.graph, self.current_network, ids, "Cut"))

    def _clipboard_text(self) -> str:
        app = QGuiApplication.instance()
        if app is None:
            return self._last_clipboard
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(CLIPBOARD_MIME):
            return bytes(mime.data(CLIPBOARD_MIME)).decode("utf-8", errors="replace")
        return mime.text() if mime is not None and mime.hasText() else ""

    def can_paste(self) -> bool:
        return bool(parse_fragment(self._clipboard_text()).nodes)

    def paste(self, position: Position | None = None) -> list[str]:
        """Add the clipboard's nodes with fresh ids and unique names; returns the new ids.

        With ``position`` the pasted group's top-left corner goes there; without,
        each paste lands a little further from the originals.  Whatever on the
        clipboard cannot be used is left out.
        """
        text = self._clipboard_text()
        if text == self._last_clipboard:
            self._paste_count += 1
        else:
            self._last_clipboard, self._paste_count = text, 1
        offset = PASTE_OFFSET * self._paste_count
        return self._add_copies(
            parse_fragment(text), position, (offset, offset), "Paste"
        )

    def duplicate(self, ids: Iterable[str]) -> list[str]:
        fragment = parse_fragment(json.dumps(fragment_to_dict(self.graph, ids)))
        return self._add_copies(
            fragment, None, (PASTE_OFFSET, PASTE_OFFSET), "Duplicate"
        )

    def _add_copies(
        self,
        fragment: Fragment,
        position: Position | None,
        offset: Position,
        verb: str,
    ) -> list[str]:
        edit = editing.add_copies(
            self.current_network, fragment, position, offset, verb
        )
        if edit is None:
            return []
        self.push(edit)
        self.set_selection(edit.node_ids)
        return edit.node_ids
