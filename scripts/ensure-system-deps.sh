#!/usr/bin/env bash
# Make sure the Debian packages the test suite needs are installed.
# Fast no-op when everything is present; installs only what is missing when run as root.
# Never runs `playwright install`: the browser tests use Debian's /usr/bin/chromium.
#   --runtime: only what the app itself needs (make run): Pango for PDFs, fonts, gettext;
#              without root it only warns.
set -euo pipefail

runtime_only=no
[ "${1:-}" = "--runtime" ] && runtime_only=yes

missing=()

# WeasyPrint (printed documents, samverka/lib/pdf.py) draws text with Pango and HarfBuzz.
for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
    [ "$(dpkg-query -W -f='${Status}' "$lib" 2>/dev/null || true)" = "install ok installed" ] \
        || missing+=("$lib")
done

if [ "$runtime_only" = no ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    # The load bench runs two gunicorn instances behind nginx (bench/load.py).
    [ -x /usr/sbin/nginx ] || missing+=(nginx)

    have_pg=no
    for d in /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/createdb" ]; then
            have_pg=yes
            break
        fi
    done
    if [ "$have_pg" = no ]; then
        missing+=(postgresql)
    fi
fi

command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)

# `make venv` runs `python3 -m venv`; Debian's python3 needs python3-venv for that.
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)

# (no `| grep -q` here: with pipefail, grep's early exit would SIGPIPE dpkg)
[ "$(dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null || true)" = "install ok installed" ] \
    || missing+=(fonts-noto-core)

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-system-deps: missing system packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    [ "$runtime_only" = yes ] && exit 0
    exit 1
fi

echo "ensure-system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
