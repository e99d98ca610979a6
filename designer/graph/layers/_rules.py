"""Small shared pieces of shape rules and code rendering for the layer specs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from designer.fields import Field, float_field, int_field
from designer.graph.catalog import PORT_IN, ShapeError
from designer.graph.shape import Dim, Shape, format_shape
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message

# The layout a layer over 1, 2 or 3 spatial dimensions expects (for require_rank).
SPATIAL_LAYOUTS = {
    1: QT_TRANSLATE_NOOP("Problem", "(N, C, L)"),
    2: QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"),
    3: QT_TRANSLATE_NOOP("Problem", "(N, C, D, H, W)"),
}


def single_input(inputs: Mapping[str, Shape]) -> Shape:
    return inputs[PORT_IN]


def require_rank(shape: Shape, ranks: Sequence[int], expected: str) -> None:
    """Refuse a shape whose rank (batch included) is not one of ``ranks``.

    ``expected`` ("a sequence (N, L, E)") is marked with QT_TRANSLATE_NOOP by the caller.
    """
    if len(shape) not in ranks:
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "expects {expected}, got {got}"),
            expected=Message(expected),
            got=format_shape(shape),
        )


def require_known(dim: Dim, what: str | Message) -> int:
    """A size that must be a number; ``what`` ("embedding size") is a marked word."""
    if not isinstance(dim, int):
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "needs a fixed {what}, but it is the symbolic size {dim}"
            ),
            what=what if isinstance(what, Message) else Message(what),
            dim=repr(dim),
        )
    return dim


def int_param(
    name: str, default: int, minimum: int = 1, maximum: int = 65536, **extra: Any
) -> Field:
    """A count-like layer parameter: positive and at most 65536 unless told otherwise."""
    return int_field(name, default, minimum, maximum, **extra)


def float_param(
    name: str, default: float, minimum: float, maximum: float, **extra: Any
) -> Field:
    """A layer's real-valued parameter; layers always bound them."""
    return float_field(name, default, minimum, maximum, **extra)


def render_args(
    positional: Sequence[Any], keywords: Mapping[str, Any], defaults: Mapping[str, Any]
) -> str:
    """``1, 32, kernel_size=3`` — keywords equal to their PyTorch default are left out."""
    parts = [literal(value) for value in positional]
    parts += [
        f"{key}={literal(value)}"
        for key, value in keywords.items()
        if key not in defaults or defaults[key] != value
    ]
    return ", ".join(parts)


def literal(value: Any) -> str:
    """A Python literal for a validated parameter value (never arbitrary text)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple):
        inner = ", ".join(literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    raise TypeError(f"cannot render {value!r} as a literal")
