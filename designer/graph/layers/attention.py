"""Self-attention and the Transformer encoder and decoder layers, with causal and
key-padding masks.

The graph's sequences are batch-first (N, L, E); ``batch_first`` off runs the
layer time-major inside (L, N, E), as a model built that way does.
"""

from __future__ import annotations

from designer.fields import Field, bool_field
from designer.graph.catalog import (
    FLOAT,
    Inference,
    LayerSpec,
    ShapeError,
    needs_float,
    register,
)
from designer.graph.layers._rules import (
    float_param,
    int_param,
    render_args,
    require_known,
    require_rank,
    single_input,
)
from designer.graph.shape import format_shape
from designer.graph.translatable import QT_TRANSLATE_NOOP

PADDING_PORT = "padding_mask"
CAUSAL_HELP = (
    "Each position attends only to itself and earlier positions (an "
    "upper-triangular mask built for the sequence length), as a language model needs"
)
BATCH_FIRST_HELP = "Off runs the layer time-major inside (L, N, E); the graph's tensors stay batch-first"
KEY_PADDING_FIELD = bool_field(
    "key_padding_port",
    False,
    label="Key padding mask input",
    help="Adds an input for a mask (N, L) that is nonzero (True) at padding "
    "positions, which no position attends to",
)


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


def _check_padding_mask(shape, mask) -> None:
    """A key padding mask is (N, L): one flag per position of the sequence."""
    if len(mask) != 2 or (mask[1] != shape[1]):
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "expects a key padding mask (N, L) for the sequence {shape}, got {got}",
            ),
            shape=format_shape(shape),
            got=format_shape(mask),
        )


def _attention_rule(params, inputs) -> Inference:
    shape, embed, steps = _sequence(inputs, params["num_heads"])
    if PADDING_PORT in inputs:
        _check_padding_mask(shape, inputs[PADDING_PORT])
    bias = 4 * embed if params["bias"] else 0
    return Inference(
        outputs={"out": shape},
        inferred={"embed_dim": embed},
        params=4 * embed * embed + bias,
        macs=steps * 4 * embed * embed + 2 * steps * steps * embed,
    )


def causal_mask(x: str) -> str:
    """Code for the (L, L) mask of the batch-first sequence ``x`` that is True above
    the diagonal: no position attends to a later one."""
    length = f"{x}.shape[1]"
    return (
        f"torch.ones({length}, {length}, dtype=torch.bool, device={x}.device).triu(1)"
    )


def _time_first(x: str, batch_first: bool) -> str:
    return x if batch_first else f"{x}.transpose(0, 1)"


def _attention_forward(params, _inferred, attr: str, inputs) -> str:
    batch_first = params["batch_first"]
    x = _time_first(inputs["in"], batch_first)
    masks = ""
    if PADDING_PORT in inputs:
        masks += f", key_padding_mask={inputs[PADDING_PORT]}.bool()"
    if params["causal"]:
        masks += f", attn_mask={causal_mask(inputs['in'])}, is_causal=True"
    call = f"{attr}({x}, {x}, {x}{masks}, need_weights=False)[0]"
    return call if batch_first else f"{call}.transpose(0, 1)"


def _attention_inputs(params) -> tuple[str, ...]:
    return ("in", PADDING_PORT) if params["key_padding_port"] else ("in",)


def _attention_dtype(params, dtypes) -> str:
    """The sequence must be real numbers; the padding mask may be ids or flags."""
    needs_float(params, {port: d for port, d in dtypes.items() if port == "in"})
    return FLOAT


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
            bool_field("causal", False, help=CAUSAL_HELP),
            KEY_PADDING_FIELD,
            bool_field("batch_first", True, help=BATCH_FIRST_HELP),
        ),
        infer=_attention_rule,
        construct=lambda p, i: (
            "nn.MultiheadAttention("
            + render_args(
                [i["embed_dim"], p["num_heads"]],
                {
                    "dropout": p["dropout"],
                    "bias": p["bias"],
                    "batch_first": p["batch_first"],
                },
                {"dropout": 0.0, "bias": True, "batch_first": False},
            )
            + ")"
        ),
        forward=_attention_forward,
        inputs=_attention_inputs,
        dtype=_attention_dtype,
        inferred_names=("embed_dim",),
        key_params=("num_heads",),
        short_name="attention",
    )
)


def _encoder_rule(params, inputs) -> Inference:
    shape, embed, steps = _sequence(inputs, params["nhead"])
    if PADDING_PORT in inputs:
        _check_padding_mask(shape, inputs[PADDING_PORT])
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


