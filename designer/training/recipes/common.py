"""What every task shares: device, validation split, optimizer, schedule, batches, the loop.

:func:`fit` is the whole training loop of an exported ``train.py``; the app's
engine runs its own loop (with progress, pause and stop) around the same step
functions, in the same order, so both give the same numbers from the same seed.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
from torch import nn

VAL_BATCH_MIN = 512  # evaluation keeps no gradients, so larger batches fit


def pick_device(name: str) -> torch.device:
    """auto: a CUDA GPU if there is one, else an Apple GPU, else the CPU."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    return torch.device(name)


def sum_dtype(device: torch.device) -> torch.dtype:
    """The dtype for sums of losses: float64, except on Apple GPUs, which lack it."""
    return torch.float32 if device.type == "mps" else torch.float64


def make_autocast(device: torch.device, mixed_precision: bool) -> Any:
    """bfloat16 autocast on CUDA when asked for, else None (compute in float32)."""
    if mixed_precision and device.type == "cuda":
        return lambda: torch.autocast("cuda", dtype=torch.bfloat16)
    return None


def autocast_or_not(autocast: Any) -> Any:
    """The context to compute a forward pass in (a no-op without autocast)."""
    return autocast() if autocast is not None else contextlib.nullcontext()


def input_tensor(x: np.ndarray, long_inputs: bool) -> torch.Tensor:
    """The samples as a tensor: token ids as int64, everything else float32."""
    value = torch.from_numpy(np.ascontiguousarray(x))
    return value.to(torch.int64 if long_inputs else torch.float32)


def split_validation(x: np.ndarray, y: np.ndarray, fraction: float, seed: int) -> tuple:
    """Hold out a seeded random share of the samples for validation (None: no split)."""
    val_count = round(len(x) * fraction)
    if fraction > 0 and val_count == 0 and len(x) > 1:
        val_count = 1
    if val_count == 0:
        return x, y, None, None
    order = np.random.default_rng(seed).permutation(len(x))
    val_index, train_index = np.sort(order[:val_count]), order[val_count:]
    return x[train_index], y[train_index], x[val_index], y[val_index]


def world_size() -> int:
    """How many processes train together (torchrun's; 1 without it)."""
    return dist.get_world_size() if dist.is_available() and dist.is_initialized() else 1


def is_main_process() -> bool:
    """Whether this process prints and writes the results (rank 0, or the only one)."""
    return not (dist.is_available() and dist.is_initialized()) or dist.get_rank() == 0


def shard_size(samples: int) -> int:
    """The samples each process trains on per epoch (every one the same number)."""
    return math.ceil(samples / world_size())


def shard_order(
    samples: int, seed: int, epoch: int, processes: int, rank: int
) -> torch.Tensor:
    """Process ``rank``'s share of an epoch's samples, in a seeded random order.

    DistributedSampler's split: each process a different share, the same size
    (repeating a few samples when they do not divide evenly).
    """
    from torch.utils.data.distributed import DistributedSampler

    sampler = DistributedSampler(
        range(samples), num_replicas=processes, rank=rank, shuffle=True, seed=seed
    )
    sampler.set_epoch(epoch)
    return torch.tensor(list(sampler), dtype=torch.int64)


def mean_over_processes(values: list[float], device: torch.device) -> list[float]:
    """The mean of each value over all processes (the values themselves in one)."""
    if world_size() == 1:
        return values
    total = torch.tensor(values, dtype=torch.float64, device=device)
    dist.all_reduce(total)
    return (total / world_size()).tolist()


def steps_per_epoch(samples: int, batch_size: int) -> int:
    """Batches per epoch; a last batch of a single sample is skipped (BatchNorm)."""
    steps = max(1, math.ceil(samples / batch_size))
    if samples % batch_size == 1 and steps > 1:
        steps -= 1
    return steps


