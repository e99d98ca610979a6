"""Token embeddings and learned positional embeddings."""

from __future__ import annotations

from designer.graph.catalog import (
    Inference,
    LayerSpec,
    ShapeError,
    needs_tokens,
    register,
)
from designer.graph.layers._rules import (
    int_param,
    require_known,
    require_rank,
    single_input,
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
        ),
        infer=_embedding_rule,
        construct=lambda p, i: (
            f"nn.Embedding({p['num_embeddings']}, {p['embedding_dim']})"
        ),
        key_params=("num_embeddings", "embedding_dim"),
        dtype=needs_tokens,
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
