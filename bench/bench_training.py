"""Training speed: the engine against a plain hand-written PyTorch loop and a DataLoader loop.

All three train the same module (built from the sample by ``build_networks``, as
export does) on the same training samples with the same batch size, optimizer,
precision and device.  Throughput is training samples per second of training
time (validation excluded), the median over epochs after a warm-up epoch; the
three loops take turns so that load from other programs hits them alike.

    .venv/bin/python bench/bench_training.py                # MLP and CNN on digits28, CPU
    .venv/bin/python bench/bench_training.py --device cuda  # in-memory data on a GPU
    .venv/bin/python bench/bench_training.py --accuracy     # also: cnn_mnist, 5 epochs, val accuracy
    .venv/bin/python bench/bench_training.py --clock wall   # elapsed time (noisy on a shared machine)

On the CPU with one thread the loops are timed by CPU time by default: on a machine
shared with other work, elapsed time swings by ±30% between rounds, CPU time by a few %.

Prints samples/s per loop and the ratio engine / hand-written (target ≥ 0.95).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch.utils.data import DataLoader, TensorDataset  # noqa: E402

from designer.codegen.build import build_networks  # noqa: E402
from designer.graph.project_file import load_project  # noqa: E402
from designer.training.datasets import load_dataset  # noqa: E402
from designer.training.engine import Trainer, split_data  # noqa: E402
from designer.training.settings import TrainingSettings  # noqa: E402


def fresh_model(project, device: torch.device, seed: int) -> torch.nn.Module:
    torch.manual_seed(seed)
    return next(iter(build_networks(project).values())).module.to(device)


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def hand_written_epochs(project, x, y, batch, lr, epochs, device, seed) -> list[float]:
    """The loop people write: data on the device, a random permutation, index, step."""
    model = fresh_model(project, device, seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    x, y = x.to(device), y.to(device)
    n = len(x)
    generator = torch.Generator().manual_seed(seed)
    rates = []
    model.train()
    for _ in range(epochs):
        sync(device)
        start = time.perf_counter()
        permutation = torch.randperm(n, generator=generator).to(device)
        for i in range(0, n, batch):
            index = permutation[i : i + batch]
            optimizer.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x[index]), y[index])
            loss.backward()
            optimizer.step()
        sync(device)
        rates.append(n / (time.perf_counter() - start))
    return rates


def dataloader_epochs(
    project, x, y, batch, lr, epochs, device, seed, workers: int
) -> list[float]:
    """The tutorial loop: TensorDataset + DataLoader(shuffle=True), batches copied to the device."""
    model = fresh_model(project, device, seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loader = DataLoader(
        TensorDataset(x, y),
        batch_size=batch,
        shuffle=True,
        num_workers=workers,
        pin_memory=device.type == "cuda",
        persistent_workers=workers > 0,
        generator=torch.Generator().manual_seed(seed),
    )
    rates = []
    model.train()
    for _ in range(epochs):
        sync(device)
        start = time.perf_counter()
        for xb, yb in loader:
            xb, yb = xb.to(device, non_blocking=True), yb.to(device, non_blocking=True)
            optimizer.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
        sync(device)
        rates.append(len(x) / (time.perf_counter() - start))
    return rates


def engine_epochs(project, dataset, settings: TrainingSettings) -> list[float]:
    result = Trainer(project, dataset, settings, step_interval_s=0.05).run()
    if result.status != "finished":
        raise SystemExit(f"the engine run failed: {result.message}")
    return [m.samples_per_sec for m in result.epochs]


def bench_sample(name: str, args: argparse.Namespace, dataset) -> float:
    project = load_project(ROOT / "samples" / f"{name}.json")
    device = torch.device(args.device)
    settings = TrainingSettings(
        epochs=args.epochs,
        batch_size=args.batch_size,
        lr=1e-3,
        optimizer="adam",
        device=args.device,
        seed=0,
    )
    x_train, y_train, _, _ = split_data(dataset, settings.val_split, settings.seed)
    x, y = torch.from_numpy(x_train).float(), torch.from_numpy(y_train).long()
    engine, hand, loader = [], [], []
    runs = [
        (engine, lambda _round: engine_epochs(project, dataset, settings)),
        (
            hand,
            lambda round_: hand_written_epochs(
                project, x, y, args.batch_size, 1e-3, args.epochs, device, round_
            ),
        ),
        (
            loader,
            lambda round_: dataloader_epochs(
                project,
                x,
                y,
                args.batch_size,
                1e-3,
                args.epochs,
                device,
                round_,
                args.workers,
            ),
        ),
    ]
    for round_ in range(args.rounds):
        # The loops take turns, in a rotating order, so that background load and
        # warm caches favour none of them; each loop's first (warm-up) epoch is dropped.
        for rates, run in runs[round_ % 3 :] + runs[: round_ % 3]:
            rates += run(round_)[1:]
    e, h, d = (
        statistics.median(engine),
        statistics.median(hand),
        statistics.median(loader),
    )
    print(
        f"\n{name} on {dataset.name} ({len(x)} training samples, batch {args.batch_size}, Adam, fp32, {args.device}, "
        f"{torch.get_num_threads()} threads; median of {len(engine)} epochs each)"
    )
    print(f"  engine            {e:12,.0f} samples/s")
    print(f"  hand-written loop {h:12,.0f} samples/s")
    print(f"  DataLoader loop   {d:12,.0f} samples/s  (num_workers={args.workers})")
    print(f"  ratio engine / hand-written: {e / h:.3f}   (target >= 0.95)")
    print(f"  ratio engine / DataLoader:   {e / d:.3f}")
    return e / h


def check_accuracy(dataset) -> float:
    project = load_project(ROOT / "samples" / "cnn_mnist.json")
    settings = TrainingSettings.from_dict(project.training).replace(
        epochs=5, device="cpu"
    )
    start = time.perf_counter()
    result = Trainer(project, dataset, settings).run()
    accuracies = ", ".join(f"{m.val_accuracy:.2%}" for m in result.epochs)
    print(
        f"\ncnn_mnist, 5 epochs on digits28, CPU: validation accuracy per epoch {accuracies} "
        f"({time.perf_counter() - start:.1f} s; target >= 97%)"
    )
    return result.epochs[-1].val_accuracy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", nargs="+", default=["mlp", "cnn_mnist"])
    parser.add_argument("--device", default="cpu")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="torch threads (default 1: steadier on a shared machine)",
    )
    parser.add_argument(
        "--epochs",
        type=int,
        default=4,
        help="epochs per loop per round (the first is warm-up)",
    )
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--workers", type=int, default=0, help="DataLoader workers")
    parser.add_argument(
        "--accuracy",
        action="store_true",
        help="also check the cnn_mnist accuracy target",
    )
    parser.add_argument(
        "--clock",
        choices=("auto", "wall", "cpu"),
        default="auto",
        help="cpu: time every loop (the engine included) by this thread's CPU time, which other programs' "
        "load does not inflate (needs --threads 1 and the CPU); wall: elapsed time; auto: cpu where it can",
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.clock == "auto":
        args.clock = "cpu" if args.threads == 1 and args.device == "cpu" else "wall"
    if args.clock == "cpu":
        if args.threads != 1 or args.device != "cpu":
            parser.error("--clock cpu needs --threads 1 and --device cpu")
        time.perf_counter = (
            time.thread_time
        )  # the engine and the loops below all read this clock
    print(f"clock: {args.clock} time")
    dataset = load_dataset("digits28")
    ratios = [bench_sample(name, args, dataset) for name in args.samples]
    if args.accuracy:
        check_accuracy(dataset)
    return 0 if min(ratios) >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
