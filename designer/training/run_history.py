"""Every run of a project, kept next to the project file (no Qt, no torch).

A project ``lesson.json`` keeps its runs in ``lesson.runs/``, one folder per run::

    lesson.runs/
      run-0001/
        meta.json       name, started (UTC, ISO 8601), duration_s, device, status
        settings.json   the training settings the run used
        project.json    the project as it was trained (network and dataset)
        metrics.json    per-epoch losses and accuracy (the format of ``designer train``)
        weights.safetensors  the trained weights (weights.pt from a .pt file), if any

A run is written into a hidden folder first and renamed into place, so a killed
app leaves no half-written run; renaming rewrites ``meta.json`` atomically.
Reading checks every file (size, JSON, the types of the fields a table shows)
and skips a damaged run with a message in :attr:`RunHistory.problems` instead of
failing the whole history.  Nothing is unpickled here; weights are read by
:mod:`designer.training.checkpoints` with ``weights_only=True``.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from designer.graph.safe_files import (
    UnreadableFileError,
    atomic_write_text,
    read_bytes_limited,
)

HISTORY_SUFFIX = ".runs"
META, SETTINGS, PROJECT, METRICS = (
    "meta.json",
    "settings.json",
    "project.json",
    "metrics.json",
)
WEIGHTS_FILES = ("weights.safetensors", "weights.pt")  # as the run left them
MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_NAME_LENGTH = 80
_RUN_ID = re.compile(r"run-(\d{4,})")


class RunHistoryError(ValueError):
    """A run could not be kept, renamed, deleted or read; the message says why."""


def history_folder(project_path: str | os.PathLike[str]) -> Path:
    """Where the runs of the project file at ``project_path`` are kept."""
    path = Path(project_path)
    return path.with_name((path.stem or path.name) + HISTORY_SUFFIX)


@dataclass(frozen=True)
class RunRecord:
    """One kept run, as read from its folder."""

    run_id: str
    folder: Path
    name: str
    started: str  # ISO 8601, UTC
    duration_s: float
    device: str
    status: str
    settings: dict[str, Any]
    metrics: dict[str, Any]
    project: dict[str, Any] = field(default_factory=dict)

    @property
    def epochs(self) -> list[dict[str, Any]]:
        return self.metrics.get("epochs", [])

    @property
    def weights(self) -> Path | None:
        """The run's weights file, or None when it left none."""
        for name in WEIGHTS_FILES:
            path = self.folder / name
            if path.is_file() and not path.is_symlink():
                return path
        return None

    def series(self, key: str) -> tuple[list[int], list[float]]:
        """Epoch numbers and values of one metric (epochs without a value left out)."""
        xs, ys = [], []
        for record in self.epochs:
            value = record.get(key)
            if isinstance(value, int | float) and math.isfinite(value):
                xs.append(int(record["epoch"]))
                ys.append(float(value))
        return xs, ys

    def final(self, key: str) -> float | None:
        """The metric's value after the last epoch that reported it."""
        _xs, ys = self.series(key)
        return ys[-1] if ys else None

    def metric_names(self) -> list[str]:
        """The per-epoch metrics this run reported, in the order of metrics.json."""
        names: list[str] = []
        for record in self.epochs:
            for key in record:
                if (
                    key not in ("epoch", "seconds", "samples_per_sec", *PER_LAYER)
                    and key not in names
                ):
                    names.append(key)
        return names