def make_optimizer(
    parameters: Any,
    name: str,
    lr: float,
    weight_decay: float = 0.0,
    momentum: float = 0.0,
    nesterov: bool = False,
) -> torch.optim.Optimizer:
    """SGD, Adam, AdamW or RMSprop, by name."""
    if name == "sgd":
        return torch.optim.SGD(
            parameters,
            lr=lr,
            momentum=momentum,
            nesterov=nesterov,
            weight_decay=weight_decay,
        )
    if name == "adam":
        return torch.optim.Adam(parameters, lr=lr, weight_decay=weight_decay)
    if name == "adamw":
        return torch.optim.AdamW(parameters, lr=lr, weight_decay=weight_decay)
    if name == "rmsprop":
        return torch.optim.RMSprop(
            parameters, lr=lr, momentum=momentum, weight_decay=weight_decay
        )
    raise ValueError(f"unknown optimizer {name!r}")


def make_scheduler(
    optimizer: torch.optim.Optimizer,
    name: str,
    epochs: int,
    steps: int,
    step_size: int = 1,
    gamma: float = 0.1,
) -> Any:
    """The learning-rate schedule (None for "none").

    "step" cuts the rate by ``gamma`` every ``step_size`` epochs; "cosine" and
    "one_cycle" run over all ``epochs * steps`` batches and step after each one
    (see :func:`steps_per_batch`).
    """
    schedulers = torch.optim.lr_scheduler
    if name == "none":
        return None
    if name == "step":
        return schedulers.StepLR(optimizer, step_size=step_size, gamma=gamma)
    if name == "cosine":
        return schedulers.CosineAnnealingLR(optimizer, T_max=epochs * steps)
    if name == "one_cycle":
        max_lr = optimizer.param_groups[0]["lr"]
        return schedulers.OneCycleLR(
            optimizer, max_lr=max_lr, total_steps=epochs * steps
        )
    raise ValueError(f"unknown learning-rate schedule {name!r}")


def steps_per_batch(schedule: str) -> bool:
    """Whether the schedule steps after every batch (else after every epoch)."""
    return schedule in ("cosine", "one_cycle")


def optimizer_step(
    optimizer: torch.optim.Optimizer, loss: torch.Tensor, parameters: Any, clip: float
) -> None:
    """Backpropagate ``loss`` and step, the gradient norm clipped to ``clip`` (0: off)."""
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    if clip > 0:
        nn.utils.clip_grad_norm_(parameters, clip)
    optimizer.step()


def parameters_of(optimizer: torch.optim.Optimizer) -> list:
    """Every parameter the optimizer updates."""
    return [p for group in optimizer.param_groups for p in group["params"]]


