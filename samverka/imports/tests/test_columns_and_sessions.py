"""Issue 13.10: every column name the help shows is read, and the preview lists each session
the import would create (marking dates off the activity's schedule) before anything is made."""

import re
from datetime import date

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from samverka.activities.models import Activity, ActivityType, FocusArea, Session
from samverka.imports.columns import TEMPLATE_COLUMNS, column_for, documented_headers
from samverka.imports.models import PendingImport


def _shown_on_the_upload_page(client, world) -> list[str]:
    body = client.get(reverse("imports:upload", args=[world.kalmar.code])).content.decode()
    names = re.findall(r"<dt><code>([^<]+)</code> <span class=\"muted\">([^<·]+)", body)
    shown = [part.strip() for pair in names for part in pair]
    help_text = re.search(r'id="id_file_helptext"[^>]*>(.*?)</', body, re.S)
    words = re.findall(r"[a-z_]+_[a-z_]+|\b[a-z]+\b", help_text.group(1)) if help_text else []
    shown += [w for w in words if w in TEMPLATE_COLUMNS]
    return shown


def _shown_in_the_template(client, world) -> list[str]:
    import io

    content = client.get(reverse("imports:template_xlsx", args=[world.kalmar.code])).content
    workbook = load_workbook(io.BytesIO(content))
    first, instructions = workbook.worksheets
    return [c.value for c in first[1]] + [
        row[0] for row in instructions.iter_rows(min_row=2, values_only=True)
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_column_name_the_help_shows_is_read(world, login_as, language):
    client = login_as(world.kalmar_ngo)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    shown = _shown_on_the_upload_page(client, world) + _shown_in_the_template(client, world)
    with translation.override(language):
        shown += documented_headers()
    assert len(shown) > 3 * len(TEMPLATE_COLUMNS)
    unread = [header for header in shown if column_for(header) is None]
    assert not unread, unread


def test_a_list_with_the_swedish_labels_as_headers_is_read(world, login_as):
    with translation.override("sv"):
        from samverka.imports.columns import LABELS

        headers = [str(LABELS[c]) for c in TEMPLATE_COLUMNS]
    assert {column_for(h) for h in headers} == set(TEMPLATE_COLUMNS)


@pytest.fixture
def weekly(world):
    return Activity.objects.create(
        collaboration=world.kalmar,
        name="Läxhjälp",
        focus_area=FocusArea.LEISURE,
        type=ActivityType.LEISURE,
        starts_on=date(2025, 1, 7),
        ends_on=date(2025, 6, 10),
        weekday=1,  # Tuesdays
    )


def test_the_preview_lists_each_new_session_and_marks_dates_off_the_schedule(
    world, login_as, weekly
):
    Session.objects.create(activity=weekly, date=date(2025, 3, 4))
    client = login_as(world.kalmar_ngo)
    text = (
        "datum;aktivitet;deltagarkod\n"
        "2025-03-04;Läxhjälp;AB23\n"  # the session exists
        "2025-03-11;Läxhjälp;AB23\n"  # a Tuesday: on the schedule
        "2025-03-13;Läxhjälp;AB23\n"  # a Thursday: not on it
        "2025-03-14;Simskola;AB23\n"  # a new activity
    )
    client.post(
        reverse("imports:upload", args=[world.kalmar.code]),
        {"file": SimpleUploadedFile("närvaro.csv", text.encode())},
    )
    pending = PendingImport.objects.get()
    response = client.get(reverse("imports:preview", args=[world.kalmar.code, pending.code]))
    body = response.content.decode()
    table = body[body.index('id="new-sessions"') :]
    rows = re.findall(r"<tr[^>]*>\s*<td>([^<]+)</td><td>(\d{4}-\d\d-\d\d)", table)
    assert rows == [
        ("Läxhjälp", "2025-03-11"),
        ("Läxhjälp", "2025-03-13"),
        ("Simskola", "2025-03-14"),
    ]
    assert table.count('class="off-schedule"') == 1
    assert "1 datum finns inte på sin aktivitets schema" in body
    assert Session.objects.count() == 1  # nothing is created until confirmed
    assert not Activity.objects.filter(name="Simskola").exists()
