"""The fast way to read a YAML file that has nothing to refuse: plain values built
straight from the parser's events, with no node graph.

`yamlfile` composes the whole node graph of a file and then walks it, which is what
lets it point at every problem. For a valid file that graph is pure cost: a budget of
100 000 lines makes a million nodes, 870 MB of them, only to read them once. Here the
same safe parser's events become the same plain values directly, in a fraction of the
time and memory.

Invariants:

- Either the values are exactly those `yamlfile.read_values` would give with no
  problem, or the answer is None and the file is read the careful way. Anything that
  could be a problem or could read differently gives None: an explicit tag, an alias,
  a merge key, a repeated key, a key that is not plain text, nesting near the depth
  limit, a root that is not a mapping, more than one document, a syntax error.
- Nothing is constructed from a tag, as in `yamlfile`: scalars stay text, and only the
  plain spellings of null (an empty value, `~`, `null`, `Null`, `NULL`) become None.
"""

from __future__ import annotations

from typing import Any

import yaml

# The same parser as `yamlfile`: libyaml's where PyYAML has it.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL_TEXTS = frozenset({"", "~", "null", "Null", "NULL"})
# Deeper than any kuvadigi file, and below `yamlfile.MAX_DEPTH`: nesting this deep is
# left to the careful reading, which says where it goes too deep.
_DEPTH_LIMIT = 32


class _Careful(Exception):
    """The file needs the careful reading."""


Where = tuple[str | int, ...]
Position = tuple[int, int, bool]
# A step of a path as the file writes it: a mapping's key, or a list's index.
_Step = tuple[str, str | int]
# Where a value starts (line and column from 1) and what it is: scalar, mapping, sequence.
_Node = tuple[int, int, str]
_NODE_KINDS: dict[type, str] = {
    yaml.ScalarEvent: "scalar",
    yaml.MappingStartEvent: "mapping",
    yaml.SequenceStartEvent: "sequence",
}

# The positions of the values outside every list, recorded while a file is read here,
# by the text they were read from (its length and hash). Most of what `check` finds in
# a large file is there (the totals row, the year totals, the shares' sum), and it is
# pointed at without reading the file again. Recording costs nothing inside the lists,
# where nearly all of a file is.
_OUTSIDE_LISTS: dict[tuple[int, int], dict[tuple[_Step, ...], _Node]] = {}
_OUTSIDE_LISTS_KEPT = 4


def plain_values(text: str) -> dict[str, Any] | None:
    """The plain values of the YAML mapping in `text`, or None where it must be read
    the careful way (see the module's invariants)."""
    parser = _Loader(text)
    outside_lists: dict[tuple[_Step, ...], _Node] = {}
    try:
        values = _build(parser, outside_lists)
    except (_Careful, yaml.YAMLError, RecursionError):
        return None
    finally:
        parser.dispose()

    if len(_OUTSIDE_LISTS) >= _OUTSIDE_LISTS_KEPT:
        _OUTSIDE_LISTS.pop(next(iter(_OUTSIDE_LISTS)))
    _OUTSIDE_LISTS[_text_key(text)] = outside_lists
    return values


def _text_key(text: str) -> tuple[int, int]:
    return len(text), hash(text)


# A scalar whose text needs a second look: the plain spellings of null, and the merge key.
_SPECIAL_TEXTS = _NULL_TEXTS | {"<<"}

_Scalar = yaml.ScalarEvent
_MappingStart = yaml.MappingStartEvent
_MappingEnd = yaml.MappingEndEvent
_SequenceStart = yaml.SequenceStartEvent
_SequenceEnd = yaml.SequenceEndEvent


# The values are built by recursive descent over the events: one small loop per kind of
# container, each knowing what comes next, rather than one loop that looks up a stack
# of containers and pending keys for every event. A budget of 100 000 lines is two
# million events, and the loop's own work per event was more than half of what the
# parser took to make it. Scalars, nearly all of the events, are handled inline in each
# loop for the same reason; containers go through `_container`.


def _build(
    parser: Any, outside_lists: dict[tuple[_Step, ...], _Node]
) -> dict[str, Any]:
    get = parser.get_event
    _expect(get(), yaml.StreamStartEvent)
    _expect(get(), yaml.DocumentStartEvent)
    event = get()
    if type(event) is not _MappingStart or event.tag is not None:
        raise _Careful  # the root is not a mapping
    mark: Any = event.start_mark
    outside_lists[()] = (mark.line + 1, mark.column + 1, "mapping")
    root = _mapping_outside_lists(get, (), 0, outside_lists)
    _expect(get(), yaml.DocumentEndEvent)
    _expect(get(), yaml.StreamEndEvent)
    return root


