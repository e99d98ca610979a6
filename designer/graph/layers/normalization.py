"""Normalisation layers (dropout lives beside Linear in dense.py)."""

from __future__ import annotations

import math

from designer.fields import bool_field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import (
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.shape import format_shape
from designer.graph.translatable import QT_TRANSLATE_NOOP


def _batchnorm_rule(ranks: tuple[int, ...], layout: str):
    def rule(_params, inputs) -> Inference:
        shape = single_input(inputs)
        require_rank(shape, ranks, layout)
        features = require_known(
            shape[1], QT_TRANSLATE_NOOP("Problem", "number of channels")
        )
        return Inference(
            outputs={"out": shape},
            inferred={"num_features": features},
            params=2 * features,
        )

    return rule


register(
    LayerSpec(
        type="BatchNorm1d",
        category="Normalization",
        description="Normalises each feature over the batch, then scales and shifts it.",
        formula="y = (x − E[x]) / √(Var[x] + ε) · γ + β",
        params=(),
        infer=_batchnorm_rule(
            (2, 3), QT_TRANSLATE_NOOP("Problem", "(N, C) or (N, C, L)")
        ),
        construct=lambda p, i: f"nn.BatchNorm1d({i['num_features']})",
        inferred_names=("num_features",),
        short_name="batchnorm",
    )
)

register(
    LayerSpec(
        type="BatchNorm2d",
        category="Normalization",
        description="Normalises each channel of an image over the batch and positions.",
        formula="y = (x − E[x]) / √(Var[x] + ε) · γ + β",
        params=(),
        infer=_batchnorm_rule((4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)")),
        construct=lambda p, i: f"nn.BatchNorm2d({i['num_features']})",
        inferred_names=("num_features",),
        short_name="batchnorm",
    )
)


register(
    LayerSpec(
        type="BatchNorm3d",
        category="Normalization",
        description="Normalises each channel of a volume or video clip over the batch "
        "and positions.",
        formula="y = (x − E[x]) / √(Var[x] + ε) · γ + β",
        params=(),
        infer=_batchnorm_rule((5,), QT_TRANSLATE_NOOP("Problem", "(N, C, D, H, W)")),
        construct=lambda p, i: f"nn.BatchNorm3d({i['num_features']})",
        inferred_names=("num_features",),
        short_name="batchnorm",
    )
)


def _layernorm_rule(_params, inputs) -> Inference:
    shape = single_input(inputs)
    features = require_known(shape[-1], QT_TRANSLATE_NOOP("Problem", "last dimension"))
    return Inference(
        outputs={"out": shape},
        inferred={"normalized_shape": features},
        params=2 * features,
    )


register(
    LayerSpec(
        type="LayerNorm",
        category="Normalization",
        description="Normalises each sample over its last dimension (as Transformers do).",
        formula="y = (x − mean(x)) / √(var(x) + ε) · γ + β",
        params=(),
        infer=_layernorm_rule,
        construct=lambda p, i: f"nn.LayerNorm({i['normalized_shape']})",
        inferred_names=("normalized_shape",),
        short_name="layernorm",
    )
)


def _groupnorm_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(
        shape, (2, 3, 4, 5), QT_TRANSLATE_NOOP("Problem", "(N, C) or (N, C, …)")
    )
    channels = require_known(
        shape[1], QT_TRANSLATE_NOOP("Problem", "number of channels")
    )
    groups = params["num_groups"]
    if channels % groups:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "{groups} groups do not divide the {channels} channels"
            ),
            groups=str(groups),
            channels=str(channels),
        )
    return Inference(
        outputs={"out": shape},
        inferred={"num_channels": channels},
        params=2 * channels,
    )


register(
    LayerSpec(
        type="GroupNorm",
        category="Normalization",
        description="Normalises each sample over groups of channels, independent of "
        "the batch size; one group is like LayerNorm over (C, H, W).",
        formula="y = (x − E_group[x]) / √(Var_group[x] + ε) · γ + β",
        params=(
            int_param(
                "num_groups",
                2,
                maximum=4096,
                help="Number of channel groups; must divide the channels",
            ),
        ),
        infer=_groupnorm_rule,
        construct=lambda p, i: f"nn.GroupNorm({p['num_groups']}, {i['num_channels']})",
        inferred_names=("num_channels",),
        key_params=("num_groups",),
        short_name="groupnorm",
    )
)


def _instancenorm_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (4,), QT_TRANSLATE_NOOP("Problem", "(N, C, H, W)"))
    channels = require_known(
        shape[1], QT_TRANSLATE_NOOP("Problem", "number of channels")
    )
    if all(isinstance(d, int) for d in shape[2:]) and math.prod(shape[2:]) == 1:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "needs more than one position per channel to normalise, got {got}",
            ),
            got=format_shape(shape),
        )
    return Inference(
        outputs={"out": shape},
        inferred={"num_features": channels},
        params=2 * channels if params["affine"] else 0,
    )


register(
    LayerSpec(
        type="InstanceNorm2d",
        category="Normalization",
        description="Normalises each channel of each image on its own (style transfer, "
        "GAN generators).",
        formula="y = (x − E_hw[x]) / √(Var_hw[x] + ε) · γ + β",
        params=(
            bool_field("affine", False, help="Learn a scale γ and shift β per channel"),
        ),
        infer=_instancenorm_rule,
        construct=lambda p, i: (
            f"nn.InstanceNorm2d({render_args([i['num_features']], {'affine': p['affine']}, {'affine': False})})"
        ),
        inferred_names=("num_features",),
        short_name="instancenorm",
    )
)
