"""Sizes no device can hold, and token ids that arithmetic has turned into numbers.

Shape inference accepts any graph whose shapes fit together; these checks add what
running it needs.  A tensor of 4.3e11 × 4.3e11 values per sample fits the shape
rules but no memory, and the sum of two token ids is no longer a row of the
Embedding it feeds.
"""

from __future__ import annotations

from collections.abc import Mapping

from designer.graph.catalog import LONG
from designer.graph.shape import Shape
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

# 2**36 values is 256 GiB as float32: more than any single device holds (the
# largest accelerators have under 200 GB), so a tensor or a layer beyond it can
# never run.  Per sample: the batch size comes on top.
MAX_VALUES = 2**36

# Layers that only move, select or join values, so token ids stay valid ids.
KEEPS_TOKEN_IDS = frozenset(
    {
        "Input",
        "Output",
        "Flatten",
        "Reshape",
        "Permute",
        "LastTimeStep",
        "RepeatTimeStep",
        "Concat",
        "Split",
    }
)


def _known_values(shape: Shape) -> int:
    total = 1
    for dim in shape[1:]:
        if isinstance(dim, int):
            total *= dim
    return total


def size_problem(outputs: Mapping[str, Shape], params: int) -> Message | None:
    """Why a node's outputs or weights are too large for any device, or None."""
    for port, shape in outputs.items():
        values = _known_values(shape)
        if values > MAX_VALUES:
            which = (
                Message(QT_TRANSLATE_NOOP("Problem", "its output"))
                if len(outputs) == 1
                else Message.of(
                    QT_TRANSLATE_NOOP("Problem", "output {port}"), port=repr(port)
                )
            )
            return Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "{which} holds {values} values per sample, more than any "
                    "device can hold (at most {limit}); make the tensor "
                    "smaller (fewer channels, a smaller scale factor, or pooling first)",
                ),
                which=which,
                values=f"{values:.3g}",
                limit=f"{MAX_VALUES:.3g}",
            )
    if params > MAX_VALUES:
        return Message.of(
            QT_TRANSLATE_NOOP(
                "Problem",
                "has {params} weights, more than any device can hold (at most "
                "{limit}); make its input smaller (pooling before a Flatten) "
                "or reduce its size",
            ),
            params=f"{params:.3g}",
            limit=f"{MAX_VALUES:.3g}",
        )
    return None


def computes_on_ids(layer_type: str, output_dtype: str) -> bool:
    """True when a layer's integer output is no longer a token id (e.g. Add of ids)."""
    return output_dtype == LONG and layer_type not in KEEPS_TOKEN_IDS
