"""Dataset files: each format read right, and every broken file told clearly."""

from __future__ import annotations

import gzip
import pickle
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from designer.training.datasets import DatasetError, detect_format, load_dataset
from designer.training.datasets.files import read_idx

# --- helpers that write small files ----------------------------------------------


def idx_bytes(array: np.ndarray, type_code: int = 8) -> bytes:
    header = struct.pack(">BBBB", 0, 0, type_code, array.ndim)
    header += struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(">u1" if type_code == 8 else ">i4").tobytes()


def write_idx(path: Path, array: np.ndarray, gz: bool = False) -> Path:
    data = idx_bytes(array)
    if gz:
        path = path.with_name(path.name + ".gz")
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def mnist_folder(
    folder: Path, train: int = 12, test: int = 5, gz: bool = False, size: int = 6
) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (train, size, size), dtype=np.uint8)
    labels = (np.arange(train) % 10).astype(np.uint8)
    folder.mkdir(parents=True, exist_ok=True)
    write_idx(folder / "train-images-idx3-ubyte", images, gz)
    write_idx(folder / "train-labels-idx1-ubyte", labels, gz)
    if test:
        write_idx(folder / "t10k-images-idx3-ubyte", images[:test], gz)
        write_idx(folder / "t10k-labels-idx1-ubyte", labels[:test], gz)
    return images, labels


def message(spec: object) -> str:
    with pytest.raises(DatasetError) as caught:
        load_dataset(spec)  # type: ignore[arg-type]
    return str(caught.value)


# --- IDX --------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True], ids=["raw", "gzip"])
def test_idx_folder_reads_train_and_test(tmp_path: Path, gz: bool) -> None:
    images, labels = mnist_folder(tmp_path / "mnist", gz=gz)
    data = load_dataset({"name": "idx", "options": {"path": str(tmp_path / "mnist")}})
    assert data.x.shape == (12, 1, 6, 6) and data.x.dtype == np.float32
    np.testing.assert_allclose(data.x[:, 0] * 255, images, atol=1e-3)
    np.testing.assert_array_equal(data.y, labels)
    assert data.y.dtype == np.int64
    assert data.x_val.shape == (5, 1, 6, 6) and data.y_val.tolist() == [0, 1, 2, 3, 4]
    assert data.classes == [str(i) for i in range(10)]
    assert data.task == "classification"
    assert "5 test samples" in data.description


def test_idx_folder_without_test_files_and_with_class_names(tmp_path: Path) -> None:
    mnist_folder(tmp_path, test=0)
    names = ",".join(f"c{i}" for i in range(10))
    data = load_dataset(
        {"name": "idx", "options": {"path": str(tmp_path), "class_names": names}}
    )
    assert data.x_val is None and data.y_val is None
    assert data.classes[:2] == ["c0", "c1"]
    too_few = message(
        {"name": "idx", "options": {"path": str(tmp_path), "class_names": "a,b"}}
    )
    assert "10 class names" in too_few


def test_a_plain_path_finds_the_idx_format(tmp_path: Path) -> None:
    mnist_folder(tmp_path / "data", gz=True)
    assert detect_format(tmp_path / "data") == "idx"
    data = load_dataset(str(tmp_path / "data"))
    assert data.name == str(tmp_path / "data")
    # A path to one of the files means its folder.
    file_spec = {
        "name": "idx",
        "options": {"path": str(tmp_path / "data" / "train-labels-idx1-ubyte.gz")},
    }
    assert len(load_dataset(file_spec)) == 12


def test_idx_bad_magic_is_named(tmp_path: Path) -> None:
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(b"\x89PNG not an idx file at all")
    with pytest.raises(DatasetError, match="not an IDX file"):
        read_idx(path)
    bad_type = idx_bytes(np.zeros((2, 2), np.uint8))
    path.write_bytes(bad_type[:2] + b"\x07" + bad_type[3:])
    with pytest.raises(DatasetError, match="type byte 0x07"):
        read_idx(path)


