"""The devices PyTorch can train on here, and turning a setting into one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class DeviceError(ValueError):
    """The asked-for device is not available; the message says what to pick instead."""


@dataclass(frozen=True)
class DeviceInfo:
    id: str  # "cpu", "cuda:0", "mps"
    label: str  # "CPU (2 threads)", "CUDA: NVIDIA H100 80GB HBM3"


def _cuda_count() -> int:
    import torch

    try:
        return torch.cuda.device_count() if torch.cuda.is_available() else 0
    except Exception:  # a broken driver counts as no GPU
        return 0


def _mps_available() -> bool:
    import torch

    backend = getattr(torch.backends, "mps", None)
    try:
        return bool(backend and backend.is_available())
    except Exception:
        return False


def available_devices() -> list[DeviceInfo]:
    """Every device present, the CPU first."""
    import torch

    devices = [DeviceInfo("cpu", _cpu_label())]
    for index in range(_cuda_count()):
        devices.append(
            DeviceInfo(f"cuda:{index}", f"CUDA: {torch.cuda.get_device_name(index)}")
        )
    if _mps_available():
        devices.append(DeviceInfo("mps", "Apple GPU (MPS)"))
    return devices


def _cpu_label() -> str:
    import torch

    threads = torch.get_num_threads()
    return f"CPU ({threads} thread{'s' if threads != 1 else ''})"


def device_label(device: Any) -> str:
    """A label for a torch.device or device id, as in :func:`available_devices`."""
    import torch

    device = torch.device(device)
    if device.type == "cuda":
        index = (
            device.index if device.index is not None else torch.cuda.current_device()
        )
        return f"CUDA: {torch.cuda.get_device_name(index)}"
    if device.type == "mps":
        return "Apple GPU (MPS)"
    return _cpu_label()


def resolve_device(choice: str = "auto") -> Any:
    """The ``torch.device`` for a setting: auto, cpu, cuda, cuda:N or mps.

    ``auto`` picks a CUDA GPU, then an Apple GPU, then the CPU.  Raises
    :class:`DeviceError` when the asked-for device is not present.
    """
    import torch

    choice = (choice or "auto").strip().lower()
    if choice == "auto":
        if _cuda_count():
            return torch.device("cuda", 0)
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    if choice == "cpu":
        return torch.device("cpu")
    if choice == "cuda" or choice.startswith("cuda:"):
        count = _cuda_count()
        if count == 0:
            built = (
                "was built without CUDA support"
                if torch.version.cuda is None
                else "finds no usable CUDA GPU"
            )
            raise DeviceError(
                f"CUDA was asked for, but this PyTorch ({torch.__version__}) {built}. "
                "Use the device 'auto' or 'cpu' instead."
            )
        index = 0
        if choice.startswith("cuda:"):
            text = choice.partition(":")[2]
            if not text.isdigit() or int(text) >= count:
                gpus = ", ".join(f"cuda:{k}" for k in range(count))
                raise DeviceError(f"there is no GPU {choice!r} here; present: {gpus}")
            index = int(text)
        return torch.device("cuda", index)
    if choice == "mps":
        if not _mps_available():
            raise DeviceError(
                "the Apple GPU (MPS) was asked for, but it is not available here. Use 'auto' or 'cpu'."
            )
        return torch.device("mps")
    raise DeviceError(
        f"unknown device {choice!r}; choose auto, cpu, cuda, cuda:N or mps"
    )
