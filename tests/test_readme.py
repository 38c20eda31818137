"""The README stays true about configuration: every environment variable the settings read is
documented in its Configuration table."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_read_from_the_environment_is_in_the_configuration_table():
    settings = (ROOT / "samverka" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env(?:bool|int|list)\("([A-Z_]+)"', settings))
    names |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([A-Z_]+)`", table, re.MULTILINE))
    documented |= {
        n
        for row in re.findall(r"^\| (`[A-Z_]+`(?:, `[A-Z_]+`)+)", table, re.MULTILINE)
        for n in re.findall(r"`([A-Z_]+)`", row)
    }
    assert names, "the pattern no longer finds the settings' variables"
    missing = sorted(names - documented)
    assert not missing, f"not in the README's Configuration table: {missing}"
