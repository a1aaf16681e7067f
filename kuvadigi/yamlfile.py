"""Read one YAML file into plain values, safely, keeping the way back to lines and columns.

Invariants:

- Only YAML's safe node graph is built; no tag is ever executed. Tags outside YAML's core
  schema (`!!python/...`, `!!binary`, custom `!tags`) are refused.
- Every scalar comes back as the text that was written (or None for an empty value or
  `null`): no YAML 1.1 guessing turns `NO` into False, `0150` into 104 or `8:00` into
  480. The models decide what a text means.
- Aliases are refused, and each node is visited once, so a few hundred bytes cannot
  expand into gigabytes; a mapping that repeats a key is refused, naming both lines;
  no more than `MAX_FILE_BYTES` is ever read.
- Positions are looked up only when a message needs one, by reading the file again, so
  the common path of a valid file keeps no position table.

Every problem is a `Problem` whose message is a `Message` of the catalogue
(`kuvadigi.error_texts`), so it can be told in Finnish or English.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kuvadigi import yamlfast
from kuvadigi.gcpause import paused_gc
from kuvadigi.problems import DataError, Message, Problem, os_reason

# Far above any budget a city writes by hand (the shipped files are a few kilobytes, a
# generated budget of 100 000 lines about 25 MB), small enough that a wrong file (a
# disk image, a log) is refused before it is read.
MAX_FILE_BYTES = 64 * 1024 * 1024
# The shipped files nest four levels deep; past this a file is not kuvadigi's data.
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
_NULL_TAG = _CORE + "null"


class _TextLoader(_Loader):  # type: ignore[misc]
    """The safe loader with YAML 1.1's type guessing cut short.

    Every scalar is read as the text written (the models decide what it means), so of
    the implicit types only two matter: null (an empty value, `~`, `null`), and the
    merge key `<<`, which is refused. Trying all the other patterns on every scalar
    took a third of the time of composing a large file; what comes out is the same.
    """

    _NULL_TEXTS = frozenset({"", "~", "null", "Null", "NULL"})

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode:
            plain = implicit[0]
            if plain and value in self._NULL_TEXTS:
                return _NULL_TAG
            if plain and value == "<<":
                return _CORE + "merge"
            return _CORE + "str"
        return super().resolve(kind, value, implicit)


# Byte-order marks of UTF-16 and UTF-32, which Windows editors call "Unicode".
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters that cannot begin a plain YAML value; text that starts with one is quoted.
_INDICATORS = "@`%*&"

Where = Sequence[str | int]


def read_yaml(path: Path) -> Any:
    """The plain values of the YAML document in `path`: dicts, lists, str and None.

    Raises `DataError` with every problem found, each located in the file.
    """
    value, problems = read_values(path)
    if problems:
        raise DataError(problems)
    return value


def read_values(path: Path) -> tuple[Any, list[Problem]]:
    """The plain values of `path` as far as they can be read, and the problems of the
    values refused on the way, so that the caller can still validate the rest and
    report every problem at once (a repeated key keeps its first value; an alias or a
    tag stands as None: see `values_whole`). Raises `DataError` where the file cannot
    be read as YAML at all.
    """
    text = read_text(path)
    # A file with nothing to refuse is read without building its node graph (see
    # yamlfast); any other is read here, where every problem can be pointed at.
    with paused_gc():
        values = yamlfast.plain_values(text)
    if values is not None:
        return values, []
    root = compose(path, text)

    walk = _Walk(path, _Lines(text))
    value = walk.plain(root, depth=0)
    if walk.repeated_node:
        walk.problems += _alias_problems(path, walk.lines)
    walk.problems.sort(key=lambda problem: (problem.line, problem.column))
    return value, walk.problems


def values_whole(problems: Sequence[Problem]) -> bool:
    """Whether the values `read_values` gave despite `problems` are whole: a repeated
    key (refused, its first value kept) leaves them so; an alias, a tag or a merge key
    leaves a hole."""
    return all(
        isinstance(problem.message, Message)
        and problem.message.key == "yaml.duplicate_key"
        for problem in problems
    )


def read_text(path: Path) -> str:
    """The text of `path`: UTF-8, with or without a byte-order mark, within the size limit.

    Any line ending (LF, CRLF) is left for YAML, which reads them all alike.
    """
    data = _read_bytes(path)

    if data.startswith(_WIDE_BOMS):
        raise DataError(
            [_file_problem(path, "file.utf16", Message("fix.save_as_utf8"))]
        )
    if b"\x00" in data:
        line, column = _position_of(data, data.index(b"\x00"))
        raise DataError([_file_problem(path, "file.binary", line=line, column=column)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position_of(data, error.start)
        raise DataError(
            [
                _file_problem(
                    path,
                    "file.not_utf8",
                    Message("fix.save_as_utf8"),
                    line=line,
                    column=column,
                    byte=f"0x{data[error.start]:02X}",
                )
            ]
        ) from None


def compose(path: Path, text: str) -> yaml.Node:
    """The node graph of the single YAML document in `text`."""
    try:
        # Composing makes a million nodes for a large file and no cycles: see gcpause.
        with paused_gc():
            root = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(path, _Lines(text), error)]) from None
    except yaml.reader.ReaderError as error:
        raise DataError([_character_problem(path, text, error)]) from None
    except yaml.YAMLError as error:
        detail = str(error).strip().splitlines()[0]
        raise DataError([_file_problem(path, "yaml.syntax", detail=detail)]) from None
    except RecursionError:
        raise DataError(
            [_file_problem(path, "yaml.too_deep", depth=MAX_DEPTH)]
        ) from None

    if root is None or (
        isinstance(root, yaml.ScalarNode) and root.tag == _NULL_TAG and not root.value
    ):
        raise DataError([_file_problem(path, "file.empty")])
    return root


class Locator:
    """Lines and columns of the values and keys of one file, read and composed once.

    A path into the file (`where`) is a sequence of mapping keys and list indexes, as
    in pydantic's error locations. Walks as far down `where` as the file goes.
    """

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        self.text = text
        try:
            if text is None:
                text = read_text(path)
            self.root: yaml.Node | None = compose(path, text)
            self.lines: _Lines | None = _Lines(text)
        except DataError:
            self.root, self.lines = None, None

    def node(self, where: Where) -> tuple[yaml.Node | None, bool]:
        """The node at `where`, or the nearest enclosing one; and whether it is exact."""
        node = self.root
        if node is None:
            return None, False
        for step in where:
            child = _child(node, step)
            if child is None:
                return node, False
            node = child
        return node, True

    def value(self, where: Where) -> tuple[int, int, bool]:
        """The line and column (from 1) of the value at `where`; and whether the whole
        path was found (if not, the position is that of the nearest enclosing value,
        e.g. the mapping a missing key belongs in)."""
        node, found = self.node(where)
        if node is None:
            return 0, 0, False
        return node.start_mark.line + 1, node.start_mark.column + 1, found

    def key(self, where: Where) -> tuple[int, int]:
        """The line and column of the key that ends `where` (for unknown keys)."""
        *parent_path, key = where
        node, _ = self.node(parent_path)
        if node is None:
            return 0, 0
        if isinstance(node, yaml.MappingNode):
            for key_node, _value in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                    return key_node.start_mark.line + 1, key_node.start_mark.column + 1
        return node.start_mark.line + 1, node.start_mark.column + 1

    def replaced(self, where: Where, replacement: str) -> str | None:
        """The line of the plain value at `where` with the value replaced, as a fix to
        paste; None where the value spans lines or is not a single written value."""
        node, found = self.node(where)
        if not found or not isinstance(node, yaml.ScalarNode) or self.lines is None:
            return None
        start, end = node.start_mark, node.end_mark
        line = self.lines.line(start.line + 1)
        if line is None or start.line != end.line:
            return None
        return (line[: start.column] + replacement + line[end.column :]).strip()

    def line(self, number: int) -> str | None:
        """Line `number` (from 1) of the file's text."""
        return None if self.lines is None else self.lines.line(number)


