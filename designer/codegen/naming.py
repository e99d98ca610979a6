"""A namespace that turns node names into legal, unique Python identifiers.

Names come from files people share, so nothing of them reaches the generated
code except the letters, digits and underscores kept here.
"""

from __future__ import annotations

import builtins
import keyword
import re

# Attributes every nn.Module already has; a layer attribute must not shadow them.
_MODULE_ATTRIBUTES = frozenset(
    [
        "add_module",
        "apply",
        "bfloat16",
        "buffers",
        "children",
        "compile",
        "cpu",
        "cuda",
        "double",
        "dump_patches",
        "eval",
        "extra_repr",
        "float",
        "forward",
        "get_buffer",
        "get_extra_state",
        "get_parameter",
        "get_submodule",
        "half",
        "ipu",
        "load_state_dict",
        "modules",
        "mtia",
        "named_buffers",
        "named_children",
        "named_modules",
        "named_parameters",
        "parameters",
        "register_backward_hook",
        "register_buffer",
        "register_forward_hook",
        "register_forward_pre_hook",
        "register_full_backward_hook",
        "register_full_backward_pre_hook",
        "register_load_state_dict_post_hook",
        "register_module",
        "register_parameter",
        "register_state_dict_pre_hook",
        "requires_grad_",
        "set_extra_state",
        "set_submodule",
        "share_memory",
        "state_dict",
        "to",
        "to_empty",
        "train",
        "training",
        "type",
        "xpu",
        "zero_grad",
        "call_super_init",
    ]
)
_RESERVED = (
    frozenset(keyword.kwlist)
    | frozenset(keyword.softkwlist)
    | frozenset(dir(builtins))
    | frozenset(
        # "l" reads like 1 (ruff's E741 refuses it as a variable name).
        {"self", "torch", "nn", "F", "model", "main", "l"}
    )
    | _MODULE_ATTRIBUTES
)
# Names the ``if __name__ == "__main__"`` block must not shadow.
SCRIPT_RESERVED = (
    frozenset(keyword.kwlist)
    | frozenset(keyword.softkwlist)
    | frozenset(dir(builtins))
    | frozenset({"torch", "nn", "output", "l"})
)


def to_identifier(text: str, fallback: str = "layer") -> str:
    """``"Conv 1 (big)"`` → ``"conv_1_big"``; never empty, never starting with a digit.

    Cut at 48 characters, wherever that falls: these are the attribute names, so
    the state_dict keys of weights already saved depend on them."""
    cleaned = re.sub(r"[^0-9a-zA-Z_]+", "_", text.strip()).strip("_").lower()
    cleaned = re.sub(r"_+", "_", cleaned)[:48].rstrip("_")
    if not cleaned:
        cleaned = fallback
    if cleaned[0].isdigit():
        cleaned = f"{fallback}_{cleaned}"
    return cleaned


def to_class_name(
    text: str, fallback: str = "Model", taken: frozenset[str] = frozenset()
) -> str:
    """``"cnn mnist"`` → ``"CnnMnist"``; never a keyword, builtin or one of ``taken``."""
    words = re.findall(r"[0-9a-zA-Z]+", text)
    name = "".join(w[:1].upper() + w[1:] for w in words)[:64]
    if not name or name[0].isdigit():
        name = fallback + name
    if keyword.iskeyword(name) or name in dir(builtins) or name in taken:
        name += "Model"
    return name


def _cut(text: str, limit: int, separator: str) -> str:
    """``text`` when it fits in ``limit``, else its part before the last
    ``separator`` that fits (mid-word only when one word is longer than half)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(separator, 0, limit + 1)
    return text[:cut] if cut > limit // 2 else text[:limit]


def shorten_identifier(name: str, limit: int) -> str:
    """``transformer_encoder_block`` at 24 → ``transformer_encoder``: whole words."""
    return _cut(name, limit, "_").rstrip("_")


def safe_text(text: str, limit: int = 80) -> str:
    """Text that is safe inside a docstring or comment: printable, no quotes or
    backslashes; a longer text is cut after a whole word and ends with ``...``."""
    printable = "".join(
        ch if ch.isprintable() and ch not in "\\\"'" else " " for ch in text
    )
    text = re.sub(r"\s+", " ", printable).strip()
    if len(text) <= limit:
        return text
    return _cut(text, limit - len("..."), " ").rstrip(" ,;:.") + "..."


class Namespace:
    """Hands out unique identifiers: each ``create`` call returns a fresh legal name."""

    def __init__(self, reserved: frozenset[str] = _RESERVED) -> None:
        self._taken: set[str] = set(reserved)

    def create(self, text: str, fallback: str = "layer") -> str:
        base = to_identifier(text, fallback)
        candidate = base
        suffix = 1
        while candidate in self._taken:
            candidate = f"{base}_{suffix}"
            suffix += 1
        self._taken.add(candidate)
        return candidate
