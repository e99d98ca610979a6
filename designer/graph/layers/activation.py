"""Element-wise activations, the pass-through Identity and the (log-)softmax over a
dimension."""

from __future__ import annotations

from designer.fields import Field, bool_field
from designer.graph.catalog import (
    Inference,
    LayerSpec,
    ShapeError,
    keeps_dtype,
    register,
)
from designer.graph.layers._rules import (
    float_param,
    render_args,
    require_known,
    single_input,
)
from designer.graph.shape import format_shape
from designer.graph.translatable import QT_TRANSLATE_NOOP


def _same_shape(_params, inputs) -> Inference:
    return Inference(outputs={"out": single_input(inputs)})


def _simple(
    name: str,
    description: str,
    formula: str,
    params: tuple[Field, ...] = (),
    defaults: dict | None = None,
):
    defaults = defaults or {}

    def construct(p, _i) -> str:
        return f"nn.{name}({render_args([], dict(p), defaults)})"

    register(
        LayerSpec(
            type=name,
            category="Activation",
            description=description,
            formula=formula,
            params=params,
            infer=_same_shape,
            construct=construct,
            key_params=tuple(s.name for s in params),
        )
    )


_simple("ReLU", "Passes positive values, zeroes negative ones.", "y = max(0, x)")
_simple(
    "LeakyReLU",
    "Like ReLU but lets a small slope through for negative values.",
    "y = x if x > 0 else a·x",
    (float_param("negative_slope", 0.01, 0.0, 1.0),),
    {"negative_slope": 0.01},
)
_simple("GELU", "Smooth ReLU used by Transformers.", "y = x·Φ(x)")
_simple(
    "ELU",
    "Smooth for negative values, tending to −α.",
    "y = x if x > 0 else α(eˣ − 1)",
    (float_param("alpha", 1.0, 0.0, 10.0),),
    {"alpha": 1.0},
)
_simple(
    "SiLU",
    "Smooth ReLU-like curve x·σ(x), also called swish (EfficientNet, LLaMA).",
    "y = x · σ(x)",
)
_simple(
    "Hardswish",
    "A cheap piecewise version of SiLU (MobileNetV3).",
    "y = x · ReLU6(x + 3) / 6",
)
_simple(
    "Softplus",
    "A smooth version of ReLU that is always positive.",
    "y = log(1 + e^(β·x)) / β",
    (float_param("beta", 1.0, 0.01, 100.0),),
    {"beta": 1.0},
)
_simple("Sigmoid", "Squashes values into (0, 1).", "y = 1 / (1 + e⁻ˣ)")
_simple("Tanh", "Squashes values into (−1, 1).", "y = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)")
_simple(
    "ReLU6",
    "ReLU capped at 6, so values stay small enough for low-precision hardware "
    "(MobileNetV2).",
    "y = min(max(0, x), 6)",
)
_simple(
    "Hardsigmoid",
    "A cheap piecewise version of Sigmoid, flat at 0 and 1 (MobileNetV3).",
    "y = ReLU6(x + 3) / 6",
)
_simple(
    "Mish",
    "Smooth ReLU-like curve that dips slightly below zero for negative values "
    "(YOLOv4).",
    "y = x · tanh(softplus(x))",
)


def _hardtanh_rule(params, inputs) -> Inference:
    low, high = params["min_val"], params["max_val"]
    if high <= low:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "max_val {high} must be greater than min_val {low}"
            ),
            high=repr(high),
            low=repr(low),
        )
    return _same_shape(params, inputs)


_HARDTANH_DEFAULTS = {"min_val": -1.0, "max_val": 1.0}

register(
    LayerSpec(
        type="Hardtanh",
        category="Activation",
        description="Clips values to a range, −1 to 1 unless set: a cheap, "
        "piecewise-linear Tanh.",
        formula="y = min(max(x, min_val), max_val)",
        params=(
            float_param("min_val", -1.0, -1000.0, 1000.0, help="Lowest output value"),
            float_param("max_val", 1.0, -1000.0, 1000.0, help="Highest output value"),
        ),
        infer=_hardtanh_rule,
        construct=lambda p, i: (
            f"nn.Hardtanh({render_args([], dict(p), _HARDTANH_DEFAULTS)})"
        ),
        key_params=("min_val", "max_val"),
    )
)

register(
    LayerSpec(
        type="Identity",
        category="Activation",
        description="Passes its input on unchanged: a named point to branch a skip "
        "connection from, or a placeholder where a layer may go later.",
        formula="y = x",
        params=(),
        infer=_same_shape,
        construct=lambda p, i: "nn.Identity()",
        dtype=keeps_dtype,
    )
)


def _softmax_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    dim = params["dim"]
    if not -len(shape) <= dim < len(shape):
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "dim {dim} does not exist in a {rank}-dimensional tensor"
            ),
            dim=str(dim),
            rank=str(len(shape)),
        )
    if dim % len(shape) == 0:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "dim 0 is the batch; choose a dimension of the sample (e.g. -1)",
            )
        )
    return Inference(outputs={"out": shape})


for _name, _description, _formula in (
    (
        "Softmax",
        "Turns scores into probabilities that sum to 1 along a dimension.",
        "yᵢ = eˣⁱ / Σⱼ eˣʲ",
    ),
    (
        "LogSoftmax",
        "Log of softmax; pair it with the NLL loss.",
        "yᵢ = xᵢ − log Σⱼ eˣʲ",
    ),
):
    register(
        LayerSpec(
            type=_name,
            category="Activation",
            description=_description,
            formula=_formula,
            params=(Field("dim", "int", -1, minimum=-6, maximum=5),),
            infer=_softmax_rule,
            construct=lambda p, i, _name=_name: f"nn.{_name}(dim={p['dim']})",
            key_params=("dim",),
        )
    )


def _prelu_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    if not params["per_channel"]:
        return Inference(
            outputs={"out": shape}, inferred={"num_parameters": 1}, params=1
        )
    if len(shape) < 2:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "a slope per channel needs a channel dimension, got {got}"
            ),
            got=format_shape(shape),
        )
    channels = require_known(
        shape[1], QT_TRANSLATE_NOOP("Problem", "number of channels")
    )
    return Inference(
        outputs={"out": shape}, inferred={"num_parameters": channels}, params=channels
    )


register(
    LayerSpec(
        type="PReLU",
        category="Activation",
        description="Like LeakyReLU, but the slope for negative values is learned "
        "(one for all, or one per channel).",
        formula="y = x if x > 0 else a·x,  a learned (starts at 0.25)",
        params=(
            bool_field(
                "per_channel",
                False,
                help="Learn one slope per channel (dimension 1) instead of one in all",
            ),
        ),
        infer=_prelu_rule,
        construct=lambda p, i: (
            f"nn.PReLU({i['num_parameters']})" if p["per_channel"] else "nn.PReLU()"
        ),
        inferred_names=("num_parameters",),
    )
)
