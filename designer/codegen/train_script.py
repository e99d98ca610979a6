"""Graph + settings + dataset → a standalone ``train.py`` (next to the exported model.py).

The script needs only torch, numpy and scikit-learn (Pillow for image folders)
and never imports designer: the dataset's code is pasted in, the settings are
written as constants, and the loop mirrors :mod:`designer.training.engine`.
Everything is checked before a line is written; what cannot work raises
:class:`TrainScriptError` with a message for people.
"""

from __future__ import annotations

import ast
import dataclasses
import math
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from designer.codegen.module import CodegenError, NetworkCode, generate_project
from designer.codegen.naming import safe_text
from designer.codegen.train_script_common import (
    AUTOCAST,
    FORMAT_METRICS,
    MAIN_GUARD,
    OPTIMIZER_NAMES,
    PICK_DEVICE,
    SAVE_WEIGHTS,
    SCHEDULE_NAMES,
    SPLIT_VALIDATION,
    STEPS_PER_EPOCH,
    ScriptSettings,
    constants_block,
    data_section,
    make_optimizer,
    make_scheduler,
    parse_args,
)
from designer.codegen.train_script_data import (
    DataCode,
    DataCodeError,
    data_code,
    py_literal,
)
from designer.codegen.train_script_source import ImportLine, assemble
from designer.codegen.train_script_tasks import (
    CLASSIFICATION_TASKS,
    SUPPORTED_TASKS,
    TASK_LOSSES,
    NetworkRef,
    compute_loss,
    cpu_state,
    gan_bce,
    gan_main,
    gan_train_epoch,
    predict_labels,
    supervised_evaluate,
    supervised_main,
    supervised_train_epoch,
    to_tensors,
    vae_evaluate,
    vae_loss,
    vae_train_epoch,
)
from designer.graph.model import Graph, Project
from designer.graph.shape import Shape, format_shape
from designer.shapes.infer import GraphShapes, infer_shapes

__all__ = ["TrainScriptError", "generate_train_script", "script_settings"]

# Settings some tasks add to the common ones, with their defaults and ranges.
TASK_EXTRAS: dict[str, tuple[float, float, float, bool]] = {
    # name: (default, minimum, maximum, maximum excluded)
    "beta": (1.0, 0.0, 1000.0, False),
    "label_smoothing": (0.0, 0.0, 0.5, True),
}
GAN_ROLES = ("generator", "discriminator")
BASE_IMPORTS = [
    ImportLine("argparse"),
    ImportLine("math"),
    ImportLine("time"),
    ImportLine("pathlib", "Path"),
    ImportLine("numpy", alias="np"),
    ImportLine("torch"),
    ImportLine("torch.nn.functional", alias="F"),
    ImportLine("torch", "nn"),
]


class TrainScriptError(ValueError):
    """The project cannot be exported as a training script; the message says why."""


def _listed(title: str, problems: list[str]) -> str:
    return title + ":\n" + "\n".join(f"  - {problem}" for problem in problems)


# --- settings ------------------------------------------------------------------


def _number_problem(name: str, value: Any) -> str | None:
    default, low, high, high_excluded = TASK_EXTRAS[name]
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
    ):
        return f"training.{name}: must be a number, got {value!r}"
    if value < low:
        return f"training.{name}: must be at least {low:g}, got {value!r}"
    if value > high or (high_excluded and value == high):
        bound = "below" if high_excluded else "at most"
        return f"training.{name}: must be {bound} {high:g}, got {value!r}"
    return None


