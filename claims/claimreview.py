"""A claim as schema.org ClaimReview JSON-LD, the form fact-checks are published in.

Our four statuses on ClaimReview's numeric scale (bestRating 5, worstRating 1). Google shows only the words
(alternateName); the numbers must keep one documented meaning. An unverified claim has not been rated, so it
carries no ratingValue: a number would place it on the true/false scale, which it is not.

    status        ratingValue  alternateName   FEVER            ClaimsKG  Meedan Check
    corroborated  5            Corroborated    SUPPORTS         TRUE      verified
    disputed      3            Disputed        NOT ENOUGH INFO  MIXTURE   inconclusive
    denied        1            Denied          REFUTES          FALSE     false
    unverified    (none)       Unverified      NOT ENOUGH INFO  OTHER     unstarted / in progress

(Climate-FEVER's DISPUTED is the closest label for "disputed".) "Denied" means the sources we count deny it,
not that it was proven false; keep that in mind when mapping to FALSE/REFUTES.
"""
from datetime import datetime

from django.conf import settings

from claims.models import Claim, Status
from claims.verdict import Verdict

BEST_RATING, WORST_RATING = 5, 1
RATINGS = {
    Status.CORROBORATED: {"ratingValue": 5, "alternateName": "Corroborated", "fever": "SUPPORTS", "claimskg": "TRUE",
                     "meedan": "verified"},
    Status.DISPUTED: {"ratingValue": 3, "alternateName": "Disputed", "fever": "NOT ENOUGH INFO", "claimskg": "MIXTURE",
                 "meedan": "inconclusive"},
    Status.DENIED: {"ratingValue": 1, "alternateName": "Denied", "fever": "REFUTES", "claimskg": "FALSE",
               "meedan": "false"},
    Status.UNVERIFIED: {"ratingValue": None, "alternateName": "Unverified", "fever": "NOT ENOUGH INFO",
                   "claimskg": "OTHER", "meedan": "unstarted"},
}


def _date(moment: datetime | None) -> str | None:
    return moment.date().isoformat() if moment else None


def _rating(status: str, reason: str) -> dict:
    rating = RATINGS[status]
    out = {"@type": "Rating", "alternateName": rating["alternateName"], "bestRating": BEST_RATING,
           "worstRating": WORST_RATING, "ratingExplanation": reason}
    if rating["ratingValue"] is not None:
        out["ratingValue"] = rating["ratingValue"]
    return out


def _claimants(claim: Claim) -> list[dict]:
    """Who made the claim: its attributed sources, or the outlet when it speaks in its own voice."""
    return [{"@type": "Person" if a.source.is_person else "Organization", "name": a.source.name}
            for a in claim.attributions.all()]


def claim_review(claim: Claim, verdict: Verdict, *, reviewed_at: datetime | None) -> dict:
    """Return the ClaimReview of a claim whose document, outlet and attributions are loaded."""
    document, public = claim.document, settings.CLAIMLEDGER_PUBLIC_URL.rstrip("/")
    appearance = _present({"@type": "CreativeWork", "url": document.url, "headline": document.title,
                           "datePublished": _date(document.published_at),
                           "publisher": {"@type": "Organization", "name": document.outlet.name}})
    item = _present({"@type": "Claim", "author": _claimants(claim), "appearance": appearance,
                     "datePublished": _date(document.published_at)})
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{public}/claims/{claim.pk}/",
        "claimReviewed": claim.text,
        "datePublished": _date(reviewed_at or claim.updated_at),
        "author": {"@type": "Organization", "name": settings.CLAIMLEDGER_ORGANISATION, "url": public},
        "reviewRating": _rating(verdict.status, verdict.reason),
        "itemReviewed": item,
    }


def _present(fields: dict) -> dict:
    """Leave out what we do not know (no URL, no publication date) rather than publish empty values."""
    return {key: value for key, value in fields.items() if value not in (None, "")}
