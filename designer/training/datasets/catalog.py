"""The built-in datasets and the file formats the app offers, as data.

Each built-in entry names its generator's options (the keyword arguments of
``builtin.make_<name>``), its task and its classes; :mod:`.registry` checks
options against these tables and loads datasets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from designer.training.datasets import files
from designer.training.datasets.dataset import DatasetInfo, DatasetOption

MAX_SAMPLES = 200_000
FASHION_MNIST_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)


def _n_samples(default: int) -> DatasetOption:
    return DatasetOption(
        "n_samples", "int", default, 10, MAX_SAMPLES, help="How many samples to make"
    )


def _noise(default: float, maximum: float = 2.0, help: str = "") -> DatasetOption:
    return DatasetOption(
        "noise",
        "float",
        default,
        0.0,
        maximum,
        help=help or "Standard deviation of the Gaussian noise added",
    )


SEED = DatasetOption(
    "seed",
    "int",
    0,
    0,
    2**32 - 1,
    help="Same seed, same data: change it for a new draw",
)
LAYOUT = DatasetOption(
    "layout",
    "choice",
    "image",
    choices=("image", "flat"),
    help="image: 1×H×W for convolutions; flat: one vector of H·W pixels for Dense layers",
)
TARGET = DatasetOption(
    "target",
    "choice",
    "labels",
    choices=("labels", "inputs"),
    help="labels: the digit 0-9 (classification); inputs: the image itself "
    "(autoencoders)",
)
FILE_TASK = DatasetOption(
    "task",
    "choice",
    "auto",
    choices=("auto", "classification", "regression"),
    help="auto: whole-number labels mean classification, other numbers regression",
)


@dataclass(frozen=True)
class _Builtin:
    info: DatasetInfo
    task: Callable[[Mapping[str, Any]], str]
    classes: Callable[[Mapping[str, Any]], list[str] | None]
    vocab_size: Callable[[Mapping[str, Any]], int | None] = lambda _o: None


def _fixed(task: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda _options: task


def _digit_task(options: Mapping[str, Any]) -> str:
    return "reconstruction" if options["target"] == "inputs" else "classification"


def _digit_classes(options: Mapping[str, Any]) -> list[str] | None:
    return None if options["target"] == "inputs" else [str(i) for i in range(10)]


def _numbered(count: int) -> list[str]:
    return [f"class {i}" for i in range(count)]


def _info(
    name: str, title: str, task: str, description: str, *options: DatasetOption
) -> DatasetInfo:
    return DatasetInfo(
        name=name,
        title=title,
        description=description,
        task=task,
        options=tuple(options),
        is_image=name in ("digits", "digits28"),
    )


_BUILTINS: tuple[_Builtin, ...] = (
    _Builtin(
        _info(
            "digits",
            "Digits 8×8",
            "classification",
            "1,797 real handwritten digits from scikit-learn, 1×8×8 pixels in [0, 1], "
            "classes 0-9.",
            LAYOUT,
            TARGET,
            SEED,
        ),
        _digit_task,
        _digit_classes,
    ),
    _Builtin(
        _info(
            "digits28",
            "Digits 28×28 (MNIST-shaped)",
            "classification",
            "The same digits scaled into a 20×20 box centred in 28×28, as in MNIST, so "
            "MNIST models run unchanged.",
            LAYOUT,
            TARGET,
            SEED,
        ),
        _digit_task,
        _digit_classes,
    ),
    _Builtin(
        _info(
            "moons",
            "Two moons",
            "classification",
            "Two interleaving half circles in 2-D; a curved boundary separates them.",
            _n_samples(500),
            _noise(0.1),
            SEED,
        ),
        _fixed("classification"),
        lambda _o: _numbered(2),
    ),
    _Builtin(
        _info(
            "circles",
            "Circles",
            "classification",
            "A small circle inside a large one in 2-D; no straight line separates them.",
            _n_samples(500),
            _noise(0.05),
            DatasetOption(
                "factor",
                "float",
                0.5,
                0.05,
                0.95,
                help="Inner radius relative to the outer one",
            ),
            SEED,
        ),
        _fixed("classification"),
        lambda _o: ["outer", "inner"],
    ),
    _Builtin(
        _info(
            "spirals",
            "Spirals",
            "classification",
            "Interleaved spiral arms in 2-D, one per class; needs a deeper network.",
            _n_samples(500),
            _noise(0.05),
            DatasetOption("n_classes", "int", 2, 2, 8, help="Number of arms (classes)"),
            DatasetOption(
                "turns", "float", 1.5, 0.25, 5.0, help="How often each arm winds round"
            ),
            SEED,
        ),
        _fixed("classification"),
        lambda o: _numbered(o["n_classes"]),
    ),
    _Builtin(
        _info(
            "xor",
            "XOR",
            "classification",
            "Points in the square [-1, 1]²; class 1 where the two coordinates have "
            "opposite signs. No single neuron can separate it.",
            _n_samples(500),
            _noise(0.05),
            SEED,
        ),
        _fixed("classification"),
        lambda _o: ["same sign", "opposite signs"],
    ),
    _Builtin(
        _info(
            "blobs",
            "Gaussian blobs",
            "classification",
            "Gaussian clusters, one per class.",
            _n_samples(500),
            DatasetOption("n_classes", "int", 3, 2, 20, help="Number of clusters"),
            DatasetOption(
                "n_features", "int", 2, 1, 100, help="Number of input features"
            ),
            _noise(0.6, 5.0, "Spread (standard deviation) of each cluster"),
            SEED,
        ),
        _fixed("classification"),
        lambda o: _numbered(o["n_classes"]),
    ),
    _Builtin(
        _info(
            "sine",
            "Sine curve",
            "regression",
            "y = sin(x) + noise: one input, one target.",
            _n_samples(500),
            _noise(0.1),
            DatasetOption(
                "periods",
                "float",
                1.0,
                0.25,
                10.0,
                help="x covers [-π·periods, π·periods]",
            ),
            SEED,
        ),
        _fixed("regression"),
        lambda _o: None,
    ),
    _Builtin(
        _info(
            "polynomial",
            "Polynomial",
            "regression",
            "A polynomial of the chosen degree with roots spread over [-0.8, 0.8], "
            "plus noise: one input, one target.",
            _n_samples(500),
            DatasetOption("degree", "int", 3, 1, 8, help="Degree of the polynomial"),
            _noise(0.05),
            SEED,
        ),
        _fixed("regression"),
        lambda _o: None,
    ),
    _Builtin(
        _info(
            "sine_forecast",
            "Sine forecasting",
            "forecast",
            "Windows of a noisy sum of three sines (N×window×1); predict the next "
            "values (N×horizon).",
            _n_samples(1000),
            DatasetOption("window", "int", 32, 2, 1000, help="Steps the model sees"),
            DatasetOption("horizon", "int", 1, 1, 100, help="Steps ahead to predict"),
            _noise(0.05),
            SEED,
        ),
        _fixed("forecast"),
        lambda _o: None,
    ),
    _Builtin(
        _info(
            "tokens_majority",
            "Majority token",
            "sequence_classification",
            "Sequences of token ids; the class is the token that appears most "
            "often (never a tie).",
            _n_samples(2000),
            DatasetOption("length", "int", 16, 3, 512, help="Tokens per sequence"),
            DatasetOption(
                "vocab_size", "int", 4, 2, 64, help="Number of different tokens"
            ),
            SEED,
        ),
        _fixed("sequence_classification"),
        lambda o: [f"token {i}" for i in range(o["vocab_size"])],
        lambda o: o["vocab_size"],
    ),
    _Builtin(
        _info(
            "tokens_sorted",
            "Sorted or not",
            "sequence_classification",
            "Sequences of token ids; the class says whether they are in ascending "
            "order. Half are sorted.",
            _n_samples(2000),
            DatasetOption("length", "int", 10, 2, 512, help="Tokens per sequence"),
            DatasetOption(
                "vocab_size", "int", 10, 2, 1000, help="Number of different tokens"
            ),
            SEED,
        ),
        _fixed("sequence_classification"),
        lambda _o: ["not sorted", "sorted"],
        lambda o: o["vocab_size"],
    ),
)
BUILTINS: dict[str, _Builtin] = {entry.info.name: entry for entry in _BUILTINS}


def _path_option(help: str) -> DatasetOption:
    return DatasetOption("path", "path", "", help=help)


FORMATS: dict[str, DatasetInfo] = {
    info.name: info
    for info in (
        DatasetInfo(
            "idx",
            "MNIST / Fashion-MNIST (IDX files)",
            "A folder holding train-images-idx3-ubyte and train-labels-idx1-ubyte "
            "(raw or .gz), and optionally the t10k-* test files.",
            "classification",
            (
                _path_option("The folder holding the IDX files"),
                DatasetOption(
                    "class_names",
                    "str",
                    "",
                    help="Optional comma-separated class names, e.g. for Fashion-MNIST",
                ),
            ),
            is_image=True,
        ),
        DatasetInfo(
            "npz",
            "NumPy arrays (.npz)",
            "A .npz archive with arrays x and y, or x_train, y_train and optionally "
            "x_test, y_test.",
            "classification",
            (_path_option("The .npz file"), FILE_TASK),
        ),
        DatasetInfo(
            "csv",
            "Table (CSV)",
            "A CSV file with a header row; one column holds the labels, the others "
            "are features.",
            "classification",
            (
                _path_option("The .csv file"),
                DatasetOption(
                    "label_column",
                    "str",
                    "",
                    help="Name or number (0 = first, -1 = last) of the label column; "
                    "empty: a column named label/target/class/y, else the last",
                ),
                FILE_TASK,
            ),
        ),
        DatasetInfo(
            "image_folder",
            "Image folder",
            "A folder with one sub-folder of images (PNG, JPEG, …) per class.",
            "classification",
            (
                _path_option("The folder holding one sub-folder per class"),
                DatasetOption(
                    "size", "int", 28, 4, 512, help="Images are resized to size×size"
                ),
                DatasetOption(
                    "color",
                    "choice",
                    "grayscale",
                    choices=("grayscale", "rgb"),
                    help="grayscale: 1 channel; rgb: 3 channels",
                ),
            ),
            is_image=True,
        ),
        DatasetInfo(
            "cifar10_binary",
            "CIFAR-10 (binary version)",
            "The cifar-10-batches-bin folder: data_batch_1..5.bin and test_batch.bin.",
            "classification",
            (_path_option("The cifar-10-batches-bin folder"),),
            is_image=True,
        ),
    )
}
READERS: dict[str, Callable[..., dict]] = {
    "idx": files.read_idx_folder,
    "npz": files.read_npz,
    "csv": files.read_csv,
    "image_folder": files.read_image_folder,
    "cifar10_binary": files.read_cifar10_binary,
}
