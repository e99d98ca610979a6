"""How a run ends, worded: messages the window and the command line translate.

The engine reports the end of a run as :class:`~designer.training.messages.RunResult`
with the English ``message`` and the same as a
:class:`~designer.graph.translatable.Message` (``text``): an English template
marked for Qt Linguist and its arguments, which the window and the command line
word in their language.  A detail that comes from PyTorch or Python itself stays
as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from designer.training.memory import MemoryCheck
    from designer.training.messages import EpochMetrics
    from designer.training.settings import TrainingSettings

NO_DATASET = QT_TRANSLATE_NOOP(
    "Problem", "No dataset is chosen for this project: pick one before training."
)
DATA_DOES_NOT_FIT = QT_TRANSLATE_NOOP(
    "Problem", "The model and the data do not fit together"
)
SETTINGS_HAVE_PROBLEMS = QT_TRANSLATE_NOOP(
    "Problem", "The training settings have problems"
)
LOSS_NAN = QT_TRANSLATE_NOOP(
    "Problem",
    "The loss became NaN (not a number) in epoch {epoch} (around step {step}). "
    "{advice}.",
)
LOSS_INFINITE = QT_TRANSLATE_NOOP(
    "Problem",
    "The loss became infinite in epoch {epoch} (around step {step}). {advice}.",
)
LR_TOO_HIGH = QT_TRANSLATE_NOOP(
    "Problem", "The learning rate ({lr}) is probably too high: try a smaller one"
)
LR_TOO_HIGH_NO_CLIP = QT_TRANSLATE_NOOP(
    "Problem",
    "The learning rate ({lr}) is probably too high: try a smaller one, "
    "or turn on gradient clipping",
)
OUT_OF_MEMORY_DETAIL = QT_TRANSLATE_NOOP("Problem", "{advice} ({detail})")
MODEL_FAILED = QT_TRANSLATE_NOOP(
    "Problem",
    "Training failed while running the model: {detail}. Check the layer sizes and "
    "the data's shape; the shape labels on the canvas show what each layer expects.",
)
FAILED = QT_TRANSLATE_NOOP("Problem", "Training failed: {kind}: {detail}")
DEVICE_OUT = QT_TRANSLATE_NOOP(
    "Problem",
    "The device ran out of memory. Use a smaller batch size or a smaller model.",
)
COMPUTER_OUT = QT_TRANSLATE_NOOP(
    "Problem",
    "The computer ran out of memory. Use a smaller batch size or a smaller model.",
)
DEVICE_OUT_BATCH = QT_TRANSLATE_NOOP(
    "Problem",
    "The device ran out of memory. Use a smaller batch size (now {batch}{suggestion}) "
    "or a smaller model.",
)
COMPUTER_OUT_BATCH = QT_TRANSLATE_NOOP(
    "Problem",
    "The computer ran out of memory. Use a smaller batch size (now {batch}{suggestion}) "
    "or a smaller model or dataset.",
)
TRY_BATCH = QT_TRANSLATE_NOOP("Problem", "; try {batch}")


def non_finite_loss(
    is_nan: bool, epoch: int, step: int, lr: float, grad_clip: float
) -> Message:
    """The loss became NaN or infinite: where, and the likely remedy."""
    advice = Message.of(
        LR_TOO_HIGH_NO_CLIP if grad_clip <= 0 else LR_TOO_HIGH, lr=f"{lr:g}"
    )
    return Message.of(
        LOSS_NAN if is_nan else LOSS_INFINITE,
        epoch=str(epoch),
        step=str(step),
        advice=advice,
    )


def out_of_memory_message(
    error: BaseException, batch_size: int | None, check: MemoryCheck | None
) -> Message:
    """Words for a real out-of-memory error: the batch size and one that should fit."""
    import torch

    from designer.training.memory import smaller_batch

    gpu = isinstance(error, getattr(torch, "OutOfMemoryError", ())) or any(
        words in str(error).lower() for words in ("cuda", "mps", "hip")
    )
    if not batch_size:
        return Message(DEVICE_OUT if gpu else COMPUTER_OUT)
    suggestion = smaller_batch(batch_size, check)
    tried: str | Message = (
        Message.of(TRY_BATCH, batch=f"{suggestion:,}") if suggestion else ""
    )
    return Message.of(
        DEVICE_OUT_BATCH if gpu else COMPUTER_OUT_BATCH,
        batch=f"{batch_size:,}",
        suggestion=tried,
    )


def failure_message(
    error: BaseException,
    settings: TrainingSettings | None,
    memory: MemoryCheck | None = None,
) -> Message:
    """A message for people about an exception raised while training.

    Running out of memory (a GPU's, or the computer's: ``MemoryError`` or the
    CPU allocator's RuntimeError) is told as memory, with the batch size and
    one the pre-flight estimate ``memory`` says should fit.
    """
    from designer.training.memory import is_out_of_memory

    detail = first_line(error)
    batch = settings.batch_size if settings else None
    if is_out_of_memory(error):
        advice = out_of_memory_message(error, batch, memory)
        return Message.of(OUT_OF_MEMORY_DETAIL, advice=advice, detail=detail)
    if isinstance(error, RuntimeError | ValueError | IndexError | TypeError):
        return Message.of(MODEL_FAILED, detail=detail)
    return Message.of(FAILED, kind=type(error).__name__, detail=detail)


def first_line(error: Any) -> str:
    """The first line of an error's text (its type's name when it has none)."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# -- a run that ends well --------------------------------------------------------------
