"""Variational autoencoders: loss = reconstruction error + β·KL divergence.

The network has three Outputs: the reconstruction, mu and logvar.  They are
found by the Output nodes' names (``mu`` and ``logvar``; the third is the
reconstruction), else taken in order: reconstruction, mu, logvar.  Both terms
are per sample, as in the exported ``train.py``: the reconstruction error is
summed over a sample's values (binary cross-entropy for Sigmoid decoders, or
squared error) and the KL divergence of N(mu, exp(logvar)) from N(0, I) summed
over the code.

Reported per epoch (``EpochMetrics.extra``): ``train_reconstruction`` and
``train_kl`` (means over the epoch's steps) and, on the validation data,
``reconstruction``, ``kl`` and ``neg_elbo`` (reconstruction + KL, the negative
evidence lower bound whatever β is; it falls as the model learns).

Samples from the prior come from a decoder built out of the graph: the nodes
between the Reparameterize node and the reconstruction, with Reparameterize
replaced by an Input of the code's shape.  The decoder shares the trained
network's layers (the very same modules), so it always decodes with the
current weights.

Previews for the UI (``PredictionSnapshot.previews``), when the samples are images::

    "reconstruction": {"originals": (k, C, H, W) in [0, 1], "reconstructions": (k, C, H, W)}
    "samples": {"images": (m, C, H, W) in [0, 1], "title": str}   # a fixed z per run
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
import torch
from torch import nn

from designer.codegen.naming import Namespace
from designer.graph.model import Graph, GraphError, Project
from designer.graph.shape import format_shape
from designer.shapes.infer import GraphShapes, infer_shapes
from designer.training.recipes.vae import (
    VAE_TERMS,
    evaluate_vae,
    kl_divergence,
    output_roles,
    reconstruction_error,
    vae_step,
)
from designer.training.settings import TrainingSettings
from designer.training.start_notes import NO_RANDOM_SAMPLES
from designer.training.tasks.base import (
    EvalResult,
    NetworkInfo,
    PredictionSnapshot,
    SingleModelTask,
)
from designer.training.tasks.reconstruction import (
    PREVIEW_SAMPLES,
    as_images,
    bce_problem,
    reconstruction_preview,
    untouched_randomness,
)

SAMPLE_COUNT = 64
OUTPUT_ROLES = ("reconstruction", "mu", "logvar")
__all__ = ["VAETask", "kl_divergence", "output_roles", "reconstruction_error"]


class DecoderUnavailable(Exception):
    """The graph has no decoder that runs from a code alone; the message says why."""


def _identifiers(graph: Graph) -> dict[str, str]:
    """Node id → attribute name, handed out exactly as the code generator does."""
    names = Namespace()
    return {node.id: names.create(node.name) for node in graph.nodes}


def decoder_graph(
    graph: Graph, shapes: GraphShapes, output_id: str
) -> tuple[Graph, tuple[int, ...]]:
    """The nodes from the Reparameterize node to the Output ``output_id``, fed by an Input z.

    Returns the decoder graph and the shape of one code z.  Raises
    :class:`DecoderUnavailable` when there is no such decoder.
    """
    reparameterize = graph.nodes_of_type("Reparameterize")
    if len(reparameterize) != 1:
        found = (
            "no Reparameterize node"
            if not reparameterize
            else f"{len(reparameterize)} Reparameterize nodes"
        )
        raise DecoderUnavailable(
            f"samples from random codes need exactly one Reparameterize node; the network has {found}"
        )
    source = reparameterize[0]
    view = graph.to_networkx()
    upstream = nx.ancestors(view, output_id)
    if source.id not in upstream:
        raise DecoderUnavailable(
            f"the reconstruction does not come from the Reparameterize node {source.name!r}"
        )
    keep = (nx.descendants(view, source.id) & upstream) | {output_id}
    for node_id in keep:
        for edge in graph.edges_into(node_id):
            if edge.source not in keep and edge.source != source.id:
                raise DecoderUnavailable(
                    f"{graph.node(node_id).name!r} also reads {graph.node(edge.source).name!r}, "
                    "so the decoder cannot run from a code alone"
                )
    code_shape = shapes.nodes[source.id].outputs.get("out")
    if code_shape is None or not all(isinstance(d, int) for d in code_shape[1:]):
        shown = format_shape(code_shape) if code_shape is not None else "unknown"
        raise DecoderUnavailable(
            f"random codes need a fixed code shape; {source.name!r} gives {shown}"
        )
    z_shape = tuple(int(d) for d in code_shape[1:])
    decoder = Graph(graph.name)
    for (
        node
    ) in graph.nodes:  # in the original order, so the code generator names them alike
        if node.id == source.id:
            decoder.add_node(
                "Input",
                node.name,
                {"shape": list(z_shape), "dtype": "float"},
                node.position,
                node.id,
            )
        elif node.id in keep:
            decoder.add_node(node.type, node.name, node.params, node.position, node.id)
    for edge in graph.edges:
        if edge.target in keep and (edge.source in keep or edge.source == source.id):
            port = "out" if edge.source == source.id else edge.source_port
            decoder.connect(edge.source, port, edge.target, edge.target_port)
    return decoder, z_shape


def build_decoder(
    graph: Graph, shapes: GraphShapes, output_id: str, trained: nn.Module
) -> tuple[nn.Module, tuple[int, ...]]:
    """A module z → reconstruction that shares ``trained``'s layers (no copies of the weights)."""
    from designer.codegen.build import build_networks

    decoder_nodes, z_shape = decoder_graph(graph, shapes, output_id)
    decoder_shapes = infer_shapes(decoder_nodes)
    if not decoder_shapes.valid:
        raise DecoderUnavailable(
            "the decoder part of the network does not check out on its own"
        )
    built = build_networks(
        Project(name="decoder", networks=[decoder_nodes]),
        {decoder_nodes.name: decoder_shapes},
    )
    module = built[decoder_nodes.name].module
    ours, theirs = _identifiers(decoder_nodes), _identifiers(graph)
    node_of = {name: node_id for node_id, name in ours.items()}
    if any(True for _ in module.parameters(recurse=False)) or any(
        True for _ in module.buffers(recurse=False)
    ):
        raise DecoderUnavailable("the decoder keeps weights outside its layers")
    for name, child in list(module.named_children()):
        try:
            shared = trained.get_submodule(theirs[node_of[name]])
        except (KeyError, AttributeError):
            raise DecoderUnavailable(
                f"the decoder's layer {name!r} is not in the trained network"
            ) from None
        mine = [tuple(p.shape) for p in child.parameters()]
        if type(shared) is not type(child) or mine != [
            tuple(p.shape) for p in shared.parameters()
        ]:
            raise DecoderUnavailable(
                f"the decoder's layer {name!r} does not match the trained one"
            )
        setattr(module, name, shared)
    return module, z_shape


