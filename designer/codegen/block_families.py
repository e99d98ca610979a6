"""Which block definitions are one Python class, and what its arguments are called.

GoogLeNet's nine Inception modules have the same layers wired the same way and
differ only in their channel counts.  A person writes one ``Inception`` class
that takes the counts as arguments; the app, whose block definitions hold their
layers' settings, has nine definitions (the importer makes ``Inception``,
``Inception_1``… for modules of one class built with different arguments, and
"make unique" numbers a copy the same way).  This module finds such *families*:
definitions whose names are the same up to that ``_<number>`` suffix and whose
layers have the same names, types and wiring, and the same settings except whole
numbers.  Any whole number may differ, a kernel size as much as a channel count:
``Conv2d(in_channels, 64, kernel_size=kernel_size)`` is how people write a block
used with 3×3 and 5×5 kernels.  A setting that is not a whole number (an
activation's kind, a dropout rate, ``padding="same"``) is structure: definitions
that differ in one stay separate classes, since a person writing them would see
two different blocks.  Definitions named differently stay separate too: the user
named them apart.  (Whether each use's code can really be the class's code with
its numbers put in is checked where the class is written, in
:mod:`designer.codegen.blocks`.)

The arguments are named after what they are, the way people name them:
``out_channels`` when only one layer's count differs; ``p2`` holding
``(p2_1's, p2_2's)`` counts when the layers are named after the part of the block
they are in (``p2_1``, ``p2_2`` or ``b2_reduce``, ``b2_conv3x3``: d2l's
``Inception(in_channels, c1, c2, c3, c4)`` reads the same); else the layer's name
and the field, shortened (``conv_a_channels``); ``channels`` for a width the
block's layers keep (a residual block's ``Conv2d(channels, channels)``).
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from designer.codegen.naming import to_identifier
from designer.graph.blocks import BLOCK, BlockTable
from designer.graph.model import Graph
from designer.graph.order import topological_order

INFERRED = "inferred"  # a size shape inference works out (in_channels)
PARAMETER = "parameter"  # a whole-number setting of a layer (out_channels)
INNER = "inner"  # an argument of a block used inside, ``k:name`` for repetition k

# Names an ``__init__`` argument must not take: the generated code uses them.
_TAKEN_IN_INIT = (
    frozenset(keyword.kwlist)
    | frozenset(keyword.softkwlist)
    | frozenset(dir(builtins))
    | frozenset({"self", "nn", "torch", "F"})
)
# Field names read well without their ``out_`` after a layer's name.
_SHORT_FIELDS = {"out_channels": "channels", "out_features": "features"}
_COPY_SUFFIX = re.compile(r"_\d+$")


@dataclass(frozen=True)
class Slot:
    """One number a block class may take as an argument: ``key`` of the layer
    called ``node`` inside the definition."""

    node: str
    key: str
    kind: str


def is_size(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def family_stem(name: str) -> str:
    """``Inception_3`` → ``Inception``: the name without the number the app adds to
    copies."""
    return _COPY_SUFFIX.sub("", name) or name


def structure(graph: Graph, family_of: Mapping[str, int]) -> tuple[Any, ...]:
    """What must be equal for two definitions to be one class: layer names, types,
    settings that are not whole numbers, the family of each block used inside and
    its repeat count, the wiring, and the order of the ports.  The Inputs' shapes
    are left out: a use's inputs give them."""
    nodes = []
    for node in graph.nodes:
        if node.type == "Input":
            settings: tuple[Any, ...] = ()
        elif node.type == BLOCK:
            block = node.params["block"]
            settings = (family_of.get(block, block), node.params["repeat"])
        else:
            settings = tuple(
                sorted(
                    (key, "whole number" if is_size(value) else repr(value))
                    for key, value in node.params.items()
                )
            )
        nodes.append((node.name, node.type, settings))
    names = {node.id: node.name for node in graph.nodes}
    edges = sorted(
        (names[e.source], e.source_port, names[e.target], e.target_port)
        for e in graph.edges
    )
    ports = tuple(node.name for node in graph.nodes if node.type in ("Input", "Output"))
    return tuple(sorted(nodes)), ports, tuple(edges)


