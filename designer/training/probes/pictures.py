"""Pictures of probe results with Pillow: colour maps, channel grids, bars, labels.

numpy and Pillow only (no torch, no Qt).  Small maps are scaled up with
nearest-neighbour so an 8×8 map stays sharp and visible.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from designer.training.probes.messages import number

# Viridis (matplotlib's default), sampled at 9 even stops and interpolated linearly.
VIRIDIS = np.array(
    [
        (68, 1, 84),
        (71, 44, 122),
        (59, 81, 139),
        (44, 113, 142),
        (33, 144, 141),
        (39, 173, 129),
        (92, 200, 99),
        (170, 220, 50),
        (253, 231, 37),
    ],
    dtype=np.float32,
)
# Blue – white – red for signed values (weights, gradient × input), zero is white.
DIVERGING = np.array(
    [(33, 102, 172), (146, 197, 222), (247, 247, 247), (244, 165, 130), (178, 24, 43)],
    dtype=np.float32,
)
BACKGROUND = (255, 255, 255)
INK = (20, 20, 20)
GAP = 2
MIN_CELL = 64  # scale small maps up to at least this many pixels a side
HEADER = 30


def colorize(
    values: np.ndarray,
    table: np.ndarray = VIRIDIS,
    lo: float | None = None,
    hi: float | None = None,
) -> np.ndarray:
    """(H, W) values → (H, W, 3) uint8 colours, ``lo``…``hi`` spread over the table."""
    values = np.nan_to_num(np.asarray(values, dtype=np.float32))
    lo = float(values.min()) if lo is None else lo
    hi = float(values.max()) if hi is None else hi
    t = (values - lo) / (hi - lo) if hi > lo else np.full_like(values, 0.5)
    position = np.clip(t, 0, 1) * (len(table) - 1)
    low = np.floor(position).astype(int)
    high = np.minimum(low + 1, len(table) - 1)
    fraction = (position - low)[..., None]
    colours = table[low] * (1 - fraction) + table[high] * fraction
    return colours.round().astype(np.uint8)


def signed_colours(values: np.ndarray) -> np.ndarray:
    """Signed values on the diverging map, symmetric around zero."""
    peak = float(np.abs(values).max()) or 1.0
    return colorize(values, DIVERGING, -peak, peak)


def scale_for(height: int, width: int, cell: int = MIN_CELL) -> int:
    return max(1, math.ceil(cell / max(height, width, 1)))


def enlarge(rgb: np.ndarray, factor: int) -> Image.Image:
    image = Image.fromarray(rgb, "RGB")
    return image.resize((image.width * factor, image.height * factor), Image.NEAREST)


def grid(
    tiles: Sequence[np.ndarray], columns: int | None = None, cell: int = MIN_CELL
) -> Image.Image:
    """RGB tiles of one size side by side in rows, each scaled up to about ``cell`` pixels."""
    if not tiles:
        return Image.new("RGB", (1, 1), BACKGROUND)
    height, width = tiles[0].shape[:2]
    factor = scale_for(height, width, cell)
    columns = columns or math.ceil(math.sqrt(len(tiles)))
    rows = math.ceil(len(tiles) / columns)
    tile_w, tile_h = width * factor, height * factor
    sheet = Image.new(
        "RGB", (columns * (tile_w + GAP) + GAP, rows * (tile_h + GAP) + GAP), BACKGROUND
    )
    for k, tile in enumerate(tiles):
        r, c = divmod(k, columns)
        sheet.paste(
            enlarge(tile, factor), (GAP + c * (tile_w + GAP), GAP + r * (tile_h + GAP))
        )
    return sheet


def channel_grid(maps: np.ndarray, cell: int = MIN_CELL) -> Image.Image:
    """(C, H, W) → every channel on viridis, all with one colour scale."""
    lo, hi = float(maps.min()), float(maps.max())
    return grid([colorize(m, VIRIDIS, lo, hi) for m in maps], cell=cell)


def filter_grid(filters: np.ndarray, as_images: bool) -> Image.Image:
    """(out, in, kh, kw) filters: as gray/colour pictures for a first layer, else signed maps."""
    if as_images and filters.shape[1] == 3:
        tiles = []
        for f in filters:
            lo, hi = float(f.min()), float(f.max())
            scaled = (f - lo) / (hi - lo) if hi > lo else np.full_like(f, 0.5)
            tiles.append(
                (np.transpose(scaled, (1, 2, 0)) * 255).round().astype(np.uint8)
            )
        return grid(tiles, cell=32)
    if as_images:
        peak = float(np.abs(filters).max()) or 1.0
        return grid([colorize(f[0], VIRIDIS, -peak, peak) for f in filters], cell=32)
    return grid(
        [signed_colours(f.reshape(-1, f.shape[-1])) for f in filters],
        columns=min(16, len(filters)),
        cell=48,
    )


def bars(values: np.ndarray, width: int = 512, height: int = 120) -> Image.Image:
    """A bar strip of a vector; positive bars up, negative down, from a zero line."""
    values = np.nan_to_num(np.asarray(values, dtype=np.float32).reshape(-1))
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    top, bottom = (
        float(max(values.max(initial=0), 0)),
        float(min(values.min(initial=0), 0)),
    )
    span = (top - bottom) or 1.0
    zero = round(height * top / span)
    step = width / max(len(values), 1)
    colours = colorize(values, VIRIDIS)
    for k, v in enumerate(values):
        x0, x1 = round(k * step), max(round((k + 1) * step) - 1, round(k * step))
        y = round(zero - v / span * height)
        draw.rectangle(
            [x0, min(y, zero), x1, max(y, zero)], fill=tuple(int(c) for c in colours[k])
        )
    draw.line([0, zero, width, zero], fill=(150, 150, 150))
    return image


def heat_map(values: np.ndarray, signed: bool = False) -> Image.Image:
    """(L, F) as rows of colour, scaled up to be readable."""
    rgb = signed_colours(values) if signed else colorize(values)
    factor = max(1, math.ceil(256 / max(values.shape)))
    return enlarge(rgb, factor)


def probability_bars(
    probabilities: np.ndarray, classes: Sequence[str], chosen: int
) -> Image.Image:
    """One labelled horizontal bar per class; the chosen class in a strong colour."""
    font = ImageFont.load_default()
    row, label_w, bar_w = 16, 90, 220
    image = Image.new("RGB", (label_w + bar_w + 60, row * len(classes) + 8), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for k, (name, p) in enumerate(zip(classes, probabilities, strict=True)):
        y = 4 + k * row
        draw.text((4, y), printable(str(name)[:14]), fill=INK, font=font)
        colour = (178, 24, 43) if k == chosen else (120, 140, 170)
        draw.rectangle(
            [label_w, y + 2, label_w + round(float(p) * bar_w), y + row - 3],
            fill=colour,
        )
        draw.text((label_w + bar_w + 6, y), f"{float(p):.1%}", fill=INK, font=font)
    return image


def picture(base: np.ndarray) -> np.ndarray:
    """An (H, W), (1, H, W) or (3, H, W) input as (H, W, 3) uint8, stretched to 0…255."""
    if base.ndim == 3 and base.shape[0] == 3:
        rgb = np.transpose(base, (1, 2, 0)).astype(np.float32)
    else:
        gray = base[0] if base.ndim == 3 else base
        rgb = np.repeat(np.asarray(gray, dtype=np.float32)[..., None], 3, axis=2)
    lo, hi = float(rgb.min()), float(rgb.max())
    rgb = (rgb - lo) / (hi - lo) * 255 if hi > lo else np.zeros_like(rgb)
    return rgb.round().astype(np.uint8)


def overlay(base: np.ndarray, heat: np.ndarray, alpha: float = 0.5) -> np.ndarray:
    """The input picture with a [0, 1] heat map (viridis) blended over it."""
    colours = colorize(heat, VIRIDIS, 0.0, 1.0).astype(np.float32)
    blended = (1 - alpha) * picture(base).astype(np.float32) + alpha * colours
    return blended.round().astype(np.uint8)


def side_by_side(images: Sequence[Image.Image], captions: Sequence[str]) -> Image.Image:
    """Images in a row, each with a caption above it."""
    font = ImageFont.load_default()
    width = sum(i.width for i in images) + GAP * 4 * (len(images) + 1)
    height = max(i.height for i in images) + 18
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    x = GAP * 4
    for image, caption in zip(images, captions, strict=True):
        draw.text((x, 2), printable(caption), fill=INK, font=font)
        sheet.paste(image, (x, 18))
        x += image.width + GAP * 4
    return sheet


def titled(image: Image.Image, title: str, subtitle: str = "") -> Image.Image:
    """The picture under a header with a title and a smaller line (shape, statistics)."""
    font = ImageFont.load_default()
    lines = [printable(t) for t in ([title, subtitle] if subtitle else [title])]
    header = 6 + 14 * len(lines)
    text_width = max(round(draw_length(line, font)) for line in lines) + 12
    sheet = Image.new(
        "RGB", (max(image.width, text_width), image.height + header), BACKGROUND
    )
    draw = ImageDraw.Draw(sheet)
    for k, line in enumerate(lines):
        draw.text((6, 4 + 14 * k), line, fill=INK, font=font)
    sheet.paste(image, (0, header))
    return sheet


def printable(text: str) -> str:
    """Text the default bitmap font can draw (Latin-1; a real minus becomes ``-``)."""
    for fancy, plain in (("−", "-"), ("×", "x"), ("…", "..."), ("–", "-"), ("·", "*")):
        text = text.replace(fancy, plain)
    return text.encode("latin-1", errors="replace").decode("latin-1")


def draw_length(text: str, font: ImageFont.ImageFont | ImageFont.FreeTypeFont) -> float:
    return float(font.getlength(text))


def stats_line(minimum: float, mean: float, maximum: float) -> str:
    return f"min {number(minimum)}  mean {number(mean)}  max {number(maximum)}"
