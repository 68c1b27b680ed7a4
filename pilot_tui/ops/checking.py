"""The problems of a register at a peildatum (``pilot-tui check``); writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pilot_tui.checks import Problem, find_problems
from pilot_tui.model import Register


@dataclass(frozen=True)
class CheckResult:
    peildatum: date
    pilots: int  # the pilots that exist at the peildatum
    problems: list[Problem]  # all, notices included
    counted: list[Problem]  # the problems that count (strict: notices too)
    noticed: list[Problem]  # the notices that do not count

    @property
    def ok(self) -> bool:
        return not self.counted


def check_register(register: Register, peildatum: date, *, strict: bool = False) -> CheckResult:
    """The problems of ``register`` at ``peildatum``. A notice (a pilot not yet updated
    for the latest round) counts as a problem only when ``strict``."""
    problems = find_problems(register, peildatum)
    counted = [pr for pr in problems if strict or not pr.get("notice")]
    noticed = [pr for pr in problems if pr not in counted]
    pilots = len(register.as_of(peildatum).pilots)
    return CheckResult(peildatum, pilots, problems, counted, noticed)
