"""What a file is, by its content, not its name: a PDF, a Word file (.docx) or text.

A PDF starts with ``%PDF-`` (within its first 1024 bytes, as the format allows); a Word
file is a zip package with a main document part (``word/document.xml``). Everything else
that is plainly not an overview text is refused here with one Dutch line saying what it
is: a password-protected Office file (an encrypted package inside an OLE compound file),
an old .doc, another kind of zip (OpenDocument, Excel, PowerPoint), a damaged zip, an
image, RTF. A file that passes as text is judged by the text parser.

No I/O beyond the bytes given; no textual or rich.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from pilot_tui.importing.document import OverviewError

Kind = Literal["pdf", "docx", "text"]

PDF: Kind = "pdf"
DOCX: Kind = "docx"
TEXT: Kind = "text"

KIND_NAMES: dict[Kind, str] = {PDF: "PDF-bestand", DOCX: "Word-bestand", TEXT: "tekstbestand"}

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, .xls, encrypted OOXML
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "een afbeelding (PNG)"),
    (b"\xff\xd8\xff", "een afbeelding (JPEG)"),
    (b"GIF87a", "een afbeelding (GIF)"),
    (b"GIF89a", "een afbeelding (GIF)"),
    (b"II*\x00", "een afbeelding (TIFF)"),
    (b"MM\x00*", "een afbeelding (TIFF)"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
WORD_MAIN = "word/document.xml"
_WORD_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "ms-word.document.macroEnabled.main+xml",
    "ms-word.template.macroEnabledTemplate.main+xml",
)
AS_DOCX = "sla het in Word op als .docx (of als PDF) en lees dat in"


def sniff(data: bytes) -> Kind:
    """The kind of overview document ``data`` is; raises OverviewError (one Dutch line)
    for a file that cannot be one."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(data)
    if data.startswith(_CFB):
        if _ENCRYPTED in data:
            raise OverviewError(
                "het Office-bestand is met een wachtwoord beveiligd; open het, sla het op "
                "zonder wachtwoord en lees het dan in"
            )
        raise OverviewError(f"dit is een ouder Office-bestand (zoals .doc); {AS_DOCX}")
    for magic, what in _IMAGES:
        if data.startswith(magic):
            raise OverviewError(f"dit is {what}, geen overzicht met tekst")
    if head.lstrip().startswith(b"{\\rtf"):
        raise OverviewError(f"dit is een RTF-bestand; {AS_DOCX}")
    return TEXT


def _zip_kind(data: bytes) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if WORD_MAIN in names:
                return DOCX
            if "[Content_Types].xml" in names:
                types = _small(zf, "[Content_Types].xml")
                if any(t in types for t in _WORD_TYPES):
                    return DOCX
            if "mimetype" in names:
                mimetype = _small(zf, "mimetype")
                if "opendocument.text" in mimetype:
                    raise OverviewError(f"dit is een OpenDocument-tekst (.odt); {AS_DOCX}")
                if "opendocument" in mimetype:
                    raise OverviewError("dit is een OpenDocument-bestand, geen overzicht")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise OverviewError(f"beschadigd zip-bestand, geen leesbaar Word-bestand ({exc})") from None
    if any(n.startswith("xl/") for n in names):
        raise OverviewError("dit is een Excel-bestand, geen overzicht")
    if any(n.startswith("ppt/") for n in names):
        raise OverviewError("dit is een PowerPoint-bestand, geen overzicht")
    raise OverviewError(f"dit is een zip-bestand zonder Word-document ({WORD_MAIN})")


def _small(zf: zipfile.ZipFile, name: str, limit: int = 1 << 20) -> str:
    """A small part of the package as text (at most ``limit`` bytes are read)."""
    try:
        with zf.open(name) as fh:
            return fh.read(limit).decode("utf-8", "replace")
    except (KeyError, RuntimeError, OSError, zipfile.BadZipFile) as exc:
        raise OverviewError(f"beschadigd zip-bestand ({exc})") from None
