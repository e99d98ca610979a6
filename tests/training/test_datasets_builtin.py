"""Built-in datasets: shapes, ranges, determinism, options, and their checks."""

from __future__ import annotations

import numpy as np
import pytest

from designer.training.datasets import (
    TASKS,
    DatasetError,
    builtin_datasets,
    load_dataset,
    resolve_spec,
)
from designer.training.datasets import builtin as generators

NAMES = [info.name for info in builtin_datasets()]
SMALL = {"n_samples": 60}


def _small(name: str) -> dict:
    """Options that keep a dataset small where it has a size."""
    info = next(i for i in builtin_datasets() if i.name == name)
    return {k: v for k, v in SMALL.items() if info.option(k) is not None}


def test_every_issue_name_is_built_in() -> None:
    assert NAMES == [
        "digits",
        "digits28",
        "moons",
        "circles",
        "spirals",
        "xor",
        "blobs",
        "sine",
        "polynomial",
        "sine_forecast",
        "tokens_majority",
        "tokens_sorted",
    ]
    for info in builtin_datasets():
        assert info.task in TASKS
        assert info.title and info.description
        assert info.option("seed") is not None
        for option in info.options:
            assert option.kind in ("int", "float", "choice", "path", "str")


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_arrays_and_types(name: str) -> None:
    spec = {"name": name, "options": {**_small(name), "seed": 3}}
    first, second = load_dataset(spec), load_dataset(spec)
    np.testing.assert_array_equal(first.x, second.x)
    np.testing.assert_array_equal(first.y, second.y)
    assert first.name == name
    assert first.task in TASKS
    assert first.x_val is None and first.y_val is None
    if first.task in ("classification", "sequence_classification"):
        assert first.y.dtype == np.int64 and first.y.ndim == 1
        assert first.classes is not None
        assert first.y.min() >= 0 and first.y.max() < first.num_classes
    else:
        assert first.y.dtype == np.float32
        assert first.classes is None and first.num_classes is None
    if first.task == "sequence_classification":
        assert first.x.dtype == np.int64
        assert first.x.min() >= 0 and first.x.max() < first.vocab_size
    else:
        assert first.x.dtype == np.float32
        assert np.isfinite(first.x).all()
    assert len(first) == len(first.y)


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("digits", "digits28")])
def test_another_seed_gives_other_data(name: str) -> None:
    a = load_dataset({"name": name, "options": {**_small(name), "seed": 1}})
    b = load_dataset({"name": name, "options": {**_small(name), "seed": 2}})
    assert not np.array_equal(a.x, b.x)


@pytest.mark.parametrize(
    "name", ["moons", "circles", "spirals", "xor", "blobs", "sine"]
)
def test_n_samples_is_respected(name: str) -> None:
    data = load_dataset({"name": name, "options": {"n_samples": 37}})
    assert len(data.x) == len(data.y) == 37


def test_digits_are_real_8x8_images_in_unit_range() -> None:
    data = load_dataset("digits")
    assert data.x.shape == (1797, 1, 8, 8)
    assert data.sample_shape == (1, 8, 8)
    assert data.x.min() == 0.0 and data.x.max() == 1.0
    assert data.classes == [str(i) for i in range(10)]
    assert np.bincount(data.y).min() > 170  # about 180 of each digit
    assert data.is_image


def test_digits28_is_mnist_shaped_with_an_empty_margin() -> None:
    small = load_dataset("digits")
    data = load_dataset("digits28")
    assert data.x.shape == (1797, 1, 28, 28)
    np.testing.assert_array_equal(data.y, small.y)  # same order for the same seed
    assert data.x.min() >= 0.0 and data.x.max() <= 1.0
    frame = data.x[:, 0]
    assert frame[:, :4].max() == 0 and frame[:, 24:].max() == 0
    assert frame[:, :, :4].max() == 0 and frame[:, :, 24:].max() == 0
    # Upscaling keeps the picture: block means of the 20×20 box follow the 8×8 digit.
    inner = frame[:, 4:24, 4:24]
    coarse = inner.reshape(-1, 4, 5, 4, 5).mean(axis=(2, 4))
    reference = small.x[:, 0].reshape(-1, 4, 2, 4, 2).mean(axis=(2, 4))
    assert np.corrcoef(coarse.ravel(), reference.ravel())[0, 1] > 0.95