def families(table: BlockTable, names: Sequence[str]) -> list[list[str]]:
    """``names`` (in dependency order, inner blocks first) grouped into families,
    each in the order of its first member."""
    family_of: dict[str, int] = {}
    index_of: dict[tuple[Any, ...], int] = {}
    members: list[list[str]] = []
    for name in names:
        key = (family_stem(name), structure(table.get(name).graph, family_of))
        index = index_of.setdefault(key, len(members))
        if index == len(members):
            members.append([])
        members[index].append(name)
        family_of[name] = index
    return members


def family_class_stem(table: BlockTable, names: Sequence[str]) -> str:
    """The name a class written for the definitions ``names`` is made from: their
    common stem, unless a definition outside ``names`` is called that."""
    stem = family_stem(names[0])
    if len(names) == 1 or (stem in table and stem not in names):
        return names[0]
    return stem


def argument_groups(
    graph: Graph, varying: Sequence[Slot], values: Sequence[Mapping[Slot, Any]]
) -> list[list[Slot]]:
    """The varying slots gathered into arguments, in the order they are met.

    Each setting is an argument.  An inferred size that always equals a setting
    upstream reads that argument (``p2_2``'s in_channels is ``p2_1``'s
    out_channels); other inferred sizes that vary together are one argument (the
    block's input width, read by every first layer).  A setting that always equals
    such an input width joins it, as a person writes ``Conv2d(channels,
    channels)`` in a residual block whose convolutions keep the width."""
    upstream = _upstream_names(graph)

    def numbers(slot: Slot) -> tuple[Any, ...]:
        return tuple(v[slot] for v in values)

    groups: list[list[Slot]] = [[s] for s in varying if s.kind == PARAMETER]
    free: dict[tuple[Any, ...], list[Slot]] = {}
    for slot in varying:
        if slot.kind == PARAMETER:
            continue
        readable = [
            group
            for group in groups
            if group[0].kind == PARAMETER
            and numbers(group[0]) == numbers(slot)
            and group[0].node in upstream.get(slot.node, set())
        ]
        if readable:
            nearest = max(readable, key=lambda group: varying.index(group[0]))
            nearest.append(slot)
        elif numbers(slot) in free:
            free[numbers(slot)].append(slot)
        else:
            free[numbers(slot)] = [slot]
            groups.append(free[numbers(slot)])
    for group in [g for g in groups if g[0].kind != PARAMETER]:
        for setting in [g for g in groups if g[0].kind == PARAMETER]:
            if numbers(setting[0]) == numbers(group[0]):
                group += setting
                groups.remove(setting)
    for group in groups:
        group.sort(key=varying.index)
    return sorted(groups, key=lambda group: varying.index(group[0]))


def _upstream_names(graph: Graph) -> dict[str, set[str]]:
    """Node name → the names of every node its inputs come from."""
    found: dict[str, set[str]] = {}
    for node_id in topological_order(graph):
        above: set[str] = set()
        for edge in graph.edges_into(node_id):
            source = graph.node(edge.source).name
            above |= {source, *found.get(source, set())}
        found[graph.node(node_id).name] = above
    return found


@dataclass
class ArgumentNames:
    """Per group of slots, the text that reads its value inside the class (``p2[0]``),
    and the class's arguments in order as (name, tuple length, 0 for a number)."""

    references: list[str]
    layout: list[tuple[str, int]]


def _base_name(group: Sequence[Slot]) -> str:
    """What the group's numbers are: its first slot's key (``in_channels``), or
    ``channels`` for an input width that settings (``out_channels``) keep."""
    lead = group[0]
    key = lead.key.split(":", 1)[-1] if lead.kind == INNER else lead.key
    if lead.kind == INFERRED and key.startswith("in_"):
        kept = f"out_{key[len('in_') :]}"
        if any(s.kind == PARAMETER and s.key == kept for s in group):
            key = key[len("in_") :]
    return to_identifier(key, "size")


