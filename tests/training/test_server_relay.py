"""Following one run's messages off the queue (no Qt, no process)."""

from __future__ import annotations

import queue

from designer.training.server.relay import relay_run


class Process:
    def __init__(self, alive: bool = True, exitcode: int | None = None) -> None:
        self.alive, self.exitcode = alive, exitcode

    def is_alive(self) -> bool:
        return self.alive


def follow(messages: list, process: Process, run_id: int = 2):
    feed: queue.Queue = queue.Queue()
    for message in messages:
        feed.put(message)
    seen: list = []
    outcome = relay_run(
        feed, process, run_id, lambda k, p: seen.append((k, p)), lambda: False
    )
    return seen, outcome


def test_only_this_runs_messages_pass_until_done():
    seen, outcome = follow(
        [
            (1, "status", "an earlier run"),
            (2, "status", "Training…"),
            (2, "end", "result"),
            (2, "done", None),
            (2, "status", "after done"),
        ],
        Process(),
    )
    assert seen == [("status", "Training…"), ("end", "result")]
    assert outcome.finished_cleanly and outcome.result == "result"


def test_a_process_that_dies_mid_run_is_reported_once():
    seen, outcome = follow([(2, "status", "Training…")], Process(False, -9))
    assert seen[0] == ("status", "Training…")
    kind, message = seen[1]
    assert kind == "failed" and "ended unexpectedly (exit code -9)" in message
    assert len(seen) == 2 and not outcome.finished_cleanly


def test_a_run_that_reported_its_end_is_not_called_failed_when_the_process_goes():
    seen, outcome = follow([(2, "failed", "bad data")], Process(False, 0))
    assert seen == [("failed", "bad data")] and outcome.reported_end


def test_an_abandoned_run_reports_nothing_more():
    seen: list = []
    outcome = relay_run(
        queue.Queue(), Process(False), 1, lambda k, p: seen.append(k), lambda: True
    )
    assert seen == [] and not outcome.finished_cleanly
