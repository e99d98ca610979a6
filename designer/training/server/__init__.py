"""The training server: a process that trains, and the window's handle on it.

:mod:`.process` runs in the child (the engine, imported there only);
:mod:`.pool` starts and steers the processes from the window; :mod:`.relay`
reads one run's messages.  The messages are :mod:`designer.training.messages`.
Nothing here imports Qt, and nothing imports torch at import time.
"""

from __future__ import annotations

from designer.training.server.pool import (
    UPDATE_INTERVAL_S,
    TrainingServer,
    close_training_servers,
    idle_training_server,
    training_server,
)
from designer.training.server.relay import RelayOutcome, relay_run

__all__ = [
    "UPDATE_INTERVAL_S",
    "RelayOutcome",
    "TrainingServer",
    "close_training_servers",
    "idle_training_server",
    "relay_run",
    "training_server",
]
