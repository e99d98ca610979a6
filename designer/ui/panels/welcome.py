"""A hint in the middle of an empty canvas: how to start, and links to the samples."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from designer.ui.theme import ThemeColors, follow_theme


class EmptyCanvasHint(QLabel):
    """Shown over the canvas while the current network has no layers.

    Clicking a sample link emits ``sampleChosen(path)``.  The label covers only
    its own text, so drops and clicks elsewhere reach the canvas.
    """

    sampleChosen = Signal(str)

    def __init__(self, host: QWidget, samples: list[tuple[str, Path]]) -> None:
        super().__init__(host)
        self.setObjectName("emptyCanvasHint")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(self.sampleChosen)
        self._samples = samples
        self._link_color = ""
        follow_theme(self._restyle)
        self.setText(self._html())
        host.installEventFilter(self)
        self._place()

    def _restyle(self, theme: ThemeColors) -> None:
        # Rich-text links ignore the stylesheet: they get the theme's accent here.
        self._link_color = theme.highlight
        self.setText(self._html())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(self._html())
            self._place()

    def _html(self) -> str:
        title = self.tr("Start building a network")
        parts = [
            f"<p style='font-size:x-large; font-weight:600'>{html.escape(title)}</p>",
            "<p>"
            + self.tr(
                "Drag a layer from the <b>Layers</b> panel onto the canvas,<br>"
                "or press <b>Tab</b> here to search for one.<br>"
                "Connect an output port to an input port by dragging between them."
            )
            + "</p>",
        ]
        if self._samples:
            links = " · ".join(
                f"<a style='color:{self._link_color}' href='{html.escape(path.as_posix(), quote=True)}'>{html.escape(title)}</a>"
                for title, path in self._samples
            )
            parts.append(
                "<p>" + self.tr("Or open a sample: {0}").format(links) + "</p>"
            )
        return "".join(parts)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        width = min(520, max(200, host.width() - 40))
        self.setFixedWidth(width)
        height = self.heightForWidth(width)
        self.setFixedHeight(max(height, 40))
        self.move(
            (host.width() - width) // 2, max(10, (host.height() - self.height()) // 2)
        )
