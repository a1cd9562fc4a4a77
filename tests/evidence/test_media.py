"""What a file is comes from its bytes: each sniffing rule on a file it must recognise."""
import gzip
import io
import zipfile

import pytest

from evidence import media
from tests.evidence.conftest import ELF, HTML, PDF, PNG, upload


def _zip(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "{}")
    return buffer.getvalue()


@pytest.mark.parametrize(("content", "expected"), [
    (PNG, "image/png"),
    (PDF, "application/pdf"),
    (HTML, media.HTML),
    (b"Officials said the bridge was closed.\n", media.TEXT),
    (b"WARC/1.1\r\nWARC-Type: response\r\n\r\n", media.WARC),
    (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n"), media.WARC),
    (_zip(["datapackage.json", "archive/data.warc.gz"]), media.WACZ),
    (ELF, "application/x-executable"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100, "application/x-msdownload"),
])
def test_type_is_read_from_the_bytes(content, expected):
    assert media.sniff(upload(content, name="anything.txt")).media_type == expected


def test_a_zip_that_is_no_web_archive_is_not_allowed():
    assert media.sniff(upload(_zip(["word/document.xml"]), name="capture.wacz")).media_type not in media.ALLOWED


def test_svg_is_recognised_and_not_allowed():
    sniffed = media.sniff(upload(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'))
    assert sniffed.media_type == "image/svg+xml" and sniffed.media_type not in media.ALLOWED


def test_binary_garbage_is_not_recognised():
    assert media.sniff(upload(b"\x00\x01\x02\xff\xfe" * 50)).media_type is None


def test_pages_and_archives_are_downloaded_as_opaque_bytes():
    assert media.served_type(media.HTML) == "application/octet-stream"
    assert media.served_type(media.WARC) == "application/octet-stream"
    assert media.served_type("image/png") == "image/png"
