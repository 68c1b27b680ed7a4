"""What the importer tests share: the seed read afresh and registers compared pilot by pilot."""

from __future__ import annotations

from datetime import date
from typing import Any

from pilot_tui.model import Pilot, Register

D1 = date(2021, 12, 1)
D2 = date(2022, 6, 1)


def comparable(register: Register) -> list[dict[str, Any]]:
    """Everything the importer reads, per pilot, in document order."""
    out = []
    for p in register.pilots:
        out.append(
            {
                "id": p.id,
                "name": p.name,
                "former_names": p.former_names,
                "achtergrond": p.achtergrond,
                "doel": p.doel,
                "stand_van_zaken": [(h.peildatum, h.stand_van_zaken, h.status) for h in p.history],
                "looptijd": p.looptijd,
                "looptijd_label": p.looptijd_label,
                "status": p.status,
                "programma": p.programma,
                "gemeente": p.gemeente,
                "footnotes": [f.to_dict() for f in p.footnotes],
            }
        )
    return out


def assert_same_pilots(got: Register, want: Register) -> None:
    g, w = comparable(got), comparable(want)
    assert [p["name"] for p in g] == [p["name"] for p in w]
    for a, b in zip(g, w, strict=True):
        for key in b:
            assert a[key] == b[key], f"{b['name']}: {key}"


TRICKY_NAMES = [
    "Pilot Rotterdam-Zuid (Hillesluis)",
    "Online keuzehulp bij scheiden",
    "Samenwerken in de eerste lijn",
    "Huizen van het Recht (Heerlen)",
    "Regie op geschiloplossing in het huurdomein",
    "LegalGuard (Consumentenrecht)",
    "Pilot ZSM (intensivering rechtsbijstand en ontwikkeling bijpassende financieringssystematiek)",
    "Rechtsbijstand slachtoffers van ernstige gewelds- en zedenmisdrijven "
    "(pilot slachtofferadvocatuur)",
    "Wijkrechtbank Eindhoven",
    "Pakketafhankelijke eigen bijdrage",
    "ADR cliëntenondersteuningstool",
    "Digitaal bezwaarplatform",
    "Versterking samenwerking hJL en UWV",
    "Samen Recht Vinden",
    "Gezinsadvocaat",
    "Rechtsbijstandsportaal/ online doorverwijssysteem",
    "Zelf-regieroute scheiden",
    "Dynamisch zaaksysteem",
    "MIJN ZAAK",
    "SJD in lokale context",
    "Beslisboom",
    "Berekenjescheiding.nl",
    "Buurtbemiddeling Extra",
    "Digitaal kennissysteem eerste lijn hulpverleners",
    "Divosa / Gemeente Almere",
    "Divosa / Gemeente Den Bosch",
    "Divosa / Gemeente Hollands Kroon",
    "Divosa / Gemeente Tilburg",
    "Divosa / Gemeente Deurne",
    "Divosa / Gemeente Nijmegen",
    "Divosa / Gemeente Oude IJsselstreek",
    "Divosa / Gemeente Utrecht",
    "Divosa / Gemeente Wijk bij Duurstede",
]


def by_name(register: Register, name: str) -> Pilot:
    found = register.find(name)
    assert found is not None, name
    return found
