"""The layer catalog's texts reach Qt Linguist through designer/ui/catalog_texts.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from designer.graph.catalog import CATEGORIES, all_specs
from designer.ui import catalog_texts
from designer.ui.language import install_language

ROOT = Path(__file__).resolve().parents[2]


def _generator():
    spec = importlib.util.spec_from_file_location(
        "catalog_texts_tool", ROOT / "tools" / "catalog_texts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_generated_file_is_up_to_date() -> None:
    fresh = _generator().generate()
    committed = (ROOT / "designer" / "ui" / "catalog_texts.py").read_text(
        encoding="utf-8"
    )
    assert committed == fresh, (
        "designer/ui/catalog_texts.py is out of date with the layer catalog: "
        "run python tools/catalog_texts.py"
    )


def test_every_spec_text_is_listed() -> None:
    listed = set(catalog_texts.LAYER_TEXTS)
    assert set(CATEGORIES) <= listed
    for spec in all_specs():
        assert spec.description in listed
        for param in spec.params:
            assert param.title in listed
            assert not param.help or param.help in listed


def test_block_descriptions_are_listed() -> None:
    assert any("ResNet" in text for text in catalog_texts.BLOCK_TEXTS)


def test_generator_notices_a_new_text(monkeypatch: pytest.MonkeyPatch) -> None:
    tool = _generator()
    before = tool.layer_texts()
    monkeypatch.setattr(tool, "CATEGORIES", (*tool.CATEGORIES, "Brand new category"))
    assert "Brand new category" in tool.layer_texts()
    assert "Brand new category" not in before


def test_layer_text_translates(qapp) -> None:
    description = next(s for s in all_specs() if s.type == "ReLU").description
    try:
        install_language("zh_CN")
        assert catalog_texts.layer_text("Convolution") == "卷积"
        assert catalog_texts.layer_text(description) != description
        assert catalog_texts.layer_text("") == ""
    finally:
        install_language("en")
    assert catalog_texts.layer_text("Convolution") == "Convolution"
