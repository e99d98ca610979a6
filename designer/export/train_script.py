"""Graph + settings + dataset → a standalone ``train.py`` (next to the exported model.py).

The script needs only torch, numpy and scikit-learn (Pillow for image folders)
and never imports designer: the dataset's code is pasted in, the settings are
written as constants, and the training itself is the source of the recipe
modules (:mod:`designer.training.recipes`) the app trains with, copied verbatim.  Before a line is written the project goes through the same
checks a training run makes (settings, graph, the task's fit check against the
dataset), so an export succeeds exactly when the app could train the project;
otherwise :class:`TrainScriptError` says why, for people.

Checking the task imports torch, so this module imports it lazily, inside
:func:`generate_train_script`.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from designer.codegen.module import CodegenError, NetworkCode, generate_project
from designer.codegen.naming import safe_text
from designer.export.data_code import DataCode, DataCodeError, data_code
from designer.export.recipe_source import task_recipes
from designer.export.script_main import (
    MAIN_GUARD,
    NetworkRef,
    constants_block,
    data_section,
    gan_main,
    parse_args,
    supervised_main,
    vae_main,
)
from designer.export.source import ImportLine, assemble, py_literal
from designer.graph.model import Graph, Project
from designer.graph.shape import Shape
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message, MessageError
from designer.shapes.infer import GraphShapes, infer_shapes
from designer.shapes.problems import listed_message
from designer.training.recipes import TASK_MODULES
from designer.training.settings import SettingsError, TrainingSettings

__all__ = ["TrainScriptError", "generate_train_script", "script_settings"]

BASE_IMPORTS = [ImportLine("argparse"), ImportLine("torch")]


SETTINGS_HAVE_PROBLEMS = QT_TRANSLATE_NOOP(
    "Problem", "the training settings have problems"
)
TASK_NOT_EXPORTABLE = QT_TRANSLATE_NOOP(
    "Problem",
    "the task {task} cannot be exported as a training script yet; the script "
    "supports {tasks}",
)
DATA_DOES_NOT_FIT = QT_TRANSLATE_NOOP(
    "Problem", "the model and the data do not fit together"
)


class TrainScriptError(MessageError):
    """The project cannot be exported as a training script; ``message`` says why
    (translated by the window and the command line)."""


def script_settings(training: Mapping[str, Any] | None) -> TrainingSettings:
    """The project's settings, the app's defaults filled in; checked like a run's."""
    try:
        settings = TrainingSettings.from_dict(training)
    except SettingsError as error:
        title = Message(SETTINGS_HAVE_PROBLEMS)
        raise TrainScriptError(listed_message(title, error.messages)) from None
    if settings.task not in TASK_MODULES:
        raise TrainScriptError(
            Message.of(
                TASK_NOT_EXPORTABLE,
                task=repr(settings.task),
                tasks=", ".join(TASK_MODULES),
            )
        )
    return settings


@dataclass
class _Network:
    graph: Graph
    code: NetworkCode
    shapes: GraphShapes
    output_shapes: list[Shape]  # what reaches each Output node, in forward's order


def _networks(project: Project) -> list[_Network]:
    analyses = {graph.name: infer_shapes(graph) for graph in project.networks}
    try:
        _source, codes = generate_project(project, analyses)
    except CodegenError as error:
        raise TrainScriptError(error.message) from None
    networks = []
    for graph, code in zip(project.networks, codes, strict=True):
        shapes = analyses[graph.name]
        outputs = shapes.output_shapes()
        networks.append(_Network(graph, code, shapes, outputs))  # type: ignore[arg-type]
    return networks


def _check_task(
    project: Project,
    networks: list[_Network],
    data: DataCode,
    settings: TrainingSettings,
) -> list[_Network]:
    """The task's own fit check (as a run makes it); returns the trained networks."""
    from designer.training.tasks.base import NetworkInfo
    from designer.training.tasks.registry import create_task

    infos = {
        n.graph.name: NetworkInfo(
            name=n.graph.name,
            code=n.code,
            shapes=n.shapes,
            output_shapes=n.output_shapes,
        )
        for n in networks
    }
    task = create_task(settings.task)
    problems = task.check(project, infos, data.dataset, settings)
    if problems:
        title = Message(DATA_DOES_NOT_FIT)
        raise TrainScriptError(listed_message(title, [*map(Message.plain, problems)]))
    by_name = {n.graph.name: n for n in networks}
    return [by_name[name] for name in task.trained_networks(project)]


def _vae_roles(network: _Network) -> tuple[int, int, int]:
    from designer.training.recipes.vae import output_roles

    return output_roles(network.code.output_names)


# --- assembling -------------------------------------------------------------------


def _defined_names(sections: list[str]) -> set[str]:
    names: set[str] = set()
    for section in sections:
        for node in ast.parse(section).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _model_imports(
    classes: list[str], taken: set[str]
) -> tuple[list[ImportLine], dict[str, str]]:
    """``from model import ...``; a class named like something in the script gets an alias."""
    imports, local = [], {}
    for name in classes:
        alias = name
        while alias in taken:
            alias += "Network"
        taken.add(alias)
        local[name] = alias
        imports.append(ImportLine("model", name, None if alias == name else alias))
    return imports, local


