"""Python's cycle collector runs on the GUI thread only (designer.ui.gui_thread_gc)."""

from __future__ import annotations

import gc
import threading

from designer.ui.gui_thread_gc import GuiThreadCollector, collect_on_gui_thread


class Cycle:
    def __init__(self) -> None:
        self.me = self


def make_garbage(count: int) -> None:
    for _ in range(count):
        Cycle()


def test_no_collection_runs_in_another_thread(qapp, qtbot) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # once per application
    assert not gc.isenabled()
    threads: list[str] = []

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(record)
    try:
        worker = threading.Thread(
            target=make_garbage, args=(20 * gc.get_threshold()[0],), name="worker"
        )
        worker.start()
        worker.join()
        assert "worker" not in threads
        # The GUI thread's timer finds the counts past the thresholds and collects.
        assert gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0], timeout=5000)
        assert threads and set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(record)


def test_collect_due_collects_the_oldest_generation_past_its_threshold(qapp) -> None:
    collector = collect_on_gui_thread(qapp)
    collector.collect_due()
    gc.collect()
    assert collector.collect_due() == 0  # nothing is due right after a collection
    make_garbage(2 * gc.get_threshold()[0])
    assert collector.collect_due() >= gc.get_threshold()[0]  # the cycles were found


def test_stop_gives_collection_back_to_python(qapp) -> None:
    collector = GuiThreadCollector()
    try:
        collector.stop()
        assert gc.isenabled()
    finally:
        gc.disable()  # the session's own collector stays in charge
        collector.deleteLater()
