"""The Aandachtspunten of a snapshot: how many pilots per attention class, and the lists
of those ending or starting soon, expired or not updated, each item worded in Dutch."""

from __future__ import annotations

from datetime import date

from pilot_tui.attention import Attention
from pilot_tui.periods import Window, format_date
from pilot_tui.snapshot.model import (
    AttentionCount,
    AttentionItem,
    AttentionList,
    SnapshotPilot,
    Summary,
    days_text,
)


def _exact(sp: SnapshotPilot) -> str:
    """ "31 december 2021, " when the end text is not that day already."""
    if sp.end is None or sp.end_text == format_date(sp.end):
        return ""
    return f"{format_date(sp.end)}, "


def build_summary(
    snap_pilots: list[SnapshotPilot], peildatum: date, window: Window, latest: date | None
) -> Summary:
    """The Aandachtspunten of the pilots at ``peildatum`` (``latest``: the register's
    latest peildatum on or before it)."""
    counter = dict.fromkeys(Attention, 0)
    for sp in snap_pilots:
        counter[sp.attention] += 1
    window_end = window.end(peildatum)
    ending: list[AttentionItem] = []
    expired: list[AttentionItem] = []
    stale: list[AttentionItem] = []
    starting: list[AttentionItem] = []
    # only the pilots each list holds are sorted (a few hundred of 10,000)
    by_end = [
        sp
        for sp in snap_pilots
        if sp.attention in (Attention.EINDIGT_BINNENKORT, Attention.VERLOPEN)
    ]
    for sp in sorted(by_end, key=lambda s: (s.end or date.max, s.name.casefold())):
        if sp.attention == Attention.EINDIGT_BINNENKORT and sp.end is not None:
            days = sp.days_left or 0
            when = "vandaag" if days == 0 else f"over {days_text(days)}"
            exact = sp.end_text == format_date(sp.end)
            bound = "" if exact else f"uiterlijk {format_date(sp.end)}, "
            ending.append(AttentionItem(sp.id, sp.name, f"eindigt {sp.end_text} ({bound}{when})"))
        elif sp.attention == Attention.VERLOPEN and sp.end is not None:
            days = -(sp.days_left or 0)
            ago = f"{days_text(days)} geleden"
            expired.append(
                AttentionItem(
                    sp.id,
                    sp.name,
                    f"einde {sp.end_text} ({_exact(sp)}{ago}), status nog {sp.status.value}",
                )
            )
    by_start = [sp for sp in snap_pilots if sp.attention == Attention.START_BINNENKORT]
    for sp in sorted(by_start, key=lambda s: (s.start or date.max, s.name.casefold())):
        if sp.attention == Attention.START_BINNENKORT and sp.start is not None:
            days = (sp.start - peildatum).days
            since = (
                ""
                if sp.start_text == format_date(sp.start)
                else (f"vanaf {format_date(sp.start)}, ")
            )
            starting.append(
                AttentionItem(
                    sp.id, sp.name, f"start {sp.start_text} ({since}over {days_text(days)})"
                )
            )
    for sp in snap_pilots:
        if sp.niet_bijgewerkt:
            if sp.entry_peildatum is None:
                detail = "nog geen stand van zaken"
            else:
                detail = f"laatste stand van zaken: peildatum {format_date(sp.entry_peildatum)}"
            stale.append(AttentionItem(sp.id, sp.name, detail))
    latest_text = (
        f"niet bijgewerkt: geen stand van zaken voor peildatum {format_date(latest)}"
        if latest is not None
        else "niet bijgewerkt"
    )
    lists = (
        AttentionList(
            "eindigt_binnenkort",
            f"Eindigen binnenkort (binnen {window.label}, tot en met {format_date(window_end)})",
            tuple(ending),
        ),
        AttentionList("verlopen", "Verlopen (einde voorbij, niet afgesloten)", tuple(expired)),
        AttentionList("niet_bijgewerkt", latest_text[:1].upper() + latest_text[1:], tuple(stale)),
        AttentionList(
            "start_binnenkort", f"Starten binnenkort (binnen {window.label})", tuple(starting)
        ),
    )
    intro = (
        f"Peildatum {format_date(peildatum)}; venster {window.label} "
        f"(tot en met {format_date(window_end)}); {len(snap_pilots)} pilots."
    )
    return Summary(
        title="Aandachtspunten",
        intro=intro,
        counts=tuple(AttentionCount(k, v) for k, v in counter.items()),
        niet_bijgewerkt=len(stale),
        lists=lists,
    )
