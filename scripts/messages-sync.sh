#!/usr/bin/env bash
# Rebuild the Swedish catalogue from the code and locale/sv/sources/*.json, then compile it.
# Serialised with a lock so parallel work can run it safely.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/samverka-messages.lock
flock 9
DEBUG=1 .venv/bin/python manage.py makemessages -l sv --no-obsolete --ignore=.venv --ignore=staticfiles >/dev/null
python3 scripts/po_fill.py locale/sv/LC_MESSAGES/django.po locale/sv/sources/*.json || true
msgfmt --check -o /dev/null locale/sv/LC_MESSAGES/django.po
DEBUG=1 .venv/bin/python manage.py compilemessages -l sv --ignore=.venv >/dev/null
