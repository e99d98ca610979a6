"""Shared set-up of the probe tests: samples built with seeded weights."""

from __future__ import annotations

from pathlib import Path

import torch

from designer.codegen.build import BuiltNetwork, build_networks
from designer.graph.model import Graph, Project
from designer.graph.project_file import load_project

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample_network(
    name: str, network: str | None = None
) -> tuple[Project, Graph, BuiltNetwork]:
    """A sample project, one of its graphs and its module (seeded, eval mode)."""
    project = load_project(SAMPLES / f"{name}.json")
    torch.manual_seed(0)
    built = build_networks(project)
    graph = project.network(network) if network else project.networks[0]
    built[graph.name].module.eval()
    return project, graph, built[graph.name]


def random_inputs(
    network: BuiltNetwork, batch: int = 1, seed: int = 0
) -> list[torch.Tensor]:
    """Inputs of the network's shapes (symbols at their example sizes)."""
    generator = torch.Generator().manual_seed(seed)
    code = network.code
    inputs = []
    for shape, dtype, vocab in zip(
        code.input_shapes, code.input_dtypes, code.token_ranges, strict=True
    ):
        size = [
            code.example_sizes.get(d, 16) if isinstance(d, str) else d
            for d in shape[1:]
        ]
        if dtype == "long":
            inputs.append(torch.randint(0, vocab, (batch, *size), generator=generator))
        else:
            inputs.append(torch.rand((batch, *size), generator=generator))
    return inputs
