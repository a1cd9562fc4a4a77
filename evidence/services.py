"""Writes to evidence: a reviewer adds a file or a URL, and says whether it may be shown to the public.

Every function runs in one transaction (@recorded) and appends its ledger entry in it.
"""
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from config.errors import DomainError
from evidence import media
from evidence.models import EvidenceItem, evidence_path
from ledger.actions import Action
from ledger.guard import recorded
from ledger.reconcile import snapshot
from ledger.services import ledger_append

NOTHING_GIVEN = "Give a file, a URL, or both."
BAD_URL = "The evidence URL must be an http or https address."
TOO_LARGE = "The file is {size} bytes; evidence files may be at most {limit} bytes (CLAIMLEDGER_EVIDENCE_MAX_BYTES)."
EMPTY_FILE = "The file is empty."
NOT_ALLOWED = ("The file's content is {media_type}, which is not accepted as evidence (whatever its name says). "
               "Accepted: images, video, PDF, text, HTML pages and web archives (WARC, WACZ).")
UNRECOGNISED = ("The file's content was not recognised as an image, video, PDF, text, HTML page or web archive, "
                "so it is not accepted as evidence.")


@dataclass(frozen=True)
class EvidenceAdded:
    item: EvidenceItem
    created: bool  # False when the same bytes were already stored: the existing item is returned


def _file_sha256(upload) -> str:
    """Hash the upload in chunks, so a large capture is never read into memory whole."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _checked_media_type(upload) -> str:
    """Refuse what is too large, empty, unrecognised or outside the allow-list; return the sniffed type."""
    limit = settings.CLAIMLEDGER_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        message = TOO_LARGE.format(size=upload.size, limit=limit)
        raise DomainError(message, code="too_large", fields={"file": [message]}, status=413)
    if upload.size == 0:
        raise DomainError(EMPTY_FILE, fields={"file": [EMPTY_FILE]})
    sniffed = media.sniff(upload)
    if sniffed.media_type is None:
        raise DomainError(UNRECOGNISED, code="unsupported_media_type", fields={"file": [UNRECOGNISED]}, status=415)
    if sniffed.media_type not in media.ALLOWED:
        message = NOT_ALLOWED.format(media_type=sniffed.media_type)
        raise DomainError(message, code="unsupported_media_type", fields={"file": [message]}, status=415)
    return sniffed.media_type


def _checked_url(url: str) -> str:
    url = (url or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise DomainError(BAD_URL, fields={"url": [BAD_URL]}) from None
    return url


def _store_file(item: EvidenceItem, upload) -> None:
    """Put the bytes in storage under their hash; bytes already there (a rolled-back upload) are reused."""
    name = evidence_path(item, upload.name)
    storage = item.file.storage
    if storage.exists(name):
        item.file.name = name
    else:
        item.file.save(name, upload, save=False)


@recorded
def evidence_add(*, added_by, actor: str, upload=None, url: str = "", public: bool = False) -> EvidenceAdded:
    """Keep a file (and/or the URL it came from) as evidence, stored once by its SHA-256."""
    url = _checked_url(url)
    if upload is None and not url:
        raise DomainError(NOTHING_GIVEN, fields={"file": [NOTHING_GIVEN]})
    if upload is None:
        item = EvidenceItem(url=url, public=public, added_by=added_by)
    else:
        media_type = _checked_media_type(upload)
        sha256 = _file_sha256(upload)
        existing = EvidenceItem.objects.filter(sha256=sha256).first()
        if existing is not None:
            return EvidenceAdded(existing, created=False)
        item = EvidenceItem(url=url, public=public, added_by=added_by, sha256=sha256, size=upload.size,
                            media_type=media_type, original_name=(upload.name or "")[:255])
        _store_file(item, upload)
    item.save()
    ledger_append(actor=actor, action=Action.EVIDENCEITEM_CREATED, object_type="evidenceitem", object_id=item.pk,
                  payload={"after": snapshot(item)})
    return EvidenceAdded(item, created=True)


@recorded
def evidence_set_public(*, item: EvidenceItem, public: bool, actor: str, reason: str = "") -> EvidenceItem:
    """Show an item on public pages, or keep it private (a source's identity, a graphic image)."""
    item = EvidenceItem.objects.select_for_update().get(pk=item.pk)
    if item.public != public:
        item.public = public
        item.save(update_fields=["public"])
        ledger_append(actor=actor, action=Action.EVIDENCEITEM_CHANGED, object_type="evidenceitem",
                      object_id=item.pk, payload={"before": {"public": not public}, "after": {"public": public}},
                      reason=reason)
    return item
