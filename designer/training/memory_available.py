"""How much memory a run may use on a device: the machine's, a container's cap, a GPU's."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

MEMINFO = Path("/proc/meminfo")
CGROUP = Path("/sys/fs/cgroup")


def available_memory(device: Any) -> int | None:
    """Bytes free for a run on ``device`` (a torch.device or id); None when unknown.

    CPU: the machine's available memory, lowered to what a cgroup memory limit
    (a container's, systemd's) leaves; CUDA: the free memory the driver reports;
    Apple GPUs: what Metal recommends minus what is already allocated.
    """
    import torch

    device = torch.device(device)
    if device.type == "cuda":
        try:
            free, _total = torch.cuda.mem_get_info(device)
        except Exception:  # a broken driver: unknown, not zero
            return None
        return int(free)
    if device.type == "mps":
        mps = getattr(torch, "mps", None)
        try:
            return int(mps.recommended_max_memory() - mps.driver_allocated_memory())
        except Exception:
            return None
    return cpu_available_memory()


def cpu_available_memory(meminfo: Path = MEMINFO, cgroup: Path = CGROUP) -> int | None:
    """Available main memory in bytes, with a cgroup limit taken into account."""
    machine = _meminfo_available(meminfo)
    if machine is None:
        machine = _psutil_available()
    limit = _cgroup_headroom(cgroup)
    known = [value for value in (machine, limit) if value is not None]
    return min(known) if known else None


def _meminfo_available(path: Path) -> int | None:
    try:
        text = path.read_text()
    except OSError:
        return None
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        if name == "MemAvailable":
            parts = rest.split()
            with contextlib.suppress(ValueError, IndexError):
                return int(parts[0]) * 1024  # the file says kB
    return None


def _psutil_available() -> int | None:
    try:
        import psutil  # type: ignore[import-untyped]
    except ImportError:
        return None
    return int(psutil.virtual_memory().available)


def _read_number(path: Path) -> int | None:
    """The number in a cgroup file; None for 'max', a missing file or junk."""
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _cgroup_headroom(root: Path) -> int | None:
    """The limit minus the usage of this process's cgroup (v2, else v1); None without a limit."""
    for folder, limit_name, usage_name, cache_name in (
        (root, "memory.max", "memory.current", "inactive_file"),
        (
            root / "memory",
            "memory.limit_in_bytes",
            "memory.usage_in_bytes",
            "total_inactive_file",
        ),
    ):
        limit = _read_number(folder / limit_name)
        if limit is None or limit >= 1 << 60:  # v1 says "no limit" with a huge number
            continue
        usage = _read_number(folder / usage_name) or 0
        # The usage counts file cache the kernel drops before it kills anyone.
        usage -= min(usage, _stat(folder / "memory.stat", cache_name))
        return max(0, limit - usage)
    return None


def _stat(path: Path, name: str) -> int:
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return 0
    for line in lines:
        key, _, value = line.partition(" ")
        if key == name and value.strip().isdigit():
            return int(value)
    return 0
