"""A cache of validated data: a repeat run on unchanged files skips YAML and validation.

kuvadigi is run many times a day on the same files, and reading a large budget (YAML,
then validation, then the reference checks) costs far more than the figures. So a record
that was read without a problem is kept, and the next run on the same bytes takes it from
here.

Invariants:

- Only data that passed every check is cached; a file with any problem is read afresh
  on every run, so its messages never depend on the cache. What is kept is the file's
  record (`records`), which needs no pydantic: a repeat run loads neither it nor YAML.
- An entry is found by the SHA-256 of the exact bytes of the file (and of what its
  checks depended on), of kuvadigi's own source and of the pydantic and Python versions
  that validated and kept it:
  a changed file, or a changed kuvadigi, never meets an old entry. An entry is stored
  only if the file still has the bytes it had when the run began.
- Entries live in the user's cache folder (`$KUVADIGI_CACHE_DIR`, else
  `$XDG_CACHE_HOME/kuvadigi`, else `~/.cache/kuvadigi`), never in the data folder.
  `KUVADIGI_NO_CACHE=1` turns the cache off.
- Within one run, a file that is read twice as the same kind (`check` reads the
  budget, and so does its check of the follow-up) is read once: the records are
  immutable, so the one read is shared. This holds with the cache turned off too.
- A small file's entry holds its record, pickled: a repeat run then builds no
  validator at all, which for the shipped data is most of its start-up. A large file's
  entry (over `LARGE_FILE_BYTES`) holds the plain values its YAML gave instead,
  marshalled, and a repeat run validates them again: pickling the models of a city's
  budget took longer than validating them, and a first run paid for it.
- A tampered or damaged entry is never used: each is signed (HMAC-SHA256) with a random
  key that only the user can read, the folder and key must belong to the user and be
  closed to others, and unpickling admits only kuvadigi's records and `Decimal`
  (marshalled values are only dicts, lists, text and None). An entry that fails any
  of this counts as absent.
- The cache never changes what a command prints or how it ends: any error while reading
  or writing it counts as a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import marshal
import os
import pickle
import stat
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

CACHE_ENV = "KUVADIGI_CACHE_DIR"
NO_CACHE_ENV = "KUVADIGI_NO_CACHE"
MAGIC = b"kuvadigi-cache-2\n"
# Enough for a few data folders in a few versions; the least recently used go first.
MAX_ENTRIES = 24
# The size limit of a data file (`yamlfile.MAX_FILE_BYTES`, kept apart so that a run
# that finds its data here need not import YAML); a larger file is never hashed.
MAX_FILE_BYTES = 64 * 1024 * 1024
# Over this, a file's entry keeps its plain values rather than its models (measured at
# 100 000 budget lines, 25 MB: pickling the models 1.3 s, marshalling the values 0.15 s
# and validating them again 1.2 s). The shipped files are a few kilobytes.
LARGE_FILE_BYTES = 1024 * 1024
# What an entry's payload holds: a pickled record, or marshalled plain values.
_RECORD = b"P"
_PLAIN_VALUES = b"M"

_KEY_FILE = "key"
_SUFFIX = ".entry"
_DIGEST_SIZE = hashlib.sha256().digest_size

T = TypeVar("T")


def cache_folder() -> Path | None:
    """Where entries are kept, or None where the cache is turned off."""
    if os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get(CACHE_ENV, "").strip()
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "kuvadigi"


@dataclass(frozen=True)
class Entry:
    """The cache slot of one file read as one kind of record.

    Made before the file is read (`for_file`), asked for a kept record (`recall`), and,
    when the file was read without a problem, given the record to keep (`remember`).
    """

    folder: Path | None
    source: Path
    name: str
    content_digest: bytes
    depends_on: bytes
    size: int

    @classmethod
    def for_file(
        cls, kind: type[Any], source: Path, depends_on: bytes = b""
    ) -> Entry | None:
        """The slot for `source` read as `kind`, its checks having also depended on
        `depends_on`; None where the file cannot be read here (the ordinary reading
        then reports why). Its `folder` is None where the cache is turned off."""
        digested = _file_digest(source)
        if digested is None:
            return None
        content, size = digested
        name = _entry_name(kind, content, depends_on)
        return cls(cache_folder(), source, name, content, depends_on, size)

    def recall(
        self, kind: type[T], validated_again: Callable[[Any], T | None] | None = None
    ) -> T | None:
        """The value of `kind` kept for these bytes, by this run or an earlier one, or
        None. Where a large file's plain values were kept, `validated_again` gives
        their value (None where they no longer validate)."""
        value = _read_in_this_run.get(self.name)
        if value is None and self.folder is not None:
            value = self._recall_kept()
            if isinstance(value, _Values):
                values = value.values
                value = validated_again(values) if validated_again else None
            if value is not None:
                _share(self.name, value)
        return value if isinstance(value, kind) else None

    def _recall_kept(self) -> Any:
        """The value kept in the cache folder for these bytes, or None."""
        if self.folder is None:
            return None
        try:
            path = self.folder / self.name
            signed = path.read_bytes()
            key = _key(self.folder, create=False)
            if key is None or not _private(path):
                return None
            payload = _verified(signed, key)
            if payload is None:
                return None
            kind, body = payload[:1], payload[1:]
            if kind == _PLAIN_VALUES:
                value: Any = _Values(marshal.loads(body))
            elif kind == _RECORD:
                value = _RecordUnpickler(io.BytesIO(body)).load()
            else:
                return None
            # Touch the entry, so that pruning keeps the ones in use.
            os.utime(path)
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ValueError,
            TypeError,
        ):
            return None
        return value

    def remember(self, value: Any, plain_values: Any = None) -> None:
        """Keep `value`, read from the bytes this slot was made for; for a large file,
        `plain_values`, what its YAML gave and `value` was validated from, are kept
        instead where given."""
        if _file_digest(self.source) != (self.content_digest, self.size):
            # The file changed while it was being read: what was read may be of
            # neither version, so it is not kept.
            return
        _share(self.name, value)
        if self.folder is None:
            return
        try:
            _make_private_folder(self.folder)
            key = _key(self.folder, create=True)
            if key is None:
                return
            if plain_values is not None and self.size > LARGE_FILE_BYTES:
                payload = _PLAIN_VALUES + marshal.dumps(plain_values)
            else:
                payload = _RECORD + pickle.dumps(
                    value, protocol=pickle.HIGHEST_PROTOCOL
                )
            signature = hmac.new(key, payload, hashlib.sha256).digest()
            _write_private(self.folder / self.name, MAGIC + signature + payload)
            _prune(self.folder)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, ValueError):
            return


Where = tuple[str | int, ...]
Position = tuple[int, int, bool]


class Positions:
    """The lines and columns of the values in one file that findings pointed at, kept
    beside the file's other entries.

    A finding of `check` is located by reading the file's YAML again; kept, a repeat
    run on the same bytes points at the same lines without reading it (which for a
    city's estimate took longer than all the figures). Call `save` when done.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entry: Entry | None = None
        self._known: dict[Where, Position] | None = None
        self._found_new = False

    def locate_all(
        self,
        wheres: Sequence[Where],
        locate: Callable[[Path, list[Where]], dict[Where, Position]],
    ) -> dict[Where, Position]:
        """The position of each of `wheres`: kept, or found by one call of
        `locate(path, the ones not kept)`."""
        if self._known is None:
            self._entry = Entry.for_file(Positions, self.path)
            kept = self._entry.recall(dict) if self._entry is not None else None
            self._known = dict(kept) if kept else {}
        known = self._known
        missing = list(dict.fromkeys(where for where in wheres if where not in known))
        if missing:
            known.update(locate(self.path, missing))
            self._found_new = True
        return {where: known[where] for where in wheres}

    def save(self) -> None:
        """Keep the positions found in this run for the next."""
        if self._found_new and self._entry is not None and self._known is not None:
            self._entry.remember(dict(self._known))
            self._found_new = False


# Records read in this run, newest last, by entry name: shared, since they are immutable.
_read_in_this_run: OrderedDict[str, Any] = OrderedDict()
_SHARED_IN_A_RUN = 8


def _share(name: str, value: Any) -> None:
    _read_in_this_run[name] = value
    _read_in_this_run.move_to_end(name)
    while len(_read_in_this_run) > _SHARED_IN_A_RUN:
        _read_in_this_run.popitem(last=False)


def forget_this_run() -> None:
    """Forget the records read so far in this process (for tests of the cache folder)."""
    _read_in_this_run.clear()


def ids_digest(ids: Iterable[str]) -> bytes:
    """A digest of a list of ids, for an entry whose checks depended on them."""
    digest = hashlib.sha256()
    for item in ids:
        digest.update(item.encode("utf-8") + b"\0")
    return digest.digest()


def _file_digest(path: Path) -> tuple[bytes, int] | None:
    """The SHA-256 of a regular file's bytes, and their count; None for anything else (a device, a pipe:
    reading it here would take what the ordinary reading needs, or never end) and for a
    file over `MAX_FILE_BYTES`, which the ordinary reading refuses."""
    try:
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_FILE_BYTES:
                return None
            digest = hashlib.sha256()
            read = 0
            while chunk := file.read(1 << 20):
                read += len(chunk)
                if read > MAX_FILE_BYTES:
                    return None
                digest.update(chunk)
            return digest.digest(), read
    except OSError:
        return None


def _entry_name(kind: type[Any], content: bytes, depends_on: bytes) -> str:
    digest = hashlib.sha256()
    for part in (
        f"{kind.__module__}.{kind.__qualname__}".encode(),
        content,
        depends_on,
        _code_version(),
    ):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest() + _SUFFIX


@cache
def _code_version() -> bytes:
    """What the meaning of a kept record depends on: kuvadigi's own source (every module
    of the package, so a changed model or check invalidates every entry), and the
    versions of pydantic, which validated it, and of Python, which pickled it."""
    digest = hashlib.sha256()
    digest.update(sys.version.encode() + b"\0" + _pydantic_version())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.digest()


def _pydantic_version() -> bytes:
    """The source of pydantic's version module, which names its version and the
    pydantic-core it requires: read, not imported, since importing pydantic would
    cost a cache hit more than all else it does."""
    from importlib.util import find_spec

    spec = find_spec("pydantic")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return b""
    try:
        return (Path(next(iter(folders))) / "version.py").read_bytes()
    except OSError:
        return b""


def _verified(signed: bytes, key: bytes) -> bytes | None:
    """The payload of a signed entry, or None if it is not one or its signature fails."""
    if not signed.startswith(MAGIC):
        return None
    body = signed[len(MAGIC) :]
    signature, payload = body[:_DIGEST_SIZE], body[_DIGEST_SIZE:]
    expected = hmac.new(key, payload, hashlib.sha256).digest()
    return payload if hmac.compare_digest(signature, expected) else None


def _key(folder: Path, *, create: bool) -> bytes | None:
    """The folder's signing key, made on first use; None where the folder or key is
    not the user's alone (then nothing is read from or written to the folder)."""
    if not _private(folder):
        return None
    path = folder / _KEY_FILE
    if create and not path.exists():
        # Where another run makes it first, theirs is used.
        with contextlib.suppress(FileExistsError):
            _write_private(path, os.urandom(32), exclusive=True)
    if not path.exists() or not _private(path):
        return None
    key = path.read_bytes()
    return key if len(key) == 32 else None


def _private(path: Path) -> bool:
    """Whether `path` belongs to this user and no one else may write it (or, for the
    key, read it)."""
    if not hasattr(os, "getuid"):
        return True  # no POSIX owners (Windows): the user's profile folder is private
    info = path.stat()
    closed = stat.S_IWGRP | stat.S_IWOTH
    if path.name == _KEY_FILE:
        closed |= stat.S_IRGRP | stat.S_IROTH
    return info.st_uid == os.getuid() and not info.st_mode & closed


def _make_private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def _write_private(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write `data` to `path` readable by the user only: whole or not at all."""
    if exclusive:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        return
    partial = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _prune(folder: Path) -> None:
    """Remove the least recently used entries beyond `MAX_ENTRIES`."""
    entries = sorted(
        folder.glob("*" + _SUFFIX), key=lambda path: path.stat().st_mtime, reverse=True
    )
    for stale in entries[MAX_ENTRIES:]:
        stale.unlink(missing_ok=True)


@dataclass(frozen=True)
class _Values:
    """A large file's plain values, as kept in its entry."""

    values: Any


class _RecordUnpickler(pickle.Unpickler):
    """Unpickles kuvadigi's records and Decimals, and refuses every other class."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("decimal", "Decimal"):
            from decimal import Decimal

            return Decimal
        if module == "kuvadigi.records":
            import dataclasses

            from kuvadigi import records

            found = getattr(records, name, None)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
