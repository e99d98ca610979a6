"""The standalone dataset source pasted into exported train.py files."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from designer.training.datasets import (
    DatasetError,
    builtin,
    builtin_datasets,
    files,
    generator_source,
    load_dataset,
    loading_source,
    reader_source,
)

NAMES = [info.name for info in builtin_datasets()]


def _run(source: str) -> dict:
    namespace: dict = {"__name__": "standalone"}
    exec(compile(source, "<standalone>", "exec"), namespace)
    return namespace


def _module_names(module: ModuleType) -> set[str]:
    tree = ast.parse(inspect.getsource(module))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names - {"HELPERS"}


@pytest.mark.parametrize("module", [builtin, files], ids=["builtin", "files"])
def test_helpers_declare_every_module_name_a_function_uses(module: ModuleType) -> None:
    """The declared lists are complete: checked against each function's code."""
    defined = _module_names(module) | {"DatasetError"}
    tree = ast.parse(inspect.getsource(module))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert set(functions) <= set(module.HELPERS), "a function has no HELPERS entry"
    for name, node in functions.items():
        used = {
            n.id
            for n in ast.walk(node)
            if isinstance(n, ast.Name) and n.id in defined and n.id != name
        }
        assert used <= set(module.HELPERS[name]), (
            name,
            used - set(module.HELPERS[name]),
        )


def test_the_modules_import_nothing_from_the_app_or_torch() -> None:
    for module in (builtin, files):
        tree = ast.parse(inspect.getsource(module))
        roots = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                roots.add(node.module.split(".")[0])
        allowed = {"numpy", "sklearn", "csv", "gzip", "zlib", "pathlib", "PIL"}
        # files.py may take DatasetError from the app; the paste carries the class.
        assert roots - allowed <= {"designer"}
        if module is builtin:
            assert "designer" not in roots


@pytest.mark.parametrize("name", NAMES)
def test_generator_source_runs_alone_and_gives_the_same_arrays(name: str) -> None:
    source = generator_source(name)
    assert "designer" not in source and "torch" not in source
    namespace = _run(source)
    options = {"seed": 4}
    if name not in ("digits", "digits28"):
        options["n_samples"] = 50
    x, y = namespace[f"make_{name}"](**options)
    expected = load_dataset({"name": name, "options": options})
    np.testing.assert_array_equal(x, expected.x)
    np.testing.assert_array_equal(y, expected.y)
    assert x.dtype == expected.x.dtype and y.dtype == expected.y.dtype


def test_generator_source_carries_its_helpers_once() -> None:
    source = generator_source("digits28")
    assert source.count("def _digits_images(") == 1
    assert "def _interpolation_matrix(" in source
    assert "def make_moons(" not in source
    assert source.startswith("import numpy as np")


def test_unknown_names_are_refused() -> None:
    with pytest.raises(DatasetError, match="moons"):
        generator_source("moon")
    with pytest.raises(DatasetError, match="csv"):
        reader_source("xlsx")


def test_loading_source_for_a_builtin_sets_the_four_names() -> None:
    spec = {"name": "spirals", "options": {"n_samples": 90, "n_classes": 3, "seed": 7}}
    namespace = _run(loading_source(spec))
    expected = load_dataset(spec)
    np.testing.assert_array_equal(namespace["x"], expected.x)
    np.testing.assert_array_equal(namespace["y"], expected.y)
    assert namespace["x_val"] is None and namespace["y_val"] is None


def test_loading_source_rejects_bad_options_before_export() -> None:
    with pytest.raises(DatasetError, match="noise"):
        loading_source({"name": "moons", "options": {"noise": -1}})


def test_reader_source_reads_files_the_same_way(tmp_path: Path) -> None:
    csv_path = tmp_path / "table.csv"
    csv_path.write_text("a,b,kind\n1,2,cat\n3,4,dog\n5,6,cat\n", encoding="utf-8")
    spec = {"name": "csv", "options": {"path": str(csv_path), "label_column": "kind"}}
    source = loading_source(spec)
    assert "class DatasetError(ValueError)" in source
    assert "designer" not in source
    namespace = _run(source)
    expected = load_dataset(spec)
    np.testing.assert_array_equal(namespace["x"], expected.x)
    np.testing.assert_array_equal(namespace["y"], expected.y)
    assert namespace["data"]["classes"] == ["cat", "dog"]
    # Its errors are its own DatasetError, still a ValueError.
    with pytest.raises(ValueError, match="does not exist"):
        namespace["read_csv"](tmp_path / "missing.csv")


@pytest.mark.parametrize("fmt", ["idx", "npz", "csv", "image_folder", "cifar10_binary"])
def test_every_reader_source_compiles_alone(fmt: str) -> None:
    namespace = _run(reader_source(fmt))
    assert "DatasetError" in namespace


def test_exported_loader_runs_in_a_fresh_interpreter(tmp_path: Path) -> None:
    script = tmp_path / "load.py"
    script.write_text(
        loading_source({"name": "xor", "options": {"n_samples": 20}})
        + "\nprint(x.shape, y.shape)\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(20, 2) (20,)"
