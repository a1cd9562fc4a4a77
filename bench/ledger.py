"""Benchmark the ledger: build N entries, back-fill the Merkle tree, verify, export, prove, and append.

    .venv/bin/python bench/ledger.py [--entries 10000,1000000] [--proofs 200]

Each size gets a throwaway SQLite database in a temporary directory. Entries are inserted directly
with raw INSERTs (hashes computed as the application computes them); the Merkle tree over them is then
back-filled as `manage.py ledger_tree --backfill` does (timed). Export and verify.py run in child
processes so their peak memory is their own: it should not grow with the number of entries. Proofs:
the mean time to produce (Django, reading ledger_node) and to verify (verify.py's functions) an
inclusion proof of a random entry and a consistency proof from a random size, against the full tree.
Appends: the mean cost of one signed ledger_append, and of the Merkle-tree part of it alone.
"""
import argparse
import json
import os
import random
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


def backfill(count: int) -> float:
    """Build the Merkle tree over the raw entries, as `manage.py ledger_tree --backfill` does; return seconds."""
    from django.db import transaction
    from tqdm import tqdm

    from ledger import merkle
    from ledger.models import LedgerEntry

    started = time.perf_counter()
    with transaction.atomic(), tqdm(total=count, desc=f"tree {count:,}", unit="entry", file=sys.stderr,
                                    disable=not sys.stderr.isatty()) as progress:
        hashes = LedgerEntry.objects.order_by("seq").values_list("hash", flat=True).iterator(chunk_size=10_000)
        merkle.backfill(hashes, start=0, progress=progress)
    return time.perf_counter() - started


def _mean_ms(calls) -> float:
    started = time.perf_counter()
    count = 0
    for call in calls:
        call()
        count += 1
    return (time.perf_counter() - started) * 1000 / count


def proofs(count: int, samples: int) -> dict:
    """Mean milliseconds to produce and to verify an inclusion and a consistency proof in the tree of `count`."""
    from ledger import merkle
    from ledger.verify import check_consistency, check_inclusion

    rng = random.Random(count)
    seqs = [rng.randint(1, count) for _ in range(samples)]
    firsts = [rng.randint(1, count - 1) for _ in range(samples)]
    made_inclusion, made_consistency = [], []
    inclusion_ms = _mean_ms(lambda seq=seq: made_inclusion.append(merkle.inclusion_proof(seq, count)) for seq in seqs)
    consistency_ms = _mean_ms(lambda m=m: made_consistency.append(merkle.consistency_proof(m, count))
                              for m in firsts)

    def check_one_inclusion(p):
        check_inclusion(p["leaf_index"], p["tree_size"], bytes.fromhex(p["leaf_hash"]),
                        [bytes.fromhex(h) for h in p["audit_path"]], bytes.fromhex(p["root_hash"]))

    def check_one_consistency(p):
        check_consistency(p["first"], p["second"], bytes.fromhex(p["first_root"]), bytes.fromhex(p["second_root"]),
                          [bytes.fromhex(h) for h in p["proof"]])

    return {"inclusion_ms": inclusion_ms, "consistency_ms": consistency_ms,
            "inclusion_check_ms": _mean_ms(lambda p=p: check_one_inclusion(p) for p in made_inclusion),
            "consistency_check_ms": _mean_ms(lambda p=p: check_one_consistency(p) for p in made_consistency),
            "path_len": len(made_inclusion[0]["audit_path"])}


