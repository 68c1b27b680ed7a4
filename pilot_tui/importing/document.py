"""What an overview says, and what reading and merging it give: the types every reader
(text, PDF, Word) and the merge share, and the errors they raise (one Dutch line each)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pilot_tui.model import Footnote, Register


class OverviewError(ValueError):
    """The text is not a "Stand van zaken pilots" overview (Dutch, one line)."""


class MergeError(OverviewError):
    """An import that would change what an earlier round showed; one Dutch line."""


@dataclass
class ImportResult:
    register: Register
    warnings: list[str] = field(default_factory=list)


@dataclass
class MergeReport:
    nieuw: list[str] = field(default_factory=list)
    bijgewerkt: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)
    niet_in_document: list[str] = field(default_factory=list)
    verwijderd: list[str] = field(default_factory=list)  # in the document, retired here

    def summary(self) -> str:
        text = (
            f"{len(self.nieuw)} nieuw · {len(self.bijgewerkt)} bijgewerkt · "
            f"{len(self.ongewijzigd)} ongewijzigd · "
            f"{len(self.niet_in_document)} niet in het document"
        )
        if self.verwijderd:
            text += (
                f" · {len(self.verwijderd)} verwijderd in het register en niet teruggezet "
                f"({'; '.join(self.verwijderd)})"
            )
        return text


@dataclass
class OverviewPilot:
    """One pilot as the document shows it, before anything is inferred from it."""

    name: str  # as shown: "Nieuw (voorheen: Oud)" still whole
    texts: dict[str, str]  # achtergrond, doel, stand_van_zaken, looptijd; "\n" between paragraphs
    footnotes: list[Footnote] = field(default_factory=list)
    looptijd_label: str = "Looptijd"
    where: str = ""  # where it starts, for messages: "regel 12", "tabel 3"


@dataclass
class OverviewDocument:
    """What an overview says, in its order: read from text, PDF or Word, built into a
    register by :func:`build_register`."""

    title: str  # the title line as written: "Bijlage 2 – Stand van zaken pilots – peildatum …"
    intro: str
    pilots: list[OverviewPilot]
    warnings: list[str] = field(default_factory=list)


NO_PILOTS = (
    "Geen pilots gevonden: dit lijkt geen overzicht 'Stand van zaken pilots' "
    "(geen kopjes Achtergrond, Doel, Stand van zaken, Looptijd)."
)
