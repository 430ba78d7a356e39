"""Quiet hours (R118): may this number be texted at this instant, in its local time?

- Federal window 8:00-21:00 recipient local time (47 CFR 64.1200(c)(1)).
- Stricter state windows by default (configurable): FL, MD, MS, NJ, OK 8-20; CT 9-20;
  TX 9-21 Mon-Sat and 12-21 Sun; RI 9-18 weekdays and 10-17 weekends.
- Time zone from the number (phonenumbers, by area code and exchange). When the number maps to
  several zones, the window must be open in all of them. Toll-free and unknown numbers say
  nothing about where the person is, so they are checked against every US zone and say so.

Checking a batch: the zone comes from phonenumbers' own prefix table, looked up directly (one
dict lookup for most area codes; a few are split by exchange), and `QuietClock` computes each
prefix's verdict once per instant, so every further number costs a dict lookup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from phonenumbers.tzdata import TIMEZONE_DATA, TIMEZONE_LONGEST_PREFIX

from consentry.ledger.area_codes import STATE_BY_AREA_CODE

__all__ = [
    "DEFAULT_STATE_RULES",
    "QuietClock",
    "QuietHours",
    "StateRule",
    "Window",
    "zone_key",
    "zones_for",
]


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


# NANP toll-free area codes: the number says nothing about where its holder is.
_TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})
# Area codes whose exchanges lie in different zones (e.g. 208: Boise vs. the Idaho panhandle).
_SPLIT = frozenset(k[1:4] for k in TIMEZONE_DATA if k.startswith("1") and len(k) > 4)
_UNKNOWN = "the number's time zone is unknown"


def zone_key(e164: str) -> str:
    """The longest prefix of the number in phonenumbers' time-zone table (as it looks it up),
    without parsing: most area codes need one dict lookup."""
    digits = e164[1:]
    if digits.startswith("1") and digits[1:4] not in _SPLIT:
        key = digits[:4]
        if key in TIMEZONE_DATA or digits[1:4] in _TOLL_FREE:
            return key
    for size in range(min(len(digits), TIMEZONE_LONGEST_PREFIX), 0, -1):
        if digits[:size] in TIMEZONE_DATA:
            return digits[:size]
    return ""


@lru_cache(maxsize=4_096)
def zones_for(key: str) -> tuple[tuple[str, ...], str | None]:
    """Zones for a `zone_key` (plus a note when they are a guess)."""
    if key.startswith("1") and key[1:4] in _TOLL_FREE:
        return (), "toll-free number: the recipient could be in any US time zone"
    zones = tuple(z for z in TIMEZONE_DATA.get(key, ()) if z != "Etc/Unknown")
    if not zones:
        return (), _UNKNOWN
    if len(zones) > 4:  # a country-wide fallback entry, not a place
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
    """Quiet-hour verdicts at one instant, cached per time-zone prefix (mostly the area code)."""

    def __init__(self, config: QuietHours, at: datetime) -> None:
        self._config = config
        self._at = at
        self._by_key: dict[str, Verdict] = {}
        self._by_area: dict[str, Verdict] = {}  # "+1NPA" -> verdict
        self._local: dict[str, datetime] = {}

    def check(self, e164: str) -> Verdict:
        # Most numbers: one lookup by area code (area codes not split between zones).
        verdict = self._by_area.get(e164[:5])
        if verdict is not None:
            return verdict
        key = zone_key(e164)
        verdict = self._by_key.get(key)
        if verdict is None:
            verdict = self._compute(key)
            self._by_key[key] = verdict
        if e164.startswith("+1") and e164[2:5] not in _SPLIT:
            self._by_area[e164[:5]] = verdict
        return verdict

    def _compute(self, key: str) -> Verdict:
        config = self._config
        zones, note = zones_for(key)
        if not zones:
            zones = config.unknown_zones
            note = note or _UNKNOWN
        state = STATE_BY_AREA_CODE.get(key[1:4]) if key.startswith("1") else None
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
