"""Memory pre-flight: how much memory a run will need, measured before it starts.

:func:`estimate_memory` builds the project's networks on PyTorch's meta device
(tensors with a shape and a dtype but no data), sets up the run's own task and
optimizers there, and runs two real training steps of the task under a
:class:`~designer.training.memory_tracking.LiveStorageTracker`.  Nothing is
allocated and nothing is computed, yet every tensor the step creates is seen:
the activations autograd keeps for backward, the gradients, the optimizer's
state (created by its first step) and each operator's temporaries.  The peak of
the second step is what a run keeps needing, step after step.  The weights
exist before the steps and are counted from the modules; validation is
measured the same way as a forward pass without gradients at the validation
batch size.

Activations grow linearly with the batch, so the step is measured at two batch
sizes, which gives the need at any batch size and the largest one that fits.

:func:`check_memory` turns an estimate and the device's free memory into
problems (the run cannot fit: refused with numbers) and warnings (above
:data:`WARN_SHARE` of what is free).  :func:`describe_out_of_memory` words a
real out-of-memory error with the batch size and one that should fit.

Measured against real runs on the CPU (tests/training/test_memory.py): MLPs
and CNNs within a few per cent of the storage really allocated and of the peak
resident memory, an LSTM within about 10 %.  Known differences, all small or
on the safe side: mixed precision is estimated as float32 (bf16 activations
take less); on a GPU the optimizers' multi-tensor ("foreach") updates make
temporaries the meta run (one tensor at a time) does not, and the CUDA
allocator rounds and caches blocks; the validation pass is a forward pass at
the validation batch size, without the task's metrics.
"""

from __future__ import annotations

import dataclasses
import math
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn

from designer.codegen.build import build_networks
from designer.codegen.module import generate_project
from designer.graph.model import Project
from designer.graph.translatable import Message
from designer.shapes.infer import infer_shapes
from designer.training.memory_available import available_memory
from designer.training.memory_texts import (
    COMPUTER,
    MEMORY_PARTS,
    MEMORY_REFUSAL,
    REFUSED_NOTHING_FITS,
    REFUSED_NOTHING_FITS_ON_CPU,
    SMALLER_BATCH,
    format_bytes,
    memory_summary,
)
from designer.training.memory_tracking import LiveStorageTracker
from designer.training.recipes.common import VAL_BATCH_MIN
from designer.training.settings import FIELD_SPECS, TrainingSettings
from designer.training.start_notes import MEMORY_TIGHT, NO_MEMORY_ESTIMATE
from designer.training.tasks.base import NetworkInfo, Task, TaskContext
from designer.training.tasks.registry import create_task

__all__ = [
    "MemoryCheck",
    "MemoryEstimate",
    "MemoryEstimateError",
    "available_memory",
    "check_memory",
    "describe_out_of_memory",
    "estimate_memory",
    "format_bytes",
    "is_out_of_memory",
    "memory_summary",
]

MAX_BATCH = int(FIELD_SPECS["batch_size"].maximum or 65536)
WARN_SHARE = 0.8  # warn when a run needs more than this share of the free memory
DEVICE_DATA_SHARE = (
    0.5  # the engine keeps data on a GPU up to this share of free memory
)
META = torch.device("meta")


class MemoryEstimateError(Exception):
    """The estimate cannot be made (the model does not check out); the message says why."""


