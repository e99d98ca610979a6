"""Symbolic sizes: canonical, evaluable, and equal when they are equal."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designer.graph.layers.conv import conv_length
from designer.graph.shape import (
    add_dim,
    concrete,
    evaluate_dim,
    floordiv_dim,
    format_shape,
    format_size,
    mul_dim,
    numel,
    product,
    simplify_dim,
    symbols_in,
)


def expressions() -> st.SearchStrategy[str]:
    leaves = st.one_of(st.sampled_from(["L", "T"]), st.integers(0, 9).map(str))

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        sums = st.tuples(inner, st.sampled_from("+-*"), inner).map(
            lambda t: f"({t[0]}){t[1]}({t[2]})"
        )
        divisions = st.tuples(inner, st.integers(1, 5)).map(
            lambda t: f"({t[0]})//{t[1]}"
        )
        return st.one_of(sums, divisions)

    return st.recursive(leaves, extend, max_leaves=8)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(expressions(), st.integers(-20, 40), st.integers(-20, 40))
def test_simplified_sizes_evaluate_like_the_original(
    text: str, length: int, steps: int
) -> None:
    simple = simplify_dim(text)
    values = {"L": length, "T": steps}
    assert evaluate_dim(simple, values) == evaluate_dim(text, values)
    assert (
        simplify_dim(simple) == simple
    )  # canonical: simplifying again changes nothing
    if isinstance(simple, str):
        assert symbols_in([simple]) <= {"L", "T"}


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (
            conv_length("L", 3, 1, 1, 1),
            "L",
        ),  # 3-wide kernel padded by 1 keeps the length
        (conv_length("L", 5, 1, 2, 1), "L"),
        (conv_length("L", 3, 1, 0, 1), "L-2"),
        (conv_length("L", 3, 2, 1, 1), "(L+1)//2"),
        (conv_length("L", 2, 2, 0, 1), "L//2"),
        (mul_dim(floordiv_dim("L", 2), 2), "2*(L//2)"),
        (floordiv_dim(mul_dim("L", 4), 2), "2*L"),
        (add_dim(add_dim("L", -1), 1), "L"),
        (product(["L", 4, "T"]), "4*L*T"),
        (product([2, 3]), 6),
        (add_dim("L", 0), "L"),
    ],
)
def test_sizes_are_written_canonically(size: object, expected: object) -> None:
    assert size == expected


def test_sizes_that_cancel_become_numbers() -> None:
    assert simplify_dim("L-L+3") == 3
    assert simplify_dim("(2*L+1)//2-L") == 0


def test_evaluation_refuses_anything_but_arithmetic() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        evaluate_dim("__import__('os')", {})
    with pytest.raises(ValueError, match="unsupported"):
        simplify_dim("L**2")


def test_shape_helpers() -> None:
    assert format_shape(("N", 32, 26, 26)) == "(N, 32, 26, 26)"
    assert format_size((3, 3)) == "3×3"
    assert numel(("N", 4, 5)) == 20
    assert numel(("N", "L", 5)) is None
    assert concrete(("N", "L", "(L+1)//2"), {"L": 7}, 2) == (2, 7, 4)
    assert symbols_in(("N", "L*T", 3)) == {"L", "T"}
