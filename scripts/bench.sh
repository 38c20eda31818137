#!/usr/bin/env bash
# `make bench`: Samverka's performance figures on a throwaway PostgreSQL cluster.
#   usage: scripts/bench.sh            (BENCH_SIZES, BENCH_REPEAT, BENCH_LOAD: see bench/run.py)
# Starts PostgreSQL with scripts/with-postgres.sh (as `make test` does), then bench/run.py
# builds synthetic data at each size in its own database, measures and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."
export SECRET_KEY="${SECRET_KEY:-bench-only-secret-key-not-for-production-0123456789abcdef}"
export DEBUG=0 STATIC_MANIFEST=0 LOG_LEVEL="${LOG_LEVEL:-WARNING}"
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore:No directory at}"
exec bash scripts/with-postgres.sh .venv/bin/python -m bench.run "$@"
