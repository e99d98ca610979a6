"""Training settings as stored in the project (``project.training``), with validation.

No torch here: the settings form and the project loader use this module at
start-up.  :data:`FIELD_SPECS` describes every field well enough to build a form.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from designer.training.tasks.registry import get_task_info, task_names

LOSSES: dict[str, str] = {
    "cross_entropy": "Cross-entropy",
    "nll": "Negative log-likelihood (after LogSoftmax)",
    "mse": "Mean squared error",
    "l1": "Mean absolute error (L1)",
    "bce_with_logits": "Binary cross-entropy with logits",
    "bce": "Binary cross-entropy (after a Sigmoid)",
    "huber": "Huber",
}
OPTIMIZERS: dict[str, str] = {
    "sgd": "SGD",
    "adam": "Adam",
    "adamw": "AdamW",
    "rmsprop": "RMSprop",
}
SCHEDULES: dict[str, str] = {
    "none": "Constant",
    "step": "Step decay",
    "cosine": "Cosine annealing",
    "one_cycle": "One-cycle",
}
DEVICES: dict[str, str] = {
    "auto": "Best available",
    "cpu": "CPU",
    "cuda": "CUDA GPU",
    "mps": "Apple GPU (MPS)",
}


class SettingsError(ValueError):
    """Settings that cannot be used; ``problems`` lists each one for people."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class FieldSpec:
    """One setting, described for a form: its kind, range or choices, and help."""

    name: str
    kind: str  # "choice" | "float" | "int" | "bool"
    label: str
    default: Any
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    log_scale: bool = False
    help: str = ""
    tasks: tuple[str, ...] = ()  # the tasks this setting matters for; empty: every task


@dataclass
class TrainingSettings:
    """Everything a run needs besides the graph and the data."""

    task: str = "classification"
    loss: str = "cross_entropy"
    optimizer: str = "adam"
    lr: float = 1e-3
    momentum: float = 0.9
    nesterov: bool = False
    weight_decay: float = 0.0
    batch_size: int = 64
    epochs: int = 10
    schedule: str = "none"
    step_size: int = 5
    gamma: float = 0.5
    val_split: float = 0.2
    seed: int = 0
    device: str = "auto"
    mixed_precision: bool = False
    grad_clip: float = 0.0
    early_stopping: int = 0
    beta: float = 1.0  # VAE: weight of the KL divergence
    label_smoothing: float = 0.0  # GAN: real labels are 1 minus this

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> TrainingSettings:
        """Settings from a project's ``training`` object; missing keys take defaults.

        Raises :class:`SettingsError` listing every problem (unknown keys included).
        """
        data = dict(data or {})
        if not isinstance(data, dict):
            raise SettingsError(
                [f"training: must be an object, got {type(data).__name__}"]
            )
        known = {f.name for f in dataclasses.fields(cls)}
        problems = [
            f"training.{key}: unknown setting (known settings: {', '.join(sorted(known))})"
            for key in data
            if key not in known
        ]
        values = {key: value for key, value in data.items() if key in known}
        # Whole-number floats for int fields are what JSON editors often write.
        for key, value in values.items():
            if (
                FIELD_SPECS[key].kind == "int"
                and isinstance(value, float)
                and value.is_integer()
            ):
                values[key] = int(value)
            if (
                FIELD_SPECS[key].kind == "float"
                and isinstance(value, int)
                and not isinstance(value, bool)
            ):
                values[key] = float(value)
        settings = cls(**values)
        problems += settings.problems()
        if problems:
            raise SettingsError(problems)
        return settings

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def replace(self, **changes: Any) -> TrainingSettings:
        """A copy with some fields changed (not validated; call :meth:`validate`)."""
        return dataclasses.replace(self, **changes)

    def problems(self) -> list[str]:
        """Every problem with these settings, as messages for people; empty when fine."""
        problems = [
            message
            for spec in FIELD_SPECS.values()
            if (message := _check_field(spec, getattr(self, spec.name))) is not None
        ]
        if problems:
            return problems
        info = get_task_info(self.task)
        if self.loss not in info.losses:
            problems.append(
                f"training.loss: {LOSSES[self.loss]} does not fit the task {info.title.lower()}; "
                f"choose one of {', '.join(info.losses)}"
            )
        if self.nesterov and (self.optimizer != "sgd" or self.momentum <= 0):
            problems.append(
                "training.nesterov: Nesterov momentum needs the SGD optimizer with a momentum above 0"
            )
        return problems

    def validate(self) -> None:
        """Raise :class:`SettingsError` when :meth:`problems` finds any."""
        problems = self.problems()
        if problems:
            raise SettingsError(problems)


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _check_field(spec: FieldSpec, value: Any) -> str | None:
    where = f"training.{spec.name}"
    if spec.kind == "choice":
        if (
            spec.name == "device"
            and isinstance(value, str)
            and re.fullmatch(r"cuda:\d+", value)
        ):
            return None  # a particular GPU, as listed by available_devices()
        if value not in spec.choices:
            return f"{where}: must be one of {', '.join(spec.choices)}, got {_describe(value)}"
        return None
    if spec.kind == "bool":
        if not isinstance(value, bool):
            return f"{where}: must be true or false, got {_describe(value)}"
        return None
    if spec.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            noun = (
                "a positive integer" if (spec.minimum or 0) >= 1 else "a whole number"
            )
            return f"{where}: must be {noun}, got {_describe(value)}"
    elif (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
    ):
        noun = (
            "a positive number"
            if spec.exclusive_minimum and spec.minimum == 0
            else "a number"
        )
        return f"{where}: must be {noun}, got {_describe(value)}"
    if spec.minimum is not None:
        if spec.exclusive_minimum and value <= spec.minimum:
            noun = (
                "a positive number"
                if spec.minimum == 0
                else f"above {_number(spec.minimum)}"
            )
            return f"{where}: must be {noun}, got {_describe(value)}"
        if value < spec.minimum:
            if spec.kind == "int" and spec.minimum == 1:
                return f"{where}: must be a positive integer, got {_describe(value)}"
            return f"{where}: must be at least {_number(spec.minimum)}, got {_describe(value)}"
    if spec.maximum is not None and value > spec.maximum:
        return (
            f"{where}: must be at most {_number(spec.maximum)}, got {_describe(value)}"
        )
    return None


