"""Snapshot -> one self-contained HTML file.

Inline CSS (with a print style), no scripts, no external assets, ``lang="nl"``. Every
text from the register goes through :func:`html.escape`, so it is shown, never run; web
addresses in texts and notes are links (http and https only, see
:mod:`pilot_tui.snapshot.links`).
"""

from __future__ import annotations

import functools
from html import escape

from pilot_tui.snapshot.links import has_link, pieces
from pilot_tui.snapshot.model import (
    Changes,
    DiffOp,
    Para,
    Snapshot,
    SnapshotPilot,
    Summary,
)
from pilot_tui.snapshot.svg import render_svg

CSS = """
:root { color-scheme: light; }
body { font-family: Calibri, Carlito, Arial, "Helvetica Neue", sans-serif; font-size: 11pt;
  line-height: 1.4; color: #111; background: #fff; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: 0 0 .5rem; }
ul { margin: 0 0 .5rem; padding-left: 1.4rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: .3rem .5rem; vertical-align: top; text-align: left; }
table.pilot { margin: 0 0 1.2rem; }
table.pilot thead th { background: #e8e8e8; }
table.pilot th[scope=row] { width: 26%; font-weight: bold; }
table.counts { width: auto; }
table.counts td.n { text-align: right; }
.label { font-weight: bold; margin: .5rem 0 .2rem; }
.label:first-child { margin-top: 0; }
.leeg { font-style: italic; color: #555; }
.verlopen { color: #b00; } .eindigt-binnenkort { color: #b35900; }
.start-binnenkort { color: #006d75; } .lopend { color: #176117; }
.gepland { color: #1d4ed8; } .onbekend { color: #8b008b; }
.afgerond, .stopgezet { color: #555; }
del { color: #b00; background: #fde8e8; }
ins { color: #176117; background: #e6f4e6; text-decoration: underline; }
sup a { text-decoration: none; }
ol.noten { font-size: .9rem; }
section.tijdlijn { overflow-x: auto; }
svg.tijdlijn { max-width: 100%; height: auto; font-family: inherit; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  table.pilot, tr, li { page-break-inside: avoid; break-inside: avoid; }
  h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
  a { color: inherit; }
}
""".strip()


def _e(text: str) -> str:
    return escape(text, quote=True)


def _linked(text: str) -> str:
    """Escaped text with its web addresses as links (see pilot_tui.snapshot.links)."""
    if not has_link(text):
        return _e(text)
    return "".join(
        f'<a href="{_e(p.href)}">{_e(p.text)}</a>' if p.href else _e(p.text) for p in pieces(text)
    )


def _ref(n: int) -> str:
    return f'<sup id="ref-{n}"><a href="#noot-{n}">{n}</a></sup>'


def _runs(para: Para, plain: bool = False) -> str:
    out: list[str] = []
    for run in para.runs:
        if run.note is not None:
            out.append(_ref(run.note))
        elif run.italic:
            out.append(f'<span class="leeg">{_e(run.text)}</span>')
        elif plain:
            out.append(run.text)
        else:
            out.append(_linked(run.text))
    return "".join(out)


def _paras(paras: tuple[Para, ...], out: list[str], plain: bool = False) -> None:
    """The paragraphs and bullet lists; ``plain``: their texts need no escaping and hold
    no address (:func:`_is_plain`), so they are written as they are."""
    in_list = False
    for para in paras:
        runs = para.runs
        if plain and len(runs) == 1 and runs[0].note is None and not runs[0].italic:
            line = runs[0].text  # the usual paragraph
        else:
            line = _runs(para, plain)
        if para.kind == "li":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{line}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        out.append(f"<p>{line}</p>")
    if in_list:
        out.append("</ul>")


# What html.escape(quote=True) replaces, as bytes (ASCII: no byte of a multi-byte UTF-8
# character is one of them).
_ESCAPED_BYTES = b"&<>\"'"


