"""The task-independent parts of an exported ``train.py``.

Each function returns the source of one top-level block, written the way
``ruff format`` lays it out (88 columns), so the script is stable under it.
They mirror :mod:`designer.training.engine`: the same seeded validation split,
optimizers, schedules, batching by a seeded permutation and early stopping.
"""

from __future__ import annotations

from designer.codegen.layout import statement
from designer.codegen.train_script_data import DataCode
from designer.codegen.train_script_source import py_literal
from designer.training.settings import TrainingSettings


def constants_block(
    settings: TrainingSettings, data: DataCode, extra: list[str]
) -> str:
    """The settings as named constants, only the ones this script uses."""
    lines = [
        "# The project's training settings. --epochs, --batch-size, --lr and --device",
        "# override the first four on the command line.",
        f"EPOCHS = {settings.epochs}",
        f"BATCH_SIZE = {settings.batch_size}",
        f"LEARNING_RATE = {py_literal(settings.lr)}",
        f"DEVICE = {py_literal(settings.device)}",
        f"WEIGHT_DECAY = {py_literal(settings.weight_decay)}",
    ]
    if settings.optimizer in ("sgd", "rmsprop"):
        lines.append(f"MOMENTUM = {py_literal(settings.momentum)}")
    if settings.optimizer == "sgd":
        lines.append(f"NESTEROV = {py_literal(settings.nesterov)}")
    if settings.schedule == "step":
        lines.append(
            f"STEP_SIZE = {settings.step_size}  # epochs between learning-rate cuts"
        )
        lines.append(f"GAMMA = {py_literal(settings.gamma)}  # the factor of each cut")
    lines.append(f"VAL_SPLIT = {py_literal(settings.val_split)}")
    lines.append(f"SEED = {settings.seed}")
    if settings.grad_clip > 0:
        lines.append(
            f"GRAD_CLIP = {py_literal(settings.grad_clip)}  # largest gradient norm"
        )
    if settings.early_stopping > 0:
        lines.append(
            f"PATIENCE = {settings.early_stopping}  # epochs without a better loss"
        )
    lines += extra
    lines += data.constants
    return "\n".join(lines)


def data_section(data: DataCode) -> list[str]:
    """The pasted dataset code and ``load_data``, under a section comment."""
    if data.is_file:
        intro = [
            "# --- Data ------------------------------------------------------------------",
            f"# Read with the same reader designer uses ({data.name} files); --data reads",
            "# another file of the same kind.",
        ]
    else:
        intro = [
            "# --- Data ------------------------------------------------------------------",
            f"# The built-in dataset {data.name!s}, generated exactly as designer generates it.",
        ]
    return ["\n".join(intro), data.definitions, data.load_function]


SPLIT_VALIDATION = '''\
def split_validation(x, y, fraction: float, seed: int):
    """Hold out a seeded random share of the samples for validation."""
    val_count = round(len(x) * fraction)
    if fraction > 0 and val_count == 0 and len(x) > 1:
        val_count = 1
    if val_count == 0:
        return x, y, x[:0], y[:0]
    order = np.random.default_rng(seed).permutation(len(x))
    val_index, train_index = np.sort(order[:val_count]), order[val_count:]
    return x[train_index], y[train_index], x[val_index], y[val_index]'''

PICK_DEVICE = '''\
def pick_device(name: str) -> torch.device:
    """auto: a CUDA GPU if there is one, else an Apple GPU, else the CPU."""
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    return torch.device(name)'''

AUTOCAST = '''\
def autocast(device: torch.device):
    """Mixed precision (bfloat16) on CUDA, as the project asks; float32 elsewhere."""
    return torch.autocast(
        device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"
    )'''

_OPTIMIZER_CALLS = {
    "sgd": (
        "torch.optim.SGD(\n"
        "        parameters,\n"
        "        lr=lr,\n"
        "        momentum=MOMENTUM,\n"
        "        nesterov=NESTEROV,\n"
        "        weight_decay=WEIGHT_DECAY,\n"
        "    )"
    ),
    "adam": "torch.optim.Adam(parameters, lr=lr, weight_decay=WEIGHT_DECAY)",
    "adamw": "torch.optim.AdamW(parameters, lr=lr, weight_decay=WEIGHT_DECAY)",
    "rmsprop": (
        "torch.optim.RMSprop(\n"
        "        parameters, lr=lr, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY\n"
        "    )"
    ),
}
OPTIMIZER_NAMES = tuple(_OPTIMIZER_CALLS)
OPTIMIZER_TITLES = {
    "sgd": "SGD with momentum",
    "adam": "Adam",
    "adamw": "AdamW",
    "rmsprop": "RMSprop",
}
SCHEDULE_NAMES = ("none", "step", "cosine", "one_cycle")


