"""Property-based checks that inferred shapes are exactly what PyTorch produces.

For every layer type, random parameters from its ParamSpec ranges and random
(mostly suitable) inputs: when inference says valid, the model is built through
``build_networks`` and run; when it reports an error, the error is a Problem
(never an exception) and PyTorch refuses the same layer too, unless the rule is
one of the deliberate restrictions listed below.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from network_harness import (
    BATCH,
    INPUT_HINTS,
    LAYER_TYPES,
    LayerCase,
    layer_cases,
    param_values,
    run_and_compare,
    single_layer_graph,
)

from designer.graph.catalog import all_specs, get_spec
from designer.graph.shape import concrete
from designer.shapes.infer import infer_shapes

# Rules that refuse inputs PyTorch would take, on purpose: tensors are batch-first
# with a fixed layout, sizes a layer's weights depend on must be fixed, the batch
# dimension is never merged or split, chunks are equal, and a crop never asks for
# more than there is (slicing would quietly give less).
DELIBERATE_RESTRICTIONS = (
    "integer token ids",
    " differ",
    "must have the same shape",
    "expects ",
    "needs a fixed",
    "needs fixed sizes",
    "dim 0 is the batch",
    "does not split into",
    "must order the sample dimensions",
    "cannot crop",
)

SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,
)


def test_every_layer_type_has_a_strategy() -> None:
    """A new layer type must be added to INPUT_HINTS, or this property test would skip it."""
    specs = [spec.type for spec in all_specs() if spec.type not in ("Input", "Output")]
    assert specs, "the catalog is empty"
    assert sorted(specs) == sorted(INPUT_HINTS), (
        "update INPUT_HINTS in tests/shapes/network_harness.py"
    )
    assert sorted(LAYER_TYPES) == sorted(specs)
    for spec in all_specs():
        for param in spec.params:
            param_values(param)  # raises for a parameter kind the harness cannot draw


@pytest.mark.parametrize("layer_type", LAYER_TYPES)
def test_drawn_parameters_are_accepted_by_the_spec(layer_type: str) -> None:
    spec = get_spec(layer_type)

    @settings(max_examples=15, deadline=None, derandomize=True)
    @given(st.fixed_dictionaries({p.name: param_values(p) for p in spec.params}))
    def check(params: dict[str, Any]) -> None:
        for param in spec.params:
            assert param.check(params[param.name]) is None, (
                param.name,
                params[param.name],
            )

    check()


def _reference_run(case: LayerCase) -> None:
    """Run the layer in plain PyTorch (the spec's own constructor and forward text),
    with the numbers an inferred value would have taken from these inputs."""
    spec = get_spec(case.type)
    tensors: dict[str, torch.Tensor] = {}
    for port, shape in case.input_shapes.items():
        size = concrete(("N", *shape), {"L": 12, "T": 12}, BATCH)
        if case.input_dtypes[port] == "long":
            tensors[port] = torch.randint(0, 5, size)
        else:
            tensors[port] = torch.randn(size)
    first = next(iter(tensors.values()))
    last = list(tensors.values())[-1]
    guess = {
        "in1_features": first.shape[-1],
        "in2_features": last.shape[-1],
        "in_channels": first.shape[1],
        "num_features": first.shape[1],
        "in_features": first.shape[-1],
        "normalized_shape": first.shape[-1],
        "input_size": first.shape[-1],
        "embed_dim": first.shape[-1],
        "d_model": first.shape[-1],
        "embedding_dim": first.shape[-1],
    }
    namespace: dict[str, Any] = {"torch": torch, "nn": torch.nn}
    if spec.support_code:
        exec(spec.support_code, namespace)  # noqa: S102 - the catalog's own helper class
    constructor = spec.construct(case.params, guess)
    namespace["layer"] = eval(constructor, namespace) if constructor else None  # noqa: S307
    variables = {port: f"x_{port}" for port in tensors}
    namespace.update({f"x_{port}": tensor for port, tensor in tensors.items()})
    expression = spec.forward(case.params, guess, "layer", variables)
    with torch.no_grad():
        eval(expression, namespace)  # noqa: S307


def _check_case(case: LayerCase) -> None:
    graph, layer = single_layer_graph(case)
    shapes = infer_shapes(graph)  # must never raise
    info = shapes.nodes[layer.id]
    if info.error is None:
        assert shapes.valid, [p.message for p in shapes.errors]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            run_and_compare(graph, {"L": 12, "T": 9})
        return
    problems = shapes.problems_for(layer.id)
    assert any(p.is_error and p.message == info.error for p in problems)
    assert info.error.startswith(f"{case.type} 'layer': ")
    assert "could not work out" not in info.error, info.error  # a rule crashed
    assert info.outputs == {}
    if any(text in info.error for text in DELIBERATE_RESTRICTIONS):
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            _reference_run(case)
        except Exception:  # noqa: BLE001 - PyTorch refuses too, as inference said
            return
    raise AssertionError(f"inference refused what PyTorch accepts: {info.error}")


@pytest.mark.parametrize("layer_type", LAYER_TYPES)
def test_single_layer_shapes_match_pytorch(layer_type: str) -> None:
    @SETTINGS
    @given(layer_cases(layer_type))
    def check(case: LayerCase) -> None:
        _check_case(case)

    check()
