"""designer.i18n: the command line's translations, read from .ts files without Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from designer import i18n
from designer.i18n import (
    CHINESE,
    ENGLISH,
    Cli,
    catalog,
    language_from_environment,
    read_ts,
    set_language,
    translate,
)

REPO = Path(__file__).resolve().parents[1]

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>finished</source>
        <translation>完成的</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation type="unfinished">半成品</translation>
    </message>
    <message>
        <source>empty</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>same</source>
        <comment>other</comment>
        <translation>另一个</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def language():
    """Set the command line's language for a test and restore it afterwards."""
    yield set_language
    set_language(None)


def test_only_finished_translations_are_read(tmp_path: Path) -> None:
    ts = tmp_path / "x_zh_CN.ts"
    ts.write_text(TS, encoding="utf-8")
    found = read_ts(ts)
    assert found[("Cli", "finished", "")] == ("完成的",)
    assert ("Cli", "unfinished", "") not in found
    assert ("Cli", "empty", "") not in found
    assert found[("Cli", "%n file(s)", "")] == ("%n 个文件",)
    assert found[("Cli", "same", "other")] == ("另一个",)


def test_a_missing_or_damaged_file_means_english(tmp_path: Path) -> None:
    assert read_ts(tmp_path / "missing.ts") == {}
    bad = tmp_path / "bad.ts"
    bad.write_text("<TS><context><name>Cli", encoding="utf-8")
    assert read_ts(bad) == {}


def test_translate_with_a_catalog(tmp_path: Path, monkeypatch, language) -> None:
    ts = tmp_path / "cli_zh_CN.ts"
    ts.write_text(TS, encoding="utf-8")
    monkeypatch.setattr(i18n, "_i18n_folder", lambda: tmp_path)
    monkeypatch.setattr(i18n, "GROUPS", ("cli",))
    language(CHINESE)
    assert translate("Cli", "finished") == "完成的"
    assert translate("Cli", "unfinished") == "unfinished"  # English, not the draft
    assert translate("Cli", "nothing like it") == "nothing like it"
    assert Cli.tr("%n file(s)", "", 3) == "3 个文件"
    assert translate("Cli", "same", "other") == "另一个"
    assert translate("Cli", "same") == "same"
    language(ENGLISH)
    assert translate("Cli", "finished") == "finished"
    assert Cli.tr("%n file(s)", "", 1) == "1 file"
    assert Cli.tr("%n file(s)", "", 3) == "3 files"


def test_a_damaged_shipped_file_gives_english_without_a_traceback(
    tmp_path: Path, monkeypatch, language
) -> None:
    (tmp_path / "cli_zh_CN.ts").write_bytes(b"\x00\xffnot xml")
    monkeypatch.setattr(i18n, "_i18n_folder", lambda: tmp_path)
    language(CHINESE)
    assert translate("Cli", "Total") == "Total"
    monkeypatch.setattr(i18n, "_i18n_folder", lambda: tmp_path / "nowhere")
    assert translate("Cli", "Total") == "Total"


def test_the_shipped_catalog_translates_the_command_line(language) -> None:
    language(CHINESE)
    assert Cli.tr("Total") == "合计"
    assert translate("Problem", "no such file") == "文件不存在"  # the model's group
    assert ("Cli", "Total", "") in catalog(CHINESE)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ENGLISH),
        ({"LANG": "C.UTF-8"}, ENGLISH),
        ({"LANG": "zh_CN.UTF-8"}, CHINESE),
        ({"LANG": "zh_TW.UTF-8"}, CHINESE),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, ENGLISH),  # LC_ALL comes first
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, CHINESE),
        ({"LANGUAGE": "zh_CN:en", "LC_ALL": "en_US.UTF-8"}, CHINESE),
        ({"LANGUAGE": "", "LANG": "zh_SG"}, CHINESE),  # an empty one is skipped
    ],
)
def test_the_language_of_the_environment(environ, expected) -> None:
    assert language_from_environment(environ) == expected


def test_an_unknown_language_is_refused(language) -> None:
    with pytest.raises(ValueError, match="no language 'fr'"):
        language("fr")


def test_reading_translations_loads_no_qt() -> None:
    code = (
        "import sys; from designer.i18n import set_language, translate; "
        "set_language('zh_CN'); assert translate('Cli', 'Total') == '合计'; "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
