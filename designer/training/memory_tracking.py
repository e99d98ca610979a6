"""Counting the bytes of tensor storage that are alive while code runs, on any device.

Used on PyTorch's meta device, where tensors have shapes and dtypes but no data:
running a training step there costs no memory and next to no time, and every
operator still reports the size of each tensor it creates.
"""

from __future__ import annotations

import weakref
from typing import Any

import torch
from torch.utils._python_dispatch import TorchDispatchMode


class LiveStorageTracker(TorchDispatchMode):
    """Sums the storage of every tensor an operator creates while active; keeps the peak.

    Why this and not ``saved_tensors_hooks`` or ``FakeTensorMode``: saved-tensor
    hooks see only what autograd keeps for backward, not the gradients, the
    optimizer's state or the temporaries of each operator, all of which count
    towards the peak; fake tensors would do as well as meta tensors but are a
    private API.  A dispatch mode sees every operator below autograd, including
    the ones backward and the optimizer run.

    A storage is counted once, when an operator returns a tensor that does not
    alias an input (views and in-place results share memory and are skipped,
    as the operator schema says), and uncounted when PyTorch frees it (a weak
    reference to the storage, whose Python object lives as long as the storage
    does).  Storages that existed before (the parameters) are never counted.
    """

    def __init__(self) -> None:
        super().__init__()
        self.current = 0
        self.peak = 0
        self._live: dict[int, int] = {}

    def reset_peak(self) -> None:
        self.peak = self.current

    def _forget(self, key: int) -> None:
        self.current -= self._live.pop(key, 0)

    def _count(self, tensor: torch.Tensor) -> None:
        storage = tensor.untyped_storage()
        key = storage._cdata
        if key in self._live:
            return
        size = int(storage.nbytes())
        self._live[key] = size
        self.current += size
        weakref.finalize(storage, self._forget, key)

    def __torch_dispatch__(
        self,
        func: Any,
        types: Any,
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
    ) -> Any:
        out = func(*args, **(kwargs or {}))
        results = out if isinstance(out, tuple) else (out,)
        for schema, result in zip(func._schema.returns, results, strict=False):
            if schema.alias_info is not None:
                continue  # a view or an in-place result: no new memory
            tensors = result if isinstance(result, list | tuple) else (result,)
            for tensor in tensors:
                if isinstance(tensor, torch.Tensor):
                    self._count(tensor)
        self.peak = max(self.peak, self.current)
        return out
