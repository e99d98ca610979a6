"""Reading one run's messages off the training process's queue (no Qt).

:func:`relay_run` is the loop the window's relay thread runs
(:class:`designer.ui.training.worker.TrainingWorker` turns what it delivers into
Qt signals).  It drops stragglers from earlier runs, stops at the run's ``done``
and notices a process that died without saying goodbye.
"""

from __future__ import annotations

import queue as queue_module
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from designer.training.messages import PROCESS_DIED, PROCESS_DIED_WITH_CODE

POLL_S = 0.05


@dataclass
class RelayOutcome:
    """How following a run ended."""

    finished_cleanly: bool = False  # the process said "done" for this run
    result: Any = None  # the RunResult, when the run reported one
    reported_end: bool = False  # an "end" or "failed" message was delivered


def died_message(exit_code: int | None) -> str:
    """What to tell people when the training process vanished mid-run."""
    if exit_code in (None, 0):
        return PROCESS_DIED
    return PROCESS_DIED_WITH_CODE.format(exit_code)


def relay_run(
    messages: Any,
    process: Any,
    run_id: int,
    deliver: Callable[[str, Any], None],
    abandoned: Callable[[], bool],
) -> RelayOutcome:
    """Pass run ``run_id``'s messages to ``deliver(kind, payload)`` until it is done.

    A process that ends without ``done`` is delivered as one ``failed`` message
    (unless the run already reported its end or the caller gave up).
    """
    outcome = RelayOutcome()
    while not abandoned():
        try:
            message_run, kind, payload = messages.get(timeout=POLL_S)
        except queue_module.Empty:
            if process.is_alive():
                continue
            try:  # the process is gone: read what it managed to send, then give up
                message_run, kind, payload = messages.get(timeout=0.2)
            except queue_module.Empty:
                break
        except (EOFError, OSError, ValueError):
            break
        if message_run != run_id:
            continue  # a straggler from an earlier run
        if kind == "done":
            outcome.finished_cleanly = True
            return outcome
        if kind == "end":
            outcome.result = payload
        outcome.reported_end = outcome.reported_end or kind in ("end", "failed")
        deliver(kind, payload)
    if not outcome.reported_end and not abandoned():
        deliver("failed", died_message(process.exitcode))
    return outcome
