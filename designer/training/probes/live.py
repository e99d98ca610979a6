"""Probes during a run: what each card's output looks like for the chosen sample.

The training process calls :meth:`LiveProbes.maybe_previews` on every step update
and :meth:`LiveProbes.full_report` after every epoch.  Previews are one forward
pass of one sample in eval mode (hooks on the built modules through
:func:`~.capture.capture`; the generated code is not touched) and are sent at most
:data:`MAX_PER_SECOND` times a second, less often when a pass is slow, so probing
never takes more than about :data:`MAX_SHARE` of the training time.  Arrays go
out as ``uint8`` (0–255 between the preview's own minimum and maximum; the exact
numbers travel in ``stats``) with at most :data:`LIVE_CHANNELS` image channels.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np
import torch

from designer.codegen.build import BuiltNetwork, build_networks
from designer.graph.model import Project
from designer.training.probes.capture import (
    ProbeError,
    capture,
    eval_mode,
    restore_mode,
)
from designer.training.probes.messages import LayerPreview, ProbeReport
from designer.training.probes.previews import layer_previews
from designer.training.probes.report import network_inputs, probe_network

MAX_PER_SECOND = 4.0
MAX_SHARE = 0.1  # of the wall time spent probing, at most
LIVE_CHANNELS = 16


def quantised(preview: LayerPreview) -> LayerPreview:
    """The preview with ``uint8`` data (scalars stay float) and few image channels."""
    if preview.kind == "scalar":
        return preview
    data = preview.data
    capped = preview.capped
    if preview.kind == "image" and data.shape[0] > LIVE_CHANNELS:
        data, capped = data[:LIVE_CHANNELS], True
    low, high = float(np.min(data)), float(np.max(data))
    span = high - low
    if span > 0 and np.isfinite(span):
        scaled = (data - low) * (255.0 / span)
    else:
        scaled = np.zeros_like(data)
    scaled = np.nan_to_num(scaled, nan=0.0, posinf=255.0, neginf=0.0)
    return replace(
        preview, data=np.clip(np.rint(scaled), 0, 255).astype(np.uint8), capped=capped
    )


class LiveProbes:
    """Previews and reports of one sample for every network of a run."""

    def __init__(
        self,
        project: Project,
        built: Mapping[str, BuiltNetwork],
        sample: np.ndarray | None,
        classes: list[str] | None = None,
        target: int | None = None,
    ) -> None:
        self.project = project
        self.built = built
        self.classes = classes
        self.target = target
        self.inputs: dict[str, list[torch.Tensor]] = {}
        self.notes: list[str] = []
        for graph in project.networks:
            if graph.name in built:
                inputs, notes = network_inputs(built[graph.name], sample)
                self.inputs[graph.name] = inputs
                self.notes += notes
        self._next = 0.0
        self.spent = 0.0
        self.failed: str | None = None

    def _device_inputs(self, name: str) -> list[torch.Tensor]:
        module = self.built[name].module
        device = next((p.device for p in module.parameters()), torch.device("cpu"))
        return [x.to(device) for x in self.inputs[name]]

    def previews(self) -> list[ProbeReport]:
        """One report per network holding only its (quantised) previews."""
        reports = []
        for graph in self.project.networks:
            if graph.name not in self.inputs:
                continue
            network = self.built[graph.name]
            flags = eval_mode([network.module])
            try:
                with torch.no_grad():
                    result = capture(network, graph, self._device_inputs(graph.name))
                    previews = [quantised(p) for p in layer_previews(result)]
            finally:
                restore_mode([network.module], flags)
            reports.append(ProbeReport(graph.name, previews=previews))
        return reports

    def maybe_previews(self, now: float | None = None) -> list[ProbeReport] | None:
        """Previews when the throttle allows (else None); a failing probe stops itself."""
        now = time.perf_counter() if now is None else now
        if self.failed is not None or now < self._next:
            return None
        start = time.perf_counter()
        try:
            reports = self.previews()
        except ProbeError as error:
            self.failed = str(error)
            return None
        took = time.perf_counter() - start
        self.spent += took
        self._next = now + max(1.0 / MAX_PER_SECOND, took / MAX_SHARE)
        return reports

    def full_report(self) -> list[ProbeReport]:
        """Every probe (previews, feature maps, attention, steps, saliency) per network."""
        reports = []
        for graph in self.project.networks:
            if graph.name not in self.inputs:
                continue
            try:
                report = probe_network(
                    self.built[graph.name],
                    graph,
                    self.inputs[graph.name],
                    self.classes,
                    self.target,
                )
            except ProbeError as error:
                report = ProbeReport(graph.name, notes=[str(error)])
            report.previews = [quantised(p) for p in report.previews]
            report.notes = self.notes + report.notes
            reports.append(report)
        return reports


def live_probes(trainer: Any, dataset: Any, index: int) -> LiveProbes:
    """Probes for sample ``index`` of the run's dataset (wrapped into range)."""
    x = getattr(dataset, "x", None)
    sample = None
    target = None
    if x is not None and len(x):
        index %= len(x)
        sample = np.asarray(x[index])
        y = getattr(dataset, "y", None)
        if y is not None and np.ndim(y) == 1 and np.asarray(y).dtype.kind in "iu":
            target = int(y[index])
    classes = list(dataset.classes) if getattr(dataset, "classes", None) else None
    return LiveProbes(trainer.project, trainer.built, sample, classes, target)


def probe_drawn(
    project_dict: dict[str, Any],
    weights: str,
    drawn: np.ndarray,
    classes: list[str] | None,
) -> list[ProbeReport]:
    """Every probe of a drawn input, through the networks with trained weights
    (what the training process does for the drawing pad)."""
    from designer.graph.project_file import project_from_dict
    from designer.training.checkpoints import load_state, read_weights

    project = project_from_dict(project_dict)
    built = build_networks(project)
    load_state(
        {name: network.module for name, network in built.items()},
        read_weights(weights),
        "the trained weights",
    )
    return LiveProbes(project, built, np.asarray(drawn), classes).full_report()
