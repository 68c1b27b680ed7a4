"""Dutch looptijd text -> :class:`Period`: status hints ("Afgerond."), extensions
("verlengd tot B"), phases ("Deel 1: A – B; deel 2: vanaf C") and the expressions
between them. Never raises on text."""

from __future__ import annotations

import re
from dataclasses import replace

from pilot_tui.model import Status
from pilot_tui.periods.calendar import _normalize, _quote, _ReadError
from pilot_tui.periods.expressions import _combine, _exclusive, _Expr, _find_exprs
from pilot_tui.periods.points import _read_point
from pilot_tui.periods.types import Interval, Period, Phase
from pilot_tui.periods.words import PHASE_NUMBERS, STATUS_WORDS

_STATUS_RE = re.compile(r"(?<![a-z])(" + "|".join(STATUS_WORDS) + r")(?![a-z])")
_FUTURE_RE = re.compile(r"(?<![a-z])(wordt|worden|zal|zullen|moet|moeten|kan|kunnen|niet)(?![a-z])")
_PAST_RE = re.compile(r"(?<![a-z])(is|zijn|werd|werden|was|waren)(?![a-z])")


def _status_hints(s: str) -> list[tuple[Status, tuple[int, int]]]:
    found: list[tuple[Status, tuple[int, int]]] = []
    for m in _STATUS_RE.finditer(s):
        before = s[: m.start()]
        after = s[m.end() :]
        clause = re.split(r"[.;:!?(),]", before)[-1]
        in_parens = before.rstrip().endswith("(") and after.lstrip().startswith(")")
        alone = not clause.strip() and re.match(r"\s*(?:[.;:!?,)]|-|$)", after) is not None
        past = _PAST_RE.search(clause) is not None and _FUTURE_RE.search(clause) is None
        if in_parens or alone or past:
            found.append((STATUS_WORDS[m[1]], m.span()))
    return found


_EXTENSION_RE = re.compile(
    r"(?<![a-z])verlengd (?P<w>tot en met|t\.e\.m\.|t/m|t\.m\.|tot) (?P<ul>uiterlijk )?"
)
_PHASE_RE = re.compile(
    r"(?<![a-z])(?:(?P<w>deel|fase) ?(?P<n>\d{1,2}|i{1,3}|iv|v|een|twee|drie|vier|vijf)"
    r"(?![a-z0-9]) ?[:.)]?"
    r"|(?P<ord>eerste|tweede|derde|vierde|vijfde|1e|2e|3e|4e|5e) (?P<w2>deel|fase) ?:)"
)


def _phase_label(m: re.Match[str]) -> str:
    word = m["w"] or m["w2"]
    n = m["n"] or m["ord"]
    num = PHASE_NUMBERS.get(n) or int(n)
    return f"{word} {num}"


def _blank(s: str, span: tuple[int, int]) -> str:
    a, b = span
    return s[:a] + " " * (b - a) + s[b:]


def _read_segment(s: str) -> tuple[_Expr | None, list[str], list[str]]:
    """One looptijd: (expression, reasons it failed, warnings)."""
    exprs, errors = _find_exprs(s)
    hard = [str(e) for e in errors if e.hard]
    if hard:  # a date that does not exist: do not guess around it
        return None, hard, []
    expr, rest = _combine(exprs)
    warnings: list[str] = []
    if expr is not None:
        warnings.extend(expr.warnings)
        for other in rest:
            text = s[other.span[0] : other.span[1]].strip()
            warnings.append(f"nog een datum gevonden en niet gebruikt: „{text}”")
    return expr, [str(e) for e in errors], warnings


def _check_order(start: Interval | None, end: Interval | None) -> str | None:
    if start is not None and end is not None and end.latest < start.earliest:
        return "einde ligt voor begin"
    return None


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def parse_looptijd(text: str) -> Period:
    """Read a Dutch looptijd. Never raises."""
    if not isinstance(text, str):  # defensive: callers may pass None from storage
        return Period(str(text), error="geen tekst")
    try:
        return _parse_looptijd(text)
    except Exception as exc:  # noqa: BLE001 - the contract is: never raise on text
        return Period(text, error=f"interne fout bij het lezen ({type(exc).__name__})")


