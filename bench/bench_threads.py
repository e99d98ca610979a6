"""CPU threads: designer train, the exported train.py and the window's training process
against a hand-written loop, on a quiet machine and with a competing CPU load.

Each trainer runs in a fresh interpreter, as a user starts it, with its own
thread choice (:func:`designer.training.recipes.speed.use_threads`); the
hand-written loop keeps PyTorch's default (every core), as most scripts do.  All
four train the sample ``mlp.json`` for one epoch on digits28 (at most ``LIMIT``
samples) and report training samples/s (validation excluded).  "Busy" starts
one spinning process per core ``SETTLE_S`` seconds before, so that the load
average (what the rule reads) has risen.  About two minutes on 2 cores.

    python bench/bench_threads.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "mlp.json"
LIMIT = 3000
SETTLE_S = 15

HAND_WRITTEN = """
import json, sys, time
import torch
import torch.nn.functional as F
from designer.codegen.build import build_networks
from designer.graph.project_file import load_project
from designer.training.datasets import load_dataset
project = load_project(sys.argv[1])
data = load_dataset(project.dataset)
limit = int(sys.argv[2])
x = torch.from_numpy(data.x[:limit]).float()
y = torch.from_numpy(data.y[:limit]).long()
torch.manual_seed(0)
model = next(iter(build_networks(project).values())).module
optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
batch = project.training["batch_size"]
start = time.perf_counter()
order = torch.randperm(len(x))
for first in range(0, len(x), batch):
    index = order[first:first + batch]
    loss = F.cross_entropy(model(x[index]), y[index])
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
print(json.dumps({"rate": len(x) / (time.perf_counter() - start),
                  "threads": torch.get_num_threads()}))
"""

WINDOW_PROCESS = """
import json, sys, threading
import torch
from designer.graph.project_file import load_project, project_to_dict
from designer.training.messages import RunRequest
from designer.training.server.process import run_training
project = load_project(sys.argv[1])
settings = {**project.training, "epochs": 1, "device": "cpu", "val_split": 0.0}
request = RunRequest(project_to_dict(project), project.dataset, settings, sys.argv[3])
class Messages(list):
    def put(self, item):
        self.append(item)
messages = Messages()
run_training(1, request, messages, threading.Event(), threading.Event())
epochs = [p for _r, kind, p in messages if kind == "epoch"]
failed = [p for _r, kind, p in messages if kind == "failed"]
if failed:
    raise SystemExit(failed[0])
print(json.dumps({"rate": epochs[0].samples_per_sec, "threads": torch.get_num_threads()}))
"""


def _env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")
    }
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), env.get("PYTHONPATH", "")) if p
    )
    return env


def _run(command: list[str], cwd: Path) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])}… failed:\n{result.stderr[-2000:]}")
    return result.stdout + result.stderr


def _metrics_rate(folder: Path) -> float:
    record = json.loads((folder / "metrics.json").read_text())
    return float(record["epochs"][0]["samples_per_sec"])


def _threads(count: int) -> str:
    return f"{count} CPU thread{'s' if count != 1 else ''}"


def _threads_said(output: str) -> str:
    line = next((line for line in output.splitlines() if line.startswith("Using ")), "")
    return line.split(" (")[0].removeprefix("Using ")


def measure(folder: Path, project: Path, script: Path) -> dict[str, tuple[float, str]]:
    python = sys.executable
    out = folder / "cli"
    said = _run(
        [
            python,
            "-m",
            "designer",
            "train",
            str(project),
            "--epochs",
            "1",
            "--limit",
            str(LIMIT),
            "--device",
            "cpu",
            "--out",
            str(out),
        ],
        REPO,
    )
    rates = {"designer train": (_metrics_rate(out), _threads_said(said))}
    said = _run(
        [
            python,
            "train.py",
            "--epochs",
            "1",
            "--limit",
            str(LIMIT),
            "--device",
            "cpu",
            "--out",
            str(folder / "script"),
        ],
        script,
    )
    rates["exported train.py"] = (_metrics_rate(folder / "script"), _threads_said(said))
    window = json.loads(
        _run(
            [python, "-c", WINDOW_PROCESS, str(project), str(LIMIT), str(folder)], REPO
        ).splitlines()[-1]
    )
    rates["window's process"] = (window["rate"], _threads(window["threads"]))
    hand = json.loads(
        _run([python, "-c", HAND_WRITTEN, str(project), str(LIMIT)], REPO).splitlines()[
            -1
        ]
    )
    rates["hand-written loop"] = (
        hand["rate"],
        f"{hand['threads']} CPU threads (default)",
    )
    return rates


def _print(title: str, rates: dict[str, tuple[float, str]]) -> None:
    base = rates["hand-written loop"][0]
    print(
        f"{title} (load {os.getloadavg()[0]:.1f} on {len(os.sched_getaffinity(0))} cores)"
    )
    for name, (rate, threads) in rates.items():
        print(f"  {name:19s} {rate:9,.0f} samples/s  {rate / base:5.2f}x  {threads}")


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        project = folder / "mlp.json"
        project.write_text(SAMPLE.read_text())
        script = folder / "export"
        _run(
            [
                sys.executable,
                "-m",
                "designer",
                "export",
                str(project),
                "-o",
                str(script),
                "--train-script",
            ],
            REPO,
        )
        _print("as the machine is", measure(folder, project, script))
        spinners = [
            subprocess.Popen([sys.executable, "-c", "while True: pass"])
            for _ in range(len(os.sched_getaffinity(0)))
        ]
        try:
            time.sleep(SETTLE_S)
            _print(
                "with a competing load (one spinning process per core)",
                measure(folder, project, script),
            )
        finally:
            for spinner in spinners:
                spinner.kill()
                spinner.wait()


if __name__ == "__main__":
    main()
