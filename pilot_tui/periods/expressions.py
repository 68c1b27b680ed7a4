"""Expressions in a looptijd: ``[prefix] A [connector [uiterlijk] B]`` ("vanaf A",
"A – B", "van A tot B", "uiterlijk B"), found from left to right."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from pilot_tui.periods.calendar import _quote, _ReadError
from pilot_tui.periods.formatting import format_date
from pilot_tui.periods.points import _read_point, _Spec
from pilot_tui.periods.types import Interval

_START_PREFIXES = ("met ingang van", "m.i.v.", "m.i.v", "vanaf", "van af", "sinds", "per", "van")
_END_PREFIXES = ("tot en met", "t.e.m.", "t/m", "t.m.", "tot", "uiterlijk")
_PREFIX_RE = re.compile(
    r"(?P<p>"
    + "|".join(
        re.escape(p) for p in sorted((*_START_PREFIXES, *_END_PREFIXES, "tussen"), key=len)[::-1]
    )
    + r")(?![a-z0-9]) ?"
)
_CONNECTOR_RE = re.compile(
    r"(?: ?-+ ?| (?P<w>tot en met|t\.e\.m\.|t/m|t\.m\.|tot|en)(?![a-z0-9]) ?)"
)
_UITERLIJK_RE = re.compile(r"uiterlijk ")
_OPEN_WORDS_RE = re.compile(
    r"(?:heden|nu|vandaag|onbepaalde tijd|onbepaald|doorlopend|nader order|nader bericht|"
    r"open|onbekend|nog onbekend|nnb|n\.n\.b\.|nader te bepalen|ntb|n\.t\.b\.|\?+|\.\.\.|…)"
    r"(?![a-z0-9])"
)


@dataclass
class _Expr:
    start: Interval | None = None
    end: Interval | None = None
    open_end: bool = False
    no_later_than: bool = False
    span: tuple[int, int] = (0, 0)
    warnings: list[str] = field(default_factory=list)

    @property
    def end_only(self) -> bool:
        return self.start is None and self.end is not None

    @property
    def start_only(self) -> bool:
        return self.start is not None and (self.end is None or self.end == self.start)


def _resolve_pair(a: _Spec, b: _Spec) -> tuple[Interval, Interval]:
    """Resolve A and B, taking a missing year (or month, for a bare day) from the other."""
    if a.kind == "bareday":
        if b.month is None or b.kind not in ("day", "month", "part_month"):
            raise _ReadError(f"geen maand bij {_quote(a.text)}", hard=False)
        bi = b.resolve()
        return a.resolve(bi.latest.year, b.month), bi
    if not a.has_year and not b.has_year:
        raise _ReadError(f"geen jaartal in {_quote(a.text + ' - ' + b.text)}", hard=False)
    if not a.has_year:
        bi = b.resolve()
        assert b.year is not None
        ai = a.resolve(b.year)
        if ai.earliest > bi.latest:  # "november – februari 2024": november 2023
            ai = a.resolve(b.year - 1)
        return ai, bi
    ai = a.resolve()
    if not b.has_year:
        assert a.year is not None
        bi = b.resolve(a.year)
        if bi.latest < ai.earliest:  # "november 2023 – februari": februari 2024
            bi = b.resolve(a.year + 1)
        return ai, bi
    return ai, b.resolve()


def _exclusive(b: _Spec, bi: Interval) -> Interval:
    """ "tot <dag>" ends the day before; "tot <maand/jaar/…>" is inclusive."""
    if b.kind in ("day", "bareday") and bi.exact:
        d = bi.earliest - timedelta(days=1)
        return Interval(d, d, format_date(d))
    return bi


def _read_expr(s: str, pos: int) -> tuple[_Expr | None, int]:
    """Try to read an expression at ``pos``. Returns (expr, end) or (None, skip_to).

    Raises _ReadError when something date-like is there but cannot be read.
    """
    prefix = ""
    p = pos
    m = _PREFIX_RE.match(s, pos)
    if m is not None:
        prefix = m["p"]
        p = m.end()
    no_later = False
    if prefix in _END_PREFIXES and prefix != "uiterlijk":
        mu = _UITERLIJK_RE.match(s, p)
        if mu:
            no_later, p = True, mu.end()
    if prefix == "uiterlijk":
        no_later = True
        mt = re.compile(r"(?:tot en met|t/m|tot) ").match(s, p)
        if mt:
            p = mt.end()
    pt = _read_point(s, p)
    if pt is None:
        return None, (m.end() if m is not None else pos + 1)
    a, a_end = pt

    if prefix in _END_PREFIXES:
        bi = a.resolve()
        if prefix == "tot":
            bi = _exclusive(a, bi)
        return _Expr(end=bi, no_later_than=no_later, span=(pos, a_end)), a_end

    # A connector and B?
    c = _CONNECTOR_RE.match(s, a_end)
    if c is not None and (c["w"] != "en" or prefix == "tussen"):
        word = c["w"] or "-"
        bp = c.end()
        b_no_later = False
        mu = _UITERLIJK_RE.match(s, bp)
        if mu:
            b_no_later, bp = True, mu.end()
        bpt = _read_point(s, bp) if bp < len(s) else None
        if bpt is not None:
            b, b_end = bpt
            try:
                ai, bi = _resolve_pair(a, b)
            except _ReadError as exc:
                exc.skip_to = b_end
                raise
            if word == "tot":
                bi = _exclusive(b, bi)
            return _Expr(ai, bi, no_later_than=b_no_later, span=(pos, b_end)), b_end
        if a.kind == "bareday":
            return None, a_end
        mo = _OPEN_WORDS_RE.match(s, bp)
        rest = s[bp:].strip(" .,;:)")
        if mo is not None or (not rest and word == "-"):
            expr = _Expr(a.resolve(), open_end=True, span=(pos, mo.end() if mo else len(s)))
            if mo is None:
                expr.warnings.append("na het streepje staat geen einde; gelezen als open einde")
            return expr, expr.span[1]
        if word not in ("-", "en"):
            expr = _Expr(a.resolve(), open_end=True, span=(pos, c.end()))
            expr.warnings.append(f"einde na „{word}” niet gelezen; gelezen als open einde")
            return expr, c.end()
        if word == "-":
            ai = a.resolve()
            expr = _Expr(ai, None if prefix in _START_PREFIXES else ai, span=(pos, a_end))
            expr.open_end = prefix in _START_PREFIXES
            expr.warnings.append("na het streepje staat geen datum; alleen het begin gelezen")
            return expr, a_end

    if a.kind == "bareday":
        return None, a_end
    ai = a.resolve()
    if prefix in _START_PREFIXES:
        return _Expr(ai, open_end=True, span=(pos, a_end)), a_end
    return _Expr(ai, ai, span=(pos, a_end)), a_end


def _find_exprs(s: str) -> tuple[list[_Expr], list[_ReadError]]:
    """All expressions in ``s`` from left to right, plus what failed on the way."""
    exprs: list[_Expr] = []
    errors: list[_ReadError] = []
    i = 0
    n = len(s)
    while i < n:
        if not (s[i].isalnum() and (i == 0 or not s[i - 1].isalnum())):
            i += 1
            continue
        try:
            expr, nxt = _read_expr(s, i)
        except _ReadError as exc:
            errors.append(exc)
            # skip past what failed so its tail is not read as another date
            i = max(exc.skip_to or 0, i + 1)
            continue
        if expr is not None:
            exprs.append(expr)
            i = max(nxt, i + 1)
        else:
            i = max(nxt, i + 1)
    return exprs, errors


def _combine(exprs: list[_Expr]) -> tuple[_Expr | None, list[_Expr]]:
    """The first expression, merged with a following end-only one ("vanaf A, tot B")."""
    if not exprs:
        return None, []
    first, rest = exprs[0], exprs[1:]
    if (first.open_end or first.start_only) and first.start is not None and rest:
        nxt = rest[0]
        if nxt.end_only and nxt.end is not None:
            merged = _Expr(
                first.start,
                nxt.end,
                no_later_than=nxt.no_later_than,
                span=(first.span[0], nxt.span[1]),
                warnings=first.warnings + nxt.warnings,
            )
            return merged, rest[1:]
    return first, rest