def script_settings(training: Mapping[str, Any] | None) -> ScriptSettings:
    """The project's settings with the app's defaults for missing keys, checked.

    Validation is :class:`designer.training.settings.TrainingSettings`'s; a task
    the app's registry does not list yet is checked against this module's own
    table of tasks and losses instead.
    """
    from designer.training.settings import SettingsError, TrainingSettings
    from designer.training.tasks.registry import task_names

    data = dict(training or {})
    known = {f.name for f in dataclasses.fields(TrainingSettings)}
    extras = {
        name: data.pop(name)
        for name in TASK_EXTRAS
        if name in data and name not in known
    }
    task = data.get("task", TrainingSettings.task)
    loss = data.get("loss")
    registered = task in task_names()
    checked = (
        data
        if registered
        else {**data, "task": "classification", "loss": "cross_entropy"}
    )
    try:
        settings = TrainingSettings.from_dict(checked)
    except SettingsError as error:
        raise TrainScriptError(
            _listed("the training settings have problems", error.problems)
        ) from None
    problems = [
        p for name, value in extras.items() if (p := _number_problem(name, value))
    ]
    if not registered:
        if task not in SUPPORTED_TASKS:
            problems.append(
                f"training.task: must be one of {', '.join(SUPPORTED_TASKS)}, got {task!r}"
            )
        elif loss is None:
            loss = TASK_LOSSES[task][0]
        settings = settings.replace(task=task, loss=loss)
    if problems:
        raise TrainScriptError(_listed("the training settings have problems", problems))
    values = {
        f.name: getattr(settings, f.name)
        for f in dataclasses.fields(ScriptSettings)
        if f.name in known
    }
    for name, (default, *_range) in TASK_EXTRAS.items():
        values[name] = float(extras.get(name, getattr(settings, name, default)))
    return ScriptSettings(**values)


def _check_supported(settings: ScriptSettings) -> None:
    if settings.task not in SUPPORTED_TASKS:
        raise TrainScriptError(
            f"the task {settings.task!r} cannot be exported as a training script yet; "
            f"the script supports {', '.join(SUPPORTED_TASKS)}"
        )
    if settings.loss not in TASK_LOSSES[settings.task]:
        raise TrainScriptError(
            f"the loss {settings.loss!r} does not fit the task {settings.task!r}; "
            f"choose one of {', '.join(TASK_LOSSES[settings.task])}"
        )
    if (
        settings.optimizer not in OPTIMIZER_NAMES
        or settings.schedule not in SCHEDULE_NAMES
    ):
        raise TrainScriptError(
            f"the optimizer {settings.optimizer!r} with the schedule {settings.schedule!r} "
            "cannot be written into a training script"
        )


# --- networks --------------------------------------------------------------------


@dataclasses.dataclass
class _Network:
    graph: Graph
    code: NetworkCode
    shapes: GraphShapes
    output_shapes: list[Shape]


def _networks(project: Project) -> list[_Network]:
    analyses = {graph.name: infer_shapes(graph) for graph in project.networks}
    try:
        _source, codes = generate_project(project, analyses)
    except CodegenError as error:
        raise TrainScriptError(str(error)) from None
    networks = []
    for graph, code in zip(project.networks, codes, strict=True):
        shapes = analyses[graph.name]
        outputs = [
            shapes.edge_shape(graph.edges_into(node.id)[0])
            for node in graph.nodes
            if node.type == "Output"
        ]
        networks.append(_Network(graph, code, shapes, outputs))  # type: ignore[arg-type]
    return networks


def _one_input(network: _Network, task: str) -> None:
    count = len(network.code.input_names)
    if count != 1:
        raise TrainScriptError(
            f"the {task} task feeds one input per sample, but the network {network.graph.name!r} "
            f"has {count} Input nodes; keep exactly one"
        )


def _check_outputs(network: _Network, task: str) -> None:
    count = len(network.output_shapes)
    name = network.graph.name
    if task == "vae":
        if count != 3:
            raise TrainScriptError(
                f"the vae task needs three Outputs on {name!r}, in this order: the reconstruction, "
                f"mu and logvar; it has {count}"
            )
        _recon, mu, logvar = network.output_shapes
        if tuple(mu) != tuple(logvar):
            raise TrainScriptError(
                f"the vae task reads the second and third Outputs of {name!r} as mu and logvar, so "
                f"they need the same shape; they are {format_shape(mu)} and {format_shape(logvar)}"
            )
    elif count != 1:
        raise TrainScriptError(
            f"the {task} task trains a network with one Output, but {name!r} has {count}; "
            "remove the extra Outputs"
        )