def test_idx_truncated_and_oversized_files(tmp_path: Path) -> None:
    path = tmp_path / "x.idx"
    data = idx_bytes(np.zeros((10, 28, 28), np.uint8))
    path.write_bytes(data[:-100])
    with pytest.raises(DatasetError, match=r"truncated.*10×28×28.*7,840 bytes.*7,740"):
        read_idx(path)
    path.write_bytes(data[:9])
    with pytest.raises(DatasetError, match="header is incomplete"):
        read_idx(path)
    path.write_bytes(data + b"\x00" * 3)
    with pytest.raises(DatasetError, match="3 bytes more"):
        read_idx(path)


def test_idx_reads_wider_types_big_endian(tmp_path: Path) -> None:
    values = np.array([[1, -2], [300, 70000]])
    path = tmp_path / "ints.idx"
    path.write_bytes(idx_bytes(values, type_code=12))
    np.testing.assert_array_equal(read_idx(path), values)


def test_truncated_gzip_is_a_clear_error(tmp_path: Path) -> None:
    mnist_folder(tmp_path, gz=True)
    target = tmp_path / "train-images-idx3-ubyte.gz"
    target.write_bytes(target.read_bytes()[:30])
    text = message({"name": "idx", "options": {"path": str(tmp_path)}})
    assert "train-images-idx3-ubyte.gz" in text and "gzip" in text


def test_idx_folder_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    text = message({"name": "idx", "options": {"path": str(empty)}})
    assert "train-images-idx3-ubyte" in text and "Found: nothing" in text

    half = tmp_path / "half"
    half.mkdir()
    write_idx(half / "train-images-idx3-ubyte", np.zeros((3, 4, 4), np.uint8))
    assert "no train-labels-idx1-ubyte" in message(
        {"name": "idx", "options": {"path": str(half)}}
    )

    mismatch = tmp_path / "mismatch"
    mismatch.mkdir()
    write_idx(mismatch / "train-images-idx3-ubyte", np.zeros((3, 4, 4), np.uint8))
    write_idx(mismatch / "train-labels-idx1-ubyte", np.zeros(4, np.uint8))
    assert "3 images but" in message(
        {"name": "idx", "options": {"path": str(mismatch)}}
    )

    swapped = tmp_path / "swapped"
    swapped.mkdir()
    write_idx(swapped / "train-images-idx3-ubyte", np.zeros(3, np.uint8))
    write_idx(swapped / "train-labels-idx1-ubyte", np.zeros(3, np.uint8))
    assert "1-D array" in message({"name": "idx", "options": {"path": str(swapped)}})

    assert "does not exist" in message(
        {"name": "idx", "options": {"path": str(tmp_path / "nowhere")}}
    )


# --- .npz --------------------------------------------------------------------------


def test_npz_with_x_and_y_for_regression_and_classification(tmp_path: Path) -> None:
    path = tmp_path / "data.npz"
    x = np.arange(12, dtype=np.float64).reshape(6, 2)
    np.savez(path, x=x, y=np.linspace(0, 1, 6))
    data = load_dataset(str(path))
    assert data.task == "regression"
    assert data.x.dtype == np.float32 and data.y.shape == (6, 1)
    assert data.classes is None
    np.savez(path, x=x, y=np.array([0, 2, 1, 0, 2, 1]))
    data = load_dataset({"name": "npz", "options": {"path": str(path)}})
    assert data.task == "classification" and data.classes == ["0", "1", "2"]
    forced = load_dataset(
        {"name": "npz", "options": {"path": str(path), "task": "regression"}}
    )
    assert forced.task == "regression" and forced.y.dtype == np.float32