def _docstring(
    project: Project, settings: TrainingSettings, data: DataCode, weights_hint: str
) -> str:
    title = safe_text(project.name) or "Untitled"
    where = (
        f"the file {safe_text(Path(data.path).name)}"
        if data.path
        else f"the built-in dataset {data.name}"
    )
    task = settings.task.replace("_", " ")
    needs = "torch, numpy and scikit-learn"
    if data.name == "image_folder":
        needs = "torch, numpy, scikit-learn and Pillow"
    paragraphs = [
        f"Train the project {title} as designer would.",
        f"Task: {task}, on {where}.",
        f"Generated by designer. It needs {needs}, and model.py (the network, "
        "exported with it) in the same folder. Run",
        "    python train.py\n"
        "    python train.py --epochs 3 --batch-size 32 --device cpu --out weights.pt\n"
        "    python train.py --out runs/first",
        "It prints the losses after every epoch and saves the trained weights (a "
        f"state_dict) to weights.safetensors (weights.pt with --out weights.pt, or "
        f"when the safetensors package is missing); {weights_hint} With --out FOLDER "
        "it writes FOLDER/weights.safetensors and FOLDER/metrics.json, the same "
        "metrics.json as designer train --out FOLDER.",
    ]
    return "\n\n".join(
        p if p.startswith(" ") else textwrap.fill(p, 88, break_on_hyphens=False)
        for p in paragraphs
    )


def _task_constants(
    settings: TrainingSettings, trained: list[_Network], data: DataCode
) -> list[str]:
    code = trained[0].code
    lines = [f"LONG_INPUTS = {code.input_dtypes[0] == 'long'}  # token ids, not values"]
    if settings.task in ("classification", "sequence_classification"):
        classes = len(data.dataset.classes or [])
        lines.append(f"NUM_CLASSES = {classes}")
    if settings.task == "vae":
        roles = _vae_roles(trained[0])
        lines += [
            f"BETA = {py_literal(settings.beta)}  # weight of the KL divergence",
            f"ROLES = {py_literal(roles)}  # where reconstruction, mu and logvar are among the outputs",
        ]
    if settings.task == "gan":
        noise = tuple(code.input_shapes[0][1:])  # the generator comes first
        lines += [
            f"NOISE_SHAPE = {py_literal(noise)}  # the generator's input, per sample",
            f"REAL_LABEL = {py_literal(1.0 - settings.label_smoothing)}  # 1 minus the label smoothing",
        ]
    return lines


def generate_train_script(project: Project, project_path: Path | None = None) -> str:
    """The source of a standalone ``train.py`` for ``project``.

    ``project_path`` is the project file: relative dataset paths are taken
    relative to its folder (and written as absolute paths).  Raises
    :class:`TrainScriptError` when the settings, the graph or the dataset would
    stop a training run, or the task cannot be exported.
    """
    settings = script_settings(project.training)
    networks = _networks(project)
    try:
        data = data_code(project.dataset, project_path)
    except DataCodeError as error:
        raise TrainScriptError(error.message) from None
    trained = _check_task(project, networks, data, settings)

    recipe_imports, recipes = task_recipes(settings.task)
    sections = [
        constants_block(settings, data, _task_constants(settings, trained, data)),
        *data_section(data),
        *recipes,
    ]
    script_names = {i.bound for i in (*BASE_IMPORTS, *data.imports, *recipe_imports)}
    taken = _defined_names(sections) | script_names
    classes = [n.code.class_name for n in trained]
    model_imports, local = _model_imports(classes, taken)
    refs = [  # in project order: the order the app builds (and seeds) them in
        NetworkRef(
            local[n.code.class_name],
            n.graph.name.strip().lower() if settings.task == "gan" else "model",
            n.graph.name,
        )
        for n in networks
        if n in trained
    ]
    if settings.task == "gan":
        main = gan_main(settings, data, refs)
        hint = "a dict {network name: state_dict} for the two networks."
    elif settings.task == "vae":
        main = vae_main(settings, data, refs[0])
        hint = _load_hint(refs[0])
    else:
        main = supervised_main(settings, data, refs[0])
        hint = _load_hint(refs[0])
    title = f"Train {safe_text(project.name) or 'the model'} (exported from designer)."
    body = [*sections, parse_args(title, data), main, MAIN_GUARD]
    return assemble(
        _docstring(project, settings, data, hint),
        [*BASE_IMPORTS, *data.imports, *recipe_imports, *model_imports],
        body,
    )


def _load_hint(network: NetworkRef) -> str:
    load = 'safetensors.torch.load_file("weights.safetensors")'
    pickle_free = 'torch.load("weights.pt", weights_only=True)'
    return (
        f"{network.class_name}().load_state_dict({load}) loads them "
        f"({pickle_free} for a weights.pt: weights_only refuses pickled code)."
    )