def _stems(
    graph: Graph, leads: Sequence[Slot], bases: Sequence[str]
) -> dict[int, tuple[str, int]]:
    """Group index → (stem, position) for settings named after the part of the
    block they belong to, as d2l's ``c2`` holds branch 2's counts: layers called
    ``p2_1``, ``p2_2`` or ``b2_reduce``, ``b2_conv3x3`` give ``p2``/``b2``, a tuple
    in the order of their numbers (else of the layers).  Only for a field shared
    with another argument, one setting per layer and one field per stem; a stem
    of one layer only when some stem has several or the name is ``stem_<number>``;
    never the layer type's automatic name (``conv2d_1``), which says nothing."""
    counts = Counter(bases)
    candidates: dict[int, tuple[str, int | None]] = {}
    for k, slot in enumerate(leads):
        node = graph.node_by_name(slot.node)
        stem, _, rest = slot.node.partition("_")
        if (
            slot.kind != PARAMETER
            or counts[bases[k]] < 2
            or not rest
            or node is None
            or slot.node.startswith(f"{node.spec.default_name}_")
        ):
            continue
        candidates[k] = (stem, int(rest) if rest.isdigit() else None)
    by_stem: dict[str, list[int]] = {}
    for k, (stem, _) in candidates.items():
        by_stem.setdefault(stem, []).append(k)
    for members in list(by_stem.values()):
        nodes = [leads[k].node for k in members]
        if len(set(nodes)) != len(nodes) or len({leads[k].key for k in members}) > 1:
            del by_stem[candidates[members[0]][0]]
    tupled = any(len(members) > 1 for members in by_stem.values())
    found: dict[int, tuple[str, int]] = {}
    for stem, members in by_stem.items():
        numbers = [candidates[k][1] for k in members]
        if len(members) == 1 and not tupled and numbers[0] is None:
            continue
        if all(number is not None for number in numbers):
            members = sorted(members, key=lambda k: candidates[k][1] or 0)
        for position, k in enumerate(members):
            found[k] = (stem, position)
    return found


def argument_names(
    graph: Graph, groups: Sequence[Sequence[Slot]], taken: Iterable[str] = ()
) -> ArgumentNames:
    """Names for the groups of slots (see :func:`argument_groups`), in order."""
    leads = [group[0] for group in groups]
    bases = [_base_name(group) for group in groups]
    counts = Counter(bases)
    stems = _stems(graph, leads, bases)
    unavailable = set(_TAKEN_IN_INIT) | set(taken)
    references: list[str] = [""] * len(leads)
    layout: list[tuple[str, int]] = []

    def fresh(name: str) -> str:
        name = to_identifier(name, "size")
        while name in unavailable:
            name += "_"
        unavailable.add(name)
        return name

    done: set[int] = set()
    for k, slot in enumerate(leads):
        if k in done:
            continue
        if k in stems:
            stem = stems[k][0]
            members = sorted(
                (i for i in stems if stems[i][0] == stem), key=lambda i: stems[i][1]
            )
            name = fresh(stem)
            if len(members) == 1:
                references[k] = name
                layout.append((name, 0))
            else:
                for position, member in enumerate(members):
                    references[member] = f"{name}[{position}]"
                layout.append((name, len(members)))
            done.update(members)
            continue
        if counts[bases[k]] == 1:
            name = fresh(bases[k])
        else:
            short = _SHORT_FIELDS.get(bases[k], bases[k])
            name = fresh(f"{to_identifier(slot.node)}_{short}")
        references[k] = name
        layout.append((name, 0))
        done.add(k)
    return ArgumentNames(references, layout)


def annotation(length: int) -> str:
    """``int``, or ``tuple[int, int]`` for an argument holding two numbers."""
    return "int" if length == 0 else f"tuple[{', '.join(['int'] * length)}]"