def test_bilinear_resize_keeps_constants_and_interpolates() -> None:
    flat = np.full((2, 8, 8), 0.25)
    np.testing.assert_allclose(generators._resize_bilinear(flat, 20, 20), 0.25)
    ramp = np.tile(np.arange(4.0), (1, 4, 1))  # columns 0, 1, 2, 3
    wide = generators._resize_bilinear(ramp, 4, 8)
    assert np.all(np.diff(wide[0, 0]) >= 0)
    assert wide[0, 0, 0] == 0.0 and wide[0, 0, -1] == 3.0


def test_digits_layout_and_target_options() -> None:
    flat = load_dataset({"name": "digits", "options": {"layout": "flat"}})
    assert flat.x.shape == (1797, 64)
    assert flat.task == "classification"
    auto = load_dataset({"name": "digits28", "options": {"target": "inputs"}})
    assert auto.task == "reconstruction"
    assert auto.classes is None
    np.testing.assert_array_equal(auto.y, auto.x)
    assert auto.y.dtype == np.float32


def test_two_class_sets_have_both_classes_and_moons_noise_matters() -> None:
    for name in ("moons", "circles", "xor"):
        data = load_dataset(name)
        assert data.x.shape == (500, 2)
        assert set(np.unique(data.y)) == {0, 1}
        assert data.num_classes == 2
    quiet = load_dataset({"name": "moons", "options": {"noise": 0.0}})
    loud = load_dataset({"name": "moons", "options": {"noise": 0.5}})
    # Without noise every point lies on a unit half circle around its centre.
    centres = np.where(quiet.y[:, None] == 0, [0.0, 0.0], [1.0, 0.5])
    radius = np.linalg.norm(quiet.x - centres, axis=1)
    np.testing.assert_allclose(radius, 1.0, atol=1e-5)
    loud_radius = np.linalg.norm(loud.x - centres, axis=1)
    assert np.abs(loud_radius - 1.0).max() > 0.3


def test_xor_labels_follow_the_signs_when_there_is_no_noise() -> None:
    data = load_dataset({"name": "xor", "options": {"noise": 0.0}})
    expected = (data.x[:, 0] * data.x[:, 1] < 0).astype(np.int64)
    np.testing.assert_array_equal(data.y, expected)


def test_spirals_and_blobs_class_counts() -> None:
    spirals = load_dataset({"name": "spirals", "options": {"n_classes": 4}})
    assert spirals.num_classes == 4
    assert np.bincount(spirals.y).tolist() == [125, 125, 125, 125]
    assert np.abs(spirals.x).max() < 1.5
    blobs = load_dataset(
        {"name": "blobs", "options": {"n_classes": 5, "n_features": 7, "noise": 0.1}}
    )
    assert blobs.x.shape == (500, 7)
    assert blobs.num_classes == 5
    # Tight clusters: each class sits close to its own mean.
    spread = max(blobs.x[blobs.y == k].std(axis=0).max() for k in range(5))
    assert spread < 0.2


def test_regression_targets_follow_their_formula() -> None:
    sine = load_dataset({"name": "sine", "options": {"noise": 0.0, "periods": 2.0}})
    assert sine.x.shape == sine.y.shape == (500, 1)
    np.testing.assert_allclose(sine.y, np.sin(sine.x), atol=1e-5)
    assert np.abs(sine.x).max() <= 2 * np.pi
    poly = load_dataset({"name": "polynomial", "options": {"degree": 2, "noise": 0.0}})
    roots = np.array([-0.8, 0.8])
    expected = np.prod(poly.x - roots, axis=1, keepdims=True)
    ratio = poly.y / expected
    np.testing.assert_allclose(ratio.ravel(), ratio[0, 0], rtol=1e-4)  # fixed scale
    assert np.abs(poly.y).max() <= 1.0 + 1e-6
    assert poly.task == "regression" and poly.target_shape == (1,)


