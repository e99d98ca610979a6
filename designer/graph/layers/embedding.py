"""Token embeddings (one per token, or pooled over a bag of tokens), learned positional
embeddings and the fixed sinusoidal encoding."""

from __future__ import annotations

from designer.fields import choice_field
from designer.graph.catalog import (
    Inference,
    LayerSpec,
    ShapeError,
    needs_tokens,
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
from designer.graph.layers.weight_init import (
    WITHOUT_ZEROS,
    init_param,
    init_weight_and_bias,
)
from designer.graph.shape import format_shape
from designer.graph.translatable import QT_TRANSLATE_NOOP


def _embedding_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (2,), QT_TRANSLATE_NOOP("Problem", "token ids (N, L)"))
    vocab, dim = params["num_embeddings"], params["embedding_dim"]
    return Inference(outputs={"out": (*shape, dim)}, params=vocab * dim)


register(
    LayerSpec(
        type="Embedding",
        category="Embedding",
        description="Looks up a learned vector for each integer token id: (N, L) → (N, L, E). "
        "Feed it from an Input of dtype long.",
        formula="y[n, t] = W[x[n, t]]",
        params=(
            int_param(
                "num_embeddings",
                1000,
                maximum=1_000_000,
                help="Vocabulary size (largest token id + 1)",
            ),
            int_param("embedding_dim", 64, maximum=65536),
            init_param(WITHOUT_ZEROS),
        ),
        infer=_embedding_rule,
        construct=lambda p, i: (
            f"nn.Embedding({p['num_embeddings']}, {p['embedding_dim']})"
        ),
        initialise=init_weight_and_bias(lambda params: False),
        key_params=("num_embeddings", "embedding_dim"),
        dtype=needs_tokens,
    )
)


def _embedding_bag_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (2,), QT_TRANSLATE_NOOP("Problem", "token ids (N, L)"))
    vocab, dim = params["num_embeddings"], params["embedding_dim"]
    return Inference(outputs={"out": (shape[0], dim)}, params=vocab * dim)


register(
    LayerSpec(
        type="EmbeddingBag",
        category="Embedding",
        description="Looks up a learned vector for each token id and pools each "
        "sequence into one vector (mean, sum or max): (N, L) → (N, E). A fast start "
        "for text classification; word order is lost.",
        formula="y[n] = mean (or sum, max) of W[x[n, t]] over the positions t",
        params=(
            int_param(
                "num_embeddings",
                1000,
                maximum=1_000_000,
                help="Vocabulary size (largest token id + 1)",
            ),
            int_param("embedding_dim", 64, maximum=65536),
            choice_field(
                "mode",
                "mean",
                {"mean": "Mean", "sum": "Sum", "max": "Max"},
                help="How the vectors of one sequence are pooled",
            ),
            init_param(WITHOUT_ZEROS),
        ),
        infer=_embedding_bag_rule,
        construct=lambda p, i: (
            "nn.EmbeddingBag("
            + render_args(
                [p["num_embeddings"], p["embedding_dim"]],
                {"mode": p["mode"]},
                {"mode": "mean"},
            )
            + ")"
        ),
        initialise=init_weight_and_bias(lambda params: False),
        key_params=("num_embeddings", "embedding_dim", "mode"),
        dtype=needs_tokens,
        short_name="embedding_bag",
    )
)

POSITIONAL_SUPPORT = '''
class LearnedPositionalEmbedding(nn.Module):
    """Adds a learned vector for each position 0..max_len-1 to a sequence (N, L, E)."""

    def __init__(self, max_len: int, embedding_dim: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(max_len, embedding_dim))
        nn.init.normal_(self.weight, std=0.02)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        length = x.shape[1]
        if length > self.weight.shape[0]:
            raise ValueError(
                f"sequence length {length} exceeds max_len {len(self.weight)}"
            )
        return x + self.weight[:length]
'''


