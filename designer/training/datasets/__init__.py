"""Datasets for training: built-in generators, file readers, fit checks.

No Qt and no torch here (torchvision is imported only to download).
"""

from designer.training.datasets.catalog import FASHION_MNIST_CLASSES
from designer.training.datasets.compat import (
    check_compatibility,
    compatibility_messages,
    describe_samples,
    suggested_input_shape,
)
from designer.training.datasets.dataset import (
    TASKS,
    Dataset,
    DatasetInfo,
    DatasetOption,
)
from designer.training.datasets.download import download_dataset
from designer.training.datasets.errors import DatasetError
from designer.training.datasets.named_downloads import downloadable_datasets
from designer.training.datasets.preview import preview_samples
from designer.training.datasets.registry import (
    builtin_datasets,
    detect_format,
    file_formats,
    load_dataset,
    resolve_spec,
    validate_options,
)
from designer.training.datasets.source import (
    generator_source,
    loading_source,
    reader_source,
)

__all__ = [
    "FASHION_MNIST_CLASSES",
    "TASKS",
    "Dataset",
    "DatasetError",
    "DatasetInfo",
    "DatasetOption",
    "builtin_datasets",
    "check_compatibility",
    "compatibility_messages",
    "describe_samples",
    "detect_format",
    "download_dataset",
    "downloadable_datasets",
    "file_formats",
    "generator_source",
    "load_dataset",
    "loading_source",
    "preview_samples",
    "reader_source",
    "resolve_spec",
    "suggested_input_shape",
    "validate_options",
]
