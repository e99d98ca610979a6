"""Run a short function off the GUI thread and get its result back as a signal.

Used for the dataset preview (making digits28 takes a moment); training itself
has its own long-lived worker (:mod:`.worker`).
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives in the GUI thread; its signals are queued there from the pool thread."""

    succeeded = Signal(object)
    failed = Signal(str)


class _Call(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._function = function
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # reported to the caller as a message
            message = (
                str(error)
                or traceback.format_exception_only(type(error), error)[-1].strip()
            )
            self._report(self._relay.failed, message)
            return
        self._report(self._relay.succeeded, result)

    @staticmethod
    def _report(signal: Any, value: Any) -> None:
        """Emit, unless the app closed meanwhile and took the relay with it (its
        C++ side is gone: "Signal source has been deleted"); nobody is listening."""
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_PENDING: set[_Relay] = set()


def run_in_background(
    function: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[str], None],
    long_wait: bool = False,
) -> None:
    """Call ``function()`` in Qt's global thread pool; the callbacks run in the GUI thread.

    Connections to methods of a QObject are dropped by Qt when that object is
    destroyed, so a closed panel simply never hears back.
    """
    relay = _Relay()
    _PENDING.add(relay)

    def finish() -> None:
        _PENDING.discard(relay)
        relay.deleteLater()

    relay.succeeded.connect(on_result)
    relay.failed.connect(on_error)
    relay.succeeded.connect(finish)
    relay.failed.connect(finish)
    call = _Call(function, relay)
    if long_wait:
        # Waiting for another process may take a while: not in Qt's small shared pool.
        threading.Thread(
            target=call.run, name="designer-background", daemon=True
        ).start()
    else:
        QThreadPool.globalInstance().start(call)
