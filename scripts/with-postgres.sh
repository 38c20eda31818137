#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster.
#   usage: scripts/with-postgres.sh [--replica] CMD [ARGS...]
# Starts a private cluster on a free port of 127.0.0.1, creates database "samverka"
# owned by superuser "samverka" and the application role "samverka_app", exports DATABASE_URL
# (and DATABASE_APP_ROLE) and runs CMD. With --replica (or WITH_REPLICA=1) it also starts a
# streaming replica of that cluster (pg_basebackup -R) on another free port and exports
# DATABASE_REPLICA_URL (samverka/lib/replica.py). The clusters and
# their directory are removed on any exit (success, failure, Ctrl-C). Exits with CMD's status.
set -euo pipefail

with_replica="${WITH_REPLICA:-0}"
if [ "${1:-}" = "--replica" ]; then
    with_replica=1
    shift
fi
if [ "$#" -eq 0 ]; then
    echo "usage: $0 [--replica] CMD [ARGS...]" >&2
    exit 2
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
    echo "with-postgres: no PostgreSQL server found under /usr/lib/postgresql/*/bin" \
        "(run scripts/ensure-system-deps.sh)" >&2
    exit 1
fi
pg_version=$(basename "$(dirname "$pg_bin")")

if [ "$(id -u)" -eq 0 ]; then
    as_pg=(runuser -u postgres --)
else
    as_pg=()
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/samverka-pg.XXXXXX")
started=no
replica_started=no

cleanup() {
    if [ "$replica_started" = yes ]; then
        "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/replica" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ "$started" = yes ]; then
        "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$tmp"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

if ! "${as_pg[@]}" "$pg_bin/initdb" -D "$tmp/data" -A trust -U samverka -E UTF8 \
        --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1; then
    echo "with-postgres: initdb failed:" >&2
    cat "$tmp/initdb.log" >&2
    exit 1
fi

started=yes
if ! "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/data" \
        -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        -l "$tmp/log" -w start >/dev/null; then
    echo "with-postgres: PostgreSQL failed to start; server log:" >&2
    cat "$tmp/log" >&2 || true
    exit 1
fi

"$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U samverka samverka
# The role the application runs as in production (README, Deploying): it owns nothing and may
# only INSERT and SELECT on the audit trail. Tests grant it (grant_app_role) and show that it
# cannot UPDATE, DELETE, TRUNCATE or DISABLE TRIGGER there.
"$pg_bin/psql" -h 127.0.0.1 -p "$port" -U samverka -d samverka -q \
    -c "CREATE ROLE samverka_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE" >/dev/null

echo "with-postgres: PostgreSQL $pg_version on 127.0.0.1:$port (throwaway cluster in $tmp)" >&2

if [ "$with_replica" = 1 ]; then
    # A hot standby streaming from the primary (initdb's pg_hba.conf already trusts replication
    # connections from 127.0.0.1; wal_level=replica is the default).
    replica_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    if ! "${as_pg[@]}" "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U samverka \
            -D "$tmp/replica" -R -X stream -c fast >"$tmp/basebackup.log" 2>&1; then
        echo "with-postgres: pg_basebackup failed:" >&2
        cat "$tmp/basebackup.log" >&2
        exit 1
    fi
    replica_started=yes
    if ! "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/replica" \
            -o "-p $replica_port -k $tmp -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off -c full_page_writes=off" \
            -l "$tmp/replica.log" -w start >/dev/null; then
        echo "with-postgres: the replica failed to start; its log:" >&2
        cat "$tmp/replica.log" >&2 || true
        exit 1
    fi
    echo "with-postgres: streaming replica on 127.0.0.1:$replica_port" >&2
    export DATABASE_REPLICA_URL="postgres://samverka@127.0.0.1:$replica_port/samverka"
fi

export DATABASE_URL="postgres://samverka@127.0.0.1:$port/samverka"
export DATABASE_APP_ROLE=samverka_app
set +e
"$@"
status=$?
set -e
exit "$status"