def _choice(name: str, label: str, table: Mapping[str, str], help: str) -> FieldSpec:
    default = getattr(TrainingSettings, name)
    return FieldSpec(
        name, "choice", label, default, tuple(table), tuple(table.values()), help=help
    )


FIELD_SPECS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        FieldSpec(
            "task",
            "choice",
            "Task",
            "classification",
            task_names(),
            tuple(get_task_info(name).title for name in task_names()),
            help="What the network learns: class labels, numbers, …",
        ),
        _choice(
            "loss",
            "Loss",
            LOSSES,
            "Cross-entropy for classes (the network outputs raw scores); MSE/L1/Huber for numbers.",
        ),
        _choice(
            "optimizer",
            "Optimizer",
            OPTIMIZERS,
            "Adam is a good default; SGD with momentum for the classic recipe.",
        ),
        FieldSpec(
            "lr",
            "float",
            "Learning rate",
            1e-3,
            minimum=0.0,
            maximum=10.0,
            exclusive_minimum=True,
            log_scale=True,
            help="Step size of the optimizer. Typical: 1e-3 for Adam, 0.01–0.1 for SGD.",
        ),
        FieldSpec(
            "momentum",
            "float",
            "Momentum",
            0.9,
            minimum=0.0,
            maximum=0.999,
            help="For SGD and RMSprop: how much of the previous step is kept.",
        ),
        FieldSpec(
            "nesterov",
            "bool",
            "Nesterov momentum",
            False,
            help="SGD only: look-ahead momentum.",
        ),
        FieldSpec(
            "weight_decay",
            "float",
            "Weight decay",
            0.0,
            minimum=0.0,
            maximum=1.0,
            help="L2 penalty on the weights (decoupled for AdamW).",
        ),
        FieldSpec(
            "batch_size",
            "int",
            "Batch size",
            64,
            minimum=1,
            maximum=65536,
            help="Samples per optimizer step.",
        ),
        FieldSpec(
            "epochs",
            "int",
            "Epochs",
            10,
            minimum=1,
            maximum=100000,
            help="Passes over the training data.",
        ),
        _choice(
            "schedule",
            "LR schedule",
            SCHEDULES,
            "How the learning rate changes during the run.",
        ),
        FieldSpec(
            "step_size",
            "int",
            "Step every (epochs)",
            5,
            minimum=1,
            maximum=100000,
            help="Step decay: multiply the learning rate by gamma every this many epochs.",
        ),
        FieldSpec(
            "gamma",
            "float",
            "Step factor (gamma)",
            0.5,
            minimum=0.0,
            maximum=1.0,
            exclusive_minimum=True,
            help="Step decay: the factor applied to the learning rate.",
        ),
        FieldSpec(
            "val_split",
            "float",
            "Validation split",
            0.2,
            minimum=0.0,
            maximum=0.9,
            help="Share of the training data held out for validation (unless the dataset brings its own).",
        ),
        FieldSpec(
            "seed",
            "int",
            "Seed",
            0,
            minimum=0,
            maximum=2**32 - 1,
            help="Same seed, same run (exactly, on the CPU).",
        ),
        _choice(
            "device",
            "Device",
            DEVICES,
            "Where to train; Best available picks a GPU when there is one.",
        ),
        FieldSpec(
            "mixed_precision",
            "bool",
            "Mixed precision (bf16)",
            False,
            help="CUDA only: compute in bfloat16 where safe; faster on modern GPUs.",
        ),
        FieldSpec(
            "grad_clip",
            "float",
            "Gradient clipping",
            0.0,
            minimum=0.0,
            maximum=1e6,
            help="Largest allowed gradient norm; 0 turns clipping off.",
        ),
        FieldSpec(
            "early_stopping",
            "int",
            "Early stopping patience",
            0,
            minimum=0,
            maximum=100000,
            help="Stop after this many epochs without a better validation loss; 0 turns it off.",
        ),
        FieldSpec(
            "beta",
            "float",
            "KL weight (β)",
            1.0,
            minimum=0.0,
            maximum=1000.0,
            help="VAE only: loss = reconstruction + β·KL. Above 1 gives smoother codes, below 1 sharper images.",
            tasks=("vae",),
        ),
        FieldSpec(
            "label_smoothing",
            "float",
            "Real-label smoothing",
            0.0,
            minimum=0.0,
            maximum=0.4,
            help="GAN only: the discriminator learns to call real samples 1 minus this; 0.1 steadies training.",
            tasks=("gan",),
        ),
    )
}
