"""The settings, ``parse_args`` and ``main`` of an exported ``train.py``.

Everything that trains lives in the pasted recipes (:mod:`designer.training.recipes`);
what is written here is the glue a person would write around them: the project's
settings as constants, the command line, and a ``main`` that loads the data,
builds the networks (after seeding, in the order the app builds them), hands a
step and an evaluation to ``fit`` and saves the results.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.codegen.layout import statement
from designer.export.data_code import DataCode
from designer.export.source import literal_assignment, py_literal
from designer.training.settings import TrainingSettings

CLASSIFICATION_TASKS = ("classification", "sequence_classification")


@dataclass(frozen=True)
class NetworkRef:
    """One network as the script uses it: its class, a variable and its graph name."""

    class_name: str
    variable: str
    graph_name: str


def constants_block(
    settings: TrainingSettings, data: DataCode, extra: list[str]
) -> str:
    """The settings as named constants."""
    lines = [
        "# The project's training settings. --epochs, --batch-size, --lr and --device",
        "# override the first four on the command line.",
        f"EPOCHS = {settings.epochs}",
        f"BATCH_SIZE = {settings.batch_size}",
        f"LEARNING_RATE = {py_literal(settings.lr)}",
        f"DEVICE = {py_literal(settings.device)}",
        f"TASK = {py_literal(settings.task)}",
        f"LOSS = {py_literal(settings.loss)}",
        f"OPTIMIZER = {py_literal(settings.optimizer)}",
        f"WEIGHT_DECAY = {py_literal(settings.weight_decay)}",
        f"MOMENTUM = {py_literal(settings.momentum)}  # SGD and RMSprop",
        f"NESTEROV = {py_literal(settings.nesterov)}  # SGD",
        f"SCHEDULE = {py_literal(settings.schedule)}",
        f"STEP_SIZE = {settings.step_size}  # epochs between learning-rate cuts (step)",
        f"GAMMA = {py_literal(settings.gamma)}  # the factor of each cut (step)",
        f"VAL_SPLIT = {py_literal(settings.val_split)}",
        f"SEED = {settings.seed}",
        f"GRAD_CLIP = {py_literal(settings.grad_clip)}  # largest gradient norm (0: off)",
        f"PATIENCE = {settings.early_stopping}  # epochs without a better loss (0: off)",
        f"MIXED_PRECISION = {py_literal(settings.mixed_precision)}  # bfloat16, CUDA only",
        f"FAST = {py_literal(settings.fast)}  # fast mode (CUDA; --fast / --no-fast)",
        literal_assignment("DATASET", data.dataset.name),
    ]
    return "\n".join([*lines, *extra, *data.constants])


def data_section(data: DataCode) -> list[str]:
    """The pasted dataset code and ``load_data``, under a section comment."""
    rule = "# --- Data " + "-" * 67
    if data.is_file:
        intro = [
            rule,
            f"# Read with the same reader designer uses ({data.name} files); --data reads",
            "# another file of the same kind.",
        ]
    else:
        intro = [
            rule,
            f"# The built-in dataset {data.name!s}, generated exactly as designer generates it.",
        ]
    return ["\n".join(intro), data.definitions, data.load_function]


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
        '        "--out",',
        '        default="weights.safetensors",',
        '        help="a .safetensors or .pt file for the weights, or a folder for "',
        '        "weights.safetensors and metrics.json",',
        "    )",
        "    parser.add_argument(",
        '        "--limit",',
        "        type=int,",
        "        default=0,",
        '        help="use only the first N samples of each split (a quick check)",',
        "    )",
        "    parser.add_argument(",
        '        "--resume",',
        '        action="store_true",',
        '        help="carry on from the checkpoint that the last run with this --out left",',
        "    )",
    ]
    lines += [
        "    parser.add_argument(",
        '        "--fast",',
        "        action=argparse.BooleanOptionalAction,",
        "        default=FAST,",
        '        help="fast mode: on a CUDA GPU a larger batch, bf16, compiled steps…",',
        "    )",
        "    parser.add_argument(",
        '        "--threads",',
        "        type=int,",
        "        default=0,",
        '        help="PyTorch CPU threads (0: the usable cores less the machine\'s load)",',
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


def _prepare(data: DataCode, targets: str) -> list[str]:
    load = "load_data(args.data)" if data.is_file else "load_data()"
    return [
        "def main() -> None:",
        "    args = parse_args()",
        "    threads = use_threads(args.threads)",
        "    torch.manual_seed(SEED)  # the same seed, the same run as in designer",
        "    device = start_processes(args.device)  # under torchrun: joins the others",
        "    if is_main_process():",
        "        print(threads)",
        f"    x, y, x_val, y_val = {load}",
        "    if x_val is None:",
        "        x, y, x_val, y_val = split_validation(x, y, VAL_SPLIT, SEED)",
        "    if args.limit > 0:",
        "        x, y = x[: args.limit], y[: args.limit]",
        "        if x_val is not None:",
        "            x_val, y_val = x_val[: args.limit], y_val[: args.limit]",
        "    has_val = x_val is not None and len(x_val) > 0",
        "    x = input_tensor(x, LONG_INPUTS).to(device)",
        f"    y = {targets.format('y', 'x')}",
        "    if has_val:",
        "        x_val = input_tensor(x_val, LONG_INPUTS).to(device)",
        f"        y_val = {targets.format('y_val', 'x_val')}",
        '    count = f"{len(x):,} training and {len(x_val) if has_val else 0:,} validation"',
        '    processes = f" in {world_size()} processes" if world_size() > 1 else ""',
        "    if is_main_process():",
        '        print(f"{count} samples, on {device}{processes}")',
        "    batch_size = min(args.batch_size, len(x))",
        "",
    ]


def _finish(
    optimizers: str, modules: str, terms: str, state: str, what: str
) -> list[str]:
    return [
        "",
        "    steps = steps_per_epoch(shard_size(len(x)), batch_size)",
        "    schedulers = [",
        "        make_scheduler(o, SCHEDULE, args.epochs, steps, STEP_SIZE, GAMMA)",
        f"        for o in {optimizers}",
        "    ]",
        "    schedulers = [s for s in schedulers if s is not None]",
        "    checkpoint = Checkpoint(",
        "        checkpoint_path(args.out),",
        f"        {modules},",
        f"        {optimizers},",
        "        schedulers,",
        "        args.resume,",
        "    )",
        "    history, status = fit(",
        "        step,",
        f"        {terms},",
        "        evaluate if has_val else None,",
        f"        {modules},",
        "        x,",
        "        y,",
        "        batch_size,",
        "        args.epochs,",
        "        SEED,",
        "        schedulers,",
        "        steps_per_batch(SCHEDULE),",
        "        PATIENCE,",
        '        TASK.endswith("classification"),',
        "        checkpoint,",
        "    )",
        "    if is_main_process():  # the weights are the same in every process",
        "        record = run_record(history, status, str(device), DATASET, TASK)",
        f"        path = save_results({state}, record, args.out)",
        f'        print(f"saved the weights {what}to {{path}}")',
        "    end_processes()",
    ]


def _optimizer(model: str, target: str = "optimizer") -> list[str]:
    return [
        f"    {target} = make_optimizer(",
        f"        {model}.parameters(),",
        "        OPTIMIZER,",
        "        fast.lr,",
        "        WEIGHT_DECAY,",
        "        MOMENTUM,",
        "        NESTEROV,",
        "        fast.fused,",
        "    )",
    ]


def _fast_mode(modules: str) -> list[str]:
    """Fast mode's plan, applied to the networks and the data (a note per skipped switch)."""
    return [
        "    fast = fast_mode(",
        "        args.fast,",
        "        device,",
        f"        {modules},",
        "        batch_size,",
        "        args.lr,",
        "        OPTIMIZER,",
        "        len(x),",
        "    )",
        "    for note in fast.notes:",
        '        print(f"note: {note}")',
        "    batch_size = fast.batch_size",
        "    x = fast_inputs(x, fast)",
        "    if has_val:",
        "        x_val = fast_inputs(x_val, fast)",
        "    autocast = make_autocast(device, MIXED_PRECISION or fast.bf16)",
    ]


