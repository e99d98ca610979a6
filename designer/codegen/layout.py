"""Line layout matching ``ruff format`` for the statements the generator writes."""

from __future__ import annotations

LINE_LENGTH = 88
INDENT = "    "


def split_top_level(text: str) -> list[str]:
    """Split ``a, f(b, c), d`` at the commas outside brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    quote: str | None = None
    for ch in text:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    tail = "".join(current).strip()
    if tail:
        parts.append(tail)
    return parts


def _call_parts(expression: str) -> tuple[str, str] | None:
    """``nn.Linear(1, 2)`` → (``nn.Linear``, ``1, 2``) when the whole text is one call."""
    if not expression.endswith(")") or "(" not in expression:
        return None
    opening = expression.index("(")
    depth = 0
    for position, ch in enumerate(expression[opening:], start=opening):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and position != len(expression) - 1:
            return None
    return expression[:opening], expression[opening + 1 : -1]


def statement(indent: str, target: str, expression: str, comment: str = "") -> list[str]:
    """Lay out ``target = expression  # comment`` as ruff would."""
    head = f"{indent}{target} = " if target else indent
    line = head + expression
    trailing = f"  # {comment}" if comment else ""
    if len(line + trailing) <= LINE_LENGTH:
        return [line + trailing]
    lines = [f"{indent}# {comment}"] if comment else []
    if len(line) <= LINE_LENGTH:
        return lines + [line]
    inner = indent + INDENT
    call = _call_parts(expression)
    if call is None:
        return lines + [f"{head}(", f"{inner}{expression}", f"{indent})"]
    function, arguments = call
    if len(inner + arguments) <= LINE_LENGTH:
        return lines + [f"{head}{function}(", f"{inner}{arguments}", f"{indent})"]
    return lines + [f"{head}{function}("] + [f"{inner}{part}," for part in split_top_level(arguments)] + [f"{indent})"]
