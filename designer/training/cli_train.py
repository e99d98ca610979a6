"""``designer train FILE``: train a project from the command line with a progress bar.

Writes ``DIR/metrics.json`` (per-epoch losses, accuracy, timing),
``DIR/weights.safetensors`` (the final weights as a state_dict) and the checkpoints
``DIR/best.safetensors`` and ``DIR/last.safetensors``, and keeps the run in the
project's run history (:mod:`designer.training.run_history`) unless
``--no-history`` is given.  Flags override the project's training settings; bad input gets
a message and exit code 1, and so does a run the memory pre-flight
(:mod:`designer.training.memory`) says will not fit in memory.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import signal
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from designer.i18n import Cli, translate
from designer.training.start_notes import start_note

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ABORTED = 130
CLASSIFICATION_TASKS = ("classification", "sequence_classification")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        message = Cli.tr("must be a whole number, got {0}").format(repr(text))
        raise argparse.ArgumentTypeError(message) from None
    if value < 1:
        message = Cli.tr("must be at least 1, got {0}").format(value)
        raise argparse.ArgumentTypeError(message)
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        message = Cli.tr("must be a number, got {0}").format(repr(text))
        raise argparse.ArgumentTypeError(message) from None
    if not math.isfinite(value) or value <= 0:
        message = Cli.tr("must be a positive number, got {0}").format(repr(text))
        raise argparse.ArgumentTypeError(message)
    return value


def add_train_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``train`` subcommand to ``designer``'s argument parser."""
    parser = subparsers.add_parser(
        "train",
        help=Cli.tr("train a project and write metrics.json and weights.safetensors"),
        description=Cli.tr(
            "Train a project's network with its saved training settings; "
            "flags override them."
        ),
    )
    parser.add_argument("file", help=Cli.tr("project file (.json)"))
    parser.add_argument(
        "--dataset",
        metavar="NAME|PATH",
        help=Cli.tr("a built-in dataset name or a data file/folder"),
    )
    parser.add_argument(
        "--epochs",
        type=_positive_int,
        metavar="N",
        help=Cli.tr("passes over the training data"),
    )
    parser.add_argument(
        "--batch-size",
        type=_positive_int,
        metavar="B",
        help=Cli.tr("samples per step"),
    )
    parser.add_argument(
        "--lr", type=_positive_float, metavar="LR", help=Cli.tr("learning rate")
    )
    parser.add_argument(
        "--device",
        metavar="auto|cpu|cuda",
        help=Cli.tr("where to train (default: the project's, else auto)"),
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="S",
        help=Cli.tr("random seed (same seed, same run on the CPU)"),
    )
    parser.add_argument(
        "--limit",
        type=_positive_int,
        metavar="N",
        help=Cli.tr("use only the first N samples of each split (a quick check)"),
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help=Cli.tr(
            "folder for metrics.json and weights.safetensors (default: runs/<project>)"
        ),
    )
    parser.add_argument(
        "--fast",
        action="store_true",
        help=Cli.tr(
            "fast mode: on a CUDA GPU a larger batch (learning rate scaled alike), bf16, "
            "channels_last, a fused optimizer and compiled steps; each part that does not "
            "apply is skipped with a note"
        ),
    )
    parser.add_argument(
        "--threads",
        type=_positive_int,
        metavar="N",
        help=Cli.tr(
            "PyTorch CPU threads (default: the usable cores less the machine's load)"
        ),
    )
    parser.add_argument(
        "--no-history",
        action="store_true",
        help=Cli.tr("do not keep this run in the project's run history (FILE.runs/)"),
    )
    parser.add_argument(
        "--no-memory-check",
        action="store_true",
        help=Cli.tr("start even when the memory estimate says the run will not fit"),
    )
    parser.set_defaults(handler=run_train)
    return parser


def _fail(message: str) -> int:
    print(Cli.tr("designer train: {0}").format(message), file=sys.stderr)
    return EXIT_FAILED


