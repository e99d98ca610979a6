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


def _top_level_brackets(text: str) -> list[tuple[int, int]]:
    """(opening, closing) positions of the outermost bracket pairs, left to right."""
    pairs: list[tuple[int, int]] = []
    depth = 0
    opening = 0
    quote: str | None = None
    for position, ch in enumerate(text):
        if quote:
            quote = None if ch == quote else quote
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "([{":
            if depth == 0:
                opening = position
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                pairs.append((opening, position))
    return pairs


def _operator_parts(text: str) -> tuple[str, list[str]] | None:
    """Split ``a + b + c`` at its lowest-priority top-level operator."""
    for operators in ((" + ", " - "), (" * ",)):
        parts: list[str] = []
        depth = 0
        start = 0
        position = 0
        while position < len(text):
            ch = text[position]
            depth += ch in "([{"
            depth -= ch in ")]}"
            found = next(
                (
                    op
                    for op in operators
                    if depth == 0 and text.startswith(op, position)
                ),
                None,
            )
            if found:
                parts.append(text[start:position])
                start = position + 1  # keep the operator with the next part
                position += len(found)
                continue
            position += 1
        if parts:
            return operators[0], [*parts, text[start:]]
    return None


def _fits(line: str) -> bool:
    return len(line) <= LINE_LENGTH


def _body(text: str, indent: str) -> list[str]:
    """The inside of a split bracket: on one line if it fits, else one item a line."""
    if _fits(indent + text):
        return [indent + text]
    lines: list[str] = []
    for part in split_top_level(text):
        if _fits(indent + part + ","):
            lines.append(f"{indent}{part},")
        else:
            nested = _split_brackets(indent, part, indent) or [indent + part]
            nested[-1] += ","
            lines += nested
    return lines


def _split_brackets(head: str, expression: str, indent: str) -> list[str] | None:
    """Split at the last top-level bracket pair whose opening line and closing line
    fit (what ruff does before it reaches for extra parentheses)."""
    for opening, closing in reversed(_top_level_brackets(expression)):
        first = head + expression[: opening + 1]
        last = indent + expression[closing:]
        if closing == opening + 1 or not (_fits(first) and _fits(last)):
            continue
        return [first, *_body(expression[opening + 1 : closing], indent + INDENT), last]
    return None


def _expression(expression: str, indent: str) -> list[str]:
    """A standalone expression inside parentheses."""
    if _fits(indent + expression):
        return [indent + expression]
    split = _operator_parts(expression)
    if split is not None:
        return _operands(split[1], indent)
    return _split_brackets(indent, expression, indent) or [indent + expression]


def _operands(parts: list[str], indent: str) -> list[str]:
    """One operand a line; an operand still too long splits at the next operator."""
    lines: list[str] = []
    for part in parts:
        part = part.strip()
        operator, _, rest = part.partition(" ") if part[:1] in "+-*" else ("", "", part)
        inner = _operator_parts(rest) if not _fits(indent + part) else None
        if inner is None:
            lines.append(indent + part)
            continue
        sub = _operands(inner[1], indent)
        if operator:
            sub[0] = f"{indent}{operator} {sub[0].strip()}"
        lines += sub
    return lines


def _target_lines(indent: str, name: str) -> list[str]:
    """One assignment target of an exploded tuple, ``name,``; a nested tuple that
    does not fit is exploded in turn, one name a line."""
    if _fits(f"{indent}{name},") or not name.startswith("("):
        return [f"{indent}{name},"]
    inner = split_top_level(name[1:-1])
    return [
        f"{indent}(",
        *(line for part in inner for line in _target_lines(indent + INDENT, part)),
        f"{indent}),",
    ]


def statement(
    indent: str, target: str, expression: str, comment: str = ""
) -> list[str]:
    """Lay out ``target = expression  # comment`` as ruff would."""
    head = f"{indent}{target} = " if target else indent
    line = head + expression
    trailing = f"  # {comment}" if comment else ""
    if _fits(line + trailing):
        return [line + trailing]
    lines = [f"{indent}# {comment}"] if comment else []
    if _fits(line):
        return lines + [line]
    if target and not _fits(head.rstrip()) and ", " in target:
        names = [
            line
            for name in split_top_level(target)
            for line in _target_lines(indent + INDENT, name)
        ]
        return lines + [
            f"{indent}(",
            *names,
            *_statement_after_targets(indent, expression),
        ]
    operators = _operator_parts(expression)
    # ruff keeps one operator outside brackets it splits, but parenthesises a chain.
    if operators is None or len(operators[1]) == 2:
        split = _split_brackets(head, expression, indent)
        if split is not None:
            return lines + split
    if operators is None:
        # ruff adds no parentheses around a call with a trailer when the call's
        # arguments need splitting anyway.
        pairs = [(o, c) for o, c in _top_level_brackets(expression) if c > o + 1]
        if pairs:
            opening, closing = max(pairs, key=lambda pair: pair[1] - pair[0])
            body = expression[opening + 1 : closing]
            trailer = (
                closing != len(expression) - 1
            )  # e.g. the [0] of attention(...)[0]
            opening_line = head + expression[: opening + 1]
            if (
                trailer
                and _fits(opening_line)
                and not _fits(indent + INDENT * 2 + body)
            ):
                return lines + [
                    opening_line,
                    *_body(body, indent + INDENT),
                    indent + expression[closing:],
                ]
    return lines + [f"{head}(", *_expression(expression, indent + INDENT), f"{indent})"]


def _statement_after_targets(indent: str, expression: str) -> list[str]:
    head = f"{indent}) = "
    if _fits(head + expression):
        return [head + expression]
    return _split_brackets(head, expression, indent) or [head + expression]