_TARGETS = {
    "classification": "classification_targets({0}).to(device)",
    "sequence_classification": "classification_targets({0}).to(device)",
    "regression": "regression_targets({0}).to(device)",
    "forecast": "regression_targets({0}).to(device)",
}
_SUPERVISED_LOSS = {
    "classification": "classification_loss",
    "sequence_classification": "classification_loss",
    "regression": "regression_loss",
    "forecast": "regression_loss",
    "reconstruction": "reconstruction_loss",
}
_EVALUATE = {
    "classification": [
        "        metrics, _confusion = evaluate_classification(",
        "            model, loss_fn, batches, NUM_CLASSES, device, autocast",
        "        )",
        "        return metrics",
    ],
    "regression": [
        "        return evaluate_regression(model, loss_fn, batches, device, autocast)"
    ],
    "forecast": [
        "        return evaluate_forecast(model, loss_fn, batches, device, autocast)"
    ],
    "reconstruction": [
        "        return evaluate_reconstruction("
        "model, loss_fn, LOSS, batches, device, autocast)"
    ],
}
_EVALUATE["sequence_classification"] = _EVALUATE["classification"]


def supervised_main(
    settings: TrainingSettings, data: DataCode, network: NetworkRef
) -> str:
    task = settings.task
    target = "xb" if task == "reconstruction" else "yb"
    lines = _prepare(data, _TARGETS.get(task, "{1}"))
    lines += [
        f"    model = {network.class_name}().to(device)",
        *_fast_mode("[model]"),
        "    trained = distributed_model(model, device)  # model itself in one process",
        *_optimizer("model"),
        "    parameters = parameters_of(optimizer)",
        f"    loss_fn = {_SUPERVISED_LOSS[task]}(LOSS)",
        "",
        "    def step(xb: torch.Tensor, yb: torch.Tensor) -> tuple[torch.Tensor, ...]:",
        "        return supervised_step(",
        f"            trained, optimizer, loss_fn, xb, {target}, parameters, GRAD_CLIP, autocast",
        "        )",
        "",
        "    def evaluate() -> dict:",
        "        batches = validation_batches(x_val, y_val, batch_size)",
        *_EVALUATE[task],
    ]
    lines += _finish(
        "[optimizer]", "[model]", '("train_loss",)', "cpu_state(model)", ""
    )
    return "\n".join(lines)


