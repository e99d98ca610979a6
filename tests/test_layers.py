"""The packages form one order and no package imports one above it.

graph (with fields.py) -> shapes -> codegen -> training -> export -> ui, with
cli.py and __main__.py on top.  Every import is read from the source with ast,
nested and lazy ones (inside functions, ``importlib.import_module("...")``)
included, and relative imports are resolved.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "designer"
ORDER = ("graph", "shapes", "codegen", "training", "export", "ui", "<top>")
# Modules outside the packages, and the layer they sit in.
# resources (package data), i18n (the Qt-free translations) and version use
# only the standard library: every layer may read them.
LOOSE = {
    "fields": "graph",
    "resources": "graph",
    "i18n": "graph",
    "version": "graph",
    "cli": "<top>",
    "desktop_entry": "<top>",
    "__main__": "<top>",
    "__init__": "graph",
}


def layer_of(module: str) -> str | None:
    """The layer of a ``designer.…`` module name, or None for anything else."""
    parts = module.split(".")
    if parts[0] != "designer":
        return None
    if len(parts) == 1:
        return "graph"  # the package itself: nothing but a version
    return parts[1] if parts[1] in ORDER else LOOSE.get(parts[1], "<top>")


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(relative.parts)


def imported_modules(
    source: str, module: str, is_package: bool
) -> list[tuple[int, str]]:
    """(line, module) for every import in ``source``, relative ones made absolute."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.append((node.lineno, target))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """Imports of ``module``'s source that reach a layer above its own."""
    own = layer_of(module)
    assert own is not None
    problems = []
    for line, target in imported_modules(source, module, is_package):
        layer = layer_of(target)
        if layer is not None and ORDER.index(layer) > ORDER.index(own):
            problems.append(f"line {line}: {module} ({own}) imports {target} ({layer})")
    return problems


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize(
    "path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix()
)
def test_no_package_imports_one_above_it(path: Path) -> None:
    module = _module_name(path)
    is_package = path.name == "__init__.py"
    if is_package:
        module = module.rpartition(".")[0]
    assert not violations(path.read_text(encoding="utf-8"), module, is_package)


def test_every_package_has_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages - {"resources"} <= set(ORDER)
    assert {"graph", "shapes", "codegen", "training", "export", "ui"} <= packages


def test_the_checker_sees_a_violation_anywhere() -> None:
    """Top-level, nested, relative and dynamic imports of a higher layer are all caught."""
    source = """
import designer.graph.model
from designer.training import engine

def later():
    from designer.ui.app import run_app
    import importlib
    importlib.import_module("designer.export.train_script")

from ..export import train_script
"""
    found = violations(source, "designer.codegen.module")
    assert len(found) == 4, found
    assert all("codegen" in problem for problem in found)
    assert {problem.split(" imports ")[1].split(" ")[0] for problem in found} == {
        "designer.training",
        "designer.ui.app",
        "designer.export.train_script",
        "designer.export",
    }
    assert (
        violations("from designer.codegen import module", "designer.training.engine")
        == []
    )
    assert violations("import designer.cli", "designer.fields")  # the top is above all


MAX_MODULE_LINES = 600


def test_no_module_is_over_600_lines() -> None:
    """Small modules with one job: a module that grows past this is split by job."""
    too_long = {
        str(path.relative_to(PACKAGE.parent)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines()))
        > MAX_MODULE_LINES
    }
    assert too_long == {}


def private_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """Names below the ui that ``source`` reaches past their public surface.

    A private name is one that starts with an underscore, or any name of a module
    whose path has such a part; the ui may use only what a package offers.
    """
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = (
                ".".join([*base, *([node.module] if node.module else [])])
                if node.level
                else node.module or ""
            )
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            target, names = "", [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            full = f"{target}.{name}" if target else name
            layer = layer_of(full)
            if layer in (None, "ui"):
                continue
            parts = full.split(".")
            if any(part.startswith("_") and part != "__init__" for part in parts):
                found.append(f"line {node.lineno}: {module} imports {full}")
    return found


UI_MODULES = sorted((PACKAGE / "ui").rglob("*.py"))


@pytest.mark.parametrize(
    "path", UI_MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix()
)
def test_the_ui_imports_only_public_names(path: Path) -> None:
    module = _module_name(path)
    is_package = path.name == "__init__.py"
    if is_package:
        module = module.rpartition(".")[0]
    assert not private_imports(path.read_text(encoding="utf-8"), module, is_package)


def test_the_public_name_check_sees_private_reaches() -> None:
    source = """
from designer.graph.model import Graph, _node_key
from designer.training._internal import helper
import designer.shapes._cache

def later():
    from designer.ui.canvas import _local
    from ..graph import _rules
"""
    found = private_imports(source, "designer.ui.window")
    assert [problem.split(" imports ")[1] for problem in found] == [
        "designer.graph.model._node_key",
        "designer.training._internal.helper",
        "designer.shapes._cache",
        "designer.graph._rules",
    ]


# -- import-linter: the same order as declared contracts in pyproject.toml -------------


def _lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    tool = Path(sys.executable).with_name("lint-imports")
    command = (
        [str(tool)] if tool.exists() else [sys.executable, "-m", "importlinter.cli"]
    )
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
        timeout=300,
    )


def test_the_import_contracts_in_pyproject_are_kept() -> None:
    pytest.importorskip("importlinter")
    result = _lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_import_linter_sees_a_broken_order(tmp_path: Path) -> None:
    """The order turned upside down must fail: the tool really reads our imports."""
    pytest.importorskip("importlinter")
    config = tmp_path / "upside_down.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "designer"\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "upside down"\ntype = "layers"\n'
        'layers = ["designer.graph", "designer.ui"]\n',
        encoding="utf-8",
    )
    result = _lint_imports("--config", str(config))
    assert result.returncode == 1 and "BROKEN" in result.stdout, result.stdout