def appends(workdir: Path, samples: int) -> dict:
    """Mean milliseconds of one signed ledger_append (own transaction), and of its Merkle-tree part alone."""
    from django.conf import settings
    from django.db import transaction

    from ledger import merkle
    from ledger.keys import write_private_key
    from ledger.services import ledger_append, sign_head

    write_private_key(workdir / "bench-key.pem")
    settings.LEDGER_SIGNING_KEY_FILE = str(workdir / "bench-key.pem")
    sign_head(actor="command:bench")  # the raw entries were never signed: vouch for them once

    def append_one(n):
        with transaction.atomic():
            ledger_append(actor="command:bench", action="claim.changed", object_type="claim", object_id=str(n),
                          payload={"after": {"status": "unverified", "n": n}})

    append_ms = _mean_ms(lambda n=n: append_one(n) for n in range(samples))
    original, spent = merkle.tree_append, []

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    merkle.tree_append = timed
    try:
        _mean_ms(lambda n=n: append_one(n) for n in range(samples))
    finally:
        merkle.tree_append = original
    return {"append_ms": append_ms, "tree_ms": sum(spent) * 1000 / len(spent)}


def measure(count: int, workdir: Path, samples: int) -> dict:
    """Build, back-fill the tree, verify in Django, export, verify the export, prove, append."""
    from tqdm import tqdm

    from ledger.verification import verify_chain

    with tqdm(total=count, desc=f"build {count:,}", unit="entry", file=sys.stderr,
              disable=not sys.stderr.isatty()) as progress:
        build_s = build(count, progress)
    backfill_s = backfill(count)
    proved = proofs(count, samples)
    started = time.perf_counter()
    result = verify_chain()
    django_s = time.perf_counter() - started
    assert result["ok"] and result["entries"] == count, result
    export = workdir / "ledger.jsonl"
    manage = str(ROOT / "manage.py")
    export_s, export_mib = _child([manage, "export_ledger", "--output", str(export)])
    script_s, script_mib = _child([str(ROOT / "ledger" / "verify.py"), str(export), "--json"])
    return {"entries": count, "build_s": build_s, "backfill_s": backfill_s, "django_rate": count / django_s,
            "script_rate": count / script_s, "export_s": export_s, "export_mib": export_mib, "script_mib": script_mib,
            "export_mb": export.stat().st_size / 1e6, **proved, **appends(workdir, samples)}


def _child_main(count: int, tmp: str, samples: int) -> None:
    """One size, in a fresh interpreter: Django is set up once per process, against its own database."""
    _configure(Path(tmp) / "bench.sqlite3")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(json.dumps(measure(count, Path(tmp), samples)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", default="10000,1000000", help="comma-separated sizes")
    parser.add_argument("--proofs", type=int, default=200, help="proofs and appends timed per size")
    parser.add_argument("--child", nargs=2, metavar=("COUNT", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child_main(int(args.child[0]), args.child[1], args.proofs)
        return
    rows = []
    for count in [int(size) for size in args.entries.split(",")]:
        with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
            done = subprocess.run([sys.executable, __file__, "--child", str(count), tmp, "--proofs", str(args.proofs)],
                                  stdout=subprocess.PIPE, text=True, check=True)
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{'entries':>10} {'build s':>8} {'verify (Django) /s':>19} {'verify.py /s':>13} "
          f"{'export s':>9} {'export MB':>10} {'export peak MiB':>16} {'verify.py peak MiB':>19}")
    for r in rows:
        print(f"{r['entries']:>10,} {r['build_s']:>8.1f} {r['django_rate']:>19,.0f} {r['script_rate']:>13,.0f} "
              f"{r['export_s']:>9.1f} {r['export_mb']:>10.1f} {r['export_mib']:>16} {r['script_mib']:>19}")
    print(f"\n{'entries':>10} {'tree back-fill s':>17} {'path':>5} {'inclusion ms':>13} {'check ms':>9} "
          f"{'consistency ms':>15} {'check ms':>9} {'append ms':>10} {'tree part ms':>13}")
    for r in rows:
        print(f"{r['entries']:>10,} {r['backfill_s']:>17.1f} {r['path_len']:>5} {r['inclusion_ms']:>13.2f} "
              f"{r['inclusion_check_ms']:>9.3f} {r['consistency_ms']:>15.2f} {r['consistency_check_ms']:>9.3f} "
              f"{r['append_ms']:>10.2f} {r['tree_ms']:>13.2f}")


if __name__ == "__main__":
    main()
