"""Built-in datasets, generated with numpy and scikit-learn only.

Every generator is a top-level function ``make_<name>(..., seed=0)`` that returns
``(x, y)`` and gives the same arrays for the same arguments.  Exported training
scripts paste these functions in (see :mod:`.source`), so this module must not
import torch or anything from ``designer``; scikit-learn is imported inside the
functions that need it.  ``HELPERS`` declares which module-level names each
function uses, so the paste carries exactly what is needed.
"""

import numpy as np

HELPERS: dict[str, tuple[str, ...]] = {
    "make_digits": ("_digits_images", "_digits_layout"),
    "make_digits28": ("_digits_images", "_digits_layout", "_resize_bilinear"),
    "make_moons": (),
    "make_circles": (),
    "make_spirals": (),
    "make_xor": (),
    "make_blobs": (),
    "make_sine": (),
    "make_polynomial": (),
    "make_sine_forecast": (),
    "make_tokens_majority": (),
    "make_tokens_sorted": (),
    "_digits_images": (),
    "_digits_layout": (),
    "_resize_bilinear": ("_interpolation_matrix",),
    "_interpolation_matrix": (),
}


# --- handwritten digits -------------------------------------------------------


def _digits_images(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's 1,797 8×8 digits as float32 in [0, 1], shuffled by ``seed``."""
    from sklearn.datasets import load_digits

    bunch = load_digits()
    images = (bunch.images / 16.0).astype(np.float32)
    labels = bunch.target.astype(np.int64)
    order = np.random.default_rng(seed).permutation(len(labels))
    return images[order], labels[order]


def _digits_layout(
    images: np.ndarray, labels: np.ndarray, layout: str, target: str
) -> tuple[np.ndarray, np.ndarray]:
    """Images N×H×W → N×1×H×W ("image") or N×(H·W) ("flat"); y = labels or x."""
    x = images.reshape(len(images), -1) if layout == "flat" else images[:, None, :, :]
    x = np.ascontiguousarray(x, dtype=np.float32)
    y = x.copy() if target == "inputs" else labels
    return x, y


def _interpolation_matrix(source: int, size: int) -> np.ndarray:
    """size×source weights that resample a line of pixels bilinearly.

    Pixel centres are aligned (like ``align_corners=False``) and the edges are
    clamped, so a constant image stays constant.
    """
    centres = (np.arange(size) + 0.5) * source / size - 0.5
    centres = np.clip(centres, 0, source - 1)
    low = np.floor(centres).astype(int)
    high = np.minimum(low + 1, source - 1)
    frac = centres - low
    weights = np.zeros((size, source))
    weights[np.arange(size), low] += 1.0 - frac
    weights[np.arange(size), high] += frac
    return weights


def _resize_bilinear(images: np.ndarray, height: int, width: int) -> np.ndarray:
    """Resize N×h×w images to N×height×width with bilinear interpolation."""
    rows = _interpolation_matrix(images.shape[1], height)
    cols = _interpolation_matrix(images.shape[2], width)
    return np.einsum("ih,nhw,jw->nij", rows, images, cols)


def make_digits(
    layout: str = "image", target: str = "labels", seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Real 8×8 handwritten digits: x N×1×8×8 (or N×64 when ``layout="flat"``).

    ``target="labels"`` gives class ids 0-9; ``target="inputs"`` gives y = x for
    autoencoders.
    """
    images, labels = _digits_images(seed)
    return _digits_layout(images, labels, layout, target)


def make_digits28(
    layout: str = "image", target: str = "labels", seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """The 8×8 digits laid out like MNIST: x N×1×28×28 in [0, 1].

    As in MNIST, each digit is scaled (bilinearly) into a 20×20 box centred in
    the 28×28 frame.
    """
    images, labels = _digits_images(seed)
    digit = np.clip(_resize_bilinear(images, 20, 20), 0.0, 1.0)
    framed = np.zeros((len(images), 28, 28), dtype=np.float32)
    framed[:, 4:24, 4:24] = digit
    return _digits_layout(framed, labels, layout, target)


# --- two-dimensional classification -------------------------------------------


def make_moons(
    n_samples: int = 500, noise: float = 0.1, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles; x N×2, y 0/1."""
    from sklearn.datasets import make_moons as sklearn_moons

    x, y = sklearn_moons(n_samples=n_samples, noise=noise, random_state=seed)
    return x.astype(np.float32), y.astype(np.int64)


def make_circles(
    n_samples: int = 500, noise: float = 0.05, factor: float = 0.5, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """A small circle (class 1) inside a large one (class 0); x N×2."""
    from sklearn.datasets import make_circles as sklearn_circles

    x, y = sklearn_circles(
        n_samples=n_samples, noise=noise, factor=factor, random_state=seed
    )
    return x.astype(np.float32), y.astype(np.int64)


def make_spirals(
    n_samples: int = 500,
    noise: float = 0.05,
    n_classes: int = 2,
    turns: float = 1.5,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Interleaved spiral arms, one per class, inside the unit disc; x N×2."""
    rng = np.random.default_rng(seed)
    y = np.arange(n_samples) % n_classes
    t = rng.uniform(0.05, 1.0, n_samples)
    angle = 2 * np.pi * (turns * t + y / n_classes)
    x = np.stack([t * np.cos(angle), t * np.sin(angle)], axis=1)
    x += rng.normal(0.0, noise, x.shape)
    return x.astype(np.float32), y.astype(np.int64)


def make_xor(
    n_samples: int = 500, noise: float = 0.05, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Points in the square [-1, 1]²; class 1 where x₁ and x₂ have opposite signs."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, (n_samples, 2))
    y = (x[:, 0] * x[:, 1] < 0).astype(np.int64)
    x += rng.normal(0.0, noise, x.shape)
    return x.astype(np.float32), y


def make_blobs(
    n_samples: int = 500,
    n_classes: int = 3,
    n_features: int = 2,
    noise: float = 0.6,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clusters, one per class, centred in [-3, 3]^F; ``noise`` is their spread."""
    from sklearn.datasets import make_blobs as sklearn_blobs

    x, y = sklearn_blobs(
        n_samples=n_samples,
        n_features=n_features,
        centers=n_classes,
        cluster_std=noise,
        center_box=(-3.0, 3.0),
        random_state=seed,
    )
    return x.astype(np.float32), y.astype(np.int64)


# --- regression -----------------------------------------------------------------


def make_sine(
    n_samples: int = 500, noise: float = 0.1, periods: float = 1.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """y = sin(x) + noise for x in [-π·periods, π·periods]; x N×1, y N×1."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-np.pi * periods, np.pi * periods, (n_samples, 1))
    y = np.sin(x) + rng.normal(0.0, noise, x.shape)
    return x.astype(np.float32), y.astype(np.float32)


def make_polynomial(
    n_samples: int = 500, degree: int = 3, noise: float = 0.05, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """A polynomial with roots spread evenly over [-0.8, 0.8], scaled to peak at 1.

    x N×1 uniform in [-1, 1]; y N×1 with Gaussian noise.
    """
    rng = np.random.default_rng(seed)
    roots = np.linspace(-0.8, 0.8, degree)
    grid = np.linspace(-1.0, 1.0, 1001)
    scale = np.abs(np.prod(grid[:, None] - roots, axis=1)).max()
    x = rng.uniform(-1.0, 1.0, (n_samples, 1))
    y = np.prod(x - roots, axis=1, keepdims=True) / scale
    y += rng.normal(0.0, noise, y.shape)
    return x.astype(np.float32), y.astype(np.float32)


# --- sequences ------------------------------------------------------------------


def make_sine_forecast(
    n_samples: int = 1000,
    window: int = 32,
    horizon: int = 1,
    noise: float = 0.05,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Windows of a noisy sum of three sines: x N×window×1, y the next ``horizon`` values.

    Window i starts at step i, so the windows overlap and the last ones come
    latest in time (a split at the end is a split in time).
    """
    rng = np.random.default_rng(seed)
    steps = np.arange(n_samples + window + horizon - 1)
    periods = np.array([24.0, 9.5, 61.0])
    amplitudes = np.array([0.5, 0.25, 0.2])
    phases = rng.uniform(0.0, 2 * np.pi, 3)
    series = (amplitudes * np.sin(2 * np.pi * steps[:, None] / periods + phases)).sum(
        axis=1
    )
    series += rng.normal(0.0, noise, series.shape)
    frames = np.lib.stride_tricks.sliding_window_view(series, window + horizon)
    x = frames[:, :window, None]
    y = frames[:, window:]
    return x.astype(np.float32), y.astype(np.float32)


def make_tokens_majority(
    n_samples: int = 2000, length: int = 16, vocab_size: int = 4, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Token sequences N×length; y is the token that appears most often.

    That token always appears strictly more often than any other, so the answer
    is never a tie.  Its count varies from just enough to half the sequence.
    """
    if vocab_size < 2:
        raise ValueError("a majority needs vocab_size of 2 or more")
    rng = np.random.default_rng(seed)
    y = rng.integers(0, vocab_size, n_samples)
    least = -(-(length - 1) // vocab_size) + 1  # smallest count that can win
    counts = rng.integers(least, max(least, length // 2) + 1, n_samples)
    others = (
        y[:, None] + rng.integers(1, vocab_size, (n_samples, length))
    ) % vocab_size
    while True:
        rest = np.arange(length)[None, :] >= counts[:, None]
        slots = np.arange(n_samples)[:, None] * vocab_size + others
        rivals = np.bincount(slots[rest], minlength=n_samples * vocab_size)
        rivals = rivals.reshape(n_samples, vocab_size)
        rivals[np.arange(n_samples), y] = 0
        tied = rivals.max(axis=1) >= counts
        if not tied.any():
            break
        # Draw those rows again, each with one more of its token, so this ends.
        counts[tied] += 1
        redraw = rng.integers(1, vocab_size, (int(tied.sum()), length))
        others[tied] = (y[tied, None] + redraw) % vocab_size
    x = others
    x[np.arange(length)[None, :] < counts[:, None]] = np.repeat(y, counts)
    x = rng.permuted(x, axis=1)
    return x.astype(np.int64), y.astype(np.int64)


def make_tokens_sorted(
    n_samples: int = 2000, length: int = 10, vocab_size: int = 10, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Token sequences N×length; y = 1 when the tokens are in ascending order.

    Half the sequences are sorted; the other half are shuffles of the same kind
    of token draw that are not in order, so token counts give nothing away.
    """
    if vocab_size < 2 or length < 2:
        raise ValueError(
            "an unsorted sequence needs length and vocab_size of 2 or more"
        )
    rng = np.random.default_rng(seed)
    x = rng.integers(0, vocab_size, (n_samples, length))
    y = (np.arange(n_samples) % 2).astype(np.int64)
    x[y == 1] = np.sort(x[y == 1], axis=1)
    while True:
        unsorted = y == 0
        still_sorted = unsorted & np.all(np.diff(x, axis=1) >= 0, axis=1)
        if not still_sorted.any():
            break
        redraw = rng.integers(0, vocab_size, (int(still_sorted.sum()), length))
        x[still_sorted] = rng.permuted(redraw, axis=1)
    return x.astype(np.int64), y
