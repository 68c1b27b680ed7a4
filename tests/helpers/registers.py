"""Registers built in code for the store tests: every field filled, any size."""

from __future__ import annotations

from datetime import date, datetime

from pilot_tui.model import AuditEntry, Footnote, HistoryEntry, Pilot, Register, Status

D1 = date(2021, 12, 1)
D2 = date(2022, 6, 1)


def full_pilot(i: int) -> Pilot:
    """A pilot with every field set, non-ASCII and awkward text included."""
    statuses = list(Status)
    pilot = Pilot(
        id=f"pilot-{i:05d}",
        name=f"Pilot {i}: café „Ĳsselmonde” – [bold]{i}[/] <script>",
        former_names=[f"Oude naam {i}", f"Ancienne pilote {i} ë"],
        achtergrond=f"Achtergrond van pilot {i}.\n• eerste punt\n• tweede punt",
        doel=f"Doel {i}: sneller € en beter ✓",
        looptijd=f"1 januari 2021 – 31 december {2022 + i % 3}",
        looptijd_label="Doorlooptijd" if i % 2 else "Looptijd",
        status=statuses[i % len(statuses)],
        programma=f"Programma {i % 4}",
        gemeente="’s-Hertogenbosch" if i % 2 else "Almere",
        rechtsgebied="Huurrecht",
        partners=["Raad voor Rechtsbijstand", f"Partner {i}"],
        footnotes=[Footnote(f"Voetnoot {i}: www.example.nl", "stand_van_zaken", "zomer.")],
    )
    pilot.history = [
        HistoryEntry(D1, f"Stand {i} op peildatum 1.", Status.LOPEND, zaken=i, unchanged=False),
        HistoryEntry(D2, f"Stand {i} op peildatum 2 – ongewijzigd.", None, None, True),
    ]
    return pilot


def full_register(n: int = 5, *, audit: int = 3) -> Register:
    register = Register(
        title="Stand van zaken pilots – ü",
        intro="Nb. In dit overzicht zijn opgenomen lopende pilots.\nTweede alinea.",
        peildata=[D1, D2],
        pilots=[full_pilot(i) for i in range(n)],
    )
    register.audit = [
        AuditEntry(
            datetime(2022, 6, 1, 12, 0, k), f"pilot-{k:05d}", "doel", f"oud {k}", f"nieuw {k}"
        )
        for k in range(audit)
    ]
    return register