def _is_plain(text: str) -> bool:
    """Whether ``text`` has nothing to escape and no web address: for all of a pilot's
    texts at once (one scan), so that its paragraphs, cut from them, are written as
    they are."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _ESCAPED_BYTES)) == len(raw) and not has_link(text)


def _css_class(value: str) -> str:
    return value.replace(" ", "-")


def _summary(summary: Summary, out: list[str]) -> None:
    out.append('<section class="aandachtspunten">')
    out.append(f"<h2>{_e(summary.title)}</h2>")
    out.append(f"<p>{_e(summary.intro)}</p>")
    out.append('<table class="counts"><thead><tr><th>Klasse</th><th>Aantal</th></tr></thead>')
    out.append("<tbody>")
    for c in summary.counts:
        out.append(
            f'<tr><td class="{_css_class(c.attention.value)}">{_e(c.label)}</td>'
            f'<td class="n">{c.count}</td></tr>'
        )
    out.append(f'<tr><td>niet bijgewerkt</td><td class="n">{summary.niet_bijgewerkt}</td></tr>')
    out.append("</tbody></table>")
    for lst in summary.lists:
        out.append(f'<h3 id="{_e(lst.key)}">{_e(lst.title)}</h3>')
        if not lst.items:
            out.append(f"<p>{_e(summary.empty_text)}</p>")
            continue
        out.append("<ul>")
        for item in lst.items:
            out.append(
                f'<li><a href="#pilot-{_e(item.pilot_id)}">{_e(item.name)}</a> – '
                f"{_e(item.detail)}</li>"
            )
        out.append("</ul>")
    out.append("</section>")


def _diff(ops: tuple[DiffOp, ...]) -> str:
    parts: list[str] = []
    prev = ""
    for op in ops:
        if prev == "delete" and op.op == "insert":
            parts.append(" ")  # "<del>oud</del> <ins>nieuw</ins>"
        prev = op.op
        if op.op == "delete":
            parts.append(f"<del>{_e(op.text)}</del>")
        elif op.op == "insert":
            parts.append(f"<ins>{_e(op.text)}</ins>")
        else:
            parts.append(_e(op.text))
    return "".join(parts)


def _changes(changes: Changes, out: list[str]) -> None:
    empty = f"<p>{_e(changes.empty_text)}</p>"

    def link(pid: str, name: str) -> str:
        return f'<a href="#pilot-{_e(pid)}">{_e(name)}</a>'

    out.append('<section class="wijzigingen">')
    out.append(f"<h2>{_e(changes.title)}</h2>")
    out.append("<h3>Nieuwe pilots</h3>")
    if changes.new:
        out.append("<ul>")
        out += [f"<li>{link(r.id, r.name)}</li>" for r in changes.new]
        out.append("</ul>")
    else:
        out.append(empty)
    if changes.removed:
        out.append("<h3>Verwijderde pilots</h3>")
        out.append("<ul>")
        out += [f"<li>{_e(r.name)}</li>" for r in changes.removed]
        out.append("</ul>")
    if changes.renamed:
        out.append("<h3>Nieuwe namen</h3>")
        out.append("<ul>")
        out += [
            f"<li>{link(c.pilot.id, c.pilot.name)} ({_e(c.text)})</li>" for c in changes.renamed
        ]
        out.append("</ul>")
    for title, items in (
        ("Afgesloten pilots", changes.closed),
        ("Statuswijzigingen", changes.status),
    ):
        out.append(f"<h3>{title}</h3>")
        if items:
            out.append("<ul>")
            out += [f"<li>{link(c.pilot.id, c.pilot.name)}: {_e(c.text)}</li>" for c in items]
            out.append("</ul>")
        else:
            out.append(empty)
    out.append("<h3>Gewijzigde looptijd</h3>")
    if changes.looptijd:
        out.append("<ul>")
        for lc in changes.looptijd:
            shift = f" – einde {_e(lc.shift_text)}" if lc.shift_text else ""
            out.append(
                f"<li>{link(lc.pilot.id, lc.pilot.name)}: <del>{_e(lc.old)}</del> → "
                f"<ins>{_e(lc.new)}</ins>{shift}</li>"
            )
        out.append("</ul>")
    else:
        out.append(empty)
    out.append("<h3>Bijgewerkte stand van zaken</h3>")
    if not changes.texts:
        out.append(empty)
    for tc in changes.texts:
        out.append(f"<h4>{link(tc.pilot.id, tc.pilot.name)}</h4>")
        out += [f'<p class="diff">{_diff(ops)}</p>' for ops in tc.lines if ops]
    if changes.kept:
        out.append("<h3>Stand van zaken ongewijzigd</h3>")
        out.append("<ul>")
        out += [f"<li>{link(r.id, r.name)}</li>" for r in changes.kept]
        out.append("</ul>")
    if changes.fields:
        out.append("<h3>Overige wijzigingen</h3>")
        for fc in changes.fields:
            out.append(f"<h4>{link(fc.pilot.id, fc.pilot.name)}: {_e(fc.label)}</h4>")
            out += [f'<p class="diff">{_diff(ops)}</p>' for ops in fc.lines if ops]
    out.append("</section>")


@functools.lru_cache(maxsize=64)
def _label(label: str) -> str:
    """A section's heading; a handful of labels, each escaped once."""
    return f'<p class="label">{_e(label)}</p>'