def _positional_rule(params, inputs) -> Inference:
    shape = single_input(inputs)
    require_rank(shape, (3,), QT_TRANSLATE_NOOP("Problem", "a sequence (N, L, E)"))
    dim = require_known(shape[2], QT_TRANSLATE_NOOP("Problem", "embedding size"))
    length = shape[1]
    if isinstance(length, int) and length > params["max_len"]:
        raise ShapeError(
            QT_TRANSLATE_NOOP(
                "Problem",
                "sequence length {length} of {shape} exceeds max_len {max_len}",
            ),
            length=str(length),
            shape=format_shape(shape),
            max_len=str(params["max_len"]),
        )
    return Inference(
        outputs={"out": shape},
        inferred={"embedding_dim": dim},
        params=params["max_len"] * dim,
    )


register(
    LayerSpec(
        type="PositionalEmbedding",
        category="Embedding",
        description="Adds a learned vector for each position so attention can tell order apart.",
        formula="y[n, t] = x[n, t] + P[t]",
        params=(
            int_param(
                "max_len", 512, maximum=100_000, help="Longest sequence supported"
            ),
        ),
        infer=_positional_rule,
        construct=lambda p, i: (
            f"LearnedPositionalEmbedding({p['max_len']}, {i['embedding_dim']})"
        ),
        inferred_names=("embedding_dim",),
        key_params=("max_len",),
        short_name="pos_embedding",
        support_code=POSITIONAL_SUPPORT,
    )
)

SINUSOIDAL_SUPPORT = '''
class SinusoidalPositionalEncoding(nn.Module):
    """Adds the fixed sine/cosine table of "Attention Is All You Need" to a
    sequence (N, L, E): PE[t, 2i] = sin(t / 10000^(2i/E)), PE[t, 2i+1] = cos(…).
    Nothing is learned; the table is a buffer, not a parameter."""

    def __init__(self, embedding_dim: int, max_len: int, dropout: float = 0.0) -> None:
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        position = torch.arange(max_len, dtype=torch.float32).unsqueeze(1)
        even = torch.arange(0, embedding_dim, 2, dtype=torch.float32)
        angles = position / 10000.0 ** (even / embedding_dim)
        table = torch.zeros(max_len, embedding_dim)
        table[:, 0::2] = torch.sin(angles)
        table[:, 1::2] = torch.cos(angles[:, : embedding_dim // 2])
        self.register_buffer("table", table, persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        length = x.shape[1]
        if length > self.table.shape[0]:
            raise ValueError(
                f"sequence length {length} exceeds max_len {self.table.shape[0]}"
            )
        return self.dropout(x + self.table[:length])
'''


def _sinusoidal_rule(params, inputs) -> Inference:
    inference = _positional_rule(params, inputs)
    return Inference(outputs=inference.outputs, inferred=inference.inferred)


register(
    LayerSpec(
        type="SinusoidalPositionalEncoding",
        category="Embedding",
        description="Adds a fixed pattern of sines and cosines for each position, so "
        "attention can tell order apart; nothing is learned, and it works for any "
        "length up to max_len.",
        formula="PE[t, 2i] = sin(t / 10000^(2i/E)),  PE[t, 2i+1] = cos(t / 10000^(2i/E));"
        "  y = Dropout(x + PE[:L])",
        params=(
            int_param(
                "max_len", 512, maximum=100_000, help="Longest sequence supported"
            ),
            float_param(
                "dropout", 0.0, 0.0, 0.99, help="Dropout after adding the encoding"
            ),
        ),
        infer=_sinusoidal_rule,
        construct=lambda p, i: (
            "SinusoidalPositionalEncoding("
            + render_args(
                [i["embedding_dim"], p["max_len"]],
                {"dropout": p["dropout"]},
                {"dropout": 0.0},
            )
            + ")"
        ),
        inferred_names=("embedding_dim",),
        key_params=("max_len",),
        short_name="pos_encoding",
        support_code=SINUSOIDAL_SUPPORT,
    )
)