def _encoder_forward(params, _inferred, attr: str, inputs) -> str:
    batch_first = params["batch_first"]
    x = _time_first(inputs["in"], batch_first)
    mask = ""
    if params["causal"]:
        mask = f", src_mask={causal_mask(inputs['in'])}, is_causal=True"
    if PADDING_PORT in inputs:
        mask += f", src_key_padding_mask={inputs[PADDING_PORT]}.bool()"
    call = f"{attr}({x}{mask})"
    return call if batch_first else f"{call}.transpose(0, 1)"


def _block_fields(causal_help: str, *masks: Field) -> tuple[Field, ...]:
    """The settings the Transformer encoder and decoder layers share, with ``masks``
    (a key-padding-mask port switch) after the causal switch."""
    return (
        int_param("nhead", 4, maximum=256),
        int_param("dim_feedforward", 128, maximum=65536),
        float_param("dropout", 0.1, 0.0, 0.99),
        Field("activation", "choice", "relu", choices=("relu", "gelu")),
        bool_field("norm_first", False),
        bool_field("causal", False, help=causal_help),
        *masks,
        bool_field("batch_first", True, help=BATCH_FIRST_HELP),
    )


def _block_constructor(class_name: str):
    """``nn.TransformerEncoderLayer(d_model=…, …)`` (or the decoder's) for a card."""

    def construct(params, inferred) -> str:
        arguments = {
            "d_model": inferred["d_model"],
            **{
                name: params[name]
                for name in (
                    "nhead",
                    "dim_feedforward",
                    "dropout",
                    "activation",
                    "batch_first",
                    "norm_first",
                )
            },
        }
        defaults = {"activation": "relu", "batch_first": False, "norm_first": False}
        return f"nn.{class_name}({render_args([], arguments, defaults)})"

    return construct


register(
    LayerSpec(
        type="TransformerEncoderLayer",
        category="Attention",
        description="One Transformer encoder block: self-attention then a feed-forward "
        "network, each with a residual connection and layer norm.",
        formula="y = LN(x + Attn(x));  out = LN(y + FF(y))",
        params=_block_fields(CAUSAL_HELP, KEY_PADDING_FIELD),
        infer=_encoder_rule,
        construct=_block_constructor("TransformerEncoderLayer"),
        forward=_encoder_forward,
        inputs=_attention_inputs,
        dtype=_attention_dtype,
        inferred_names=("d_model",),
        key_params=("nhead", "dim_feedforward"),
        short_name="encoder",
    )
)


TARGET_PORT, MEMORY_PORT = "tgt", "memory"


def _decoder_rule(params, inputs) -> Inference:
    target, embed, steps = _sequence({"in": inputs[TARGET_PORT]}, params["nhead"])
    memory = inputs[MEMORY_PORT]
    if len(memory) != 3 or memory[2] != embed:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "expects a memory (N, S, {embed}) with the target's embedding size, "
                "got {got}",
            ),
            embed=str(embed),
            got=format_shape(memory),
        )
    sources = memory[1] if isinstance(memory[1], int) else 1
    hidden = params["dim_feedforward"]
    attention = 4 * embed * embed + 4 * embed
    feedforward = 2 * embed * hidden + hidden + embed
    return Inference(
        outputs={"out": target},
        inferred={"d_model": embed},
        params=2 * attention + feedforward + 6 * embed,
        macs=steps * (6 * embed * embed + 2 * embed * hidden)
        + sources * 2 * embed * embed
        + 2 * steps * (steps + sources) * embed,
    )


def _decoder_forward(params, _inferred, attr: str, inputs) -> str:
    batch_first = params["batch_first"]
    target = _time_first(inputs[TARGET_PORT], batch_first)
    memory = _time_first(inputs[MEMORY_PORT], batch_first)
    mask = ""
    if params["causal"]:
        mask = f", tgt_mask={causal_mask(inputs[TARGET_PORT])}, tgt_is_causal=True"
    call = f"{attr}({target}, {memory}{mask})"
    return call if batch_first else f"{call}.transpose(0, 1)"


register(
    LayerSpec(
        type="TransformerDecoderLayer",
        category="Attention",
        description="One Transformer decoder block: self-attention over the target "
        "sequence, attention from the target to the encoder's output (the memory), "
        "then a feed-forward network, each with a residual connection and layer norm.",
        formula="y = LN(t + Attn(t));  z = LN(y + Attn(y, memory));  out = LN(z + FF(z))",
        params=_block_fields(
            "Each target position attends only to itself and earlier target "
            "positions, as a decoder that generates one step at a time needs"
        ),
        infer=_decoder_rule,
        construct=_block_constructor("TransformerDecoderLayer"),
        forward=_decoder_forward,
        inputs=lambda p: (TARGET_PORT, MEMORY_PORT),
        inferred_names=("d_model",),
        key_params=("nhead", "dim_feedforward"),
        short_name="decoder",
    )
)
