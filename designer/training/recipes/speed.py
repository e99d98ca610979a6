"""How a run uses the machine: PyTorch's CPU threads by one rule, and fast mode.

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

Under torchrun the processes on one machine share its cores equally.

``reserve`` keeps cores for other work of the same program: the app's training
process leaves one to the window so that it stays responsive.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

import torch
from torch import nn

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


def _local_processes() -> int:
    """Training processes sharing this machine's cores (torchrun sets LOCAL_WORLD_SIZE)."""
    try:
        return max(1, int(os.environ.get("LOCAL_WORLD_SIZE", "1")))
    except ValueError:
        return 1


def apply_threads(requested: int = 0, reserve: int = 0) -> tuple[int, int, float]:
    """Set PyTorch's intra-op threads (``requested`` > 0 wins over the rule):
    (the threads, the usable cores of this process, the machine's load)."""
    cores, load = max(1, usable_cores() // _local_processes()), machine_load()
    threads = requested if requested > 0 else intra_op_threads(cores, load, reserve)
    torch.set_num_threads(threads)
    return threads, cores, load


def use_threads(requested: int = 0, reserve: int = 0) -> str:
    """Set PyTorch's intra-op threads (``requested`` > 0 wins over the rule); says how many."""
    threads, cores, load = apply_threads(requested, reserve)
    why = "as asked" if requested > 0 else f"{cores} cores, load {load:.1f}"
    plural = "s" if threads != 1 else ""
    each = " in each of this machine's processes" if _local_processes() > 1 else ""
    return f"Using {threads} CPU thread{plural}{each} ({why})."


# -- fast mode -----------------------------------------------------------------------
# Each switch pays off on a CUDA GPU, where a small network's step waits on kernel
# launches and Python rather than on arithmetic; elsewhere it is skipped with a note.
FAST_BATCH = 512  # the smallest batch fast mode trains with on a GPU
FUSED_OPTIMIZERS = ("sgd", "adam", "adamw")


@dataclass
class FastMode:
    """What fast mode changed for a run, and a note for every switch it skipped."""

    batch_size: int
    lr: float
    bf16: bool = False
    fused: bool = False
    channels_last: bool = False
    compiled: bool = False
    notes: list[str] = field(default_factory=list)


def _has_conv2d(modules: list[nn.Module]) -> bool:
    return any(isinstance(m, nn.Conv2d) for module in modules for m in module.modules())


def fast_mode(
    enabled: bool,
    device: torch.device,
    modules: list[nn.Module],
    batch_size: int,
    lr: float,
    optimizer: str,
    samples: int,
) -> FastMode:
    """Plan fast mode and apply it to ``modules`` (channels_last, compiled forward).

    The caller trains with the returned batch size and learning rate, bf16
    autocast when ``bf16`` and a fused optimizer when ``fused``.  The batch grows
    to at least FAST_BATCH samples and the learning rate by the same factor (the
    linear scaling rule: k times the batch, k times the step).
    """
    plan = FastMode(batch_size, lr)
    if not enabled:
        return plan
    cuda = device.type == "cuda"
    why = f"it needs a CUDA GPU and this run is on {device.type}"
    note = plan.notes.append
    if cuda:
        plan.batch_size = min(max(batch_size, FAST_BATCH), max(samples, 1))
        factor = plan.batch_size / batch_size
        plan.lr = lr * factor
        if factor != 1:
            note(
                f"Fast mode: batch {batch_size} → {plan.batch_size}, learning rate "
                f"{lr:g} → {plan.lr:g} (scaled with the batch: the linear rule)."
            )
        plan.bf16 = torch.cuda.is_bf16_supported()
        if not plan.bf16:
            note("Fast mode: bf16 skipped: this GPU does not support bfloat16.")
    else:
        note(f"Fast mode: keeping the data on the GPU skipped ({why}).")
        note(f"Fast mode: larger batch skipped ({why}); the batch stays {batch_size}.")
        note(f"Fast mode: bf16 skipped ({why}).")
    if cuda and _has_conv2d(modules):
        for module in modules:
            module.to(memory_format=torch.channels_last)
        plan.channels_last = True
    elif cuda:
        note("Fast mode: channels_last skipped (the network has no 2-D convolution).")
    else:
        note(f"Fast mode: channels_last skipped ({why}).")
    if cuda and optimizer in FUSED_OPTIMIZERS:
        plan.fused = True
    elif cuda:
        note(f"Fast mode: fused optimizer skipped ({optimizer} has no fused version).")
    else:
        note(f"Fast mode: fused optimizer skipped ({why}).")
    if cuda and hasattr(torch, "compile"):
        for module in modules:  # the forward only: the state_dict keeps its names
            module.forward = torch.compile(module.forward, mode="reduce-overhead")
        plan.compiled = True
    else:
        note(f"Fast mode: compiled steps (CUDA graphs) skipped ({why}).")
    return plan


def fast_inputs(x: torch.Tensor, plan: FastMode) -> torch.Tensor:
    """The samples in channels_last order when fast mode uses it (images only)."""
    if plan.channels_last and x.dim() == 4:
        return x.contiguous(memory_format=torch.channels_last)
    return x
