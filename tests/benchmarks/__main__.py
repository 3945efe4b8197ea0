"""``make bench``: build the large database once, run every benchmark, print one table."""

from __future__ import annotations

import importlib
import pkgutil
import sys

from tests import benchmarks
from tests.benchmarks.harness import BENCHMARKS, Row, large_database, print_table


def main(argv: list[str]) -> int:
    for module in pkgutil.iter_modules(benchmarks.__path__):
        if module.name.startswith("bench_"):
            importlib.import_module(f"tests.benchmarks.{module.name}")
    only = set(argv)
    db, _built = large_database()
    rows: list[Row] = []
    failed = 0
    for bench in BENCHMARKS:
        if only and bench.__name__ not in only:
            continue
        name = f"{bench.__module__.rsplit('.', 1)[-1]}.{bench.__name__}"
        print(f"running {name} …", flush=True)
        try:
            new = bench(db)
        except Exception as exc:
            failed += 1
            print(f"  {name} FAILED: {type(exc).__name__}: {exc}", flush=True)
            continue
        print_table(new)  # as it goes, so a later failure loses nothing
        rows.extend(new)
    print("\nall results:")
    print_table(rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
