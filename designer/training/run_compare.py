"""What differs between kept runs, their metrics as CSV, and a table of them (no Qt).

A run's setup is flattened into one level of ``name → text``: the training
settings by their own names (``lr``, ``epochs``), ``dataset``, ``layers`` (which
layer types and how many of each, per network when there are several) and
``<layer name>.<parameter>`` for every layer's parameters.  Comparing runs then
means keeping the names whose texts are not all equal, so a run with a Dropout
and one without differ in ``layers`` and ``dropout1.p``.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from designer.graph.safe_files import atomic_write_text
from designer.i18n import QT_TRANSLATE_NOOP
from designer.training.run_history import PER_LAYER, RunHistoryError, RunRecord

MISSING = "—"
SUMMARY_METRICS = ("train_loss", "val_loss", "val_accuracy")
#: (context, text) → the text in the reader's language; this one keeps English.
Translate = Callable[[str, str], str]
CONTEXT = "RunTable"
SECONDS = QT_TRANSLATE_NOOP("RunTable", "{seconds} s")
MINUTES = QT_TRANSLATE_NOOP("RunTable", "{minutes} min {seconds} s")
HOURS = QT_TRANSLATE_NOOP("RunTable", "{hours} h {minutes} min")
CPU = QT_TRANSLATE_NOOP("RunTable", "CPU")
GPU = QT_TRANSLATE_NOOP("RunTable", "GPU ({device})")
#: The titles of the table's own columns (a setting's or a layer parameter's
#: column is titled by its name).
COLUMN_TITLES = {
    "run": QT_TRANSLATE_NOOP("RunTable", "run"),
    "name": QT_TRANSLATE_NOOP("RunTable", "name"),
    "epochs done": QT_TRANSLATE_NOOP("RunTable", "epochs done"),
    "duration": QT_TRANSLATE_NOOP("RunTable", "duration"),
    "device": QT_TRANSLATE_NOOP("RunTable", "device"),
    "started": QT_TRANSLATE_NOOP("RunTable", "started"),
    "train_loss": QT_TRANSLATE_NOOP("RunTable", "train_loss"),
    "val_loss": QT_TRANSLATE_NOOP("RunTable", "val_loss"),
    "val_accuracy": QT_TRANSLATE_NOOP("RunTable", "val_accuracy"),
    "layers": QT_TRANSLATE_NOOP("RunTable", "layers"),
    "dataset": QT_TRANSLATE_NOOP("RunTable", "dataset"),
}


def english(context: str, text: str) -> str:
    """The :data:`Translate` that keeps the English text."""
    del context
    return text


def column_title(header: str, translate: Translate = english) -> str:
    """A column of :func:`table_rows` titled in the reader's language."""
    title = COLUMN_TITLES.get(header)
    return header if title is None else translate(CONTEXT, title)


def format_device(device: str, translate: Translate = english) -> str:
    """A run's device as PyTorch names it ("cpu", "cuda:0", "mps") for people:
    "CPU", "GPU (cuda:0)", in the reader's language; "—" when not recorded."""
    if not device:
        return MISSING
    if device == "cpu":
        return translate(CONTEXT, CPU)
    if device.startswith(("cuda", "mps", "xpu")):
        return translate(CONTEXT, GPU).format(device=device)
    return device


def _text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return "×".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_text(v)}" for k, v in sorted(value.items()))
    return str(value)


def layer_counts(nodes: Sequence[dict[str, Any]]) -> str:
    """The layer types of a network and how many of each, in order of first use:
    ``Flatten, Linear ×3, ReLU ×2, Dropout ×2`` (Input and Output left out)."""
    counts: dict[str, int] = {}
    for node in nodes:
        kind = str(node.get("type", "?"))
        if kind not in ("Input", "Output"):
            counts[kind] = counts.get(kind, 0) + 1
    return ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in counts.items()) or MISSING


