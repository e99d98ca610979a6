"""The tab bar above the canvas: one tab per network of the document.

Choosing a tab makes its network the document's current one; the bar follows
the document when the current network or the set of networks changes.  It
hides itself while the project has only one network.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabBar

from designer.graph.blocks import BLOCK_NETWORK_PREFIX


class NetworkTabs(QTabBar):
    """One tab per network; the document decides which is current."""

    def __init__(self, document: Any) -> None:
        super().__init__()
        self.document = document
        self.setObjectName("networkTabs")
        self.setDocumentMode(True)
        self.setExpanding(False)
        self.setDrawBase(False)
        self.setTabsClosable(True)
        self.currentChanged.connect(self._on_tab_changed)
        self.tabCloseRequested.connect(self._on_close_requested)
        document.networksChanged.connect(self.rebuild)

    @property
    def names(self) -> list[str]:
        """The network each tab shows (``block:Name`` for a block definition)."""
        return list(self.document.network_names[: self.count()])

    def rebuild(self) -> None:
        """A tab for each of the document's networks (after a project was loaded)."""
        blocked = self.blockSignals(True)
        while self.count():
            self.removeTab(0)
        for name in self.document.network_names:
            block = name.removeprefix(BLOCK_NETWORK_PREFIX)
            index = self.addTab(name if block == name else f"▣ {block}")
            if block == name:
                self.setTabToolTip(index, self.tr("The %1 network").replace("%1", name))
                self._remove_close_button(index)
            else:
                tip = self.tr(
                    "The definition of the block %1: a change here changes every use"
                )
                self.setTabToolTip(index, tip.replace("%1", block))
        self.setVisible(self.count() > 1)
        self.setCurrentIndex(
            self.document.network_names.index(self.document.current_network)
        )
        self.blockSignals(blocked)

    def _remove_close_button(self, index: int) -> None:
        """A network's tab cannot be closed (Qt would only hide the button)."""
        button = self.tabButton(index, QTabBar.ButtonPosition.RightSide)
        self.setTabButton(index, QTabBar.ButtonPosition.RightSide, None)
        if button is not None:
            button.deleteLater()

    def follow(self, name: str) -> None:
        """Show ``name``'s tab as current (the document switched networks)."""
        names = self.document.network_names
        if name in names and self.currentIndex() != names.index(name):
            self.setCurrentIndex(names.index(name))

    def _on_tab_changed(self, index: int) -> None:
        names = self.document.network_names
        if 0 <= index < len(names):
            self.document.set_current_network(names[index])

    def _on_close_requested(self, index: int) -> None:
        names = self.document.network_names
        if 0 <= index < len(names) and names[index].startswith(BLOCK_NETWORK_PREFIX):
            self.document.close_block(names[index].removeprefix(BLOCK_NETWORK_PREFIX))
