"""TransformerDecoderLayer built from generated code: the causal switch hides later
target steps, every step sees the whole memory, the time-first layout computes the
same, and a memory of the wrong size is a problem in words."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from designer.codegen.build import build_model
from designer.codegen.module import generate_code
from designer.graph.model import Graph, Project
from designer.shapes.infer import infer_shapes

torch.set_num_threads(1)


def _decoder(params: dict[str, Any], memory_shape: list | None = None) -> Project:
    graph = Graph("model")
    target = graph.add_node("Input", name="target", params={"shape": ["T", 8]})
    memory = graph.add_node(
        "Input", name="memory", params={"shape": memory_shape or ["S", 8]}
    )
    layer = graph.add_node(
        "TransformerDecoderLayer",
        name="layer",
        params={"nhead": 2, "dim_feedforward": 16, "dropout": 0.0, **params},
    )
    sink = graph.add_node("Output")
    graph.connect(target.id, "out", layer.id, "tgt")
    graph.connect(memory.id, "out", layer.id, "memory")
    graph.connect(layer.id, "out", sink.id, "in")
    return Project("decoder", [graph])


def _inputs() -> tuple[torch.Tensor, torch.Tensor]:
    torch.manual_seed(1)
    return torch.randn(2, 7, 8), torch.randn(2, 5, 8)


@pytest.mark.parametrize("batch_first", [True, False])
def test_a_causal_target_step_ignores_later_target_steps(batch_first: bool) -> None:
    project = _decoder({"causal": True, "batch_first": batch_first})
    module = build_model(project).eval()
    target, memory = _inputs()
    changed = target.clone()
    changed[:, 4:] = torch.randn(2, 3, 8)
    with torch.no_grad():
        before, after = module(target, memory), module(changed, memory)
    assert before.shape == (2, 7, 8)
    assert torch.allclose(before[:, :4], after[:, :4], atol=1e-5)
    assert not torch.allclose(before[:, 4:], after[:, 4:], atol=1e-3)
    assert "tgt_is_causal=True" in generate_code(project)


def test_without_the_mask_a_step_sees_later_steps_and_all_see_the_memory() -> None:
    module = build_model(_decoder({})).eval()
    target, memory = _inputs()
    later, other_memory = target.clone(), memory.clone()
    later[:, 6] += 1.0
    other_memory[:, 4] += 1.0
    with torch.no_grad():
        base = module(target, memory)
        assert not torch.allclose(base[:, 0], module(later, memory)[:, 0], atol=1e-4)
        moved = module(target, other_memory)
    assert all(not torch.allclose(base[:, t], moved[:, t], atol=1e-4) for t in range(7))


def test_time_first_decoder_computes_what_the_batch_first_one_does() -> None:
    first = build_model(_decoder({"batch_first": True, "causal": True})).eval()
    project = _decoder({"batch_first": False, "causal": True})
    assert ".transpose(0, 1)" in generate_code(project)
    time_first = build_model(project).eval()
    time_first.load_state_dict(first.state_dict())
    target, memory = _inputs()
    with torch.no_grad():
        assert torch.allclose(
            first(target, memory), time_first(target, memory), atol=1e-5
        )


def test_parameters_are_counted_as_pytorch_counts_them() -> None:
    project = _decoder({"norm_first": True, "activation": "gelu"})
    graph = project.networks[0]
    info = infer_shapes(graph).nodes[graph.node_by_name("layer").id]
    module = build_model(project)
    assert info.params == sum(p.numel() for p in module.parameters()) > 0
    assert info.outputs["out"] == ("N", "T", 8)


def test_a_memory_of_another_embedding_size_is_a_problem() -> None:
    graph = _decoder({}, memory_shape=["S", 6]).networks[0]
    error = infer_shapes(graph).nodes[graph.node_by_name("layer").id].error
    assert error == (
        "TransformerDecoderLayer 'layer': expects a memory (N, S, 8) with the "
        "target's embedding size, got (N, S, 6)"
    )
