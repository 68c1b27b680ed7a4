"""Registers as a reviewer reads them (pure; no I/O): what changed between two registers,
and one register as stable text for git's ``textconv``.

:func:`diff_lines` says per pilot and per field what changed, in Dutch: per peildatum for
a value that changed for an earlier peildatum (the timeline of the field, see
``Pilot.timeline``), per peildatum for the stand van zaken, and word by word for texts
(the engine of "Wijzigingen sinds": :func:`pilot_tui.worddiff.word_diff`), marked the way
``git diff --word-diff`` marks words: ``[-weg-]{+erbij+}``.

:func:`textconv` renders one register with one field per block of lines and one
sentence per line, so that a line diff of two renderings (what ``git diff`` and
``git log -p`` show with ``diff=pilot-tui``) points at the sentence that changed. Every
text is printable: control characters and terminal escapes are removed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from datetime import date
from typing import Any, Final

import orjson

from pilot_tui import fields
from pilot_tui.fields import Kind
from pilot_tui.merge import (
    ABSENT,
    CONFLICTS,
    conflicts_of,
    describe,
    value_text,
)
from pilot_tui.model import VERSIONED, Footnote, HistoryEntry, Pilot, Register
from pilot_tui.periods import format_date
from pilot_tui.text import one_line, strip_controls
from pilot_tui.worddiff import word_diff

# The fields a reader sees, in the order a pilot is read (the kop boven de looptijd
# before the looptijd), with their words from the field table.
LABELS: Final = {
    # the heading above the looptijd is read before the looptijd itself
    name: fields.BY_NAME[name].word
    for name in fields.in_order(
        (
            "name",
            "former_names",
            "achtergrond",
            "doel",
            "looptijd_label",
            "looptijd",
        )
    )
    if fields.BY_NAME[name].kind is not fields.Kind.FLAG  # retiring is said on its own
}
SHORT = 70  # characters: a value up to this long (one line) is shown beside its label
INDENT = "  "

_Key = date | None


def _text(name: str, value: Any) -> str:
    """A field's value as text (paragraphs on lines; lists joined)."""
    if fields.BY_NAME[name].kind is Kind.FOOTNOTES:
        return "\n".join(
            f"[{i}] {one_line(n.text)}" + (f" (bij „{one_line(n.anchor)}”)" if n.anchor else "")
            for i, n in enumerate(value, start=1)
            if isinstance(n, Footnote)
        )
    if isinstance(value, list):
        return "; ".join(one_line(str(v)) for v in value)
    return strip_controls(str(value)).strip()


def _key_label(key: _Key, points: int) -> str:
    if key is not None:
        return f" vanaf {format_date(key)}"
    return " (vanaf het begin)" if points > 1 else ""


def _effective(points: dict[_Key, Any], key: _Key) -> Any:
    found: Any = ABSENT
    for start in sorted(points, key=lambda k: date.min if k is None else k):
        if start is None or (key is not None and start <= key):
            found = points[start]
    return found


# -- word diffs as text -------------------------------------------------------------------


def marked(old: str, new: str) -> list[str]:
    """``old`` to ``new`` word by word, one string per line: ``[-weg-]{+erbij+}``."""
    lines = []
    # a space after both texts: the last word is then a word like the others ("loopt "),
    # not a different one when words follow it in the other text
    for line in word_diff(old + " ", new + " "):
        parts = []
        for op in line:
            if op.op == "delete":
                parts.append(f"[-{op.text}-]")
            elif op.op == "insert":
                parts.append(f"{{+{op.text}+}}")
            else:
                parts.append(op.text)
        lines.append("".join(parts).rstrip(" "))
    return lines


def _change(label: str, old: str, new: str) -> list[str]:
    """A changed value: beside its label when both are short, else below it: the sentences
    that changed, word by word ("…" for the sentences between that did not)."""
    if len(old) <= SHORT and len(new) <= SHORT and "\n" not in old + new:
        return [f"{INDENT}{label}: {_quoted(old)} → {_quoted(new)}"]
    return [f"{INDENT}{label}:", *(f"{INDENT * 2}{line}" for line in changed_sentences(old, new))]