def test_npz_with_train_and_test_uint8_images(tmp_path: Path) -> None:
    path = tmp_path / "mnist.npz"
    rng = np.random.default_rng(1)
    np.savez(
        path,
        x_train=rng.integers(0, 256, (8, 5, 5), dtype=np.uint8),
        y_train=np.arange(8) % 3,
        x_test=rng.integers(0, 256, (4, 5, 5), dtype=np.uint8),
        y_test=np.array([0, 1, 2, 3]),
    )
    data = load_dataset(str(path))
    assert data.x.shape == (8, 1, 5, 5) and data.x_val.shape == (4, 1, 5, 5)
    assert data.x.min() >= 0.0 and data.x.max() <= 1.0
    assert data.classes == ["0", "1", "2", "3"]  # the test split has class 3 too
    # Channels-last colour images are turned channels-first.
    np.savez(path, x=np.zeros((3, 7, 7, 3), np.uint8), y=np.array([0, 1, 0]))
    assert load_dataset(str(path)).sample_shape == (3, 7, 7)


def test_npz_refuses_pickled_objects(tmp_path: Path) -> None:
    path = tmp_path / "objects.npz"
    np.savez(path, x=np.array([{"a": 1}, None], dtype=object), y=np.array([0, 1]))
    text = message(str(path))
    assert "Python objects" in text and "never loaded" in text


def test_a_pickle_file_named_npz_is_not_unpickled(tmp_path: Path) -> None:
    path = tmp_path / "evil.npz"
    path.write_bytes(pickle.dumps({"x": [1, 2]}))
    assert "npz" in message(str(path)).lower()


@pytest.mark.parametrize(
    "arrays,words",
    [
        ({"a": np.zeros(3)}, ["'x' and 'y'", "holds arrays a"]),
        ({"x": np.zeros((3, 2)), "y": np.zeros(4, np.int64)}, ["3 samples", "4"]),
        ({"x": np.zeros(3), "y": np.zeros(3, np.int64)}, ["1-D"]),
        ({"x": np.array([[1.0, np.nan]]), "y": np.zeros(1)}, ["NaN"]),
        ({"x": np.array([["a", "b"]]), "y": np.zeros(1)}, ["numbers are needed"]),
        ({"x": np.zeros((2, 2)), "y": np.array([-1, 0])}, ["negative class ids"]),
        ({"x": np.zeros((0, 2)), "y": np.zeros(0, np.int64)}, ["no samples"]),
    ],
)
def test_npz_content_problems(tmp_path: Path, arrays: dict, words: list[str]) -> None:
    path = tmp_path / "bad.npz"
    np.savez(path, **arrays)
    text = message(str(path))
    for word in words:
        assert word in text


