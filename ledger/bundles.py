"""Audit bundles: every entry about one object, each with its inclusion proof against one signed checkpoint.

The ledger imports no app, so each app registers which entries are "about" its objects (a claim: its
own, its attributions' and its marks'). A bundle is checked offline by `ledger/verify.py BUNDLE --public-key`.
"""
from collections.abc import Callable

from django.db.models import QuerySet

from config.errors import DomainError, NotFound
from ledger import merkle
from ledger.exporting import records
from ledger.models import LedgerCheckpoint
from ledger.verify import BUNDLE_FORMAT

NO_CHECKPOINT = "No C2SP checkpoint has been signed yet, so there is nothing to prove entries against."
UNKNOWN_SUBJECT = "Audit bundles are made for: {choices}."

_subjects: dict[str, Callable[[str], QuerySet]] = {}


def register_subject(object_type: str, entries_for: Callable[[str], QuerySet]) -> None:
    """Tell the ledger how to find the entries about an object of this type (raising NotFound for none)."""
    _subjects[object_type] = entries_for


def latest_checkpoint() -> LedgerCheckpoint | None:
    """The newest checkpoint in the C2SP format (legacy ones have no tree root to prove against)."""
    return LedgerCheckpoint.objects.exclude(note="").order_by("-size").first()


def cosigned_note(checkpoint: LedgerCheckpoint) -> str:
    """The checkpoint's note with every stored witness cosignature as a further signature line."""
    lines = [cosignature.line + "\n" for cosignature in checkpoint.cosignatures.order_by("witness")]
    return checkpoint.note + "".join(lines)


def bundle_of(entries: QuerySet, *, subject: dict) -> dict:
    """Bundle these entries with their inclusion proofs against the newest signed checkpoint."""
    checkpoint = latest_checkpoint()
    if checkpoint is None:
        raise DomainError(NO_CHECKPOINT, code="no_checkpoint", status=409)
    items = list(records(entries.filter(seq__lte=checkpoint.size)))
    proofs = merkle.inclusion_proofs([item["seq"] for item in items], checkpoint.size)
    return {"format": BUNDLE_FORMAT, "subject": subject, "tree_size": checkpoint.size,
            "checkpoint": cosigned_note(checkpoint),
            "entries": [{"entry": item, "proof": proof} for item, proof in zip(items, proofs, strict=True)]}


def bundle_for(object_type: str, object_id) -> dict:
    """The audit bundle of one registered object."""
    if object_type not in _subjects:
        raise NotFound(UNKNOWN_SUBJECT.format(choices=", ".join(sorted(_subjects)) or "nothing yet"))
    entries = _subjects[object_type](str(object_id))
    return bundle_of(entries, subject={"object_type": object_type, "object_id": str(object_id)})
