"""`extract_claims` previews a report's claims, as JSON for the scorer or as a table, and stores nothing."""
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Claim


def test_json_has_the_scorers_shape(capsys, seed_text):
    call_command("extract_claims", "fixtures/idlib-strikes-reuters.txt", "--format", "json")
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert len(claims) == 19
    first = claims[0]
    assert seed_text[first["start"]:first["end"]] == first["text"]
    assert first["voice"] == "attributed"
    assert {"name": "rebels", "cue": "said", "stance": "assert"}.items() <= first["sources"][0].items()


def test_reporter_voice_claim_has_no_sources(capsys):
    call_command("extract_claims", "fixtures/idlib-strikes-reuters.txt", "--format", "json")
    second = json.loads(capsys.readouterr().out)["claims"][1]
    assert second["voice"] == "reporter" and second["sources"] == []


def test_table_names_the_denial(capsys):
    call_command("extract_claims", "fixtures/idlib-strikes-reuters.txt")
    assert "deny" in capsys.readouterr().out


@pytest.mark.django_db
def test_preview_stores_nothing(capsys):
    call_command("extract_claims", "fixtures/idlib-strikes-reuters.txt")
    assert not Claim.objects.exists()


def test_unreadable_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    with pytest.raises(CommandError, match="binary"):
        call_command("extract_claims", str(bad))
