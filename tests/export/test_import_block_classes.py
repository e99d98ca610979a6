"""Modules of one class built with different arguments come back as one class
(issue 11): GoogLeNet's Inceptions, stages of two widths."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import torch

from designer.codegen.build import build_networks
from designer.codegen.module import generate_code
from designer.export.model_import import InputSpec, import_model, load_model

HERE = Path(__file__).parent
GOOGLENET = HERE / "googlenet.py"


def code_lines(source: str) -> int:
    """Lines that are code: no blank lines, comments or docstrings, and not the
    ``if __name__ == "__main__":`` example the exported file ends with."""
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            skipped.update(range(body[0].lineno, (body[0].end_lineno or 0) + 1))
    for node in tree.body:
        if isinstance(node, ast.If):
            skipped.update(range(node.lineno, (node.end_lineno or 0) + 1))
    return sum(
        1
        for number, line in enumerate(source.splitlines(), 1)
        if number not in skipped and line.strip() and not line.lstrip().startswith("#")
    )


def ruff_formatted(source: str) -> str | None:
    """What ruff format makes of ``source`` (None when ruff is not installed)."""
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:
        return None
    result = subprocess.run(
        [find_ruff_bin(), "format", "--isolated", "--stdin-filename", "model.py", "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def test_code_lines_leaves_out_what_is_not_code() -> None:
    source = '"""Doc."""\n\nimport torch  # a comment\n# alone\n\nif __name__ == "__main__":\n    print(1)\n'
    assert code_lines(source) == 1


def test_googlenet_comes_back_with_one_inception_class_and_its_weights() -> None:
    torch.manual_seed(0)
    model, path = load_model(f"{GOOGLENET}:GoogLeNet")
    result = import_model(model, [InputSpec.parse("1x16x16")], "GoogLeNet", path)
    project = result.project
    # The project keeps a definition per channel setting (the file format is
    # unchanged); the code has one class, constructed with each use's numbers.
    assert len(project.blocks.names()) == 4
    code = generate_code(project)
    classes = [n.name for n in ast.parse(code).body if isinstance(n, ast.ClassDef)]
    assert classes == ["Inception", "GoogLeNet"]
    assert ruff_formatted(code) in (code, None)
    assert "p2: tuple[int, int]," in code
    assert "self.p2_2 = nn.Conv2d(p2[0], p2[1], kernel_size=3, padding=1)" in code
    assert (
        "self.inception3b = Inception(in_channels=20, p1=8, p2=(8, 12), p3=(2, 6), p4=6)"
        in code
    )
    # The original's weights load into the exported code, which gives its outputs.
    built = build_networks(project)[project.networks[0].name].module.eval()
    built.load_state_dict(result.converted_state_dict(model.state_dict()), strict=True)
    x = torch.randn(3, 1, 16, 16)
    with torch.no_grad():
        assert torch.allclose(model.eval()(x), built(x), rtol=1e-4, atol=1e-5)
    # About as long as the hand-written original (54 code lines to 36 when this was
    # written; a class per definition made 137): the network class keeps a line per
    # layer, which the training probes read, and ruff puts each typed __init__
    # argument on a line of its own.
    original = GOOGLENET.read_text()
    assert code_lines(code) <= 1.6 * code_lines(original)


def test_stages_of_two_widths_are_one_stage_and_one_residual_class() -> None:
    torch.manual_seed(1)
    model, path = load_model(f"{HERE / 'import_models.py'}:WideningStages")
    result = import_model(model, [InputSpec.parse("1x8x8")], "Widening", path)
    project = result.project
    assert set(project.blocks.names()) == {
        "Residual",
        "Residual_1",
        "Stage",
        "Stage_1",
    }
    code = generate_code(project)
    assert code.count("class Residual(nn.Module)") == 1
    assert code.count("class Stage(nn.Module)") == 1
    assert "class Stage1" not in code and "class Residual1" not in code
    # The stage passes its width on to the blocks inside.
    assert "self.first = Residual(channels=channels)" in code
    assert "self.stage2 = Stage(channels=6)" in code
    built = build_networks(project)[project.networks[0].name].module.eval()
    built.load_state_dict(result.converted_state_dict(model.state_dict()), strict=True)
    assert result.key_map["stage2.second.conv1.weight"] == "stage2.second.conv1.weight"
    x = torch.randn(3, 1, 8, 8)
    with torch.no_grad():
        assert torch.allclose(model.eval()(x), built(x), rtol=1e-4, atol=1e-5)
