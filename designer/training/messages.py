"""What a run and the window say to each other, defined once and free of torch.

The training process (:mod:`designer.training.server`) pickles these dataclasses
onto a queue and the window unpickles them.  Unpickling imports the module that
defines a class, so they live here, beside nothing heavier than the standard
library: the window never imports torch (it takes seconds), and the engine and
the tasks build the very same classes (:mod:`designer.training.metrics` and
:mod:`designer.training.tasks.base` re-export them).

Every message on the queue is a ``(run id, kind, payload)`` tuple; the kinds and
their payloads are listed in :data:`MESSAGE_KINDS`.  Arrays are numpy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designer.graph.translatable import Message

if TYPE_CHECKING:
    import numpy as np

# -- what the window asks for ----------------------------------------------------------


@dataclass(frozen=True)
class RunRequest:
    """Everything a run needs, copied out of the document before the run starts."""

    project: dict[str, Any]  # project_to_dict(...)
    dataset_spec: dict[str, Any]
    settings: dict[str, Any]
    weights_dir: (
        str  # where the process writes the trained weights (trained.safetensors)
    )
    initial_weights: str | None = None
    step_interval_s: float = 0.05
    extra: dict[str, Any] = field(
        default_factory=dict
    )  # "memory_only": estimate, no run


# -- what a run reports ------------------------------------------------------------------


@dataclass(frozen=True)
class DatasetSummary:
    """What the panel shows about the dataset a run uses (no big arrays)."""

    name: str
    task: str
    sample_shape: tuple[int, ...]
    classes: list[str] | None
    train_count: int
    val_count: int
    points: Any = None  # for 2-D classification: up to 1000 validation points (K×2)
    point_labels: Any = None  # their class ids


@dataclass
class RunInfo:
    """Sent once, when the data is on the device and the first step is about to run."""

    device: str  # "cpu", "cuda:0", "mps"
    device_label: str  # "CPU (2 threads)", "CUDA: NVIDIA H100 80GB HBM3"
    num_train: int
    num_val: int
    steps_per_epoch: int
    epochs: int
    classes: list[str] | None
    task: str
    data_on_device: bool = True  # False: batches are copied to the device one by one
    notes: list[str] = field(default_factory=list)  # things worth telling the user


@dataclass
class StepUpdate:
    """Progress inside an epoch, sent at most every ``step_interval_s`` seconds."""

    epoch: int  # 1-based
    step: int  # steps done in this epoch
    steps_per_epoch: int
    global_step: int
    total_steps: int
    loss: float  # mean training loss since the previous update
    smoothed_loss: float  # exponential moving average of ``loss``
    lr: float
    samples_per_sec: float  # training samples over training time in this epoch
    eta_seconds: float  # estimated time left in the run
    epoch_fraction: float
    run_fraction: float


@dataclass
class EpochMetrics:
    """After each epoch: the losses, validation metrics and timings."""

    epoch: int  # 1-based
    train_loss: float  # mean of the step losses over the epoch
    val_loss: float | None  # None when there is no validation data
    val_accuracy: float | None  # classification only
    seconds: float  # the whole epoch, validation included
    samples_per_sec: float  # training samples over training time (validation excluded)
    lr: float  # at the end of the epoch
    confusion: np.ndarray | None = None  # rows: true class, columns: predicted class
    per_class_accuracy: list[float] | None = (
        None  # nan for a class absent from validation
    )
    extra: dict[str, float] = field(default_factory=dict)  # named loss terms, MAE, …
    train_seconds: float = 0.0  # training steps only
    # Gradient flow, per layer (node name; "network/name" with several networks):
    # the mean gradient norm and update-to-weight ratio over the epoch's sampled steps.
    grad_norms: dict[str, float] = field(default_factory=dict)
    update_ratios: dict[str, float] = field(default_factory=dict)


@dataclass
class EvalResult:
    """What one pass over the validation data measured."""

    loss: float
    accuracy: float | None = None
    confusion: np.ndarray | None = None
    per_class_accuracy: list[float] | None = None
    extra: dict[str, float] = field(default_factory=dict)


@dataclass
class DecisionGrid:
    """Class probabilities over a grid covering 2-D inputs, for a decision-boundary plot."""

    xx: np.ndarray  # (rows, cols) first input feature
    yy: np.ndarray  # (rows, cols) second input feature
    probs: np.ndarray  # (rows, cols, classes)


@dataclass
class PredictionSnapshot:
    """After an epoch: how the model does on a few validation samples."""

    epoch: int
    x: np.ndarray  # the first k validation samples
    y_true: np.ndarray
    y_pred: np.ndarray  # class ids (classification) or predicted values
    probs: np.ndarray | None = None  # (k, classes) for classification
    classes: list[str] | None = None
    grid: DecisionGrid | None = None
    previews: dict[str, Any] = field(default_factory=dict)  # task-specific extras


@dataclass
class RunResult:
    """How a run ended."""

    status: str  # "finished" | "stopped" | "early_stopped" | "failed"
    epochs: list[EpochMetrics]
    best_val_accuracy: float | None
    best_val_loss: float | None
    message: str  # for people: what happened, and for failures what to do
    device: str = ""
    dataset: str = ""
    task: str = ""
    best_epoch: int | None = None
    text: Message | None = None  # ``message`` as a message the window translates

    @property
    def ok(self) -> bool:
        return self.status != "failed"


# -- the queue's vocabulary ------------------------------------------------------------

MESSAGE_KINDS: dict[str, str] = {
    "status": "str: what the process is doing, for the status line",
    "dataset": "DatasetSummary: the data the run uses",
    "start": "RunInfo: the run is about to take its first step",
    "step": "StepUpdate: progress inside an epoch",
    "epoch": "EpochMetrics: an epoch ended",
    "predictions": "PredictionSnapshot: validation samples after an epoch",
    "inside": "list[ProbeReport]: per network, what the chosen sample looks like inside "
    "(previews only during an epoch, every probe after one), DecisionRegions: on 2-D "
    "points, the point pad's regions (a few times a second, once after the run), "
    "or str: why probing stopped",
    "weights": "str: the path of the trained weights the run left behind",
    "end": "RunResult: how the run ended",
    "failed": "str or Message (designer.graph.translatable): the run could not "
    "start or went wrong, for people",
    "memory": "Message (designer.graph.translatable): the memory pre-flight of a "
    "request with extra['memory_only']",
    "done": "None: the last message of every run",
}


# -- the fixed texts the process sends, marked for the window's translation ------------


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's name
    """Mark ``text`` for Qt Linguist (which looks for this name); returns it unchanged.

    The process and the command line send and print the English text; the
    window translates it at display (``designer.ui.training.run_texts``), filling
    a template's ``{0}`` with what the English text had there.
    """
    del context
    return text


PROCESS_CONTEXT = "TrainingProcess"
LOADING_DATASET = QT_TRANSLATE_NOOP("TrainingProcess", "Loading the dataset…")
PREPARING_MODEL = QT_TRANSLATE_NOOP("TrainingProcess", "Preparing the model…")
TRAINING = QT_TRANSLATE_NOOP("TrainingProcess", "Training…")
STOPPED_BEFORE_START = QT_TRANSLATE_NOOP(
    "TrainingProcess", "Stopped before training began."
)
DATASET_NOT_LOADED = QT_TRANSLATE_NOOP(
    "TrainingProcess", "The dataset could not be loaded: {0}"
)
PROJECT_NOT_READ = QT_TRANSLATE_NOOP(
    "TrainingProcess", "The project could not be read for training: {0}"
)
INTERNAL_ERROR = QT_TRANSLATE_NOOP(
    "TrainingProcess", "Training stopped because of an internal error: {0}"
)
PROCESS_DIED = QT_TRANSLATE_NOOP(
    "TrainingProcess",
    "The training process ended unexpectedly. Your project is unchanged; "
    "if it ran out of memory, a smaller batch size or model helps.",
)
PROCESS_DIED_WITH_CODE = QT_TRANSLATE_NOOP(
    "TrainingProcess",
    "The training process ended unexpectedly (exit code {0}). Your project is "
    "unchanged; if it ran out of memory, a smaller batch size or model helps.",
)
# The same, said of a WeightsError whose own reason the window words too.
WEIGHTS_NOT_USED_BECAUSE = QT_TRANSLATE_NOOP(
    "Problem", "The saved weights could not be used: {reason}"
)


def weights_not_used(reason: Message) -> Message:
    """Why a run did not start from the chosen weights, in words each side translates."""
    return Message.of(WEIGHTS_NOT_USED_BECAUSE, reason=reason)


# every text above: fixed ones, and templates whose ``{0}`` the sender fills
PROCESS_TEXTS = (
    LOADING_DATASET,
    PREPARING_MODEL,
    TRAINING,
    STOPPED_BEFORE_START,
    DATASET_NOT_LOADED,
    PROJECT_NOT_READ,
    INTERNAL_ERROR,
    PROCESS_DIED,
    PROCESS_DIED_WITH_CODE,
)
