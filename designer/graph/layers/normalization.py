"""Normalisation layers (dropout lives beside Linear in dense.py)."""

from __future__ import annotations

from designer.graph.catalog import Inference, LayerSpec, register
from designer.graph.layers._rules import require_known, require_rank, single_input
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