def _key(event: Any, mapping: dict[str, Any]) -> str:
    """The key `event` stands for in `mapping`: plain text, not repeated, not the
    merge key."""
    if type(event) is not _Scalar or event.tag is not None:
        raise _Careful
    key: str = event.value
    if key in mapping or (key == "<<" and (event.implicit[0] or event.style is None)):
        raise _Careful
    return key


def _null(event: Any) -> Any:
    """The value of a plain scalar whose text is in `_SPECIAL_TEXTS`: null, or (the
    merge key) a reason for the careful reading."""
    if event.value == "<<":
        raise _Careful
    return None


def _mapping_outside_lists(
    get: Any,
    path: tuple[_Step, ...],
    depth: int,
    outside_lists: dict[tuple[_Step, ...], _Node],
) -> dict[str, Any]:
    """A mapping outside every list, with where each of its values starts recorded in
    `outside_lists` (which costs nothing inside the lists, where nearly all of a file
    is)."""
    mapping: dict[str, Any] = {}
    while True:
        event = get()
        if type(event) is _MappingEnd:
            return mapping
        key = _key(event, mapping)
        event = get()
        kind = type(event)
        value: Any
        value_path = (*path, ("key", key))
        mark = event.start_mark
        outside_lists[value_path] = (
            mark.line + 1,
            mark.column + 1,
            _NODE_KINDS.get(kind, "scalar"),
        )
        if kind is _Scalar:
            if event.tag is not None:
                raise _Careful
            value = event.value
            if value in _SPECIAL_TEXTS and event.implicit[0]:
                value = _null(event)
        elif kind is _MappingStart:
            _open(event, depth + 1)
            value = _mapping_outside_lists(get, value_path, depth + 1, outside_lists)
        else:
            value = _container(get, event, depth + 1)
        mapping[key] = value


def _mapping(get: Any, depth: int) -> dict[str, Any]:
    """A mapping whose start event has been read, up to its end."""
    mapping: dict[str, Any] = {}
    while True:
        event = get()
        if type(event) is _MappingEnd:
            return mapping
        key = _key(event, mapping)
        event = get()
        value: Any
        if type(event) is _Scalar:
            if event.tag is not None:
                raise _Careful
            value = event.value
            if value in _SPECIAL_TEXTS and event.implicit[0]:
                value = _null(event)
        else:
            value = _container(get, event, depth + 1)
        mapping[key] = value


def _sequence(get: Any, depth: int) -> list[Any]:
    """A list whose start event has been read, up to its end."""
    items: list[Any] = []
    append = items.append
    while True:
        event = get()
        kind = type(event)
        if kind is _Scalar:
            if event.tag is not None:
                raise _Careful
            value = event.value
            if value in _SPECIAL_TEXTS and event.implicit[0]:
                value = _null(event)
            append(value)
        elif kind is _SequenceEnd:
            return items
        else:
            append(_container(get, event, depth + 1))


def _container(get: Any, event: Any, depth: int) -> dict[str, Any] | list[Any]:
    """The mapping or list that `event` starts inside `depth` containers; anything
    else (an alias) is left to the careful reading."""
    kind = type(event)
    if kind is _MappingStart:
        _open(event, depth)
        return _mapping(get, depth)
    if kind is _SequenceStart:
        _open(event, depth)
        return _sequence(get, depth)
    raise _Careful  # an alias, or anything else unforeseen


def _open(event: Any, depth: int) -> None:
    """A container inside `depth` others may be opened: no tag, and not nested near
    the depth limit."""
    if event.tag is not None or depth >= _DEPTH_LIMIT:
        raise _Careful


def _expect(event: Any, kind: type) -> None:
    if type(event) is not kind:
        raise _Careful


