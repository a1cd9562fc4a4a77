"""Build small PDFs for tests: a text layer of given lines, or a page with no text (as a scan has)."""


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_with_lines(lines: list[str], *, title: str = "") -> bytes:
    """A one-page PDF whose text layer holds these lines, top to bottom, in Helvetica (Latin-1 text only)."""
    stream = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
    for line in lines:
        stream.append(f"({_escape(line)}) Tj T*")
    stream.append("ET")
    return _pdf("\n".join(stream).encode("latin-1"), title=title)


def pdf_without_text() -> bytes:
    """A one-page PDF that only draws a filled box: what a scanned page looks like to a text reader."""
    return _pdf(b"0.5 g 50 50 400 600 re f")


def _pdf(content: bytes, *, title: str = "") -> bytes:
    info = f"<< /Title ({_escape(title)}) >>".encode("latin-1") if title else b"<< >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        info,
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
