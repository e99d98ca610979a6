"""Problems found in a graph, written for people."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """An error or warning; ``node`` is the node's id, or None for the whole graph."""

    severity: str
    message: str
    node: str | None = None
    network: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR
