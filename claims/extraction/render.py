"""Render extracted claims for people: an aligned table, one claim a row."""

from __future__ import annotations

from .model import ExtractedClaim


def to_table(claims: list[ExtractedClaim]) -> str:
    """Aligned human-readable table: number, voice, sources and the sentence."""
    rows = []
    for number, claim in enumerate(claims, 1):
        who = "; ".join(f"{s.name} [{s.cue or '-'}{', deny' if s.stance == 'deny' else ''}]" for s in claim.sources)
        rows.append((str(number), claim.voice, who or "-", claim.text))
    widths = [max(len(r[i]) for r in rows) for i in range(2)] + [min(60, max(len(r[2]) for r in rows))]
    lines = [f"{'#':>{widths[0]}}  {'voice':<{widths[1]}}  {'sources':<{widths[2]}}  text"]
    for number, voice, who, text in rows:
        lines.append(f"{number:>{widths[0]}}  {voice:<{widths[1]}}  {who:<{widths[2]}}  {text}")
    return "\n".join(lines)