def test_npz_garbage_missing_and_single_array(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert "not a valid .npz" in message(str(garbage))
    assert "does not exist" in message(str(tmp_path / "missing.npz"))
    single = tmp_path / "single.npz"
    with single.open("wb") as stream:
        np.save(stream, np.zeros(3))
    assert "single array" in message(str(single))
    fractional = tmp_path / "frac.npz"
    np.savez(fractional, x=np.zeros((2, 1)), y=np.array([0.5, 1.0]))
    text = message(
        {"name": "npz", "options": {"path": str(fractional), "task": "classification"}}
    )
    assert "fractional" in text


# --- CSV ----------------------------------------------------------------------------


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_label_column_by_name_index_and_guess(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "iris.csv", "a,label,b\n1,0,2\n3,1,4\n5,2,6\n7,1,8\n")
    guessed = load_dataset(str(path))
    assert guessed.x.tolist() == [[1, 2], [3, 4], [5, 6], [7, 8]]
    assert guessed.y.tolist() == [0, 1, 2, 1]
    assert guessed.classes == ["0", "1", "2"] and guessed.task == "classification"
    by_index = load_dataset(
        {"name": "csv", "options": {"path": str(path), "label_column": "-1"}}
    )
    assert by_index.x.tolist() == [[1, 0], [3, 1], [5, 2], [7, 1]]
    assert by_index.y.tolist() == [2, 4, 6, 8]
    by_name = load_dataset(
        {"name": "csv", "options": {"path": str(path), "label_column": "a"}}
    )
    assert by_name.y.tolist() == [1, 3, 5, 7]


def test_csv_word_labels_and_regression(tmp_path: Path) -> None:
    words = write_csv(tmp_path / "w.csv", "x,y,animal\n1,2,dog\n3,4,cat\n\n5,6,dog\n")
    data = load_dataset(
        {"name": "csv", "options": {"path": str(words), "label_column": "animal"}}
    )
    assert data.classes == ["cat", "dog"] and data.y.tolist() == [1, 0, 1]
    numbers = write_csv(tmp_path / "r.csv", "x,price\n1,10.5\n2,11.25\n3,-4\n")
    data = load_dataset(str(numbers))
    assert data.task == "regression" and data.y.shape == (3, 1)
    assert data.y.dtype == np.float32 and data.y[1, 0] == 11.25


@pytest.mark.parametrize(
    "text,spec_options,words",
    [
        ("a,b,label\n1,2,0\n3,oops,1\n", {}, ["Line 3", "column 'b'", "'oops'"]),
        ("a,b,label\n1,,0\n", {}, ["Line 2", "column 'b'", "(empty)"]),
        ("a,b,label\n1,2,0\n3,4\n", {}, ["Line 3", "2 values", "3 columns"]),
        ("1,2,3\n4,5,6\n", {}, ["first row", "name the columns"]),
        ("a,b,label\n", {}, ["no data rows"]),
        ("", {}, ["empty"]),
        ("a,b\n1,2\n", {"label_column": "c"}, ["no column 'c'", "a, b"]),
        ("a,b\n1,2\n", {"label_column": "5"}, ["out of range", "2 columns"]),
        ("only\n1\n", {}, ["single column"]),
        ("a,b,label\n1,2,0.5\n", {"task": "classification"}, ["fractional"]),
        ("a,b,label\n1,inf,0\n", {}, ["Line 2", "not a finite number"]),
    ],
)
def test_csv_problems_name_the_place(
    tmp_path: Path, text: str, spec_options: dict, words: list[str]
) -> None:
    path = write_csv(tmp_path / "bad.csv", text)
    found = message({"name": "csv", "options": {"path": str(path), **spec_options}})
    for word in words:
        assert word in found, found


def test_csv_that_is_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(256)) * 4)
    assert "UTF-8" in message(str(path))


# --- image folders -----------------------------------------------------------------


def image_folder(root: Path) -> Path:
    colours = {"blue": (0, 0, 255), "red": (255, 0, 0)}
    for name, colour in colours.items():
        (root / name).mkdir(parents=True)
        for i in range(3):
            Image.new("RGB", (10 + i, 12), colour).save(root / name / f"{i}.png")
        Image.new("RGB", (8, 8), colour).save(root / name / "extra.jpg")
    (root / "red" / "notes.txt").write_text("not an image", encoding="utf-8")
    return root


def test_image_folder_rgb_and_grayscale(tmp_path: Path) -> None:
    root = image_folder(tmp_path / "pics")
    assert detect_format(root) == "image_folder"
    rgb = load_dataset(
        {
            "name": "image_folder",
            "options": {"path": str(root), "size": 16, "color": "rgb"},
        }
    )
    assert rgb.x.shape == (8, 3, 16, 16) and rgb.x.dtype == np.float32
    assert rgb.classes == ["blue", "red"]
    assert rgb.y.tolist() == [0] * 4 + [1] * 4
    blue = rgb.x[0].mean(axis=(1, 2))
    np.testing.assert_allclose(blue, [0, 0, 1], atol=0.02)
    gray = load_dataset(str(root))
    assert gray.x.shape == (8, 1, 28, 28)
    assert gray.is_image and 0 < gray.x.max() <= 1


