"""Convolutions over sequences (1-D), images (2-D) and volumes (3-D), and the
transposed 1-D and 2-D ones."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from designer.fields import Field, bool_field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import (
    SPATIAL_LAYOUTS,
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.layers.weight_init import init_param, init_weight_and_bias
from designer.graph.shape import (
    Dim,
    Shape,
    add_dim,
    floordiv_dim,
    format_shape,
    format_size,
    mul_dim,
)
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message


def conv_length(
    size: Dim, kernel: int, stride: int, padding: int, dilation: int
) -> Dim:
    """PyTorch's output size: floor((size + 2p − d(k−1) − 1) / s) + 1."""
    reach = dilation * (kernel - 1) + 1
    if isinstance(size, int):
        return (size + 2 * padding - reach) // stride + 1
    return add_dim(floordiv_dim(add_dim(size, 2 * padding - reach), stride), 1)


def _padding_amount(params: Mapping[str, Any]) -> int | str:
    padding = params["padding"]
    if padding == "valid":
        return 0
    return padding


def _channels_in(shape: Shape, dims: int, params: Mapping[str, Any]) -> int:
    """The input's channel count, once the input has the rank of a ``dims``-D
    convolution and ``groups`` divides its input and output channels."""
    require_rank(shape, (dims + 2,), SPATIAL_LAYOUTS[dims])
    in_channels = require_known(
        shape[1], QT_TRANSLATE_NOOP("Problem", "number of channels")
    )
    out_channels, groups = params["out_channels"], params["groups"]
    if in_channels % groups or out_channels % groups:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "groups={groups} must divide both the {in_channels} input and "
                "{out_channels} output channels",
            ),
            groups=str(groups),
            in_channels=str(in_channels),
            out_channels=str(out_channels),
        )
    return in_channels


