"""The one clock and time zone: "now" (aware UTC), the local zone and "today" in it.

Services and the UI take the time from :func:`clock` (or a ``Clock`` handed to them), never
from ``date.today()`` or ``datetime.astimezone()`` without a zone: the zone is the system's
IANA zone (tzlocal) with its daylight-saving rules, not today's fixed UTC offset. Tests inject
a :class:`FixedClock` (``use_clock``) or pass ``now=``/``today=``/``tz=`` where a function
takes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, tzinfo


class Clock:
    """The system clock in the system's IANA time zone."""

    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        return datetime.now(UTC)

    def zone(self) -> tzinfo:
        """The local time zone with its daylight-saving rules (tzlocal)."""
        import tzlocal

        zone: tzinfo = tzlocal.get_localzone()
        return zone

    def today(self) -> date:
        """Today's date on the local calendar."""
        return self.now().astimezone(self.zone()).date()

    def local_day(self, instant: datetime) -> date:
        """The local calendar day of an aware instant."""
        return instant.astimezone(self.zone()).date()

    def local_midnight(self, day: date) -> datetime:
        """The instant (UTC) at which ``day`` starts in the local zone."""
        return datetime.combine(day, time(0), tzinfo=self.zone()).astimezone(UTC)


class FixedClock(Clock):
    """A clock stopped at one instant in a given zone (tests, screenshots)."""

    def __init__(self, now: datetime, zone: tzinfo) -> None:
        if now.tzinfo is None:
            raise ValueError("now must be aware")
        self._now = now.astimezone(UTC)
        self._zone = zone

    def now(self) -> datetime:
        return self._now

    def zone(self) -> tzinfo:
        return self._zone


_current: Clock = Clock()


def clock() -> Clock:
    """The clock every service and the UI read (the system clock unless one was injected)."""
    return _current


def set_clock(new: Clock | None) -> Clock:
    """Install ``new`` (None: the system clock) and return the previous one."""
    global _current
    previous, _current = _current, new or Clock()
    return previous


@contextmanager
def use_clock(new: Clock) -> Iterator[Clock]:
    """Run a block with ``new`` as the clock, then put the previous one back."""
    previous = set_clock(new)
    try:
        yield new
    finally:
        set_clock(previous)


def local_zone() -> tzinfo:
    """The local time zone of the current clock (DST-correct)."""
    return _current.zone()


def now() -> datetime:
    return _current.now()


def today() -> date:
    return _current.today()