def make_optimizer(settings: TrainingSettings) -> str:
    return "\n".join(
        [
            "def make_optimizer(parameters, lr: float) -> torch.optim.Optimizer:",
            f'    """The project\'s optimizer ({OPTIMIZER_TITLES[settings.optimizer]})."""',
            f"    return {_OPTIMIZER_CALLS[settings.optimizer]}",
        ]
    )


def make_scheduler(settings: TrainingSettings) -> str | None:
    """``make_scheduler`` (None without a schedule); it says whether it steps per batch."""
    if settings.schedule == "none":
        return None
    header = [
        "def make_scheduler(optimizer, epochs: int, steps_per_epoch: int):",
    ]
    if settings.schedule == "step":
        body = [
            '    """Step decay: the learning rate times GAMMA every STEP_SIZE epochs."""',
            "    return torch.optim.lr_scheduler.StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)",
        ]
    elif settings.schedule == "cosine":
        body = [
            '    """Cosine annealing to zero over the whole run, stepped after every batch."""',
            "    total = epochs * steps_per_epoch",
            "    return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total)",
        ]
    else:
        body = [
            '    """One cycle up to the learning rate and down again, stepped every batch."""',
            "    total = epochs * steps_per_epoch",
            "    return torch.optim.lr_scheduler.OneCycleLR(",
            '        optimizer, max_lr=optimizer.param_groups[0]["lr"], total_steps=total',
            "    )",
        ]
    return "\n".join(header + body)


def steps_per_batch(settings: TrainingSettings) -> bool:
    """Whether the schedule steps after every batch (else after every epoch)."""
    return settings.schedule in ("cosine", "one_cycle")


STEPS_PER_EPOCH = '''\
def steps_per_epoch(samples: int, batch_size: int) -> int:
    """Batches per epoch; a last batch of a single sample is skipped (BatchNorm)."""
    steps = math.ceil(samples / batch_size)
    if samples % batch_size == 1 and steps > 1:
        steps -= 1
    return steps'''

FORMAT_METRICS = '''\
def format_metrics(metrics: dict[str, float]) -> str:
    """The metrics on one line, e.g. loss 0.1234  val_accuracy 91.2%."""
    parts = []
    for name, value in metrics.items():
        shown = f"{value:.1%}" if name.endswith("accuracy") else f"{value:.4f}"
        parts.append(f"{name} {shown}")
    return "  ".join(parts)'''

SAVE_WEIGHTS = '''\
def save_weights(state: dict, out: str) -> Path:
    """Save with torch.save to ``out``: a .pt file, or a folder to put weights.pt in."""
    path = Path(out)
    if path.is_dir() or out.endswith(("/", "\\\\")):
        path = path / "weights.pt"
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(state, path)
    return path'''


def parse_args(title: str, data: DataCode) -> str:
    lines = [
        "def parse_args() -> argparse.Namespace:",
        *statement(
            "    ",
            "parser",
            f"argparse.ArgumentParser(description={py_literal(title)})",
        ),
        "    parser.add_argument(",
        '        "--epochs", type=int, default=EPOCHS, help="passes over the training data"',
        "    )",
        "    parser.add_argument(",
        '        "--batch-size", type=int, default=BATCH_SIZE, help="samples per step"',
        "    )",
        '    parser.add_argument("--lr", type=float, default=LEARNING_RATE, help="learning rate")',
        "    parser.add_argument(",
        '        "--device", default=DEVICE, help="auto, cpu, cuda, cuda:N or mps"',
        "    )",
        "    parser.add_argument(",
        '        "--out", default="weights.pt", help="the weights file (or a folder for it)"',
        "    )",
        "    parser.add_argument(",
        '        "--limit",',
        "        type=int,",
        "        default=0,",
        '        help="use only the first N samples of each split (a quick check)",',
        "    )",
    ]
    if data.is_file:
        lines += [
            "    parser.add_argument(",
            '        "--data", default=DATA_PATH, help="the dataset file or folder to read"',
            "    )",
        ]
    lines.append("    return parser.parse_args()")
    return "\n".join(lines)


MAIN_GUARD = """\
if __name__ == "__main__":
    main()"""