def changed_sentences(old: str, new: str) -> list[str]:
    """The sentences of ``new`` that differ from ``old``, marked word by word; a run of
    equal sentences between them is one "…"."""
    a = [s for paragraph in old.split("\n") for s in sentences(paragraph)]
    b = [s for paragraph in new.split("\n") for s in sentences(paragraph)]
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            if lines or i2 < len(a):
                lines.append("…")
            continue
        lines += marked(" ".join(a[i1:i2]), " ".join(b[j1:j2]))
    return lines


def _quoted(text: str) -> str:
    return f"„{text}”" if text else "(leeg)"


# -- the difference of two registers ------------------------------------------------------


def diff_lines(old: Register, new: Register) -> list[str]:
    """What changed from ``old`` to ``new``, in Dutch, per pilot and field (no lines:
    nothing changed)."""
    out: list[str] = []
    register = list(_register_changes(old, new))
    if register:
        out += ["Register", *register]
    old_pilots = {p.id: p for p in old.pilots}
    new_ids = {p.id for p in new.pilots}
    for pilot in new.pilots:
        before = old_pilots.get(pilot.id)
        if before is None:
            lines = list(_added(pilot))
        else:
            lines = list(_pilot_changes(before, pilot))
            if lines:
                lines.insert(0, f"Pilot „{one_line(pilot.name)}” ({one_line(pilot.id)})")
        if lines:
            out += ["", *lines] if out else lines
    for pilot in old.pilots:
        if pilot.id not in new_ids:
            line = f"Pilot „{one_line(pilot.name)}” ({one_line(pilot.id)}) staat niet meer in het bestand"
            out += ["", line] if out else [line]
    return out


def _register_changes(old: Register, new: Register) -> Iterator[str]:
    if old.title != new.title:
        yield from _change("titel", one_line(old.title), one_line(new.title))
    if old.intro != new.intro:
        yield from _change(
            "inleiding", strip_controls(old.intro).strip(), strip_controls(new.intro).strip()
        )
    added = sorted(set(new.peildata) - set(old.peildata))
    dropped = sorted(set(old.peildata) - set(new.peildata))
    if added:
        yield f"{INDENT}nieuwe peildatum: {', '.join(format_date(d) for d in added)}"
    if dropped:
        yield f"{INDENT}peildatum weg: {', '.join(format_date(d) for d in dropped)}"
    for key in sorted((old.extra.keys() | new.extra.keys()) - {CONFLICTS}):
        a, b = old.extra.get(key, ABSENT), new.extra.get(key, ABSENT)
        if a != b:
            yield from _change(f"onbekend veld {one_line(key)!r}", _json(a), _json(b))
    yield from _conflict_changes(old, new)
    known = {_audit_key(a) for a in old.audit}
    new_entries = sum(1 for a in new.audit if _audit_key(a) not in known)
    if new_entries:
        yield f"{INDENT}logboek: {new_entries} nieuwe {'regel' if new_entries == 1 else 'regels'}"


def _conflict_changes(old: Register, new: Register) -> Iterator[str]:
    try:
        before = {c.key(): c for c in conflicts_of(old)}
        after = {c.key(): c for c in conflicts_of(new)}
    except ValueError:
        if old.extra.get(CONFLICTS) != new.extra.get(CONFLICTS):
            yield f"{INDENT}conflicten: onleesbare lijst gewijzigd"
        return
    for key, conflict in after.items():
        if key not in before:
            yield f"{INDENT}nieuw conflict: {one_line(describe(conflict))}"
    for key, conflict in before.items():
        if key not in after:
            yield f"{INDENT}conflict opgelost: {one_line(describe(conflict))}"


