"""Parsed knowledge files cached on disk, so start-up does not re-parse YAML every time.

YAML is the human-edited source of truth; parsing ~1 MB of it costs about a second even with
libyaml. The parsed structure is pickled under the user's cache folder, keyed by a hash of the
file's bytes, so an edited file is re-read automatically. The cache is ours and only read back
by us; when the folder is not writable, files are parsed every time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_VERSION = b"marsad-knowledge-cache-1"
T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("MARSAD_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "marsad"


def cached_pickle(name: str, key: str, build: Callable[[], T], accept: Callable[[Any], bool] = lambda v: True,
                  *, prune: bool = False) -> T:
    """``build()``'s value, pickled as ``<cache>/<name>-<key>.pickle`` and read back while ``key`` holds.

    ``accept`` rejects a stale or foreign value read from disk (it is then rebuilt); with ``prune``,
    other ``<name>-*.pickle`` files (older keys) are deleted after a write.
    """
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            value = pickle.load(fh)  # noqa: S301 - our own cache file, written below
        if accept(value):
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        if prune:
            for old in path.parent.glob(f"{name}-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)
    except OSError:
        pass
    return value


def load_yaml(path: Any) -> Any:
    """``yaml.safe_load`` of a file (a Path or an importlib Traversable), through the cache."""
    data = path.read_bytes()
    key = hashlib.sha256(_VERSION + data).hexdigest()[:32]
    return cached_pickle(Path(str(path)).stem, key,
                         lambda: yaml.load(data.decode("utf-8"), Loader=_Loader))  # noqa: S506 - safe loader
