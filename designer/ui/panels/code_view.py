"""The generated PyTorch code, live, with Copy and Export buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.ui.language import LanguageFollower
from designer.ui.panels.python_highlighter import PythonHighlighter
from designer.ui.plurals import plural_form
from designer.ui.theme import repolish
from designer.ui.theme_colors import theme_colors


def monospace_font(point_size: int = 10) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(point_size, 10))
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class CodeView(LanguageFollower, QWidget):
    """Shows the code, or — when the graph cannot be exported — the reason why."""

    exportRequested = Signal()
    copied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeView")
        self._code = ""
        self._error: str | None = None

        self.status = QLabel()
        self.status.setObjectName("codeStatus")
        self.status.setWordWrap(True)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.exportRequested)

        header = QHBoxLayout()
        header.setContentsMargins(6, 4, 6, 4)
        header.addWidget(self.status, 1)
        header.addWidget(self.copy_button)
        header.addWidget(self.export_button)

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("codeEditor")
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setFont(monospace_font())
        self.editor.setTabStopDistance(
            4 * self.editor.fontMetrics().horizontalAdvance(" ")
        )
        self.highlighter = PythonHighlighter(self.editor.document())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.editor, 1)
        self.set_code("")
        self.retranslate()

    def retranslate(self) -> None:
        """Buttons and the status line in the current language."""
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the code to the clipboard"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the code as a Python file"))
        self._show_status()

    def _show_status(self) -> None:
        if self._error is not None:
            text = self.tr("The network has problems, so there is no code yet:")
        elif self._code:
            lines = self._code.count("\n")
            text = plural_form(self.tr("PyTorch · %n line(s)", "", lines), lines)
        else:
            text = self.tr("No code yet")
        self.status.setText(text)

    # -- content ----------------------------------------------------------------
    @property
    def code(self) -> str:
        """The code currently shown ("" while the graph has errors)."""
        return self._code

    @property
    def error(self) -> str | None:
        return self._error

    def set_code(self, code: str) -> None:
        self._code, self._error = code, None
        self._show(code)
        self._show_status()
        self.status.setProperty("problem", False)
        self._restyle(self.status)
        self.copy_button.setEnabled(bool(code))
        self.export_button.setEnabled(bool(code))

    def set_error(self, message: str) -> None:
        """Show why no code can be written instead of the code."""
        self._code, self._error = "", message
        self.highlighter.setDocument(None)
        self.editor.setPlainText(message)
        self._show_status()
        self.status.setProperty("problem", True)
        self._restyle(self.status)
        self.copy_button.setEnabled(False)
        self.export_button.setEnabled(False)

    def _show(self, text: str) -> None:
        if (
            self.editor.toPlainText() == text
            and self.highlighter.document() is not None
        ):
            return
        bar = self.editor.verticalScrollBar()
        scroll = bar.value()
        if self.highlighter.document() is None:
            self.highlighter.setDocument(self.editor.document())
        self.editor.setPlainText(text)
        bar.setValue(min(scroll, bar.maximum()))

    def set_dark(self, dark: bool) -> None:
        self.highlighter.set_colors(theme_colors(dark).code)

    def copy_to_clipboard(self) -> None:
        if self._code:
            QGuiApplication.clipboard().setText(self._code)
            self.copied.emit()

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        repolish(widget)
