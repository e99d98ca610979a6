"""Saving and loading trained weights as plain state_dicts.

A project with one network is saved as that network's ``state_dict`` (so the
exported class loads it with ``model.load_state_dict(load_file(path))``, or
``torch.load(path)`` for ``.pt``); a project with several networks as
``{network name: state_dict}``.  The file's suffix picks the format:
``.safetensors`` (the default everywhere designer saves: tensors only) or
``.pt`` (torch.save).  ``.pt`` files are read with ``weights_only=True``: nothing
in either kind is executed or unpickled as objects.  The encoding is the
recipes' own (:func:`designer.training.recipes.common.weights_bytes`), so the
exported train.py writes and reads the same files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from designer.graph.model import Project
from designer.graph.safe_files import real_target, remove_stale_temporaries

# The format designer writes trained weights in (best, last, trained, weights).
WEIGHTS_SUFFIX = ".safetensors"


class WeightsError(ValueError):
    """Weights that cannot be saved or do not fit the graph; the message says why."""


def _state_of(modules: Mapping[str, Any]) -> dict[str, Any]:
    states = {
        name: {k: v.detach().cpu() for k, v in module.state_dict().items()}
        for name, module in modules.items()
    }
    return next(iter(states.values())) if len(states) == 1 else states


def save_weights(modules: Mapping[str, Any], path: str | os.PathLike[str]) -> None:
    """Write the modules' weights atomically (a temporary file, then a rename), as
    safetensors when ``path`` ends in ``.safetensors``, else with torch.save."""
    from designer.training.recipes.common import weights_bytes

    path = real_target(path)  # through a symbolic link, not over it
    if not modules:
        raise WeightsError("there are no networks whose weights could be saved")
    data = weights_bytes(_state_of(modules), path.suffix == ".safetensors")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise WeightsError(
            f"could not write the weights to {path}: {error.strerror or error}"
        ) from None


def read_weights(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The raw contents of a weights file (.safetensors, or .pt read with
    weights_only=True)."""
    from designer.training.recipes.common import read_state

    path = Path(path)
    if not path.is_file():
        raise WeightsError(f"there is no weights file {path}")
    try:
        state = read_state(path)
    except ImportError:
        raise WeightsError(
            f"{path.name} is a safetensors file, and reading it needs the "
            "safetensors package (pip install safetensors)"
        ) from None
    except Exception as error:
        raise WeightsError(_unreadable_message(path, error)) from None
    if not isinstance(state, dict) or not state:
        raise WeightsError(f"{path} does not hold a state_dict")
    return state


def _unreadable_message(path: Path, error: Exception) -> str:
    """One line for people, instead of PyTorch's page of advice on unsafe loading."""
    if "weights only" in str(error).lower():
        return (
            f"{path.name} is not a weights file designer can read safely: it holds "
            "more than tensors, so it was not opened"
        )
    return (
        f"{path.name} is not a weights file designer can read: it is damaged or "
        "in another format"
    )


def load_state(
    modules: Mapping[str, Any], state: Mapping[str, Any], source: str = "the weights"
) -> None:
    """Load a state (as written by :func:`save_weights`) into the modules, or explain the mismatch."""
    import torch

    if all(isinstance(value, torch.Tensor) for value in state.values()):
        if len(modules) != 1:
            raise WeightsError(
                f"{source} hold one network, but the project has {len(modules)}: {', '.join(modules)}"
            )
        per_network = {next(iter(modules)): state}
    else:
        per_network = dict(state)
        missing = [name for name in modules if name not in per_network]
        extra = [name for name in per_network if name not in modules]
        if missing or extra:
            raise WeightsError(
                f"{source} are for the networks {', '.join(map(str, per_network))}, "
                f"but the project has {', '.join(modules)}"
            )
    for name, module in modules.items():
        problems = _mismatches(module.state_dict(), per_network[name])
        if problems:
            listed = "\n".join(f"  - {p}" for p in problems[:8])
            more = f"\n  … and {len(problems) - 8} more" if len(problems) > 8 else ""
            raise WeightsError(
                f"{source} do not fit the network {name!r}:\n{listed}{more}"
            )
        module.load_state_dict(per_network[name])


def _mismatches(expected: Mapping[str, Any], given: Mapping[str, Any]) -> list[str]:
    import torch

    problems = [f"{key}: missing from the file" for key in expected if key not in given]
    problems += [
        f"{key}: in the file but not in the network"
        for key in given
        if key not in expected
    ]
    for key, tensor in expected.items():
        value = given.get(key)
        if value is None:
            continue
        if not isinstance(value, torch.Tensor):
            problems.append(f"{key}: not a tensor in the file")
        elif tuple(value.shape) != tuple(tensor.shape):
            problems.append(
                f"{key}: the file has shape {tuple(value.shape)}, the network needs {tuple(tensor.shape)}"
            )
    return problems


def load_weights(project: Project, path: str | os.PathLike[str]) -> dict[str, Any]:
    """Fresh modules built from the project (as for export) with the saved weights loaded."""
    from designer.codegen.build import build_networks
    from designer.codegen.module import CodegenError

    state = read_weights(path)
    try:
        built = build_networks(project)
    except CodegenError as error:
        raise WeightsError(str(error)) from None
    modules = {name: network.module for name, network in built.items()}
    load_state(modules, state, f"the weights in {Path(path).name}")
    for module in modules.values():
        module.eval()
    return modules