@dataclass(frozen=True)
class MemoryEstimate:
    """The memory a run needs, in bytes, at ``batch_size`` and (through the fit) at any other.

    Plain numbers only, so it pickles across the training process and the
    settings form can show it.  ``activations`` is the working memory of a step
    beyond the gradients and the optimizer's state: what autograd keeps for
    backward plus the temporaries of the moment of the peak.
    """

    device: str
    batch_size: int
    parameters: int
    gradients: int
    optimizer_state: int
    activations: int
    dataset: int
    num_train: int
    step_fixed: float  # step peak = step_fixed + step_per_sample * batch
    step_per_sample: float
    eval_fixed: float  # validation peak = eval_fixed + eval_per_sample * val batch
    eval_per_sample: float
    networks: dict[str, int] = field(default_factory=dict)  # parameter bytes by network

    @property
    def total(self) -> int:
        return (
            self.parameters
            + self.gradients
            + self.optimizer_state
            + self.activations
            + self.dataset
        )

    def total_at(self, batch_size: int) -> int:
        """The need at another batch size (the engine trains on at most the whole training set)."""
        batch = max(1, min(batch_size, self.num_train))
        step = self.step_fixed + self.step_per_sample * batch
        if self.eval_per_sample or self.eval_fixed:
            evaluation = (
                self.gradients
                + self.optimizer_state
                + self.eval_fixed
                + self.eval_per_sample * max(batch, VAL_BATCH_MIN)
            )
            step = max(step, evaluation)
        return int(math.ceil(self.parameters + self.dataset + step))

    def largest_batch_that_fits(self, available_bytes: int) -> int:
        """The largest batch size whose need is within ``available_bytes``; 0 when not even 1 fits.

        A batch of the whole training set is the most a run uses, so when that
        fits the answer is the size of the training set.
        """
        high = max(1, min(MAX_BATCH, self.num_train))
        if self.total_at(1) > available_bytes:
            return 0
        low = 1  # total_at grows with the batch: the largest fitting one by bisection
        while low < high:
            middle = (low + high + 1) // 2
            if self.total_at(middle) <= available_bytes:
                low = middle
            else:
                high = middle - 1
        return low

    def parts(self) -> str:
        """The need in its parts, for people."""
        return self.parts_message().english()

    def parts_message(self) -> Message:
        """:meth:`parts` as a message the window translates."""
        return Message.of(
            MEMORY_PARTS,
            parameters=format_bytes(self.parameters),
            gradients=format_bytes(self.gradients),
            optimizer=format_bytes(self.optimizer_state),
            batch=f"{self.batch_size:,}",
            activations=format_bytes(self.activations),
            data=format_bytes(self.dataset),
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class MemoryCheck:
    """A pre-flight verdict: the estimate, the free memory, and what to tell the user."""

    estimate: MemoryEstimate | None
    available: int | None
    problems: list[str] = field(default_factory=list)  # the run cannot fit
    warnings: list[str] = field(default_factory=list)  # it may, tightly
    # ``problems`` as messages the window translates
    problem_messages: list[Message] = field(default_factory=list)

    def fitting_batch(self) -> int | None:
        """The largest batch size that should fit, when both numbers are known."""
        if self.estimate is None or self.available is None:
            return None
        return self.estimate.largest_batch_that_fits(self.available)


# -- the estimate ---------------------------------------------------------------------
def estimate_memory(
    project: Project, settings: TrainingSettings, dataset: Any, device: Any
) -> MemoryEstimate:
    """What a run of ``project`` on ``dataset`` with ``settings`` needs on ``device``.

    ``dataset`` needs ``x`` and ``y`` arrays (and optionally ``x_val``/``y_val``);
    only their shapes and dtypes are used.  Raises :class:`MemoryEstimateError`
    when the networks do not check out (the run would refuse them anyway).
    """
    device = torch.device(device)
    infos = network_infos(project)
    task = create_task(settings.task)
    trained = task.trained_networks(project)
    own_val = getattr(dataset, "x_val", None) is not None and (
        getattr(dataset, "y_val", None) is not None
    )
    count = len(dataset.x)
    num_val = len(dataset.x_val) if own_val else _val_count(count, settings.val_split)
    num_train = max(1, count - num_val)
    batch = max(1, min(settings.batch_size, num_train))
    with torch.random.fork_rng(devices=[]):  # the run's random numbers stay as they are
        val_batch = max(batch, VAL_BATCH_MIN) if num_val else 0
        args = (project, infos, trained, settings, dataset)
        first = _probe(*args, batch, val_batch)
        second = _probe(*args, 2 * batch, 2 * val_batch)
    step_per_sample = max(0.0, (second.step_peak - first.step_peak) / batch)
    step_fixed = first.step_peak - step_per_sample * batch
    eval_per_sample = max(0.0, (second.eval_peak - first.eval_peak) / max(1, val_batch))
    eval_fixed = first.eval_peak - eval_per_sample * val_batch
    working = first.step_peak
    if num_val:
        working = max(
            working, first.gradients + first.optimizer_state + first.eval_peak
        )
    data = _dataset_bytes(dataset, own_val, num_val, first, device)
    return MemoryEstimate(
        device=str(device),
        batch_size=batch,
        parameters=first.parameters,
        gradients=first.gradients,
        optimizer_state=first.optimizer_state,
        activations=max(0, working - first.gradients - first.optimizer_state),
        dataset=data,
        num_train=num_train,
        step_fixed=step_fixed,
        step_per_sample=step_per_sample,
        eval_fixed=eval_fixed if num_val else 0.0,
        eval_per_sample=eval_per_sample if num_val else 0.0,
        networks=first.networks,
    )


def network_infos(project: Project) -> dict[str, NetworkInfo]:
    """Code and shapes of every network, as the engine prepares them."""
    analysed = {}
    for graph in project.networks:
        shapes = infer_shapes(graph)
        if shapes.errors:
            raise MemoryEstimateError(
                f"the network {graph.name!r} has problems: {shapes.errors[0].message}"
            )
        analysed[graph.name] = shapes
    _source, codes = generate_project(project, analysed)
    infos = {}
    for graph, code in zip(project.networks, codes, strict=True):
        shapes = analysed[graph.name]
        outputs = shapes.output_shapes()
        infos[graph.name] = NetworkInfo(graph.name, code, shapes, outputs)
    return infos


@dataclass
class _Probe:
    parameters: int
    gradients: int
    optimizer_state: int
    step_peak: int
    eval_peak: int
    input_dtype: torch.dtype
    target: torch.Tensor  # two real targets, prepared as the task does
    networks: dict[str, int]


def _probe(
    project: Project,
    infos: dict[str, NetworkInfo],
    trained: list[str],
    settings: TrainingSettings,
    dataset: Any,
    batch: int,
    val_batch: int,
) -> _Probe:
    """Set a run up on the meta device and measure two of its steps at ``batch``."""
    from designer.training.engine_parts import make_optimizer

    with torch.device(META):
        built = build_networks(
            project, {name: info.shapes for name, info in infos.items()}
        )
        networks = {name: network.module for name, network in built.items()}
        task: Task = create_task(settings.task)
        task.setup(
            TaskContext(
                networks=networks,
                infos={name: infos[name] for name in trained},
                settings=settings,
                device=META,
                classes=list(dataset.classes)
                if getattr(dataset, "classes", None) is not None
                else None,
                autocast=nullcontext,
                make_optimizer=lambda params: make_optimizer(params, settings),
                project=project,
                mixed_precision=False,
            )
        )
        optimizers = task.configure_optimizers()
    trainable = _unique(
        p for o in optimizers for g in o.param_groups for p in g["params"]
    )
    input_dtype = task.input_dtype({name: infos[name] for name in trained})
    target = task.prepare_targets(torch.from_numpy(np.ascontiguousarray(dataset.y[:2])))
    sample = tuple(int(d) for d in dataset.x.shape[1:])

    tracker = LiveStorageTracker()
    hooks = _recurrent_workspaces(networks.values(), tracker)
    with tracker:
        for _ in range(2):
            x = torch.empty((batch, *sample), dtype=input_dtype, device=META)
            y = torch.empty((batch, *target.shape[1:]), dtype=target.dtype, device=META)
            task.train_step(x, y)
            del x, y
    for hook in hooks:
        hook.remove()
    state = _unique(
        value
        for optimizer in optimizers
        for values in optimizer.state.values()
        for value in values.values()
        if isinstance(value, torch.Tensor) and value.device == META
    )
    eval_peak = 0
    if val_batch:
        eval_peak = max(
            _forward_peak(networks[name], infos[name], dataset, val_batch)
            for name in trained
        )
    return _Probe(
        parameters=_nbytes(
            _unique(t for m in networks.values() for t in _tensors_of(m))
        ),
        gradients=_nbytes(trainable),
        optimizer_state=_nbytes(state),
        step_peak=tracker.peak,
        eval_peak=eval_peak,
        input_dtype=input_dtype,
        target=target,
        networks={
            name: _nbytes(_unique(_tensors_of(m))) for name, m in networks.items()
        },
    )


def _forward_peak(
    module: nn.Module, info: NetworkInfo, dataset: Any, batch: int
) -> int:
    """Peak memory of one forward pass without gradients (as validation runs)."""
    code = info.code
    inputs = []
    for shape, dtype in zip(code.input_shapes, code.input_dtypes, strict=True):
        if len(shape) == dataset.x.ndim:  # the data goes in here
            dims = tuple(int(d) for d in dataset.x.shape[1:])
        else:  # a generator's noise, or another input: its own sizes
            dims = tuple(
                d if isinstance(d, int) else int(code.example_sizes.get(str(d), 1))
                for d in shape[1:]
            )
        kind = torch.int64 if dtype == "long" else torch.float32
        inputs.append(torch.empty((batch, *dims), dtype=kind, device=META))
    tracker = LiveStorageTracker()
    module.eval()
    try:
        with torch.no_grad(), tracker:
            module(*inputs)
    finally:
        module.train()
    return tracker.peak  # the inputs are slices of the data, counted with it


def _recurrent_workspaces(modules: Any, tracker: LiveStorageTracker) -> list[Any]:
    """Hooks that give recurrent layers a second copy of what they keep for backward.

    On the meta device an LSTM, GRU or RNN runs step by step and keeps each
    step's gates; the fused kernels a real run uses (oneDNN on the CPU, cuDNN on
    a GPU) keep a workspace of the same size besides (measured: twice the meta
    figure on the CPU).  The copy lives in the autograd graph, so it is freed
    with the graph after backward, as the workspace is.
    """
    handles = []
    for module in modules:
        for layer in module.modules():
            if not isinstance(layer, nn.RNNBase):
                continue
            before: list[int] = []

            def remember(_layer: Any, _inputs: Any, before: list[int] = before) -> None:
                before.append(tracker.current)

            def keep(
                _layer: Any, _inputs: Any, output: Any, before: list[int] = before
            ) -> None:
                kept = tracker.current - before.pop()
                first = output[0] if isinstance(output, tuple) else output
                if kept > 0 and first.grad_fn is not None:
                    first.grad_fn.metadata["workspace"] = torch.empty(
                        kept, dtype=torch.uint8, device=META
                    )

            handles += [
                layer.register_forward_pre_hook(remember),
                layer.register_forward_hook(keep),
            ]
    return handles


def _tensors_of(module: nn.Module) -> list[torch.Tensor]:
    return [*module.parameters(), *module.buffers()]


def _unique(tensors: Any) -> list[torch.Tensor]:
    seen: dict[int, torch.Tensor] = {}
    for tensor in tensors:
        seen.setdefault(id(tensor), tensor)
    return list(seen.values())


def _nbytes(tensors: list[torch.Tensor]) -> int:
    return sum(t.numel() * t.element_size() for t in tensors)


def _val_count(count: int, val_split: float) -> int:
    """How many samples the engine holds out (see ``engine.split_data``)."""
    val_count = round(count * val_split)
    if val_split > 0 and val_count == 0 and count > 1:
        val_count = 1
    return val_count if count - val_count >= 1 else 0


def _dataset_bytes(
    dataset: Any,
    own_val: bool,
    num_val: int,
    probe: _Probe,
    device: torch.device,
) -> int:
    """The memory the engine's copy of the data takes on the device.

    On the CPU the loaded arrays are already in memory; the run adds a copy
    when it splits off validation samples or converts the inputs' dtype.  On a
    GPU the data moves there when it takes at most half the free memory (else
    batches are copied one at a time, which the step already counts).
    """
    x_val = dataset.x_val if own_val else None
    count = len(dataset.x) + (len(x_val) if x_val is not None else 0)
    x_item = torch.empty((), dtype=probe.input_dtype).element_size()
    y_item = probe.target.element_size()
    size = count * (
        int(np.prod(dataset.x.shape[1:], dtype=np.int64)) * x_item
        + int(np.prod(probe.target.shape[1:], dtype=np.int64)) * y_item
    )
    if device.type == "cpu":
        converted = dataset.x.dtype != np.dtype(
            str(probe.input_dtype).removeprefix("torch.")
        )
        split = not own_val and num_val > 0
        return size if converted or split else 0
    if device.type == "cuda":
        free = available_memory(device)
        return size if free is not None and size <= DEVICE_DATA_SHARE * free else 0
    return size


# -- the verdict ------------------------------------------------------------------------
def check_memory(
    project: Project,
    dataset: Any,
    settings: TrainingSettings,
    device: Any,
    available: int | None = None,
) -> MemoryCheck:
    """The pre-flight check a run makes before it builds anything.

    ``available`` defaults to :func:`available_memory` of the device.  An
    estimate that cannot be made is a warning, never a reason to refuse.
    """
    device = torch.device(device)
    try:
        estimate = estimate_memory(project, settings, dataset, device)
    except MemoryEstimateError as error:
        return MemoryCheck(None, None, warnings=[_no_estimate(error)])
    except Exception as error:  # an operator without a meta kernel, say
        return MemoryCheck(None, None, warnings=[_no_estimate(error)])
    if available is None:
        available = available_memory(device)
    if available is None:
        return MemoryCheck(estimate, None)
    need, where = estimate.total, _device_words(device)
    if need > available:
        problem = memory_refusal(estimate, need, available, device)
        return MemoryCheck(
            estimate,
            available,
            problems=[problem.english()],
            problem_messages=[problem],
        )
    if need > WARN_SHARE * available:
        warning = MEMORY_TIGHT.format(
            need=format_bytes(need), available=format_bytes(available), where=where
        )
        return MemoryCheck(estimate, available, warnings=[warning])
    return MemoryCheck(estimate, available)


def memory_refusal(
    estimate: MemoryEstimate, need: int, available: int, device: torch.device
) -> Message:
    """Why a run that needs ``need`` bytes cannot fit in ``available``, and the remedy."""
    fits = estimate.largest_batch_that_fits(available)
    if fits >= 1 and fits < estimate.batch_size:
        remedy = Message.of(
            SMALLER_BATCH, fits=f"{fits:,}", batch=f"{estimate.batch_size:,}"
        )
    else:
        remedy = Message(
            REFUSED_NOTHING_FITS_ON_CPU
            if device.type == "cpu"
            else REFUSED_NOTHING_FITS
        )
    return Message.of(
        MEMORY_REFUSAL,
        need=format_bytes(need),
        where=Message(_device_words(device)),
        available=format_bytes(available),
        parts=estimate.parts_message(),
        remedy=remedy,
    )


def _no_estimate(error: BaseException) -> str:
    text = (
        str(error).strip().splitlines()[0]
        if str(error).strip()
        else type(error).__name__
    )
    return NO_MEMORY_ESTIMATE.format(error=text)


def _device_words(device: torch.device) -> str:
    return {"cuda": "GPU", "mps": "Apple GPU"}.get(device.type, COMPUTER)


# -- a real out-of-memory error ------------------------------------------------------------
_OOM_TEXTS = ("out of memory", "can't allocate memory", "not enough memory")


def is_out_of_memory(error: BaseException) -> bool:
    """Whether ``error`` is a device or the computer running out of memory."""
    out_of_memory = getattr(torch, "OutOfMemoryError", None)
    if isinstance(error, MemoryError) or (
        out_of_memory is not None and isinstance(error, out_of_memory)
    ):
        return True
    text = str(error).lower()
    return any(words in text for words in _OOM_TEXTS)


def describe_out_of_memory(
    error: BaseException, batch_size: int | None, check: MemoryCheck | None
) -> str:
    """Words for a real out-of-memory error: the batch size and one that should fit."""
    from designer.training.run_end_texts import out_of_memory_message

    return out_of_memory_message(error, batch_size, check).english()


def smaller_batch(batch_size: int, check: MemoryCheck | None) -> int | None:
    """Half the batch, or less when the estimate says so; None when 1 already failed."""
    if batch_size <= 1:
        return None
    fits = check.fitting_batch() if check is not None else None
    half = batch_size // 2
    return max(1, min(half, fits)) if fits else half