def locator(path: Path) -> Locator:
    """A `Locator` for `path`, shared while the file's text stays the same: `check`
    locates many findings in one file. The text itself is compared, not the file's size
    and time, which a quick rewrite (or another file at the same relative path) can share.
    """
    key = path.resolve()
    try:
        text = read_text(path)
    except DataError:
        return Locator(path)

    cached = _LOCATORS.get(key)
    if cached is None or cached.text != text:
        cached = Locator(path, text)
        if len(_LOCATORS) >= _LOCATORS_KEPT:
            _LOCATORS.pop(next(iter(_LOCATORS)))
        _LOCATORS[key] = cached
    return cached


# A few files' node graphs: `check` locates in the budget and the estimate in turn.
_LOCATORS_KEPT = 4
_LOCATORS: dict[Path, Locator] = {}


def locate(path: Path, where: Where) -> tuple[int, int, bool]:
    """The line and column (from 1) of the value at `where` in `path`, by reading it again.

    Walks as far down `where` as the file goes; the flag says whether the whole path was
    found (False: the position is that of the nearest enclosing value, e.g. the mapping
    a missing field belongs in).
    """
    return locator(path).value(where)


def locate_key(path: Path, where: Where) -> tuple[int, int]:
    """The line and column of the key that ends `where` (for unknown or misplaced keys)."""
    return locator(path).key(where)


