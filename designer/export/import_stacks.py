"""``nn.TransformerEncoder`` and ``nn.TransformerDecoder`` traced as the stacks of
layers they are.

torch.fx would keep a stack as one leaf module, which no card draws, and its own
``forward`` takes fast paths (nested tensors, mask checks) that tracing cannot
follow.  While tracing, the importer calls the plain loops below instead: each layer
in turn with the masks the stack was given, then the stack's final norm, so every
layer becomes its own TransformerEncoderLayer / TransformerDecoderLayer card (and
the norm a LayerNorm card) with the stack's weights under the same names.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from torch import nn

from designer.i18n import QT_TRANSLATE_NOOP, Cli

STACKS = (nn.TransformerEncoder, nn.TransformerDecoder)

NESTED_HINT = QT_TRANSLATE_NOOP(
    "Cli",
    "{0} was built with enable_nested_tensor=True and is given a "
    "src_key_padding_mask: in eval mode it then gives zeros at padded positions, "
    "which no card does; build it with enable_nested_tensor=False",
)


class NestedStack(Exception):
    """A stack whose fast path would change its results (zeros at padding)."""


def _given(**masks: Any) -> dict[str, Any]:
    """The masks a call passed; PyTorch's defaults are left to the layer."""
    return {name: value for name, value in masks.items() if value is not None}


def _encoder_stack(
    stack: nn.TransformerEncoder,
    src: Any,
    mask: Any = None,
    src_key_padding_mask: Any = None,
    is_causal: bool | None = None,
) -> Any:
    """``TransformerEncoder.forward`` without its fast path; ``is_causal`` is only
    PyTorch's hint about ``mask``, which the layers get themselves."""
    del is_causal
    if src_key_padding_mask is not None and getattr(stack, "use_nested_tensor", False):
        raise NestedStack(Cli.tr(NESTED_HINT).format(type(stack).__name__))
    masks = _given(src_mask=mask, src_key_padding_mask=src_key_padding_mask)
    output = src
    for layer in stack.layers:
        output = layer(output, **masks)
    return stack.norm(output) if stack.norm is not None else output


def _decoder_stack(
    stack: nn.TransformerDecoder,
    tgt: Any,
    memory: Any,
    tgt_mask: Any = None,
    memory_mask: Any = None,
    tgt_key_padding_mask: Any = None,
    memory_key_padding_mask: Any = None,
    tgt_is_causal: bool | None = None,
    memory_is_causal: bool = False,
) -> Any:
    """``TransformerDecoder.forward``: each layer on the target and the memory."""
    del tgt_is_causal, memory_is_causal
    masks = _given(
        tgt_mask=tgt_mask,
        memory_mask=memory_mask,
        tgt_key_padding_mask=tgt_key_padding_mask,
        memory_key_padding_mask=memory_key_padding_mask,
    )
    output = tgt
    for layer in stack.layers:
        output = layer(output, memory, **masks)
    return stack.norm(output) if stack.norm is not None else output


def plain_forward(module: nn.Module) -> Callable[..., Any] | None:
    """The loop to trace in place of a stack's own forward; None for other modules."""
    if isinstance(module, nn.TransformerEncoder):
        return partial(_encoder_stack, module)
    if isinstance(module, nn.TransformerDecoder):
        return partial(_decoder_stack, module)
    return None
