import json

from django.core.management.base import BaseCommand

from ledger.verification import verify_ledger


class Command(BaseCommand):
    help = (
        "Recompute the ledger's hash chain from the database and check it against the head row and every signed "
        "checkpoint; exit 1 naming the first broken seq and what is wrong (edited, missing, reordered, truncated, "
        "forged, rewritten). With --reconcile, also replay the entries per object and compare them with the live "
        "rows, to find rows changed in SQL behind the application's back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
        parser.add_argument("--reconcile", action="store_true", help="compare live rows with the ledger's replay")

    def handle(self, *args, **options):
        result = verify_ledger(reconcile=options["reconcile"])
        self.stdout.write(json.dumps(result) if options["json"] else self._readable(result))
        if not result["ok"]:
            raise SystemExit(1)

    def _readable(self, result: dict) -> str:
        """One line for the chain, one per reconcile finding."""
        if "failure" in result:
            failure = result["failure"]
            lines = [f"FAILED ({failure['kind']}) at seq {failure['seq']}: {failure['message']}"]
        else:
            signed = "signatures checked" if result["signatures_checked"] else "signatures NOT checked (no key)"
            lines = [f"ok: {result['entries']} entries, head {result['head']}, "
                     f"{result['checkpoints']} checkpoints, {signed}"]
        for finding in result.get("reconcile", {}).get("findings", []):
            lines.append(f"RECONCILE ({finding['kind']}) {finding['object_type']}:{finding['object_id']}: "
                         f"{finding['message']}")
        return "\n".join(lines)