def line_text(text: str, line: int) -> str | None:
    """Line number `line` (from 1) of `text`, without its line ending."""
    return _Lines(text).line(line)


# The line breaks of YAML 1.1 (which PyYAML counts lines by); str.splitlines() would
# also break at form feeds and other separators and so miscount.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class _Lines:
    """The lines of a text, split once when first asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    def line(self, number: int) -> str | None:
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        return self._lines[number - 1] if 0 < number <= len(self._lines) else None


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    """The value under key `step` of a mapping, or item `step` of a list."""
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


def _read_bytes(path: Path) -> bytes:
    """At most `MAX_FILE_BYTES` of `path`: a larger file, or an endless one such as a
    device, is refused rather than read into memory."""
    limit_mib = MAX_FILE_BYTES // (1024 * 1024)
    try:
        if path.is_dir():
            raise DataError([_file_problem(path, "file.is_folder")])
        with path.open("rb") as stream:
            if os.fstat(stream.fileno()).st_size > MAX_FILE_BYTES:
                raise DataError(
                    [_file_problem(path, "file.too_large", limit=limit_mib)]
                )
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DataError([_file_problem(path, "file.missing")]) from None
    except OSError as error:
        raise DataError(
            [_file_problem(path, "file.unreadable", reason=os_reason(error))]
        ) from None

    if len(data) > MAX_FILE_BYTES:
        raise DataError([_file_problem(path, "file.too_large", limit=limit_mib)])
    return data


def _file_problem(
    path: Path,
    key: str,
    hint: Message | None = None,
    *,
    line: int = 0,
    column: int = 0,
    **fields: object,
) -> Problem:
    return Problem(path, line, column, Message(key, fields), hint=hint)


class _Walk:
    """Turns a node graph into plain values, collecting a problem for everything
    refused on the way. Each node is visited once, so an alias bomb costs no more
    than its text."""

    def __init__(self, path: Path, lines: _Lines) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []
        self.visited: set[int] = set()
        self.repeated_node = False

    def plain(self, node: yaml.Node, depth: int) -> Any:
        if id(node) in self.visited:
            # compose() hands back the anchored node again wherever an alias points to
            # it; the aliases themselves are located afterwards from the event stream.
            self.repeated_node = True
            return None
        self.visited.add(id(node))

        if depth > MAX_DEPTH:
            self.problems.append(
                self._at(node, Message("yaml.too_deep", {"depth": MAX_DEPTH}))
            )
            return None
        if node.tag not in _CORE_TAGS:
            tag = (
                "!!" + node.tag.removeprefix(_CORE)
                if node.tag.startswith(_CORE)
                else node.tag
            )
            self.problems.append(self._at(node, Message("yaml.tag", {"tag": tag})))
            return None

        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG and not node.style:
                return None
            return str(node.value)
        if isinstance(node, yaml.SequenceNode):
            return [self.plain(item, depth + 1) for item in node.value]
        assert isinstance(node, yaml.MappingNode), "a YAML node is one of three kinds"
        return self._mapping(node, depth)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self._at(key_node, Message("yaml.complex_key")))
                continue
            key = str(key_node.value)
            if key == "<<" and not key_node.style:
                self.problems.append(self._at(key_node, Message("yaml.merge_key")))
                continue
            if key in first_seen:
                first_line = first_seen[key].start_mark.line + 1
                self.problems.append(
                    self._at(
                        key_node,
                        Message(
                            "yaml.duplicate_key",
                            {"name": key, "first_line": first_line},
                        ),
                    )
                )
                continue
            first_seen[key] = key_node
            mapping[key] = self.plain(value_node, depth + 1)
        return mapping

    def _at(self, node: yaml.Node, message: Message) -> Problem:
        return _problem_at(self.path, self.lines, node.start_mark, message)


def _alias_problems(path: Path, lines: _Lines) -> list[Problem]:
    """One problem for each alias name used, at its first use: found from the event
    stream, since the node graph no longer knows where an alias was written."""
    problems = []
    named: set[str | None] = set()
    for event in yaml.parse(lines.text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.anchor not in named:
            named.add(event.anchor)
            problems.append(
                _problem_at(
                    path,
                    lines,
                    event.start_mark,
                    Message("yaml.alias", {"name": event.anchor}),
                )
            )
    return problems


def _problem_at(
    path: Path,
    lines: _Lines,
    mark: Any,
    message: Message,
    hint: Message | None = None,
) -> Problem:
    line = mark.line + 1
    return Problem(
        path,
        line,
        mark.column + 1,
        message,
        source_line=lines.line(line),
        hint=hint,
    )


def _character_problem(
    path: Path, text: str, error: yaml.reader.ReaderError
) -> Problem:
    """A character YAML does not allow in a file (a control character, as pasted
    from a terminal or a word processor)."""
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    # The reader stops at the first one; its position counts bytes in the C reader
    # and characters in the Python one, so the character is found again instead.
    offset = max(text.find(chr(code)), 0)
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return _problem_at(
        path,
        _Lines(text),
        _Mark(line - 1, column - 1),
        Message("yaml.control_char", {"code": f"U+{code:04X}"}),
    )


def _syntax_problem(path: Path, text: _Lines, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error told in the words of the slip that most often causes it."""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    mark = error.problem_mark or error.context_mark
    detail = f"{problem} ({context})" if context else problem
    if mark is None:
        return _file_problem(path, "yaml.syntax", detail=detail)
    char = _char_at(text, mark)

    if char == "\t":
        return _problem_at(
            path, text, mark, Message("yaml.tab"), Message("fix.tab_to_spaces")
        )
    runaway = _runaway_quote(text, mark)
    if runaway is not None:
        return _problem_at(path, text, runaway, Message("yaml.unclosed_quote"))
    if "mapping values are not allowed" in problem:
        if _deeper_key(text, mark):
            line = text.line(mark.line + 1) or ""
            key_start = _Mark(mark.line, _indent(line))
            return _problem_at(path, text, key_start, Message("yaml.indentation"))
        return _problem_at(
            path, text, mark, Message("yaml.colon_in_value"), _quote_fix(text, mark)
        )
    dashed_key = _dash_for_value(text, mark)
    if "block sequence entries" in problem and dashed_key is not None:
        return _problem_at(
            path, text, mark, Message("yaml.dash_value", {"key": dashed_key})
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return _problem_at(
            path, text, error.context_mark, Message("yaml.unclosed_quote")
        )
    if "unknown escape" in problem:
        return _problem_at(
            path, text, mark, Message("yaml.escape"), Message("fix.single_quotes")
        )
    indicator = _indicator_mark(error, text, problem, context)
    if indicator is not None:
        return _problem_at(
            path,
            text,
            indicator,
            Message("yaml.indicator", {"char": _char_at(text, indicator)}),
            _quote_fix(text, indicator),
        )
    if "expected ',' or" in problem and error.context_mark is not None:
        opening = _char_at(text, error.context_mark)
        closing = {"[": "]", "{": "}"}.get(opening or "", "")
        return _problem_at(
            path,
            text,
            error.context_mark,
            Message("yaml.unclosed_bracket", {"opening": opening, "closing": closing}),
        )
    if "could not find expected ':'" in problem and error.context_mark is not None:
        return _problem_at(path, text, error.context_mark, Message("yaml.no_colon"))
    if "another document" in problem:
        return _problem_at(path, text, mark, Message("yaml.second_document"))
    if "nesting depth" in problem:
        return _problem_at(
            path, text, mark, Message("yaml.too_deep", {"depth": MAX_DEPTH})
        )
    if "did not find expected" in problem:
        if _after_closing_quote(text, mark):
            return _problem_at(path, text, mark, Message("yaml.after_quote"))
        return _problem_at(path, text, mark, Message("yaml.indentation"))

    return _problem_at(path, text, mark, Message("yaml.syntax", {"detail": detail}))


# A line of a block mapping (`  committed: 5`, `- id: x`) inside a quoted value: the
# value went on past where its closing quote belonged.
_SWALLOWED_KEY = re.compile(r"\n[ \t]*(?:- )?[A-Za-z_][A-Za-z0-9_-]*:[ \t\n]")


def _runaway_quote(text: _Lines, error: Any) -> Any:
    """Where a double-quoted value opened before the error runs on over lines that
    read as keys of the file (`name: "Ahti` with its closing quote forgotten reads on
    to the next `"`, and YAML stops only there); None where no value does."""
    runaway = None
    try:
        for token in yaml.scan(text.text, Loader=_Loader):
            start, end = token.start_mark, token.end_mark
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style == '"'
                and start.line < end.line < error.line + 1
                and _SWALLOWED_KEY.search(_spanned(text, start.line, end.line))
            ):
                runaway = start
    except yaml.YAMLError:
        pass
    return runaway


