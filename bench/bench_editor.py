"""Editor responsiveness on a 500-node network.

Times, in one process:
  * baseline: bare ``infer_shapes`` + ``generate_code`` on the project (what any
    edit must at least cost);
  * open: ``Document.new(project)`` with a visible canvas (analysis, scene with
    every node and edge item, first paint);
  * edit: ``document.set_param`` on an early layer, so every downstream shape,
    badge and edge label changes, plus the regenerated code and a repaint;
  * drag: a move of 50 nodes (one undoable command);
  * zoom: one zoom step with the whole network in view (every card re-rendered).
and prints them with their ratios to the baseline.  Targets: open < 1 s, edit < 50 ms.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_editor.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from designer.codegen.module import generate_code  # noqa: E402
from designer.graph.model import Graph, Project  # noqa: E402
from designer.shapes.infer import infer_shapes  # noqa: E402
from designer.ui.canvas.view import NetworkView  # noqa: E402
from designer.ui.document import Document  # noqa: E402

BLOCKS = 124  # 4 nodes each, plus Input and Output: 498 nodes
REPEATS = 7


def residual_mlp(blocks: int = BLOCKS) -> Project:
    """Input → blocks of (Linear, ReLU, Linear, Add with the block's input) → Output."""
    graph = Graph("model")
    previous = graph.add_node("Input", "x", {"shape": [64]}, (0, 0))
    x = 240.0
    for k in range(blocks):
        row = (k % 10) * 400.0
        column = (k // 10) * 4 * 240.0
        first = graph.add_node(
            "Linear", f"fc{k}a", {"out_features": 96}, (column + 240, row)
        )
        relu = graph.add_node("ReLU", f"relu{k}", None, (column + 480, row))
        second = graph.add_node(
            "Linear", f"fc{k}b", {"out_features": 64}, (column + 720, row)
        )
        add = graph.add_node("Add", f"add{k}", None, (column + 960, row + 160))
        graph.connect(previous.id, "out", first.id, "in")
        graph.connect(first.id, "out", relu.id, "in")
        graph.connect(relu.id, "out", second.id, "in")
        graph.connect(second.id, "out", add.id, "in1")
        graph.connect(previous.id, "out", add.id, "in2")
        previous = add
        x += 960
    output = graph.add_node("Output", "y", None, (x, 0))
    graph.connect(previous.id, "out", output.id, "in")
    return Project("Bench", [graph])


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    project = residual_mlp()
    graph = project.graph
    print(f"network: {len(graph.nodes)} nodes, {len(graph.edges)} edges")

    baseline = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        shapes = infer_shapes(graph)
        generate_code(project, {graph.name: shapes})
        baseline.append(time.perf_counter() - start)
    base = median_ms(baseline)

    document = Document()
    view = NetworkView(document)
    view.resize(1400, 900)
    view.show()
    app.processEvents()

    opens = []
    for _ in range(3):
        fresh = residual_mlp()
        start = time.perf_counter()
        document.new(fresh)
        document.code()
        app.processEvents()
        view.viewport().repaint()
        opens.append(time.perf_counter() - start)
    scene = view.network_scene
    assert len(scene.node_items()) == len(document.graph.nodes)

    first_linear = next(n for n in document.graph.nodes if n.type == "Linear")
    edits = []
    for k in range(REPEATS):
        start = time.perf_counter()
        message = document.set_param(first_linear.id, "out_features", 80 + 2 * k)
        code = document.code()
        app.processEvents()
        view.viewport().repaint()
        edits.append(time.perf_counter() - start)
        assert message is None and f"nn.Linear(64, {80 + 2 * k})" in code
    canvas_only = []
    for k in range(REPEATS):
        start = time.perf_counter()
        document.set_param(first_linear.id, "out_features", 120 + 2 * k)
        app.processEvents()
        view.viewport().repaint()
        canvas_only.append(time.perf_counter() - start)
    document.set_param(first_linear.id, "out_features", 80 + 2 * (REPEATS - 1))
    shown = scene.node_item(first_linear.id).shape_text
    assert shown == f"(N, {80 + 2 * (REPEATS - 1)})", shown

    moved = [n.id for n in document.graph.nodes[:50]]
    drags = []
    for k in range(REPEATS):
        moves = {}
        for node_id in moved:
            x, y = document.graph.node(node_id).position
            moves[node_id] = ((x, y), (x + 20, y + 20 * (k % 2)))
        start = time.perf_counter()
        document.move_nodes(moves)
        app.processEvents()
        view.viewport().repaint()
        drags.append(time.perf_counter() - start)

    view.fit_to_view()
    app.processEvents()
    zooms = []
    for k in range(REPEATS):
        start = time.perf_counter()
        view.zoom_in() if k % 2 == 0 else view.zoom_out()
        view.viewport().repaint()
        zooms.append(time.perf_counter() - start)

    edit, open_ms, drag = median_ms(edits), median_ms(opens), median_ms(drags)
    canvas_ms = median_ms(canvas_only)
    infer_only = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        infer_shapes(graph)
        infer_only.append(time.perf_counter() - start)
    infer_ms = median_ms(infer_only)
    print(f"baseline infer_shapes + generate_code: {base:8.1f} ms")
    print(
        f"open (document + scene + first paint): {open_ms:8.1f} ms   ratio {open_ms / base:5.1f}x   target < 1000 ms"
    )
    print(
        f"parameter edit → shapes, badges, code: {edit:8.1f} ms   ratio {edit / base:5.1f}x   target < 50 ms"
    )
    print(
        f"  of which canvas only (no code):      {canvas_ms:8.1f} ms   vs bare infer_shapes {infer_ms:.1f} ms: ratio {canvas_ms / infer_ms:5.1f}x"
    )
    print(f"move of 50 nodes (one command):        {drag:8.1f} ms")
    print(
        f"zoom step, all {len(scene.node_items())} nodes in view:      {median_ms(zooms):8.1f} ms"
    )
    view.close()
    document.undo_stack.clear()


if __name__ == "__main__":
    main()
