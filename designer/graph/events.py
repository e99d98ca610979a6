"""Change events a :class:`~designer.graph.model.Graph` sends to its subscribers."""

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


GraphEvent = (
    NodeAdded
    | NodeRemoved
    | EdgeAdded
    | EdgeRemoved
    | ParamChanged
    | NodeRenamed
    | NodeMoved
)
STRUCTURAL_EVENTS = (
    NodeAdded,
    NodeRemoved,
    EdgeAdded,
    EdgeRemoved,
    ParamChanged,
    NodeRenamed,
)
