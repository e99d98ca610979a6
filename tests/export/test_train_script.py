"""The generated train.py as text: imports, formatting, settings, and refusals."""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from designer.cli import main as cli_main
from designer.export.train_script import TrainScriptError, generate_train_script
from designer.graph.model import Project
from designer.graph.project_file import load_project, project_from_dict
from designer.training.recipes import TASK_MODULES

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "samples").glob("*.json"))
RUFF = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
# safetensors is optional: imported where weights are written or read (.pt without it).
ALLOWED_ROOTS = {"numpy", "torch", "sklearn", "model", "safetensors"} | set(
    sys.stdlib_module_names
)


def _document(sample: str) -> dict:
    return json.loads((REPO / "samples" / f"{sample}.json").read_text())


def _project(sample: str, **training: object) -> Project:
    document = _document(sample)
    document["training"].update(training)
    return project_from_dict(document)


def _script(sample: str, **training: object) -> str:
    return generate_train_script(
        _project(sample, **training), REPO / "samples" / f"{sample}.json"
    )


def _imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            roots.add((node.module or "").split(".")[0])
        elif isinstance(node, ast.Call) and getattr(
            node.func, "attr", getattr(node.func, "id", "")
        ) in (
            "import_module",
            "__import__",
        ):
            roots.add("<dynamic import>")
    return roots


def _constant(source: str, name: str) -> object:
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"no constant {name} in the script")


@pytest.fixture(scope="module")
def sample_scripts() -> dict[str, str]:
    return {
        path.stem: generate_train_script(load_project(path), path) for path in SAMPLES
    }


def test_the_samples_are_all_covered(sample_scripts: dict[str, str]) -> None:
    expected = {
        "mlp",
        "cnn_mnist",
        "lstm",
        "rnn",
        "autoencoder",
        "vae",
        "gan",
        "transformer",
        "resnet_block",
    }
    assert expected <= set(sample_scripts)


@pytest.mark.parametrize("sample", [p.stem for p in SAMPLES])
def test_the_script_imports_only_torch_numpy_sklearn_and_the_model(
    sample_scripts: dict[str, str], sample: str
) -> None:
    source = sample_scripts[sample]
    roots = _imported_roots(source)
    assert "designer" not in roots
    assert roots <= ALLOWED_ROOTS, roots - ALLOWED_ROOTS
    assert {"torch", "model"} <= roots
    compile(source, "train.py", "exec")


def test_the_checker_sees_designer_imports_anywhere() -> None:
    source = "def f():\n    from designer.graph import model\n"
    assert "designer" in _imported_roots(source)


def _classifier(shape: list[int], classes: int) -> dict:
    document = _document("mlp")
    graph = document["networks"][0]
    graph["nodes"][0]["params"]["shape"] = shape
    graph["nodes"][-2]["params"]["out_features"] = classes
    return document


def _write_idx(path: Path, array: np.ndarray) -> None:
    dims = b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    path.write_bytes(
        bytes([0, 0, 8, array.ndim]) + dims + array.astype(np.uint8).tobytes()
    )


def file_format_projects(folder: Path) -> dict[str, tuple[Project, Path]]:
    """A tiny file of every format the app reads, and a classifier reading it."""
    from PIL import Image

    rng = np.random.default_rng(0)
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "points.csv"
    rows = [f"{a:.3f},{b:.3f},{int(a * b > 0)}" for a, b in rng.normal(size=(40, 2))]
    table.write_text("x1,x2,label\n" + "\n".join(rows) + "\n")
    mnist = folder / "mnist"
    mnist.mkdir()
    _write_idx(mnist / "train-images-idx3-ubyte", rng.integers(0, 255, (30, 28, 28)))
    _write_idx(mnist / "train-labels-idx1-ubyte", np.arange(30) % 10)
    images = folder / "images"
    for label in ("cats", "dogs"):
        (images / label).mkdir(parents=True)
        for k in range(4):
            pixels = rng.integers(0, 255, (28, 28), dtype=np.uint8)
            Image.fromarray(pixels).save(images / label / f"{k}.png")
    cifar = folder / "cifar"
    cifar.mkdir()
    labels = np.arange(20)[:, None] % 10
    records = np.concatenate([labels, rng.integers(0, 255, (20, 3072))], axis=1)
    (cifar / "data_batch_1.bin").write_bytes(records.astype(np.uint8).tobytes())
    cases = {
        "csv": ([2], 2, table),
        "idx": ([1, 28, 28], 10, mnist),
        "image_folder": ([1, 28, 28], 2, images),
        "cifar10_binary": ([3, 32, 32], 10, cifar),
    }
    projects = {}
    for name, (shape, classes, path) in cases.items():
        document = _classifier(shape, classes)
        document["dataset"] = {"name": name, "options": {"path": str(path)}}
        projects[name] = (project_from_dict(document), path)
    return projects