def _json(value: Any) -> str:
    if value is ABSENT:
        return ""
    return strip_controls(orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8"))


def _audit_key(entry: Any) -> bytes:
    return orjson.dumps(entry.to_dict(), option=orjson.OPT_SORT_KEYS)


def _added(pilot: Pilot) -> Iterator[str]:
    start = next(
        (k for k, removed in pilot.timeline("removed") if not removed and k is not None), None
    )
    since = f", vanaf {format_date(start)}" if start is not None else ""
    if pilot.removed:
        since += " (verwijderd)"
    yield f"Nieuwe pilot „{one_line(pilot.name)}” ({one_line(pilot.id)}){since}"
    for name, label in LABELS.items():
        if name == "name":
            continue
        text = _text(name, getattr(pilot, name))
        if text and not (name == "looptijd_label" and text == "Looptijd"):
            yield from _value_block(label, text)
    for entry in pilot.history:
        yield from _value_block(_entry_label(entry), strip_controls(entry.stand_van_zaken).strip())


def _value_block(label: str, text: str) -> Iterator[str]:
    if len(text) <= SHORT and "\n" not in text:
        yield f"{INDENT}{label}: {text}"
        return
    yield f"{INDENT}{label}:"
    for line in text.split("\n"):
        if line.strip():
            yield f"{INDENT * 2}{line.strip()}"


def _entry_label(entry: HistoryEntry) -> str:
    parts = []
    if entry.status is not None:
        parts.append(entry.status.value)
    if entry.zaken is not None:
        parts.append(f"{entry.zaken} zaken")
    if entry.unchanged:
        parts.append("ongewijzigd")
    rest = f" ({', '.join(parts)})" if parts else ""
    return f"stand van zaken per {format_date(entry.peildatum)}{rest}"


def _pilot_changes(old: Pilot, new: Pilot) -> Iterator[str]:
    if old == new:
        return
    for name in VERSIONED:
        if name == "removed":
            continue
        a, b = dict(old.timeline(name)), dict(new.timeline(name))
        if a == b:
            continue
        points = len(a.keys() | b.keys())
        label = LABELS[name]
        for key in sorted(a.keys() | b.keys(), key=lambda k: date.min if k is None else k):
            x, y = _effective(a, key), _effective(b, key)
            if x != y:
                yield from _change(label + _key_label(key, points), _text(name, x), _text(name, y))
    yield from _history_changes(old, new)
    if old.status != new.status and not (
        new.history and new.history[-1].status == new.status and old.history != new.history
    ):
        yield f"{INDENT}status: {old.status.value} → {new.status.value}"
    for extra in sorted(old.extra.keys() | new.extra.keys()):
        u, v = old.extra.get(extra, ABSENT), new.extra.get(extra, ABSENT)
        if u != v:
            yield from _change(f"onbekend veld {one_line(extra)!r}", _json(u), _json(v))
    a, b = dict(old.timeline("removed")), dict(new.timeline("removed"))
    for key in sorted(a.keys() | b.keys(), key=lambda k: date.min if k is None else k):
        x, y = _effective(a, key), _effective(b, key)
        if x != y:
            when = f" vanaf {format_date(key)}" if key is not None else ""
            yield f"{INDENT}{'verwijderd' if y else 'teruggezet'}{when}"


def _history_changes(old: Pilot, new: Pilot) -> Iterator[str]:
    a = {e.peildatum: e for e in old.history}
    b = {e.peildatum: e for e in new.history}
    for when in sorted(a.keys() | b.keys()):
        x, y = a.get(when), b.get(when)
        if x == y:
            continue
        if x is None:
            assert y is not None
            yield from _value_block(
                f"{_entry_label(y)}, nieuw", strip_controls(y.stand_van_zaken).strip()
            )
            continue
        if y is None:
            yield f"{INDENT}stand van zaken per {format_date(when)} weg"
            continue
        label = f"stand van zaken per {format_date(when)}"
        details = []
        if x.status != y.status:
            details.append(
                f"status {x.status.value if x.status else '?'} → {y.status.value if y.status else '?'}"
            )
        if x.zaken != y.zaken:
            details.append(
                f"zaken {x.zaken if x.zaken is not None else '?'} → {y.zaken if y.zaken is not None else '?'}"
            )
        if x.unchanged != y.unchanged:
            details.append("nu ongewijzigd" if y.unchanged else "nu bijgewerkt")
        if x.extra != y.extra:
            details.append("onbekende velden gewijzigd")
        old_text, new_text = (
            strip_controls(x.stand_van_zaken).strip(),
            strip_controls(y.stand_van_zaken).strip(),
        )
        head = label + (f" ({'; '.join(details)})" if details else "")
        if old_text == new_text:
            yield f"{INDENT}{head}"
        else:
            yield from _change(head, old_text, new_text)


# -- one register as text ------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9„“\"'(•])")
# Dutch abbreviations a sentence does not end with ("Nb. In dit overzicht", "o.a. De")
_ABBREVIATIONS = frozenset(
    [
        "nb.",
        "n.b.",
        "o.a.",
        "bijv.",
        "bv.",
        "b.v.",
        "e.d.",
        "e.a.",
        "m.b.t.",
        "i.v.m.",
        "d.w.z.",
        "t.a.v.",
        "z.s.m.",
        "art.",
        "nr.",
        "jl.",
        "mr.",
        "dhr.",
        "mevr.",
        "ca.",
        "resp.",
        "vgl.",
        "zgn.",
        "evt.",
        "incl.",
        "excl.",
        "t/m.",
        "p.",
    ]
)


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut after each sentence (a full stop, ! or ? before a capital; not
    after an abbreviation such as "Nb." or "o.a.")."""
    out: list[str] = []
    for part in _SENTENCE_END.split(paragraph.strip()):
        if out and out[-1].rsplit(None, 1)[-1].lower() in _ABBREVIATIONS:
            out[-1] += " " + part
        elif part:
            out.append(part)
    return out


def _block(label: str, text: str) -> list[str]:
    """A field: beside its label when short, else one sentence per line below it (a
    paragraph's further sentences indented once more)."""
    text = strip_controls(text).strip()
    if not text:
        return []
    if len(text) <= SHORT and "\n" not in text:
        return [f"{label}: {text}"]
    lines = [f"{label}:"]
    for paragraph in text.split("\n"):
        parts = sentences(paragraph)
        if parts:
            lines.append(INDENT + parts[0])
            lines += [INDENT * 2 + part for part in parts[1:]]
    return lines


def textconv(register: Register) -> str:
    """The whole register as text, the same for the same register (see the module
    docstring): register, pilots in the file's order, open conflicts, the audit log."""
    lines = [f"Register: {one_line(register.title)}"]
    lines += _block("inleiding", register.intro)
    lines.append("peildata: " + ", ".join(format_date(d) for d in register.peildata))
    for key in sorted(register.extra.keys() - {CONFLICTS}):
        lines.append(f"onbekend veld {one_line(key)!r}: {_json(register.extra[key])}")
    for pilot in register.pilots:
        lines += ["", f"== Pilot {one_line(pilot.id)}: {one_line(pilot.name)}"]
        lines += _pilot_text(pilot)
    conflicts = register.extra.get(CONFLICTS)
    if conflicts:
        lines += ["", "== Onopgeloste conflicten"]
        try:
            for conflict in conflicts_of(register):
                lines.append(describe(conflict))
                for side, word in (("ours", "mijn"), ("theirs", "hun"), ("base", "basis")):
                    text = value_text(conflict.field, getattr(conflict, side), limit=None)
                    lines.append(f"{INDENT}{word}: {text}")
        except ValueError as exc:
            lines.append(f"onleesbare lijst: {one_line(str(exc))}")
    if register.audit:
        lines += ["", "== Logboek"]
        for entry in register.audit:
            who = one_line(entry.pilot_id) or "register"
            lines.append(f"{entry.when.isoformat(sep=' ')} {who} {one_line(entry.field)}")
    return "\n".join(lines) + "\n"


def _pilot_text(pilot: Pilot) -> list[str]:
    lines: list[str] = []
    for name, label in LABELS.items():
        timeline = pilot.timeline(name)
        for key, value in timeline:
            text = _text(name, value)
            if name == "looptijd_label" and text == "Looptijd" and len(timeline) == 1:
                continue
            when = f" vanaf {format_date(key)}" if key is not None else ""
            lines += _block(label + when, text)
    lines.append(f"status: {pilot.status.value}")
    for extra in sorted(pilot.extra):
        lines.append(f"onbekend veld {one_line(extra)!r}: {_json(pilot.extra[extra])}")
    for entry in pilot.history:
        lines += _block(_entry_label(entry), entry.stand_van_zaken) or [f"{_entry_label(entry)}:"]
        for extra in sorted(entry.extra):
            lines.append(f"{INDENT}onbekend veld {one_line(extra)!r}: {_json(entry.extra[extra])}")
    for key, removed in pilot.timeline("removed"):
        if key is not None:
            lines.append(f"{'verwijderd' if removed else 'bestaat'} vanaf {format_date(key)}")
        elif removed:
            lines.append("verwijderd")
    return lines
