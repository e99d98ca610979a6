"""A ``designer`` command run in a child process on the window's behalf.

The window never imports torch, so the work that needs it (importing a model,
exporting ONNX) runs as ``python -m designer …`` in a :class:`QProcess`; this is
the one place that starts such a process and turns its end into a success or a
sentence for the user (the command's own message, without its prefix).  The
command speaks the window's language (``--lang``), so its refusals need no
translating here.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QProcess, Signal

from designer.ui.language import current_language


class ChildCommand(QObject):
    """Runs one ``designer`` command line; emits ``failed`` with the reason, or calls
    :meth:`succeeded` (which subclasses turn into their own signal)."""

    failed = Signal(str)
    #: What the command prints before its message on stderr ("designer import: ";
    #: in Chinese with a full-width colon, "designer import：").
    error_prefix = "designer: "

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process: QProcess | None = None

    def run(self, arguments: list[str]) -> None:
        """Start ``python ARGUMENTS`` (e.g. ``["-m", "designer", "export", …]``) in
        the window's language."""
        self.process = QProcess(self)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)
        self.process.start(sys.executable, [*arguments, "--lang", current_language()])

    def could_not_start(self, reason: str) -> str:
        """The sentence for a process that did not start (subclasses word it)."""
        return reason

    def failed_without_message(self) -> str:
        """The sentence for a failure that printed nothing (subclasses word it)."""
        return ""

    def succeeded(self) -> None:
        """The command finished with status 0."""

    def _error(self, _error: QProcess.ProcessError) -> None:
        if (
            self.process is not None
            and self.process.state() == QProcess.ProcessState.NotRunning
        ):
            self.failed.emit(self.could_not_start(self.process.errorString()))

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        assert self.process is not None
        errors = bytes(self.process.readAllStandardError().data()).decode(
            "utf-8", "replace"
        )
        if code != 0:
            message = errors.strip()
            for prefix in (self.error_prefix, self.error_prefix.replace(": ", "：")):
                message = message.removeprefix(prefix)
            self.failed.emit(message or self.failed_without_message())
            return
        self.succeeded()
