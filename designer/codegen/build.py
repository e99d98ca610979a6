"""Build live ``nn.Module`` objects from the same source the app exports.

The source is produced by :mod:`designer.codegen.module` from validated parameters
and sanitised names; nothing read from a project file is executed as code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from designer.codegen.module import NetworkCode, generate_project
from designer.graph.model import Project
from designer.shapes.infer import GraphShapes


@dataclass
class BuiltNetwork:
    """A live module plus the generated description of its inputs and outputs."""

    module: Any  # torch.nn.Module; typed loosely so importing this file needs no torch
    code: NetworkCode


def build_networks(
    project: Project, shapes: Mapping[str, GraphShapes] | None = None
) -> dict[str, BuiltNetwork]:
    """One freshly initialised module per network, keyed by network name."""
    source, networks = generate_project(project, shapes)
    namespace: dict[str, Any] = {"__name__": "designer_generated"}
    exec(compile(source, f"<designer:{project.name}>", "exec"), namespace)  # noqa: S102 - our own generated code
    return {
        graph.name: BuiltNetwork(namespace[code.class_name](), code)
        for graph, code in zip(project.networks, networks, strict=True)
    }


def build_model(project: Project, network: str | None = None) -> Any:
    """The module of one network (the first when ``network`` is None)."""
    built = build_networks(project)
    return built[network or project.networks[0].name].module
