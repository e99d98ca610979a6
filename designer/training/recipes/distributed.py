"""Several processes (torchrun) and checkpoints to resume from, for an exported train.py.

``python train.py`` runs in one process; ``torchrun --nproc_per_node=K train.py``
starts K, which join one process group (NCCL on CUDA GPUs, gloo on the CPU),
train one model with DistributedDataParallel, and each take their own share of
every epoch's batches (:func:`designer.training.recipes.common.shard_order`).
The app trains in one process and uses only :class:`Checkpoint`'s format.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
from torch import nn

from designer.training.recipes.common import cpu_state, is_main_process, pick_device


def start_processes(device_name: str) -> torch.device:
    """This process's device; under torchrun (WORLD_SIZE > 1) it joins the group first.

    Each process on a machine takes the GPU of its LOCAL_RANK when CUDA is asked
    for (or "auto" finds it), else the CPU with the gloo backend.
    """
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1:
        return pick_device(device_name)
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    wants_cuda = device_name.startswith("cuda") or device_name == "auto"
    if wants_cuda and torch.cuda.is_available():
        torch.cuda.set_device(local_rank)
        dist.init_process_group("nccl")
        return torch.device("cuda", local_rank)
    dist.init_process_group("gloo")
    return torch.device("cpu")


def end_processes() -> None:
    """Leave the process group (when there is one) once every process is done, and
    end this process at once.

    Without the barrier, a process that tore its connections down while another
    still wrote its results could abort the other.  Ending with ``os._exit`` (after
    flushing what was printed): gloo's threads may still be releasing the last
    collective's tensors when the barrier returns, which needs the interpreter, and
    a normal exit would be tearing it down — PyTorch then aborts the process
    ("terminate called without an active exception"; seen on a busy machine).
    """
    if dist.is_available() and dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def distributed_model(model: nn.Module, device: torch.device) -> nn.Module:
    """``model`` wrapped in DistributedDataParallel under torchrun, else itself.

    Train through the wrapper (it averages the gradients of all processes);
    evaluate and save the model itself.
    """
    if not (dist.is_available() and dist.is_initialized()):
        return model
    devices = [device.index] if device.type == "cuda" else None
    return nn.parallel.DistributedDataParallel(model, device_ids=devices)


def checkpoint_path(out: str) -> Path:
    """Where the checkpoint of a run writing to ``out`` goes (next to the weights)."""
    path = Path(out)
    if path.suffix in (".pt", ".safetensors"):
        return path.with_name(f"{path.stem}.checkpoint.pt")
    return path / "checkpoint.pt"


class Checkpoint:
    """Everything a run needs to carry on after an epoch: weights, optimizer and
    schedule states, the epochs so far and the random generators.

    The first process writes it after every epoch (a temporary file, then a
    rename, so a killed run leaves the previous one); ``--resume`` reads it back
    with ``torch.load(weights_only=True)``: tensors and plain values only.
    """

    def __init__(
        self,
        path: Path,
        modules: list[nn.Module],
        optimizers: list[Any],
        schedulers: list[Any],
        resume: bool,
    ) -> None:
        self.path = path
        self.modules = modules
        self.optimizers = optimizers
        self.schedulers = schedulers
        self.resume = resume

    def restore(self) -> dict[str, Any] | None:
        """Load the saved states into the run; returns the loop's state, or None
        when the run starts afresh."""
        if not self.resume:
            return None
        if not self.path.is_file():
            raise SystemExit(f"--resume: there is no checkpoint {self.path} to resume")
        saved = torch.load(self.path, map_location="cpu", weights_only=True)
        for scheduler, state in zip(self.schedulers, saved["schedulers"], strict=True):
            _check_schedule_length(scheduler, state)
        parts = zip(
            [*self.modules, *self.optimizers, *self.schedulers],
            [*saved["modules"], *saved["optimizers"], *saved["schedulers"]],
            strict=True,
        )
        for owner, state in parts:
            owner.load_state_dict(state)
        torch.set_rng_state(saved["rng"])
        if is_main_process():
            print(f"resuming after epoch {saved['epoch']} from {self.path}")
        return saved

    def save(self, loop: dict[str, Any]) -> None:
        """Write the run's state with ``loop`` (epoch, history, shuffle, best, stale)."""
        if not is_main_process():
            return
        state = {
            **loop,
            "modules": [cpu_state(m) for m in self.modules],
            "optimizers": [o.state_dict() for o in self.optimizers],
            "schedulers": [s.state_dict() for s in self.schedulers],
            "rng": torch.get_rng_state(),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        torch.save(state, temporary)
        os.replace(temporary, self.path)


def _check_schedule_length(scheduler: Any, saved: dict[str, Any]) -> None:
    """A cosine or one-cycle schedule is laid out for the whole run; resumed with
    another length (a different --epochs or --limit) it would restart its cosine or
    step past its end, so that is refused with what to do instead."""
    for length in ("total_steps", "T_max"):
        if hasattr(scheduler, length) and length in saved:
            before, now = int(saved[length]), int(getattr(scheduler, length))
            if before != now:
                raise SystemExit(
                    f"--resume: the checkpoint's learning-rate schedule was laid out "
                    f"for {before} steps and this run has {now} (another --epochs or "
                    f"--limit); a {type(scheduler).__name__} schedule cannot be "
                    "stretched midway. Resume with the first run's --epochs and "
                    "--limit, or start afresh without --resume."
                )
