"""Pooling and resampling of sequences (1-D), images (2-D) and volumes (3-D)."""

from __future__ import annotations

from designer.fields import Field, bool_field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import (
    SPATIAL_LAYOUTS,
    float_param,
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.layers.conv import conv_length
from designer.graph.shape import format_size, mul_dim
from designer.graph.translatable import QT_TRANSLATE_NOOP

_TOO_LARGE = {
    1: QT_TRANSLATE_NOOP("Problem", "kernel {kernel} is larger than its {size} input"),
    2: QT_TRANSLATE_NOOP(
        "Problem", "kernel {kernel}×{kernel} is larger than its {size} input"
    ),
    3: QT_TRANSLATE_NOOP(
        "Problem", "kernel {kernel}×{kernel}×{kernel} is larger than its {size} input"
    ),
}


def _pool_rule(dims: int, padding_fills_kernel: bool = True):
    """The output size of a max or average pool over ``dims`` spatial dimensions.

    ``padding_fills_kernel`` off (AvgPool3d, as PyTorch computes it on the CPU):
    the input itself, padding not counted, must be at least the kernel size.
    """
    layout, too_large = SPATIAL_LAYOUTS[dims], _TOO_LARGE[dims]

    def rule(params, inputs) -> Inference:
        shape = single_input(inputs)
        require_rank(shape, (dims + 2,), layout)
        kernel, stride = params["kernel_size"], params["stride"]
        padding = params["padding"]
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
            raise ShapeError(too_large, kernel=str(kernel), size=format_size(spatial))
        if not padding_fills_kernel and any(
            isinstance(s, int) and s < kernel for s in spatial
        ):
            raise ShapeError(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "kernel {kernel}×{kernel}×{kernel} is larger than its {size} input "
                    "(AvgPool3d does not count the padding here)",
                ),
                kernel=str(kernel),
                size=format_size(spatial),
            )
        if params.get("ceil_mode"):
            out_spatial = tuple(
                _ceil_length(
                    require_known(
                        s, QT_TRANSLATE_NOOP("Problem", "size for ceil mode")
                    ),
                    kernel,
                    stride,
                    padding,
                )
                for s in spatial
            )
        else:
            out_spatial = tuple(
                conv_length(s, kernel, stride, padding, 1) for s in spatial
            )
        return Inference(outputs={"out": (*shape[:2], *out_spatial)})

    return rule


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


for _dims, _what, _window, _index, _at in (
    (2, "image", "k×k", "y[i, j]", "(i·s, j·s)"),
    (1, "sequence", "k", "y[i]", "i·s"),
    (3, "volume", "k×k×k", "y[i, j, l]", "(i·s, j·s, l·s)"),
):
    register(
        LayerSpec(
            type=f"MaxPool{_dims}d",
            category="Pooling",
            description=f"Keeps the largest value in each window, shrinking the {_what}.",
            formula=f"{_index} = max over the {_window} window at {_at}",
            params=_MAX_POOL_PARAMS,
            infer=_pool_rule(_dims),
            construct=_pool_construct(f"MaxPool{_dims}d"),
            key_params=("kernel_size", "stride"),
            short_name="maxpool",
        )
    )
    register(
        LayerSpec(
            type=f"AvgPool{_dims}d",
            category="Pooling",
            description=f"Averages each window, shrinking the {_what}.",
            formula=f"{_index} = mean over the {_window} window at {_at}",
            params=_POOL_PARAMS,
            infer=_pool_rule(_dims, padding_fills_kernel=_dims != 3),
            construct=_pool_construct(f"AvgPool{_dims}d"),
            key_params=("kernel_size", "stride"),
            short_name="avgpool",
        )
    )


def _adaptive_rule(dims: int):
    layout = SPATIAL_LAYOUTS[dims]

    def rule(params, inputs) -> Inference:
        shape = single_input(inputs)
        require_rank(shape, (dims + 2,), layout)
        size = params["output_size"]
        return Inference(outputs={"out": (*shape[:2], *(size for _ in range(dims)))})

    return rule


_ADAPTIVE_DESCRIPTIONS = {
    ("Avg", 2): "Averages into a fixed output size whatever the input size "
    "(output size 1 gives global average pooling).",
    ("Avg", 1): "Averages a sequence into a fixed length whatever the input length "
    "(output size 1 gives global average pooling).",
    ("Max", 2): "Keeps the largest value of each region, for a fixed output size "
    "whatever the input size (output size 1 gives global max pooling).",
    ("Max", 1): "Keeps the largest value of each stretch of a sequence, for a fixed "
    "length whatever the input length (output size 1 gives global max pooling).",
}

for (_kind, _dims), _description in _ADAPTIVE_DESCRIPTIONS.items():
    register(
        LayerSpec(
            type=f"Adaptive{_kind}Pool{_dims}d",
            category="Pooling",
            description=_description,
            params=(int_param("output_size", 1, maximum=4096),),
            infer=_adaptive_rule(_dims),
            construct=lambda p, i, _name=f"Adaptive{_kind}Pool{_dims}d": (
                f"nn.{_name}({p['output_size']})"
            ),
            key_params=("output_size",),
            short_name="adaptive_pool",
        )
    )


def _lp_pool_rule(params, inputs) -> Inference:
    return _pool_rule(2)({**params, "padding": 0}, inputs)


register(
    LayerSpec(
        type="LPPool2d",
        category="Pooling",
        description="Takes the p-norm of each window: p = 1 sums the magnitudes, "
        "p = 2 is the root of the sum of squares, and a large p comes close to max "
        "pooling.",
        formula="y[i, j] = (sum over the k×k window of xᵖ)^(1/p)",
        params=(
            float_param("norm_type", 2.0, 1.0, 16.0, label="Power p"),
            int_param("kernel_size", 2, maximum=64),
            int_param("stride", 2, maximum=64),
        ),
        infer=_lp_pool_rule,
        construct=lambda p, i: (
            "nn.LPPool2d("
            + render_args(
                [float(p["norm_type"]), p["kernel_size"]],
                {"stride": p["stride"]},
                {"stride": p["kernel_size"]},
            )
            + ")"
        ),
        key_params=("norm_type", "kernel_size", "stride"),
        short_name="lppool",
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
