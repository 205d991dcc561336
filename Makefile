# Klantportaal: `make run` serves the portal with demo data, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BUN := .tools/node_modules/.bin/bun
PORT ?= 3000
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := false
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(PATH)
export PORT

# The moments `make test-moments` freezes the clock at (see tests/moments.py).
MOMENTS := monday friday saturday dst-end dst-start

.PHONY: run run-scaled test test-moments lint bench-planning bench-portal bench-load setup browser proxy pg-client backup

run: setup
	@$(PY) -m portal_app demo-data
	@echo "Demo sign-in: http://localhost:$(PORT)/dev/login  (portal: /portal, back-office: /staff)"
	@PORTAL_DEV_TOOLS=1 $(PY) -m portal_app serve

# The scaled topology on this machine: the local PostgreSQL (database SCALED_DATABASE_URL,
# created when missing) and Redis (REDIS_URL), two app processes with two workers each,
# nginx in front on SCALED_PORT, demo data loaded once. See README, "Scaled mode".
SCALED_PORT ?= 8080
run-scaled: setup proxy
	@SCALED_PORT=$(SCALED_PORT) $(PY) deploy/local_cluster.py

# Every test at one frozen moment, and the unit tests once more at today's real time.
test: setup browser proxy pg-client
	$(PY) -m ruff check .
	$(PY) -m pytest -q --clock=monday tests
	$(PY) -m pytest -q --clock=now tests/unit

# The whole suite once per moment; fails when any moment fails.
test-moments: setup browser pg-client
	@failed=""; for moment in $(MOMENTS); do \
	  echo "== pytest --clock=$$moment tests"; \
	  $(PY) -m pytest -q --clock=$$moment tests || failed="$$failed $$moment"; \
	done; \
	if [ -n "$$failed" ]; then echo "Failed at:$$failed"; exit 1; fi; \
	echo "All moments passed: $(MOMENTS)"

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

bench-planning: setup
	$(PY) bench/planning_bench.py

bench-portal: setup browser
	$(PY) bench/portal_bench.py

# Load test with locust through nginx: one process with one worker, then the scaled mode.
bench-load: setup proxy
	$(PY) bench/load_bench.py

setup: $(VENV)/.installed $(BUN)

$(VENV)/.installed: requirements.txt requirements.lock
	@command -v node >/dev/null || { echo "Node.js is missing: install Node 20 or newer (apt-get install nodejs npm), then run make again."; exit 2; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(BUN): .tools/package.json
	@command -v npm >/dev/null || { echo "npm is missing: install it (apt-get install npm), then run make again."; exit 2; }
	cd .tools && npm install --no-audit --no-fund --loglevel=error
	@$(BUN) --version >/dev/null || { echo "bun from npm does not run on this machine."; exit 2; }
	@touch $@

# Debian's Chromium for the browser tests (never a downloaded browser).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium chromium-driver', then make test again."; exit 2; fi; }

# Debian's postgresql-client (pg_dump/pg_restore) for backups of a PostgreSQL database.
pg-client:
	@command -v pg_dump >/dev/null && command -v pg_restore >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null; \
	  else echo "pg_dump is missing: run 'sudo apt-get install postgresql-client', then make again."; exit 2; fi; }

# A backup of the database and the private files into data/backups/.
backup: setup pg-client
	$(PY) -m portal_app backup

# Debian's nginx, the reverse proxy of the scaled mode (its own config: deploy/nginx.conf).
proxy:
	@test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	    /usr/sbin/nginx -s quit 2>/dev/null || true; \
	  else echo "nginx is missing: run 'sudo apt-get install nginx', then make again."; exit 2; fi; }
