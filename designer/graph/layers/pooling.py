"""Pooling and resampling of images."""

from __future__ import annotations

from designer.fields import Field, bool_field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import (
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.layers.conv import conv_length
from designer.graph.shape import format_size, mul_dim
from designer.graph.translatable import QT_TRANSLATE_NOOP


def _pool_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"))
    kernel, stride, padding = params["kernel_size"], params["stride"], params["padding"]
    if 2 * padding > kernel:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "padding {padding} must be at most half the kernel size {kernel}",
            ),
            padding=str(padding),
            kernel=str(kernel),
        )
    spatial = shape[2:]
    if any(isinstance(s, int) and s + 2 * padding < kernel for s in spatial):
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "kernel {kernel}×{kernel} is larger than its {size} input"
            ),
            kernel=str(kernel),
            size=format_size(spatial),
        )
    if params.get("ceil_mode"):
        out_spatial = tuple(
            _ceil_length(
                require_known(s, QT_TRANSLATE_NOOP("Problem", "size for ceil mode")),
                kernel,
                stride,
                padding,
            )
            for s in spatial
        )
    else:
        out_spatial = tuple(conv_length(s, kernel, stride, padding, 1) for s in spatial)
    return Inference(outputs={"out": (*shape[:2], *out_spatial)})


def _ceil_length(size: int, kernel: int, stride: int, padding: int) -> int:
    """PyTorch's pooled size with ceil_mode: rounded up, but no window may start
    in the right padding."""
    out = -(-(size + 2 * padding - kernel) // stride) + 1
    if (out - 1) * stride >= size + padding:
        out -= 1
    return out


_POOL_PARAMS = (
    int_param("kernel_size", 2, maximum=64),
    int_param("stride", 2, maximum=64),
    int_param("padding", 0, minimum=0, maximum=32),
)
_MAX_POOL_PARAMS = (
    *_POOL_PARAMS,
    bool_field(
        "ceil_mode",
        False,
        help="Round the output size up, so the last partial window counts",
    ),
)


def _pool_construct(cls: str):
    def construct(params, _inferred) -> str:
        keywords = {"stride": params["stride"], "padding": params["padding"]}
        defaults = {"stride": params["kernel_size"], "padding": 0, "ceil_mode": False}
        if "ceil_mode" in params:
            keywords["ceil_mode"] = params["ceil_mode"]
        return f"nn.{cls}({render_args([params['kernel_size']], keywords, defaults)})"

    return construct


register(
    LayerSpec(
        type="MaxPool2d",
        category="Pooling",
        description="Keeps the largest value in each window, shrinking the image.",
        formula="y[i, j] = max over the k×k window at (i·s, j·s)",
        params=_MAX_POOL_PARAMS,
        infer=_pool_rule,
        construct=_pool_construct("MaxPool2d"),
        key_params=("kernel_size", "stride"),
        short_name="maxpool",
    )
)

register(
    LayerSpec(
        type="AvgPool2d",
        category="Pooling",
        description="Averages each window, shrinking the image.",
        formula="y[i, j] = mean over the k×k window at (i·s, j·s)",
        params=_POOL_PARAMS,
        infer=_pool_rule,
        construct=_pool_construct("AvgPool2d"),
        key_params=("kernel_size", "stride"),
        short_name="avgpool",
    )
)


def _adaptive_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"))
    size = params["output_size"]
    return Inference(outputs={"out": (*shape[:2], size, size)})


register(
    LayerSpec(
        type="AdaptiveAvgPool2d",
        category="Pooling",
        description="Averages into a fixed output size whatever the input size "
        "(output size 1 gives global average pooling).",
        params=(int_param("output_size", 1, maximum=4096),),
        infer=_adaptive_rule,
        construct=lambda p, i: f"nn.AdaptiveAvgPool2d({p['output_size']})",
        key_params=("output_size",),
        short_name="adaptive_pool",
    )
)


def _upsample_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(
        shape, (3, 4), QT_TRANSLATE_NOOP("Problem", "(N, C, L) or (N, C, H, W)")
    )
    mode = params["mode"]
    if mode == "bilinear" and len(shape) != 4:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "mode 'bilinear' needs an image (N, C, H, W); use 'nearest' for sequences",
            )
        )
    if params.get("align_corners") and mode != "bilinear":
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "align corners applies only to mode 'bilinear'"
            )
        )
    size = params.get("size", 0)
    if size:
        return Inference(outputs={"out": (*shape[:2], *(size for _ in shape[2:]))})
    factor = params["scale_factor"]
    return Inference(
        outputs={"out": (*shape[:2], *(mul_dim(s, factor) for s in shape[2:]))}
    )


def _upsample_construct(params, _inferred) -> str:
    keywords: dict = (
        {"size": params["size"]}
        if params.get("size")
        else {"scale_factor": float(params["scale_factor"])}
    )
    keywords["mode"] = params["mode"]
    if params.get("align_corners"):
        keywords["align_corners"] = True
    return f"nn.Upsample({render_args([], keywords, {})})"


register(
    LayerSpec(
        type="Upsample",
        category="Pooling",
        description="Enlarges an image or sequence by a whole factor.",
        params=(
            int_param("scale_factor", 2, maximum=16),
            Field("mode", "choice", "nearest", choices=("nearest", "bilinear")),
            int_param(
                "size",
                0,
                minimum=0,
                maximum=4096,
                help="A target size instead of the factor (0: use the factor)",
            ),
            bool_field(
                "align_corners",
                False,
                help="Bilinear only: the corner pixels of input and output line up",
            ),
        ),
        infer=_upsample_rule,
        construct=_upsample_construct,
        key_params=("scale_factor", "mode", "size"),
    )
)
