"""Self-attention and the Transformer encoder layer (batch-first sequences)."""

from __future__ import annotations

from designer.fields import Field, bool_field
from designer.graph.catalog import Inference, LayerSpec, ShapeError, register
from designer.graph.layers._rules import (
    float_param,
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.translatable import QT_TRANSLATE_NOOP


def _sequence(inputs, heads: int):
    shape = single_input(inputs)
    require_rank(shape, (3,), QT_TRANSLATE_NOOP("Problem", "a sequence (N, L, E)"))
    embed = require_known(shape[2], QT_TRANSLATE_NOOP("Problem", "embedding size"))
    if embed % heads:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem", "embedding size {embed} is not divisible by {heads} heads"
            ),
            embed=str(embed),
            heads=str(heads),
        )
    steps = shape[1] if isinstance(shape[1], int) else 1
    return shape, embed, steps


def _attention_rule(params, inputs) -> Inference:
    shape, embed, steps = _sequence(inputs, params["num_heads"])
    bias = 4 * embed if params["bias"] else 0
    return Inference(
        outputs={"out": shape},
        inferred={"embed_dim": embed},
        params=4 * embed * embed + bias,
        macs=steps * 4 * embed * embed + 2 * steps * steps * embed,
    )


register(
    LayerSpec(
        type="MultiheadAttention",
        category="Attention",
        description="Self-attention: every position looks at every other and mixes in what "
        "is relevant, with several heads in parallel.",
        formula="Attention(Q, K, V) = softmax(Q·Kᵀ / √d)·V,  Q = K = V = x",
        params=(
            int_param("num_heads", 4, maximum=256),
            float_param("dropout", 0.0, 0.0, 0.99),
            bool_field("bias", True),
        ),
        infer=_attention_rule,
        construct=lambda p, i: (
            "nn.MultiheadAttention("
            + render_args(
                [i["embed_dim"], p["num_heads"]],
                {"dropout": p["dropout"], "bias": p["bias"], "batch_first": True},
                {"dropout": 0.0, "bias": True},
            )
            + ")"
        ),
        forward=lambda p, i, attr, inputs: (
            f"{attr}({inputs['in']}, {inputs['in']}, {inputs['in']}, need_weights=False)[0]"
        ),
        inferred_names=("embed_dim",),
        key_params=("num_heads",),
        short_name="attention",
    )
)


def _encoder_rule(params, inputs) -> Inference:
    shape, embed, steps = _sequence(inputs, params["nhead"])
    hidden = params["dim_feedforward"]
    attention = 4 * embed * embed + 4 * embed
    feedforward = 2 * embed * hidden + hidden + embed
    return Inference(
        outputs={"out": shape},
        inferred={"d_model": embed},
        params=attention + feedforward + 4 * embed,
        macs=steps * (4 * embed * embed + 2 * embed * hidden)
        + 2 * steps * steps * embed,
    )


register(
    LayerSpec(
        type="TransformerEncoderLayer",
        category="Attention",
        description="One Transformer encoder block: self-attention then a feed-forward "
        "network, each with a residual connection and layer norm.",
        formula="y = LN(x + Attn(x));  out = LN(y + FF(y))",
        params=(
            int_param("nhead", 4, maximum=256),
            int_param("dim_feedforward", 128, maximum=65536),
            float_param("dropout", 0.1, 0.0, 0.99),
            Field("activation", "choice", "relu", choices=("relu", "gelu")),
            bool_field("norm_first", False),
        ),
        infer=_encoder_rule,
        construct=lambda p, i: (
            "nn.TransformerEncoderLayer("
            + render_args(
                [],
                {
                    "d_model": i["d_model"],
                    "nhead": p["nhead"],
                    "dim_feedforward": p["dim_feedforward"],
                    "dropout": p["dropout"],
                    "activation": p["activation"],
                    "batch_first": True,
                    "norm_first": p["norm_first"],
                },
                {"activation": "relu", "norm_first": False},
            )
            + ")"
        ),
        inferred_names=("d_model",),
        key_params=("nhead", "dim_feedforward"),
        short_name="encoder",
    )
)