def vae_main(settings: TrainingSettings, data: DataCode, network: NetworkRef) -> str:
    lines = _prepare(data, "{1}")
    lines += [
        f"    model = {network.class_name}().to(device)",
        *_fast_mode("[model]"),
        "    trained = distributed_model(model, device)  # model itself in one process",
        *_optimizer("model"),
        "    parameters = parameters_of(optimizer)",
        "",
        "    def step(xb: torch.Tensor, _yb: torch.Tensor) -> tuple[torch.Tensor, ...]:",
        "        return vae_step(",
        "            trained, optimizer, xb, ROLES, LOSS, BETA, parameters, GRAD_CLIP, autocast",
        "        )",
        "",
        "    def evaluate() -> dict:",
        "        batches = validation_batches(x_val, x_val, batch_size)",
        "        return evaluate_vae(model, batches, ROLES, LOSS, BETA, device, autocast)",
    ]
    lines += _finish("[optimizer]", "[model]", "VAE_TERMS", "cpu_state(model)", "")
    return "\n".join(lines)


def gan_main(
    settings: TrainingSettings, data: DataCode, networks: list[NetworkRef]
) -> str:
    """``networks`` in project order (the order they are built and seeded in)."""
    lines = _prepare(data, "{1}")
    lines += [f"    {n.variable} = {n.class_name}().to(device)" for n in networks]
    lines += _fast_mode("[" + ", ".join(n.variable for n in networks) + "]")
    lines += [
        "    # Under torchrun both train through DistributedDataParallel (see gan_step).",
        "    trained_generator = distributed_model(generator, device)",
        "    trained_discriminator = distributed_model(discriminator, device)",
        *_optimizer("generator", "g_optimizer"),
        *_optimizer("discriminator", "d_optimizer"),
        "",
        "    def step(xb: torch.Tensor, _yb: torch.Tensor) -> tuple[torch.Tensor, ...]:",
        "        return gan_step(",
        "            trained_generator,",
        "            trained_discriminator,",
        "            g_optimizer,",
        "            d_optimizer,",
        "            xb,",
        "            NOISE_SHAPE,",
        "            REAL_LABEL,",
        "            GRAD_CLIP,",
        "            autocast,",
        "        )",
        "",
        "    def evaluate() -> dict | None:",
        "        batches = validation_batches(x_val, x_val, batch_size)",
        "        return evaluate_gan(",
        "            generator, discriminator, batches, NOISE_SHAPE, REAL_LABEL, device, autocast",
        "        )",
    ]
    lines += [
        "",
        "    def state() -> dict:",
        '        """Both networks\' weights, by the names of their canvas tabs."""',
        "        return {",
        *(
            f"            {py_literal(n.graph_name)}: cpu_state({n.variable}),"
            for n in networks
        ),
        "        }",
    ]
    lines += _finish(
        "[g_optimizer, d_optimizer]",
        "[generator, discriminator]",
        "GAN_TERMS",
        "state()",
        "of both networks ",
    )
    return "\n".join(lines)


MAIN_GUARD = """\
if __name__ == "__main__":
    main()"""