def test_image_folder_problems(tmp_path: Path) -> None:
    root = image_folder(tmp_path / "pics")
    (root / "red" / "3.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    text = message({"name": "image_folder", "options": {"path": str(root)}})
    assert "red/3.png" in text

    flat = tmp_path / "flat"
    flat.mkdir()
    Image.new("L", (4, 4)).save(flat / "a.png")
    assert "sub-folder" in message(
        {"name": "image_folder", "options": {"path": str(flat)}}
    )

    empty_class = tmp_path / "empty_class"
    (empty_class / "cats").mkdir(parents=True)
    assert "'cats' holds no images" in message(
        {"name": "image_folder", "options": {"path": str(empty_class)}}
    )
    assert "size" in message(
        {"name": "image_folder", "options": {"path": str(flat), "size": 2}}
    )


# --- CIFAR-10 binary ----------------------------------------------------------------


def test_cifar10_binary_batches(tmp_path: Path) -> None:
    folder = tmp_path / "cifar-10-batches-bin"
    folder.mkdir()
    rng = np.random.default_rng(0)

    def batch(count: int) -> bytes:
        labels = np.arange(count, dtype=np.uint8) % 10
        pixels = rng.integers(0, 256, (count, 3072), dtype=np.uint8)
        return np.concatenate([labels[:, None], pixels], axis=1).tobytes()

    (folder / "data_batch_1.bin").write_bytes(batch(4))
    (folder / "data_batch_2.bin").write_bytes(batch(3))
    (folder / "test_batch.bin").write_bytes(batch(2))
    data = load_dataset(str(tmp_path))  # the parent folder works too
    assert data.x.shape == (7, 3, 32, 32) and data.x_val.shape == (2, 3, 32, 32)
    assert data.y.tolist() == [0, 1, 2, 3, 0, 1, 2]
    assert data.classes[0] == "airplane" and len(data.classes) == 10
    (folder / "data_batch_2.bin").write_bytes(batch(3)[:-5])
    assert "not a multiple of 3073" in message(str(folder))


def test_unknown_paths_and_folders(tmp_path: Path) -> None:
    assert "does not exist" in message(str(tmp_path / "nothing" / "here"))
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "readme.md").write_text("hi", encoding="utf-8")
    assert "Cannot tell" in message(str(tmp_path / "plain"))


def test_npz_scalars_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "scalars.npz"
    np.savez(path, x=np.float64(1.0), y=np.zeros(1))
    assert "0-D" in message(str(path))
    np.savez(path, x=np.zeros((1, 2)), y=np.int64(1))
    assert "single number" in message(str(path))


def test_csv_with_semicolons_or_tabs(tmp_path: Path) -> None:
    semi = write_csv(tmp_path / "semi.csv", "a;b;label\n1.5;2;0\n3;4;1\n")
    data = load_dataset(str(semi))
    assert data.x.tolist() == [[1.5, 2.0], [3.0, 4.0]] and data.y.tolist() == [0, 1]
    tabs = write_csv(tmp_path / "tabs.tsv", "a\tlabel\n1\tx\n2\ty\n")
    assert load_dataset(str(tabs)).classes == ["x", "y"]


@pytest.mark.parametrize(
    "fmt,name,words",
    [
        ("npz", "empty.npz", ["not a valid .npz"]),
        ("csv", "empty.csv", ["empty"]),
        ("idx", "train-images-idx3-ubyte", ["not an IDX file"]),
        ("cifar10_binary", "data_batch_1.bin", ["not a CIFAR-10 binary batch"]),
    ],
)
def test_empty_files_are_refused(
    tmp_path: Path, fmt: str, name: str, words: list[str]
) -> None:
    (tmp_path / name).write_bytes(b"")
    if fmt == "idx":
        write_idx(tmp_path / "train-labels-idx1-ubyte", np.zeros(2, np.uint8))
    text = message({"name": fmt, "options": {"path": str(tmp_path / name)}})
    for word in words:
        assert word in text


def test_an_unforeseen_reader_failure_still_becomes_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from designer.training.datasets import registry

    def broken(path: str, task: str = "auto") -> dict:
        raise IndexError("list index out of range")

    monkeypatch.setitem(registry.READERS, "npz", broken)
    text = message({"name": "npz", "options": {"path": str(tmp_path / "a.npz")}})
    assert "NumPy arrays (.npz)" in text and "IndexError" in text
