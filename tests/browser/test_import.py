"""Journey: a coordinator imports an attendance list kept in Excel, on a phone."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from samverka.activities.models import Activity, ActivityType, Attendance, FocusArea
from samverka.participants.models import Participant
from tests.browser.conftest import PHONE, either

pytestmark = pytest.mark.browser

LIST = (
    "datum;aktivitet;deltagarkod;födelseår;kön;tredjelandsmedborgare;samtycke\n"
    "2025-03-14;Cykelverkstad;AB23;2015;flicka;ja;ja\n"
    "2025-03-14;Cykelverkstad;CD34;2014;pojke;nej;\n"
    "2025-03-18;Läxhjälp;AB23;2015;flicka;ja;ja\n"
)


def test_coordinator_imports_a_list_with_a_new_activity(page, live_world, log_in, shoot):
    world = live_world
    Activity.objects.create(
        collaboration=world.kalmar,
        name="Cykelverkstad",
        focus_area=FocusArea.LEISURE,
        type=ActivityType.LEISURE,
        starts_on=date(2025, 1, 1),
    )
    log_in(world.kalmar_ngo)
    page.goto(f"/c/{world.kalmar.code}/")
    page.get_by_role("link", name=either("Importera närvaro", "Import attendance")).click()
    expect(page).to_have_url(re.compile(rf"/c/{world.kalmar.code}/import/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        either("Importera närvaro", "Import attendance")
    )
    shoot("import-upload")

    page.locator("input[type=file]").set_input_files(
        files=[{"name": "närvaro.csv", "mimeType": "text/csv", "buffer": LIST.encode()}]
    )
    with page.expect_navigation():
        page.get_by_role("button", name=either("Kontrollera filen", "Check the file")).click()
    expect(page).to_have_url(re.compile(rf"/c/{world.kalmar.code}/import/[A-Z0-9]+/$"))
    summary = page.locator("#import-summary")
    expect(summary).to_be_visible()
    expect(page.locator("legend")).to_have_text("Läxhjälp")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the preview is {width}px wide on a phone"
    shoot("import-preview")

    page.get_by_label(either("Insatsområde", "Focus area")).select_option("3")
    page.get_by_label(either("Skapa den nya aktiviteten", "Create the new activity")).check()
    with page.expect_navigation():
        page.get_by_role("button", name=either("Importera", "Import")).click()
    expect(page).to_have_url(re.compile(rf"/c/{world.kalmar.code}/$"))
    expect(page.locator(".message-success")).to_contain_text(
        re.compile("importerad|imported", re.IGNORECASE)
    )
    assert Attendance.objects.count() == 3
    assert Participant.objects.filter(collaboration=world.kalmar).count() == 2
    assert Activity.objects.get(name="Läxhjälp").focus_area == FocusArea.PARENT_SUPPORT