def _gan_networks(networks: list[_Network]) -> dict[str, _Network]:
    by_role = {n.graph.name.strip().lower(): n for n in networks}
    missing = [role for role in GAN_ROLES if role not in by_role]
    if missing:
        names = ", ".join(repr(n.graph.name) for n in networks)
        raise TrainScriptError(
            f"the gan task needs two networks named 'generator' and 'discriminator'; "
            f"this project has {names}"
        )
    generator, discriminator = by_role["generator"], by_role["discriminator"]
    for network in (generator, discriminator):
        _one_input(network, "gan")
        _check_outputs(network, "gan")
    noise = generator.code.input_shapes[0][1:]
    if not all(isinstance(d, int) for d in noise):
        raise TrainScriptError(
            f"the generator's Input has the shape {format_shape(generator.code.input_shapes[0])}; "
            "the noise fed to it needs fixed sizes"
        )
    made, wanted = (
        generator.output_shapes[0][1:],
        discriminator.code.input_shapes[0][1:],
    )
    if len(made) != len(wanted) or any(
        isinstance(w, int) and w != m for m, w in zip(made, wanted, strict=False)
    ):
        raise TrainScriptError(
            f"the generator makes samples of shape {format_shape(generator.output_shapes[0])} but the "
            f"discriminator takes {format_shape(discriminator.code.input_shapes[0])}; make them match"
        )
    return by_role


# --- data fit ------------------------------------------------------------------


def _check_data(network: _Network, data: DataCode, settings: ScriptSettings) -> None:
    """The same fit check as training runs (designer.training.datasets.compat)."""
    from designer.training.datasets import check_compatibility

    code = network.code
    outputs = list(network.output_shapes)
    classes = data.dataset.num_classes
    if (
        settings.loss == "bce_with_logits"
        and classes == 2
        and outputs
        and tuple(outputs[0][1:]) == (1,)
    ):
        outputs[0] = (outputs[0][0], 2)  # one logit for two classes
    embeddings = network.graph.nodes_of_type("Embedding")
    problems = check_compatibility(
        data.dataset,
        dict(zip(code.input_names, code.input_shapes, strict=True)),
        dict(zip(code.output_names, outputs, strict=True)),
        settings.task,
        input_dtypes=dict(zip(code.input_names, code.input_dtypes, strict=True)),
        num_embeddings=min(n.params["num_embeddings"] for n in embeddings)
        if embeddings
        else None,
    )
    if settings.task in CLASSIFICATION_TASKS and not data.dataset.classes:
        problems.append(
            f"the dataset {data.dataset.name!r} has no class labels, so it cannot train a classifier"
        )
    if problems:
        raise TrainScriptError(
            _listed("the model and the data do not fit together", problems)
        )


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
    """``from model import ...`` lines; a class whose name the script uses gets an alias."""
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
    project: Project, settings: ScriptSettings, data: DataCode, weights_hint: str
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
        f"Train the project {title} ({task}) on {where}, as designer would.",
        f"Generated by designer. It needs {needs}, and model.py (the network, "
        "exported with it) in the same folder. Run",
        "    python train.py\n"
        "    python train.py --epochs 3 --batch-size 32 --device cpu --out weights.pt",
        "It prints the losses after every epoch and saves the trained weights (a "
        f"state_dict) to weights.pt; {weights_hint}",
    ]
    return "\n\n".join(
        p if p.startswith(" ") else textwrap.fill(p, 88, break_on_hyphens=False)
        for p in paragraphs
    )


