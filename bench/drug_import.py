"""Drug label import benchmark: 100,000 openFDA label records, streamed into a fresh database.

    .venv/bin/python bench/drug_import.py [--records 100000] [--database URL] [--keep DIR]

Writes a deterministic openFDA ``drug/label`` bulk file (the meta block, then
``results``) shaped like tests/fixtures/drugs/openfda-drug-label.json: every
record a copy of the fixture's records with its own set id, effective date
and text, the generic names drawn from 7,200 invented medicines plus the
catalogue's metformin, loratadine and ibuprofen (so records both create drugs
and join existing ones, and most medicines have many labels, as in the real
data). The file is written record by record, never built in memory.

Then, in a fresh instance (SQLite in the temp folder unless --database is
given): ``db upgrade``, ``drugs load-catalogue`` and, timed, ``drugs
import-label FILE`` twice (the second run finds every record unchanged). Peak
memory is the importing process's maximum resident set size
(``resource.getrusage(RUSAGE_CHILDREN)``, kilobytes on Linux). Not a test:
figures go in bench/README.md with the machine they came from.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "drugs" / "openfda-drug-label.json"
INVENTED = 8_000
JOINING = ("METFORMIN HYDROCHLORIDE", "LORATADINE", "IBUPROFEN")


def _record(template: dict, i: int) -> dict:
    record = json.loads(json.dumps(template))
    record["set_id"] = f"{i:08x}-be4c-4d00-8000-{i * 7919 % 10 ** 12:012d}"
    record["id"] = f"{i:08x}-0000-4000-8000-{i:012d}"
    record["effective_time"] = f"{2010 + i % 16}{1 + i % 12:02d}{1 + i % 28:02d}"
    generic = JOINING[i % 3] if i % 10 == 0 else f"BENCHAMAB {i % INVENTED:04d}"
    openfda = record.setdefault("openfda", {})
    openfda["generic_name"] = [generic]
    openfda["brand_name"] = [f"Benchbrand {i % (INVENTED * 2)}"]
    openfda["spl_set_id"] = [record["set_id"]]
    for field in ("indications_and_usage", "adverse_reactions", "dosage_and_administration"):
        if field in record:
            record[field] = [f"{record[field][0]} (label {i})"]
    return record


def write_labels(path: Path, records: int) -> None:
    """The bulk file, one record at a time."""
    fixture = json.loads(FIXTURE.read_text())
    templates = [r for r in fixture["results"] if r.get("openfda", {}).get("generic_name")]
    meta = dict(fixture["meta"], results={"skip": 0, "limit": records, "total": records})
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"meta": ' + json.dumps(meta) + ', "results": [\n')
        for i in range(records):
            fh.write((",\n" if i else "") + json.dumps(_record(templates[i % len(templates)], i)))
        fh.write("\n]}\n")


def flask(env: dict, *args) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "forum", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    return time.perf_counter() - started, (done.stdout.strip().splitlines() or [""])[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--database", help="SQLAlchemy URL of an empty database (default: SQLite in the temp dir)")
    parser.add_argument("--keep", type=Path, help="write the file and database here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="askwell-drug-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    labels = folder / "drug-label-bench.json"
    started = time.perf_counter()
    write_labels(labels, args.records)
    print(f"wrote {args.records:,} records ({labels.stat().st_size / 1e6:.0f} MB) in "
          f"{time.perf_counter() - started:.1f}s: {labels}")
    env = dict(os.environ, ASKWELL_INSTANCE_PATH=str(folder / "instance"),
               DATABASE_URL=args.database or f"sqlite:///{folder / 'instance' / 'bench.db'}")
    flask(env, "db", "upgrade")
    flask(env, "drugs", "load-catalogue")
    first, summary = flask(env, "drugs", "import-label", str(labels))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"import:  {first:.1f}s ({args.records / first:,.0f} records/s), peak RSS {peak_mb:.0f} MB\n  {summary}")
    again, summary = flask(env, "drugs", "import-label", str(labels))
    print(f"re-run:  {again:.1f}s (every record unchanged)\n  {summary}")


if __name__ == "__main__":
    main()
