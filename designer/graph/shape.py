"""Tensor shapes as plain tuples.

A shape always includes the batch dimension first, written ``"N"``.  Other
dimensions are ints, or strings for symbolic sizes such as a sequence length
``"L"``; arithmetic on a symbolic size yields a readable expression string such as
``"(L-2)//2+1"`` that :func:`evaluate_dim` can turn back into a number.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Iterable, Mapping

Dim = int | str
Shape = tuple[Dim, ...]
BATCH = "N"


def is_known(dim: Dim) -> bool:
    return isinstance(dim, int)


def format_dim(dim: Dim) -> str:
    return str(dim)


def format_shape(shape: Shape) -> str:
    """``("N", 32, 26, 26)`` → ``(N, 32, 26, 26)``."""
    return "(" + ", ".join(format_dim(d) for d in shape) + ")"


def format_size(shape: Iterable[Dim]) -> str:
    """Spatial sizes for messages: ``(3, 3)`` → ``3×3``."""
    return "×".join(format_dim(d) for d in shape)


def _wrap(dim: str) -> str:
    return dim if dim.isidentifier() or dim.isdigit() else f"({dim})"


def add_dim(dim: Dim, amount: int) -> Dim:
    if isinstance(dim, int):
        return dim + amount
    if amount == 0:
        return dim
    sign = "+" if amount > 0 else "-"
    return f"{dim}{sign}{abs(amount)}"


def mul_dim(dim: Dim, factor: int) -> Dim:
    if isinstance(dim, int):
        return dim * factor
    if factor == 1:
        return dim
    return f"{factor}*{_wrap(dim)}"


def floordiv_dim(dim: Dim, divisor: int) -> Dim:
    if isinstance(dim, int):
        return dim // divisor
    if divisor == 1:
        return dim
    return f"{_wrap(dim)}//{divisor}"


def product(dims: Iterable[Dim]) -> Dim:
    """The product of sizes; symbolic when any size is."""
    known = 1
    symbols: list[str] = []
    for dim in dims:
        if isinstance(dim, int):
            known *= dim
        else:
            symbols.append(_wrap(dim))
    if not symbols:
        return known
    parts = ([str(known)] if known != 1 else []) + symbols
    return "*".join(parts)


_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
}


def evaluate_dim(dim: Dim, values: Mapping[str, int]) -> int:
    """Evaluate a (possibly symbolic) size with concrete symbol values.

    Only integer literals, symbol names and + - * // are accepted; nothing is
    executed.
    """
    if isinstance(dim, int):
        return dim

    def walk(node: ast.AST) -> int:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return node.value
        if isinstance(node, ast.Name):
            return values[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](walk(node.left), walk(node.right))
        raise ValueError(f"unsupported size expression {dim!r}")

    return walk(ast.parse(dim, mode="eval"))


def concrete(shape: Shape, values: Mapping[str, int], batch: int) -> tuple[int, ...]:
    """A concrete shape for a real tensor, with the batch and symbols filled in."""
    return (batch,) + tuple(evaluate_dim(d, values) for d in shape[1:])


def symbols_in(shape: Iterable[Dim]) -> set[str]:
    found: set[str] = set()
    for dim in shape:
        if isinstance(dim, str):
            found.update(
                node.id for node in ast.walk(ast.parse(dim, mode="eval")) if isinstance(node, ast.Name)
            )
    found.discard(BATCH)
    return found


def numel(shape: Shape) -> int | None:
    """Elements per sample (batch excluded), or None when a size is symbolic."""
    dims = shape[1:]
    if not all(isinstance(d, int) for d in dims):
        return None
    return math.prod(dims)  # type: ignore[arg-type]
