"""Import rules for the ``torch.nn`` layers added after :mod:`fx_layers`: ReLU6,
Hardsigmoid, Hardtanh, Mish, the reflection, replication and constant pads, adaptive
max pooling, LPPool2d, ConvTranspose1d, the 3-D convolution, pools and batch norm,
EmbeddingBag, ChannelShuffle, CosineSimilarity, Bilinear, TransformerDecoderLayer
and the recurrent cells (RNNCell, GRUCell, LSTMCell).

Each rule reads a traced module and gives the catalog card, or raises
:class:`Unsupported` naming the setting the card cannot express; settings a card
has no field for must hold PyTorch's defaults.  :func:`fx_layers.rule_for` looks
here after its own table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from torch import nn

from designer.export.fx_layers import (
    Card,
    Unsupported,
    _adaptive_avg,
    _batch_norm,
    _conv,
    _pool,
    _require,
    _square,
    transformer_card,
)
from designer.i18n import Cli


def _same_name(kind: str) -> Callable[[Any], Card]:
    """A card without parameters, named like the module."""

    def rule(_m: Any) -> Card:
        return Card(kind, {})

    return rule


def _hardtanh(m: nn.Hardtanh) -> Card:
    return Card("Hardtanh", {"min_val": float(m.min_val), "max_val": float(m.max_val)})


def _one_padding(m: Any) -> int:
    """The padding of a 2-D pad module, the same on every side (cards take one)."""
    padding = tuple(m.padding)
    if len(set(padding)) != 1:
        raise Unsupported(
            Cli.tr("padding {0} differs per side; cards take one").format(padding)
        )
    return int(padding[0])


def _pad(kind: str) -> Callable[[Any], Card]:
    def rule(m: Any) -> Card:
        params: dict[str, Any] = {"padding": _one_padding(m)}
        if kind == "ConstantPad2d":
            params["value"] = float(m.value)
        return Card(kind, params)

    return rule


def _adaptive_max(kind: str) -> Callable[[Any], Card]:
    def rule(m: Any) -> Card:
        if m.return_indices:
            raise Unsupported(
                Cli.tr("return_indices=True (cards give the values only)")
            )
        return _adaptive_avg(kind)(m)

    return rule


def _lp_pool(m: nn.LPPool2d) -> Card:
    if m.ceil_mode:
        raise Unsupported(Cli.tr("ceil_mode=True (only False can be drawn)"))
    stride = m.stride if m.stride is not None else m.kernel_size
    return Card(
        "LPPool2d",
        {
            "norm_type": float(m.norm_type),
            "kernel_size": _square(m.kernel_size, "kernel_size"),
            "stride": _square(stride, "stride"),
        },
    )


def _transposed_1d(m: nn.ConvTranspose1d) -> Card:
    card = _conv("ConvTranspose1d")(m)
    card.params["output_padding"] = _square(m.output_padding, "output_padding")
    return card


def _embedding_bag(m: nn.EmbeddingBag) -> Card:
    _require(
        m,
        max_norm=None,
        scale_grad_by_freq=False,
        sparse=False,
        include_last_offset=False,
        padding_idx=None,
    )
    return Card(
        "EmbeddingBag",
        {
            "num_embeddings": m.num_embeddings,
            "embedding_dim": m.embedding_dim,
            "mode": m.mode,
        },
    )


def _cosine_similarity(m: nn.CosineSimilarity) -> Card:
    _require(m, eps=1e-8)
    return Card("CosineSimilarity", {"dim": m.dim})


def _bilinear(m: nn.Bilinear) -> Card:
    return Card(
        "Bilinear", {"out_features": m.out_features, "bias": m.bias is not None}
    )


def _decoder(m: nn.TransformerDecoderLayer) -> Card:
    """A decoder block called as ``layer(tgt, memory)``; a mask passed in the call
    has no port, so the importer's own check refuses a model that passes one."""
    return transformer_card("TransformerDecoderLayer", m)


def _cell(kind: str) -> Callable[[Any], Card]:
    """A recurrent cell; the importer sets ``state_in`` when the call passes a
    state that is drawn on the canvas."""

    def rule(m: Any) -> Card:
        params: dict[str, Any] = {"hidden_size": m.hidden_size, "bias": bool(m.bias)}
        if kind == "RNNCell":
            params["nonlinearity"] = m.nonlinearity
        return Card(kind, params)

    return rule


MORE_MODULE_RULES: dict[type, Callable[[Any], Card]] = {
    nn.ReLU6: _same_name("ReLU6"),
    nn.Hardsigmoid: _same_name("Hardsigmoid"),
    nn.Hardtanh: _hardtanh,
    nn.Mish: _same_name("Mish"),
    nn.ReflectionPad2d: _pad("ReflectionPad2d"),
    nn.ReplicationPad2d: _pad("ReplicationPad2d"),
    nn.ConstantPad2d: _pad("ConstantPad2d"),
    nn.AdaptiveMaxPool1d: _adaptive_max("AdaptiveMaxPool1d"),
    nn.AdaptiveMaxPool2d: _adaptive_max("AdaptiveMaxPool2d"),
    nn.LPPool2d: _lp_pool,
    nn.ConvTranspose1d: _transposed_1d,
    nn.Conv3d: _conv("Conv3d"),
    nn.MaxPool3d: _pool("MaxPool3d"),
    nn.AvgPool3d: _pool("AvgPool3d"),
    nn.BatchNorm3d: _batch_norm("BatchNorm3d"),
    nn.EmbeddingBag: _embedding_bag,
    nn.ChannelShuffle: lambda m: Card("ChannelShuffle", {"groups": m.groups}),
    nn.CosineSimilarity: _cosine_similarity,
    nn.Bilinear: _bilinear,
    nn.TransformerDecoderLayer: _decoder,
    nn.RNNCell: _cell("RNNCell"),
    nn.GRUCell: _cell("GRUCell"),
    nn.LSTMCell: _cell("LSTMCell"),
}
