"""Issue 13, polish: seed_demo's closing hint prints a demo_totp command that works as printed,
pasted into a new shell (where DEBUG is not set)."""

import os
import shlex
import subprocess

import pytest

from samverka.demo.management.commands.seed_demo import totp_command


@pytest.mark.parametrize("debug", [True, False])
def test_the_printed_command_runs_in_a_fresh_shell(settings, tmp_path, debug):
    settings.DEBUG = debug
    command = totp_command("nationell")
    assert command.startswith(f"cd {shlex.quote(str(settings.BASE_DIR))} && ")
    assert ("DEBUG=1 " in command) == debug and command.endswith("--force") != debug
    # In a fresh shell without DEBUG, against an empty database: demo_totp runs (it answers
    # that nobody has an authenticator there), it is not refused for DEBUG or not found.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    env["SECRET_KEY"] = "only-for-this-test-" + "x" * 40
    result = subprocess.run(
        ["bash", "-c", command], env=env, capture_output=True, text=True, timeout=120
    )
    assert "refuses to run with DEBUG off" not in result.stderr
    assert "nationell has no authenticator" in result.stderr or "no such table" in result.stderr
