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
from designer.graph.translatable import (
    MORE_PROBLEMS,
    QT_TRANSLATE_NOOP,
    Message,
    MessageError,
)

# The format designer writes trained weights in (best, last, trained, weights).
WEIGHTS_SUFFIX = ".safetensors"


NO_NETWORKS = QT_TRANSLATE_NOOP(
    "Problem", "there are no networks whose weights could be saved"
)
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "Problem", "could not write the weights to {path}: {error}"
)
NO_FILE = QT_TRANSLATE_NOOP("Problem", "there is no weights file {path}")
NEEDS_SAFETENSORS = QT_TRANSLATE_NOOP(
    "Problem",
    "{file} is a safetensors file, and reading it needs the safetensors package "
    "(pip install safetensors)",
)
NOT_SAFE = QT_TRANSLATE_NOOP(
    "Problem",
    "{file} is not a weights file designer can read safely: it holds more than "
    "tensors, so it was not opened",
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "Problem",
    "{file} is not a weights file designer can read: it is damaged or in another "
    "format",
)
NO_STATE_DICT = QT_TRANSLATE_NOOP("Problem", "{path} does not hold a state_dict")
THE_WEIGHTS = QT_TRANSLATE_NOOP("Problem", "the weights")
THE_WEIGHTS_IN = QT_TRANSLATE_NOOP("Problem", "the weights in {file}")
ONE_NETWORK = QT_TRANSLATE_NOOP(
    "Problem", "{source} hold one network, but the project has {count}: {names}"
)
OTHER_NETWORKS = QT_TRANSLATE_NOOP(
    "Problem", "{source} are for the networks {given}, but the project has {names}"
)
DO_NOT_FIT = QT_TRANSLATE_NOOP("Problem", "{source} do not fit the network {name}:")
MISSING_KEY = QT_TRANSLATE_NOOP("Problem", "{key}: missing from the file")
EXTRA_KEY = QT_TRANSLATE_NOOP("Problem", "{key}: in the file but not in the network")
NOT_A_TENSOR = QT_TRANSLATE_NOOP("Problem", "{key}: not a tensor in the file")
OTHER_SHAPE = QT_TRANSLATE_NOOP(
    "Problem", "{key}: the file has shape {got}, the network needs {need}"
)


class WeightsError(MessageError):
    """Weights that cannot be saved or do not fit the graph; ``message`` says why
    (translated by the window and the command line)."""


def weights_in(path: str | os.PathLike[str]) -> Message:
    """ "the weights in FILE": how a weights file is named in a refusal."""
    return Message.of(THE_WEIGHTS_IN, file=Path(path).name)


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
        raise WeightsError(Message(NO_NETWORKS))
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
            Message.of(NOT_WRITTEN, path=str(path), error=str(error.strerror or error))
        ) from None


def read_weights(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The raw contents of a weights file (.safetensors, or .pt read with
    weights_only=True)."""
    from designer.training.recipes.common import read_state

    path = Path(path)
    if not path.is_file():
        raise WeightsError(Message.of(NO_FILE, path=str(path)))
    try:
        state = read_state(path)
    except ImportError:
        raise WeightsError(Message.of(NEEDS_SAFETENSORS, file=path.name)) from None
    except Exception as error:
        raise WeightsError(_unreadable_message(path, error)) from None
    if not isinstance(state, dict) or not state:
        raise WeightsError(Message.of(NO_STATE_DICT, path=str(path)))
    return state


def _unreadable_message(path: Path, error: Exception) -> Message:
    """One line for people, instead of PyTorch's page of advice on unsafe loading."""
    if "weights only" in str(error).lower():
        return Message.of(NOT_SAFE, file=path.name)
    return Message.of(UNREADABLE, file=path.name)


def load_state(
    modules: Mapping[str, Any],
    state: Mapping[str, Any],
    source: str | Message | None = None,
) -> None:
    """Load a state (as written by :func:`save_weights`) into the modules, or explain the mismatch."""
    import torch

    source = Message(THE_WEIGHTS) if source is None else source
    if all(isinstance(value, torch.Tensor) for value in state.values()):
        if len(modules) != 1:
            raise WeightsError(
                Message.of(
                    ONE_NETWORK,
                    source=source,
                    count=str(len(modules)),
                    names=", ".join(modules),
                )
            )
        per_network = {next(iter(modules)): state}
    else:
        per_network = dict(state)
        missing = [name for name in modules if name not in per_network]
        extra = [name for name in per_network if name not in modules]
        if missing or extra:
            raise WeightsError(
                Message.of(
                    OTHER_NETWORKS,
                    source=source,
                    given=", ".join(map(str, per_network)),
                    names=", ".join(modules),
                )
            )
    for name, module in modules.items():
        problems = _mismatches(module.state_dict(), per_network[name])
        if problems:
            shown = problems[:8]
            layout = "{headline}" + "".join(
                f"\n  - {{p{k}}}" for k in range(len(shown))
            )
            args: dict[str, str | Message] = {
                "headline": Message.of(DO_NOT_FIT, source=source, name=repr(name))
            }
            args.update((f"p{k}", problem) for k, problem in enumerate(shown))
            if len(problems) > 8:
                layout += "\n{more}"
                args["more"] = Message.of(MORE_PROBLEMS, count=str(len(problems) - 8))
            raise WeightsError(Message.of(layout, **args))
        module.load_state_dict(per_network[name])


def _mismatches(expected: Mapping[str, Any], given: Mapping[str, Any]) -> list[Message]:
    import torch

    problems = [
        Message.of(MISSING_KEY, key=key) for key in expected if key not in given
    ]
    problems += [Message.of(EXTRA_KEY, key=key) for key in given if key not in expected]
    for key, tensor in expected.items():
        value = given.get(key)
        if value is None:
            continue
        if not isinstance(value, torch.Tensor):
            problems.append(Message.of(NOT_A_TENSOR, key=key))
        elif tuple(value.shape) != tuple(tensor.shape):
            problems.append(
                Message.of(
                    OTHER_SHAPE,
                    key=key,
                    got=str(tuple(value.shape)),
                    need=str(tuple(tensor.shape)),
                )
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
        raise WeightsError(error.message) from None
    modules = {name: network.module for name, network in built.items()}
    load_state(modules, state, weights_in(path))
    for module in modules.values():
        module.eval()
    return modules
