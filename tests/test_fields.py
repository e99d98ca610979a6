"""The one field system: kinds, ranges, choices, typed text and the messages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from designer import fields
from designer.fields import (
    Field,
    bool_field,
    choice_field,
    float_field,
    format_value,
    int_field,
)
from designer.graph import translatable
from designer.graph.catalog import ParamSpec, all_specs
from designer.graph.shape import BATCH
from designer.training.settings import FIELD_SPECS


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (int_field("n", 1, 1, 10), 0, "must be an integer of at least 1, got 0"),
        (int_field("n", 1, 1, 10), 11, "must be an integer of at most 10, got 11"),
        (int_field("n", 1, 1), 2.5, "must be a positive integer, got 2.5"),
        (int_field("n", 1, 1), True, "must be a positive integer, got True"),
        (int_field("dim", 1, -3), "1", "must be an integer, got '1'"),
        (
            float_field("p", 0.5, 0, 0.99),
            1.0,
            "must be a number of at most 0.99, got 1.0",
        ),
        (float_field("p", 0.5, 0, 1), -0.5, "must be a number of at least 0, got -0.5"),
        (float_field("p", 0.5), float("inf"), "must be a finite number, got inf"),
        (float_field("p", 0.5), "x", "must be a number, got 'x'"),
        (
            float_field("lr", 0.1, 0, exclusive_minimum=True),
            0,
            "must be a positive number, got 0.0",
        ),
        (
            float_field("lr", 0.1, 0, exclusive_minimum=True),
            "fast",
            "must be a positive number, got 'fast'",
        ),
        (
            float_field("g", 0.5, 0.25, exclusive_minimum=True),
            0.25,
            "must be a number above 0.25, got 0.25",
        ),
        (bool_field("b", True), 1, "must be true or false, got 1"),
        (choice_field("c", "a", ("a", "b")), "z", "must be one of 'a', 'b', got 'z'"),
        (
            Field("pad", "padding", 0, minimum=0, choices=("same",)),
            -1,
            "must be an integer of at least 0, got -1",
        ),
        (Field("s", "shape", [1]), [], "must be a non-empty list of sizes, got []"),
        (
            Field("s", "shape", [1]),
            [2, BATCH],
            "dimension 1 cannot be called N: N is the batch size, which is left out",
        ),
        (Field("d", "ints", [1]), [1, 99], "item 1 is out of range, got 99"),
        (Field("t", "target_shape", [-1]), [-1, -1], "may contain -1 only once"),
        (
            int_field("n", 1, 1),
            "x" * 60,
            "must be a positive integer, got '" + "x" * 36 + "...",
        ),
    ],
)
def test_check_words_what_is_wrong(field: Field, value: object, message: str) -> None:
    assert field.check(value) == message


@given(st.integers(min_value=-5, max_value=5))
def test_ints_in_range_pass_and_others_name_the_bound(value: int) -> None:
    field = int_field("n", 0, -2, 3)
    message = field.check(value)
    if -2 <= value <= 3:
        assert message is None
    else:
        assert message is not None and str(value) in message
        assert ("at least -2" in message) == (value < -2)


def test_choices_carry_labels_and_may_accept_a_pattern() -> None:
    field = choice_field(
        "device", "cpu", {"auto": "Best available", "cpu": "CPU"}, accepts=r"cuda:\d+"
    )
    assert field.labelled_choices() == [("auto", "Best available"), ("cpu", "CPU")]
    assert field.check("cuda:1") is None
    assert field.check("cuda:x") is not None
    assert choice_field("m", "a", ("a", "b")).labelled_choices() == [
        ("a", "a"),
        ("b", "b"),
    ]


def test_a_field_description_is_checked_when_made() -> None:
    with pytest.raises(ValueError, match="unknown kind 'colour'"):
        Field("c", "colour", "red")
    with pytest.raises(ValueError, match="one label per choice"):
        Field("c", "choice", "a", choices=("a", "b"), choice_labels=("A",))


def test_titles_come_from_the_label_or_the_name() -> None:
    assert int_field("out_features", 1).title == "Out features"
    assert int_field("lr", 1, label="Learning rate").title == "Learning rate"


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        (Field("s", "shape", [1]), "(1, 28, 28)", [1, 28, 28]),
        (Field("s", "shape", [1]), "L 16", ["L", 16]),
        (Field("d", "ints", [1]), "0 2 1", [0, 2, 1]),
        (Field("t", "target_shape", [-1]), "16, -1", [16, -1]),
        (Field("p", "padding", 0, minimum=0, choices=("same",)), " same ", "same"),
        (Field("p", "padding", 0, minimum=0, choices=("same",)), "3", 3),
    ],
)
def test_typed_text_parses_to_a_checked_value(field: Field, text: str, value) -> None:
    assert field.parse(text) == (value, None)
    assert field.parse(format_value(value)) == (value, None)


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        (Field("s", "shape", [1]), "", "enter sizes separated by commas"),
        (
            Field("s", "shape", [1]),
            "1, 2x",
            "dimension 1 must be a size or a short name",
        ),
        (Field("s", "shape", [1], maximum=2), "1 2 3", "at most 2 dimensions"),
        (Field("d", "ints", [1]), "0, a", "item 1 must be an integer, got 'a'"),
        (Field("p", "padding", 0, minimum=0, choices=("same",)), "full", "'same'"),
        (Field("p", "padding", 0, minimum=0, choices=("same",)), "-2", "at least 0"),
    ],
)
def test_typed_text_that_stands_for_no_valid_value_says_why(
    field: Field, text: str, message: str
) -> None:
    value, problem = field.parse(text)
    assert value is None and problem is not None and message in problem


def test_untyped_kinds_have_no_text_form() -> None:
    with pytest.raises(ValueError, match="not typed"):
        int_field("n", 1).parse("3")


def test_layer_parameters_and_training_settings_are_the_same_fields() -> None:
    assert ParamSpec is Field
    params = [param for spec in all_specs() for param in spec.params]
    assert params and all(isinstance(p, Field) for p in params)
    assert all(isinstance(s, Field) for s in FIELD_SPECS.values())
    for field in [*params, *FIELD_SPECS.values()]:
        assert field.check(field.default) is None, field.name


def _imported_modules(path: str) -> list[str]:
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    return [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]


def test_fields_sit_at_the_bottom_of_the_package() -> None:
    """designer.fields imports nothing from designer but the translatable-message
    leaf (which imports nothing from designer), so every layer may use it."""
    imported = _imported_modules(fields.__file__)
    from_designer = [m for m in imported if m.split(".")[0] == "designer"]
    assert imported and from_designer == ["designer.graph.translatable"]
    assert not [
        m
        for m in _imported_modules(translatable.__file__)
        if m.split(".")[0] == "designer"
    ]
    assert fields.BATCH == BATCH  # the one name it must agree on with graph.shape
