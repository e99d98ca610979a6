"""Autosave: the recovery copy follows every edit within about a second.

An edit starts a short wait (:data:`THROTTLE_MS`; edits during the wait do not
push it back, so steady editing is still saved every second).  Then the project
is turned into plain data in the GUI thread, where the model lives, and a writer
thread encodes it and writes the recovery file atomically, so a slow disk never
stalls the window.  A ``kill -9`` therefore loses at most about a second of work.

Writes and clears are ordered by a generation number: once the project has been
saved (or the window closes) a write queued before can no longer bring the
recovery file back.  A failure is reported through :attr:`Autosaver.failed`
once, until a later write succeeds (:attr:`Autosaver.resumed`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from designer.graph.project_file import ProjectFileError
from designer.ui.recovery import RecoveryStore

THROTTLE_MS = 1000


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return str(error.strerror or error)
    return str(error) or type(error).__name__


class RecoveryWriter:
    """One thread writing one store's recovery file, newest record wins (no Qt)."""

    def __init__(
        self, store: RecoveryStore, report: Callable[[str | None], None]
    ) -> None:
        self.store = store
        self._report = report  # None: written; text: why not (called in the thread)
        self._lock = threading.Lock()  # held while writing or clearing the file
        self._wake = threading.Condition()
        self._pending: tuple[int, dict[str, Any]] | None = None
        self._generation = 0
        self._closed = False
        self._thread = threading.Thread(
            target=self._loop, name="designer-autosave", daemon=True
        )
        self._thread.start()

    def submit(self, record: dict[str, Any]) -> None:
        """Write ``record`` soon (replacing any record not yet written)."""
        with self._wake:
            self._pending = (self._generation, record)
            self._wake.notify()

    def write_now(self, record: dict[str, Any]) -> None:
        """Write ``record`` in the calling thread (raises like the store)."""
        with self._lock:
            with self._wake:
                self._pending = None
            self.store.write_record(record)

    def clear(self) -> None:
        """Delete the recovery file; records submitted before are dropped."""
        with self._lock:
            with self._wake:
                self._generation += 1
                self._pending = None
            self.store.clear()

    def close(self, timeout_s: float = 5.0) -> None:
        """Finish the write under way (if any) and end the thread."""
        with self._wake:
            self._closed = True
            self._pending = None
            self._wake.notify()
        self._thread.join(timeout_s)

    def _loop(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                generation, record = self._pending  # type: ignore[misc]
                self._pending = None
            with self._lock:
                with self._wake:
                    if generation != self._generation:
                        continue  # saved or cleared meanwhile
                try:
                    self.store.write_record(record)
                except (OSError, ValueError, TypeError, RecursionError) as error:
                    self._report(_reason(error))
                    continue
            self._report(None)


class Autosaver(QObject):
    """Keeps a document's recovery file no more than about a second behind it."""

    failed = Signal(str)  # why the recovery copy could not be written (once per streak)
    resumed = Signal()  # a write succeeded after a failure
    _written = Signal(object)  # from the writer thread: None or the reason

    def __init__(
        self,
        document: Any,
        store: RecoveryStore,
        throttle_ms: int = THROTTLE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store
        self.failing: str | None = None  # the last failure, until a write succeeds
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(throttle_ms)
        self._timer.timeout.connect(self.save_soon)
        self._written.connect(self._on_written)
        self._writer = RecoveryWriter(store, self._written.emit)
        self._enabled = False

    def start(self) -> None:
        """Follow the document's edits from now on."""
        if not self._enabled:
            self._enabled = True
            self.document.undo_stack.indexChanged.connect(self.edited)

    def edited(self, *_args: Any) -> None:
        """An edit happened: write within the throttle interval."""
        if self._enabled and not self._timer.isActive():
            self._timer.start()

    def _record(self) -> dict[str, Any] | None:
        doc = self.document
        if not doc.modified:
            return None
        try:
            return RecoveryStore.record(doc.project, doc.path, doc.newer_app_note)
        except (ProjectFileError, RecursionError, ValueError) as error:
            self._on_written(_reason(error))
            return None

    def save_soon(self) -> None:
        """Hand the current project to the writer thread (nothing when unmodified)."""
        record = self._record()
        if record is not None:
            self._writer.submit(record)

    def save_now(self) -> bool:
        """Write the recovery copy in this thread (a restore, a SIGTERM); True if written."""
        self._timer.stop()
        record = self._record()
        if record is None:
            return self.failing is None
        try:
            self._writer.write_now(record)
        except (OSError, ValueError, TypeError, RecursionError) as error:
            self._on_written(_reason(error))
            return False
        self._on_written(None)
        return True

    def clear(self) -> None:
        """The document was saved or closed: no recovery copy, none pending."""
        self._timer.stop()
        self._writer.clear()

    def close(self) -> None:
        """Stop following the document and end the writer thread."""
        if self._enabled:
            self._enabled = False
            self.document.undo_stack.indexChanged.disconnect(self.edited)
        self._timer.stop()
        self._writer.close()

    def _on_written(self, problem: str | None) -> None:
        if problem is None:
            if self.failing is not None:
                self.failing = None
                self.resumed.emit()
            return
        first = self.failing is None
        self.failing = problem
        if first:
            self.failed.emit(problem)
