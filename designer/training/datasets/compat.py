"""Does a dataset fit a network?  Checked before a run, explained in plain words.

Every reason is a :class:`~designer.graph.translatable.Message`: an English
template marked for Qt Linguist and its arguments, so that the command line and
the engine print it in English (:func:`check_compatibility`) and the window
words it in its language (:func:`compatibility_messages`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from designer.graph.translatable import QT_TRANSLATE_NOOP, Message
from designer.training.datasets.dataset import CLASSIFICATION_TASKS, Dataset

Dim = int | str
NUMERIC_TASKS = ("regression", "forecast")
RECONSTRUCTION_TASKS = ("reconstruction", "autoencoder", "vae", "denoising")
SINGLE_VALUE = QT_TRANSLATE_NOOP("Problem", "a single value")


# The training tasks by their names, as a reason names them.
TASK_NAMES = (
    QT_TRANSLATE_NOOP("Problem", "classification"),
    QT_TRANSLATE_NOOP("Problem", "sequence_classification"),
    QT_TRANSLATE_NOOP("Problem", "regression"),
    QT_TRANSLATE_NOOP("Problem", "forecast"),
    QT_TRANSLATE_NOOP("Problem", "reconstruction"),
    QT_TRANSLATE_NOOP("Problem", "vae"),
    QT_TRANSLATE_NOOP("Problem", "gan"),
)


def _task(name: str) -> Message:
    """A task's name, translated where it is one of :data:`TASK_NAMES`."""
    return Message.plain(name)


def _size(dims: Sequence[Dim]) -> str | Message:
    return "×".join(str(d) for d in dims) if dims else Message(SINGLE_VALUE)


def _sample_dims(shape: Sequence[Dim]) -> tuple[Dim, ...]:
    """Shape without the batch dimension that inference puts first."""
    return tuple(shape[1:])


def _dims_match(actual: Sequence[int], expected: Sequence[Dim]) -> bool:
    """Equal rank and sizes; a symbolic size (a string such as "L") matches any."""
    return len(actual) == len(expected) and all(
        isinstance(e, str) or int(e) == a for a, e in zip(actual, expected, strict=True)
    )


def _product(dims: Sequence[Dim]) -> int | None:
    total = 1
    for dim in dims:
        if not isinstance(dim, int):
            return None
        total *= dim
    return total


def _features(count: int) -> Message:
    template = (
        QT_TRANSLATE_NOOP("Problem", "{count} feature")
        if count == 1
        else QT_TRANSLATE_NOOP("Problem", "{count} features")
    )
    return Message.of(template, count=str(count))


def describe_samples_message(dataset: Dataset) -> Message:
    """What one sample is, in words: "1×8×8 images", "2 features per sample", …"""
    shape = dataset.sample_shape
    if dataset.is_tokens:
        return Message.of(
            QT_TRANSLATE_NOOP("Problem", "sequences of {size} token ids"),
            size=_size(shape),
        )
    if len(shape) == 3:
        return Message.of(
            QT_TRANSLATE_NOOP("Problem", "{size} images"), size=_size(shape)
        )
    if len(shape) == 1:
        return Message.of(
            QT_TRANSLATE_NOOP("Problem", "{features} per sample"),
            features=_features(shape[0]),
        )
    if len(shape) == 2:
        return Message.of(
            QT_TRANSLATE_NOOP("Problem", "sequences of {steps} steps × {features}"),
            steps=str(shape[0]),
            features=_features(shape[1]),
        )
    return Message.of(
        QT_TRANSLATE_NOOP("Problem", "samples of {size}"), size=_size(shape)
    )


def describe_samples(dataset: Dataset) -> str:
    """:func:`describe_samples_message` in English."""
    return describe_samples_message(dataset).english()


def _input_hint(dataset: Dataset, expected: Sequence[Dim]) -> Message:
    shape = dataset.sample_shape
    if dataset.name == "digits" and _dims_match((1, 28, 28), expected):
        return Message(QT_TRANSLATE_NOOP("Problem", "use digits28 or change the Input"))
    if dataset.name == "digits28" and _dims_match((1, 8, 8), expected):
        return Message(QT_TRANSLATE_NOOP("Problem", "use digits or change the Input"))
    if dataset.name in ("digits", "digits28") and _product(expected) == _product(shape):
        layout = "flat" if len(expected) == 1 else "image"
        return Message.of(
            QT_TRANSLATE_NOOP(
                "Problem", "set the dataset's layout to '{layout}' or change the Input"
            ),
            layout=layout,
        )
    if _product(expected) == _product(shape) and len(shape) > 1:
        return Message.of(
            QT_TRANSLATE_NOOP(
                "Problem",
                "set the Input to {size} (add a Flatten after it if the next "
                "layer needs a vector)",
            ),
            size=_size(shape),
        )
    return Message.of(
        QT_TRANSLATE_NOOP(
            "Problem", "set the Input's shape to {size} (Set from dataset)"
        ),
        size=_size(shape),
    )


