"""SIGKILL during a 100,000-row import: afterwards the database holds all of it or none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sms_desktop.services.workspace import initialize_empty, open_workspace
from tests.persistence.dbutil import count, integrity
from tests.reliability.test_kill import cli, finish, kill_when

ROWS = 100_000


@pytest.fixture
def shop(db_path: Path) -> Path:
    workspace = open_workspace(db_path)
    initialize_empty(workspace.db, company_name="明达贸易", owner_name="王明")
    workspace.close(backup=False)
    return db_path


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("客户名称,客户编号,电话,城市,联系人,手机\n")
        for i in range(ROWS):
            out.write(f"客户{i:06}贸易有限公司,C{i:06},0755-{i:08},深圳,联系人{i},13{i:09}\n")
    return path


def test_a_killed_import_leaves_nothing_and_a_finished_one_everything(
    shop: Path, big_csv: Path
) -> None:
    wal = shop.with_name(shop.name + "-wal")

    def wal_over(size: int) -> Callable[[], bool]:
        return lambda: wal.exists() and wal.stat().st_size > size

    for moment in (wal_over(64_000), wal_over(4_000_000), wal_over(24_000_000)):
        proc = cli("import", "customers", str(big_csv), "--db", str(shop))
        assert kill_when(proc, moment, timeout=300), "the import ended before it was killed"
        assert count(shop, "customers") == 0
        assert count(shop, "import_batches") == 0
        assert integrity(shop) == ["ok"]
    code, out, err = finish(cli("import", "customers", str(big_csv), "--db", str(shop)), 600)
    assert (code, err) == (0, ""), err
    assert f"created {ROWS}," in out
    assert count(shop, "customers") == ROWS
    assert count(shop, "contacts") == ROWS
    assert integrity(shop) == ["ok"]
