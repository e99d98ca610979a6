"""Standalone Python source that rebuilds a dataset, for exported ``train.py`` files.

The generators (:mod:`.builtin`) and readers (:mod:`.files`) are written to be
pasted: each module declares in ``HELPERS`` which of its module-level names a
function uses, and this module copies the function, those names (recursively)
and the module's imports.  Nothing is guessed from the code.
"""

from __future__ import annotations

import ast
import inspect
import os
from collections.abc import Mapping
from types import ModuleType
from typing import Any

from designer.training.datasets import builtin, files
from designer.training.datasets.errors import DatasetError
from designer.training.datasets.registry import BUILTINS, FORMATS, READERS, resolve_spec


def _imports(module: ModuleType) -> list[str]:
    """The module's top-level import lines, minus ``__future__`` and designer ones."""
    tree = ast.parse(inspect.getsource(module))
    lines = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            lines.append(ast.unparse(node))
        elif isinstance(node, ast.ImportFrom):
            if node.module in ("__future__",) or (node.module or "").startswith(
                "designer"
            ):
                continue
            lines.append(ast.unparse(node))
    return lines


def _closure(module: ModuleType, name: str) -> list[str]:
    """``name`` and every helper it declares, helpers first, each once."""
    helpers: Mapping[str, tuple[str, ...]] = module.HELPERS
    ordered: list[str] = []

    def visit(current: str, path: tuple[str, ...]) -> None:
        if current in ordered or current in path:
            return
        if current not in helpers:
            raise KeyError(f"{module.__name__}.HELPERS does not declare {current!r}")
        for helper in helpers[current]:
            visit(helper, (*path, current))
        ordered.append(current)

    visit(name, ())
    return ordered


def _definition(module: ModuleType, name: str) -> str:
    value = getattr(module, name)
    if inspect.isfunction(value) or inspect.isclass(value):
        return inspect.getsource(value).rstrip()
    return f"{name} = {value!r}"


def function_source(module: ModuleType, name: str) -> str:
    """Imports, then ``name`` with the helpers it needs, as one runnable block.

    The imports are those of ``module`` and of every module a helper is defined
    in (``files`` re-exports the image readers of ``files_images``)."""
    helpers = _closure(module, name)
    modules = [module] + [
        inspect.getmodule(getattr(module, helper)) or module for helper in helpers
    ]
    lines = [line for m in dict.fromkeys(modules) for line in _imports(m)]
    parts = ["\n".join(dict.fromkeys(lines))]
    parts += [_definition(module, helper) for helper in helpers]
    return "\n\n\n".join(parts) + "\n"


def generator_source(name: str) -> str:
    """The standalone source of the built-in dataset ``name``'s generator.

    It defines ``make_<name>(...)``; running it needs only numpy (and
    scikit-learn for the datasets built on it).
    """
    if name not in BUILTINS:
        raise DatasetError(
            f"Unknown built-in dataset '{name}'. Known: {', '.join(BUILTINS)}."
        )
    return function_source(builtin, f"make_{name}")


def reader_source(format_name: str) -> str:
    """The standalone source of the reader for a file format ("idx", "csv", …)."""
    if format_name not in FORMATS:
        raise DatasetError(
            f"Unknown file format '{format_name}'. Known: {', '.join(FORMATS)}."
        )
    return function_source(files, READERS[format_name].__name__)


def _call(function: str, options: Mapping[str, Any]) -> str:
    arguments = ", ".join(f"{key}={value!r}" for key, value in options.items())
    return f"{function}({arguments})"


def loading_source(spec: Mapping[str, Any] | str | os.PathLike) -> str:
    """Source that defines what it needs and sets ``x, y, x_val, y_val``.

    ``x_val``/``y_val`` are the source's own test split, or None.  The options
    are checked first, so a bad spec fails here with a message, not in the
    exported script.
    """
    name, options = resolve_spec(spec)
    if name in BUILTINS:
        return (
            generator_source(name)
            + "\n\n"
            + f"x, y = {_call(f'make_{name}', options)}\n"
            + "x_val, y_val = None, None\n"
        )
    return (
        reader_source(name)
        + "\n\n"
        + f"data = {_call(READERS[name].__name__, options)}\n"
        + 'x, y, x_val, y_val = data["x"], data["y"], data["x_val"], data["y_val"]\n'
    )
