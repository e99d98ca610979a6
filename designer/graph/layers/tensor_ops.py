"""Small tensor operations real models need between layers: removing or adding a
dimension of size one, scaling by a constant, rearranging channels into pixels,
shuffling channels between groups, zero padding, and cropping one tensor to the
size of another (U-Net's skips)."""

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
    require_known,
    require_rank,
    single_input,
)
from designer.graph.shape import add_dim, format_shape, mul_dim
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message


def _sample_dim(shape, dim: int, extra: int = 0) -> int:
    """Check that sample dimension ``dim`` (1 = the first after the batch) exists."""
    if dim > len(shape) - 1 + extra:
        raise ShapeError(
            QT_TRANSLATE_NOOP("Problem", "dim {dim} does not exist in {shape}"),
            dim=str(dim),
            shape=format_shape(shape),
        )
    return dim


def _squeeze_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    dim = _sample_dim(shape, params["dim"])
    size = require_known(
        shape[dim],
        Message.of(QT_TRANSLATE_NOOP("Problem", "size at dim {dim}"), dim=str(dim)),
    )
    if size != 1:  # as in PyTorch: a dimension that is not 1 stays
        return Inference(outputs={"out": shape})
    return Inference(outputs={"out": (*shape[:dim], *shape[dim + 1 :])})


register(
    LayerSpec(
        type="Squeeze",
        category="Shape",
        description="Removes a dimension of size 1, e.g. (N, 1, 28) → (N, 28) with dim 1 "
        "(a dimension of another size is kept, as in PyTorch).",
        params=(int_param("dim", 1, minimum=1, maximum=5),),
        infer=_squeeze_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: f"{inputs['in']}.squeeze({p['dim']})",
        key_params=("dim",),
    )
)


def _unsqueeze_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    dim = _sample_dim(shape, params["dim"], extra=1)
    return Inference(outputs={"out": (*shape[:dim], 1, *shape[dim:])})


register(
    LayerSpec(
        type="Unsqueeze",
        category="Shape",
        description="Inserts a dimension of size 1, e.g. (N, 28, 28) → (N, 1, 28, 28) "
        "with dim 1, to give an image its channel.",
        params=(int_param("dim", 1, minimum=1, maximum=5),),
        infer=_unsqueeze_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: f"{inputs['in']}.unsqueeze({p['dim']})",
        key_params=("dim",),
    )
)


register(
    LayerSpec(
        type="Scale",
        category="Normalization",
        description="Multiplies every value by a constant, e.g. 1/√d before attention "
        "or 0.1 on a residual branch.",
        formula="y = c · x",
        params=(float_param("factor", 0.5, minimum=-1e6, maximum=1e6),),
        infer=lambda p, inputs: Inference(outputs={"out": single_input(inputs)}),
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: f"{inputs['in']} * {literal(p['factor'])}",
        key_params=("factor",),
    )
)


def _pixel_shuffle_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"))
    factor = params["upscale_factor"]
    channels = require_known(shape[1], QT_TRANSLATE_NOOP("Problem", "channel count"))
    if channels % (factor * factor):
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "{channels} channels do not divide by upscale factor² = {square}",
            ),
            channels=str(channels),
            square=str(factor * factor),
        )
    return Inference(
        outputs={
            "out": (
                shape[0],
                channels // (factor * factor),
                mul_dim(shape[2], factor),
                mul_dim(shape[3], factor),
            )
        }
    )


register(
    LayerSpec(
        type="PixelShuffle",
        category="Pooling",
        description="Turns channels into resolution: (N, C·r², H, W) → (N, C, H·r, W·r) "
        "(sub-pixel upsampling, as in super-resolution networks).",
        params=(int_param("upscale_factor", 2, maximum=8),),
        infer=_pixel_shuffle_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: f"nn.PixelShuffle({p['upscale_factor']})",
        key_params=("upscale_factor",),
        short_name="pixel_shuffle",
    )
)


