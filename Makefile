# Askwell: two commands set everything up.
#   make run   - virtualenv, dependencies, database, demo data; serves http://127.0.0.1:$(PORT)
#   make test  - virtualenv, dependencies, the whole test suite
#   make serve - production: gunicorn with $(WEB_CONCURRENCY) workers on $(HOST):$(PORT), settings from env
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt constraints.txt | cksum | cut -d' ' -f1)
PORT   ?= 5000
HOST   ?= 127.0.0.1
WEB_CONCURRENCY ?= 4
FLASK  := $(BIN)/flask --app forum

.PHONY: run serve test lint bench bench-pages bench-lighthouse install lighthouse db demo clean help

help:
	@echo "make run   - set up and serve the demo community at http://127.0.0.1:$(PORT)"
	@echo "make test  - set up and run the test suite"
	@echo "make serve - production server (gunicorn); configure with env vars, see README"

$(STAMP):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Askwell needs Python 3.11 or newer")'
	@if [ ! -x $(BIN)/python ]; then \
	  $(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	    echo "python3 -m venv failed; installing Debian's python3-venv"; \
	    rm -rf $(VENV); \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
	    else echo "Please install python3-venv (sudo apt-get install python3-venv) and run make again." >&2; exit 1; fi; }; \
	fi
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

# Lighthouse 12 for the browser tests and bench-lighthouse, pinned by package-lock.json.
# Without npm (or offline) the Lighthouse test is skipped and says why.
LIGHTHOUSE_DIR := tests/browser/lighthouse
LIGHTHOUSE_STAMP := $(LIGHTHOUSE_DIR)/node_modules/.installed-$(shell cksum < $(LIGHTHOUSE_DIR)/package-lock.json | cut -d' ' -f1)
lighthouse:
	@if [ -f $(LIGHTHOUSE_STAMP) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
	  echo "npm ci in $(LIGHTHOUSE_DIR) (Lighthouse 12)"; \
	  if (cd $(LIGHTHOUSE_DIR) && npm ci --no-audit --no-fund --loglevel=error); then touch $(LIGHTHOUSE_STAMP); \
	  else echo "npm ci failed: the Lighthouse test will be skipped." >&2; fi; \
	else echo "npm is not installed: the Lighthouse test will be skipped (apt-get install nodejs npm)."; fi

db: install
	$(FLASK) db upgrade

demo: db
	$(FLASK) seed-demo
	$(FLASK) search sync

run: demo
	@echo "Serving Askwell at http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	DEV_MAILBOX=1 $(FLASK) run --host 127.0.0.1 --port $(PORT)

# Production: migrations, then gunicorn. DATABASE_URL, SECRET_KEY, RATELIMIT_STORAGE_URI ... from env.
serve: db
	$(BIN)/gunicorn --workers $(WEB_CONCURRENCY) --bind $(HOST):$(PORT) --timeout 60 \
	  --access-logfile - --error-logfile - --forwarded-allow-ips "$${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
	  'forum:create_app()'

# No lost posts: 50 writers for 20 s against gunicorn, plain and with a SIGKILL halfway,
# on SQLite and (when reachable) PostgreSQL.
bench: install
	$(BIN)/python bench/load_writers.py --db sqlite
	$(BIN)/python bench/load_writers.py --db sqlite --kill
	@if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then \
	  $(BIN)/python bench/load_writers.py --db postgres && \
	  $(BIN)/python bench/load_writers.py --db postgres --kill; \
	else echo "PostgreSQL is not reachable on 127.0.0.1:5432; skipped the PostgreSQL runs."; fi

# Page speed: import the 40,000-post benchmark community, serve it with gunicorn (2 workers),
# load each page with wrk (anonymous and logged in); BENCH_ARGS="--scale 25 --database postgres --record"
bench-pages: install
	$(BIN)/python bench/pages.py $(BENCH_ARGS)

# Lighthouse (desktop) on the home page and a thread page of a seeded demo instance: all four
# scores and the page weight; BENCH_ARGS="--runs 3 --record"
bench-lighthouse: install lighthouse
	$(BIN)/python bench/lighthouse.py $(BENCH_ARGS)

# Lint first (ruff: pyflakes, pycodestyle, import order), then the suite on every core; a module
# marked xdist_group (one costly shared fixture) runs on one worker.
PYTEST_WORKERS ?= auto
lint: install
	$(BIN)/ruff check .

test: install lighthouse lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
