"""python manage.py funder_report."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from samverka.audit.models import AuditAction, AuditEvent

HEADER = "municipality_code,age_band,gender,third_country_national,participants"
PERIOD = ["--from", "2025-01-01", "--to", "2025-12-31"]


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command("funder_report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()


def test_exact_csv_with_header_and_codes(data):
    session = data.session(date(2025, 3, 4))
    data.group(1, session, birth_year=1950, gender="not_stated", tcn="unknown")
    data.group(2, session, birth_year=None, gender="other", tcn="no")
    boden_session = data.session(date(2025, 3, 4), data.world.boden)
    data.group(5, boden_session, data.world.boden, birth_year=2016, gender="male", tcn="yes")
    assert run(*PERIOD, "--format", "csv") == [
        HEADER,
        "0880,65+,not_stated,unknown,1",
        "0880,unknown,other,no,2",
        "2582,6-12,male,yes,5",
    ]


def test_disclosure_control_writes_the_published_tables_with_the_hidden_mark(kalmar_figures):
    """The rows are the cells of the published tables (a summed dimension reads "total"); a
    hidden figure reads "..", never "<5" (it need not be fewer than five)."""
    lines = run(*PERIOD, "--format", "csv", "--disclosure-control")
    assert lines[0] == HEADER
    assert "0880,6-12,male,total,.." in lines
    assert "0880,6-12,female,total,.." in lines  # 6, hidden with the 2 beside it
    assert "0880,total,total,total,8" in lines  # the total survives
    assert "2582,total,total,no,7" in lines
    assert not any("<5" in line for line in lines)
    assert all(line.split(",")[-1] == ".." or int(line.split(",")[-1]) >= 5 for line in lines[1:])


def test_municipality_option_keeps_one_municipality(kalmar_figures):
    lines = run(*PERIOD, "--format", "csv", "--municipality", "0880")
    assert lines == [HEADER, "0880,6-12,female,yes,6", "0880,6-12,male,yes,2"]
    controlled = run(*PERIOD, "--format", "csv", "--municipality", "0880", "--disclosure-control")
    assert controlled == [
        HEADER,
        "0880,6-12,female,total,..",
        "0880,6-12,male,total,..",
        "0880,6-12,total,total,8",
        "0880,total,female,total,..",
        "0880,total,male,total,..",
        "0880,total,total,yes,8",
        "0880,total,total,total,8",
    ]


def test_only_rows_with_someone_in_them_are_written(db):
    assert run(*PERIOD) == [HEADER]


def test_xlsx_goes_to_the_output_file(kalmar_figures, tmp_path):
    target = tmp_path / "amif.xlsx"
    assert run(*PERIOD, "--format", "xlsx", "--output", str(target)) == []
    book = load_workbook(target)
    assert book.sheetnames == [
        "Deltagare",
        "Anonyma deltagarräkningar",
        "Insatsområden",
        "Om filen",
    ]
    assert list(book["Deltagare"].values)[1] == ("0880", "Kalmar", "6–12", "Flicka/kvinna", "Ja", 6)


def test_every_run_is_in_the_audit_trail(kalmar_figures):
    run(*PERIOD, "--disclosure-control", "--municipality", "2582")
    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert event.actor is None
    assert "via command" in event.detail
    assert "municipality 2582" in event.detail


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-13-01", "--to", "2025-12-31"], "--from must be a date"),
        (["--from", "2025-01-01", "--to", "31/12/2025"], "--to must be a date"),
        (["--from", "2025-12-31", "--to", "2025-01-01"], "is before --from"),
        ([*PERIOD, "--format", "pdf"], "--format must be one of csv, xlsx"),
        ([*PERIOD, "--format", "xlsx"], "give it with --output"),
        ([*PERIOD, "--municipality", "880"], "four-digit code"),
        ([*PERIOD, "--municipality", "9999"], "no municipality with code 9999"),
        ([*PERIOD, "--output", "/no/such/folder/x.csv"], "does not exist"),
    ],
)
def test_bad_arguments_give_a_clear_error(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_from_and_to_are_required(db):
    with pytest.raises(CommandError):
        run("--from", "2025-01-01")
