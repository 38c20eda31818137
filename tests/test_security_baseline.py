"""Production settings, headers and the health check."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-key-with-enough-entropy-0987654321",
    "ALLOWED_HOSTS": "samverka.example.org",
    "FIELD_ENCRYPTION_KEYS": "iBdH0XpgmSJXztvs_PNQn19xzlVfgeZ7jSOlPIYPzt4=",
    "PATH": os.environ.get("PATH", ""),
}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_has_no_warnings_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_every_cookie_is_host_prefixed_in_production_and_sqlite_takes_concurrent_writers(
    tmp_path,
):
    probe = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.LANGUAGE_COOKIE_NAME); "
        "from django.db import connection as c; c.ensure_connection(); "
        "cur = c.cursor(); cur.execute('PRAGMA journal_mode'); print(cur.fetchone()[0]); "
        "o = c.settings_dict['OPTIONS']; print(o['transaction_mode'], o['timeout'])"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}"}
    result = run_manage("shell", "--no-imports", "-c", probe, env=env)
    assert result.returncode == 0, result.stderr
    cookies, journal, options = result.stdout.split("\n")[:3]
    assert cookies.split() == ["__Host-sessionid", "__Host-csrftoken", "__Host-django_language"]
    assert journal == "wal"
    assert options == "IMMEDIATE 20"


def test_secret_key_is_required_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_healthz_answers_when_the_database_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_is_down(client, db, monkeypatch):
    class BrokenConnection:
        def cursor(self):
            raise OperationalError("database down")

    monkeypatch.setattr("samverka.lib.health.connection", BrokenConnection())
    assert client.get(reverse("healthz")).status_code == 503


def test_content_security_policy_forbids_inline_scripts(client, db):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_templates_have_no_inline_scripts_or_styles():
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert "<style" not in text and " style=" not in text, template
        assert " on" + "click=" not in text, template


def test_no_third_party_assets_are_loaded():
    for template in (ROOT / "templates").rglob("*.html"):
        assert not re.search(r"(src|href)=\"https?://", template.read_text()), template


def test_forms_refuse_posts_without_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.kalmar_ngo)
    response = client.post(reverse("orgs:partners", args=[world.kalmar.code]), {})
    assert response.status_code == 403


@pytest.mark.parametrize("header", ["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"])
def test_security_headers_are_set(client, db, header):
    assert client.get(reverse("accounts:login")).has_header(header)
