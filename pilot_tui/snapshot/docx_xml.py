"""The XML of a Word body, as text: the page and its columns, run properties, the start
of rows, text escaped as a run's ``w:t``, and the stream that hands the body to the zip in
chunks. Used by the clean writer (:mod:`pilot_tui.snapshot.docx_body`) and the one with
revisions (:mod:`pilot_tui.snapshot.docx_track`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from pilot_tui.snapshot import wordpkg as pkg

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 100  # rows of the changes table and pilots

# Page and columns, in twentieths of a point: A4, margins 25 mm top and bottom, 22 mm
# left and right; the name column 42 mm wide, as in the original.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TB, MARGIN_LR = 1418, 1247
TEXT_W = PAGE_W - 2 * MARGIN_LR


def mm(millimetres: float) -> int:
    return round(millimetres * 1440 / 25.4)


NAME_W = mm(42)
HEADER_FILL = "D9D9D9"
PAD = 57  # 1 mm: the space above and below a header cell's text, and above a pilot's
RULE = '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
# A pilot's text is a table row per paragraph (the section label with its first one),
# drawn as one cell. A row of at most KEEP_LINES lines is never cut by a page break
# (Word and LibreOffice move it to the next page whole); a longer one may be. Lines are
# estimated from the text's length: CHARS_PER_LINE is on the low side for the text
# column in the house style, so that a row is rather taken as longer than it is.
KEEP_LINES = 12
CHARS_PER_LINE = 60
CHUNK = 1 << 16  # characters of body XML handed to the zip at a time

# run properties, in the order the schema wants them
ITALIC_GREY = '<w:rPr><w:i/><w:iCs/><w:color w:val="555555"/></w:rPr>'
BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"
DELETED = '<w:rPr><w:strike/><w:color w:val="B00000"/></w:rPr>'
INSERTED = '<w:rPr><w:color w:val="176117"/><w:u w:val="single"/></w:rPr>'
SPACER = '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'  # keeps tables apart
TR_KEEP = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"  # a row no page break cuts
# A pilot's next row, up to its text: the name column empty; the widths are the grid's
# (the table's layout is fixed), as in the rows above.
NEXT_ROW = "<w:tr><w:tc><w:p/></w:tc><w:tc>"
NEXT_ROW_KEEP = f"{TR_KEEP}<w:tc><w:p/></w:tc><w:tc>"

DOC_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:document xmlns:w="{pkg.W_NS}" xmlns:r="{pkg.R_NS}"><w:body>'
)


def escape(text: str) -> str:
    """Text escaped for XML (element content and attribute values in double quotes)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


def w_t(text: str) -> str:
    """A run's text: ``w:t``, with tabs and line breaks as their own elements; spaces
    are kept as they are where a reader could drop them (at the ends, doubled)."""
    text = escape(text)
    keep = text[:1] == " " or text[-1:] == " " or "  " in text
    if "\t" in text:
        text = text.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
        keep = True
    if "\n" in text:
        text = text.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
        keep = True
    if keep:
        return f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:t>{text}</w:t>"


def encode(chunk: str) -> bytes:
    """UTF-8, without the few characters XML cannot hold (the model has removed the
    control characters already): U+FFFE, U+FFFF and unpaired surrogates."""
    if "\ufffe" in chunk or "\uffff" in chunk:
        chunk = chunk.replace("\ufffe", "").replace("\uffff", "")
    try:
        return chunk.encode("utf-8")
    except UnicodeEncodeError:
        return chunk.encode("utf-8", "ignore")  # drops exactly the unpaired surrogates


class BodyStream:
    """Body XML collected in pieces and handed to the zip stream in chunks."""

    __slots__ = ("parts", "size", "stream")

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.size += len(piece)
        if self.size >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.stream.write(encode("".join(self.parts)))
            self.parts = []
            self.size = 0
