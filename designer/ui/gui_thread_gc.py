"""Python's cycle collector, run only on the GUI thread.

Python starts a cyclic collection in whichever thread happens to allocate when a
generation's count passes its threshold.  The window has Python code running in
other threads (the training relay's QThread, dataset loads in the thread pool,
the autosave writer), and a collection there frees whatever garbage exists at
that moment — including plot items and other Qt objects that were only held in
reference cycles, such as the plots a panel dropped when it laid itself out
again.  Qt objects must be destroyed in the thread that owns them: a graphics
item destroyed in another thread while the GUI thread walked its scene crashed
the process (a rare segfault in ``QGraphicsScene::itemsBoundingRect``, caught
in a core dump of the test suite, where collections were seen in those threads).

So automatic collection is switched off and a timer in the GUI thread collects
the generations whose counts have passed Python's own thresholds.  pyqtgraph
recommends the same cure (its ``GarbageCollector``); this module does it without
importing pyqtgraph, which the window keeps out of its start-up.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks at the collector's counts.  Often enough that
#: each collection finds about as much as Python's own would (at 500 ms, the
#: garbage of half a second made 60–70 ms pauses while training; at 50 ms the
#: longest stall in bench/bench_responsiveness.py is 21–28 ms).
CHECK_INTERVAL_MS = 50


class GuiThreadCollector(QObject):
    """Collects garbage on a timer in the thread it lives in (the GUI thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold (as Python
        itself would); returns the number of objects found unreachable."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            threshold = self._thresholds[generation]
            if threshold and counts[generation] > threshold:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Give collection back to Python (e.g. before the application ends)."""
        self._timer.stop()
        gc.enable()


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once for ``app`` (the QApplication); returns it."""
    existing = app.findChild(GuiThreadCollector)
    if existing is not None:
        return existing
    return GuiThreadCollector(app)
