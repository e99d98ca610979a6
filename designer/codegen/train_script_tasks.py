"""The task-dependent parts of an exported ``train.py``: loss, epoch loop, main().

Three families: supervised (classification, sequence classification,
regression, forecast, reconstruction), the VAE (loss terms from three outputs)
and the GAN (two networks, alternating steps).  Only the code the project's
task and settings need is written, so the script stays short and readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.codegen.train_script_common import steps_per_batch
from designer.codegen.train_script_data import DataCode
from designer.codegen.train_script_source import py_literal
from designer.training.settings import TrainingSettings

CLASSIFICATION_TASKS = ("classification", "sequence_classification")
REGRESSION_TASKS = ("regression", "forecast")
SUPERVISED_TASKS = (*CLASSIFICATION_TASKS, *REGRESSION_TASKS, "reconstruction")
TASK_LOSSES: dict[str, tuple[str, ...]] = {
    "classification": ("cross_entropy", "nll", "bce_with_logits"),
    "sequence_classification": ("cross_entropy", "nll", "bce_with_logits"),
    "regression": ("mse", "l1", "huber", "bce_with_logits"),
    "forecast": ("mse", "l1", "huber"),
    "reconstruction": ("mse", "l1", "huber", "bce", "bce_with_logits"),
    "vae": ("bce", "mse"),
    "gan": ("bce_with_logits",),
}
SUPPORTED_TASKS = tuple(TASK_LOSSES)

_LOSS_CALLS = {
    "cross_entropy": (
        "F.cross_entropy",
        "Cross-entropy: the network gives one raw score per class.",
    ),
    "nll": ("F.nll_loss", "Negative log-likelihood: the network ends in LogSoftmax."),
    "mse": ("F.mse_loss", "Mean squared error."),
    "l1": ("F.l1_loss", "Mean absolute error."),
    "huber": (
        "F.huber_loss",
        "Huber loss: squared for small errors, absolute for large.",
    ),
    "bce": (
        "F.binary_cross_entropy",
        "Binary cross-entropy of outputs in [0, 1] (after a Sigmoid).",
    ),
    "bce_with_logits": (
        "F.binary_cross_entropy_with_logits",
        "Binary cross-entropy on raw scores (logits).",
    ),
}
EVAL_BATCH = "max(batch_size, 512)"


@dataclass(frozen=True)
class NetworkRef:
    """One network as the script uses it: its class, a variable and its graph name."""

    class_name: str
    variable: str
    graph_name: str
    input_dtype: str = "float"


def _forward(
    settings: TrainingSettings, target: str, call: str, device: str, indent: str
) -> list[str]:
    """``target = call``, inside bfloat16 autocast when the project asks for it."""
    if not settings.mixed_precision:
        return [f"{indent}{target} = {call}"]
    return [f"{indent}with autocast({device}):", f"{indent}    {target} = {call}"]


def _as_float(settings: TrainingSettings, name: str, several: bool = False) -> str:
    """Outputs computed in bfloat16 go back to float32 before the loss."""
    if not settings.mixed_precision:
        return name
    return f"[output.float() for output in {name}]" if several else f"{name}.float()"


def _clip(settings: TrainingSettings, model: str, indent: str) -> list[str]:
    if settings.grad_clip <= 0:
        return []
    return [f"{indent}nn.utils.clip_grad_norm_({model}.parameters(), GRAD_CLIP)"]


def _signature(name: str, parameters: list[str], returns: str) -> list[str]:
    """A def line, or one parameter per line (with the magic trailing comma)."""
    line = f"def {name}({', '.join(parameters)}) -> {returns}:"
    if len(line) <= 88:
        return [line]
    return [f"def {name}(", *(f"    {p}," for p in parameters), f") -> {returns}:"]


def cpu_state() -> str:
    return '''\
def cpu_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """The model's weights, copied to the CPU so that any machine can load them."""
    return {name: value.detach().cpu() for name, value in model.state_dict().items()}'''


# --- supervised -------------------------------------------------------------------


def to_tensors(task: str, input_dtype: str) -> str:
    x_dtype = "torch.int64" if input_dtype == "long" else "torch.float32"
    lines = ["def to_tensors(x, y, device: torch.device):"]
    if task in CLASSIFICATION_TASKS:
        lines += [
            '    """Samples and class ids as tensors on the device (the data fits in memory)."""',
            f"    inputs = torch.tensor(x, dtype={x_dtype}, device=device)",
            "    return inputs, torch.tensor(y, dtype=torch.int64, device=device)",
        ]
    elif task in REGRESSION_TASKS:
        lines += [
            '    """Samples and targets as float tensors on the device; targets as N×values."""',
            f"    inputs = torch.tensor(x, dtype={x_dtype}, device=device)",
            "    targets = torch.tensor(y, dtype=torch.float32, device=device)",
            "    return inputs, targets.unsqueeze(1) if targets.dim() == 1 else targets",
        ]
    else:
        lines += [
            '    """The samples as a tensor on the device; they are their own targets."""',
            f"    inputs = torch.tensor(x, dtype={x_dtype}, device=device)",
            "    return inputs, inputs",
        ]
    return "\n".join(lines)


def compute_loss(settings: TrainingSettings) -> str:
    task, loss = settings.task, settings.loss
    function, doc = _LOSS_CALLS[loss]
    head = "def compute_loss(outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:"
    if task in CLASSIFICATION_TASKS and loss == "bce_with_logits":
        return "\n".join(
            [
                head,
                '    """Binary cross-entropy on logits: one per class, or one for two classes."""',
                "    if outputs.shape[1] == 1:",
                "        return F.binary_cross_entropy_with_logits(outputs[:, 0], targets.float())",
                "    one_hot = F.one_hot(targets, outputs.shape[1]).float()",
                "    return F.binary_cross_entropy_with_logits(outputs, one_hot)",
            ]
        )
    if task in CLASSIFICATION_TASKS:
        return "\n".join(
            [head, f'    """{doc}"""', f"    return {function}(outputs, targets)"]
        )
    if task in REGRESSION_TASKS:
        return "\n".join(
            [
                head,
                f'    """{doc} Outputs of N×1 compare with targets of N×1."""',
                f"    return {function}(outputs.reshape(targets.shape), targets)",
            ]
        )
    return "\n".join(
        [
            head,
            f'    """{doc} The targets are the inputs."""',
            f"    return {function}(outputs.reshape(targets.shape), targets)",
        ]
    )


def predict_labels(settings: TrainingSettings) -> str | None:
    if settings.task not in CLASSIFICATION_TASKS:
        return None
    lines = ["def predict_labels(outputs: torch.Tensor) -> torch.Tensor:"]
    if settings.loss == "bce_with_logits":
        lines += [
            '    """The class of each sample: the highest score, or logit > 0 for one logit."""',
            "    if outputs.shape[1] == 1:",
            "        return (outputs[:, 0] > 0).long()",
            "    return outputs.argmax(dim=1)",
        ]
    else:
        lines += [
            '    """The class of each sample: the one with the highest score."""',
            "    return outputs.argmax(dim=1)",
        ]
    return "\n".join(lines)


def _epoch_head(
    settings: TrainingSettings,
    models: list[str],
    optimizers: list[str],
    data: list[str],
) -> list[str]:
    parameters = [f"{m}: nn.Module" for m in models]
    parameters += [f"{o}: torch.optim.Optimizer" for o in optimizers]
    if steps_per_batch(settings):
        parameters.append(
            "schedulers: list"
            if len(optimizers) > 1
            else "scheduler: torch.optim.lr_scheduler.LRScheduler"
        )
    parameters += [f"{d}: torch.Tensor" for d in data]
    parameters += ["batch_size: int", "shuffle: torch.Generator"]
    return _signature("train_epoch", parameters, "dict[str, float]")


def _step_schedulers(
    settings: TrainingSettings, several: bool, indent: str
) -> list[str]:
    if not steps_per_batch(settings):
        return []
    if several:
        return [
            f"{indent}for scheduler in schedulers:",
            f"{indent}    scheduler.step()",
        ]
    return [f"{indent}scheduler.step()"]


def supervised_train_epoch(settings: TrainingSettings) -> str:
    body = "        "
    lines = _epoch_head(settings, ["model"], ["optimizer"], ["x", "y"])
    lines += [
        '    """One pass over the training data in a seeded random order; the mean loss."""',
        "    model.train()",
        "    steps = steps_per_epoch(len(x), batch_size)",
        "    order = torch.randperm(len(x), generator=shuffle).to(x.device)",
        "    total = torch.zeros((), device=x.device)",
        "    for step in range(steps):",
        "        batch = order[step * batch_size : (step + 1) * batch_size]",
        *_forward(settings, "outputs", "model(x[batch])", "x.device", body),
        f"{body}loss = compute_loss({_as_float(settings, 'outputs')}, y[batch])",
        f"{body}optimizer.zero_grad(set_to_none=True)",
        f"{body}loss.backward()",
        *_clip(settings, "model", body),
        f"{body}optimizer.step()",
        *_step_schedulers(settings, False, body),
        f"{body}total += loss.detach()",
        '    return {"loss": total.item() / steps}',
    ]
    return "\n".join(lines)


def supervised_evaluate(settings: TrainingSettings) -> str:
    task = settings.task
    body = "        "
    if task in CLASSIFICATION_TASKS:
        doc, start, measured, result = (
            "Loss and accuracy on the validation samples.",
            "    loss_sum, correct = 0.0, 0",
            [f"{body}correct += (predict_labels(outputs) == targets).sum().item()"],
            '    return {"val_loss": loss_sum / len(x), "val_accuracy": correct / len(x)}',
        )
    elif task in REGRESSION_TASKS:
        doc, start, measured, result = (
            "Loss and mean absolute error on the validation samples.",
            "    loss_sum, error_sum = 0.0, 0.0",
            [
                f"{body}errors = outputs.reshape(targets.shape) - targets",
                f"{body}error_sum += errors.abs().sum().item()",
            ],
            '    return {"val_loss": loss_sum / len(x), "val_mae": error_sum / y.numel()}',
        )
    else:
        doc, start, measured, result = (
            "Loss on the validation samples.",
            "    loss_sum = 0.0",
            [],
            '    return {"val_loss": loss_sum / len(x)}',
        )
    lines = [
        "@torch.no_grad()",
        "def evaluate(",
        "    model: nn.Module, x: torch.Tensor, y: torch.Tensor, batch_size: int",
        ") -> dict[str, float]:",
        f'    """{doc}"""',
        "    model.eval()",
        start,
        f"    size = {EVAL_BATCH}  # no gradients are kept, so larger batches fit",
        "    for first in range(0, len(x), size):",
        f"{body}inputs, targets = x[first : first + size], y[first : first + size]",
        *_forward(settings, "outputs", "model(inputs)", "x.device", body),
    ]
    if settings.mixed_precision:
        lines.append(f"{body}outputs = outputs.float()")
    lines += [
        f"{body}loss_sum += compute_loss(outputs, targets).item() * len(targets)",
        *measured,
        "    model.train()",
        result,
    ]
    return "\n".join(lines)


# --- VAE --------------------------------------------------------------------------------


def vae_loss(settings: TrainingSettings, roles: tuple[int, int, int]) -> str:
    """``roles``: where the reconstruction, mu and logvar are among the outputs."""
    if settings.loss == "bce":
        error = "F.binary_cross_entropy"
        what = "binary cross-entropy of outputs in [0, 1]"
    else:
        error = "F.mse_loss"
        what = "squared error"
    return "\n".join(
        [
            "def compute_loss(outputs, x: torch.Tensor) -> tuple[torch.Tensor, ...]:",
            '    """The VAE loss per sample: reconstruction error + BETA × KL divergence.',
            "",
            f"    The reconstruction error is the {what},",
            "    summed over each sample; the KL divergence pulls the codes (mu, logvar)",
            "    towards N(0, 1). Returns the loss and its two terms.",
            '    """',
            *_vae_unpack(roles),
            "    reconstruction = reconstruction.reshape(x.shape)",
            f'    error = {error}(reconstruction, x, reduction="sum") / len(x)',
            "    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / len(x)",
            "    return error + BETA * kl, error, kl",
        ]
    )


def _vae_unpack(roles: tuple[int, int, int]) -> list[str]:
    if roles == (0, 1, 2):
        return ["    reconstruction, mu, logvar = outputs"]
    picked = ", ".join(f"outputs[{k}]" for k in roles)
    return [
        "    # The Outputs named mu and logvar, and the third one.",
        f"    reconstruction, mu, logvar = {picked}",
    ]


def vae_train_epoch(settings: TrainingSettings) -> str:
    body = "        "
    lines = _epoch_head(settings, ["model"], ["optimizer"], ["x"])
    lines += [
        '    """One pass over the data in a seeded random order; the mean loss terms."""',
        "    model.train()",
        "    steps = steps_per_epoch(len(x), batch_size)",
        "    order = torch.randperm(len(x), generator=shuffle).to(x.device)",
        "    totals = torch.zeros(3, device=x.device)",
        "    for step in range(steps):",
        "        batch = x[order[step * batch_size : (step + 1) * batch_size]]",
        *_forward(settings, "outputs", "model(batch)", "x.device", body),
        f"{body}loss, error, kl = compute_loss({_as_float(settings, 'outputs', True)}, batch)",
        f"{body}optimizer.zero_grad(set_to_none=True)",
        f"{body}loss.backward()",
        *_clip(settings, "model", body),
        f"{body}optimizer.step()",
        *_step_schedulers(settings, False, body),
        f"{body}totals += torch.stack([loss, error, kl]).detach()",
        "    loss, error, kl = (totals / steps).tolist()",
        '    return {"loss": loss, "reconstruction": error, "kl": kl}',
    ]
    return "\n".join(lines)


def vae_evaluate(settings: TrainingSettings) -> str:
    body = "        "
    lines = [
        "@torch.no_grad()",
        "def evaluate(model: nn.Module, x: torch.Tensor, batch_size: int) -> dict[str, float]:",
        '    """The loss terms on the validation samples."""',
        "    model.eval()",
        "    totals = torch.zeros(3, device=x.device)",
        f"    size = {EVAL_BATCH}  # no gradients are kept, so larger batches fit",
        "    for first in range(0, len(x), size):",
        f"{body}batch = x[first : first + size]",
        *_forward(settings, "outputs", "model(batch)", "x.device", body),
        f"{body}terms = compute_loss({_as_float(settings, 'outputs', True)}, batch)",
        f"{body}totals += torch.stack(terms) * len(batch)",
        "    model.train()",
        "    loss, error, kl = (totals / len(x)).tolist()",
        '    return {"val_loss": loss, "val_reconstruction": error, "val_kl": kl}',
    ]
    return "\n".join(lines)


# --- GAN --------------------------------------------------------------------------------


def _real_label(settings: TrainingSettings) -> str:
    return "1.0 - LABEL_SMOOTHING" if settings.label_smoothing > 0 else "1.0"


def gan_to_tensor() -> str:
    return '''\
