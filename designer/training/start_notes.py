"""The notes a run starts with, as messages the window and the command line word.

A run's notes (:attr:`~designer.training.messages.RunInfo.notes`) are English
sentences made where the run is set up: fast mode's skipped switches (in
:mod:`designer.training.recipes.speed`, which an exported ``train.py`` copies
verbatim, so it stays free of designer's imports), the engine's own notes, the
memory pre-flight's warnings and the tasks' advice.  This is the one place that
knows their templates, marked for Qt Linguist: :func:`start_note` turns a note
back into its template and what filled it, so that the window (``translated``)
and ``designer train`` (:func:`designer.i18n.translate`) say it in their
language.  A note no template knows stays as it is.
"""

from __future__ import annotations

import re
from functools import cache

from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

# -- fast mode (recipes/speed.py words them; these are its templates) ----------------
FAST_BATCH = QT_TRANSLATE_NOOP(
    "Problem",
    "Fast mode: batch {batch} → {fast_batch}, learning rate {lr} → {fast_lr} "
    "(scaled with the batch: the linear rule).",
)
FAST_NO_BF16_GPU = QT_TRANSLATE_NOOP(
    "Problem", "Fast mode: bf16 skipped: this GPU does not support bfloat16."
)
FAST_SKIPPED_OFF_CUDA = QT_TRANSLATE_NOOP(
    "Problem",
    "Fast mode: {switch} skipped (it needs a CUDA GPU and this run is on {device}).",
)
FAST_BATCH_OFF_CUDA = QT_TRANSLATE_NOOP(
    "Problem",
    "Fast mode: larger batch skipped (it needs a CUDA GPU and this run is on "
    "{device}); the batch stays {batch}.",
)
FAST_NO_CONVOLUTION = QT_TRANSLATE_NOOP(
    "Problem",
    "Fast mode: channels_last skipped (the network has no 2-D convolution).",
)
FAST_NO_FUSED = QT_TRANSLATE_NOOP(
    "Problem",
    "Fast mode: fused optimizer skipped ({optimizer} has no fused version).",
)
#: The switches fast mode names, as it names them → the same marked for translation.
FAST_SWITCHES = {
    "keeping the data on the GPU": QT_TRANSLATE_NOOP(
        "Problem", "keeping the data on the GPU"
    ),
    "bf16": QT_TRANSLATE_NOOP("Problem", "bf16"),
    "channels_last": QT_TRANSLATE_NOOP("Problem", "channels_last"),
    "fused optimizer": QT_TRANSLATE_NOOP("Problem", "fused optimizer"),
    "compiled steps (CUDA graphs)": QT_TRANSLATE_NOOP(
        "Problem", "compiled steps (CUDA graphs)"
    ),
}

# -- the engine's own notes -----------------------------------------------------------
MIXED_PRECISION_OFF_CUDA = QT_TRANSLATE_NOOP(
    "Problem", "Mixed precision works on CUDA only; this run computes in float32."
)
ONE_NETWORK_TRAINED = QT_TRANSLATE_NOOP(
    "Problem",
    "Only the network {name} is trained; the others are left as they are.",
)
DATA_NOT_ON_GPU = QT_TRANSLATE_NOOP(
    "Problem",
    "The data does not fit in GPU memory; batches are copied to the GPU one at a time.",
)
STARTED_FROM_WEIGHTS = QT_TRANSLATE_NOOP(
    "Problem", "Started from the weights in {file}."
)

# -- the memory pre-flight's warnings -------------------------------------------------
MEMORY_TIGHT = QT_TRANSLATE_NOOP(
    "Problem",
    "This run needs about {need} of the {available} available on the {where}; "
    "other programs may push it out of memory.",
)
NO_MEMORY_ESTIMATE = QT_TRANSLATE_NOOP(
    "Problem",
    "The memory this run needs could not be estimated beforehand ({error}).",
)
#: Where the memory is, as the pre-flight names it → marked for translation.
MEMORY_PLACES = {
    "GPU": QT_TRANSLATE_NOOP("Problem", "GPU"),
    "Apple GPU": QT_TRANSLATE_NOOP("Problem", "Apple GPU"),
    "computer": QT_TRANSLATE_NOOP("Problem", "computer"),
}

# -- the tasks' advice ----------------------------------------------------------------
ACTIVATION_TWICE = QT_TRANSLATE_NOOP(
    "Problem",
    "The network ends in {layer}, but the {loss} loss applies it itself: remove "
    "that last layer, or training will be slow.",
)
NLL_NEEDS_LOG_PROBABILITIES = QT_TRANSLATE_NOOP(
    "Problem",
    "The NLL loss expects log-probabilities: end the network with LogSoftmax, or "
    "use cross-entropy.",
)
NO_RANDOM_SAMPLES = QT_TRANSLATE_NOOP(
    "Problem", "No samples from random codes: {error}."
)
#: The losses the advice names → marked for translation.
LOSS_NAMES = {
    "cross-entropy": QT_TRANSLATE_NOOP("Problem", "cross-entropy"),
    "BCE-with-logits": QT_TRANSLATE_NOOP("Problem", "BCE-with-logits"),
}

TEMPLATES = (
    FAST_BATCH,
    FAST_NO_BF16_GPU,
    FAST_BATCH_OFF_CUDA,
    FAST_SKIPPED_OFF_CUDA,
    FAST_NO_CONVOLUTION,
    FAST_NO_FUSED,
    MIXED_PRECISION_OFF_CUDA,
    ONE_NETWORK_TRAINED,
    DATA_NOT_ON_GPU,
    STARTED_FROM_WEIGHTS,
    MEMORY_TIGHT,
    NO_MEMORY_ESTIMATE,
    ACTIVATION_TWICE,
    NLL_NEEDS_LOG_PROBABILITIES,
    NO_RANDOM_SAMPLES,
)
#: An argument whose value is one of a few words → those words, translatable.
WORDS = {"switch": FAST_SWITCHES, "where": MEMORY_PLACES, "loss": LOSS_NAMES}
_SLOT = re.compile(r"\{(\w+)\}")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    found = []
    for template in TEMPLATES:
        pattern, end = "", 0
        for slot in _SLOT.finditer(template):
            pattern += re.escape(template[end : slot.start()])
            pattern += f"(?P<{slot.group(1)}>.+?)"
            end = slot.end()
        pattern += re.escape(template[end:]) + r"\Z"
        found.append((re.compile(pattern, re.DOTALL), template))
    return tuple(found)


def start_note(note: str) -> Message:
    """``note`` (one of :attr:`RunInfo.notes`) as its marked template and arguments;
    a note of no known template as plain text."""
    for pattern, template in _patterns():
        match = pattern.match(note)
        if match is None:
            continue
        args: dict[str, str | Message] = {}
        for name, value in match.groupdict().items():
            words = WORDS.get(name, {})
            args[name] = Message(words[value]) if value in words else value
        if all(
            not isinstance(value, str) or name not in WORDS
            for name, value in args.items()
        ):
            return Message.of(template, **args)
    return Message.plain(note)