def _check_inputs(
    dataset: Dataset,
    input_shapes: Mapping[str, Sequence[Dim]],
    input_dtypes: Mapping[str, str] | None,
) -> list[Message]:
    if not input_shapes:
        return [
            Message(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The network has no Input: add one to receive the dataset's samples.",
                )
            )
        ]
    if len(input_shapes) > 1:
        names = ", ".join(f"'{n}'" for n in input_shapes)
        return [
            Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The dataset gives one input per sample but the network has "
                    "{count} Inputs ({names}); keep one Input.",
                ),
                count=str(len(input_shapes)),
                names=names,
            )
        ]
    name, shape = next(iter(input_shapes.items()))
    expected = _sample_dims(shape)
    problems = []
    if not _dims_match(dataset.sample_shape, expected):
        problems.append(
            Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The dataset gives {samples} but Input '{name}' expects {size} "
                    "— {hint}.",
                ),
                samples=describe_samples_message(dataset),
                name=name,
                size=_size(expected),
                hint=_input_hint(dataset, expected),
            )
        )
    dtype = (input_dtypes or {}).get(name)
    if dtype is not None:
        if dataset.is_tokens and dtype != "long":
            problems.append(
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "The dataset gives token ids (whole numbers) but Input '{name}' "
                        "has dtype {dtype} — set its dtype to long and feed it to an "
                        "Embedding.",
                    ),
                    name=name,
                    dtype=dtype,
                )
            )
        elif not dataset.is_tokens and dtype == "long":
            problems.append(
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "The dataset gives real numbers but Input '{name}' has dtype "
                        "long — set its dtype to float.",
                    ),
                    name=name,
                )
            )
    return problems


def _check_tokens(dataset: Dataset, num_embeddings: int | None) -> list[Message]:
    if num_embeddings is None or not dataset.is_tokens:
        return []
    vocab = dataset.vocab_size or (int(dataset.x.max()) + 1 if dataset.x.size else 0)
    if vocab > num_embeddings:
        return [
            Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The dataset's token ids go up to {largest} but the Embedding has "
                    "only {rows} rows — set num_embeddings to at least {vocab}.",
                ),
                largest=str(vocab - 1),
                rows=str(num_embeddings),
                vocab=str(vocab),
            )
        ]
    return []


def _check_task(dataset: Dataset, task: str) -> list[Message]:
    if (
        task in CLASSIFICATION_TASKS
        and dataset.task in CLASSIFICATION_TASKS
        and dataset.num_classes is not None
        and dataset.num_classes < 2
    ):
        # Advice to match the Output to one class would lead to a meaningless
        # 100 % accuracy: every prediction is that class.
        return [
            Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The dataset '{dataset}' has only {count} class, but a classifier "
                    "needs at least two classes to tell apart — choose a dataset "
                    "whose labels take two or more values.",
                ),
                dataset=dataset.name,
                count=str(dataset.num_classes),
            )
        ]
    if task in CLASSIFICATION_TASKS and dataset.task not in CLASSIFICATION_TASKS:
        what = Message(
            QT_TRANSLATE_NOOP("Problem", "no class labels (its targets are its inputs)")
            if dataset.task == "reconstruction"
            else QT_TRANSLATE_NOOP("Problem", "numeric targets, not classes")
        )
        return [
            Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The dataset '{dataset}' has {what}, but the training task is "
                    "{task} — choose a classification dataset or change the task.",
                ),
                dataset=dataset.name,
                what=what,
                task=_task(task),
            )
        ]
    if task in NUMERIC_TASKS and dataset.task not in NUMERIC_TASKS:
        what = Message(
            QT_TRANSLATE_NOOP("Problem", "class labels")
            if dataset.task in CLASSIFICATION_TASKS
            else QT_TRANSLATE_NOOP("Problem", "no targets")
        )
        return [
            Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The dataset '{dataset}' has {what}, but the training task is "
                    "{task}, which needs numeric targets — choose a regression "
                    "dataset or change the task.",
                ),
                dataset=dataset.name,
                what=what,
                task=_task(task),
            )
        ]
    return []


