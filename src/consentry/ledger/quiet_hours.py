"""Quiet hours (R118): may this number be texted at this instant, in its local time?

- Federal window 8:00-21:00 recipient local time (47 CFR 64.1200(c)(1)).
- Stricter state windows by default (configurable): FL, MD, MS, NJ, OK 8-20; CT 9-20;
  TX 9-21 Mon-Sat and 12-21 Sun; RI 9-18 weekdays and 10-17 weekends.
- Time zone from the number (phonenumbers, by area code and exchange). When the number maps to
  several zones, the window must be open in all of them. Toll-free and unknown numbers say
  nothing about where the person is, so they are checked against every US zone and say so.

Checking a batch: windows depend only on the area code + exchange and the instant, so
`QuietClock` computes each prefix once per instant and every further number costs a dict lookup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

import phonenumbers
from phonenumbers import timezone as pn_timezone

from consentry.ledger.area_codes import STATE_BY_AREA_CODE

__all__ = ["DEFAULT_STATE_RULES", "QuietClock", "QuietHours", "StateRule", "Window", "zones_for"]


@dataclass(frozen=True, slots=True)
class Window:
    start: time
    end: time  # exclusive

    def __and__(self, other: Window) -> Window:
        return Window(max(self.start, other.start), min(self.end, other.end))

    def contains(self, moment: time) -> bool:
        return self.start <= moment < self.end


def _w(start: int, end: int) -> Window:
    return Window(time(start), time(end))


@dataclass(frozen=True, slots=True)
class StateRule:
    weekdays: Window
    saturday: Window
    sunday: Window

    @classmethod
    def every_day(cls, start: int, end: int) -> StateRule:
        return cls(_w(start, end), _w(start, end), _w(start, end))

    def on(self, weekday: int) -> Window:
        return self.weekdays if weekday < 5 else (self.saturday if weekday == 5 else self.sunday)


DEFAULT_STATE_RULES: Mapping[str, StateRule] = {
    **{state: StateRule.every_day(8, 20) for state in ("FL", "MD", "MS", "NJ", "OK")},
    "CT": StateRule.every_day(9, 20),
    "TX": StateRule(_w(9, 21), _w(9, 21), _w(12, 21)),
    "RI": StateRule(_w(9, 18), _w(10, 17), _w(10, 17)),
}
_ALL_US_ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
)


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Configuration. `kinds`: which message kinds quiet hours apply to (both by default: the
    federal rule names telephone solicitations, but several state laws and carriers' codes of
    conduct are broader, and nobody wants a reminder at 3 a.m.)."""

    window: Window = field(default_factory=lambda: _w(8, 21))
    state_rules: Mapping[str, StateRule] = field(default_factory=lambda: dict(DEFAULT_STATE_RULES))
    kinds: frozenset[str] = frozenset({"marketing", "informational"})
    unknown_zones: tuple[str, ...] = _ALL_US_ZONES


@lru_cache(maxsize=65_536)
def zones_for(prefix: str) -> tuple[tuple[str, ...], str | None]:
    """Zones for an E.164 prefix "+1NPANXX" (plus a note when they are a guess)."""
    try:
        number = phonenumbers.parse(prefix + "0000", None)
    except phonenumbers.NumberParseException:
        return (), "the number's time zone is unknown"
    if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.TOLL_FREE:
        return (), "toll-free number: the recipient could be in any US time zone"
    zones = tuple(z for z in pn_timezone.time_zones_for_number(number) if z != "Etc/Unknown")
    if not zones:
        return (), "the number's time zone is unknown"
    if len(zones) > 4:
        return (), "the number's time zone is uncertain"
    if len(zones) > 1:
        return zones, "the area code spans time zones: the window must be open in all of them"
    return zones, None


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    note: str | None


class QuietClock:
    """Quiet-hour verdicts at one instant, cached per number prefix (area code + exchange)."""

    def __init__(self, config: QuietHours, at: datetime) -> None:
        self._config = config
        self._at = at
        self._by_prefix: dict[str, Verdict] = {}
        self._local: dict[str, datetime] = {}

    def check(self, e164: str) -> Verdict:
        prefix = e164[:8]
        verdict = self._by_prefix.get(prefix)
        if verdict is None:
            verdict = self._compute(e164)
            self._by_prefix[prefix] = verdict
        return verdict

    def _compute(self, e164: str) -> Verdict:
        config = self._config
        zones, note = zones_for(e164[:8]) if e164.startswith("+1") else ((), None)
        if not zones:
            zones = config.unknown_zones
            note = note or "the number's time zone is unknown"
        state = STATE_BY_AREA_CODE.get(e164[2:5]) if e164.startswith("+1") else None
        rule = config.state_rules.get(state) if state else None
        for name in zones:
            local = self._local.get(name)
            if local is None:
                local = self._at.astimezone(_zone(name))
                self._local[name] = local
            window = config.window
            if rule is not None:
                window = window & rule.on(local.weekday())
            if not window.contains(local.time()):
                why = f"outside {window.start:%H:%M}-{window.end:%H:%M} in {name}"
                if rule is not None:
                    why += f" ({state} rule)"
                return Verdict(False, f"{why}; {note}" if note else why)
        return Verdict(True, note)
