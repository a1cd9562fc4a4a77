"""Reading a folder or a .zip into a batch's reports: every .txt file in order, the unreadable ones kept as refused."""
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from batches.models import Batch, BatchItem
from batches.reading import reports_from_path
from config.celery import app as celery_app
from config.errors import DomainError

pytestmark = pytest.mark.django_db


def test_a_folder_gives_every_text_file_below_it_in_name_order(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "b.txt").write_text("Police said b.", encoding="utf-8")
    (tmp_path / "wire" / "a.txt").write_text("Police said a.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "c.txt").write_bytes(b"\x00binary")
    reports = reports_from_path(str(tmp_path))
    assert [r.name.removeprefix(str(tmp_path) + "/") for r in reports] == ["b.txt", "c.txt", "wire/a.txt"]
    assert [bool(r.refused) for r in reports] == [False, True, False]
    assert "binary" in reports[1].refused


def test_a_zip_member_larger_than_the_limit_is_refused_before_it_is_read(tmp_path, settings):
    settings.MAX_REPORT_BYTES = 1024
    path = tmp_path / "reports.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("huge.txt", "Police said so. " * 1000)
        archive.writestr("small.txt", "Police said so.")
    reports = reports_from_path(str(path))
    assert [r.name for r in reports] == ["huge.txt", "small.txt"]
    assert "limit is 1,024 bytes" in reports[0].refused and reports[1].text == "Police said so."


def test_a_folder_with_no_text_file_is_refused(tmp_path):
    with pytest.raises(DomainError, match="holds no .txt reports"):
        reports_from_path(str(tmp_path))


def test_ingest_queue_prints_the_batch_id_at_once(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Police said a.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    call_command("ingest", str(tmp_path), "--queue")
    batch = Batch.objects.get()
    out = capsys.readouterr().out
    assert f"Queued 1 reports as batch {batch.pk} (1 refused before ingest)" in out
    assert list(BatchItem.objects.values_list("status", flat=True)) == ["pending", "failed"]


def test_ingest_queue_without_a_broker_says_so_and_queues_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:9/0")
    (tmp_path / "a.txt").write_text("Police said a.", encoding="utf-8")
    with pytest.raises(CommandError, match="No Celery broker answers at redis://127.0.0.1:9/0"):
        call_command("ingest", str(tmp_path), "--queue")
    assert not Batch.objects.exists()


def test_a_title_cannot_be_given_to_a_whole_folder(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Police said {name}.", encoding="utf-8")
    with pytest.raises(CommandError, match="describe one report"):
        call_command("ingest", str(tmp_path), "--queue", "--title", "One title")
    assert not Batch.objects.exists()


def test_wait_without_queue_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Police said a.", encoding="utf-8")
    with pytest.raises(CommandError, match="use it with --queue"):
        call_command("ingest", str(tmp_path / "a.txt"), "--wait")
