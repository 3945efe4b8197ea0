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
    for bench in BENCHMARKS:
        if only and bench.__name__ not in only:
            continue
        print(f"running {bench.__module__.rsplit('.', 1)[-1]}.{bench.__name__} …", flush=True)
        rows.extend(bench(db))
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