def locate_all(text: str, wheres: list[Where]) -> dict[Where, Position] | None:
    """The line and column (from 1) of the value at each of `wheres` in `text`, read
    from the parser's events in one pass, with no node graph; and for each whether the
    whole path was found (if not, the position is the nearest enclosing value's), as
    `yamlfile.locate` gives them. None where the file has aliases, keys that are not
    plain text, repeated keys or more than one document: then `yamlfile` locates.
    """
    # Where the file was read here and every one of `wheres` is outside its lists,
    # the positions recorded then answer.
    recorded = _OUTSIDE_LISTS.get(_text_key(text))
    if recorded is not None:
        known = {
            where: _resolve(where, recorded, lists_recorded=False) for where in wheres
        }
        if all(position is not None for position in known.values()):
            return {
                where: position
                for where, position in known.items()
                if position is not None
            }

    wanted = {prefix for where in wheres for prefix in _prefixes(where)}
    parser = _Loader(text)
    try:
        nodes = _positions(parser, wanted)
    except (_Careful, yaml.YAMLError, RecursionError):
        return None
    finally:
        parser.dispose()
    located = {where: _resolve(where, nodes, lists_recorded=True) for where in wheres}
    return {
        where: position for where, position in located.items() if position is not None
    }


def _prefixes(where: Where) -> set[tuple[_Step, ...]]:
    """Every path, in the file's own steps, that `where` or a beginning of it can be: a
    number may be a list's index or a mapping's key (a year)."""
    found: set[tuple[_Step, ...]] = {()}
    level: set[tuple[_Step, ...]] = {()}
    for step in where:
        steps: list[_Step] = [("key", str(step))]
        if isinstance(step, int):
            steps.append(("index", step))
        level = {(*path, one) for path in level for one in steps}
        found |= level
    return found


def _positions(
    parser: Any, wanted: set[tuple[_Step, ...]]
) -> dict[tuple[_Step, ...], tuple[int, int, str]]:
    """The start (line, column, kind) of every node whose path is in `wanted`."""
    get = parser.get_event
    _expect(get(), yaml.StreamStartEvent)
    _expect(get(), yaml.DocumentStartEvent)

    nodes: dict[tuple[_Step, ...], tuple[int, int, str]] = {}
    # For each open container: its path, its kind, the next index or the pending key
    # (None: a key comes next), and the keys seen.
    open_paths: list[tuple[_Step, ...]] = []
    kinds: list[str] = []
    nexts: list[Any] = []
    keys_seen: list[set[str]] = []
    while True:
        event = get()
        kind = type(event)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            open_paths.pop()
            kinds.pop()
            nexts.pop()
            keys_seen.pop()
            _after_value(kinds, nexts)
            continue
        if kind is yaml.DocumentEndEvent:
            break
        if kind not in (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
        ):
            raise _Careful  # an alias, or anything else unforeseen

        if kinds and kinds[-1] == "mapping" and nexts[-1] is None:
            # A key: plain text and not repeated, or the file is left to yamlfile.
            if kind is not yaml.ScalarEvent or event.value in keys_seen[-1]:
                raise _Careful
            keys_seen[-1].add(event.value)
            nexts[-1] = event.value
            continue

        if not kinds:
            path: tuple[_Step, ...] = ()
        elif kinds[-1] == "mapping":
            path = (*open_paths[-1], ("key", nexts[-1]))
        else:
            path = (*open_paths[-1], ("index", nexts[-1]))
        node_kind = _NODE_KINDS[kind]
        if path in wanted:
            mark = event.start_mark
            nodes[path] = (mark.line + 1, mark.column + 1, node_kind)

        if kind is yaml.ScalarEvent:
            _after_value(kinds, nexts)
        else:
            open_paths.append(path)
            kinds.append(node_kind)
            nexts.append(None if node_kind == "mapping" else 0)
            keys_seen.append(set())

    _expect(get(), yaml.StreamEndEvent)
    return nodes


def _after_value(kinds: list[str], nexts: list[Any]) -> None:
    """A value is done: its mapping waits for a key, its list for the next item."""
    if kinds:
        nexts[-1] = None if kinds[-1] == "mapping" else nexts[-1] + 1


def _resolve(
    where: Where, nodes: dict[tuple[_Step, ...], _Node], *, lists_recorded: bool
) -> Position | None:
    """`where` followed down the recorded nodes as far as the file goes; None where it
    goes into a list whose items were not recorded."""
    path: tuple[_Step, ...] = ()
    if path not in nodes:
        return 0, 0, False
    for step in where:
        line, column, kind = nodes[path]
        if kind == "mapping":
            child: tuple[_Step, ...] = (*path, ("key", str(step)))
        elif kind == "sequence" and isinstance(step, int):
            if not lists_recorded:
                return None
            child = (*path, ("index", step))
        else:
            return line, column, False
        if child not in nodes:
            return line, column, False
        path = child
    line, column, _ = nodes[path]
    return line, column, True
