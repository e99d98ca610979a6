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


def add_dim(dim: Dim, amount: int) -> Dim:
    if isinstance(dim, int):
        return dim + amount
    return simplify_dim(f"{dim}+({amount})")


def mul_dim(dim: Dim, factor: int) -> Dim:
    if isinstance(dim, int):
        return dim * factor
    return simplify_dim(f"({dim})*{factor}")


def floordiv_dim(dim: Dim, divisor: int) -> Dim:
    if isinstance(dim, int):
        return dim // divisor
    return simplify_dim(f"({dim})//{divisor}")


def product(dims: Iterable[Dim]) -> Dim:
    """The product of sizes; symbolic when any size is."""
    dims = list(dims)
    if all(isinstance(d, int) for d in dims):
        return math.prod(dims)  # type: ignore[arg-type]
    return simplify_dim("*".join(f"({d})" for d in dims))


# -- symbolic sizes ---------------------------------------------------------------
#
# A symbolic size is kept as a polynomial with integer coefficients over "atoms":
# symbol names and floor divisions that cannot be simplified further.  Writing it
# back in one canonical form makes equal sizes compare equal as strings, e.g. a
# 3-wide convolution padded by 1 gives "L", not "L-1+1".

_Monomial = tuple[str, ...]
_Poly = dict[_Monomial, int]


def _poly_add(a: _Poly, b: _Poly, sign: int = 1) -> _Poly:
    out = dict(a)
    for mono, coef in b.items():
        out[mono] = out.get(mono, 0) + sign * coef
    return {m: c for m, c in out.items() if c}


def _poly_mul(a: _Poly, b: _Poly) -> _Poly:
    out: _Poly = {}
    for ma, ca in a.items():
        for mb, cb in b.items():
            mono = tuple(sorted(ma + mb))
            out[mono] = out.get(mono, 0) + ca * cb
    return {m: c for m, c in out.items() if c}


def _poly_floordiv(poly: _Poly, divisor: int) -> _Poly:
    """floor(p / d), pulling out every term that d divides exactly."""
    if divisor == 1:
        return poly
    whole: _Poly = {}
    rest: _Poly = {}
    for mono, coef in poly.items():
        if mono == ():
            quotient, remainder = divmod(coef, divisor)
            if quotient:
                whole[()] = quotient
            if remainder:
                rest[()] = remainder
        elif coef % divisor == 0:
            whole[mono] = coef // divisor
        else:
            rest[mono] = coef
    if set(rest) <= {()}:  # only a remainder 0 <= r < d left: floor(r / d) == 0
        return whole
    inner = _render(rest)
    atom = f"{inner}//{divisor}" if inner.isidentifier() else f"({inner})//{divisor}"
    return _poly_add(whole, {(atom,): 1})


def _parse(node: ast.AST) -> _Poly:
    if isinstance(node, ast.Expression):
        return _parse(node.body)
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int)
        and not isinstance(node.value, bool)
    ):
        return {(): node.value} if node.value else {}
    if isinstance(node, ast.Name):
        return {(node.id,): 1}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return _poly_add({}, _parse(node.operand), -1)
    if isinstance(node, ast.BinOp):
        left, right = _parse(node.left), _parse(node.right)
        if isinstance(node.op, ast.Add):
            return _poly_add(left, right)
        if isinstance(node.op, ast.Sub):
            return _poly_add(left, right, -1)
        if isinstance(node.op, ast.Mult):
            return _poly_mul(left, right)
        if (
            isinstance(node.op, ast.FloorDiv)
            and set(right) <= {()}
            and right.get((), 0) > 0
        ):
            return _poly_floordiv(left, right[()])
    raise ValueError(f"unsupported size expression {ast.unparse(node)!r}")


def _render_factor(atom: str, alone: bool) -> str:
    return atom if alone or "//" not in atom else f"({atom})"


def _render(poly: _Poly) -> str:
    terms = sorted((m for m in poly if m), key=lambda m: (-len(m), m))
    text = ""
    for mono in [*terms, ()] if () in poly else terms:
        coef = poly[mono]
        # "-L//2" would read as (-L)//2, so a leading minus keeps its brackets.
        alone = len(mono) == 1 and (coef == 1 or (coef == -1 and bool(text)))
        factors = [_render_factor(a, alone) for a in mono]
        if abs(coef) != 1 or not factors:
            factors.insert(0, str(abs(coef)))
        body = "*".join(factors)
        if not text:
            text = body if coef > 0 else f"-{body}"
        else:
            text += ("+" if coef > 0 else "-") + body
    return text or "0"


def simplify_dim(dim: Dim) -> Dim:
    """The canonical form of a size: an int when it is constant, else an expression
    such as ``"(L-1)//2+1"`` in which equal sizes are written the same way."""
    if isinstance(dim, int):
        return dim
    poly = _parse(ast.parse(dim, mode="eval"))
    if set(poly) <= {()}:
        return poly.get((), 0)
    return _render(poly)


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
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
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
                node.id
                for node in ast.walk(ast.parse(dim, mode="eval"))
                if isinstance(node, ast.Name)
            )
    found.discard(BATCH)
    return found


def numel(shape: Shape) -> int | None:
    """Elements per sample (batch excluded), or None when a size is symbolic."""
    dims = shape[1:]
    if not all(isinstance(d, int) for d in dims):
        return None
    return math.prod(dims)  # type: ignore[arg-type]
