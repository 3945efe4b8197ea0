"""Writing output files atomically: a failure or a kill never leaves a half-written file."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

Progress = Callable[[int, int], None]  # (done, total); raising stops the work (Cancel)


@contextmanager
def atomic_output(path: Path, *, progress: Progress | None = None) -> Iterator[Path]:
    """A fresh temporary path beside ``path`` that replaces it only if the block succeeds.

    ``progress`` is told the file is complete (1 of 1) just before it replaces ``path``: a
    Cancel pressed meanwhile raises there, and nothing is left behind."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield temporary
        if progress is not None:
            progress(1, 1)
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            temporary.unlink()
        raise


def write_atomically(path: Path, data: bytes, *, progress: Progress | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    with atomic_output(path, progress=progress) as temporary, temporary.open("xb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
