"""Days without sessions: Swedish public holidays (and the eves Sweden keeps as holidays:
midsummer, Christmas and New Year's Eve) from the kept `holidays` library, and the breaks a
coordinator lists on an activity (school breaks). A weekly schedule skips them
(`services.session_dates`), and the import marks a date on one of them as not on the schedule.
"""

import re
from datetime import date
from functools import cache

import holidays


@cache
def _holidays(year: int) -> dict[date, str]:
    return dict(
        holidays.country_holidays(
            "SE", years=[year], language="sv", categories=("public", "de_facto")
        ).items()
    )


def _is_half_day(name: str) -> bool:
    # "Dag före …" and the other afternoons off ("från kl. 14.00") are working days.
    return "14.00" in name or name.startswith("Dag före") or name == "Klämdag"


def public_holiday(day: date) -> str | None:
    """The Swedish name of the public holiday on `day`, or None (Sundays are not named)."""
    name = _holidays(day.year).get(day)
    if name is None or _is_half_day(name):
        return None
    return name


def parse_breaks(text: str) -> list[list[str]]:
    """Lines "YYYY-MM-DD" or "YYYY-MM-DD – YYYY-MM-DD" (any dash, words after them ignored) as
    [first, last] ISO pairs; ValueError with the line that cannot be read."""
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        found = re.findall(r"\d{4}-\d{2}-\d{2}", line)
        try:
            days = [date.fromisoformat(d) for d in found[:2]]
        except ValueError:
            days = []
        if not days:
            raise ValueError(line)
        first, last = days[0], days[-1]
        if last < first:
            raise ValueError(line)
        pairs.append([first.isoformat(), last.isoformat()])
    return pairs


def breaks_text(pairs: list[list[str]]) -> str:
    return "\n".join(a if a == b else f"{a} – {b}" for a, b in pairs)


def in_break(pairs: list[list[str]], day: date) -> bool:
    iso = day.isoformat()
    return any(first <= iso <= last for first, last in pairs)


def skipped(activity, day: date) -> bool:
    """Whether a weekly schedule has no session on `day`: a public holiday or a listed break."""
    return public_holiday(day) is not None or in_break(activity.breaks or [], day)
