"""Element-wise activations and the (log-)softmax over a dimension."""

from __future__ import annotations

from designer.fields import Field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import float_param, render_args, single_input
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
_simple("Sigmoid", "Squashes values into (0, 1).", "y = 1 / (1 + e⁻ˣ)")
_simple("Tanh", "Squashes values into (−1, 1).", "y = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)")


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
