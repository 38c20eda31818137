# Samverka developer tasks. `make run` for a local demo, `make test` for everything CI runs.

PYTHON_SYS  ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
PIP         := $(VENV)/bin/pip
PIP_FLAGS   := --disable-pip-version-check -q
PYTEST_ARGS ?=
# Test processes (pytest-xdist): one per core, at most 4; TEST_JOBS=0 runs in one process.
TEST_JOBS   ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)

RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP     := $(VENV)/.installed-dev

.PHONY: venv venv-dev run test test-sqlite test-postgres lint messages bench clean

venv: $(RUNTIME_STAMP)

venv-dev: $(DEV_STAMP)

$(PY):
	$(PYTHON_SYS) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PIP) install $(PIP_FLAGS) -r requirements.txt
	touch $@

# requirements-dev.txt includes requirements.txt (-r), so both trigger a reinstall.
$(DEV_STAMP): requirements-dev.txt requirements.txt | $(PY)
	$(PIP) install $(PIP_FLAGS) -r requirements-dev.txt
	touch $@

# The web server and, beside it, the worker that runs background work (long exports, PDFs).
run: venv
	bash scripts/ensure-system-deps.sh --runtime
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py db_worker >worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# Each step runs in order; make stops with a non-zero status at the first failure.
test:
	bash scripts/ensure-system-deps.sh
	$(MAKE) venv-dev
	$(MAKE) lint
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

test-sqlite: venv-dev
	$(PY) -m pytest -n $(TEST_JOBS) $(PYTEST_ARGS)

# With a streaming replica, so that samverka/lib/tests/test_replica.py reads from a real one.
test-postgres: venv-dev
	bash scripts/with-postgres.sh --replica $(PY) -m pytest -p no:cacheprovider -n $(TEST_JOBS) $(PYTEST_ARGS)

lint: venv-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: venv
	DEBUG=1 $(PY) manage.py makemessages -l sv --no-obsolete --ignore=$(VENV) --ignore=staticfiles
	DEBUG=1 $(PY) manage.py compilemessages --ignore=$(VENV) --ignore=staticfiles

# Performance figures at three data sizes on a throwaway PostgreSQL (README, Performance).
bench: venv-dev
	bash scripts/bench.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles worker.log
