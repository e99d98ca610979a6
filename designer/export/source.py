"""Putting a training script together from pieces of source text.

The pieces (pasted dataset functions, the training loop of a task) each bring
their own imports; :func:`assemble` hoists them into one sorted import block at
the top, drops the ones nothing uses, and lays the sections out with the blank
lines ``ruff format`` wants, so the script reads as if written by hand.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from typing import Any

# Modules that sit next to the script (the exported model.py).
LOCAL_MODULES = frozenset({"model"})


@dataclass(frozen=True)
class ImportLine:
    """One imported name: ``import module [as alias]`` or ``from module import name [as alias]``."""

    module: str
    name: str | None = None  # None: a plain ``import module``
    alias: str | None = None

    @property
    def bound(self) -> str:
        """The name this import binds in the script."""
        if self.alias:
            return self.alias
        if self.name is not None:
            return self.name
        return self.module.split(".")[0]

    @property
    def spelled(self) -> str:
        return f"{self.name} as {self.alias}" if self.alias else str(self.name)


def py_literal(value: Any) -> str:
    """``value`` as Python source in the form ``ruff format`` keeps (double quotes)."""
    if isinstance(value, str):
        text = repr(value)
        if text.startswith("'") and '"' not in value:
            return '"' + text[1:-1].replace("\\'", "'") + '"'
        return text
    if isinstance(value, bool) or value is None or isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        items = ", ".join(py_literal(item) for item in value)
        if isinstance(value, list):
            return f"[{items}]"
        return f"({items},)" if len(value) == 1 else f"({items})"
    if isinstance(value, dict):
        items = ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"cannot write {value!r} as a literal")


def literal_assignment(name: str, value: Any) -> str:
    """``NAME = value`` as ``ruff format`` lays it out: one line, or one item per line."""
    literal = py_literal(value)
    line = f"{name} = {literal}"
    if len(line) <= 88:
        return line
    if not isinstance(value, list | tuple | dict) or not value:
        # Parentheses only when they make it fit, as ruff does.
        return f"{name} = (\n    {literal}\n)" if len(literal) <= 84 else line
    if isinstance(value, dict):
        items = [f"    {py_literal(k)}: {py_literal(v)}," for k, v in value.items()]
        opening, closing = "{", "}"
    else:
        items = [f"    {py_literal(item)}," for item in value]
        opening, closing = ("[", "]") if isinstance(value, list) else ("(", ")")
    return "\n".join([f"{name} = {opening}", *items, closing])


def restyle_constants(source: str) -> str:
    """Top-level ``NAME = literal`` lines of pasted code, rewritten as ruff lays them out."""
    lines = source.split("\n")
    for node in reversed(ast.parse(source).body):
        if not (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            continue
        try:
            value = ast.literal_eval(node.value)
        except ValueError:
            continue
        start, end = node.lineno - 1, node.end_lineno or node.lineno
        lines[start:end] = literal_assignment(node.targets[0].id, value).split("\n")
    return "\n".join(lines)


def split_imports(source: str) -> tuple[list[ImportLine], str]:
    """The top-level imports of ``source`` and the source without them."""
    tree = ast.parse(source)
    imports: list[ImportLine] = []
    lines = source.split("\n")
    dropped: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            imports += [
                ImportLine(alias.name, None, alias.asname) for alias in node.names
            ]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module != "__future__":
                imports += [
                    ImportLine(node.module, alias.name, alias.asname)
                    for alias in node.names
                ]
        else:
            continue
        dropped.update(range(node.lineno - 1, (node.end_lineno or node.lineno)))
    body = "\n".join(line for k, line in enumerate(lines) if k not in dropped)
    return imports, body.strip("\n")


def used_names(source: str) -> set[str]:
    """Every name ``source`` reads (attribute roots included)."""
    return {
        node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)
    }


def _section(line: ImportLine) -> int:
    root = line.module.split(".")[0]
    if root in LOCAL_MODULES:
        return 2
    return 0 if root in sys.stdlib_module_names else 1


def _name_key(name: str) -> tuple[int, str]:
    """isort's order-by-type: CONSTANTS, then Classes, then functions and modules."""
    if name.isupper() and len(name) > 1:
        return 0, name
    if name[:1].isupper():
        return 1, name
    return 2, name


def import_block(imports: list[ImportLine], keep: set[str]) -> str:
    """Sorted import lines in stdlib / third-party / local groups, unused ones left out."""
    wanted = [line for line in dict.fromkeys(imports) if line.bound in keep]
    groups: list[list[str]] = [[], [], []]
    for section in range(3):
        members = [line for line in wanted if _section(line) == section]
        plain = sorted(
            (line for line in members if line.name is None),
            key=lambda i: i.module.lower(),
        )
        groups[section] += [
            f"import {line.module} as {line.alias}"
            if line.alias
            else f"import {line.module}"
            for line in plain
        ]
        modules = sorted(
            {line.module for line in members if line.name is not None}, key=str.lower
        )
        for module in modules:
            names = sorted(
                (
                    line
                    for line in members
                    if line.module == module and line.name is not None
                ),
                key=lambda i: _name_key(i.name or ""),
            )
            groups[section].append(_from_line(module, [line.spelled for line in names]))
    return "\n\n".join("\n".join(group) for group in groups if group)


def _from_line(module: str, names: list[str]) -> str:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= 88:
        return line
    inner = "".join(f"    {name},\n" for name in names)
    return f"from {module} import (\n{inner})"


def assemble(docstring: str, imports: list[ImportLine], sections: list[str]) -> str:
    """The whole script: docstring, the imports it uses, then the sections.

    Sections are top-level source blocks; two blank lines separate them, as
    between top-level definitions.
    """
    body = "\n\n\n".join(section.strip("\n") for section in sections if section.strip())
    keep = used_names(body)
    parts = [f'"""{docstring.strip()}\n"""', import_block(imports, keep), body]
    return "\n\n".join(parts) + "\n"
