"""The block library: blocks that live outside any one project.

Built-in blocks ship with the app (``designer/resources/blocks``); the user's own
are saved into a folder the window chooses.  Each entry is an ordinary project
file — a small example network that uses the block, with the block's definition
and the definitions it uses — so it is read with every check a project file gets
(never executed) and can be opened on its own to look at.

Adding an entry to a project adds the definitions the project lacks and one use;
a definition the project already has under the same name is reused when it is the
same, and the incoming one takes a free name when it differs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from designer.graph.block_edits import AddBlock
from designer.graph.blocks import BLOCK, BlockDefinition, BlockTable
from designer.graph.edits import AddNodes, Edit, EditGroup, NodeRequest, Position
from designer.graph.model import Graph, GraphError, Project
from designer.graph.naming import automatic_name
from designer.graph.project_file import ProjectFileError, load_project, save_project
from designer.resources import resource_folder

LIBRARY_SUFFIX = ".json"


@dataclass(frozen=True)
class LibraryEntry:
    """One block of the library, as its palette shows it."""

    name: str
    description: str
    path: Path
    builtin: bool


def builtin_folder() -> Path:
    """Where the app's own blocks are (package data)."""
    return resource_folder("blocks")


def main_block(project: Project) -> str:
    """The block an entry offers: the one its example network uses."""
    for graph in project.networks:
        for node in graph.nodes:
            if node.type == BLOCK:
                return node.params["block"]
    raise GraphError("the file's example network uses no block")


def read_library(
    folders: Iterable[tuple[Path, bool]],
) -> tuple[list[LibraryEntry], list[str]]:
    """The entries of ``(folder, builtin)`` pairs, and a sentence per unreadable file.

    A folder that does not exist holds nothing; a file that is not a block entry
    is left out with its reason, and the rest are still offered."""
    entries: list[LibraryEntry] = []
    problems: list[str] = []
    for folder, builtin in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*" + LIBRARY_SUFFIX)):
            try:
                project = load_project(path)
                name = main_block(project)
            except (ProjectFileError, GraphError, OSError) as error:
                problems.append(f"{path.name}: {error}")
                continue
            description = project.blocks.get(name).description
            entries.append(LibraryEntry(name, description, path, builtin))
    return entries, problems


def _closure(table: BlockTable, name: str) -> list[str]:
    """``name`` and every block it uses, each after the blocks it uses."""
    needed: list[str] = []
    pending = [name]
    while pending:
        current = pending.pop()
        if current not in needed:
            needed.append(current)
            pending += table.get(current).uses()
    return table.dependency_order(needed)


def add_from_library(
    project: Project, network: str, path: Path, position: Position = (0.0, 0.0)
) -> EditGroup:
    """The edit that brings the entry at ``path`` into ``project`` with one use.

    Raises ProjectFileError when the file cannot be read and GraphError when its
    block cannot be used here (it would use the network it is added to)."""
    source = load_project(path)
    wanted = main_block(source)
    renamed: dict[str, str] = {}
    edits: list[Edit] = []
    taken = set(project.blocks.names())
    needed = _closure(source.blocks, wanted)
    for name in needed:
        definition = source.blocks.get(name)
        graph = definition.graph.copy()
        for node in graph.nodes_of_type(BLOCK):
            node.params["block"] = renamed.get(
                node.params["block"], node.params["block"]
            )
        if name in project.blocks and project.blocks.get(name).graph == graph:
            continue  # the project has this very block already
        new_name = automatic_name(taken, name) if name in taken else name
        renamed[name] = new_name
        taken.add(new_name)
        copy = BlockDefinition(new_name, graph, definition.description)
        edits.append(AddBlock(copy, f"Add block {new_name}"))
    block = renamed.get(wanted, wanted)
    graph = project.network(network)
    owner = project.blocks.owner_of(graph)
    if owner is not None and owner in {renamed.get(n, n) for n in needed}:
        raise GraphError(f"block {block!r} cannot be used inside {owner!r}: it uses it")
    request = NodeRequest(
        BLOCK,
        (float(position[0]), float(position[1])),
        {"block": block, "repeat": 1},
        automatic_name(graph.names(), _stem(block)),
    )
    text = f"Add {block} from the library"
    return EditGroup(text, [*edits, AddNodes(network, [request], text)])


def _stem(block: str) -> str:
    from designer.graph.block_editing import use_stem

    return use_stem(block)


def save_to_library(project: Project, block: str, folder: Path) -> Path:
    """Write ``block`` (with the blocks it uses) as a library entry in ``folder``.

    The entry's example network feeds the block's inputs from Input nodes of the
    definition's own shapes and ends each output in an Output.  The write is
    atomic; an entry of the same name is replaced."""
    table = BlockTable()
    for name in _closure(project.blocks, block):
        definition = project.blocks.get(name)
        table.add(
            BlockDefinition(name, definition.graph.copy(), definition.description)
        )
    example = Graph("model")
    example.blocks = table
    use = example.add_node(BLOCK, _stem(block), {"block": block, "repeat": 1})
    inputs, outputs = table.ports(block)
    definition = table.get(block)
    for k, (port, node) in enumerate(zip(inputs, definition.inputs(), strict=True)):
        feed = example.add_node("Input", None, dict(node.params), (-320.0, 140.0 * k))
        example.connect(feed.id, "out", use.id, port)
    for k, port in enumerate(outputs):
        end = example.add_node("Output", None, None, (320.0, 140.0 * k))
        example.connect(use.id, port, end.id, "in")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{block}{LIBRARY_SUFFIX}"
    save_project(Project(f"{block} example", [example], blocks=table), target)
    return target
