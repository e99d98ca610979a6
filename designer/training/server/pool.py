"""The window's side of the training processes: start, steer and end them.

A :class:`TrainingServer` is one training process (see :mod:`.process`) with the
queues and events that reach it.  It is started once per session and kept for
the next runs, so only the first run waits for torch to load.  Runs from two
windows at once each get their own process (:func:`idle_training_server`): they
would otherwise share its stop and pause events.  No Qt, no torch.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue as queue_module
from typing import Any

from designer.training.messages import RunRequest
from designer.training.server.process import serve

UPDATE_INTERVAL_S = 0.05  # at most ~20 step updates a second reach the window


class TrainingServer:
    """The session's training process and the queues and events that reach it."""

    def __init__(self) -> None:
        self.process: Any = None
        self.busy = False  # a run has been submitted and has not yet reported its end
        self.runs_submitted = 0  # by this process; 0: the next run waits for torch
        self._devices: list[tuple[str, str]] | None = None
        self._ids = itertools.count(1)

    def ensure_started(self) -> None:
        """Start the process if it is not running (cheap to call; starting takes ~0.1 s)."""
        if self.process is not None and self.process.is_alive():
            return
        self.runs_submitted = 0
        context = multiprocessing.get_context("spawn")
        self.requests = context.Queue()
        self.messages = context.Queue()
        self.stop_event = context.Event()
        self.pause_event = context.Event()
        self.info = context.Queue()
        self.process = context.Process(
            target=serve,
            args=(
                self.requests,
                self.messages,
                self.stop_event,
                self.pause_event,
                self.info,
                os.getpid(),  # the process ends itself should this one die
            ),
            name="designer-training",
            daemon=True,
        )
        self.process.start()

    def wait_for_devices(self, timeout_s: float = 120.0) -> list[tuple[str, str]]:
        """The devices the training process sees, as (id, label); blocks until it has
        loaded torch (call from a background thread).  Raises RuntimeError if it cannot."""
        self.ensure_started()
        if self._devices is None:
            try:
                answer = self.info.get(timeout=timeout_s)
            except queue_module.Empty:
                raise RuntimeError(
                    "the training process did not start in time"
                ) from None
            if isinstance(answer, str):
                raise RuntimeError(answer)
            self._devices = [tuple(pair) for pair in answer]
        return list(self._devices)

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def submit(self, request: RunRequest) -> int:
        """Hand the process a run; returns the id its messages will carry."""
        self.ensure_started()
        run_id = next(self._ids)
        self.runs_submitted += 1
        self.stop_event.clear()
        self.pause_event.clear()
        self.requests.put((run_id, request))
        return run_id

    def pause(self) -> None:
        self.pause_event.set()

    def resume(self) -> None:
        self.pause_event.clear()

    def stop(self) -> None:
        self.pause_event.clear()
        self.stop_event.set()

    def kill(self) -> None:
        """End the process now (a run that will not stop in time)."""
        process = self.process
        if process is None:
            return
        if process.is_alive():
            process.terminate()
            process.join(0.3)
        if process.is_alive():
            process.kill()
            process.join(0.2)
        self.process = None

    def close(self, timeout_s: float = 1.0) -> None:
        """Ask the process to finish, then end it if it does not."""
        process = self.process
        if process is None:
            return
        if process.is_alive():
            self.stop_event.set()
            self.requests.put(None)
            process.join(timeout_s)
        self.kill()


_SERVERS: list[TrainingServer] = []


def training_server() -> TrainingServer:
    """The session's first training process (started on demand)."""
    if not _SERVERS:
        _SERVERS.append(TrainingServer())
    return _SERVERS[0]


def idle_training_server() -> TrainingServer:
    """A training process with no run under way: runs from two windows must not
    share one (they would share its stop and pause events)."""
    for server in _SERVERS:
        if not server.busy:
            return server
    server = TrainingServer()
    _SERVERS.append(server)
    return server


def close_training_servers() -> None:
    for server in _SERVERS:
        server.close()
