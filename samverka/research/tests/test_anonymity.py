"""k-anonymity on age band, gender, third-country status and place: coarsening first
(municipality → county → the whole country, then wider age bands), suppression last."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from samverka.research.datasets.anonymity import ALL_AGES, NATIONAL, QUASI_IDENTIFIERS, anonymise

COUNTIES = {"Kalmar": "Kalmar län", "Nybro": "Kalmar län", "Boden": "Norrbottens län"}


def rows(n, *, age="6-12", gender="female", tcn="yes", place="Kalmar"):
    row = {"age_band": age, "gender": gender, "third_country": tcn, "place": place}
    return [{**row, "place_level": "municipality"} for _ in range(n)]


def groups(result):
    return Counter(tuple(r[q] for q in QUASI_IDENTIFIERS) for r in result)


def test_groups_of_k_or_more_are_left_as_they_are():
    kept, report = anonymise(rows(5) + rows(6, gender="male"), k=5, county_of=COUNTIES)
    assert len(kept) == 11 and not report.changed
    assert report.smallest_group == 5


def test_a_small_group_moves_up_to_the_county_first():
    data = rows(6) + rows(3, place="Nybro")
    data += rows(2, place="Kalmar", gender="male") + rows(3, place="Nybro", gender="male")
    kept, report = anonymise(data, k=5, county_of=COUNTIES)
    # The three girls of Nybro join the six of Kalmar in the county; the boys likewise.
    assert report.to_county == 14 and report.suppressed == 0
    assert groups(kept) == {
        ("6-12", "female", "yes", "Kalmar län"): 9,
        ("6-12", "male", "yes", "Kalmar län"): 5,
    }


def test_then_the_whole_country_then_wider_age_bands_and_only_then_suppression():
    data = (
        rows(3, place="Kalmar")
        + rows(3, place="Boden")
        + rows(2, age="13-17", place="Boden", gender="male")
        + rows(3, age="6-12", place="Boden", gender="male")
        + rows(1, age="65+", gender="other", tcn="no")
    )
    kept, report = anonymise(data, k=5, county_of=COUNTIES)
    assert report.to_national >= 6  # Kalmar and Boden girls meet in the whole country
    assert groups(kept)[("6-12", "female", "yes", NATIONAL)] == 6
    assert groups(kept)[("6-17", "male", "yes", NATIONAL)] == 5  # two bands joined
    assert report.bands_widened >= 5
    assert report.suppressed == 1  # the one person of 65+ with gender "other" is left out
    assert report.rows_out == len(data) - 1
    assert min(groups(kept).values()) >= 5


def test_an_unknown_age_joins_all_ages():
    data = rows(4, age="unknown") + rows(1, age="6-12")
    kept, report = anonymise(data, k=5, county_of={})
    assert {r["age_band"] for r in kept} == {ALL_AGES}
    assert report.suppressed == 0


QI = st.fixed_dictionaries(
    {
        "age_band": st.sampled_from(["0-5", "6-12", "13-17", "18-64", "65+", "unknown"]),
        "gender": st.sampled_from(["female", "male", "other", "not_stated"]),
        "third_country": st.sampled_from(["yes", "no", "unknown"]),
        "place": st.sampled_from(["Kalmar", "Nybro", "Boden", "Uddevalla"]),
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(QI, max_size=80), st.integers(min_value=2, max_value=8))
def test_every_released_group_has_at_least_k_rows(data, k):
    data = [{**row, "place_level": "municipality"} for row in data]
    kept, report = anonymise(data, k=k, county_of=COUNTIES)
    assert all(n >= k for n in groups(kept).values())
    assert report.rows_out + report.suppressed == report.rows_in == len(data)
