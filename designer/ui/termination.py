"""Ending the app on SIGTERM (a logout, ``kill``, a service manager) cleanly.

The window closes as on Quit but asks nothing, since nobody may be there to
answer: unsaved changes stay in the recovery copy, offered at the next start,
rather than being thrown away or written over the user's file.  Quitting then
stops a run, ends the training processes and removes their temporary folders
(the training panel does that when the application is about to quit).
"""

from __future__ import annotations

import signal
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

TICK_MS = 200  # how soon a signal is noticed while Qt's event loop runs


def end_session(app: QCoreApplication, window: Any) -> None:
    """Keep unsaved work for recovery, then leave the event loop."""
    window.files.keep_for_recovery()
    if window.persist_settings:
        window.save_layout()
    app.exit(0)


def close_on_terminate(app: QCoreApplication, window: Any) -> QTimer:
    """Make SIGTERM end the session through :func:`end_session`; returns the ticker."""

    def on_terminate(_signum: int, _frame: Any) -> None:
        QTimer.singleShot(0, lambda: end_session(app, window))

    signal.signal(signal.SIGTERM, on_terminate)
    # Python runs signal handlers only between its own instructions, and Qt's loop
    # is C++: a timer gives the interpreter a turn a few times a second.
    ticker = QTimer(app)
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(lambda: None)
    ticker.start()
    return ticker