def _parse_looptijd(text: str) -> Period:
    s = _normalize(text)
    if not s:
        return Period(text, error="geen looptijd opgegeven")
    warnings: list[str] = []

    if re.search(r"(?<![a-z])winter (?:19|20|21)\d\d(?! ?[/-] ?\d)", s):
        warnings.append("„winter <jaar>” gelezen als de winter die in dat jaar eindigt")

    # Status hints.
    hints = _status_hints(s)
    status: Status | None = None
    if hints:
        kinds = {h[0] for h in hints}
        status = Status.STOPGEZET if Status.STOPGEZET in kinds else hints[0][0]
        if len(kinds) > 1:
            warnings.append("zowel afgerond als stopgezet genoemd; stopgezet aangehouden")
        for _, span in hints:
            s = _blank(s, span)

    # "verlengd tot B".
    extended: Interval | None = None
    ext_no_later = False
    me = _EXTENSION_RE.search(s)
    if me is not None:
        try:
            pt = _read_point(s, me.end())
            if pt is None:
                warnings.append("verlenging gevonden maar de datum is niet te lezen")
                s = _blank(s, me.span())
            else:
                spec, end_pos = pt
                iv = spec.resolve()
                if me["w"] == "tot":
                    iv = _exclusive(spec, iv)
                extended = iv
                ext_no_later = me["ul"] is not None
                s = _blank(s, (me.start(), end_pos))
        except _ReadError as exc:
            warnings.append(f"verlenging niet gelezen: {exc}")
            s = _blank(s, me.span())

    # Phases.
    markers = list(_PHASE_RE.finditer(s))
    segments: list[tuple[str, str]] = []
    if markers:
        for k, mk in enumerate(markers):
            seg_end = markers[k + 1].start() if k + 1 < len(markers) else len(s)
            segments.append((_phase_label(mk), s[mk.end() : seg_end]))
    elif ";" in s:
        parts = [p for p in s.split(";") if p.strip()]
        readable = [p for p in parts if _read_segment(p)[0] is not None]
        if len(readable) >= 2:
            segments = [(f"deel {k}", p) for k, p in enumerate(readable, start=1)]

    start: Interval | None
    end: Interval | None
    phases: tuple[Phase, ...] = ()
    no_later = False
    if segments:
        read: list[Phase] = []
        for label, seg in segments:
            expr, errors, seg_warnings = _read_segment(seg)
            warnings.extend(f"{label}: {w}" for w in seg_warnings)
            if expr is None:
                reason = errors[0] if errors else "geen datum of periode gevonden"
                return Period(text, error=f"{label}: {reason}", warnings=tuple(warnings))
            problem = _check_order(expr.start, expr.end)
            if problem:
                return Period(text, error=f"{label}: {problem}", warnings=tuple(warnings))
            read.append(Phase(label, expr.start, expr.end, expr.open_end))
        phases = tuple(read)
        start = phases[0].start
        end = phases[-1].end
        open_end = phases[-1].open_end
    else:
        expr, errors, seg_warnings = _read_segment(s)
        warnings.extend(seg_warnings)
        if expr is None:
            if status is not None or extended is not None:
                start, end, open_end = None, None, False
                warnings.extend(f"niet gelezen: {e}" for e in errors if "jaartal" not in e)
            else:
                reason = (
                    errors[0] if errors else f"geen datum of periode gevonden in {_quote(text)}"
                )
                return Period(text, error=reason, warnings=tuple(warnings))
        else:
            start, end, open_end, no_later = expr.start, expr.end, expr.open_end, expr.no_later_than

    if extended is not None:
        if end is not None and extended.latest < end.latest:
            warnings.append("de verlenging ligt voor het oorspronkelijke einde")
        end, open_end = extended, False
        no_later = no_later or ext_no_later
        if phases:
            last = phases[-1]
            phases = (*phases[:-1], replace(last, end=extended, open_end=False))

    problem = _check_order(start, end)
    if problem:
        return Period(text, error=problem, warnings=tuple(warnings))
    return Period(
        text,
        start=start,
        end=end,
        open_end=open_end,
        no_later_than=no_later,
        phases=phases,
        status_hint=status,
        extended_to=extended,
        warnings=tuple(warnings),
    )
