"""Dependency rules of the package, checked on the source rather than by goodwill.

Only ``designer/ui`` may import Qt or pyqtgraph, and the modules the window
imports at start-up must not pull in torch (it takes seconds to import).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "designer"
GUI_ROOTS = (
    "PySide6",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "pyqtgraph",
    "shiboken6",
    "shiboken2",
    "qtpy",
)


def _imported_roots(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, top-level module) for every import statement, nested ones included."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
        elif isinstance(node, ast.Call) and _is_dynamic_import(node):
            argument = node.args[0]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.append((node.lineno, argument.value.split(".")[0]))
    return found


def _is_dynamic_import(node: ast.Call) -> bool:
    func = node.func
    name = (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )
    return name in {"__import__", "import_module"} and bool(node.args)


def _non_ui_modules() -> list[Path]:
    ui = PACKAGE / "ui"
    return sorted(p for p in PACKAGE.rglob("*.py") if ui not in p.parents)


def test_the_package_has_modules_to_check() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in _non_ui_modules()}
    assert {"graph/model.py", "shapes/infer.py", "codegen/module.py"} <= names


@pytest.mark.parametrize(
    "path", _non_ui_modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix()
)
def test_only_the_ui_imports_qt(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    offending = [
        f"line {line}: {root}"
        for line, root in _imported_roots(tree)
        if root in GUI_ROOTS
    ]
    assert not offending, (
        f"{path.relative_to(PACKAGE.parent)} imports a GUI toolkit: {offending}"
    )


def test_the_checker_sees_nested_and_dynamic_imports() -> None:
    source = (
        "def f():\n"
        "    from PySide6.QtCore import Qt\n"
        "    import pyqtgraph as pg\n"
        "    importlib.import_module('shiboken6')\n"
    )
    roots = {root for _, root in _imported_roots(ast.parse(source))}
    assert {"PySide6", "pyqtgraph", "shiboken6"} <= roots


LIGHT_MODULES = (
    "designer.graph",
    "designer.graph.model",
    "designer.graph.catalog",
    "designer.shapes",
    "designer.shapes.infer",
    "designer.codegen.module",
)


def test_core_modules_do_not_import_torch_or_qt() -> None:
    script = (
        "import importlib, json, sys\n"
        f"for name in {LIGHT_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "from designer.graph.catalog import all_specs\n"
        "all_specs()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{('torch', *GUI_ROOTS)!r})\n"
        "print(json.dumps(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    heavy = json.loads(result.stdout.strip().splitlines()[-1])
    assert heavy == [], f"importing the core pulled in {heavy[:5]}"
