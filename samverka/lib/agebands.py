"""Age bands like "0-5", "6-12", "65+", configured in settings.AGE_BANDS."""

from dataclasses import dataclass

from django.conf import settings

UNKNOWN = "unknown"


@dataclass(frozen=True)
class AgeBand:
    label: str
    low: int
    high: int | None  # None: open-ended ("65+")

    def contains(self, age: int) -> bool:
        return age >= self.low and (self.high is None or age <= self.high)


def parse(label: str) -> AgeBand:
    label = label.strip()
    if label.endswith("+"):
        return AgeBand(label, int(label[:-1]), None)
    low, high = label.split("-")
    return AgeBand(label, int(low), int(high))


def bands(labels: list[str] | None = None) -> list[AgeBand]:
    return [parse(label) for label in (labels or settings.AGE_BANDS)]


def band_for(age: int | None, labels: list[str] | None = None) -> str:
    """The label of the band `age` falls in, or "unknown"."""
    if age is None:
        return UNKNOWN
    for band in bands(labels):
        if band.contains(age):
            return band.label
    return UNKNOWN