def _check_outputs(
    dataset: Dataset, output_shapes: Mapping[str, Sequence[Dim]], task: str
) -> list[Message]:
    if not output_shapes:
        return [
            Message(
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The network has no Output: add one after the last layer.",
                )
            )
        ]
    name, shape = next(iter(output_shapes.items()))
    given = _sample_dims(shape)
    if task in CLASSIFICATION_TASKS and dataset.num_classes is not None:
        classes = str(dataset.num_classes)
        if len(given) != 1:
            return [
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "Output '{name}' gives {size} values per sample, but a "
                        "classifier should give one score per class ({classes}) — end "
                        "the network with Flatten and a Dense layer of {classes} units.",
                    ),
                    name=name,
                    size=_size(given),
                    classes=classes,
                )
            ]
        if isinstance(given[0], int) and given[0] != dataset.num_classes:
            template = (
                QT_TRANSLATE_NOOP(
                    "Problem",
                    "The dataset has {classes} classes but Output '{name}' gives "
                    "{count} value per sample — set the last layer to {classes} units.",
                )
                if given[0] == 1
                else QT_TRANSLATE_NOOP(
                    "Problem",
                    "The dataset has {classes} classes but Output '{name}' gives "
                    "{count} values per sample — set the last layer to {classes} units.",
                )
            )
            return [
                Message.of(template, classes=classes, name=name, count=str(given[0]))
            ]
    elif task in NUMERIC_TASKS and dataset.task in NUMERIC_TASKS:
        target = dataset.target_shape or (1,)
        if not _dims_match(target, given) and not (
            _product(target) == 1 and _product(given) == 1
        ):
            return [
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "The dataset's targets are {width} per sample but Output "
                        "'{name}' gives {size} — make the last layer give {width}.",
                    ),
                    width=_size(target),
                    name=name,
                    size=_size(given),
                )
            ]
    elif task in RECONSTRUCTION_TASKS:
        sample = dataset.sample_shape
        if not any(
            _dims_match(sample, _sample_dims(s)) for s in output_shapes.values()
        ):
            same_count = _product(given) == _product(sample)
            fix = Message.of(
                QT_TRANSLATE_NOOP(
                    "Problem", "reshape it to {size} (add an Unflatten/Reshape layer)"
                )
                if same_count
                else QT_TRANSLATE_NOOP("Problem", "make the decoder end in {size}"),
                size=_size(sample),
            )
            return [
                Message.of(
                    QT_TRANSLATE_NOOP(
                        "Problem",
                        "To reconstruct its input, the network must output {size} per "
                        "sample like the dataset, but Output '{name}' gives {given} — "
                        "{fix}.",
                    ),
                    size=_size(sample),
                    name=name,
                    given=_size(given),
                    fix=fix,
                )
            ]
    return []


def compatibility_messages(
    dataset: Dataset,
    input_shapes: Mapping[str, Sequence[Dim]],
    output_shapes: Mapping[str, Sequence[Dim]],
    task: str,
    *,
    input_dtypes: Mapping[str, str] | None = None,
    num_embeddings: int | None = None,
) -> list[Message]:
    """Plain-words reasons why ``dataset`` cannot train this network; [] if none.

    Shapes are as shape inference gives them (batch "N" first; a string size
    matches anything).  ``input_dtypes`` (Input name → "float"/"long") and
    ``num_embeddings`` (the first Embedding's rows) enable the token checks.
    """
    problems = _check_inputs(dataset, input_shapes, input_dtypes)
    problems += _check_tokens(dataset, num_embeddings)
    task_problems = _check_task(dataset, task)
    problems += task_problems
    if not task_problems:
        problems += _check_outputs(dataset, output_shapes, task)
    return problems


def check_compatibility(
    dataset: Dataset,
    input_shapes: Mapping[str, Sequence[Dim]],
    output_shapes: Mapping[str, Sequence[Dim]],
    task: str,
    *,
    input_dtypes: Mapping[str, str] | None = None,
    num_embeddings: int | None = None,
) -> list[str]:
    """:func:`compatibility_messages` in English (for the engine and the command line)."""
    messages = compatibility_messages(
        dataset,
        input_shapes,
        output_shapes,
        task,
        input_dtypes=input_dtypes,
        num_embeddings=num_embeddings,
    )
    return [message.english() for message in messages]


def suggested_input_shape(dataset: Dataset) -> list[int | str]:
    """The Input shape (without batch) that takes this dataset's samples."""
    return list(dataset.sample_shape)