def validation_batches(
    x: torch.Tensor, y: torch.Tensor, batch_size: int
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """The validation samples in order, in batches of at least VAL_BATCH_MIN."""
    size = max(batch_size, VAL_BATCH_MIN)
    for first in range(0, len(x), size):
        yield x[first : first + size], y[first : first + size]


def step_means(
    steps: list[tuple[torch.Tensor, ...]], dtype: torch.dtype
) -> list[float]:
    """Per-term means over an epoch's steps, each step a tuple of scalar tensors."""
    stacked = torch.stack([torch.stack(step) for step in steps]).to(dtype)
    return stacked.mean(dim=0).tolist()


def epoch_record(
    epoch: int,
    train: dict[str, float],
    evaluation: dict[str, Any] | None,
    seconds: float,
    samples_per_sec: float,
    classification: bool,
) -> dict[str, Any]:
    """One epoch as metrics.json holds it (non-finite numbers become null)."""

    def number(value: Any) -> Any:
        return float(value) if value is not None and math.isfinite(value) else None

    evaluation = dict(evaluation or {})
    record: dict[str, Any] = {
        "epoch": epoch,
        "train_loss": number(train["train_loss"]),
        "val_loss": number(evaluation.pop("val_loss", None)),
    }
    accuracy = evaluation.pop("val_accuracy", None)
    if classification:
        record["val_accuracy"] = number(accuracy)
    for name, value in [*train.items(), *evaluation.items()]:
        record.setdefault(name, number(value))
    record["seconds"] = round(seconds, 4)
    record["samples_per_sec"] = round(samples_per_sec, 1)
    return record


def run_record(
    epochs: list[dict[str, Any]], status: str, device: str, dataset: str, task: str
) -> dict[str, Any]:
    """The whole run as metrics.json holds it: the epochs and the best of them."""
    losses = [e["val_loss"] for e in epochs if e.get("val_loss") is not None]
    accuracies = [
        e["val_accuracy"] for e in epochs if e.get("val_accuracy") is not None
    ]
    return {
        "device": device,
        "dataset": dataset,
        "task": task,
        "status": status,
        "epochs": epochs,
        "best_val_accuracy": max(accuracies) if accuracies else None,
        "best_val_loss": min(losses) if losses else None,
    }


def format_metrics(record: dict[str, Any]) -> str:
    """An epoch on one line, e.g. train_loss 0.1234  val_accuracy 91.2%."""
    parts = []
    for name, value in record.items():
        if name in ("epoch", "seconds", "samples_per_sec") or value is None:
            continue
        shown = f"{value:.1%}" if name.endswith("accuracy") else f"{value:.4f}"
        parts.append(f"{name} {shown}")
    return "  ".join(parts)


def fit(
    step: Callable[[torch.Tensor, torch.Tensor], tuple[torch.Tensor, ...]],
    terms: tuple[str, ...],
    evaluate: Callable[[], dict[str, Any]] | None,
    modules: list[nn.Module],
    x: torch.Tensor,
    y: torch.Tensor,
    batch_size: int,
    epochs: int,
    seed: int,
    schedulers: list[Any],
    per_batch: bool,
    patience: int = 0,
    classification: bool = False,
    checkpoint: Any = None,
) -> tuple[list[dict[str, Any]], str]:
    """Train for ``epochs`` passes; returns the epochs' records and how the run ended.

    ``step`` trains on one batch and returns scalar tensors named by ``terms``
    (the first is "train_loss"); ``evaluate`` measures the validation data.
    Batches come in a seeded random order; with ``patience`` the run stops when
    the (validation) loss has not improved for that many epochs.  Under torchrun
    each process trains on its share of every epoch and the epoch's terms are
    averaged over the processes.  A ``checkpoint`` (``restore()`` and
    ``save(loop)``) is saved after every epoch and can carry on a run.
    """
    shuffle = torch.Generator().manual_seed(seed)
    steps = steps_per_epoch(shard_size(len(x)), batch_size)
    history: list[dict[str, Any]] = []
    best, stale, first = math.inf, 0, 1
    resumed = checkpoint.restore() if checkpoint is not None else None
    if resumed is not None:
        history, best, stale = resumed["history"], resumed["best"], resumed["stale"]
        shuffle.set_state(resumed["shuffle"])
        first = resumed["epoch"] + 1
    for epoch in range(first, epochs + 1):
        started = time.perf_counter()
        for module in modules:
            module.train()
        if world_size() > 1:
            rank = dist.get_rank()
            order = shard_order(len(x), seed, epoch, world_size(), rank).to(x.device)
        else:
            order = torch.randperm(len(x), generator=shuffle).to(x.device)
        results = []
        for k in range(steps):
            batch = order[k * batch_size : (k + 1) * batch_size]
            results.append(step(x[batch], y[batch]))
            if per_batch:
                for scheduler in schedulers:
                    scheduler.step()
        means = step_means(results, sum_dtype(x.device))
        train = dict(zip(terms, mean_over_processes(means, x.device), strict=True))
        train_seconds = time.perf_counter() - started
        if not per_batch:
            for scheduler in schedulers:
                scheduler.step()
        evaluation = None
        if evaluate is not None:
            for module in modules:
                module.eval()
            with torch.no_grad():
                evaluation = evaluate()
        seconds = time.perf_counter() - started
        speed = min(steps * batch_size, len(x)) / max(train_seconds, 1e-9)
        record = epoch_record(epoch, train, evaluation, seconds, speed, classification)
        history.append(record)
        if is_main_process():
            print(f"epoch {epoch}/{epochs}  {format_metrics(record)}  {seconds:.1f}s")
        watched = (
            record["val_loss"]
            if record["val_loss"] is not None
            else train["train_loss"]
        )
        if watched < best:
            best, stale = watched, 0
        else:
            stale += 1
        if checkpoint is not None:
            loop = {"epoch": epoch, "history": history, "best": best, "stale": stale}
            checkpoint.save({**loop, "shuffle": shuffle.get_state()})
        if patience and stale >= patience and epoch < epochs:
            if is_main_process():
                print(f"stopping early: no better loss for {patience} epochs")
            return history, "early_stopped"
    return history, "finished"


def cpu_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """The model's weights, copied to the CPU so that any machine can load them."""
    return {name: value.detach().cpu() for name, value in model.state_dict().items()}


# A .safetensors file of several networks names them in its metadata and prefixes
# each key with its network's name and a slash.
NETWORKS_METADATA = "designer.networks"


def weights_bytes(state: dict, safetensors: bool) -> bytes:
    """A state_dict (or {network name: state_dict}) as the bytes of a weights file.

    With ``safetensors`` the safetensors format (tensors only, nothing executable;
    needs the safetensors package), else torch.save's.
    """
    if not safetensors:
        buffer = io.BytesIO()
        torch.save(state, buffer)
        return buffer.getvalue()
    from safetensors.torch import save

    several = not all(isinstance(v, torch.Tensor) for v in state.values())
    flat = (
        {f"{net}/{k}": v for net, inner in state.items() for k, v in inner.items()}
        if several
        else state
    )
    # safetensors refuses tensors that share memory (tied weights): copies do not.
    tensors = {k: v.detach().cpu().contiguous().clone() for k, v in flat.items()}
    metadata = {NETWORKS_METADATA: json.dumps(list(state))} if several else None
    return save(tensors, metadata)


def read_state(path: str | Path) -> dict:
    """The state a weights file holds (as :func:`weights_bytes` wrote it), on the CPU.

    .safetensors files are read with the safetensors package; anything else with
    ``torch.load(weights_only=True)``, so nothing in the file is executed.
    """
    path = Path(path)
    if path.suffix != ".safetensors":
        return torch.load(path, map_location="cpu", weights_only=True)
    from safetensors import safe_open

    with safe_open(str(path), framework="pt", device="cpu") as handle:
        flat = {key: handle.get_tensor(key) for key in handle.keys()}  # noqa: SIM118
        names = (handle.metadata() or {}).get(NETWORKS_METADATA)
    if names is None:
        return flat
    state: dict = {name: {} for name in json.loads(names)}
    for key, value in flat.items():
        network, _, inner = key.partition("/")
        state[network][inner] = value
    return state


def save_results(state: dict, record: dict[str, Any] | None, out: str) -> Path:
    """Save the weights; returns the weights file.

    ``out`` ending in .safetensors or .pt is the weights file itself; anything
    else is a folder that gets weights.safetensors (weights.pt when the
    safetensors package is missing) and, with a ``record``, metrics.json.
    """
    path = Path(out)
    is_file = path.suffix in (".pt", ".safetensors")
    if path.suffix == ".safetensors" and not has_safetensors():
        path = path.with_suffix(".pt")
        print(f"safetensors is not installed (pip install safetensors): writing {path}")
    folder = path.parent if is_file else path
    if is_file:
        weights = path
    else:
        weights = folder / (
            "weights.safetensors" if has_safetensors() else "weights.pt"
        )
    folder.mkdir(parents=True, exist_ok=True)
    weights.write_bytes(weights_bytes(state, weights.suffix == ".safetensors"))
    if record is not None and not is_file:
        (folder / "metrics.json").write_text(json.dumps(record, indent=2) + "\n")
    return weights


def has_safetensors() -> bool:
    """Whether the safetensors package is installed (the script also runs without it)."""
    try:
        import safetensors  # noqa: F401
    except ImportError:
        return False
    return True
