"""The memory pre-flight's words, as messages the window translates.

The estimate itself needs torch (:mod:`designer.training.memory`); its words do
not: each is an English template marked for Qt Linguist with its arguments
(:class:`designer.graph.translatable.Message`), which the training process
sends and the window words in its language (``designer.ui.problem_text``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from designer.training.memory import MemoryEstimate

ABOUT_UNKNOWN = QT_TRANSLATE_NOOP("Problem", "about {need} (free memory unknown)")
ABOUT_OF = QT_TRANSLATE_NOOP("Problem", "about {need} of {available} available")
NOTHING_FITS = QT_TRANSLATE_NOOP("Problem", "{summary}; not even a batch of 1 fits")
ALL_FITS = QT_TRANSLATE_NOOP(
    "Problem", "{summary}; a batch of the whole training set fits"
)
LARGEST_FITS = QT_TRANSLATE_NOOP(
    "Problem", "{summary}; the largest batch that fits is {batch}"
)
MEMORY_REFUSAL = QT_TRANSLATE_NOOP(
    "Problem",
    "This run needs about {need} of memory but the {where} has {available} "
    "available ({parts}). {remedy}",
)
SMALLER_BATCH = QT_TRANSLATE_NOOP(
    "Problem", "Use a batch size of at most {fits} (now {batch}) or a smaller model."
)
REFUSED_NOTHING_FITS = QT_TRANSLATE_NOOP(
    "Problem",
    "Even a batch of 1 does not fit: make the model smaller (fewer or narrower layers).",
)
REFUSED_NOTHING_FITS_ON_CPU = QT_TRANSLATE_NOOP(
    "Problem",
    "Even a batch of 1 does not fit: make the model smaller (fewer or narrower "
    "layers) or train on a GPU.",
)
COMPUTER = QT_TRANSLATE_NOOP("Problem", "computer")
MEMORY_PARTS = QT_TRANSLATE_NOOP(
    "Problem",
    "parameters {parameters}, gradients {gradients}, optimizer state {optimizer}, "
    "activations at batch size {batch} {activations}, data on the device {data}",
)
BATCH_ON_DEVICE = QT_TRANSLATE_NOOP("Problem", "Batch {batch} on {device}: {summary}.")


def format_bytes(size: float) -> str:
    """Decimal units, one decimal: 1.2 GB, 850.0 MB, 12 B."""
    for unit, scale in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{int(size)} B"


def memory_summary_message(estimate: MemoryEstimate, available: int | None) -> Message:
    """One line for the settings form: "about 1.2 GB of 23.4 GB available; …"."""
    need = format_bytes(estimate.total)
    if available is None:
        return Message.of(ABOUT_UNKNOWN, need=need)
    summary = Message.of(ABOUT_OF, need=need, available=format_bytes(available))
    fits = estimate.largest_batch_that_fits(available)
    if fits == 0:
        return Message.of(NOTHING_FITS, summary=summary)
    if fits >= estimate.num_train:
        return Message.of(ALL_FITS, summary=summary)
    return Message.of(LARGEST_FITS, summary=summary, batch=f"{fits:,}")


def memory_summary(estimate: MemoryEstimate, available: int | None) -> str:
    """:func:`memory_summary_message` in English."""
    return memory_summary_message(estimate, available).english()


def batch_on_device(batch: int, device: str, summary: Message) -> Message:
    """The estimate of a batch size on a device: "Batch 32 on CPU (2 threads): …"."""
    return Message.of(
        BATCH_ON_DEVICE, batch=f"{batch:,}", device=device, summary=summary
    )
