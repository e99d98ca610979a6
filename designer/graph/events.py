"""Change events a :class:`~designer.graph.model.Graph` (and a
:class:`~designer.graph.model.Project`, for its own fields) sends to its subscribers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from designer.graph.model import Edge, Node


@dataclass(frozen=True)
class NodeAdded:
    node: Node


@dataclass(frozen=True)
class NodeRemoved:
    node: Node


@dataclass(frozen=True)
class EdgeAdded:
    edge: Edge


@dataclass(frozen=True)
class EdgeRemoved:
    edge: Edge


@dataclass(frozen=True)
class ParamChanged:
    node: Node
    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class NodeRenamed:
    node: Node
    old: str
    new: str


@dataclass(frozen=True)
class NodeMoved:
    node: Node
    old: tuple[float, float]
    new: tuple[float, float]


@dataclass(frozen=True)
class OrderChanged:
    """The nodes or edges were put in another order (same nodes, same edges)."""


@dataclass(frozen=True)
class ProjectChanged:
    """A project field (``name``, ``training`` or ``dataset``) was replaced."""

    field: str
    old: Any
    new: Any


ProjectEvent = ProjectChanged
GraphEvent = (
    NodeAdded
    | NodeRemoved
    | EdgeAdded
    | EdgeRemoved
    | ParamChanged
    | NodeRenamed
    | NodeMoved
    | OrderChanged
)
# Events after which analysis and generated code must be worked out again.
STRUCTURAL_EVENTS = (
    NodeAdded,
    NodeRemoved,
    EdgeAdded,
    EdgeRemoved,
    ParamChanged,
    NodeRenamed,
    OrderChanged,
)