def _channel_shuffle_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(
        shape,
        (3, 4, 5),
        QT_TRANSLATE_NOOP("Problem", "(N, C, L), (N, C, H, W) or (N, C, D, H, W)"),
    )
    channels = require_known(
        shape[1], QT_TRANSLATE_NOOP("Problem", "number of channels")
    )
    groups = params["groups"]
    if channels % groups:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "{groups} groups do not divide the {channels} channels"
            ),
            groups=str(groups),
            channels=str(channels),
        )
    return Inference(outputs={"out": shape})


register(
    LayerSpec(
        type="ChannelShuffle",
        category="Shape",
        description="Interleaves the channels of its groups, so that the next grouped "
        "layer mixes channels from every group (ShuffleNet).",
        formula="the (g, C/g) grid of channels is read column by column",
        params=(
            int_param(
                "groups",
                2,
                maximum=1024,
                help="Number of groups; must divide the channels",
            ),
        ),
        infer=_channel_shuffle_rule,
        dtype=keeps_dtype,
        # As torchvision's ShuffleNet writes it (nn.ChannelShuffle has no ONNX export):
        # channels (C) → (g, C/g) → (C/g, g) → (C).
        construct=lambda p, i: None,
        forward=lambda p, i, attr, inputs: (
            f"{inputs['in']}.unflatten(1, ({p['groups']}, -1))"
            ".transpose(1, 2).flatten(1, 2)"
        ),
        key_params=("groups",),
        short_name="shuffle",
    )
)


def _pad_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"))
    pad = params["padding"]
    return Inference(
        outputs={
            "out": (*shape[:2], add_dim(shape[2], 2 * pad), add_dim(shape[3], 2 * pad))
        }
    )


register(
    LayerSpec(
        type="ZeroPad2d",
        category="Shape",
        description="Adds a border of zeros around an image, p pixels on each side.",
        params=(int_param("padding", 1, minimum=0, maximum=256),),
        infer=_pad_rule,
        dtype=keeps_dtype,
        construct=lambda p, i: f"nn.ZeroPad2d({p['padding']})",
        key_params=("padding",),
        short_name="pad",
    )
)


def _crop_ports(_params) -> tuple[str, ...]:
    return ("in", "like")


def _crop_rule(params, inputs) -> Inference:
    shape, like = inputs["in"], inputs["like"]
    require_rank(shape, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"))
    require_rank(like, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W) at 'like'"))
    offsets = []
    for axis, what in (
        (2, QT_TRANSLATE_NOOP("Problem", "height")),
        (3, QT_TRANSLATE_NOOP("Problem", "width")),
    ):
        have = require_known(shape[axis], what)
        want = require_known(
            like[axis],
            Message.of(
                QT_TRANSLATE_NOOP("Problem", "{what} at 'like'"), what=Message(what)
            ),
        )
        if want > have:
            raise ShapeError(
                QT_TRANSLATE_NOOP(
                    "Problem", "cannot crop {shape} to the larger {what} {want}"
                ),
                shape=format_shape(shape),
                what=Message(what),
                want=str(want),
            )
        offsets.append((have - want) // 2)
    return Inference(
        outputs={"out": (*shape[:2], like[2], like[3])},
        inferred={
            "top": offsets[0],
            "left": offsets[1],
            "height": like[2],
            "width": like[3],
        },
    )


def _crop_forward(params, inferred, attr, inputs) -> str:
    top, left = inferred["top"], inferred["left"]
    height, width = inferred["height"], inferred["width"]
    return f"{inputs['in']}[:, :, {top}:{top + height}, {left}:{left + width}]"


register(
    LayerSpec(
        type="CropTo",
        category="Shape",
        description="Cuts the centre of an image to the height and width of the tensor "
        "at 'like' (U-Net joins a skip connection to a smaller upsampled map).",
        params=(),
        infer=_crop_rule,
        dtype=lambda p, dtypes: dtypes.get("in", "float"),
        construct=lambda p, i: None,
        forward=_crop_forward,
        inputs=_crop_ports,
        inferred_names=("top", "left"),
        short_name="crop",
    )
)
