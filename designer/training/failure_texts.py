"""How a run that fails is worded: messages the window translates.

The engine reports a failure as :class:`~designer.training.messages.RunResult`
with the English ``message`` (what the command line prints) and the same as a
:class:`~designer.graph.translatable.Message` (``text``): an English template
marked for Qt Linguist and its arguments, which the window words in its
language.  A detail that comes from PyTorch or Python itself stays as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from designer.training.memory import MemoryCheck
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
