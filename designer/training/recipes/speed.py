"""How a run uses the machine: PyTorch's CPU threads, chosen by one rule.

The rule (:func:`intra_op_threads`).  PyTorch's intra-op threads meet at a
barrier after every parallel operation.  When there are more of them than free
cores, each barrier waits for a thread the kernel has not scheduled, and a small
model trains many times slower: on a busy 2-core machine, 2 threads gave 220
samples/s where 1 thread gave 3,460.  So a run takes the cores it can use
(``os.sched_getaffinity``) less the load of the machine (the one-minute load
average, the work already running):

* quiet (load under half a core): every usable core, less ``reserve``;
* busy: the cores the load leaves free, rounded down, and at most cores - 1;
* never fewer than one thread.

``reserve`` keeps cores for other work of the same program: the app's training
process leaves one to the window so that it stays responsive.
"""

from __future__ import annotations

import math
import os

import torch

QUIET_LOAD = 0.5  # a load average below this is an idle machine


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity, else the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


def machine_load() -> float:
    """The one-minute load average (0 where the system does not report one)."""
    try:
        return max(0.0, os.getloadavg()[0])
    except (AttributeError, OSError):  # Windows
        return 0.0


def intra_op_threads(cores: int, load: float, reserve: int = 0) -> int:
    """PyTorch's intra-op threads for ``cores`` usable cores under ``load`` (see the module)."""
    threads = cores - reserve
    if load >= QUIET_LOAD:
        threads = min(threads, cores - 1, math.floor(cores - load))
    return max(1, threads)


def use_threads(requested: int = 0, reserve: int = 0) -> str:
    """Set PyTorch's intra-op threads (``requested`` > 0 wins over the rule); says how many."""
    cores, load = usable_cores(), machine_load()
    if requested > 0:
        threads, why = requested, "as asked"
    else:
        threads = intra_op_threads(cores, load, reserve)
        why = f"{cores} cores, load {load:.1f}"
    torch.set_num_threads(threads)
    plural = "s" if threads != 1 else ""
    return f"Using {threads} CPU thread{plural} ({why})."
