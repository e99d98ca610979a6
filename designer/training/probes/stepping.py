"""Step through a forward pass: each node in execution order with its inputs,
outputs and, where it is readable, the formula with the numbers filled in.

Formulas are written for a Linear with at most 4 inputs (every output up to 4)
and for one 3×3 patch of a Conv2d (the output channel 1 position where it is
largest), e.g. ``y₁ = 0.50·x₁ + (−0.20)·x₂ + 0.10 = 0.33``.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from designer.training.probes.capture import Capture
from designer.training.probes.messages import ForwardStep, TensorSlot, number
from designer.training.probes.previews import tensor_stats

MAX_LINEAR_INPUTS = 4
MAX_LINEAR_OUTPUTS = 4
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def subscript(index: int) -> str:
    return str(index).translate(SUBSCRIPTS)


def signed(value: float) -> str:
    """A number for inside a sum: ``0.50``, or ``(−0.20)`` in brackets."""
    text = number(value)
    return f"({text})" if text.startswith("−") else text


def term(weight: float, value: str) -> str:
    """``0.50·x₁``, ``(−0.20)·x₂`` or ``0.50·(−1.70)``."""
    return f"{signed(weight)}·{value}"


def linear_formula(module: nn.Linear, x: torch.Tensor, y: torch.Tensor) -> str | None:
    """The Linear's outputs written out for one sample (x: (in,), y: (out,))."""
    if module.in_features > MAX_LINEAR_INPUTS or x.dim() != 1:
        return None
    weight = module.weight.detach().float().cpu()
    bias = module.bias.detach().float().cpu() if module.bias is not None else None
    xs = x.detach().float().cpu()
    y = y.detach()
    lines = [
        ", ".join(f"x{subscript(k + 1)} = {number(float(v))}" for k, v in enumerate(xs))
    ]
    for j in range(min(module.out_features, MAX_LINEAR_OUTPUTS)):
        terms = [
            term(float(weight[j, k]), f"x{subscript(k + 1)}")
            for k in range(module.in_features)
        ]
        if bias is not None:
            terms.append(signed(float(bias[j])))
        lines.append(
            f"y{subscript(j + 1)} = " + " + ".join(terms) + f" = {number(float(y[j]))}"
        )
    if module.out_features > MAX_LINEAR_OUTPUTS:
        lines.append(f"… and {module.out_features - MAX_LINEAR_OUTPUTS} more outputs")
    return "\n".join(lines)


def _padding(module: nn.Conv2d) -> tuple[int, int, int, int] | None:
    """(left, right, top, bottom) zero padding, or None for other padding modes."""
    if module.padding_mode != "zeros":
        return None
    if module.padding == "valid":
        return (0, 0, 0, 0)
    if module.padding == "same":
        pads = []
        for k, d in zip(module.kernel_size[::-1], module.dilation[::-1], strict=True):
            total = d * (k - 1)
            pads += [total // 2, total - total // 2]
        return tuple(pads)  # type: ignore[return-value]
    ph, pw = module.padding  # type: ignore[misc]
    return (pw, pw, ph, ph)


def conv_formula(module: nn.Conv2d, x: torch.Tensor, y: torch.Tensor) -> str | None:
    """One 3×3 patch of a Conv2d written out (x: (C, H, W), y: (K, H', W'))."""
    pads = _padding(module)
    if (
        module.kernel_size != (3, 3)
        or module.groups != 1
        or pads is None
        or y.dim() != 3
    ):
        return None
    channel = y[0].detach().float().cpu()
    row, col = divmod(int(channel.argmax()), channel.shape[1])
    padded = F.pad(x.detach().float().cpu(), pads)
    (sh, sw), (dh, dw) = module.stride, module.dilation
    rows = [row * sh + dh * a for a in range(3)]
    cols = [col * sw + dw * b for b in range(3)]
    patch = padded[:, rows][:, :, cols]  # (C, 3, 3)
    weight = module.weight.detach().float().cpu()[0]  # (C, 3, 3)
    terms = [
        term(float(weight[0, a, b]), signed(float(patch[0, a, b])))
        for a in range(3)
        for b in range(3)
    ]
    channels = patch.shape[0]
    if channels > 1:
        rest = float((weight[1:] * patch[1:]).sum())
        span = "2" if channels == 2 else f"2–{channels}"
        terms.append(f"{signed(rest)} (input channels {span})")
    if module.bias is not None:
        terms.append(signed(float(module.bias[0])))
    header = (
        f"output channel 1 at row {row + 1}, column {col + 1}: the 3×3 weights times "
        f"the 3×3 patch of input channel 1"
        + (" (the other channels summed)" if channels > 1 else "")
        + (" plus the bias" if module.bias is not None else "")
    )
    value = number(float(channel[row, col]))
    return header + "\n" + "y = " + " + ".join(terms) + f" = {value}"


def node_formula(result: Capture, node_id: str, sample: int = 0) -> str | None:
    node = result.node(node_id)
    if node.type not in ("Linear", "Conv2d"):
        return None  # only these have formulas (and may have no port "out")
    attribute = result.network.code.attributes.get(node_id)
    module = getattr(result.network.module, attribute, None) if attribute else None
    inputs = result.inputs_of(node_id)
    if len(inputs) != 1:
        return None
    x = inputs[0][1][sample].detach()
    y = result.value(node_id)[sample].detach()
    if node.type == "Linear" and isinstance(module, nn.Linear):
        return linear_formula(module, x, y)
    if node.type == "Conv2d" and isinstance(module, nn.Conv2d):
        return conv_formula(module, x, y)
    return None


def forward_steps(result: Capture, sample: int = 0) -> list[ForwardStep]:
    """Every node that ran, in execution order, with its tensors' statistics."""
    steps: list[ForwardStep] = []
    with torch.no_grad():
        for index, node_id in enumerate(result.order):
            node = result.node(node_id)
            inputs = [
                TensorSlot(port, tensor_stats(value[sample]))
                for port, value in result.inputs_of(node_id)
            ]
            outputs = [
                TensorSlot(port, tensor_stats(value[sample]))
                for port, value in zip(
                    node.output_ports(), result.values[node_id], strict=True
                )
            ]
            steps.append(
                ForwardStep(
                    index=index,
                    node_id=node_id,
                    name=node.name,
                    node_type=node.type,
                    inputs=inputs,
                    outputs=outputs,
                    formula=node_formula(result, node_id, sample),
                )
            )
    return steps
