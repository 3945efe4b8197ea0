"""A throw-away PostgreSQL server for tests: ``initdb`` and ``pg_ctl`` in a temporary folder.

The server listens only on a Unix socket inside its folder (no TCP port to collide with another
run or a real server), trusts local connections, and skips fsync: it holds nothing worth
keeping. As root (CI containers) the server runs as an unprivileged user, because ``initdb``
refuses to run as root. The binaries come from PATH or the Debian layout
(``/usr/lib/postgresql/<version>/bin``); ``make test`` installs the ``postgresql`` package
when they are missing.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

BINARIES = ("initdb", "pg_ctl", "postgres")
DEBIAN_BIN_DIRS = "/usr/lib/postgresql/*/bin"
SUPERUSER = "sms_test"  # the bootstrap superuser initdb creates (trust auth, no password)
# Who runs the server when we are root: the Debian package's own user, else nobody.
UNPRIVILEGED_USERS = ("postgres", "nobody")
START_TIMEOUT_S = 60


class PostgresMissingError(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def _version(path: Path) -> tuple[int, ...]:
    """15 from /usr/lib/postgresql/15/bin (newest first when sorting)."""
    return tuple(int(n) for n in re.findall(r"\d+", path.parent.name))


def find_bin_dir() -> Path:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``: PATH first, then the
    newest ``/usr/lib/postgresql/*/bin``."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path is not None:
        # /usr/local/bin/initdb may be a symlink into the real bin folder.
        candidates += [Path(on_path).parent, Path(on_path).resolve().parent]
    candidates += sorted(Path("/").glob(DEBIAN_BIN_DIRS.lstrip("/")), key=_version, reverse=True)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in BINARIES):
            return folder
    raise PostgresMissingError(
        "the PostgreSQL tests need the server binaries (initdb, pg_ctl, postgres) on PATH or "
        f"in {DEBIAN_BIN_DIRS}; `make test` installs the Debian package `postgresql` "
        "(as root with apt-get), or install PostgreSQL yourself"
    )


def _server_user() -> pwd.struct_passwd | None:
    """The unprivileged account to run the server as, or None to run it as ourselves."""
    if os.geteuid() != 0:
        return None
    for name in UNPRIVILEGED_USERS:
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise PostgresMissingError(
        f"running as root and none of the users {', '.join(UNPRIVILEGED_USERS)} exists to run "
        "the PostgreSQL test server (initdb refuses root)"
    )


@dataclass
class PostgresServer:
    """One running server; ``url(name)`` of its databases, ``create_database`` for a new one."""

    bin_dir: Path
    root: Path
    _names: count[int] = field(default_factory=lambda: count(1))
    _running: bool = False

    @classmethod
    def start(cls) -> PostgresServer:
        bin_dir = find_bin_dir()
        user = _server_user()
        # Not below pytest's basetemp: that folder is private to root, and the server's user
        # must reach its data folder and socket.
        root = Path(tempfile.mkdtemp(prefix="sms-pg-"))
        if user is not None:
            os.chown(root, user.pw_uid, user.pw_gid)
        server = cls(bin_dir, root)
        try:
            server._run(
                "initdb",
                "--pgdata",
                str(root / "data"),
                "--username",
                SUPERUSER,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                # C collation: text sorts by code point, as SQLite's BINARY does.
                "--locale",
                "C",
                "--no-sync",
                "--no-instructions",
                user=user,
            )
            options = (
                f"-k {root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=50"
            )
            server._run(
                "pg_ctl",
                "start",
                "--pgdata",
                str(root / "data"),
                "--log",
                str(root / "server.log"),
                "--wait",
                "--timeout",
                str(START_TIMEOUT_S),
                "-o",
                options,
                user=user,
            )
            server._running = True
        except BaseException:
            server.stop()
            raise
        atexit.register(server.stop)  # also when the session ends abnormally
        return server

    def _run(self, program: str, *args: str, user: pwd.struct_passwd | None) -> None:
        result = subprocess.run(
            [str(self.bin_dir / program), *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"},
            user=None if user is None else user.pw_uid,
            group=None if user is None else user.pw_gid,
            extra_groups=None if user is None else [],
        )
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{program} failed ({result.returncode}): {result.stderr.strip()}\n{tail}"
            )

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` on this server (over its Unix socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.root}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host=str(self.root), dbname="postgres", user=SUPERUSER, autocommit=True
        ) as conn:
            conn.execute(sql.encode())

    def create_database(self, template: str | None = None) -> str:
        """A new database, empty or a copy of the database at URL ``template`` (which no
        one may be connected to); returns its URL."""
        name = f"test_{next(self._names)}"
        copy = "" if template is None else f' TEMPLATE "{self.database_name(template)}"'
        self._admin(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    @staticmethod
    def database_name(url: str) -> str:
        return url.split("?", 1)[0].rsplit("/", 1)[1]

    def drop_database(self, url: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.database_name(url)}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server (at once: nothing to keep) and remove its folder."""
        if self._running:
            self._running = False
            with contextlib.suppress(RuntimeError):
                self._run(
                    "pg_ctl",
                    "stop",
                    "--pgdata",
                    str(self.root / "data"),
                    "--mode",
                    "immediate",
                    "--wait",
                    user=_server_user(),
                )
        shutil.rmtree(self.root, ignore_errors=True)
