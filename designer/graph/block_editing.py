"""The editing rules of blocks: group a selection into a block, inline a use, make
a use unique, rename a block, add a use, set its repeat count.

As in :mod:`designer.graph.editing`, each function checks the request and returns
the undoable edit that carries it out (None when there is nothing to do); a
refused request raises :class:`~designer.graph.model.GraphError`.  Nothing here
changes the model.  Inside a definition, the ordinary editing rules apply to the
network :func:`~designer.graph.blocks.block_network` names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from designer.graph.block_edits import AddBlock, RenameBlock, ReplaceNodes
from designer.graph.blocks import (
    BLOCK,
    BlockDefinition,
    block_name_problem,
)
from designer.graph.editing import set_param
from designer.graph.edits import AddNodes, EditGroup, NodeRequest, Position, SetParam
from designer.graph.model import Edge, Graph, GraphError, Node, Project
from designer.graph.naming import automatic_name, copy_name

# (node id, output port) → (sample shape without the batch, dtype), or None when
# unknown; the caller's shape analysis, which gives a new block's Inputs their shape.
ShapeLookup = Callable[[str, str], tuple[list[Any], str] | None]
IO_TYPES = ("Input", "Output")


def use_stem(block: str) -> str:
    """``ResidualBlock`` → ``residual_block``: the stem of a use's automatic name."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", block.replace(" ", "_")).lower()
    return re.sub(r"_+", "_", snake).strip("_") or "block"


def _fresh_ids(graph: Graph, count: int) -> list[str]:
    return [graph.new_id() for _ in range(count)]


def add_block_use(
    project: Project, network: str, block: str, position: Position = (0.0, 0.0)
) -> AddNodes:
    """Add a use of ``block`` (refused when unknown or when it would recurse)."""
    graph = project.network(network)
    if block not in project.blocks:
        raise GraphError(f"the project has no block called {block!r}")
    problem = project.blocks.recursion_problem(graph, block)
    if problem:
        raise GraphError(problem)
    request = NodeRequest(
        BLOCK,
        (float(position[0]), float(position[1])),
        {"block": block, "repeat": 1},
        automatic_name(graph.names(), use_stem(block)),
    )
    return AddNodes(network, [request], f"Add block {block}")


def set_repeat(graph: Graph, network: str, node_id: str, count: int) -> SetParam | None:
    """Run a block use ``count`` times in a chain (shape inference checks it fits)."""
    if graph.has_node(node_id) and graph.node(node_id).type != BLOCK:
        raise GraphError(f"{graph.node(node_id).name} is not a block")
    return set_param(graph, network, node_id, "repeat", count)


