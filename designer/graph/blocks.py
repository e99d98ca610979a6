"""Blocks: named sub-networks defined once in a project and used as one node.

A :class:`BlockDefinition` is a named :class:`~designer.graph.model.Graph` whose
Input and Output nodes are the block's ports, in the order of the definition's
nodes.  A *use* of a block is a node of type :data:`BLOCK` with the parameters
``{"block": name, "repeat": n}``; its ports come from the definition, so every
use follows an edit of the definition.

The project's :class:`BlockTable` holds the definitions.  Every graph of a
project (its networks and the definitions' own graphs) shares the one table, so
a node of type ``Block`` can find its definition through the graph it is in
(``node.spec`` asks the table).  The table refuses recursion: a definition that
uses itself, directly or through other blocks.

Port names are positional so that renaming an Input inside a definition keeps
the uses' connections: ``in``/``out`` for a single port (like every layer), else
``in_1``, ``in_2``… and ``out_1``…; :meth:`BlockTable.port_labels` gives the
names people gave the Input and Output nodes, for display.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designer.graph.catalog import (
    PORT_IN,
    PORT_OUT,
    Inference,
    LayerSpec,
    ParamSpec,
    ShapeError,
    keeps_dtype,
)
from designer.graph.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import networkx as nx

    from designer.graph.model import Graph

BLOCK = "Block"
BLOCK_CATEGORY = (
    "Merge"  # only for the spec's bookkeeping; blocks are not in the catalog
)
MAX_REPEAT = 64
MAX_BLOCK_NAME = 64
# ``project.network(BLOCK_NETWORK_PREFIX + name)`` is a definition's graph, so the
# ordinary graph edits work inside a definition.
BLOCK_NETWORK_PREFIX = "block:"


def block_network(name: str) -> str:
    """The network key under which edits address the definition ``name``."""
    return BLOCK_NETWORK_PREFIX + name


def port_names(count: int, stem: str) -> list[str]:
    """``in`` for one port, else ``in_1``, ``in_2``…"""
    return [stem] if count == 1 else [f"{stem}_{k}" for k in range(1, count + 1)]


def block_name_problem(name: str, taken: Sequence[str] = ()) -> str | None:
    """Why ``name`` cannot name a block (it becomes a Python class), or None."""
    if not name:
        return "a block name cannot be empty"
    if len(name) > MAX_BLOCK_NAME:
        return f"a block name can be at most {MAX_BLOCK_NAME} characters"
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_ ]*", name):
        return (
            f"a block name must start with a letter and use only letters, digits, "
            f"spaces and underscores, got {name!r}"
        )
    if name in taken:
        return f"another block is already called {name!r}"
    return None


@dataclass
class BlockDefinition:
    """A named sub-network: its graph's Input/Output nodes are the block's ports."""

    name: str
    graph: Graph
    description: str = ""

    def inputs(self) -> list[Any]:
        return self.graph.nodes_of_type("Input")

    def outputs(self) -> list[Any]:
        return self.graph.nodes_of_type("Output")

    def uses(self) -> list[str]:
        """The names of the blocks this definition uses directly."""
        return sorted({n.params["block"] for n in self.graph.nodes_of_type(BLOCK)})

    def to_dict(self) -> dict[str, Any]:
        data = self.graph.to_dict()
        data["name"] = self.name
        if self.description:
            data["description"] = self.description
        return data


TableListener = Callable[[str, str | None, str | None], None]


@dataclass
class BlockTable:
    """The block definitions of one project, by name (see the module docstring).

    Listeners get ``(change, old_name, new_name)`` with change ``"added"``,
    ``"removed"`` or ``"renamed"``; edits inside a definition are events of its
    graph as usual.
    """

    _definitions: dict[str, BlockDefinition] = field(default_factory=dict)
    _listeners: list[TableListener] = field(default_factory=list, repr=False)
    _spec: tuple[tuple[str, ...], LayerSpec] | None = field(default=None, repr=False)

    # -- queries ------------------------------------------------------------------
    def __contains__(self, name: object) -> bool:
        return name in self._definitions

    def __iter__(self) -> Iterator[BlockDefinition]:
        return iter(list(self._definitions.values()))

    def __len__(self) -> int:
        return len(self._definitions)

    def names(self) -> list[str]:
        return list(self._definitions)

    def get(self, name: str) -> BlockDefinition:
        try:
            return self._definitions[name]
        except KeyError:
            raise KeyError(f"the project has no block called {name!r}") from None

    def owner_of(self, graph: Graph) -> str | None:
        """The name of the definition whose graph is ``graph`` (None: a network)."""
        return next(
            (d.name for d in self._definitions.values() if d.graph is graph), None
        )

    def usage_graph(self) -> nx.DiGraph:
        """Block → blocks it uses directly."""
        import networkx as nx  # on first use, not at start-up

        view = nx.DiGraph()
        for definition in self._definitions.values():
            view.add_node(definition.name)
            for used in definition.uses():
                view.add_edge(definition.name, used)
        return view

    def reaches(self, name: str, other: str) -> bool:
        """Whether the block ``name`` uses ``other``, directly or through others."""
        import networkx as nx

        view = self.usage_graph()
        return name in view and other in view and nx.has_path(view, name, other)

    def recursion_problem(self, graph: Graph, used: str) -> str | None:
        """Why ``graph`` may not use the block ``used`` (recursion), or None."""
        owner = self.owner_of(graph)
        if owner is None:
            return None
        if owner == used:
            return f"block {owner!r} cannot use itself"
        if self.reaches(used, owner):
            return f"block {owner!r} cannot use {used!r}, which already uses {owner!r}"
        return None

    def dependency_order(self, names: Sequence[str]) -> list[str]:
        """``names`` and every block they use, each after the blocks it uses."""
        if not names:  # most projects use no blocks: no need to load networkx
            return []
        import networkx as nx

        view = self.usage_graph()
        wanted: set[str] = set()
        for name in names:
            if name in view:
                wanted |= {name, *nx.descendants(view, name)}
        return list(reversed(list(nx.topological_sort(view.subgraph(wanted)))))

    def ports(self, name: str) -> tuple[list[str], list[str]]:
        """The input and output port names of a use of ``name`` ([] when unknown)."""
        definition = self._definitions.get(name)
        if definition is None:
            return [], []
        return (
            port_names(len(definition.inputs()), PORT_IN),
            port_names(len(definition.outputs()), PORT_OUT),
        )

    def port_labels(self, name: str) -> dict[str, str]:
        """Port name → the name of the Input/Output node inside, for display."""
        definition = self.get(name)
        inputs, outputs = self.ports(name)
        nodes = [*definition.inputs(), *definition.outputs()]
        return {
            port: node.name
            for port, node in zip([*inputs, *outputs], nodes, strict=True)
        }

    def search(self, text: str) -> list[BlockDefinition]:
        """Definitions whose name or description contains ``text`` (any case)."""
        needle = text.strip().lower()
        return [
            d
            for d in self._definitions.values()
            if needle in d.name.lower() or needle in d.description.lower()
        ]

    # -- edits --------------------------------------------------------------------
    def subscribe(self, listener: TableListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: TableListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, change: str, old: str | None, new: str | None) -> None:
        self._spec = None
        for listener in list(self._listeners):
            listener(change, old, new)

    def add(self, definition: BlockDefinition) -> None:
        """Add a definition (its graph joins this table); refuses a taken or bad
        name and a definition that uses itself."""
        from designer.graph.model import GraphError

        problem = block_name_problem(definition.name, self.names())
        if problem:
            raise GraphError(problem)
        if definition.name in definition.uses():
            raise GraphError(f"block {definition.name!r} cannot use itself")
        self._definitions[definition.name] = definition
        # A definition that uses no block cannot close a cycle (and needs no networkx).
        if definition.uses() and self.usage_graph_has_cycle():
            del self._definitions[definition.name]
            raise GraphError(
                f"block {definition.name!r} would use itself through other blocks"
            )
        definition.graph.name = definition.name
        definition.graph.blocks = self
        self._emit("added", None, definition.name)

    def usage_graph_has_cycle(self) -> bool:
        import networkx as nx

        return not nx.is_directed_acyclic_graph(self.usage_graph())

    def remove(self, name: str) -> BlockDefinition:
        definition = self.get(name)
        del self._definitions[name]
        self._emit("removed", name, None)
        return definition

    def rename(self, old: str, new: str) -> None:
        """Rename a definition (its place in the order is kept).  The uses are not
        changed here: :func:`designer.graph.block_edits.rename_block` does that."""
        from designer.graph.model import GraphError

        definition = self.get(old)
        problem = block_name_problem(new, [n for n in self.names() if n != old])
        if problem:
            raise GraphError(problem)
        self._definitions = {
            (new if key == old else key): value
            for key, value in self._definitions.items()
        }
        definition.name = new
        definition.graph.name = new
        self._emit("renamed", old, new)

    # -- the spec of a use --------------------------------------------------------
    def spec(self) -> LayerSpec:
        """The :class:`LayerSpec` of a use of any block of this table."""
        names = tuple(self._definitions)
        if self._spec is None or self._spec[0] != names:
            self._spec = (names, _use_spec(self, names))
        return self._spec[1]


def _not_here(_params: Mapping[str, Any], _inputs: Mapping[str, Any]) -> Inference:
    raise ShapeError(
        QT_TRANSLATE_NOOP("Problem", "a block use is inferred through its definition")
    )


def _use_spec(table: BlockTable, names: tuple[str, ...]) -> LayerSpec:
    """Block uses are resolved by :mod:`designer.shapes` and :mod:`designer.codegen`,
    which read the definition; the spec gives their ports and parameters."""
    return LayerSpec(
        type=BLOCK,
        category=BLOCK_CATEGORY,
        description="A block: a sub-network defined once in the project.",
        params=(
            ParamSpec("block", "choice", names[0] if names else "", choices=names),
            ParamSpec(
                "repeat",
                "int",
                1,
                minimum=1,
                maximum=MAX_REPEAT,
                help="How many times the block runs in a chain",
            ),
        ),
        infer=_not_here,
        construct=lambda _p, _i: None,
        inputs=lambda params: table.ports(params.get("block", ""))[0],
        outputs=lambda params: table.ports(params.get("block", ""))[1],
        key_params=("block", "repeat"),
        short_name="block",
        dtype=keeps_dtype,
    )
