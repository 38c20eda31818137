"""The web flow: upload, preview with bad rows, confirm new activities, import, templates."""

import io
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

from samverka.activities.models import Activity, Attendance
from samverka.audit.models import AuditEvent
from samverka.imports.forms import field_key
from samverka.imports.models import PendingImport
from samverka.imports.panels import import_panel
from samverka.orgs.panels import PROVIDERS
from samverka.orgs.selectors import collaboration_access
from samverka.participants.models import Participant

LIST = (
    "datum;aktivitet;deltagarkod;födelseår;kön;tredjelandsmedborgare\n"
    "2025-03-14;Cykelverkstad;AB23;2015;flicka;ja\n"
    "2025-03-14;Läxhjälp;CD34;2014;pojke;nej\n"
)


def upload(client, world, text=LIST, name="närvaro.csv", **headers):
    return client.post(
        reverse("imports:upload", args=[world.kalmar.code]),
        {"file": SimpleUploadedFile(name, text.encode())},
        **headers,
    )


def preview_url(world, pending):
    return reverse("imports:preview", args=[world.kalmar.code, pending.code])


def confirm_data(*names, create=True, focus=2, kind="other"):
    data = {}
    for name in names:
        data[f"focus_{field_key(name)}"] = focus
        data[f"type_{field_key(name)}"] = kind
    if create:
        data["create_activities"] = "on"
    return data


def test_the_upload_page_links_to_the_templates(login_as, world):
    response = login_as(world.kalmar_ngo).get(reverse("imports:upload", args=[world.kalmar.code]))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("imports:template_xlsx", args=[world.kalmar.code]) in body
    assert reverse("imports:template_csv", args=[world.kalmar.code]) in body
    assert 'hx-encoding="multipart/form-data"' in body
    assert "<progress" in body
    assert 'enctype="multipart/form-data"' in body  # works without JavaScript


def test_the_overview_panel_links_to_the_import_for_those_who_may_import(rf, world):
    assert "samverka.imports.panels.import_panel" in PROVIDERS
    url = reverse("imports:upload", args=[world.kalmar.code])
    for user in (world.kalmar_ngo, world.kalmar_kommun):
        panel = import_panel(rf.get("/"), collaboration_access(user, world.kalmar.code))
        html = render_to_string(panel.template, {"panel": panel.context})
        assert url in html
    for user in (world.kalmar_ledare, world.kalmar_partner_user, world.forskare):
        assert import_panel(rf.get("/"), collaboration_access(user, world.kalmar.code)) is None


def test_upload_stores_the_rows_and_shows_the_preview(login_as, world, cykel):
    client = login_as(world.kalmar_ngo)
    response = upload(client, world)
    pending = PendingImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == preview_url(world, pending)
    assert (pending.collaboration, pending.created_by) == (world.kalmar, world.kalmar_ngo)
    assert pending.filename == "närvaro.csv"
    assert len(pending.rows) == 2

    response = client.get(preview_url(world, pending))
    plan = response.context["plan"]
    assert (plan.rows, plan.new_participants, plan.new_sessions) == (3 - 1, 2, 2)
    assert (plan.new_activities, plan.attendance_to_add, plan.already_present) == (1, 2, 0)
    assert plan.unknown_activities == ["Läxhjälp"]
    assert "Läxhjälp" in response.content.decode()
    assert not Participant.objects.exists()