def _crossing(
    graph: Graph, chosen: set[str]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The tensors entering the selection and those leaving it, as (node, port),
    ordered by the node order of the graph and then the port order."""
    order = {node.id: k for k, node in enumerate(graph.nodes)}

    def rank(node_id: str, port: str, ports: list[str]) -> tuple[int, int]:
        return order[node_id], ports.index(port)

    entering: dict[tuple[str, str], tuple[int, int]] = {}
    leaving: dict[tuple[str, str], tuple[int, int]] = {}
    for edge in graph.edges:
        if edge.target in chosen and edge.source not in chosen:
            key = (edge.source, edge.source_port)
            target = graph.node(edge.target)
            here = rank(edge.target, edge.target_port, target.input_ports())
            entering[key] = min(entering.get(key, here), here)
        elif edge.source in chosen and edge.target not in chosen:
            key = (edge.source, edge.source_port)
            leaving[key] = rank(
                edge.source, edge.source_port, graph.node(edge.source).output_ports()
            )
    return (
        sorted(entering, key=entering.__getitem__),
        sorted(leaving, key=leaving.__getitem__),
    )


def _definition_graph(
    graph: Graph,
    chosen: list[str],
    entering: list[tuple[str, str]],
    leaving: list[tuple[str, str]],
    shape_of: ShapeLookup | None,
) -> Graph:
    inner = Graph("block")
    inner.blocks = graph.blocks
    xs = [graph.node(n).position[0] for n in chosen]
    left, right = min(xs), max(xs)
    middle = sum(graph.node(n).position[1] for n in chosen) / len(chosen)
    for node_id in chosen:
        node = graph.node(node_id)
        inner.insert_node(
            Node(node.id, node.type, node.name, dict(node.params), node.position)
        )
    for edge in graph.edges:
        if edge.source in chosen and edge.target in chosen:
            inner.connect(*edge.to_dict().values())
    for k, (source, port) in enumerate(entering):
        known = shape_of(source, port) if shape_of else None
        params = {"shape": list(known[0]), "dtype": known[1]} if known else {}
        port_node = inner.add_node(
            "Input", None, params, (left - 240.0, middle + 120.0 * k)
        )
        for edge in graph.edges_out_of(source):
            if edge.source_port == port and edge.target in chosen:
                inner.connect(port_node.id, "out", edge.target, edge.target_port)
    for k, (source, port) in enumerate(leaving):
        out = inner.add_node("Output", None, None, (right + 240.0, middle + 120.0 * k))
        inner.connect(source, port, out.id, "in")
    return inner


def group_into_block(
    project: Project,
    network: str,
    ids: Iterable[str],
    name: str,
    shape_of: ShapeLookup | None = None,
    description: str = "",
) -> EditGroup:
    """Group the selected nodes into a new block ``name`` and put one use in their
    place, wired as they were: every tensor entering the selection becomes an
    input port, every tensor leaving it an output port (in the order of the
    graph's nodes, then ports), so the network computes the same shapes."""
    graph = project.network(network)
    chosen = [n for n in dict.fromkeys(ids) if graph.has_node(n)]
    name = name.strip()
    problem = block_name_problem(name, project.blocks.names())
    if problem:
        raise GraphError(problem)
    if not chosen:
        raise GraphError("select the layers to group into a block")
    if any(graph.node(n).type in IO_TYPES for n in chosen):
        raise GraphError(
            "Input and Output nodes stay in the network; select only the layers between them"
        )
    for node_id in chosen:
        node = graph.node(node_id)
        if node.type == BLOCK and (
            node.params["block"] == name
            or project.blocks.recursion_problem(graph, node.params["block"])
        ):
            raise GraphError(f"{node.name} cannot go into the block {name!r}")
    entering, leaving = _crossing(graph, set(chosen))
    if not entering or not leaving:
        raise GraphError(
            "a block needs data coming in and going out: select layers between an "
            "input and an output"
        )
    inner = _definition_graph(graph, chosen, entering, leaving, shape_of)
    definition = BlockDefinition(name, inner, description)
    in_ports, out_ports = _ports(len(entering), len(leaving))
    [use_id] = _fresh_ids(graph, 1)
    kept = graph.names() - {graph.node(n).name for n in chosen}
    positions = [graph.node(n).position for n in chosen]
    use = Node(
        use_id,
        BLOCK,
        automatic_name(kept, use_stem(name)),
        {"block": name, "repeat": 1},
        (
            sum(p[0] for p in positions) / len(positions),
            sum(p[1] for p in positions) / len(positions),
        ),
    )
    edges = [
        Edge(source, port, use_id, in_ports[k])
        for k, (source, port) in enumerate(entering)
    ]
    for k, (source, port) in enumerate(leaving):
        edges += [
            Edge(use_id, out_ports[k], e.target, e.target_port)
            for e in graph.edges_out_of(source)
            if e.source_port == port and e.target not in chosen
        ]
    text = f"Group {len(chosen)} layers into {name}"
    return EditGroup(
        text,
        [
            AddBlock(definition, f"Add block {name}"),
            ReplaceNodes(network, chosen, [use], edges, text),
        ],
    )


def _ports(inputs: int, outputs: int) -> tuple[list[str], list[str]]:
    from designer.graph.blocks import port_names

    return port_names(inputs, "in"), port_names(outputs, "out")


def ungroup(project: Project, network: str, node_id: str) -> ReplaceNodes:
    """Put the layers of a block use in its place (each repetition in turn),
    wired as the use was; the definition stays in the project."""
    graph = project.network(network)
    use = graph.node(node_id)
    if use.type != BLOCK:
        raise GraphError(f"{use.name} is not a block")
    definition = project.blocks.get(use.params["block"])
    inner = definition.graph
    in_ports, out_ports = project.blocks.ports(definition.name)
    inputs, outputs = definition.inputs(), definition.outputs()
    layers = [n for n in inner.nodes if n.type not in IO_TYPES]
    # What feeds each input port of the current repetition: (node id, port).
    feeding: dict[str, tuple[str, str]] = {}
    for port, node in zip(in_ports, inputs, strict=True):
        edge = graph.edge_into(node_id, port)
        if edge is not None:
            feeding[node.id] = (edge.source, edge.source_port)
    taken = graph.names() - {use.name}
    xs = [n.position[0] for n in layers] or [0.0]
    centre = (
        sum(xs) / len(xs),
        sum(n.position[1] for n in layers) / max(len(layers), 1),
    )
    new_nodes: list[Node] = []
    new_edges: list[Edge] = []
    ids = iter(_fresh_ids(graph, len(layers) * use.params["repeat"]))
    results: list[tuple[str, str] | None] = []
    for repetition in range(use.params["repeat"]):
        mapping: dict[str, str] = {}
        for node in layers:
            mapping[node.id] = next(ids)
            name = copy_name(taken, node.name)
            taken.add(name)
            shift = 260.0 * repetition
            new_nodes.append(
                Node(
                    mapping[node.id],
                    node.type,
                    name,
                    dict(node.params),
                    (
                        use.position[0] + node.position[0] - centre[0] + shift,
                        use.position[1] + node.position[1] - centre[1],
                    ),
                )
            )

        edges, results = _wire_copy(inner, outputs, feeding, mapping)
        new_edges += edges
        if repetition + 1 < use.params["repeat"] and results[0] is not None:
            feeding = {inputs[0].id: results[0]} if inputs else {}
    for port, result in zip(out_ports, results, strict=True):
        if result is None:
            continue
        for edge in graph.edges_out_of(node_id):
            if edge.source_port == port:
                new_edges.append(Edge(*result, edge.target, edge.target_port))
    return ReplaceNodes(network, [node_id], new_nodes, new_edges, f"Ungroup {use.name}")


def _wire_copy(
    inner: Graph,
    outputs: list[Node],
    feeding: dict[str, tuple[str, str]],
    mapping: dict[str, str],
) -> tuple[list[Edge], list[tuple[str, str] | None]]:
    """The edges of one inlined copy of ``inner`` (its layers renamed by
    ``mapping``, its Inputs fed by ``feeding``) and what each Output gets."""

    def source_of(edge: Edge) -> tuple[str, str] | None:
        if edge.source in mapping:
            return (mapping[edge.source], edge.source_port)
        return feeding.get(edge.source)

    edges: list[Edge] = []
    for edge in inner.edges:
        source = source_of(edge)
        if edge.target in mapping and source is not None:
            edges.append(Edge(*source, mapping[edge.target], edge.target_port))
    results: list[tuple[str, str] | None] = []
    for output in outputs:
        into = inner.edges_into(output.id)
        results.append(source_of(into[0]) if into else None)
    return edges, results


def make_unique(
    project: Project, network: str, node_id: str, name: str | None = None
) -> EditGroup:
    """Give one use its own copy of the definition (``name``, or ``Block_2``…), so
    editing it leaves the other uses alone."""
    graph = project.network(network)
    use = graph.node(node_id)
    if use.type != BLOCK:
        raise GraphError(f"{use.name} is not a block")
    original = project.blocks.get(use.params["block"])
    taken = project.blocks.names()
    if name is None:
        name = automatic_name(taken, original.name)
    name = name.strip()
    problem = block_name_problem(name, taken)
    if problem:
        raise GraphError(problem)
    twin = BlockDefinition(name, original.graph.copy(), original.description)
    text = f"Make {use.name} unique as {name}"
    return EditGroup(
        text,
        [
            AddBlock(twin, f"Add block {name}"),
            SetParam(network, node_id, "block", original.name, name, text),
        ],
    )


def rename_block(project: Project, old: str, new: str) -> RenameBlock | None:
    """Rename a block and all its uses."""
    project.blocks.get(old)
    new = new.strip()
    if new == old:
        return None
    problem = block_name_problem(new, [n for n in project.blocks.names() if n != old])
    if problem:
        raise GraphError(problem)
    return RenameBlock(old, new, f"Rename block {old} to {new}")