class RunHistory:
    """The runs kept in one history folder."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.problems: list[str] = []  # damaged runs skipped by the last runs()

    @classmethod
    def for_project(cls, project_path: str | os.PathLike[str]) -> RunHistory:
        return cls(history_folder(project_path))

    # -- reading ---------------------------------------------------------------------
    def runs(self) -> list[RunRecord]:
        """The readable runs, oldest first; damaged ones are listed in :attr:`problems`."""
        self.problems = []
        if not self.folder.is_dir():
            return []
        records = []
        for entry in sorted(self.folder.iterdir()):
            if not _RUN_ID.fullmatch(entry.name) or not entry.is_dir():
                continue
            try:
                records.append(read_run(entry))
            except RunHistoryError as error:
                self.problems.append(str(error))
        return sorted(records, key=lambda r: (r.started, r.run_id))

    def get(self, run_id: str) -> RunRecord:
        return read_run(self._folder_of(run_id))

    def _folder_of(self, run_id: str) -> Path:
        if not _RUN_ID.fullmatch(run_id):
            raise RunHistoryError(f"{run_id!r} is not the name of a run")
        folder = self.folder / run_id
        if folder.is_symlink() or not folder.is_dir():
            raise RunHistoryError(f"there is no run {run_id} in {self.folder}")
        return folder

    # -- writing ---------------------------------------------------------------------
    def add(
        self,
        metrics: Mapping[str, Any],
        settings: Mapping[str, Any],
        *,
        project: Mapping[str, Any] | None = None,
        weights: str | os.PathLike[str] | None = None,
        device: str = "",
        duration_s: float = 0.0,
        started: datetime | None = None,
        name: str | None = None,
    ) -> RunRecord:
        """Keep a finished run; its weights file is copied.  Returns the kept run."""
        _check_metrics(metrics, "the run's metrics")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".new-run-", dir=self.folder))
        except OSError as error:
            raise RunHistoryError(
                f"the run could not be kept in {self.folder}: {error.strerror or error}"
            ) from None
        try:
            number = self._next_number()
            run_id = f"run-{number:04d}"
            when = (started or datetime.now(UTC)).astimezone(UTC)
            meta = {
                "name": _clean_name(name) if name else f"Run {number}",
                "started": when.isoformat(timespec="seconds"),
                "duration_s": round(float(duration_s), 3),
                "device": str(device or metrics.get("device", "")),
                "status": str(metrics.get("status", "")),
            }
            _write_json(staging / META, meta)
            _write_json(staging / SETTINGS, dict(settings))
            _write_json(staging / METRICS, dict(metrics))
            if project is not None:
                _write_json(staging / PROJECT, dict(project))
            if weights is not None:
                suffix = Path(weights).suffix.lower()
                kept = (
                    "weights.safetensors" if suffix == ".safetensors" else "weights.pt"
                )
                shutil.copyfile(weights, staging / kept)
            os.rename(staging, self.folder / run_id)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise RunHistoryError(
                f"the run could not be kept in {self.folder}: {error.strerror or error}"
            ) from None
        return self.get(run_id)

    def _next_number(self) -> int:
        numbers = [
            int(match.group(1))
            for entry in self.folder.iterdir()
            if (match := _RUN_ID.fullmatch(entry.name))
        ]
        return max(numbers, default=0) + 1

    def rename(self, run_id: str, name: str) -> RunRecord:
        """Give a run a new name (its folder keeps its id)."""
        folder = self._folder_of(run_id)
        meta = _read_json(folder / META, f"{run_id}/{META}")
        meta["name"] = _clean_name(name)
        try:
            _write_json(folder / META, meta)
        except OSError as error:
            raise RunHistoryError(
                f"{run_id} could not be renamed: {error.strerror or error}"
            ) from None
        return self.get(run_id)

    def delete(self, run_id: str) -> None:
        """Remove a run's folder, weights and all."""
        folder = self._folder_of(run_id)
        try:
            shutil.rmtree(folder)
        except OSError as error:
            raise RunHistoryError(
                f"{run_id} could not be deleted: {error.strerror or error}"
            ) from None

    def adopt(self, other: RunHistory, copy: bool = False) -> int:
        """Move (or ``copy``) the runs of ``other`` into this history, numbered after
        this history's own; returns how many came."""
        moved = 0
        for record in other.runs():
            if not self.folder.exists():
                self.folder.mkdir(parents=True)
            target = self.folder / f"run-{self._next_number():04d}"
            if copy:
                staging = Path(tempfile.mkdtemp(prefix=".new-run-", dir=self.folder))
                shutil.rmtree(staging)
                try:
                    shutil.copytree(record.folder, staging, symlinks=True)
                    os.rename(staging, target)
                finally:
                    shutil.rmtree(staging, ignore_errors=True)
            else:
                shutil.move(str(record.folder), str(target))
            moved += 1
        return moved


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise RunHistoryError("a run's name cannot be empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise RunHistoryError(
            f"a run's name can be at most {MAX_NAME_LENGTH} characters, this one has {len(cleaned)}"
        )
    return cleaned