def to_tensor(x, device: torch.device) -> torch.Tensor:
    """The real samples as a float tensor on the device (a GAN needs no targets)."""
    return torch.tensor(x, dtype=torch.float32, device=device)'''


def gan_evaluate(settings: TrainingSettings) -> str:
    body = "        "
    lines = [
        "@torch.no_grad()",
        "def evaluate(",
        "    generator: nn.Module, discriminator: nn.Module, x: torch.Tensor, batch_size: int",
        ") -> dict[str, float]:",
        '    """The discriminator on held-out real samples and fresh generated ones."""',
        "    generator.eval()",
        "    discriminator.eval()",
        "    totals = torch.zeros(3, device=x.device)",
        f"    size = {EVAL_BATCH}  # no gradients are kept, so larger batches fit",
        "    for first in range(0, len(x), size):",
        f"{body}real = x[first : first + size]",
        f"{body}noise = torch.randn(len(real), *NOISE_SHAPE, device=x.device)",
        *_forward(settings, "real_logits", "discriminator(real)", "x.device", body),
        *_forward(
            settings, "fake_logits", "discriminator(generator(noise))", "x.device", body
        ),
        f"{body}real_labels = torch.full_like(real_logits, {_real_label(settings)})",
        f"{body}d_loss = bce(real_logits, real_labels) + bce(",
        f"{body}    fake_logits, torch.zeros_like(fake_logits)",
        f"{body})",
        f"{body}d_real = torch.sigmoid(real_logits.float()).mean()",
        f"{body}d_fake = torch.sigmoid(fake_logits.float()).mean()",
        f"{body}totals += torch.stack([d_loss, d_real, d_fake]) * len(real)",
        "    generator.train()",
        "    discriminator.train()",
        "    d_loss, d_real, d_fake = (totals / len(x)).tolist()",
        '    return {"val_d_loss": d_loss, "val_d_real": d_real, "val_d_fake": d_fake}',
    ]
    return "\n".join(lines)


def gan_train_epoch(settings: TrainingSettings) -> str:
    body = "        "
    smoothing = _real_label(settings)
    lines = _epoch_head(
        settings, ["generator", "discriminator"], ["g_optimizer", "d_optimizer"], ["x"]
    )
    lines += [
        '    """One pass over the real samples in a seeded random order.',
        "",
        "    Per batch: a discriminator step, then a generator step (non-saturating loss).",
        "    Returns the mean losses and the mean probability the discriminator gives",
        "    real (d_real) and generated (d_fake) samples.",
        '    """',
        "    generator.train()",
        "    discriminator.train()",
        "    steps = steps_per_epoch(len(x), batch_size)",
        "    order = torch.randperm(len(x), generator=shuffle).to(x.device)",
        "    totals = torch.zeros(4, device=x.device)",
        "    for step in range(steps):",
        "        real = x[order[step * batch_size : (step + 1) * batch_size]]",
        "        noise = torch.randn(len(real), *NOISE_SHAPE, device=x.device)",
        *_forward(settings, "fake", "generator(noise)", "x.device", body),
        "",
        f"{body}# Discriminator: real samples are labelled real, generated ones fake.",
        *_forward(settings, "real_logits", "discriminator(real)", "x.device", body),
        *_forward(
            settings, "fake_logits", "discriminator(fake.detach())", "x.device", body
        ),
        f"{body}real_labels = torch.full_like(real_logits, {smoothing})",
        f"{body}d_loss = bce(real_logits, real_labels) + bce(",
        f"{body}    fake_logits, torch.zeros_like(fake_logits)",
        f"{body})",
        f"{body}d_optimizer.zero_grad(set_to_none=True)",
        f"{body}d_loss.backward()",
        *_clip(settings, "discriminator", body),
        f"{body}d_optimizer.step()",
        "",
        f"{body}# Generator: make the discriminator call the generated samples real.",
        *_forward(settings, "fooled_logits", "discriminator(fake)", "x.device", body),
        f"{body}g_loss = bce(fooled_logits, torch.ones_like(fooled_logits))",
        f"{body}g_optimizer.zero_grad(set_to_none=True)",
        f"{body}g_loss.backward()",
        *_clip(settings, "generator", body),
        f"{body}g_optimizer.step()",
        *_step_schedulers(settings, True, body),
        "",
        f"{body}d_real = torch.sigmoid(real_logits.float()).mean()",
        f"{body}d_fake = torch.sigmoid(fake_logits.float()).mean()",
        f"{body}totals += torch.stack([d_loss, g_loss, d_real, d_fake]).detach()",
        "    d_loss, g_loss, d_real, d_fake = (totals / steps).tolist()",
        '    return {"d_loss": d_loss, "g_loss": g_loss, "d_real": d_real, "d_fake": d_fake}',
    ]
    return "\n".join(lines)


def gan_bce() -> str:
    return '''\
