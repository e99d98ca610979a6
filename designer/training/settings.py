"""Training settings as stored in the project (``project.training``), with validation.

No torch here: the settings form and the project loader use this module at
start-up.  :data:`FIELD_SPECS` describes every field well enough to build a form.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from typing import Any

from designer.fields import BOOL, CHOICE, FLOAT, INT, Field
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message
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


# A setting's problem: its key as the project file has it, then what is wrong.
SETTING_PROBLEM = QT_TRANSLATE_NOOP("Problem", "training.{name}: {problem}")
NOT_AN_OBJECT = QT_TRANSLATE_NOOP("Problem", "training: must be an object, got {type}")
UNKNOWN_SETTING = QT_TRANSLATE_NOOP(
    "Problem", "training.{name}: unknown setting (known settings: {known})"
)
LOSS_DOES_NOT_FIT = QT_TRANSLATE_NOOP(
    "Problem",
    "training.loss: {loss} does not fit the task {task}; choose one of {losses}",
)
NESTEROV_NEEDS_SGD = QT_TRANSLATE_NOOP(
    "Problem",
    "training.nesterov: Nesterov momentum needs the SGD optimizer with a momentum "
    "above 0",
)
#: The translation contexts of the settings' and the tasks' own words.
SETTINGS_CONTEXT = "TrainingSettings"
TASK_CONTEXT = "Task"


class SettingsError(ValueError):
    """Settings that cannot be used: ``messages`` says each one (translatable),
    ``problems`` the same in English."""

    def __init__(self, messages: list[Message]) -> None:
        self.messages = list(messages)
        self.problems = [message.english() for message in self.messages]
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class SettingField(Field):
    """A training setting: a :class:`~designer.fields.Field` that may matter for some tasks only."""

    _: KW_ONLY
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
    fast: bool = (
        False  # fast mode (recipes/speed.py): CUDA switches, noted where skipped
    )
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
            raise SettingsError([Message.of(NOT_AN_OBJECT, type=type(data).__name__)])
        known = {f.name for f in dataclasses.fields(cls)}
        problems = [
            Message.of(UNKNOWN_SETTING, name=key, known=", ".join(sorted(known)))
            for key in data
            if key not in known
        ]
        values = {key: value for key, value in data.items() if key in known}
        # Whole-number floats for int fields are what JSON editors often write.
        for key, value in values.items():
            if (
                FIELD_SPECS[key].kind == INT
                and isinstance(value, float)
                and value.is_integer()
            ):
                values[key] = int(value)
            if (
                FIELD_SPECS[key].kind == FLOAT
                and isinstance(value, int)
                and not isinstance(value, bool)
            ):
                values[key] = float(value)
        settings = cls(**values)
        problems += settings.problem_messages()
        if problems:
            raise SettingsError(problems)
        return settings

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def replace(self, **changes: Any) -> TrainingSettings:
        """A copy with some fields changed (not validated; call :meth:`validate`)."""
        return dataclasses.replace(self, **changes)

    def problems(self) -> list[str]:
        """Every problem with these settings, in English; empty when fine."""
        return [message.english() for message in self.problem_messages()]

    def problem_messages(self) -> list[Message]:
        """Every problem with these settings, as messages for people (translated
        by the window and the command line); empty when fine."""
        problems = [
            Message.of(SETTING_PROBLEM, name=spec.name, problem=message)
            for spec in FIELD_SPECS.values()
            if (message := spec.check_message(getattr(self, spec.name))) is not None
        ]
        if problems:
            return problems
        info = get_task_info(self.task)
        if self.loss not in info.losses:
            problems.append(
                Message.of(
                    LOSS_DOES_NOT_FIT,
                    loss=Message.text_of(SETTINGS_CONTEXT, LOSSES[self.loss]),
                    task=Message.text_of(TASK_CONTEXT, info.title),
                    losses=", ".join(info.losses),
                )
            )
        if self.nesterov and (self.optimizer != "sgd" or self.momentum <= 0):
            problems.append(Message(NESTEROV_NEEDS_SGD))
        return problems

    def validate(self) -> None:
        """Raise :class:`SettingsError` when :meth:`problem_messages` finds any."""
        problems = self.problem_messages()
        if problems:
            raise SettingsError(problems)


def _choice(
    name: str, label: str, table: Mapping[str, str], help: str, **extra: Any
) -> SettingField:
    default = getattr(TrainingSettings, name)
    return SettingField(
        name,
        CHOICE,
        default,
        label=label,
        choices=tuple(table),
        choice_labels=tuple(table.values()),
        help=help,
        **extra,
    )


FIELD_SPECS: dict[str, SettingField] = {
    spec.name: spec
    for spec in (
        _choice(
            "task",
            "Task",
            {name: get_task_info(name).title for name in task_names()},
            "What the network learns: class labels, numbers, …",
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
        SettingField(
            "lr",
            FLOAT,
            1e-3,
            label="Learning rate",
            minimum=0.0,
            maximum=10.0,
            exclusive_minimum=True,
            log_scale=True,
            help="Step size of the optimizer. Typical: 1e-3 for Adam, 0.01–0.1 for SGD.",
        ),
        SettingField(
            "momentum",
            FLOAT,
            0.9,
            label="Momentum",
            minimum=0.0,
            maximum=0.999,
            step=0.05,
            help="For SGD and RMSprop: how much of the previous step is kept.",
        ),
        SettingField(
            "nesterov",
            BOOL,
            False,
            label="Nesterov momentum",
            help="SGD only: look-ahead momentum.",
        ),
        SettingField(
            "weight_decay",
            FLOAT,
            0.0,
            label="Weight decay",
            minimum=0.0,
            maximum=1.0,
            step=0.05,
            help="L2 penalty on the weights (decoupled for AdamW).",
        ),
        SettingField(
            "batch_size",
            INT,
            64,
            label="Batch size",
            minimum=1,
            maximum=65536,
            help="Samples per optimizer step.",
        ),
        SettingField(
            "epochs",
            INT,
            10,
            label="Epochs",
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
        SettingField(
            "step_size",
            INT,
            5,
            label="Step every (epochs)",
            minimum=1,
            maximum=100000,
            help="Step decay: multiply the learning rate by gamma every this many epochs.",
        ),
        SettingField(
            "gamma",
            FLOAT,
            0.5,
            label="Step factor (gamma)",
            minimum=0.0,
            maximum=1.0,
            exclusive_minimum=True,
            step=0.05,
            help="Step decay: the factor applied to the learning rate.",
        ),
        SettingField(
            "val_split",
            FLOAT,
            0.2,
            label="Validation split",
            minimum=0.0,
            maximum=0.9,
            step=0.05,
            help="Share of the training data held out for validation (unless the dataset brings its own).",
        ),
        SettingField(
            "seed",
            INT,
            0,
            label="Seed",
            minimum=0,
            maximum=2**32 - 1,
            help="Same seed, same run (exactly, on the CPU).",
        ),
        _choice(
            "device",
            "Device",
            DEVICES,
            "Where to train; Best available picks a GPU when there is one.",
            accepts=r"cuda:\d+",  # a particular GPU, as listed by available_devices()
        ),
        SettingField(
            "mixed_precision",
            BOOL,
            False,
            label="Mixed precision (bf16)",
            help="CUDA only: compute in bfloat16 where safe; faster on modern GPUs.",
        ),
        SettingField(
            "fast",
            BOOL,
            False,
            label="Fast mode",
            help="On a CUDA GPU: data kept on the GPU, a batch of at least 512 with the "
            "learning rate scaled alike, bf16, channels_last, a fused optimizer and "
            "compiled steps. Whatever does not apply is skipped with a note.",
        ),
        SettingField(
            "grad_clip",
            FLOAT,
            0.0,
            label="Gradient clipping",
            minimum=0.0,
            maximum=1e6,
            help="Largest allowed gradient norm; 0 turns clipping off.",
        ),
        SettingField(
            "early_stopping",
            INT,
            0,
            label="Early stopping patience",
            minimum=0,
            maximum=100000,
            help="Stop after this many epochs without a better validation loss; 0 turns it off.",
        ),
        SettingField(
            "beta",
            FLOAT,
            1.0,
            label="KL weight (β)",
            minimum=0.0,
            maximum=1000.0,
            help="VAE only: loss = reconstruction + β·KL. Above 1 gives smoother codes, below 1 sharper images.",
            tasks=("vae",),
        ),
        SettingField(
            "label_smoothing",
            FLOAT,
            0.0,
            label="Real-label smoothing",
            minimum=0.0,
            maximum=0.4,
            step=0.05,
            help="GAN only: the discriminator learns to call real samples 1 minus this; 0.1 steadies training.",
            tasks=("gan",),
        ),
    )
}
