"""Fully connected layers and dropout."""

from __future__ import annotations

import math

from designer.fields import bool_field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import (
    float_param,
    int_param,
    render_args,
    require_known,
    single_input,
)
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
        ),
        infer=_linear_shape,
        construct=lambda p, i: (
            f"nn.Linear({render_args([i['in_features'], p['out_features']], {'bias': p['bias']}, {'bias': True})})"
        ),
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