def _write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _read_json(path: Path, label: str) -> dict[str, Any]:
    try:
        data = json.loads(read_bytes_limited(path, MAX_JSON_BYTES))
    except FileNotFoundError:
        raise RunHistoryError(f"{label} is missing") from None
    except UnreadableFileError as error:
        raise RunHistoryError(f"{label} cannot be read: {error}") from None
    except OSError as error:
        raise RunHistoryError(
            f"{label} cannot be read: {error.strerror or error}"
        ) from None
    except ValueError as error:  # JSON, or text that is not UTF-8
        raise RunHistoryError(f"{label} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise RunHistoryError(f"{label} must hold an object, not {type(data).__name__}")
    return data


#: Epoch entries that hold a number per layer (the gradient-flow probe's), not one.
PER_LAYER = ("grad_norms", "update_ratios")


def _check_metrics(metrics: Mapping[str, Any], label: str) -> None:
    epochs = metrics.get("epochs")
    if not isinstance(epochs, list):
        raise RunHistoryError(f"{label} have no list of epochs")
    for index, record in enumerate(epochs):
        if not isinstance(record, dict) or not isinstance(record.get("epoch"), int):
            raise RunHistoryError(
                f"{label}: epoch entry {index + 1} has no epoch number"
            )
        for key, value in record.items():
            values = (
                value.values()
                if key in PER_LAYER and isinstance(value, dict)
                else [value]
            )
            if any(
                v is not None
                and (isinstance(v, bool) or not isinstance(v, int | float))
                for v in values
            ):
                raise RunHistoryError(
                    f"{label}: {key} of epoch {record['epoch']} is not a number"
                    + (" per layer" if key in PER_LAYER else "")
                )


def read_metrics(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A metrics.json (as ``designer train`` and the training process write it), checked."""
    path = Path(path)
    metrics = _read_json(path, path.name)
    _check_metrics(metrics, path.name)
    return metrics


def read_run(folder: Path) -> RunRecord:
    """One run from its folder, checked; raises :class:`RunHistoryError`."""
    run_id = folder.name
    meta = _read_json(folder / META, f"{run_id}/{META}")
    settings = _read_json(folder / SETTINGS, f"{run_id}/{SETTINGS}")
    metrics = _read_json(folder / METRICS, f"{run_id}/{METRICS}")
    _check_metrics(metrics, f"{run_id}/{METRICS}")
    project = (
        _read_json(folder / PROJECT, f"{run_id}/{PROJECT}")
        if (folder / PROJECT).exists()
        else {}
    )
    name, started = meta.get("name"), meta.get("started")
    duration, device = meta.get("duration_s", 0.0), meta.get("device", "")
    if not isinstance(name, str) or not isinstance(started, str):
        raise RunHistoryError(f"{run_id}/{META} needs a name and a start time")
    if isinstance(duration, bool) or not isinstance(duration, int | float):
        raise RunHistoryError(f"{run_id}/{META}: duration_s is not a number")
    return RunRecord(
        run_id=run_id,
        folder=folder,
        name=name,
        started=started,
        duration_s=float(duration),
        device=str(device),
        status=str(meta.get("status", "")),
        settings=settings,
        metrics=metrics,
        project=project,
    )
