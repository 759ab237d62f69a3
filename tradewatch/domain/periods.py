"""Reporting periods: a full calendar year, or part of one such as January–August 2023."""

import calendar
from dataclasses import dataclass
from datetime import date

from tradewatch.domain.words import month_abbr


@dataclass(frozen=True, slots=True, order=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def is_full_year(self) -> bool:
        return (
            self.start.year == self.end.year
            and (self.start.month, self.start.day) == (1, 1)
            and (self.end.month, self.end.day) == (12, 31)
        )

    @property
    def is_partial(self) -> bool:
        return not self.is_full_year

    @property
    def label(self) -> str:
        """'2022', 'Jan–Aug 2023', '2021–2023', 'Mar 2023–Feb 2024'."""
        s, e = self.start, self.end
        whole_months = s.day == 1 and e.day == calendar.monthrange(e.year, e.month)[1]
        if s.month == 1 and e.month == 12 and whole_months:
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        start, end = month_abbr(s.month), month_abbr(e.month)
        if not whole_months:
            return f"{s.day:02} {start} {s.year}–{e.day:02} {end} {e.year}"
        if s.year == e.year:
            if s.month == e.month:
                return f"{start} {s.year}"
            return f"{start}–{end} {s.year}"
        return f"{start} {s.year}–{end} {e.year}"


def years_between(start: date, end: date) -> float:
    """Fractional years from start to end; exact whole years between the same calendar days."""
    return end.year - start.year + year_fraction(end) - year_fraction(start)


def year_fraction(day: date) -> float:
    days_in_year = 366 if calendar.isleap(day.year) else 365
    return day.timetuple().tm_yday / days_in_year
