"""Read one YAML file into plain values, safely, keeping the way back to lines and columns.

Invariants:

- Only YAML's safe node graph is built; no tag is ever executed. Tags outside YAML's core
  schema (`!!python/...`, `!!binary`, custom `!tags`) are refused.
- Every scalar comes back as the text that was written (or None for an empty value or
  `null`): no YAML 1.1 guessing turns `NO` into False, `0150` into 104 or `8:00` into
  480. The models decide what a text means.
- Aliases are refused, so a few hundred bytes cannot expand into gigabytes; a mapping
  that repeats a key is refused, naming both lines; files over `MAX_FILE_BYTES` are
  refused before they are read.
- Positions are looked up only when a message needs one, by reading the file again, so
  the common path of a valid file keeps no position table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from kuvadigi.problems import DataError, Problem

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64

# Faster C parser where PyYAML was built with libyaml; the pure Python one otherwise.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
_CORE_TAGS = frozenset(
    _CORE + name
    for name in (
        "null",
        "bool",
        "int",
        "float",
        "str",
        "timestamp",
        "seq",
        "map",
        "value",
    )
)
_NULL_TEXTS = frozenset({"", "~", "null", "Null", "NULL"})

Path_ = tuple[str | int, ...]


def read_yaml(path: Path) -> Any:
    """The plain values of the YAML document in `path`: dicts, lists, str and None.

    Raises `DataError` with every problem found, each located in the file.
    """
    text = read_text(path)
    root = compose(path, text)

    problems: list[Problem] = []
    value = _plain(root, path, text, problems, seen=set(), depth=0)
    if problems:
        raise DataError(problems)
    return value


def read_text(path: Path) -> str:
    """The text of `path`: UTF-8, with or without a byte-order mark, within the size limit."""
    try:
        if path.is_dir():
            raise DataError([Problem(path, 0, 0, "is a folder, not a file")])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            raise DataError(
                [Problem(path, 0, 0, f"is {size:,} bytes; the limit is {limit} MiB")]
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(path, 0, 0, "no such file")]) from None
    except OSError as error:
        raise DataError(
            [Problem(path, 0, 0, f"cannot be read: {error.strerror}")]
        ) from None

    if b"\x00" in data:
        line, column = _position_of(data, data.index(b"\x00"))
        raise DataError(
            [Problem(path, line, column, "is not a text file (it holds a NUL byte)")]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position_of(data, error.start)
        byte = data[error.start]
        raise DataError(
            [
                Problem(
                    path,
                    line,
                    column,
                    f"is not UTF-8 text (byte 0x{byte:02X})",
                    hint="save the file as UTF-8 in your editor",
                )
            ]
        ) from None


def compose(path: Path, text: str) -> yaml.Node:
    """The node graph of the single YAML document in `text`."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(path, text, error)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(path, 0, 0, f"is not valid YAML: {error}")]) from None
    except RecursionError:
        raise DataError(
            [Problem(path, 0, 0, "is nested too deeply to be data")]
        ) from None

    if root is None:
        raise DataError([Problem(path, 0, 0, "is empty")])
    return root


def locate(path: Path, where: Sequence[str | int]) -> tuple[int, int, bool]:
    """The line and column (from 1) of the value at `where` in `path`, by reading it again.

    Walks as far down `where` as the file goes; the flag says whether the whole path was
    found (False: the position is that of the nearest enclosing value, e.g. the mapping
    a missing field belongs in).
    """
    try:
        node = compose(path, read_text(path))
    except DataError:
        return 0, 0, False

    for step in where:
        child = _child(node, step)
        if child is None:
            return node.start_mark.line + 1, node.start_mark.column + 1, False
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1, True


def locate_key(path: Path, where: Sequence[str | int]) -> tuple[int, int]:
    """The line and column of the key that ends `where` (for unknown or misplaced keys)."""
    *parent_path, key = where
    try:
        node = compose(path, read_text(path))
    except DataError:
        return 0, 0
    for step in parent_path:
        child = _child(node, step)
        if child is None:
            break
        node = child
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                return key_node.start_mark.line + 1, key_node.start_mark.column + 1
    return node.start_mark.line + 1, node.start_mark.column + 1


def line_text(text: str, line: int) -> str | None:
    """Line number `line` (from 1) of `text`, without its line ending."""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else None


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                return value_node  # type: ignore[no-any-return]
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(step, int)
        and 0 <= step < len(node.value)
    ):
        return node.value[step]  # type: ignore[no-any-return]
    return None


def _plain(
    node: yaml.Node,
    path: Path,
    text: str,
    problems: list[Problem],
    seen: set[int],
    depth: int,
) -> Any:
    """Turn a node into plain values, adding a problem for everything refused on the way."""
    if id(node) in seen:
        # compose() hands back the anchored node again wherever an alias points to it.
        problems.append(
            _problem_at(
                path,
                text,
                node,
                "this value is repeated by an alias (*name); aliases are not supported, "
                "write each value out",
            )
        )
        return None
    if depth > MAX_DEPTH:
        problems.append(
            _problem_at(path, text, node, "is nested too deeply to be data")
        )
        return None

    if node.tag not in _CORE_TAGS:
        problems.append(
            _problem_at(
                path,
                text,
                node,
                f"the tag {node.tag!r} is not allowed in kuvadigi data",
            )
        )
        return None

    if isinstance(node, yaml.ScalarNode):
        value: str = node.value
        if node.style is None and value in _NULL_TEXTS:
            return None
        return value

    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        return [
            _plain(item, path, text, problems, seen, depth + 1) for item in node.value
        ]

    mapping: dict[str, Any] = {}
    first_seen: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                _problem_at(path, text, key_node, "a key must be a plain name")
            )
            continue
        key = key_node.value
        if key == "<<":
            problems.append(
                _problem_at(
                    path,
                    text,
                    key_node,
                    "merge keys (<<) are not supported; write it out",
                )
            )
            continue
        if key in first_seen:
            first_line = first_seen[key].start_mark.line + 1
            problems.append(
                _problem_at(
                    path,
                    text,
                    key_node,
                    f"the key {key!r} is repeated (first on line {first_line}); keep one of them",
                )
            )
            continue
        first_seen[key] = key_node
        mapping[key] = _plain(value_node, path, text, problems, seen, depth + 1)
    return mapping


def _problem_at(path: Path, text: str, node: yaml.Node, message: str) -> Problem:
    mark = node.start_mark
    line = mark.line + 1
    return Problem(
        path, line, mark.column + 1, message, source_line=line_text(text, line)
    )


def _syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    problem = (error.problem or "").strip()

    hint = None
    if "'\\t'" in problem or "\\t" in problem:
        message = "a tab character; YAML is indented with spaces only"
        hint = "replace the tab with spaces"
    elif "found undefined alias" in problem or "found undefined tag" in problem:
        message = problem
    else:
        context = (error.context or "").strip()
        message = f"not valid YAML: {problem}" + (f" ({context})" if context else "")
        if "mapping values are not allowed" in problem:
            hint = 'put text with ": " in it inside double quotes'
    return Problem(
        path, line, column, message, source_line=line_text(text, line), hint=hint
    )


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column