def _pilot(p: SnapshotPilot, out: list[str]) -> None:
    refs = "".join(_ref(n) for n in p.name_notes)
    lines = [
        f'<table class="pilot" id="pilot-{_e(p.id)}">',
        "<thead><tr><th>Pilot</th><th>Toelichting</th></tr></thead><tbody><tr>",
        f'<th scope="row">{_e(p.display_name)}{refs}</th><td>',
    ]
    # one look at all the pilot's texts (their paragraphs are cut from them; the other
    # runs are the placeholder, escaped as always, and the number of cases, plain)
    plain = _is_plain("".join(section.text for section in p.sections))
    for section in p.sections:
        lines.append(_label(section.label))
        _paras(section.paras, lines, plain)
    lines.append("</td></tr></tbody></table>")
    # the pilot as one string: a few long strings are encoded much faster than
    # hundreds of thousands of lines
    out.append("\n".join(lines))


def render(snapshot: Snapshot) -> bytes:
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(snapshot.title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(snapshot.title)}</h1>",
    ]
    _paras(snapshot.intro_paras, out)
    if snapshot.summary is not None:
        _summary(snapshot.summary, out)
    if snapshot.pilots:
        out.append('<section class="tijdlijn">')
        out.append("<h2>Tijdlijn</h2>")
        out.append(render_svg(snapshot))
        out.append("</section>")
    if snapshot.changes is not None:
        _changes(snapshot.changes, out)
    out.append('<section class="pilots">')
    out.append(f"<h2>{_e(snapshot.pilots_title)}</h2>")
    for group in snapshot.groups:
        if group.title:
            out.append(f"<h3>{_e(group.title)}</h3>")
        for p in group.pilots:
            _pilot(p, out)
    out.append("</section>")
    if snapshot.notes:
        out.append('<section class="noten">')
        out.append(f"<h2>{_e(snapshot.notes_title)}</h2>")
        out.append('<ol class="noten">')
        for note in snapshot.notes:
            out.append(
                f'<li id="noot-{note.number}" value="{note.number}">{_linked(note.text)} '
                f'<a href="#ref-{note.number}" aria-label="terug">↩</a></li>'
            )
        out.append("</ol>")
        out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]  # "": the final line end
    # encoded line by line: joining first would widen every line to the widest
    # character of the document, and encode that copy once more
    return b"\n".join(map(str.encode, out))
