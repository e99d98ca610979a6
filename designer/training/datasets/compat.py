"""Does a dataset fit a network?  Checked before a run, explained in plain words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from designer.training.datasets.dataset import CLASSIFICATION_TASKS, Dataset

Dim = int | str
NUMERIC_TASKS = ("regression", "forecast")
RECONSTRUCTION_TASKS = ("reconstruction", "autoencoder", "vae", "denoising")


def _size(dims: Sequence[Dim]) -> str:
    return "×".join(str(d) for d in dims) if dims else "a single value"


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


def describe_samples(dataset: Dataset) -> str:
    """What one sample is, in words: "1×8×8 images", "2 features", …"""
    shape = dataset.sample_shape
    if dataset.is_tokens:
        return f"sequences of {_size(shape)} token ids"
    if len(shape) == 3:
        return f"{_size(shape)} images"
    if len(shape) == 1:
        return f"{shape[0]} feature{'s' if shape[0] != 1 else ''} per sample"
    if len(shape) == 2:
        features = f"{shape[1]} feature{'s' if shape[1] != 1 else ''}"
        return f"sequences of {shape[0]} steps × {features}"
    return f"samples of {_size(shape)}"


def _input_hint(dataset: Dataset, expected: Sequence[Dim]) -> str:
    shape = dataset.sample_shape
    if dataset.name == "digits" and _dims_match((1, 28, 28), expected):
        return "use digits28 or change the Input"
    if dataset.name == "digits28" and _dims_match((1, 8, 8), expected):
        return "use digits or change the Input"
    if dataset.name in ("digits", "digits28") and _product(expected) == _product(shape):
        layout = "flat" if len(expected) == 1 else "image"
        return f"set the dataset's layout to '{layout}' or change the Input"
    if _product(expected) == _product(shape) and len(shape) > 1:
        return (
            f"set the Input to {_size(shape)} (add a Flatten after it if the next "
            "layer needs a vector)"
        )
    return f"set the Input's shape to {_size(shape)} (Set from dataset)"


def _check_inputs(
    dataset: Dataset,
    input_shapes: Mapping[str, Sequence[Dim]],
    input_dtypes: Mapping[str, str] | None,
) -> list[str]:
    if not input_shapes:
        return ["The network has no Input: add one to receive the dataset's samples."]
    if len(input_shapes) > 1:
        names = ", ".join(f"'{n}'" for n in input_shapes)
        return [
            f"The dataset gives one input per sample but the network has "
            f"{len(input_shapes)} Inputs ({names}); keep one Input."
        ]
    name, shape = next(iter(input_shapes.items()))
    expected = _sample_dims(shape)
    problems = []
    if not _dims_match(dataset.sample_shape, expected):
        problems.append(
            f"The dataset gives {describe_samples(dataset)} but Input '{name}' "
            f"expects {_size(expected)} — {_input_hint(dataset, expected)}."
        )
    dtype = (input_dtypes or {}).get(name)
    if dtype is not None:
        if dataset.is_tokens and dtype != "long":
            problems.append(
                f"The dataset gives token ids (whole numbers) but Input '{name}' has "
                f"dtype {dtype} — set its dtype to long and feed it to an Embedding."
            )
        elif not dataset.is_tokens and dtype == "long":
            problems.append(
                f"The dataset gives real numbers but Input '{name}' has dtype long "
                "— set its dtype to float."
            )
    return problems


def _check_tokens(dataset: Dataset, num_embeddings: int | None) -> list[str]:
    if num_embeddings is None or not dataset.is_tokens:
        return []
    vocab = dataset.vocab_size or (int(dataset.x.max()) + 1 if dataset.x.size else 0)
    if vocab > num_embeddings:
        return [
            f"The dataset's token ids go up to {vocab - 1} but the Embedding has only "
            f"{num_embeddings} rows — set num_embeddings to at least {vocab}."
        ]
    return []


def _check_task(dataset: Dataset, task: str) -> list[str]:
    if (
        task in CLASSIFICATION_TASKS
        and dataset.task in CLASSIFICATION_TASKS
        and dataset.num_classes is not None
        and dataset.num_classes < 2
    ):
        # Advice to match the Output to one class would lead to a meaningless
        # 100 % accuracy: every prediction is that class.
        return [
            f"The dataset '{dataset.name}' has only {dataset.num_classes} class, but "
            "a classifier needs at least two classes to tell apart — choose a "
            "dataset whose labels take two or more values."
        ]
    if task in CLASSIFICATION_TASKS and dataset.task not in CLASSIFICATION_TASKS:
        what = (
            "no class labels (its targets are its inputs)"
            if dataset.task == "reconstruction"
            else "numeric targets, not classes"
        )
        return [
            f"The dataset '{dataset.name}' has {what}, but the training task is "
            f"{task} — choose a classification dataset or change the task."
        ]
    if task in NUMERIC_TASKS and dataset.task not in NUMERIC_TASKS:
        what = "class labels" if dataset.task in CLASSIFICATION_TASKS else "no targets"
        return [
            f"The dataset '{dataset.name}' has {what}, but the training task is "
            f"{task}, which needs numeric targets — choose a regression dataset or "
            "change the task."
        ]
    return []


def _check_outputs(
    dataset: Dataset, output_shapes: Mapping[str, Sequence[Dim]], task: str
) -> list[str]:
    if not output_shapes:
        return ["The network has no Output: add one after the last layer."]
    name, shape = next(iter(output_shapes.items()))
    given = _sample_dims(shape)
    if task in CLASSIFICATION_TASKS and dataset.num_classes is not None:
        classes = dataset.num_classes
        if len(given) != 1:
            return [
                f"Output '{name}' gives {_size(given)} values per sample, but a "
                f"classifier should give one score per class ({classes}) — end the "
                f"network with Flatten and a Dense layer of {classes} units."
            ]
        if isinstance(given[0], int) and given[0] != classes:
            return [
                f"The dataset has {classes} classes but Output '{name}' gives "
                f"{given[0]} value{'s' if given[0] != 1 else ''} per sample — set the "
                f"last layer to {classes} units."
            ]
    elif task in NUMERIC_TASKS and dataset.task in NUMERIC_TASKS:
        target = dataset.target_shape or (1,)
        if not _dims_match(target, given) and not (
            _product(target) == 1 and _product(given) == 1
        ):
            width = _size(target)
            return [
                f"The dataset's targets are {width} per sample but Output '{name}' "
                f"gives {_size(given)} — make the last layer give {width}."
            ]
    elif task in RECONSTRUCTION_TASKS:
        sample = dataset.sample_shape
        if not any(
            _dims_match(sample, _sample_dims(s)) for s in output_shapes.values()
        ):
            same_count = _product(given) == _product(sample)
            fix = (
                f"reshape it to {_size(sample)} (add an Unflatten/Reshape layer)"
                if same_count
                else f"make the decoder end in {_size(sample)}"
            )
            return [
                f"To reconstruct its input, the network must output {_size(sample)} per "
                f"sample like the dataset, but Output '{name}' gives {_size(given)} — "
                f"{fix}."
            ]
    return []


def check_compatibility(
    dataset: Dataset,
    input_shapes: Mapping[str, Sequence[Dim]],
    output_shapes: Mapping[str, Sequence[Dim]],
    task: str,
    *,
    input_dtypes: Mapping[str, str] | None = None,
    num_embeddings: int | None = None,
) -> list[str]:
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


def suggested_input_shape(dataset: Dataset) -> list[int | str]:
    """The Input shape (without batch) that takes this dataset's samples."""
    return list(dataset.sample_shape)