def run_train(args: argparse.Namespace) -> int:
    """Run ``designer train``; returns the exit code."""
    from designer.graph.project_file import (
        ProjectFileError,
        atomic_write_text,
        load_project,
    )
    from designer.shapes.problems import listed
    from designer.training.settings import SettingsError, TrainingSettings

    path = Path(args.file)
    try:
        project = load_project(path)
    except ProjectFileError as error:
        return _fail(Cli.tr("cannot open {0}").format(error.worded(translate)))
    try:
        settings = TrainingSettings.from_dict(project.training)
    except SettingsError as error:
        return _fail(
            listed(
                Cli.tr("the project's training settings have problems"),
                [problem.worded(translate) for problem in error.messages],
            )
        )
    overrides = {
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "device": args.device,
        "seed": args.seed,
        "fast": True if args.fast else None,
    }
    settings = settings.replace(
        **{key: value for key, value in overrides.items() if value is not None}
    )
    problems = [problem.worded(translate) for problem in settings.problem_messages()]
    if problems:
        return _fail(listed(Cli.tr("the training settings have problems"), problems))

    from designer.training.devices import DeviceError, resolve_device

    try:
        resolve_device(settings.device)
    except DeviceError as error:
        return _fail(str(error))

    dataset = _load_dataset(args.dataset, project.dataset)
    if isinstance(dataset, str):
        return _fail(dataset)

    from designer.training.checkpoints import (
        WEIGHTS_SUFFIX,
        WeightsError,
        save_weights,
    )
    from designer.training.engine import Trainer
    from designer.training.metrics import result_to_json

    out = Path(args.out) if args.out else Path("runs") / (path.stem or "project")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _fail(
            Cli.tr("cannot create the output folder {0}: {1}").format(
                out, error.strerror or error
            )
        )
    from designer.training.recipes.speed import apply_threads

    threads, cores, load = apply_threads(args.threads or 0)
    why = (
        Cli.tr("as asked")
        if args.threads
        else Cli.tr("{0} cores, load {1}").format(cores, f"{load:.1f}")
    )
    print(
        Cli.tr("Using %n CPU thread(s) ({0}).", "", threads).format(why),
        file=sys.stderr,
    )
    progress = ProgressBar(settings.epochs)
    trainer = Trainer(
        project,
        dataset,
        settings,
        progress,
        checkpoint_dir=out,
        step_interval_s=0.1,
        limit=args.limit or 0,
    )
    # The trainer estimates the memory the run needs before it builds anything and
    # refuses, with the numbers, a run that cannot fit (exit 1, not a kill by the kernel).
    trainer.check_memory = not args.no_memory_check
    previous = _stop_on_interrupt(trainer)
    started, clock = datetime.now(UTC), time.monotonic()
    try:
        result = trainer.run()
    except KeyboardInterrupt:
        progress.close()
        print(Cli.tr("designer train: aborted; nothing was written"), file=sys.stderr)
        return EXIT_ABORTED
    finally:
        progress.close()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if result.status == "failed":
        return _fail(_said(result))

    classification = settings.task in CLASSIFICATION_TASKS
    weights = out / f"weights{WEIGHTS_SUFFIX}"
    metrics = result_to_json(result, classification)
    try:
        atomic_write_text(out / "metrics.json", json.dumps(metrics, indent=2) + "\n")
        save_weights(trainer.networks, weights)
    except (OSError, WeightsError) as error:
        return _fail(Cli.tr("cannot write the results to {0}: {1}").format(out, error))
    print(_said(result))
    print(Cli.tr("wrote {0} and {1}").format(out / "metrics.json", weights))
    if not args.no_history:
        _keep_in_history(path, project, metrics, settings, weights, started, clock)
    return EXIT_OK


def _said(result: Any) -> str:
    """How the run ended (a RunResult), in the command line's language."""
    return result.message if result.text is None else result.text.worded(translate)


def _device_words(label: str) -> str:
    """A device as the engine names it ("CPU (2 threads)"), in the CLI's language."""
    match = re.fullmatch(r"CPU \((\d+) threads?\)", label)
    if match is None:
        return label
    threads = int(match.group(1))
    return Cli.tr("CPU (%n thread(s))", "", threads)


def _keep_in_history(
    path: Path,
    project: Any,
    metrics: dict[str, Any],
    settings: Any,
    weights: Path,
    started: datetime,
    clock: float,
) -> None:
    """Keep the run in the project's run history (``designer runs FILE`` lists it)."""
    from designer.graph.project_file import project_to_dict
    from designer.training.run_history import RunHistory, RunHistoryError

    history = RunHistory.for_project(path)
    try:
        run = history.add(
            metrics,
            settings.to_dict(),
            project=project_to_dict(project),
            weights=weights,
            device=metrics.get("device", ""),
            duration_s=time.monotonic() - clock,
            started=started,
        )
    except RunHistoryError as error:
        print(
            Cli.tr("designer train: the run was not kept in the history: {0}").format(
                error
            ),
            file=sys.stderr,
        )
        return
    print(
        Cli.tr("kept as {0} in {1} (designer runs {2} lists them)").format(
            run.name, history.folder, path
        )
    )