def test_sine_forecast_windows_follow_one_series() -> None:
    data = load_dataset(
        {
            "name": "sine_forecast",
            "options": {"n_samples": 50, "window": 12, "horizon": 3},
        }
    )
    assert data.x.shape == (50, 12, 1)
    assert data.y.shape == (50, 3)
    assert data.task == "forecast"
    # Window i+1 is window i moved one step; the target continues the window.
    np.testing.assert_array_equal(data.x[1:, :-1, 0], data.x[:-1, 1:, 0])
    np.testing.assert_array_equal(data.y[:-1, 0], data.x[1:, -1, 0])
    np.testing.assert_array_equal(data.y[:-1, 1:], data.y[1:, :-1])


def test_majority_token_wins_strictly() -> None:
    data = load_dataset(
        {"name": "tokens_majority", "options": {"length": 12, "vocab_size": 5}}
    )
    assert data.x.shape == (2000, 12)
    assert data.vocab_size == 5 and data.num_classes == 5
    counts = np.stack([(data.x == t).sum(axis=1) for t in range(5)], axis=1)
    top = counts.max(axis=1)
    np.testing.assert_array_equal(counts.argmax(axis=1), data.y)
    assert ((counts == top[:, None]).sum(axis=1) == 1).all()  # never a tie
    assert set(np.unique(data.y)) == set(range(5))
    assert len(np.unique(top)) > 1  # the margin varies


@pytest.mark.parametrize("length,vocab", [(3, 64), (7, 4), (256, 64)])
def test_majority_token_is_well_defined_at_the_option_edges(
    length: int, vocab: int
) -> None:
    x, y = generators.make_tokens_majority(200, length, vocab, seed=5)
    counts = np.stack([(x == t).sum(axis=1) for t in range(vocab)], axis=1)
    top = counts.max(axis=1)
    assert ((counts == top[:, None]).sum(axis=1) == 1).all()
    np.testing.assert_array_equal(counts.argmax(axis=1), y)


def test_sorted_tokens_are_labelled_correctly_and_balanced() -> None:
    data = load_dataset({"name": "tokens_sorted", "options": {"vocab_size": 3}})
    in_order = np.all(np.diff(data.x, axis=1) >= 0, axis=1)
    np.testing.assert_array_equal(in_order.astype(np.int64), data.y)
    assert data.y.mean() == 0.5
    assert data.classes == ["not sorted", "sorted"]
    assert data.x.max() < 3


# --- spec parsing and option checks -------------------------------------------------


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(DatasetError) as caught:
        load_dataset("mnistt")
    message = str(caught.value)
    assert "mnistt" in message and "digits28" in message and "csv" in message


@pytest.mark.parametrize(
    "spec,words",
    [
        ({"name": "moons", "options": {"nosie": 0.1}}, ["nosie", "noise", "n_samples"]),
        ({"name": "moons", "options": {"noise": 9}}, ["noise", "between 0 and 2", "9"]),
        ({"name": "moons", "options": {"n_samples": 2.5}}, ["whole number"]),
        ({"name": "moons", "options": {"n_samples": True}}, ["whole number"]),
        ({"name": "moons", "options": {"noise": "lots"}}, ["must be a number"]),
        ({"name": "moons", "options": {"noise": float("nan")}}, ["finite"]),
        ({"name": "digits", "options": {"layout": "square"}}, ["image, flat"]),
        ({"name": "csv", "options": {}}, ["choose a file"]),
        ({"name": "csv", "options": {"path": "a.csv", "label_column": 3}}, ["text"]),
        ({"name": "moons", "options": [1, 2]}, ["mapping"]),
        ({"options": {}}, ["no name"]),
        ("", ["No dataset chosen"]),
        (42, ["name"]),
    ],
)
def test_bad_options_get_clear_messages(spec: object, words: list[str]) -> None:
    with pytest.raises(DatasetError) as caught:
        load_dataset(spec)  # type: ignore[arg-type]
    for word in words:
        assert word in str(caught.value)


def test_defaults_fill_in_and_whole_floats_are_accepted() -> None:
    name, options = resolve_spec({"name": "moons", "options": {"n_samples": 40.0}})
    assert name == "moons"
    assert options == {"n_samples": 40, "noise": 0.1, "seed": 0}
    assert isinstance(options["n_samples"], int)
    assert resolve_spec("xor") == ("xor", {"n_samples": 500, "noise": 0.05, "seed": 0})
