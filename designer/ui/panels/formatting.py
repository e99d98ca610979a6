"""Numbers and shapes written for people (shared by the panels and the status bar)."""

from __future__ import annotations

from designer.graph.shape import Shape, format_shape


def format_count(value: int) -> str:
    """Thousands separated: 1234567 → "1,234,567"."""
    return f"{value:,}"


def format_compact(value: float) -> str:
    """Short form for big counts: 1234567 → "1.23 M", 5300000000 → "5.3 G"."""
    for limit, suffix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            text = f"{value / limit:.3g}"
            return f"{text} {suffix}"
    return f"{int(value)}"


def format_shapes(shapes: dict[str, Shape]) -> str:
    """One shape, or ``port: shape`` pairs when a layer has several outputs."""
    if not shapes:
        return "—"
    if len(shapes) == 1:
        return format_shape(next(iter(shapes.values())))
    return ", ".join(f"{port}: {format_shape(shape)}" for port, shape in shapes.items())