def _load_dataset(choice: str | None, project_spec: dict[str, Any]) -> Any:
    """The dataset, or a message (str) saying why there is none."""
    from designer.training.datasets import DatasetError, builtin_datasets, load_dataset

    spec: Any = choice if choice else project_spec
    if not spec or (
        isinstance(spec, dict)
        and not spec.get("name")
        and not spec.get("options", {}).get("path")
    ):
        names = ", ".join(info.name for info in builtin_datasets())
        return Cli.tr(
            "the project names no dataset; pass --dataset NAME or a file (built in: {0})"
        ).format(names)
    try:
        return load_dataset(spec)
    except DatasetError as error:
        return str(error)


def _stop_on_interrupt(trainer: Any) -> Any:
    """Ctrl+C stops the run after the current step (a second Ctrl+C aborts)."""

    def handler(_signum: int, _frame: Any) -> None:
        if trainer.stopping:
            raise KeyboardInterrupt
        print("\n" + Cli.tr("stopping… (Ctrl+C again to abort)"), file=sys.stderr)
        trainer.stop()

    try:
        return signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread
        return None


class ProgressBar:
    """Training callbacks that drive a tqdm bar over all steps and print a line per epoch."""

    def __init__(self, epochs: int) -> None:
        self.epochs = epochs
        self.bar: Any = None

    # Duck-typed TrainingCallbacks (subclassing would import torch when the parser is built).
    def on_start(self, info: Any) -> None:
        from tqdm import tqdm

        notes = "".join(
            "\n" + Cli.tr("note: {0}").format(start_note(n).worded(translate))
            for n in info.notes
        )
        print(
            Cli.tr(
                "training on {device}: {train} training and {val} validation samples, "
                "{steps} steps per epoch"
            ).format(
                device=_device_words(info.device_label),
                train=f"{info.num_train:,}",
                val=f"{info.num_val:,}",
                steps=info.steps_per_epoch,
            )
            + notes,
            file=sys.stderr,
        )
        self.bar = tqdm(
            total=info.steps_per_epoch * info.epochs,
            unit=Cli.tr("step"),
            dynamic_ncols=True,
            leave=False,
        )

    def on_step(self, update: Any) -> None:
        if self.bar is None:
            return
        self.bar.n = update.global_step
        epoch = Cli.tr("epoch {0}/{1}").format(update.epoch, self.epochs)
        self.bar.set_description(epoch, refresh=False)
        self.bar.set_postfix(
            loss=f"{update.smoothed_loss:.4f}",
            samples_s=f"{update.samples_per_sec:,.0f}",
            refresh=False,
        )
        self.bar.refresh()

    def on_epoch(self, metrics: Any) -> None:
        parts = [
            Cli.tr("epoch {0}/{1}").format(metrics.epoch, self.epochs),
            Cli.tr("train loss {0}").format(f"{metrics.train_loss:.4f}"),
        ]
        if metrics.val_loss is not None:
            parts.append(Cli.tr("val loss {0}").format(f"{metrics.val_loss:.4f}"))
        if metrics.val_accuracy is not None:
            accuracy = f"{metrics.val_accuracy:.2%}"
            parts.append(Cli.tr("val accuracy {0}").format(accuracy))
        parts += [
            f"{name} {value:.4g}" for name, value in metrics.extra.items()
        ]  # the task's loss terms
        parts.append(Cli.tr("{0} s").format(f"{metrics.seconds:.1f}"))
        speed = f"{metrics.samples_per_sec:,.0f}"
        parts.append(Cli.tr("{0} samples/s").format(speed))
        line = "  ".join(parts)
        if self.bar is not None:
            self.bar.n = metrics.epoch * self.bar.total // self.epochs
            self.bar.refresh()
            self.bar.write(line, file=sys.stdout)
        else:
            print(line)

    def on_end(self, result: Any) -> None:
        self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