def test_every_file_format_is_read_by_its_own_reader(tmp_path: Path) -> None:
    readers = {
        "csv": "read_csv(path",
        "idx": "read_idx_folder(path",
        "image_folder": "read_image_folder(path",
        "cifar10_binary": "read_cifar10_binary(path",
    }
    for name, (project, path) in file_format_projects(tmp_path).items():
        source = generate_train_script(project)
        assert readers[name] in source
        assert _constant(source, "DATA_PATH") == str(path.resolve())
        assert "designer" not in _imported_roots(source)
        assert _imported_roots(source) <= ALLOWED_ROOTS | {"PIL"}


def _ruff(arguments: list[str], folder: Path) -> subprocess.CompletedProcess:
    if not Path(RUFF).exists():
        pytest.skip("ruff is not installed")
    return subprocess.run(
        [RUFF, *arguments, "--isolated", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# Every schedule with and without the options that change the loop's lines
# (autocast, clipping, early stopping), the optimizers taking turns.
SETTING_VARIANTS = [
    {
        "optimizer": optimizer,
        "schedule": schedule,
        "mixed_precision": on,
        "grad_clip": 1.0 if on else 0.0,
        "early_stopping": 3 if on else 0,
    }
    for optimizer, (schedule, on) in zip(
        itertools.cycle(("sgd", "adam", "adamw", "rmsprop", "adam")),
        itertools.product(("none", "step", "cosine", "one_cycle"), (False, True)),
        strict=False,
    )
]


def test_scripts_are_stable_under_ruff_format_and_pass_pyflakes(
    sample_scripts: dict[str, str], tmp_path: Path
) -> None:
    """Every sample, and every optimizer × schedule × option combination per task family."""
    scripts = dict(sample_scripts)
    for k, variant in enumerate(SETTING_VARIANTS):
        for sample in ("mlp", "vae", "gan"):
            scripts[f"{sample}_{k}"] = _script(sample, **variant)
    scripts["mlp_bce"] = _script("mlp", loss="bce_with_logits")
    scripts["lstm_l1"] = _script("lstm", loss="l1")
    scripts["autoencoder_bce"] = _script("autoencoder", loss="bce")
    data = tmp_path / "data"
    for name, (project, _files) in file_format_projects(data).items():
        scripts[f"file_{name}"] = generate_train_script(project)
    out = tmp_path / "scripts"
    for name, source in scripts.items():
        folder = out / name
        folder.mkdir(parents=True)
        (folder / "train.py").write_text(source)
    formatted = _ruff(["format", "--check", "--diff"], out)
    assert formatted.returncode == 0, formatted.stdout[-3000:] + formatted.stderr
    # F: undefined names, unused imports and variables; E9: syntax errors.
    checked = _ruff(["check", "--select", "F,E9", "--output-format", "concise"], out)
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_the_script_is_the_same_every_time() -> None:
    assert _script("gan") == _script("gan")


CONSTANTS = {
    "epochs": "EPOCHS",
    "batch_size": "BATCH_SIZE",
    "lr": "LEARNING_RATE",
    "val_split": "VAL_SPLIT",
    "seed": "SEED",
    "beta": "BETA",
    "loss": "LOSS",
    "optimizer": "OPTIMIZER",
    "schedule": "SCHEDULE",
}


@pytest.mark.parametrize("sample", [p.stem for p in SAMPLES])
def test_the_settings_become_constants(
    sample_scripts: dict[str, str], sample: str
) -> None:
    source = sample_scripts[sample]
    for key, value in _document(sample)["training"].items():
        if key in CONSTANTS:
            assert _constant(source, CONSTANTS[key]) == value, key
        if key == "label_smoothing":
            assert _constant(source, "REAL_LABEL") == 1.0 - value
    optimizer = _document(sample)["training"]["optimizer"]
    call = {"adam": "Adam(", "adamw": "AdamW(", "sgd": "SGD(", "rmsprop": "RMSprop("}
    assert f"torch.optim.{call[optimizer]}" in source


def test_task_details_reach_the_script(sample_scripts: dict[str, str]) -> None:
    assert "F.mse_loss" in sample_scripts["lstm"]
    assert _constant(sample_scripts["gan"], "NOISE_SHAPE") == (16,)
    assert "dtype=torch.int64" in sample_scripts["transformer"]  # token ids
    assert "F.binary_cross_entropy(" in sample_scripts["vae"]


def test_missing_settings_take_the_app_defaults() -> None:
    document = _document("mlp")
    document["training"] = {"task": "classification"}
    source = generate_train_script(project_from_dict(document))
    assert _constant(source, "EPOCHS") == 10
    assert _constant(source, "LEARNING_RATE") == 0.001
    assert "F.cross_entropy" in source


def test_sgd_settings_are_written_out() -> None:
    source = _script(
        "mlp",
        optimizer="sgd",
        momentum=0.8,
        nesterov=True,
        schedule="step",
        step_size=2,
        gamma=0.3,
    )
    assert _constant(source, "MOMENTUM") == 0.8
    assert _constant(source, "NESTEROV") is True
    assert (_constant(source, "STEP_SIZE"), _constant(source, "GAMMA")) == (2, 0.3)
    assert "StepLR(" in source and "torch.optim.SGD(" in source


@pytest.mark.parametrize(
    "sample", ["mlp", "transformer", "lstm", "autoencoder", "vae", "gan"]
)
def test_the_recipes_are_pasted_verbatim(sample: str) -> None:
    """Every function of the task's recipe modules appears in train.py exactly as written.

    (Regression pastes the same modules as forecast, the lstm sample's task.)
    """
    source = _script(sample)
    task = _document(sample)["training"]["task"]
    pasted = 0
    for name in TASK_MODULES[task]:
        module = importlib.import_module(f"designer.training.recipes.{name}")
        for value in vars(module).values():
            if inspect.isfunction(value) and value.__module__ == module.__name__:
                assert inspect.getsource(value) in source, (name, value.__name__)
                pasted += 1
    assert pasted >= 10
    assert "designer" not in _imported_roots(source)


# --- file datasets ------------------------------------------------------------------


def _npz_project(path_option: str) -> Project:
    document = _document("mlp")
    document["dataset"] = {"name": "npz", "options": {"path": path_option}}
    graph = document["networks"][0]
    graph["nodes"][0]["params"]["shape"] = [1, 28, 28]
    return project_from_dict(document)


def _write_npz(path: Path, samples: int = 20) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    x = rng.random((samples, 1, 28, 28), dtype=np.float32)
    np.savez(path, x=x, y=np.arange(samples) % 10)


def test_relative_dataset_paths_are_taken_from_the_project_folder(
    tmp_path: Path,
) -> None:
    _write_npz(tmp_path / "data" / "digits.npz")
    project_file = tmp_path / "projects" / "mnist.json"
    source = generate_train_script(_npz_project("../data/digits.npz"), project_file)
    expected = str((tmp_path / "data" / "digits.npz").resolve())
    assert _constant(source, "DATA_PATH") == expected
    assert "def read_npz(" in source and "read_npz(path" in source
    assert '"--data", default=DATA_PATH' in source
    assert "DatasetError" in source  # the reader's error type comes along


def test_without_a_project_file_paths_are_taken_from_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_npz(tmp_path / "digits.npz")
    monkeypatch.chdir(tmp_path)
    source = generate_train_script(_npz_project("digits.npz"))
    assert _constant(source, "DATA_PATH") == str((tmp_path / "digits.npz").resolve())


def test_a_missing_data_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TrainScriptError, match="does not exist"):
        generate_train_script(_npz_project("nowhere.npz"), tmp_path / "p.json")


def test_a_path_with_quotes_stays_a_valid_literal(tmp_path: Path) -> None:
    data = tmp_path / 'it\'s "data"' / "digits.npz"
    _write_npz(data)
    source = generate_train_script(_npz_project(str(data)))
    assert _constant(source, "DATA_PATH") == str(data.resolve())


# --- refusals -------------------------------------------------------------------------


def _refusal(project: Project) -> str:
    with pytest.raises(TrainScriptError) as caught:
        generate_train_script(project)
    return str(caught.value)


def test_an_invalid_graph_is_refused_with_its_problems() -> None:
    document = _document("mlp")
    graph = document["networks"][0]
    graph["edges"] = [e for e in graph["edges"] if e["target"] != "n3"]  # hidden1 unfed
    message = _refusal(project_from_dict(document))
    assert "hidden1" in message


def test_an_unknown_task_is_refused() -> None:
    message = _refusal(_project("mlp", task="segmentation"))
    assert "segmentation" in message and "task" in message


def test_a_loss_that_does_not_fit_the_task_is_refused() -> None:
    message = _refusal(_project("lstm", loss="cross_entropy"))
    assert "loss" in message


def test_a_bad_setting_is_refused() -> None:
    assert "lr" in _refusal(_project("mlp", lr=-1))
    assert "label_smoothing" in _refusal(_project("gan", label_smoothing=0.7))


def test_no_dataset_is_refused() -> None:
    project = _project("mlp")
    project.dataset = {}
    assert "no dataset" in _refusal(project)


def test_data_that_does_not_fit_the_network_is_refused() -> None:
    project = _project("mlp")
    project.dataset = {"name": "digits"}  # 1×8×8, the network takes 1×28×28
    message = _refusal(project)
    assert "do not fit" in message and "Input" in message


def test_a_gan_needs_a_generator_and_a_discriminator() -> None:
    document = _document("gan")
    document["networks"][0]["name"] = "maker"
    message = _refusal(project_from_dict(document))
    assert "generator" in message and "maker" in message


def test_a_vae_needs_three_outputs() -> None:
    document = copy.deepcopy(_document("autoencoder"))
    document["training"].update(task="vae", loss="bce")
    message = _refusal(project_from_dict(document))
    assert "three Outputs" in message


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Path", "F", "Dataset Error", "Make Digits"])
def test_a_class_named_like_something_in_the_script_is_imported_under_an_alias(
    name: str,
) -> None:
    project = _project("autoencoder")
    project.name = name
    source = generate_train_script(project)
    tree = ast.parse(source)
    imported = [
        alias
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module == "model"
        for alias in node.names
    ]
    assert len(imported) == 1
    bound = imported[0].asname or imported[0].name
    defined = [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.ClassDef)
    ]
    assert bound not in defined
    assert f"model = {bound}().to(device)" in source


# --- the CLI -----------------------------------------------------------------------------


def test_cli_export_writes_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert (
        cli_main(
            [
                "export",
                str(REPO / "samples" / "gan.json"),
                "-o",
                str(tmp_path / "out"),
                "--train-script",
            ]
        )
        == 0
    )
    assert (tmp_path / "out" / "model.py").is_file()
    assert (
        "from model import Discriminator, Generator"
        in (tmp_path / "out" / "train.py").read_text()
    )


def test_cli_export_explains_a_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    document = _document("mlp")
    document["dataset"] = {"name": "digits"}
    project_file = tmp_path / "mismatch.json"
    project_file.write_text(json.dumps(document))
    code = cli_main(
        ["export", str(project_file), "-o", str(tmp_path / "out"), "--train-script"]
    )
    assert code == 1
    assert "do not fit" in capsys.readouterr().err
    assert not (tmp_path / "out" / "train.py").exists()
