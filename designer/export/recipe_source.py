"""The training recipes' own source, ready to paste into an exported ``train.py``.

Each recipe module (:mod:`designer.training.recipes`) is copied whole: its
module docstring becomes a short comment, its imports are handed back to be
hoisted into the script's import block, and imports between recipe modules are
dropped (the modules they name are pasted too).
"""

from __future__ import annotations

import ast
import importlib
import inspect

from designer.export.source import ImportLine, split_imports
from designer.training.recipes import TASK_MODULES

PACKAGE = "designer.training.recipes"


def recipe_module_source(name: str) -> tuple[list[ImportLine], str]:
    """The imports and the body of the recipe module ``name``, under a heading comment."""
    module = importlib.import_module(f"{PACKAGE}.{name}")
    source = inspect.getsource(module)
    tree = ast.parse(source)
    summary = ""
    first = tree.body[0] if tree.body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        summary = first.value.value.strip().splitlines()[0]
        lines = source.split("\n")
        source = "\n".join(lines[first.end_lineno or first.lineno :])
    imports, body = split_imports(source)
    imports = [line for line in imports if not line.module.startswith("designer")]
    path = f"designer/training/recipes/{name}.py"
    heading = f"# --- {path} (copied verbatim) " + "-" * max(3, 80 - len(path) - 25)
    comment = f"# {summary}" if summary else ""
    return imports, "\n".join(part for part in (heading, comment) if part) + "\n" + body


def task_recipes(task: str) -> tuple[list[ImportLine], list[str]]:
    """The imports and source sections of every recipe module ``task`` needs."""
    imports: list[ImportLine] = []
    sections = []
    for name in TASK_MODULES[task]:
        module_imports, body = recipe_module_source(name)
        imports += module_imports
        sections.append(body)
    return imports, sections
