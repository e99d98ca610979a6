"""Gradient flow: per layer, the gradient norm and the update-to-weight ratio.

Cheap by design: only every ``every``-th step of an epoch is measured (the first
step always is), norms stay on the device until :meth:`GradientTracker.epoch_flow`
reads them with one sync, and the weights are copied only on measured steps.

Use it around the optimiser step::

    tracker = GradientTracker(modules, node_names(project, built))
    loss.backward(); tracker.after_backward()
    optimizer.step(); tracker.after_step()
    ...
    metrics["grad_norms"] = tracker.epoch_summary()   # once per epoch
"""

from __future__ import annotations

from collections.abc import Mapping

import torch
from torch import nn

from designer.codegen.build import BuiltNetwork
from designer.graph.model import Project
from designer.training.probes.messages import GradientFlow

DEFAULT_EVERY = 10


def node_names(
    project: Project, built: Mapping[str, BuiltNetwork]
) -> dict[str, dict[str, str]]:
    """Per network, submodule attribute → node name (the names shown on the cards)."""
    return {
        graph.name: {
            attribute: graph.node(node_id).name
            for node_id, attribute in built[graph.name].code.attributes.items()
        }
        for graph in project.networks
        if graph.name in built
    }


def layer_parameters(
    modules: Mapping[str, nn.Module],
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, list[nn.Parameter]]:
    """Trainable parameters grouped per layer (a direct child of a network module).

    Layers are named by ``names[network][attribute]`` when given (node names),
    else by the attribute; with several networks the label is ``network/layer``.
    """
    layers: dict[str, list[nn.Parameter]] = {}
    for network, module in modules.items():
        labels = (names or {}).get(network, {})
        for attribute, child in module.named_children():
            params = [p for p in child.parameters() if p.requires_grad]
            if not params:
                continue
            label = labels.get(attribute, attribute)
            if len(modules) > 1:
                label = f"{network}/{label}"
            layers[label] = params
    return layers


class GradientTracker:
    """Measures gradient norms and update ratios per layer on a few steps per epoch."""

    def __init__(
        self,
        modules: nn.Module | Mapping[str, nn.Module],
        names: Mapping[str, Mapping[str, str]] | None = None,
        every: int = DEFAULT_EVERY,
    ) -> None:
        if isinstance(modules, nn.Module):
            modules = {"model": modules}
        if every < 1:
            raise ValueError(f"every must be at least 1, got {every}")
        self.layers = layer_parameters(modules, names)
        self.every = every
        self.epoch = 0
        self._step = 0
        self._measuring = False
        self._before: dict[str, list[torch.Tensor]] = {}
        self._grad_sums: dict[str, torch.Tensor] = {}
        self._ratio_sums: dict[str, torch.Tensor] = {}
        self._grad_counts: dict[str, int] = {}
        self._ratio_counts: dict[str, int] = {}

    @property
    def measuring(self) -> bool:
        """Whether the current step is one that is measured."""
        return self._step % self.every == 0

    def after_backward(self) -> None:
        """Call after ``backward()``: records the gradient norms on measured steps.

        Several backward passes in one step (a GAN's two networks) add up; layers
        without gradients are skipped.
        """
        if not self.measuring:
            return
        self._measuring = True
        with torch.no_grad():
            for label, params in self.layers.items():
                grads = [p.grad for p in params if p.grad is not None]
                if not grads:
                    continue
                norm = torch.linalg.vector_norm(
                    torch.stack([torch.linalg.vector_norm(g.float()) for g in grads])
                )
                self._add(self._grad_sums, self._grad_counts, label, norm)
                if label not in self._before:
                    self._before[label] = [p.detach().clone() for p in params]

    def after_step(self) -> None:
        """Call after ``optimizer.step()``: records how far the weights moved."""
        if self._measuring:
            with torch.no_grad():
                for label, before in self._before.items():
                    params = self.layers[label]
                    change = torch.stack(
                        [
                            torch.linalg.vector_norm((p.detach() - b).float())
                            for p, b in zip(params, before, strict=True)
                        ]
                    )
                    size = torch.stack(
                        [torch.linalg.vector_norm(b.float()) for b in before]
                    )
                    ratio = torch.linalg.vector_norm(change) / torch.linalg.vector_norm(
                        size
                    ).clamp_min(1e-12)
                    self._add(self._ratio_sums, self._ratio_counts, label, ratio)
            self._before = {}
            self._measuring = False
        self._step += 1

    @staticmethod
    def _add(
        sums: dict[str, torch.Tensor],
        counts: dict[str, int],
        label: str,
        value: torch.Tensor,
    ) -> None:
        sums[label] = sums[label] + value if label in sums else value
        counts[label] = counts.get(label, 0) + 1

    def epoch_flow(self) -> GradientFlow:
        """The means over this epoch's measured steps; starts the next epoch."""
        self.epoch += 1
        grads = _means(self._grad_sums, self._grad_counts)
        ratios = _means(self._ratio_sums, self._ratio_counts)
        sampled = max(self._grad_counts.values(), default=0)
        self._grad_sums, self._ratio_sums = {}, {}
        self._grad_counts, self._ratio_counts = {}, {}
        self._before, self._measuring, self._step = {}, False, 0
        return GradientFlow(self.epoch, grads, ratios, sampled)

    def epoch_summary(self) -> dict[str, float]:
        """Layer name → mean gradient norm this epoch (for ``metrics.json``)."""
        return self.epoch_flow().grad_norms