def _conv_rule(dims: int):
    def rule(params, inputs) -> Inference:
        shape = single_input(inputs)
        in_channels = _channels_in(shape, dims, params)
        out_channels, groups = params["out_channels"], params["groups"]
        kernel, stride, dilation = (
            params["kernel_size"],
            params["stride"],
            params["dilation"],
        )
        padding = _padding_amount(params)
        spatial = shape[2:]
        if padding == "same":
            if stride != 1:
                raise ShapeError(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "padding 'same' needs stride 1 (PyTorch does not support it otherwise)",
                    )
                )
            out_spatial = tuple(spatial)
        else:
            reach = dilation * (kernel - 1) + 1
            known = [s for s in spatial if isinstance(s, int)]
            if any(s + 2 * padding < reach for s in known):
                kernel_text = format_size([reach] * dims)
                what = (
                    QT_TRANSLATE_NOOP("Problem", "kernel")
                    if dilation == 1
                    else QT_TRANSLATE_NOOP("Problem", "dilated kernel")
                )
                raise ShapeError(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "{what} {kernel} is larger than its {size} input padded by {padding}",
                    )
                    if padding
                    else QT_TRANSLATE_NOOP(
                        "Problem", "{what} {kernel} is larger than its {size} input"
                    ),
                    what=Message(what),
                    kernel=kernel_text,
                    size=format_size(spatial),
                    padding=str(padding),
                )
            out_spatial = tuple(
                conv_length(s, kernel, stride, padding, dilation) for s in spatial
            )
        weights = out_channels * (in_channels // groups) * kernel**dims
        positions = math.prod(d for d in out_spatial if isinstance(d, int))
        return Inference(
            outputs={"out": ("N", out_channels, *out_spatial)},
            inferred={"in_channels": in_channels},
            params=weights + (out_channels if params["bias"] else 0),
            macs=weights * positions,
        )

    return rule


def _conv_params(same: bool) -> tuple[Field, ...]:
    padding_choices = ("same", "valid") if same else ()
    return (
        int_param("out_channels", 32, help="Number of filters (output channels)"),
        int_param("kernel_size", 3, maximum=64),
        int_param("stride", 1, maximum=64),
        Field(
            "padding",
            "padding" if same else "int",
            0,
            minimum=0,
            maximum=64,
            choices=padding_choices,
            help="Zeros added on each side; 'same' keeps the size (stride 1)"
            if same
            else "Zeros removed on each side",
        ),
        int_param("dilation", 1, maximum=64),
        int_param("groups", 1, maximum=65536),
        bool_field("bias", True),
        init_param(),
    )


_CONV_DEFAULTS = {
    "stride": 1,
    "padding": 0,
    "dilation": 1,
    "groups": 1,
    "bias": True,
    "output_padding": 0,
}


def _conv_construct(cls: str):
    def construct(params, inferred) -> str:
        keywords = {"kernel_size": params["kernel_size"]}
        keywords.update(
            {
                k: params[k]
                for k in (
                    "stride",
                    "padding",
                    "output_padding",
                    "dilation",
                    "groups",
                    "bias",
                )
                if k in params
            }
        )
        args = render_args(
            [inferred["in_channels"], params["out_channels"]], keywords, _CONV_DEFAULTS
        )
        return f"nn.{cls}({args})"

    return construct


_INIT_WITH_BIAS = init_weight_and_bias(lambda params: params["bias"])
_CONV_FORMULA = "y[c_out] = b[c_out] + Σ_c_in W[c_out, c_in] ⋆ x[c_in]"

for _dims, _name, _what in (
    (1, "Conv1d", "sequences (N, C, L)"),
    (2, "Conv2d", "images (N, C, H, W)"),
    (3, "Conv3d", "volumes or video clips (N, C, D, H, W)"),
):
    register(
        LayerSpec(
            type=_name,
            category="Convolution",
            description=f"Slides learned filters over {_what}; each filter gives one output channel.",
            formula=_CONV_FORMULA,
            params=_conv_params(same=True),
            infer=_conv_rule(_dims),
            construct=_conv_construct(_name),
            initialise=_INIT_WITH_BIAS,
            inferred_names=("in_channels",),
            key_params=("out_channels", "kernel_size", "stride"),
        )
    )


def _transpose_rule(dims: int):
    def rule(params, inputs) -> Inference:
        shape = single_input(inputs)
        in_channels = _channels_in(shape, dims, params)
        out_channels, groups = params["out_channels"], params["groups"]
        kernel, stride = params["kernel_size"], params["stride"]
        padding = params["padding"]
        dilation, output_padding = params["dilation"], params["output_padding"]
        if output_padding >= max(stride, dilation):
            raise ShapeError(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "output padding {output_padding} must be smaller than the stride "
                    "({stride}) or the dilation ({dilation})",
                ),
                output_padding=str(output_padding),
                stride=str(stride),
                dilation=str(dilation),
            )

        def size(s: Dim) -> Dim:
            grow = -2 * padding + dilation * (kernel - 1) + output_padding + 1
            return add_dim(mul_dim(add_dim(s, -1), stride), grow)

        out_spatial = tuple(size(s) for s in shape[2:])
        if any(isinstance(s, int) and s < 1 for s in out_spatial):
            raise ShapeError(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "padding {padding} leaves no output from its {shape} input",
                ),
                padding=str(padding),
                shape=format_shape(shape),
            )
        weights = in_channels * (out_channels // groups) * kernel**dims
        positions = math.prod(d for d in shape[2:] if isinstance(d, int))
        return Inference(
            outputs={"out": ("N", out_channels, *out_spatial)},
            inferred={"in_channels": in_channels},
            params=weights + (out_channels if params["bias"] else 0),
            macs=weights * positions,
        )

    return rule


_TRANSPOSED = {
    2: (
        "Transposed convolution: grows an image, e.g. stride 2 doubles H and W. "
        "Used in decoders and generators.",
        "H_out = (H − 1)·s − 2p + d(k − 1) + output_padding + 1",
        "deconv",
    ),
    1: (
        "Transposed convolution over sequences: grows a sequence, e.g. stride 2 "
        "doubles L. Used to upsample audio and signals in decoders.",
        "L_out = (L − 1)·s − 2p + d(k − 1) + output_padding + 1",
        "deconv1d",
    ),
}

for _dims, (_description, _formula, _short) in _TRANSPOSED.items():
    register(
        LayerSpec(
            type=f"ConvTranspose{_dims}d",
            category="Convolution",
            description=_description,
            formula=_formula,
            params=(
                int_param("out_channels", 32),
                int_param("kernel_size", 4, maximum=64),
                int_param("stride", 2, maximum=64),
                int_param("padding", 1, minimum=0, maximum=64),
                int_param("output_padding", 0, minimum=0, maximum=63),
                int_param("dilation", 1, maximum=64),
                int_param("groups", 1, maximum=65536),
                bool_field("bias", True),
                init_param(),
            ),
            infer=_transpose_rule(_dims),
            construct=_conv_construct(f"ConvTranspose{_dims}d"),
            initialise=_INIT_WITH_BIAS,
            inferred_names=("in_channels",),
            key_params=("out_channels", "kernel_size", "stride"),
            short_name=_short,
        )
    )