FINISHED_ONE = QT_TRANSLATE_NOOP("Problem", "Finished 1 epoch. {summary}")
FINISHED = QT_TRANSLATE_NOOP("Problem", "Finished {count} epochs. {summary}")
STOPPED_NONE = QT_TRANSLATE_NOOP("Problem", "Stopped after 0 epochs.")
STOPPED_ONE = QT_TRANSLATE_NOOP("Problem", "Stopped after 1 epoch. {summary}")
STOPPED = QT_TRANSLATE_NOOP("Problem", "Stopped after {count} epochs. {summary}")
EARLY_STOPPED_VAL = QT_TRANSLATE_NOOP(
    "Problem",
    "Stopped early after epoch {epoch}: the validation loss has not improved for "
    "{waited}. {summary}",
)
EARLY_STOPPED_TRAIN = QT_TRANSLATE_NOOP(
    "Problem",
    "Stopped early after epoch {epoch}: the training loss has not improved for "
    "{waited}. {summary}",
)
ONE_EPOCH = QT_TRANSLATE_NOOP("Problem", "1 epoch")
EPOCHS = QT_TRANSLATE_NOOP("Problem", "{count} epochs")
LAST_EPOCH = QT_TRANSLATE_NOOP("Problem", "Last epoch: {parts}.")
TRAIN_LOSS = QT_TRANSLATE_NOOP("Problem", "train loss {value}")
VAL_LOSS = QT_TRANSLATE_NOOP("Problem", ", validation loss {value}")
VAL_ACCURACY = QT_TRANSLATE_NOOP(
    "Problem", ", validation accuracy {value} (best {best})"
)


def epochs_summary_message(epochs: Sequence[EpochMetrics]) -> Message:
    """The last epoch's losses (and accuracy) in one sentence."""
    last = epochs[-1]
    parts = Message.of(TRAIN_LOSS, value=f"{last.train_loss:.4g}")
    if last.val_loss is not None:
        val = Message.of(VAL_LOSS, value=f"{last.val_loss:.4g}")
        parts = Message.of("{before}{val}", before=parts, val=val)
    if last.val_accuracy is not None:
        best = max(m.val_accuracy for m in epochs if m.val_accuracy is not None)
        accuracy = Message.of(
            VAL_ACCURACY, value=f"{last.val_accuracy:.1%}", best=f"{best:.1%}"
        )
        parts = Message.of("{before}{accuracy}", before=parts, accuracy=accuracy)
    return Message.of(LAST_EPOCH, parts=parts)


def finished_message(epochs: Sequence[EpochMetrics]) -> Message:
    summary = epochs_summary_message(epochs)
    if len(epochs) == 1:
        return Message.of(FINISHED_ONE, summary=summary)
    return Message.of(FINISHED, count=str(len(epochs)), summary=summary)


def stopped_message(epochs: Sequence[EpochMetrics]) -> Message:
    if not epochs:
        return Message(STOPPED_NONE)
    summary = epochs_summary_message(epochs)
    if len(epochs) == 1:
        return Message.of(STOPPED_ONE, summary=summary)
    return Message.of(STOPPED, count=str(len(epochs)), summary=summary)


def early_stopped_message(
    epoch: int, on_validation: bool, waited: int, epochs: Sequence[EpochMetrics]
) -> Message:
    return Message.of(
        EARLY_STOPPED_VAL if on_validation else EARLY_STOPPED_TRAIN,
        epoch=str(epoch),
        waited=Message(ONE_EPOCH)
        if waited == 1
        else Message.of(EPOCHS, count=str(waited)),
        summary=epochs_summary_message(epochs),
    )
