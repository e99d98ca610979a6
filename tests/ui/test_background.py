"""Short functions run off the GUI thread and report back as signals."""

from __future__ import annotations

import shiboken6

from designer.ui.training.background import _Call, _Relay, run_in_background


def test_the_result_and_the_error_come_back_in_the_gui_thread(qtbot) -> None:
    results: list[object] = []
    errors: list[str] = []
    run_in_background(lambda: 6 * 7, results.append, errors.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)

    def fails() -> None:
        raise ValueError("the file is not a dataset")

    run_in_background(fails, results.append, errors.append, long_wait=True)
    qtbot.waitUntil(lambda: errors == ["the file is not a dataset"], timeout=5000)
    assert results == [42]


def test_a_relay_gone_with_the_closed_app_is_not_an_error(qapp) -> None:
    """Closing the window while a dataset loads: the pool thread finishes after the
    relay's C++ side is gone; it must not raise "Signal source has been deleted"."""
    for function in (lambda: "done", lambda: 1 / 0):
        relay = _Relay()
        call = _Call(function, relay)
        shiboken6.delete(relay)
        call.run()  # nothing raised, nothing to tell
