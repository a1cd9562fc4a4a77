"""Benchmark the ledger: build N entries, verify them in Django and with verify.py, export them.

    .venv/bin/python bench/ledger.py [--entries 10000,1000000]

Each size gets a throwaway SQLite database in a temporary directory. Entries are inserted directly
with raw INSERTs (hashes computed as the application computes them), because this measures the
checking and the export, not the write path. Export and verify.py run in child processes so their
peak memory (ru_maxrss) is their own: it should not grow with the number of entries.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BATCH = 10_000
TEXT = ("Rebels said government aircraft struck a market in the town on Tuesday, killing at least twelve "
        "people; the defence ministry denied it.")


def _configure(db_path: Path) -> None:
    """Point Django at the throwaway database before it is set up."""
    # Run as a script, bench/ is first on sys.path, and this file would shadow the ledger app.
    sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.pop("LEDGER_SIGNING_KEY_FILE", None)
    import django

    django.setup()


def _rows(count: int):
    """Yield INSERT parameter tuples with a correct chain, computed like ledger_append does."""
    from claims.models import Status
    from ledger.actions import Action
    from ledger.canonical import GENESIS_HASH, entry_hash
    from ledger.models import format_time

    prev, start = GENESIS_HASH, datetime(2025, 1, 1, tzinfo=UTC)
    for seq in range(1, count + 1):
        moment = start + timedelta(milliseconds=seq)
        payload = {"after": {"document_id": seq // 20 + 1, "text": TEXT, "status": Status.UNVERIFIED,
                             "position": seq % 20}}
        fields = {"seq": seq, "time": format_time(moment), "actor": "command:bench", "action": Action.CLAIM_CREATED,
                  "object_type": "claim", "object_id": str(seq), "payload": payload, "reason": "", "prev_hash": prev}
        digest = entry_hash(fields)
        yield fields, moment, digest
        prev = digest


def build(count: int, progress) -> float:
    """Insert `count` chained entries and move the head; return the seconds it took."""
    from django.db import connection, transaction

    started = time.perf_counter()
    sql = ("INSERT INTO ledger_entry (seq, recorded_at, actor, action, object_type, object_id, payload, reason, "
           "prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)")
    batch, last = [], None
    with transaction.atomic(), connection.cursor() as cursor:
        for fields, moment, digest in _rows(count):
            batch.append((fields["seq"], moment.strftime("%Y-%m-%d %H:%M:%S.%f"), fields["actor"], fields["action"],
                          fields["object_type"], fields["object_id"], json.dumps(fields["payload"]), "",
                          fields["prev_hash"], digest))
            last = (fields["seq"], digest)
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                progress.update(len(batch))
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            progress.update(len(batch))
        cursor.execute("UPDATE ledger_head SET seq = %s, hash = %s WHERE id = 1", list(last))
    return time.perf_counter() - started


PEAK_PROBE = """
import runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    # VmHWM is this process's own peak RSS; ru_maxrss would include the parent's size before exec.
    peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM")][0].split()[1]
    sys.stderr.write(f"peak-kib {peak}\\n")
"""


def _child(args: list[str]) -> tuple[float, int]:
    """Run a Python script in a child process; return its wall time and its own peak RSS in MiB."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK_PROBE, *args], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed with {done.returncode}: {done.stderr[-2000:]}")
    peak_kib = int(done.stderr.rsplit("peak-kib ", 1)[1].split()[0])
    return time.perf_counter() - started, peak_kib // 1024


def measure(count: int, workdir: Path) -> dict:
    """Build, verify in Django, export in a child process, verify the export with verify.py."""
    from tqdm import tqdm

    from ledger.verification import verify_chain

    with tqdm(total=count, desc=f"build {count:,}", unit="entry", file=sys.stderr,
              disable=not sys.stderr.isatty()) as progress:
        build_s = build(count, progress)
    started = time.perf_counter()
    result = verify_chain()
    django_s = time.perf_counter() - started
    assert result["ok"] and result["entries"] == count, result
    export = workdir / "ledger.jsonl"
    manage = str(ROOT / "manage.py")
    export_s, export_mib = _child([manage, "export_ledger", "--output", str(export)])
    script_s, script_mib = _child([str(ROOT / "ledger" / "verify.py"), str(export), "--json"])
    return {"entries": count, "build_s": build_s, "django_rate": count / django_s, "script_rate": count / script_s,
            "export_s": export_s, "export_mib": export_mib, "script_mib": script_mib,
            "export_mb": export.stat().st_size / 1e6}


def _child_main(count: int, tmp: str) -> None:
    """One size, in a fresh interpreter: Django is set up once per process, against its own database."""
    _configure(Path(tmp) / "bench.sqlite3")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(json.dumps(measure(count, Path(tmp))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", default="10000,1000000", help="comma-separated sizes")
    parser.add_argument("--child", nargs=2, metavar=("COUNT", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child_main(int(args.child[0]), args.child[1])
        return
    rows = []
    for count in [int(size) for size in args.entries.split(",")]:
        with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
            done = subprocess.run([sys.executable, __file__, "--child", str(count), tmp], stdout=subprocess.PIPE,
                                  text=True, check=True)
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{'entries':>10} {'build s':>8} {'verify (Django) /s':>19} {'verify.py /s':>13} "
          f"{'export s':>9} {'export MB':>10} {'export peak MiB':>16} {'verify.py peak MiB':>19}")
    for r in rows:
        print(f"{r['entries']:>10,} {r['build_s']:>8.1f} {r['django_rate']:>19,.0f} {r['script_rate']:>13,.0f} "
              f"{r['export_s']:>9.1f} {r['export_mb']:>10.1f} {r['export_mib']:>16} {r['script_mib']:>19}")


if __name__ == "__main__":
    main()
