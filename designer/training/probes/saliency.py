"""Why a classifier decided what it decided: gradient × input and Grad-CAM.

Gradient × input is the gradient of the chosen class's score with respect to the
input, times the input, summed over channels (images) or features (sequences).
Token ids have no gradient, so for them it is read at the Embedding's output.
Grad-CAM (Selvaraju et al., 2017) weights the last Conv2d's channels by their
mean gradient, keeps the positive part and scales it up to the input's size.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch
import torch.nn.functional as F

from designer.codegen.build import BuiltNetwork
from designer.graph.model import Graph
from designer.training.probes.capture import Capture, ProbeError, capture
from designer.training.probes.features import conv_nodes
from designer.training.probes.messages import Saliency


def class_probabilities(logits: torch.Tensor) -> torch.Tensor:
    """Softmax over classes, or [1 − p, p] for a single logit."""
    if logits.shape[-1] == 1:
        p = torch.sigmoid(logits[..., 0])
        return torch.stack([1 - p, p], dim=-1)
    return torch.softmax(logits, dim=-1)


def _class_score(logits: torch.Tensor, target: int) -> torch.Tensor:
    if logits.shape[-1] == 1:
        return logits[0, 0] if target == 1 else -logits[0, 0]
    return logits[0, target]


def _saliency_source(result: Capture, inputs: Sequence[torch.Tensor]) -> torch.Tensor:
    """The tensor whose gradient × value is shown: the input, or for token ids the embedding."""
    first = inputs[0]
    if first.is_floating_point():
        return first
    input_id = result.order[0]
    for edge in result.graph.edges_out_of(input_id):
        value = result.value(edge.target)
        if result.node(edge.target).type == "Embedding" and value.is_floating_point():
            return value
    raise ProbeError(
        "the input holds token ids and no Embedding reads them, so there is no "
        "gradient to show"
    )


def saliency(
    network: BuiltNetwork,
    graph: Graph,
    inputs: Sequence[torch.Tensor],
    classes: Sequence[str] | None = None,
    target: int | None = None,
) -> Saliency:
    """Saliency of the first sample for the class ``target`` (default: the predicted one).

    The network's first output must be class scores (N, classes) or one logit (N, 1).
    """
    inputs = [
        x.detach().clone().requires_grad_(True) if x.is_floating_point() else x
        for x in inputs
    ]
    with torch.enable_grad():
        result = capture(network, graph, inputs)
        logits = result.outputs[0]
        if logits.dim() != 2:
            raise ProbeError(
                f"saliency needs class scores (N, classes), but the network "
                f"{graph.name!r} returns shape {tuple(logits.shape)}"
            )
        probabilities = class_probabilities(logits.detach().float())[0]
        predicted = int(probabilities.argmax())
        chosen = predicted if target is None else target
        if not 0 <= chosen < probabilities.numel():
            raise ProbeError(
                f"there is no class {chosen}: the classes are 0…{probabilities.numel() - 1}"
            )
        source = _saliency_source(result, inputs)
        cams = conv_nodes(result)
        cam_value = result.value(cams[-1]) if cams else None
        wanted = [source] + ([cam_value] if cam_value is not None else [])
        grads = torch.autograd.grad(
            _class_score(logits, chosen), wanted, allow_unused=True
        )
    source_grad = grads[0] if grads[0] is not None else torch.zeros_like(source)
    attribution = (source_grad * source.detach())[0].float()
    if attribution.dim() == 3:  # (C, H, W) → (H, W)
        attribution = attribution.sum(0)
    elif attribution.dim() == 2:  # (L, F) → (L,)
        attribution = attribution.sum(-1)
    cam = None
    if cam_value is not None and grads[1] is not None and inputs[0].dim() == 4:
        cam = grad_cam(cam_value.detach(), grads[1], tuple(inputs[0].shape[-2:]))
    count = probabilities.numel()
    names = (
        list(classes)
        if classes is not None and len(classes) == count
        else [str(k) for k in range(count)]
    )
    return Saliency(
        probabilities=probabilities.cpu().numpy().astype(np.float32),
        classes=names,
        target=chosen,
        predicted=predicted,
        gradient_x_input=attribution.cpu().numpy().astype(np.float32),
        grad_cam=cam,
        cam_layer=result.node(cams[-1]).name if cam is not None else None,
    )


def grad_cam(
    activation: torch.Tensor, gradient: torch.Tensor, size: tuple[int, int]
) -> np.ndarray:
    """Grad-CAM of the first sample, scaled to ``size`` and to [0, 1]."""
    weights = gradient[0].float().mean(dim=(1, 2))  # one weight per channel
    cam = torch.relu((weights[:, None, None] * activation[0].float()).sum(0))
    cam = F.interpolate(
        cam[None, None], size=size, mode="bilinear", align_corners=False
    )[0, 0].clamp_min(0)
    peak = float(cam.max())
    if peak > 0:
        cam = cam / peak
    return cam.cpu().numpy().astype(np.float32)
