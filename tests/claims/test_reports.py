"""One set of rules for reading a report file, whichever way it comes in."""
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.reports import decode_report
from config.errors import DomainError


def refusal(raw: bytes) -> DomainError:
    with pytest.raises(DomainError) as caught:
        decode_report(raw, "report.txt")
    return caught.value


def test_a_utf8_report_is_decoded():
    assert decode_report("Officials said the café was shut.".encode(), "report.txt") == \
        "Officials said the café was shut."


def test_too_large_report_is_413(settings):
    settings.MAX_REPORT_BYTES = 10
    error = refusal(b"Officials said so.")
    assert (error.status, error.code) == (413, "too_large")
    assert "the limit is 10 bytes" in error.message


def test_binary_report_is_415_and_named():
    error = refusal(b"GIF89a\x00\x01")
    assert (error.status, error.code) == (415, "unsupported_file")
    assert error.message.startswith("report.txt is a binary file")


def test_report_not_in_utf8_is_415_with_the_offset():
    error = refusal("café said".encode("latin-1"))
    assert (error.status, error.code) == (415, "unsupported_file")
    assert "offset 3" in error.message


def test_blank_report_is_400():
    error = refusal(b"  \n ")
    assert (error.status, error.code) == (400, "empty")


def test_commands_refuse_a_file_over_the_limit(tmp_path, settings):
    settings.MAX_REPORT_BYTES = 10
    report = tmp_path / "report.txt"
    report.write_text("Rebels said the town fell on Sunday.", encoding="utf-8")
    with pytest.raises(CommandError, match="the limit is 10 bytes"):
        call_command("extract_claims", str(report))
