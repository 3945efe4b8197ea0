"""Writing output files atomically: a failure or a kill never leaves a half-written file."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A fresh temporary path beside ``path`` that replaces it only if the block succeeds."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            temporary.unlink()
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    with atomic_output(path) as temporary, temporary.open("xb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
