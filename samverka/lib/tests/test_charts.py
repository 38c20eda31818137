"""The chart module every feature uses: data for static/js/charts.js and pieces of SVG charts."""

from django.utils import translation

from samverka.lib.charts import SERIES, bar_chart, one_decimal, svg_open, svg_text, wrap


def test_a_bar_chart_gives_each_dataset_its_series_colour_in_turn():
    chart = bar_chart(
        labels=[2024, "2025"],
        datasets=[(f"Serie {n}", [n, None]) for n in range(len(SERIES) + 1)],
        horizontal=True,
    )
    assert chart["labels"] == ["2024", "2025"] and chart["horizontal"] is True
    assert [d["colour"] for d in chart["datasets"]] == [*SERIES, SERIES[0]]
    assert chart["datasets"][1] == {"label": "Serie 1", "colour": SERIES[1], "data": [1, None]}


def test_a_bar_chart_without_a_bar_to_draw_is_empty():
    assert bar_chart(labels=["a", "b"], datasets=[("x", [None, 0]), ("y", [None, None])]) == {}


def test_one_decimal_rounds_half_up_in_the_readers_language():
    with translation.override("sv"):
        assert one_decimal(3.25) == "3,3"
    with translation.override("en"):
        assert one_decimal(2.449) == "2.4"


def test_svg_pieces_escape_their_text_and_name_the_chart():
    opening = "".join(svg_open("q1", 360, 200, title="A & B", desc="<desc>"))
    assert 'aria-labelledby="q1-title q1-desc"' in opening and 'viewBox="0 0 360 200"' in opening
    assert "A &amp; B" in opening and "&lt;desc&gt;" in opening
    assert svg_text(1, 2, "<3") == (
        '<text x="1.0" y="2.0" font-size="12" fill="#1b2428" text-anchor="start" '
        'font-weight="normal">&lt;3</text>'
    )


def test_labels_wrap_at_spaces_within_their_room():
    assert wrap("Engagemang som hålls tillbaka", 12) == ["Engagemang", "som hålls", "tillbaka"]
    assert wrap("", 10) == []
