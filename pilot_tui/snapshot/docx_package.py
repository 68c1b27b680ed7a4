"""The Word package around the body: the footnotes, the footer with the page numbers, the
metadata, and the zip with every part (:func:`write_package`); the styles, settings and
the zip itself come from :mod:`pilot_tui.snapshot.wordpkg` (the house style or a user's
template)."""

from __future__ import annotations

import io

from pilot_tui.snapshot import wordpkg as pkg
from pilot_tui.snapshot.docx_body import Writer
from pilot_tui.snapshot.docx_xml import BodyStream, encode, escape


def footnotes(w: Writer) -> bytes:
    """The footnotes part: the separators, then every note the writer says it holds."""
    sep = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "<w:r><w:separator/></w:r></w:p></w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{pkg.W_NS}" xmlns:r="{pkg.R_NS}">',
        sep,
    ]
    style = w.ids["note"]
    for number, text in w.note_texts():
        out.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            f"{w.r_noteref}<w:footnoteRef/></w:r>"
            f"<w:r><w:tab/></w:r>{w.text(text, rels=w.note_rels)}</w:p></w:footnote>"
        )
    out.append("</w:footnotes>")
    return encode("".join(out))


def footer(w: Writer) -> bytes:
    """ "pagina X van Y", right-aligned: PAGE and NUMPAGES fields (Word and LibreOffice
    fill them in as they lay out the pages)."""

    def field(code: str) -> str:
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            "<w:r><w:t>1</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{pkg.W_NS}" xmlns:r="{pkg.R_NS}">'
        f'<w:p><w:pPr><w:pStyle w:val="{w.ids["footer"]}"/><w:jc w:val="right"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">pagina </w:t></w:r>{field("PAGE")}'
        f'<w:r><w:t xml:space="preserve"> van </w:t></w:r>{field("NUMPAGES")}'
        "</w:p></w:ftr>"
    ).encode()


def core(w: Writer) -> bytes:
    """The metadata: the title, the subject and the language; nothing else."""
    s = w.snapshot
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(s.title)}</dc:title>"
        f"<dc:subject>{escape(s.register_title)}</dc:subject>"
        "<dc:language>nl-NL</dc:language>"
        "</cp:coreProperties>"
    ).encode()


def app() -> bytes:
    """The application properties: our name only (no counts, no dates)."""
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b"<Properties "
        b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>pilot-tui</Application>"
        b"</Properties>"
    )


def write_package(w: Writer) -> bytes:
    """The whole .docx: the parts around the body, and the body streamed into the zip as
    ``w`` writes it; ``w``'s progress (0, total) first and (total, total) last."""
    template = w.template
    progress = w.progress
    if progress is not None:
        progress(0, w.total)
    parts = {
        "word/document.xml": pkg.CT_DOCUMENT,
        "word/styles.xml": pkg.CT_STYLES,
        "word/settings.xml": pkg.CT_SETTINGS,
        "word/footnotes.xml": pkg.CT_FOOTNOTES,
        "word/footer1.xml": pkg.CT_FOOTER,
    }
    rels = w.doc_rels
    rels.add(pkg.RT_STYLES, "styles.xml")
    rels.add(pkg.RT_SETTINGS, "settings.xml")
    rels.add(pkg.RT_FOOTNOTES, "footnotes.xml")
    w.footer_rid = rels.add(pkg.RT_FOOTER, "footer1.xml")
    optional = (
        (template.numbering, "word/numbering.xml", pkg.CT_NUMBERING, pkg.RT_NUMBERING),
        (template.font_table, "word/fontTable.xml", pkg.CT_FONT_TABLE, pkg.RT_FONT_TABLE),
        (template.theme, "word/theme/theme1.xml", pkg.CT_THEME, pkg.RT_THEME),
    )
    for data, name, ctype, reltype in optional:
        if data is not None:
            parts[name] = ctype
            rels.add(reltype, name.removeprefix("word/"))
    parts["docProps/core.xml"] = pkg.CT_CORE
    parts["docProps/app.xml"] = pkg.CT_APP
    package_rels = pkg.Rels()
    package_rels.add(pkg.RT_DOCUMENT, "word/document.xml")
    package_rels.add(pkg.RT_CORE, "docProps/core.xml")
    package_rels.add(pkg.RT_APP, "docProps/app.xml")

    buf = io.BytesIO()
    z = pkg.Zip(buf)
    z.put("[Content_Types].xml", pkg.content_types(parts))
    z.put("_rels/.rels", package_rels.xml())
    z.put("docProps/core.xml", core(w))
    z.put("docProps/app.xml", app())
    with z.stream("word/document.xml") as stream:
        w.body(BodyStream(stream))
    z.put("word/footnotes.xml", footnotes(w))  # after the body: its links
    z.put("word/_rels/document.xml.rels", rels.xml())
    if w.note_rels.items:
        z.put("word/_rels/footnotes.xml.rels", w.note_rels.xml())
    z.put("word/footer1.xml", footer(w))
    z.put("word/styles.xml", template.styles)
    z.put("word/settings.xml", template.settings)
    for data, name, _ctype, _reltype in optional:
        if data is not None:
            z.put(name, data)
    z.close()
    if progress is not None:
        progress(w.total, w.total)
    return buf.getvalue()