def generate_train_script(project: Project, project_path: Path | None = None) -> str:
    """The source of a standalone ``train.py`` for ``project``.

    ``project_path`` is the project file: relative dataset paths are taken
    relative to its folder (and written as absolute paths).  Raises
    :class:`TrainScriptError` when the graph is invalid, the task or a setting
    cannot be exported, or the dataset does not fit the network.
    """
    settings = script_settings(project.training)
    _check_supported(settings)
    networks = _networks(project)
    try:
        data = data_code(project.dataset, project_path)
    except DataCodeError as error:
        raise TrainScriptError(str(error)) from None

    if settings.task == "gan":
        roles = _gan_networks(networks)
        _check_data(roles["discriminator"], data, settings)
        trained = [n for n in networks if n.graph.name.strip().lower() in GAN_ROLES]
    else:
        trained = [networks[0]]
        _one_input(networks[0], settings.task)
        _check_outputs(networks[0], settings.task)
        _check_data(networks[0], data, settings)

    data_imports = data.imports
    extra_constants = _task_constants(
        settings, networks if settings.task == "gan" else []
    )
    sections = [
        constants_block(settings, data, extra_constants),
        *data_section(data),
    ]
    training_sections = _training_sections(settings, data, trained)
    taken = _defined_names([*sections, *training_sections]) | {
        i.bound for i in (*BASE_IMPORTS, *data_imports)
    }
    model_imports, local = _model_imports([n.code.class_name for n in trained], taken)
    refs = _refs(settings, trained, local)
    if settings.task == "gan":
        main = gan_main(settings, data, refs)
        hint = "a dict {network name: state_dict} for the two networks."
    else:
        main = supervised_main(settings, data, refs[0])
        hint = f'{refs[0].class_name}().load_state_dict(torch.load("weights.pt")) loads them.'
    title = f"Train {safe_text(project.name) or 'the model'} (exported from designer)."
    body = [*sections, *training_sections, parse_args(title, data), main, MAIN_GUARD]
    return assemble(
        _docstring(project, settings, data, hint),
        [*BASE_IMPORTS, *data_imports, *model_imports],
        body,
    )


def _task_constants(settings: ScriptSettings, networks: list[_Network]) -> list[str]:
    if settings.task == "vae":
        return [f"BETA = {py_literal(settings.beta)}  # weight of the KL divergence"]
    if settings.task == "gan":
        generator = next(
            n for n in networks if n.graph.name.strip().lower() == "generator"
        )
        noise = tuple(generator.code.input_shapes[0][1:])
        lines = [
            f"NOISE_SHAPE = {py_literal(noise)}  # the generator's input, per sample"
        ]
        if settings.label_smoothing > 0:
            lines.append(
                f"LABEL_SMOOTHING = {py_literal(settings.label_smoothing)}  # real labels are 1 minus this"
            )
        return lines
    return []


def _refs(
    settings: ScriptSettings, trained: list[_Network], local: dict[str, str]
) -> list[NetworkRef]:
    refs = []
    for network in trained:
        role = network.graph.name.strip().lower()
        variable = role if settings.task == "gan" else "model"
        refs.append(
            NetworkRef(
                local[network.code.class_name],
                variable,
                network.graph.name,
                network.code.input_dtypes[0],
            )
        )
    return refs


def _training_sections(
    settings: ScriptSettings, data: DataCode, trained: list[_Network]
) -> list[str]:
    sections = [
        "# --- Training --------------------------------------------------------------",
    ]
    if settings.task != "gan":
        sections += [
            SPLIT_VALIDATION,
            to_tensors(settings.task, trained[0].code.input_dtypes[0]),
        ]
    sections += [PICK_DEVICE]
    if settings.mixed_precision:
        sections.append(AUTOCAST)
    sections.append(make_optimizer(settings))
    scheduler = make_scheduler(settings)
    if scheduler:
        sections.append(scheduler)
    sections.append(STEPS_PER_EPOCH)
    if settings.task == "gan":
        sections += [gan_bce(), gan_train_epoch(settings)]
    elif settings.task == "vae":
        sections += [
            vae_loss(settings),
            vae_train_epoch(settings),
            vae_evaluate(settings),
        ]
    else:
        sections.append(compute_loss(settings))
        predict = predict_labels(settings)
        if predict:
            sections.append(predict)
        sections += [supervised_train_epoch(settings), supervised_evaluate(settings)]
    sections += [cpu_state(), FORMAT_METRICS, SAVE_WEIGHTS]
    return sections
