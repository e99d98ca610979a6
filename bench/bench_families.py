"""Training speed of the multi-term tasks: the engine's VAE and GAN steps against hand-written loops.

Both sides train the same modules (built from the samples by ``build_networks``)
on the digits with the sample's batch size and Adam; the engine runs through
:class:`Trainer` (without previews), the baseline is the loop people write from
a tutorial: data in memory, a permutation, index, step.  Throughput is training
samples per second of training time, the median over epochs after a warm-up
epoch; the loops take turns so that load from other programs hits them alike.

    .venv/bin/python bench/bench_families.py               # CPU, wall clock
    .venv/bin/python bench/bench_families.py --clock cpu   # busy machine: CPU time of this process

Prints samples/s per loop and the ratio engine / hand-written (target ≥ 0.95).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from designer.codegen.build import build_networks  # noqa: E402
from designer.graph.project_file import load_project  # noqa: E402
from designer.training.datasets import load_dataset  # noqa: E402
from designer.training.engine import Trainer, TrainingCallbacks  # noqa: E402
from designer.training.settings import TrainingSettings  # noqa: E402

Clock = Callable[[], float]


def vae_epochs(
    project, x: torch.Tensor, batch: int, lr: float, epochs: int, clock: Clock
) -> list[float]:
    torch.manual_seed(0)
    model = next(iter(build_networks(project).values())).module
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(0)
    rates = []
    for _ in range(epochs):
        start = clock()
        order = torch.randperm(len(x), generator=generator)
        for i in range(0, len(x), batch):
            real = x[order[i : i + batch]]
            recon, mu, logvar = model(real)
            error = F.binary_cross_entropy(recon, real, reduction="sum") / len(real)
            kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / len(real)
            loss = error + kl
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        rates.append(len(x) / (clock() - start))
    return rates


def gan_epochs(
    project, x: torch.Tensor, batch: int, lr: float, epochs: int, clock: Clock
) -> list[float]:
    torch.manual_seed(0)
    built = build_networks(project)
    generator_net, discriminator = (
        built["generator"].module,
        built["discriminator"].module,
    )
    g_optimizer = torch.optim.Adam(generator_net.parameters(), lr=lr)
    d_optimizer = torch.optim.Adam(discriminator.parameters(), lr=lr)
    noise_size = built["generator"].code.input_shapes[0][1]
    order_generator = torch.Generator().manual_seed(0)
    bce = F.binary_cross_entropy_with_logits
    rates = []
    for _ in range(epochs):
        start = clock()
        order = torch.randperm(len(x), generator=order_generator)
        for i in range(0, len(x), batch):
            real = x[order[i : i + batch]]
            fake = generator_net(torch.randn(len(real), noise_size))
            real_logits, fake_logits = discriminator(real), discriminator(fake.detach())
            d_loss = bce(real_logits, torch.full_like(real_logits, 0.9)) + bce(
                fake_logits, torch.zeros_like(fake_logits)
            )
            d_optimizer.zero_grad(set_to_none=True)
            d_loss.backward()
            d_optimizer.step()
            fooled = discriminator(fake)
            g_loss = bce(fooled, torch.ones_like(fooled))
            g_optimizer.zero_grad(set_to_none=True)
            g_loss.backward()
            g_optimizer.step()
        rates.append(len(x) / (clock() - start))
    return rates


class Rates(TrainingCallbacks):
    def __init__(self, clock: Clock, samples: int) -> None:
        self.clock, self.samples = clock, samples
        self.rates: list[float] = []
        self.start = 0.0

    def on_start(self, info) -> None:
        self.start = self.clock()

    def on_epoch(self, metrics) -> None:
        # Training time only: the engine reports it; on the CPU clock, measure from the last epoch's end.
        now = self.clock()
        self.rates.append(
            self.samples / (now - self.start)
            if self.clock is time.process_time
            else metrics.samples_per_sec
        )
        self.start = now


def engine_epochs(
    project, dataset, batch: int, lr: float, epochs: int, clock: Clock
) -> list[float]:
    settings = TrainingSettings.from_dict(project.training).replace(
        epochs=epochs, batch_size=batch, lr=lr, val_split=0.0, device="cpu"
    )
    rates = Rates(clock, len(dataset.x))
    result = Trainer(project, dataset, settings, rates).run()
    if not result.ok:
        raise SystemExit(result.message)
    return rates.rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()
    clock: Clock = time.process_time if args.clock == "cpu" else time.perf_counter
    torch.set_num_threads(1)
    dataset = load_dataset({"name": "digits"})
    x = torch.from_numpy(dataset.x)
    for name, hand in (("vae", vae_epochs), ("gan", gan_epochs)):
        project = load_project(ROOT / "samples" / f"{name}.json")
        batch, lr = int(project.training["batch_size"]), float(project.training["lr"])
        engine, written = [], []
        for _ in range(args.rounds):
            engine += engine_epochs(project, dataset, batch, lr, args.epochs, clock)[1:]
            written += hand(project, x, batch, lr, args.epochs, clock)[1:]
        mine, theirs = statistics.median(engine), statistics.median(written)
        print(
            f"{name}: engine {mine:,.0f} samples/s, hand-written {theirs:,.0f} samples/s, ratio {mine / theirs:.2f}"
        )


if __name__ == "__main__":
    main()