class VAETask(SingleModelTask):
    name = "vae"

    # -- before the run ----------------------------------------------------
    def check(
        self,
        project: Project,
        infos: dict[str, NetworkInfo],
        dataset: Any,
        settings: TrainingSettings,
    ) -> list[str]:
        from designer.training.datasets import check_compatibility

        network = infos[project.networks[0].name]
        code = network.code
        if len(network.output_shapes) != 3:
            return [
                f"the vae task needs three Outputs on {network.name!r}: the reconstruction, mu and logvar "
                f"(named so, or in that order); it has {len(network.output_shapes)}"
            ]
        recon, mu, logvar = (
            network.output_shapes[i] for i in output_roles(code.output_names)
        )
        problems = []
        if tuple(mu) != tuple(logvar):
            problems.append(
                f"mu and logvar of {network.name!r} need the same shape; they are {format_shape(mu)} and "
                f"{format_shape(logvar)}"
            )
        recon_name = code.output_names[output_roles(code.output_names)[0]]
        problems += check_compatibility(
            dataset,
            dict(zip(code.input_names, code.input_shapes, strict=True)),
            {recon_name: recon},
            settings.task,
            input_dtypes=dict(zip(code.input_names, code.input_dtypes, strict=True)),
        )
        if settings.loss == "bce" and not problems:
            graph = project.networks[0]
            output = graph.nodes_of_type("Output")[output_roles(code.output_names)[0]]
            problem = bce_problem(graph, output.id, dataset)
            if problem:
                problems.append(problem)
        return problems

    def setup(self, context: Any) -> None:
        super().setup(context)
        self.network_name = next(iter(context.infos))
        info = context.infos[self.network_name]
        self.model = context.networks[self.network_name]
        self.roles = output_roles(info.code.output_names)
        self.loss_name = context.settings.loss
        self.beta = context.settings.beta
        self.clip = context.settings.grad_clip
        self._terms: list[
            tuple[torch.Tensor, torch.Tensor]
        ] = []  # per step, summed at the epoch's end
        self._notes: list[str] = []
        self.decoder: nn.Module | None = None
        self.fixed_z: torch.Tensor | None = None
        project = context.project
        if project is None:
            return
        graph = project.network(self.network_name)
        outputs = graph.nodes_of_type("Output")
        try:
            with untouched_randomness(
                context.device
            ):  # the decoder's fresh layers draw initial weights
                self.decoder, z_shape = build_decoder(
                    graph, info.shapes, outputs[self.roles[0]].id, self.model
                )
        except (DecoderUnavailable, GraphError) as error:
            self._notes.append(NO_RANDOM_SAMPLES.format(error=error))
            return
        generator = torch.Generator().manual_seed(context.settings.seed)
        self.fixed_z = torch.randn((SAMPLE_COUNT, *z_shape), generator=generator).to(
            context.device
        )

    def notes(self) -> list[str]:
        return list(self._notes)

    # -- during the run ------------------------------------------------------
    def train_step(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        loss, error, kl = vae_step(
            self.model,
            self.optimizer,
            x,
            self.roles,
            self.loss_name,
            self.beta,
            self.parameters,
            self.clip,
            self.recipe_autocast,
        )
        self._terms.append((error, kl))
        return loss

    def epoch_terms(self) -> dict[str, float]:
        if not self._terms:
            return {}
        error, kl = self.step_means(self._terms)
        self._terms = []
        return dict(zip(VAE_TERMS[1:], (error, kl), strict=True))

    def evaluate(
        self, batches: Iterable[tuple[torch.Tensor, torch.Tensor]]
    ) -> EvalResult:
        metrics = evaluate_vae(
            self.model,
            batches,
            self.roles,
            self.loss_name,
            self.beta,
            self.context.device,
            self.recipe_autocast,
        )
        return EvalResult(loss=metrics.pop("val_loss"), extra=metrics)

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """Reconstructions from codes z (the decoder must exist)."""
        assert self.decoder is not None
        with self.context.autocast():
            return self.decoder(z).float()

    def snapshot(
        self, epoch: int, x: torch.Tensor, y: torch.Tensor, x_train: torch.Tensor
    ) -> PredictionSnapshot | None:
        x = x[:PREVIEW_SAMPLES]
        with untouched_randomness(self.context.device), self.context.autocast():
            recon = (
                self.model(x)[self.roles[0]].float().reshape(x.shape)
            )  # Reparameterize draws noise
        previews: dict[str, Any] = {}
        preview = reconstruction_preview(x, recon)
        if preview is not None:
            previews["reconstruction"] = preview
        if self.decoder is not None and self.fixed_z is not None:
            with untouched_randomness(self.context.device):
                images = as_images(self.decode(self.fixed_z))
            if images is not None:
                previews["samples"] = {
                    "images": images,
                    "title": f"Decoded from {len(images)} fixed random codes z ~ N(0, I)",
                }
        return PredictionSnapshot(
            epoch=epoch,
            x=x.cpu().numpy(),
            y_true=x.float().cpu().numpy(),
            y_pred=recon.cpu().numpy(),
            previews=previews,
        )