def test_an_htmx_upload_is_sent_to_the_preview_with_hx_redirect(login_as, world, cykel):
    response = upload(login_as(world.kalmar_ngo), world, HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == preview_url(world, PendingImport.objects.get())


def test_an_unreadable_file_stays_on_the_form_with_the_reason(login_as, world):
    response = upload(login_as(world.kalmar_ngo), world, text="namn;telefon\nAli;070\n")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not PendingImport.objects.exists()


def test_the_preview_lists_bad_rows_with_line_and_column(login_as, world, cykel):
    client = login_as(world.kalmar_ngo)
    upload(
        client,
        world,
        text=(
            "date,activity,participant_code,gender\n"
            "2025-03-14,Cykelverkstad,AB23,flicka\n"
            "14 mars,Cykelverkstad,CD34,tjej\n"
            "2025-03-14,Cykelverkstad,,flicka\n"
        ),
    )
    pending = PendingImport.objects.get()
    response = client.get(preview_url(world, pending))
    assert [(e.line, e.column) for e in response.context["errors"]] == [
        (3, "date"),
        (3, "gender"),
        (4, "participant_code"),
    ]
    assert response.context["errors"][0].column_label == "datum"  # the user's language
    body = response.content.decode()
    assert 'id="import-errors"' in body
    assert "tjej" in body
    # No import button while rows are wrong; the same POST imports nothing.
    assert 'id="import-summary"' not in body
    client.post(preview_url(world, pending), confirm_data())
    assert not Attendance.objects.exists()
    assert not Participant.objects.exists()


def test_new_activities_need_confirmation_before_the_import(login_as, world, cykel):
    client = login_as(world.kalmar_ngo)
    upload(client, world)
    pending = PendingImport.objects.get()
    response = client.post(preview_url(world, pending), confirm_data("Läxhjälp", create=False))
    assert response.status_code == 200
    assert response.context["form"].errors["create_activities"]
    assert not Participant.objects.exists()
    assert not Activity.objects.filter(name="Läxhjälp").exists()

    response = client.post(
        preview_url(world, pending), confirm_data("Läxhjälp", focus=3, kind="parent_group")
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("orgs:collaboration", args=[world.kalmar.code])
    created = Activity.objects.get(name="Läxhjälp", collaboration=world.kalmar)
    assert (created.focus_area, created.type) == (3, "parent_group")
    assert Attendance.objects.count() == 2
    pending.refresh_from_db()
    assert pending.used_at is not None and pending.rows == []
    assert AuditEvent.objects.filter(object_code=pending.code, detail__startswith="import: 2 rows")
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(shown) == 1 and "2" in shown[0]


def test_confirming_twice_is_harmless(login_as, world, cykel):
    client = login_as(world.kalmar_ngo)
    upload(client, world)
    pending = PendingImport.objects.get()
    client.post(preview_url(world, pending), confirm_data("Läxhjälp"))
    response = client.post(preview_url(world, pending), confirm_data("Läxhjälp"))
    assert response.status_code == 302
    assert Attendance.objects.count() == 2
    assert Activity.objects.filter(name="Läxhjälp").count() == 1


def test_uploading_the_same_list_again_shows_it_is_already_there(login_as, world, cykel):
    client = login_as(world.kalmar_ngo)
    upload(client, world)
    client.post(preview_url(world, PendingImport.objects.get()), confirm_data("Läxhjälp"))
    upload(client, world)
    second = PendingImport.objects.filter(used_at__isnull=True).get()
    plan = client.get(preview_url(world, second)).context["plan"]
    assert (plan.attendance_to_add, plan.already_present, plan.new_participants) == (0, 2, 0)
    client.post(preview_url(world, second), confirm_data())
    assert Attendance.objects.count() == 2
    assert Participant.objects.count() == 2


def test_an_expired_upload_cannot_be_imported(login_as, world, cykel):
    client = login_as(world.kalmar_ngo)
    upload(client, world)
    pending = PendingImport.objects.get()
    PendingImport.objects.filter(pk=pending.pk).update(
        created_at=pending.created_at - timedelta(days=2)
    )
    response = client.post(preview_url(world, pending), confirm_data("Läxhjälp"))
    assert response["Location"] == reverse("imports:upload", args=[world.kalmar.code])
    assert not Attendance.objects.exists()
    upload(client, world)  # housekeeping removes the expired upload
    assert not PendingImport.objects.filter(pk=pending.pk).exists()


def test_someone_elses_upload_is_not_found(login_as, world, cykel):
    upload(login_as(world.kalmar_ngo), world)
    pending = PendingImport.objects.get()
    client = login_as(world.kalmar_kommun)
    assert client.get(preview_url(world, pending)).status_code == 404
    assert client.post(preview_url(world, pending), confirm_data("Läxhjälp")).status_code == 404
    assert not Attendance.objects.exists()


def test_the_csv_template_has_the_columns_and_no_rows(login_as, world):
    response = login_as(world.kalmar_ngo).get(
        reverse("imports:template_csv", args=[world.kalmar.code])
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert text.strip() == (
        "date;activity;participant_code;birth_year;gender;third_country_national;"
        "reporting_consent;household;language;role"
    )


def test_the_xlsx_template_has_the_columns_and_an_explanation(login_as, world):
    response = login_as(world.kalmar_ngo).get(
        reverse("imports:template_xlsx", args=[world.kalmar.code])
    )
    assert "spreadsheetml" in response["Content-Type"]
    workbook = load_workbook(io.BytesIO(response.content))
    first = workbook.worksheets[0]
    header = [cell.value for cell in next(first.iter_rows(max_row=1))]
    assert header[:6] == [
        "date",
        "activity",
        "participant_code",
        "birth_year",
        "gender",
        "third_country_national",
    ]
    assert first.max_row == 1 or all(
        cell.value is None for row in first.iter_rows(min_row=2) for cell in row
    )
    assert workbook.worksheets[1].max_row == 11


def test_a_filled_in_xlsx_template_imports(login_as, world, cykel):
    client = login_as(world.kalmar_ngo)
    template = client.get(reverse("imports:template_xlsx", args=[world.kalmar.code])).content
    workbook = load_workbook(io.BytesIO(template))
    workbook.worksheets[0].append(["2025-03-14", "Cykelverkstad", "AB23", 2015, "flicka", "ja"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.post(
        reverse("imports:upload", args=[world.kalmar.code]),
        {"file": SimpleUploadedFile("lista.xlsx", buffer.getvalue())},
    )
    pending = PendingImport.objects.get()
    client.post(preview_url(world, pending), {})
    assert Attendance.objects.get().participant.code == "AB23"


@pytest.mark.parametrize(
    "persona", ["kalmar_ledare", "kalmar_partner_user", "forskare", "nationell"]
)
@pytest.mark.parametrize(
    "name", ["imports:upload", "imports:template_csv", "imports:template_xlsx"]
)
def test_roles_without_the_import_capability_are_refused(login_as, world, persona, name):
    client = login_as(getattr(world, persona))
    assert client.get(reverse(name, args=[world.kalmar.code])).status_code == 403


def test_roles_without_the_import_capability_cannot_post_a_list(login_as, world, cykel):
    response = upload(login_as(world.kalmar_ledare), world)
    assert response.status_code == 403
    assert not PendingImport.objects.exists()


def test_the_municipal_contact_may_import(login_as, world, cykel):
    client = login_as(world.kalmar_kommun)
    upload(client, world)
    client.post(preview_url(world, PendingImport.objects.get()), confirm_data("Läxhjälp"))
    assert Attendance.objects.count() == 2


def test_a_boden_coordinator_cannot_import_into_kalmar(login_as, world, cykel):
    upload(login_as(world.kalmar_ngo), world)
    pending = PendingImport.objects.get()
    client = login_as(world.boden_ngo)
    assert upload(client, world).status_code == 404
    assert client.get(preview_url(world, pending)).status_code == 404
    assert client.post(preview_url(world, pending), confirm_data("Läxhjälp")).status_code == 404
    url = reverse("imports:template_csv", args=[world.kalmar.code])
    assert client.get(url).status_code == 404
    assert PendingImport.objects.count() == 1
    assert not Attendance.objects.exists()
