# Askwell: two commands set everything up.
#   make run   - virtualenv, dependencies, database, demo data; serves http://127.0.0.1:$(PORT)
#   make test  - virtualenv, dependencies, the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt constraints.txt | cksum | cut -d' ' -f1)
PORT   ?= 5000
FLASK  := $(BIN)/flask --app forum

.PHONY: run test install db demo clean help

help:
	@echo "make run   - set up and serve the demo community at http://127.0.0.1:$(PORT)"
	@echo "make test  - set up and run the test suite"

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

db: install
	$(FLASK) db upgrade

demo: db
	$(FLASK) seed-demo
	$(FLASK) search sync

run: demo
	@echo "Serving Askwell at http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
