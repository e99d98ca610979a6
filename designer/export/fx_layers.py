"""Which ``torch.nn`` modules and functions become which layer cards, with which settings.

Each rule reads a traced module (or a function call's arguments and the tensor
shapes ``ShapeProp`` found) and gives the catalog type and its parameters, or
raises :class:`Unsupported` naming the setting the catalog cannot express.
Settings a card has no field for must hold PyTorch's defaults: anything else
would export to code that computes something different.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from designer.i18n import Cli


class Unsupported(Exception):
    """A module or call the catalog cannot express; the message says what and why."""


@dataclass(frozen=True)
class Card:
    """A layer card to create: its catalog type and parameters."""

    type: str
    params: dict[str, Any]


def _square(value: Any, what: str) -> int:
    """One int for a setting PyTorch allows per dimension (the cards take one)."""
    if isinstance(value, int):
        return value
    if isinstance(value, tuple | list) and len(set(value)) == 1:
        return int(value[0])
    differs = Cli.tr("{0} {1} differs per dimension; cards take one")
    raise Unsupported(differs.format(what, tuple(value)))


def _require(module: Any, **expected: Any) -> None:
    """Settings a card has no field for must hold their defaults."""
    for name, default in expected.items():
        value = getattr(module, name, default)
        if value != default:
            only = Cli.tr("{0}={1} (only {2} can be drawn)")
            raise Unsupported(only.format(name, repr(value), repr(default)))


def _linear(m: nn.Linear) -> Card:
    return Card("Linear", {"out_features": m.out_features, "bias": m.bias is not None})


def _conv(kind: str) -> Callable[[Any], Card]:
    def rule(m: Any) -> Card:
        _require(m, padding_mode="zeros")
        if m.padding == "same" and kind != "ConvTranspose2d":
            padding: int | str = "same"
        else:
            padding = 0 if m.padding == "valid" else _square(m.padding, "padding")
        params = {
            "out_channels": m.out_channels,
            "kernel_size": _square(m.kernel_size, "kernel_size"),
            "stride": _square(m.stride, "stride"),
            "padding": padding,
            "dilation": _square(m.dilation, "dilation"),
            "groups": m.groups,
            "bias": m.bias is not None,
        }
        if kind == "ConvTranspose2d":
            params["output_padding"] = _square(m.output_padding, "output_padding")
        return Card(kind, params)

    return rule


def _pool(kind: str) -> Callable[[Any], Card]:
    def rule(m: Any) -> Card:
        if kind.startswith("MaxPool"):
            _require(m, dilation=1, return_indices=False)
        else:
            _require(m, ceil_mode=False, count_include_pad=True, divisor_override=None)
        stride = m.stride if m.stride is not None else m.kernel_size
        params = {
            "kernel_size": _square(m.kernel_size, "kernel_size"),
            "stride": _square(stride, "stride"),
            "padding": _square(m.padding, "padding"),
        }
        if kind.startswith("MaxPool"):
            params["ceil_mode"] = bool(m.ceil_mode)
        return Card(kind, params)

    return rule


def _adaptive_avg(kind: str) -> Callable[[Any], Card]:
    def rule(m: Any) -> Card:
        if m.output_size is None or (
            isinstance(m.output_size, tuple | list) and None in m.output_size
        ):
            raise Unsupported(Cli.tr("output_size None (keeping an input size)"))
        return Card(kind, {"output_size": _square(m.output_size, "output_size")})

    return rule


def _upsample(m: nn.Upsample) -> Card:
    if m.mode not in ("nearest", "bilinear"):
        raise Unsupported(Cli.tr("mode={0} (nearest or bilinear)").format(repr(m.mode)))
    params: dict[str, Any] = {"mode": m.mode, "align_corners": bool(m.align_corners)}
    if m.size is not None:
        params["size"] = _square(m.size, "size")
        return Card("Upsample", params)
    scale = m.scale_factor
    if isinstance(scale, tuple | list):
        if len(set(scale)) != 1:
            raise Unsupported(
                Cli.tr("scale_factor {0} differs per dimension").format(tuple(scale))
            )
        scale = scale[0]
    if float(scale) != int(scale):
        raise Unsupported(Cli.tr("scale_factor={0} (whole numbers only)").format(scale))
    params["scale_factor"] = int(scale)
    return Card("Upsample", params)


def _zero_pad(m: nn.ZeroPad2d) -> Card:
    padding = m.padding
    if isinstance(padding, tuple | list):
        if len(set(padding)) != 1:
            raise Unsupported(
                Cli.tr("padding {0} differs per side").format(tuple(padding))
            )
        padding = padding[0]
    return Card("ZeroPad2d", {"padding": int(padding)})


def _batch_norm(kind: str) -> Callable[[Any], Card]:
    def rule(m: Any) -> Card:
        _require(m, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)
        return Card(kind, {})

    return rule


def _group_norm(m: nn.GroupNorm) -> Card:
    _require(m, eps=1e-5, affine=True)
    return Card("GroupNorm", {"num_groups": m.num_groups})


def _instance_norm(m: nn.InstanceNorm2d) -> Card:
    _require(m, eps=1e-5, momentum=0.1, track_running_stats=False)
    return Card("InstanceNorm2d", {"affine": bool(m.affine)})


def _prelu(m: nn.PReLU) -> Card:
    return Card("PReLU", {"per_channel": m.num_parameters > 1})


def _softplus(m: nn.Softplus) -> Card:
    _require(m, threshold=20.0)
    return Card("Softplus", {"beta": float(m.beta)})


def _layer_norm(m: nn.LayerNorm) -> Card:
    if len(m.normalized_shape) != 1:
        raise Unsupported(
            Cli.tr("normalized_shape={0} (the last dimension only)").format(
                tuple(m.normalized_shape)
            )
        )
    _require(m, eps=1e-5, elementwise_affine=True)
    if m.elementwise_affine and m.bias is None:
        raise Unsupported(Cli.tr("bias=False"))
    return Card("LayerNorm", {})


def _plain(kind: str, **fields: str) -> Callable[[Any], Card]:
    """A card whose parameters are attributes of the module under the same names."""

    def rule(m: Any) -> Card:
        return Card(kind, {card: getattr(m, attr) for card, attr in fields.items()})

    return rule


def _gelu(m: nn.GELU) -> Card:
    _require(m, approximate="none")
    return Card("GELU", {})


def _softmax(kind: str) -> Callable[[Any], Card]:
    def rule(m: Any) -> Card:
        if m.dim is None:
            raise Unsupported(Cli.tr("dim=None (give the dimension)"))
        return Card(kind, {"dim": m.dim})

    return rule


def _flatten(m: nn.Flatten) -> Card:
    if m.end_dim != -1:
        raise Unsupported(
            Cli.tr("end_dim={0} (flattening to the end only)").format(m.end_dim)
        )
    return Card("Flatten", {"start_dim": m.start_dim})


def _embedding(m: nn.Embedding) -> Card:
    _require(m, padding_idx=None, max_norm=None, scale_grad_by_freq=False, sparse=False)
    return Card(
        "Embedding",
        {"num_embeddings": m.num_embeddings, "embedding_dim": m.embedding_dim},
    )


def _recurrent(kind: str) -> Callable[[Any], Card]:
    def rule(m: Any) -> Card:
        _require(m, proj_size=0, bias=True)
        params = {
            "hidden_size": m.hidden_size,
            "num_layers": m.num_layers,
            "bidirectional": m.bidirectional,
            # Off: the card's port stays batch-first, its code transposes around
            # the layer (the importer folds the model's own permutes away).
            "batch_first": bool(m.batch_first),
            "dropout": float(m.dropout),
        }
        if kind == "RNN":
            params["nonlinearity"] = m.nonlinearity
        return Card(kind, params)

    return rule


def _attention(m: nn.MultiheadAttention) -> Card:
    if not m._qkv_same_embed_dim or m.bias_k is not None or m.add_zero_attn:
        raise Unsupported(Cli.tr("separate key/value sizes or extra key/value biases"))
    return Card(
        "MultiheadAttention",
        {
            "num_heads": m.num_heads,
            "dropout": float(m.dropout),
            "bias": m.in_proj_bias is not None,
            "batch_first": bool(m.batch_first),
        },
    )


def transformer_card(kind: str, m: Any) -> Card:
    """The card of a Transformer encoder or decoder layer (``kind``) with ``m``'s
    settings; what a card cannot hold is :class:`Unsupported`."""
    attention = m.self_attn
    activation = {F.relu: "relu", F.gelu: "gelu"}.get(m.activation)  # type: ignore[call-overload]
    if activation is None:
        raise Unsupported(
            Cli.tr("activation {0} (relu or gelu)").format(repr(m.activation))
        )
    if m.norm1.eps != 1e-5 or attention.in_proj_bias is None:
        raise Unsupported(Cli.tr("layer_norm_eps or bias other than the defaults"))
    return Card(
        kind,
        {
            "nhead": attention.num_heads,
            "dim_feedforward": m.linear1.out_features,
            "dropout": float(m.dropout.p),
            "activation": activation,
            "norm_first": m.norm_first,
            "batch_first": bool(attention.batch_first),
        },
    )


def _encoder(m: nn.TransformerEncoderLayer) -> Card:
    return transformer_card("TransformerEncoderLayer", m)


MODULE_RULES: dict[type, Callable[[Any], Card]] = {
    nn.Linear: _linear,
    nn.Conv1d: _conv("Conv1d"),
    nn.Conv2d: _conv("Conv2d"),
    nn.ConvTranspose2d: _conv("ConvTranspose2d"),
    nn.MaxPool2d: _pool("MaxPool2d"),
    nn.AvgPool2d: _pool("AvgPool2d"),
    nn.MaxPool1d: _pool("MaxPool1d"),
    nn.AvgPool1d: _pool("AvgPool1d"),
    nn.AdaptiveAvgPool1d: _adaptive_avg("AdaptiveAvgPool1d"),
    nn.AdaptiveAvgPool2d: _adaptive_avg("AdaptiveAvgPool2d"),
    nn.Upsample: _upsample,
    nn.PixelShuffle: _plain("PixelShuffle", upscale_factor="upscale_factor"),
    nn.ZeroPad2d: _zero_pad,
    nn.Dropout: _plain("Dropout", p="p"),
    nn.Dropout2d: _plain("Dropout2d", p="p"),
    nn.GroupNorm: _group_norm,
    nn.InstanceNorm2d: _instance_norm,
    nn.SiLU: _plain("SiLU"),
    nn.Hardswish: _plain("Hardswish"),
    nn.Softplus: _softplus,
    nn.PReLU: _prelu,
    nn.BatchNorm1d: _batch_norm("BatchNorm1d"),
    nn.BatchNorm2d: _batch_norm("BatchNorm2d"),
    nn.LayerNorm: _layer_norm,
    nn.ReLU: _plain("ReLU"),
    nn.LeakyReLU: _plain("LeakyReLU", negative_slope="negative_slope"),
    nn.GELU: _gelu,
    nn.ELU: _plain("ELU", alpha="alpha"),
    nn.Sigmoid: _plain("Sigmoid"),
    nn.Tanh: _plain("Tanh"),
    nn.Softmax: _softmax("Softmax"),
    nn.LogSoftmax: _softmax("LogSoftmax"),
    nn.Flatten: _flatten,
    nn.Embedding: _embedding,
    nn.RNN: _recurrent("RNN"),
    nn.LSTM: _recurrent("LSTM"),
    nn.GRU: _recurrent("GRU"),
    nn.MultiheadAttention: _attention,
    nn.TransformerEncoderLayer: _encoder,
}
# Calls that change nothing a card shows (``nn.Identity``, ``x.contiguous()``).
PASS_THROUGH_MODULES = (nn.Identity,)
PASS_THROUGH_METHODS = frozenset({"contiguous", "float", "clone"})
# Casts drawn as nothing when ids stay ids and numbers numbers (d2l's
# ``X.t().type(torch.int64)``); the cards' own code gives the dtype they need.
CASTS = frozenset({"type", "to", "long", "int"})


def rule_for(module: Any) -> Callable[[Any], Card] | None:
    """The module's rule, here or among the newer layers' in fx_more_layers."""
    from designer.export.fx_more_layers import MORE_MODULE_RULES  # imports this module

    return MODULE_RULES.get(type(module)) or MORE_MODULE_RULES.get(type(module))


# -- functions and tensor methods ---------------------------------------------------
Shape = Sequence[int]


def _dim(value: int, rank: int) -> int:
    return value + rank if value < 0 else value


def _activation(kind: str) -> Callable[..., Card]:
    def rule(args: list[Any], kwargs: dict[str, Any], shapes: list[Shape]) -> Card:
        if kwargs.get("inplace") or (len(args) > 1 and kind == "ReLU" and args[1]):
            pass  # in place or not, the values are the same
        if kind == "LeakyReLU":
            slope = kwargs.get("negative_slope", args[1] if len(args) > 1 else 0.01)
            return Card(kind, {"negative_slope": float(slope)})
        if kind == "ELU":
            return Card(kind, {"alpha": float(kwargs.get("alpha", 1.0))})
        if kind == "GELU" and kwargs.get("approximate", "none") != "none":
            raise Unsupported(Cli.tr("approximate GELU"))
        return Card(kind, {})

    return rule


def _softmax_call(kind: str) -> Callable[..., Card]:
    def rule(args: list[Any], kwargs: dict[str, Any], shapes: list[Shape]) -> Card:
        dim = kwargs.get("dim", args[1] if len(args) > 1 else None)
        if not isinstance(dim, int):
            raise Unsupported(Cli.tr("softmax without a dimension"))
        return Card(kind, {"dim": dim})

    return rule


def _merge(kind: str) -> Callable[..., Card]:
    def rule(args: list[Any], kwargs: dict[str, Any], shapes: list[Shape]) -> Card:
        constants = [a for a in args if isinstance(a, int | float)]
        if kind == "Multiply" and len(shapes) == 1 and len(constants) == 1:
            return Card("Scale", {"factor": float(constants[0])})
        if len(shapes) != 2 or kwargs.get("alpha", 1) != 1:
            raise Unsupported(
                Cli.tr("{0} with a constant (only of two tensors)").format(kind.lower())
            )
        if list(shapes[0]) != list(shapes[1]):
            raise Unsupported(
                Cli.tr("{0} of shapes {1} and {2} (broadcasting is not drawn)").format(
                    kind.lower(), tuple(shapes[0]), tuple(shapes[1])
                )
            )
        return Card(kind, {"inputs": 2})

    return rule


def _cat(args: list[Any], kwargs: dict[str, Any], shapes: list[Shape]) -> Card:
    dim = kwargs.get("dim", args[1] if len(args) > 1 else 0)
    dim = _dim(dim, len(shapes[0]))
    if dim == 0:
        raise Unsupported(Cli.tr("concatenating along the batch"))
    return Card("Concat", {"inputs": len(shapes), "dim": dim})


def _divide(args: list[Any], kwargs: dict[str, Any], shapes: list[Shape]) -> Card:
    if len(args) != 2 or len(shapes) != 1 or not isinstance(args[1], int | float):
        raise Unsupported(Cli.tr("division other than a tensor by a number"))
    if args[1] == 0:
        raise Unsupported(Cli.tr("division by zero"))
    return Card("Scale", {"factor": 1.0 / float(args[1])})


def _squeeze(unsqueeze: bool) -> Callable[..., Card]:
    def rule(args: list[Any], kwargs: dict[str, Any], shapes: list[Shape]) -> Card:
        dim = kwargs.get("dim", args[1] if len(args) > 1 else None)
        if not isinstance(dim, int):
            raise Unsupported(Cli.tr("squeeze without a single dimension"))
        dim = _dim(dim, len(shapes[0]) + (1 if unsqueeze else 0))
        if dim == 0:
            raise Unsupported(Cli.tr("changing the batch dimension"))
        return Card("Unsqueeze" if unsqueeze else "Squeeze", {"dim": dim})

    return rule


def _flatten_call(args: list[Any], kwargs: dict[str, Any], shapes: list[Shape]) -> Card:
    start = kwargs.get("start_dim", args[1] if len(args) > 1 else 0)
    end = kwargs.get("end_dim", args[2] if len(args) > 2 else -1)
    if _dim(end, len(shapes[0])) != len(shapes[0]) - 1 or start == 0:
        raise Unsupported(
            Cli.tr("flattening that keeps no batch or stops before the end")
        )
    return Card("Flatten", {"start_dim": start})


FUNCTION_RULES: dict[Any, Callable[..., Card]] = {
    operator.add: _merge("Add"),
    torch.add: _merge("Add"),
    operator.mul: _merge("Multiply"),
    torch.mul: _merge("Multiply"),
    operator.truediv: _divide,
    torch.squeeze: _squeeze(False),
    torch.unsqueeze: _squeeze(True),
    torch.cat: _cat,
    torch.concat: _cat,
    torch.flatten: _flatten_call,
    torch.relu: _activation("ReLU"),
    F.relu: _activation("ReLU"),
    torch.sigmoid: _activation("Sigmoid"),
    F.sigmoid: _activation("Sigmoid"),
    torch.tanh: _activation("Tanh"),
    F.tanh: _activation("Tanh"),
    F.gelu: _activation("GELU"),
    F.elu: _activation("ELU"),
    F.leaky_relu: _activation("LeakyReLU"),
    F.silu: _activation("SiLU"),
    F.hardswish: _activation("Hardswish"),
    F.softmax: _softmax_call("Softmax"),
    torch.softmax: _softmax_call("Softmax"),
    F.log_softmax: _softmax_call("LogSoftmax"),
    torch.log_softmax: _softmax_call("LogSoftmax"),
}
METHOD_RULES: dict[str, Callable[..., Card]] = {
    "add": _merge("Add"),
    "mul": _merge("Multiply"),
    "flatten": _flatten_call,
    "squeeze": _squeeze(False),
    "unsqueeze": _squeeze(True),
    "relu": _activation("ReLU"),
    "sigmoid": _activation("Sigmoid"),
    "tanh": _activation("Tanh"),
    "softmax": _softmax_call("Softmax"),
    "log_softmax": _softmax_call("LogSoftmax"),
}
# Calls whose result is the input's values in another arrangement: drawn as Reshape
# (the output's shape) or Permute (the order of the sample dimensions).
RESHAPES = frozenset({"view", "reshape"})
PERMUTES = frozenset({"permute", "transpose", "swapaxes", "swapdims", "t"})
RESHAPE_FUNCTIONS = (torch.reshape,)
PERMUTE_FUNCTIONS = (torch.permute, torch.transpose, torch.swapaxes, torch.t)
# Cards that act on each position alone (on the last dimension, or on every value):
# on a time-major tensor they give a time-major tensor, the same card drawn on the
# batch-first port.  Those with a ``dim`` get it with dimensions 0 and 1 swapped.
PER_POSITION_CARDS = frozenset(
    {
        "Linear",
        "Dropout",
        "LayerNorm",
        "Embedding",
        "Identity",
        "Scale",
        "Add",
        "Multiply",
        "Concat",
        "Softmax",
        "LogSoftmax",
        "ReLU",
        "ReLU6",
        "LeakyReLU",
        "GELU",
        "ELU",
        "SiLU",
        "Mish",
        "Hardswish",
        "Hardsigmoid",
        "Hardtanh",
        "Sigmoid",
        "Tanh",
        "Softplus",
    }
)


def reshape_card(out_shape: Shape) -> Card:
    return Card("Reshape", {"shape": [int(d) for d in out_shape[1:]]})


def permutation(name: str, args: list[Any], rank: int) -> list[int]:
    """The order of dimensions ``x.permute(...)``/``x.transpose(a, b)`` makes."""
    if name == "t":
        return [1, 0, *range(2, rank)]
    if name in ("transpose", "swapaxes", "swapdims"):
        a, b = (_dim(int(d), rank) for d in args[:2])
        order = list(range(rank))
        order[a], order[b] = order[b], order[a]
        return order
    dims = args[0] if len(args) == 1 and isinstance(args[0], list | tuple) else args
    return [_dim(int(d), rank) for d in dims]


def swap_time(dim: int, rank: int) -> int:
    """Dimension ``dim`` of a time-major tensor, on its batch-first port."""
    dim = _dim(dim, rank)
    return {0: 1, 1: 0}.get(dim, dim)


def permute_card(
    name: str, args: list[Any], rank: int, time_major: bool = False
) -> tuple[Card | None, bool]:
    """What ``x.permute(...)``/``x.transpose(a, b)`` (args after the tensor) of a
    batch-first (or ``time_major``) tensor is on the canvas: a Permute card, or
    None when the port itself holds the values, and whether the result is time-major
    (the batch second, as ``x.permute(1, 0, 2)`` makes it for a recurrent layer
    built without batch_first)."""
    order = permutation(name, args, rank)
    swap = [1, 0, *range(2, rank)] if time_major else list(range(rank))
    from_port = [swap[d] for d in order]  # the result, from the batch-first port
    if from_port[0] == 0:
        dims, result_time_major = from_port, False
    elif rank > 1 and from_port[1] == 0:
        dims, result_time_major = [from_port[1], from_port[0], *from_port[2:]], True
    else:
        raise Unsupported(Cli.tr("moving the batch dimension past the second place"))
    if dims == list(range(rank)):
        return None, result_time_major
    return Card("Permute", {"dims": dims[1:]}), result_time_major


def per_position_card(card: Card, rank: int) -> Card:
    """``card`` drawn on the batch-first port of a time-major tensor of ``rank``."""
    if card.type not in PER_POSITION_CARDS:
        raise Unsupported(
            Cli.tr(
                "{0} on a time-major tensor (the batch second): only layers that "
                "act on each position alone take one"
            ).format(card.type)
        )
    if "dim" not in card.params:
        return card
    dim = swap_time(int(card.params["dim"]), rank)
    if dim == 0:
        raise Unsupported(Cli.tr("along the batch dimension"))
    return Card(card.type, {**card.params, "dim": dim})


RECURRENT = ("RNN", "GRU", "LSTM")
LSTM_STATE = "state"  # the (h_n, c_n) tuple of an LSTM, before it is indexed
STATE_PORTS = ("h_n", "c_n", LSTM_STATE)
# Cards with a batch_first switch whose first two inputs are sequences.
TWO_SEQUENCES = frozenset({"TransformerDecoderLayer"})


def state_port(card_type: str, port: str, index: Any) -> str | None:
    """The card port an index into a recurrent layer's result stands for:
    ``rnn(x)[1]`` is the final state (h_n; LSTM's is the pair (h_n, c_n)) and
    ``[0]``/``[1]`` of LSTM's pair are h_n and c_n.  None for anything else."""
    if card_type not in RECURRENT:
        return None
    if port == "out" and index == 1:
        return LSTM_STATE if card_type == "LSTM" else "h_n"
    if port == LSTM_STATE and index in (0, 1):
        return ("h_n", "c_n")[index]
    return None


def is_last_step(index: Any, rank: int) -> bool:
    """``x[:, -1]`` or ``x[:, -1, :]`` on a (N, L, F) sequence: LastTimeStep."""
    everything = slice(None, None, None)
    if not isinstance(index, tuple) or rank != 3:
        return False
    return index[:2] == (everything, -1) and all(i == everything for i in index[2:])