def _spanned(text: _Lines, first: int, last: int) -> str:
    """Lines `first` to `last` (from 0) of `text`, joined."""
    return "\n".join(text.line(number + 1) or "" for number in range(first, last + 1))


def _indicator_mark(
    error: yaml.MarkedYAMLError, text: _Lines, problem: str, context: str
) -> Any:
    """Where a value begins with a character that YAML reserves (`*Ahti*`, `@ahti`),
    or None where that is not the slip."""
    mark: Any
    if ("alias" in context or "anchor" in context) and error.context_mark is not None:
        mark = error.context_mark
    elif "cannot start any token" in problem or "directive" in context:
        mark = error.problem_mark or error.context_mark
    else:
        return None
    char = _char_at(text, mark)
    return mark if char is not None and char in _INDICATORS else None


# `actual: -`: a dash where a spreadsheet shows an empty cell, read by YAML as the start
# of a list that may not stand there.
_DASH_VALUE = re.compile(r"^\s*(?:- )?(?P<key>[^\s:#][^:#]*?):\s+-\s*(?:#.*)?$")


def _dash_for_value(text: _Lines, mark: Any) -> str | None:
    """The key whose value is a lone dash at `mark`, or None where that is not it."""
    line = text.line(mark.line + 1) or ""
    found = _DASH_VALUE.match(line)
    if found is None or line.find("-", found.end("key")) != mark.column:
        return None
    return found["key"]


