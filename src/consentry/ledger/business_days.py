"""Business-day deadlines: the FCC gives 10 business days to honour a revocation (R116).

Business days skip weekends and US federal holidays (observed dates: a Saturday holiday is
observed on Friday, a Sunday one on Monday). Deadlines are end of day in US Eastern time, the
latest a business anywhere in the country could read "10 business days" as meaning.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

__all__ = ["add_business_days", "federal_holidays"]

_EASTERN = ZoneInfo("America/New_York")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def federal_holidays(year: int) -> frozenset[date]:
    mon, thu = 0, 3
    fixed = [date(year, 1, 1), date(year, 6, 19), date(year, 7, 4), date(year, 11, 11)]
    fixed.append(date(year, 12, 25))
    moving = [
        _nth_weekday(year, 1, mon, 3),  # Martin Luther King Jr. Day
        _nth_weekday(year, 2, mon, 3),  # Washington's Birthday
        _last_weekday(year, 5, mon),  # Memorial Day
        _nth_weekday(year, 9, mon, 1),  # Labor Day
        _nth_weekday(year, 10, mon, 2),  # Columbus Day
        _nth_weekday(year, 11, thu, 4),  # Thanksgiving
    ]
    observed = {_observed(d) for d in fixed}
    # New Year's Day on a Saturday is observed on Dec 31 of the year before.
    if _observed(date(year + 1, 1, 1)).year == year:
        observed.add(_observed(date(year + 1, 1, 1)))
    return frozenset(observed | set(moving))


def _is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in federal_holidays(day.year)


def add_business_days(start: datetime, days: int) -> datetime:
    """End of the `days`-th business day after `start` (23:59:59 Eastern), in UTC."""
    day = start.astimezone(_EASTERN).date()
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if _is_business_day(day):
            remaining -= 1
    end = datetime.combine(day, time(23, 59, 59), tzinfo=_EASTERN)
    return end.astimezone(UTC)