def bce(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Binary cross-entropy on the discriminator's raw scores (logits)."""
    return F.binary_cross_entropy_with_logits(logits.float(), labels.float())'''


# --- main() -------------------------------------------------------------------------------


def _load_call(data: DataCode) -> str:
    return "load_data(args.data)" if data.is_file else "load_data()"


def _limit_lines(names: list[str]) -> list[str]:
    lines = ["    if args.limit > 0:"]
    slices = ", ".join(f"{name}[: args.limit]" for name in names)
    line = f"        {', '.join(names)} = {slices}"
    if len(line) <= 88:
        return lines + [line]
    half = len(names) // 2
    for part in (names[:half], names[half:]):
        lines.append(
            f"        {', '.join(part)} = {', '.join(f'{n}[: args.limit]' for n in part)}"
        )
    return lines


def _scheduler_lines(settings: TrainingSettings, optimizers: list[str]) -> list[str]:
    if settings.schedule == "none":
        return []
    if len(optimizers) == 1:
        return [
            "    scheduler = make_scheduler(",
            "        optimizer, args.epochs, steps_per_epoch(len(x), batch_size)",
            "    )",
        ]
    return [
        "    schedulers = [",
        "        make_scheduler(optimizer, args.epochs, steps_per_epoch(len(x), batch_size))",
        f"        for optimizer in ({', '.join(optimizers)})",
        "    ]",
    ]


def _epoch_scheduler_step(settings: TrainingSettings, several: bool) -> list[str]:
    if settings.schedule == "none" or steps_per_batch(settings):
        return []
    if several:
        return ["        for scheduler in schedulers:", "            scheduler.step()"]
    return ["        scheduler.step()"]


def _scheduler_argument(settings: TrainingSettings, several: bool) -> list[str]:
    if not steps_per_batch(settings):
        return []
    return ["schedulers"] if several else ["scheduler"]


def _call_lines(
    target: str, function: str, arguments: list[str], indent: str
) -> list[str]:
    line = f"{indent}{target} = {function}({', '.join(arguments)})"
    if len(line) <= 88:
        return [line]
    inner = f"{indent}    {', '.join(arguments)}"
    if len(inner) <= 88:
        return [f"{indent}{target} = {function}(", inner, f"{indent})"]
    return [
        f"{indent}{target} = {function}(",
        *(f"{indent}    {a}," for a in arguments),
        f"{indent})",
    ]


def _early_stopping(settings: TrainingSettings, watched: str) -> list[str]:
    if settings.early_stopping <= 0:
        return []
    return [
        f"        watched = {watched}",
        "        if watched < best_loss:",
        "            best_loss, stale_epochs = watched, 0",
        "        else:",
        "            stale_epochs += 1",
        "            if stale_epochs >= PATIENCE and epoch < args.epochs:",
        '                print(f"stopping early: no better loss for {PATIENCE} epochs")',
        "                break",
    ]


_EPOCH_PRINT = [
    "        seconds = time.perf_counter() - started",
    '        print(f"epoch {epoch}/{args.epochs}  {format_metrics(metrics)}  {seconds:.1f}s")',
]


def supervised_main(
    settings: TrainingSettings, data: DataCode, network: NetworkRef
) -> str:
    lines = [
        "def main() -> None:",
        "    args = parse_args()",
        "    torch.manual_seed(SEED)",
        "    device = pick_device(args.device)",
        f"    x, y, x_val, y_val = {_load_call(data)}",
        "    if x_val is None:",
        "        x, y, x_val, y_val = split_validation(x, y, VAL_SPLIT, SEED)",
        *_limit_lines(["x", "y", "x_val", "y_val"]),
        "    x, y = to_tensors(x, y, device)",
        "    x_val, y_val = to_tensors(x_val, y_val, device)",
        '    print(f"{len(x):,} training and {len(x_val):,} validation samples, on {device}")',
        "",
        f"    model = {network.class_name}().to(device)",
        "    optimizer = make_optimizer(model.parameters(), args.lr)",
        "    batch_size = min(args.batch_size, len(x))",
        *_scheduler_lines(settings, ["optimizer"]),
        "    shuffle = torch.Generator().manual_seed(SEED)",
    ]
    if settings.early_stopping > 0:
        lines.append("    best_loss, stale_epochs = math.inf, 0")
    data_args = ["x", "y"] if settings.task != "vae" else ["x"]
    eval_args = (
        ["model", "x_val", "y_val", "batch_size"]
        if settings.task != "vae"
        else ["model", "x_val", "batch_size"]
    )
    train_args = [
        "model",
        "optimizer",
        *_scheduler_argument(settings, False),
        *data_args,
        "batch_size",
        "shuffle",
    ]
    lines += [
        "    for epoch in range(1, args.epochs + 1):",
        "        started = time.perf_counter()",
        *_call_lines("metrics", "train_epoch", train_args, "        "),
        *_epoch_scheduler_step(settings, False),
        "        if len(x_val):",
        f"            metrics.update(evaluate({', '.join(eval_args)}))",
        *_EPOCH_PRINT,
        *_early_stopping(settings, 'metrics.get("val_loss", metrics["loss"])'),
        "",
        "    path = save_weights(cpu_state(model), args.out)",
        '    print(f"saved the weights to {path}")',
    ]
    return "\n".join(lines)


def gan_main(
    settings: TrainingSettings, data: DataCode, networks: list[NetworkRef]
) -> str:
    """``networks`` in project order (the order they are built and seeded in)."""
    lines = [
        "def main() -> None:",
        "    args = parse_args()",
        "    torch.manual_seed(SEED)",
        "    device = pick_device(args.device)",
        f"    x, y, x_val, y_val = {_load_call(data)}",
        "    if x_val is None:",
        "        x, y, x_val, y_val = split_validation(x, y, VAL_SPLIT, SEED)",
        "    if args.limit > 0:",
        "        x, x_val = x[: args.limit], x_val[: args.limit]",
        "    x, x_val = to_tensor(x, device), to_tensor(x_val, device)",
        '    print(f"{len(x):,} training and {len(x_val):,} validation samples, on {device}")',
        "",
    ]
    lines += [f"    {n.variable} = {n.class_name}().to(device)" for n in networks]
    lines += [
        "    g_optimizer = make_optimizer(generator.parameters(), args.lr)",
        "    d_optimizer = make_optimizer(discriminator.parameters(), args.lr)",
        "    batch_size = min(args.batch_size, len(x))",
        *_scheduler_lines(settings, ["g_optimizer", "d_optimizer"]),
        "    shuffle = torch.Generator().manual_seed(SEED)",
    ]
    train_args = [
        "generator",
        "discriminator",
        "g_optimizer",
        "d_optimizer",
        *_scheduler_argument(settings, True),
        "x",
        "batch_size",
        "shuffle",
    ]
    lines += [
        "    for epoch in range(1, args.epochs + 1):",
        "        started = time.perf_counter()",
        *_call_lines("metrics", "train_epoch", train_args, "        "),
        *_epoch_scheduler_step(settings, True),
        "        if len(x_val):",
        "            metrics.update(evaluate(generator, discriminator, x_val, batch_size))",
        *_EPOCH_PRINT,
        "",
        "    state = {",
        *(
            f"        {py_literal(n.graph_name)}: cpu_state({n.variable}),"
            for n in networks
        ),
        "    }",
        "    path = save_weights(state, args.out)",
        '    print(f"saved the weights of both networks to {path}")',
    ]
    return "\n".join(lines)