def _char_at(text: _Lines, mark: Any) -> str | None:
    if mark is None:
        return None
    line = text.line(mark.line + 1)
    if line is None or mark.column >= len(line):
        return None
    return line[mark.column]


@dataclass(frozen=True)
class _Mark:
    """A position as PyYAML's marks give it, from 0."""

    line: int
    column: int


def _deeper_key(text: _Lines, mark: Any) -> bool:
    """Whether the line at `mark` is a `key:` indented deeper than the line above, which
    YAML reads as going on with the value above, not as a key of its own."""
    line = text.line(mark.line + 1) or ""
    if ":" in line[: mark.column] or mark.line == 0:
        return False
    above = next(
        (
            text.line(number) or ""
            for number in range(mark.line, 0, -1)
            if (text.line(number) or "").strip()
        ),
        "",
    )
    return _indent(line) > _indent(above)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _after_closing_quote(text: _Lines, mark: Any) -> bool:
    """Whether the text right before `mark` (past spaces) closes a quoted value."""
    line = text.line(mark.line + 1) or ""
    before = line[: mark.column].rstrip()
    return before.endswith(('"', "'")) and before.lstrip().count(":") >= 1


_KEY_AND_VALUE = re.compile(
    r"^(?P<key>\s*(?:-\s+)?[^\s:#'\"][^:#]*:\s+)(?P<value>\S.*?)\s*$"
)


def _quote_fix(text: _Lines, mark: Any) -> Message | None:
    """The offending `key: value` line with its value in double quotes, where the line
    has a key before the spot YAML stumbled on."""
    line = text.line(mark.line + 1)
    match = _KEY_AND_VALUE.match(line or "")
    if line is None or match is None or match.end("key") > mark.column:
        return None
    value = match["value"]
    if value.startswith(('"', "'")):
        return None
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return Message("fix.line", {"line": (match["key"] + quoted).strip()})


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (from 1, in characters) of the byte at `offset`."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column
