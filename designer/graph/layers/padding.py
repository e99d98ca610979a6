"""Borders around an image other than zeros: mirrored, repeated or a constant
(ZeroPad2d lives with the small tensor operations in tensor_ops.py)."""

from __future__ import annotations

from designer.graph.catalog import (
    Inference,
    LayerSpec,
    ShapeError,
    keeps_dtype,
    register,
)
from designer.graph.layers._rules import (
    float_param,
    int_param,
    literal,
    require_rank,
    single_input,
)
from designer.graph.shape import add_dim, format_size
from designer.graph.translatable import QT_TRANSLATE_NOOP


def _padded(params, inputs):
    shape = single_input(inputs)
    require_rank(shape, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"))
    pad = params["padding"]
    return shape, (*shape[:2], add_dim(shape[2], 2 * pad), add_dim(shape[3], 2 * pad))


def _reflection_rule(params, inputs) -> Inference:
    shape, out = _padded(params, inputs)
    pad = params["padding"]
    if any(isinstance(s, int) and pad >= s for s in shape[2:]):
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "reflection padding {padding} must be smaller than the {size} input: "
                "each side mirrors that many pixels from inside",
            ),
            padding=str(pad),
            size=format_size(shape[2:]),
        )
    return Inference(outputs={"out": out})


def _border_rule(params, inputs) -> Inference:
    return Inference(outputs={"out": _padded(params, inputs)[1]})


_PADDING = int_param(
    "padding", 1, minimum=0, maximum=256, help="Pixels added on each side"
)

register(
    LayerSpec(
        type="ReflectionPad2d",
        category="Shape",
        description="Adds a border around an image that mirrors the pixels inside it, "
        "so edges look natural (style transfer networks pad this way).",
        formula="x padded by p on each side: a b c → c b | a b c | b a",
        params=(_PADDING,),
        infer=_reflection_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: f"nn.ReflectionPad2d({p['padding']})",
        key_params=("padding",),
        short_name="reflection_pad",
    )
)

register(
    LayerSpec(
        type="ReplicationPad2d",
        category="Shape",
        description="Adds a border around an image that repeats the edge pixels outward.",
        formula="x padded by p on each side: a b c → a a | a b c | c c",
        params=(_PADDING,),
        infer=_border_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: f"nn.ReplicationPad2d({p['padding']})",
        key_params=("padding",),
        short_name="replication_pad",
    )
)

register(
    LayerSpec(
        type="ConstantPad2d",
        category="Shape",
        description="Adds a border of one constant value around an image, p pixels on "
        "each side.",
        params=(
            _PADDING,
            float_param(
                "value", 0.0, -1e6, 1e6, help="The value the border is filled with"
            ),
        ),
        infer=_border_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: (
            f"nn.ConstantPad2d({p['padding']}, {literal(float(p['value']))})"
        ),
        key_params=("padding", "value"),
        short_name="constant_pad",
    )
)