def flatten_setup(run: RunRecord) -> dict[str, str]:
    """The run's settings, dataset and network as one level of name → text."""
    flat = {str(key): _text(value) for key, value in sorted(run.settings.items())}
    dataset = run.project.get("dataset")
    if isinstance(dataset, dict):
        name = dataset.get("name") or dataset.get("options", {}).get("path", "")
        flat["dataset"] = _text(name)
        for key, value in sorted(dict(dataset.get("options") or {}).items()):
            flat[f"dataset.{key}"] = _text(value)
    networks = [n for n in run.project.get("networks", []) if isinstance(n, dict)]
    for network in networks:
        nodes = [n for n in network.get("nodes", []) if isinstance(n, dict)]
        label = "layers" if len(networks) == 1 else f"layers ({network.get('name')})"
        flat[label] = layer_counts(nodes)
        for node in nodes:
            for key, value in sorted(dict(node.get("params") or {}).items()):
                flat[f"{node.get('name', node.get('id'))}.{key}"] = _text(value)
    return flat


def differing_settings(runs: Sequence[RunRecord]) -> list[str]:
    """The names of the setup values that are not the same in all ``runs``.

    One run has nothing to differ from; a value only some runs have differs."""
    if len(runs) < 2:
        return []
    flats = [flatten_setup(run) for run in runs]
    names: list[str] = []
    for flat in flats:
        names += [name for name in flat if name not in names]
    return [
        name for name in names if len({flat.get(name, MISSING) for flat in flats}) > 1
    ]


def format_duration(seconds: float, translate: Translate = english) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min`` (in the words of ``translate``)."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return translate(CONTEXT, SECONDS).format(seconds=seconds)
    minutes, rest = divmod(seconds, 60)
    if minutes < 60:
        return translate(CONTEXT, MINUTES).format(
            minutes=minutes, seconds=f"{rest:02d}"
        )
    hours, minutes = divmod(minutes, 60)
    return translate(CONTEXT, HOURS).format(hours=hours, minutes=f"{minutes:02d}")


def local_time(started: str) -> str:
    """A run's start (stored in UTC) in the computer's own time zone, to the minute."""
    try:
        when = datetime.fromisoformat(started)
    except ValueError:
        return started
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def format_metric(name: str, value: float | None) -> str:
    if value is None:
        return MISSING
    return f"{value:.1%}" if name.endswith("accuracy") else f"{value:.4f}"


def summary_metrics(runs: Sequence[RunRecord]) -> list[str]:
    """The final metrics worth a column: the usual ones any run reported."""
    return [
        name for name in SUMMARY_METRICS if any(r.final(name) is not None for r in runs)
    ]


def table_rows(
    runs: Sequence[RunRecord], translate: Translate = english
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the history table: id and name, the setup values that
    differ (what the comparison is about), final metrics, epochs, duration, device,
    start.  The headers are names (:func:`column_title` titles them); the
    durations are worded by ``translate``."""
    metrics = summary_metrics(runs)
    differing = differing_settings(runs)
    headers = [
        "run",
        "name",
        *differing,
        *metrics,
        "epochs done",
        "duration",
        "device",
        "started",
    ]
    rows = []
    for run in runs:
        flat = flatten_setup(run)
        rows.append(
            [
                run.run_id,
                run.name,
                *(flat.get(name, MISSING) for name in differing),
                *(format_metric(m, run.final(m)) for m in metrics),
                str(len(run.epochs)),
                format_duration(run.duration_s, translate),
                format_device(run.device, translate),
                local_time(run.started),
            ]
        )
    return headers, rows


def metrics_csv(runs: Sequence[RunRecord]) -> str:
    """Every epoch of every run, one row each: run, name, epoch, then the metrics."""
    columns: list[str] = []
    for run in runs:
        for record in run.epochs:
            columns += [
                key
                for key in record
                if key != "epoch" and key not in PER_LAYER and key not in columns
            ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["run", "name", "epoch", *columns])
    for run in runs:
        for record in run.epochs:
            values = [record.get(key) for key in columns]
            writer.writerow(
                [
                    run.run_id,
                    run.name,
                    record["epoch"],
                    *("" if v is None else v for v in values),
                ]
            )
    return out.getvalue()


def export_metrics_csv(runs: Sequence[RunRecord], path: str | os.PathLike[str]) -> Path:
    """Write :func:`metrics_csv` atomically; raises :class:`RunHistoryError`."""
    if not runs:
        raise RunHistoryError("choose at least one run to export")
    target = Path(path)
    try:
        atomic_write_text(target, metrics_csv(runs))
    except OSError as error:
        raise RunHistoryError(
            f"the metrics could not be written to {target}: {error.strerror or error}"
        ) from None
    return target
