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


def plain_values(text: str) -> dict[str, Any] | None:
    """The plain values of the YAML mapping in `text`, or None where it must be read
    the careful way (see the module's invariants)."""
    parser = _Loader(text)
    try:
        return _build(parser)
    except (_Careful, yaml.YAMLError, RecursionError):
        return None
    finally:
        parser.dispose()


def _build(parser: Any) -> dict[str, Any]:
    get = parser.get_event
    _expect(get(), yaml.StreamStartEvent)
    _expect(get(), yaml.DocumentStartEvent)

    # The containers being filled, innermost last, and for each mapping the key whose
    # value comes next (None: a key comes next).
    containers: list[dict[str, Any] | list[Any]] = []
    pending_keys: list[str | None] = []
    root: Any = None
    while True:
        event = get()
        kind = type(event)

        if kind is yaml.ScalarEvent:
            if event.tag is not None:
                raise _Careful
            value: Any = event.value
            if event.implicit[0] and value in _NULL_TEXTS:
                value = None
            elif event.implicit[0] and value == "<<":
                raise _Careful
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag is not None or len(containers) >= _DEPTH_LIMIT:
                raise _Careful
            containers.append({} if kind is yaml.MappingStartEvent else [])
            pending_keys.append(None)
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = containers.pop()
            pending_keys.pop()
        elif kind is yaml.DocumentEndEvent:
            break
        else:
            raise _Careful  # an alias, or anything else unforeseen

        if not containers:
            root = value
            continue
        parent = containers[-1]
        if type(parent) is list:
            parent.append(value)
            continue
        assert isinstance(parent, dict), "a container is a mapping or a list"
        key = pending_keys[-1]
        if key is not None:
            parent[key] = value
            pending_keys[-1] = None
            continue
        # A key: plain text, not repeated, not the merge key.
        if kind is not yaml.ScalarEvent or event.value in parent:
            raise _Careful
        if event.value == "<<" and event.style is None:
            raise _Careful
        pending_keys[-1] = event.value

    _expect(get(), yaml.StreamEndEvent)
    if not isinstance(root, dict):
        raise _Careful
    return root


def _expect(event: Any, kind: type) -> None:
    if type(event) is not kind:
        raise _Careful
