"""Evidence tests store their files in a temporary folder, never in the developer's own evidence store."""
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.api.conftest import claim, unchanged, witness  # noqa: F401 (fixtures shared with the API tests)

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><head><title>Statement</title></head><body><script>alert(1)</script></body></html>"



def upload(content: bytes, name: str = "capture.png") -> SimpleUploadedFile:
    """A file as a browser would upload it; the name says nothing the content must agree with."""
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
