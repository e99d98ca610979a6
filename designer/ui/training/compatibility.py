"""Does the chosen dataset fit the network?  Gathers the graph's Input/Output shapes
from the document's analysis and asks the datasets package, in plain words.

Also finds the Input that "Set Input shape from dataset" should change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.graph.model import Graph, Node, Project
from designer.graph.translatable import QT_TRANSLATE_NOOP, Message
from designer.shapes.infer import GraphShapes
from designer.ui.problem_text import translated

FIT_NOT_CHECKED = QT_TRANSLATE_NOOP(
    "Problem", "The fit of the dataset could not be checked: {error}"
)


@dataclass(frozen=True)
class NetworkIO:
    """The Inputs and Outputs of the network the dataset feeds, as inference sees them."""

    network: str
    input_shapes: dict[str, tuple]
    output_shapes: dict[str, tuple]
    input_dtypes: dict[str, str]
    num_embeddings: int | None


def data_network(project: Project, task: str = "") -> Graph:
    """The network the dataset's samples go into: a GAN's discriminator, else the first network."""
    if task == "gan":
        for graph in project.networks:
            if graph.name.strip().lower() == "discriminator":
                return graph
    return project.networks[0]


def network_io(
    project: Project, analysis: dict[str, GraphShapes], task: str = ""
) -> NetworkIO:
    graph = data_network(project, task)
    shapes = analysis.get(graph.name)
    inputs: dict[str, tuple] = {}
    outputs: dict[str, tuple] = {}
    dtypes: dict[str, str] = {}
    for node in graph.nodes:
        info = shapes.nodes.get(node.id) if shapes is not None else None
        if node.type == "Input":
            shape = info.outputs.get("out") if info is not None else None
            inputs[node.name] = (
                tuple(shape) if shape else ("N", *node.params.get("shape", []))
            )
            dtypes[node.name] = str(node.params.get("dtype", "float"))
        elif node.type == "Output" and info is not None and info.inputs:
            outputs[node.name] = tuple(next(iter(info.inputs.values())))
    embeddings = graph.nodes_of_type("Embedding")
    rows = int(embeddings[0].params["num_embeddings"]) if embeddings else None
    return NetworkIO(graph.name, inputs, outputs, dtypes, rows)


def compatibility_problems(
    project: Project, analysis: dict[str, GraphShapes], dataset: Any, task: str
) -> list[Message]:
    """Reasons (for people) why ``dataset`` cannot train the project; [] when it fits."""
    from designer.training.datasets import compatibility_messages

    io = network_io(project, analysis, task)
    return compatibility_messages(
        dataset,
        io.input_shapes,
        io.output_shapes,
        task,
        input_dtypes=io.input_dtypes,
        num_embeddings=io.num_embeddings,
    )


def bullet_list(problems: list[Message]) -> str:
    """The problems one a line, each after a bullet, in the interface language."""
    return "\n".join(f"• {translated(problem)}" for problem in problems)


def single_input(graph: Graph) -> Node | None:
    """The network's only Input, or None when it has none or several."""
    found = graph.nodes_of_type("Input")
    return found[0] if len(found) == 1 else None


def input_shape_differs(graph: Graph, dataset: Any) -> bool:
    from designer.training.datasets import suggested_input_shape

    node = single_input(graph)
    return node is not None and list(node.params.get("shape", [])) != list(
        suggested_input_shape(dataset)
    )


# A project that has not chosen a dataset starts on one its Input can take.
IMAGE_DEFAULTS = {(28, 28): "digits28", (8, 8): "digits"}
FLAT_DEFAULTS = {784: "digits28", 64: "digits"}
TOKEN_DEFAULT = "tokens_majority"
FALLBACK_DATASET = "moons"


def default_dataset_spec(project: Project) -> dict[str, Any]:
    """The built-in dataset a new project's Input fits: the digits for a 1×28×28
    image (flat for 784 features), the 8×8 digits for 1×8×8, a token set for
    integer token ids, the two moons otherwise (or without exactly one Input)."""
    node = single_input(data_network(project))
    name, options = FALLBACK_DATASET, {}
    if node is not None and node.params.get("dtype") == "long":
        name = TOKEN_DEFAULT
    elif node is not None:
        shape = tuple(node.params.get("shape") or ())
        if len(shape) == 3 and shape[0] == 1 or len(shape) == 2:
            name = IMAGE_DEFAULTS.get(shape[-2:], FALLBACK_DATASET)
        elif len(shape) == 1 and shape[0] in FLAT_DEFAULTS:
            name, options = FLAT_DEFAULTS[shape[0]], {"layout": "flat"}
    return {"name": name, "options": options}
