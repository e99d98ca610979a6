"""Fully connected layers (of one input, and bilinear of two) and dropout (of
elements and of whole channels)."""

from __future__ import annotations

import math

from designer.fields import bool_field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import (
    float_param,
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.layers.weight_init import init_param, init_weight_and_bias
from designer.graph.shape import format_shape
from designer.graph.translatable import QT_TRANSLATE_NOOP


def _linear_shape(params, inputs) -> Inference:
    shape = single_input(inputs)
    if len(shape) < 2:
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "expects (N, features), got {got}"),
            got=format_shape(shape),
        )
    in_features = require_known(
        shape[-1], QT_TRANSLATE_NOOP("Problem", "number of input features")
    )
    out_features = params["out_features"]
    weights = in_features * out_features
    rows = math.prod(d for d in shape[1:-1] if isinstance(d, int))
    return Inference(
        outputs={"out": (*shape[:-1], out_features)},
        inferred={"in_features": in_features},
        params=weights + (out_features if params["bias"] else 0),
        macs=weights * rows,
    )


LINEAR = register(
    LayerSpec(
        type="Linear",
        category="Dense",
        description="Fully connected layer: every output is a weighted sum of all inputs "
        "plus a bias. Acts on the last dimension.",
        formula="y = x·Wᵀ + b",
        params=(
            int_param("out_features", 64, help="Number of output units"),
            bool_field("bias", True),
            init_param(),
        ),
        infer=_linear_shape,
        construct=lambda p, i: (
            f"nn.Linear({render_args([i['in_features'], p['out_features']], {'bias': p['bias']}, {'bias': True})})"
        ),
        initialise=init_weight_and_bias(lambda params: params["bias"]),
        inferred_names=("in_features",),
        key_params=("out_features",),
    )
)


def _dropout_shape(params, inputs) -> Inference:
    return Inference(outputs={"out": single_input(inputs)})


DROPOUT = register(
    LayerSpec(
        type="Dropout",
        category="Normalization",
        description="During training, zeroes each element with probability p and scales "
        "the rest by 1/(1-p); does nothing in evaluation.",
        formula="y = m ⊙ x / (1 − p),  m ~ Bernoulli(1 − p)",
        params=(
            float_param("p", 0.5, 0.0, 0.99, help="Probability of zeroing an element"),
        ),
        infer=_dropout_shape,
        construct=lambda p, i: (
            f"nn.Dropout({render_args([], {'p': p['p']}, {'p': 0.5})})"
        ),
        key_params=("p",),
    )
)


def _dropout2d_shape(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"))
    return Inference(outputs={"out": shape})


register(
    LayerSpec(
        type="Dropout2d",
        category="Normalization",
        description="During training, zeroes whole channels of an image with probability "
        "p and scales the rest by 1/(1-p); does nothing in evaluation.",
        formula="y[n, c] = m[n, c] · x[n, c] / (1 − p),  m ~ Bernoulli(1 − p)",
        params=(
            float_param("p", 0.5, 0.0, 0.99, help="Probability of zeroing a channel"),
        ),
        infer=_dropout2d_shape,
        construct=lambda p, i: (
            f"nn.Dropout2d({render_args([], {'p': p['p']}, {'p': 0.5})})"
        ),
        key_params=("p",),
    )
)


def _bilinear_shape(params, inputs) -> Inference:
    first, other = inputs["in1"], inputs["in2"]
    for shape in (first, other):
        if len(shape) < 2:
            raise ShapeError(
                QT_TRANSLATE_NOOP("Problem", "expects (N, features), got {got}"),
                got=format_shape(shape),
            )
    if first[:-1] != other[:-1]:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "all but the last dimension of {first} and {other} must match",
            ),
            first=format_shape(first),
            other=format_shape(other),
        )
    in1 = require_known(
        first[-1], QT_TRANSLATE_NOOP("Problem", "number of input features")
    )
    in2 = require_known(
        other[-1], QT_TRANSLATE_NOOP("Problem", "number of input features")
    )
    out_features = params["out_features"]
    weights = out_features * in1 * in2
    rows = math.prod(d for d in first[1:-1] if isinstance(d, int))
    return Inference(
        outputs={"out": (*first[:-1], out_features)},
        inferred={"in1_features": in1, "in2_features": in2},
        params=weights + (out_features if params["bias"] else 0),
        macs=weights * rows,
    )


register(
    LayerSpec(
        type="Bilinear",
        category="Dense",
        description="Combines two inputs multiplicatively: every output is a learned "
        "weighted sum of all products of a feature of the first with one of the second.",
        formula="y_k = x1ᵀ · A_k · x2 + b_k",
        params=(
            int_param("out_features", 64, help="Number of output units"),
            bool_field("bias", True),
            init_param(),
        ),
        infer=_bilinear_shape,
        construct=lambda p, i: (
            "nn.Bilinear("
            + render_args(
                [i["in1_features"], i["in2_features"], p["out_features"]],
                {"bias": p["bias"]},
                {"bias": True},
            )
            + ")"
        ),
        forward=lambda p, i, attr, inputs: f"{attr}({inputs['in1']}, {inputs['in2']})",
        inputs=lambda p: ("in1", "in2"),
        initialise=init_weight_and_bias(lambda params: params["bias"]),
        inferred_names=("in1_features", "in2_features"),
        key_params=("out_features",),
    )
)