def _means(sums: dict[str, torch.Tensor], counts: dict[str, int]) -> dict[str, float]:
    if not sums:
        return {}
    labels = list(sums)
    values = torch.stack([sums[k].float() for k in labels]).cpu().tolist()  # one sync
    return {k: v / counts[k] for k, v in zip(labels, values, strict=True)}


class OptimizerGradients:
    """Gradient flow of a whole run, measured through the optimisers' step hooks.

    The engine's tasks call ``backward()`` and ``optimizer.step()`` themselves, so
    the trackers hook in where the gradients are ready (an optimiser's step
    pre-hook) and where the weights have moved (its post-hook); the generated
    code and the tasks stay as they are.  Each optimiser gets its own tracker over
    the layers it updates, so a GAN's two optimisers measure their own networks.
    """

    def __init__(
        self,
        optimizers: list[torch.optim.Optimizer],
        modules: Mapping[str, nn.Module],
        names: Mapping[str, Mapping[str, str]] | None = None,
        every: int = DEFAULT_EVERY,
    ) -> None:
        self.trackers: list[GradientTracker] = []
        self._handles: list[torch.utils.hooks.RemovableHandle] = []
        every_owned = {
            id(p) for o in optimizers for g in o.param_groups for p in g["params"]
        }
        trained = {  # networks left untrained are not measured (nor name-prefixed)
            name: module
            for name, module in modules.items()
            if any(id(p) in every_owned for p in module.parameters())
        }
        for optimizer in optimizers:
            owned = {id(p) for group in optimizer.param_groups for p in group["params"]}
            tracker = GradientTracker(trained, names, every)
            tracker.layers = {
                label: params
                for label, params in tracker.layers.items()
                if any(id(p) in owned for p in params)
            }
            if not tracker.layers:
                continue
            self.trackers.append(tracker)
            self._handles.append(
                optimizer.register_step_pre_hook(
                    lambda *_args, t=tracker: t.after_backward()
                )
            )
            self._handles.append(
                optimizer.register_step_post_hook(
                    lambda *_args, t=tracker: t.after_step()
                )
            )

    def epoch_flow(self, epoch: int) -> GradientFlow:
        """This epoch's means over every optimiser's layers; starts the next epoch."""
        grads: dict[str, float] = {}
        ratios: dict[str, float] = {}
        sampled = 0
        for tracker in self.trackers:
            flow = tracker.epoch_flow()
            grads.update(flow.grad_norms)
            ratios.update(flow.update_ratios)
            sampled = max(sampled, flow.sampled_steps)
        return GradientFlow(epoch, grads, ratios, sampled)

    def remove(self) -> None:
        """Take the hooks off the optimisers."""
        for handle in self._handles:
            handle.remove()
        self._handles = []
