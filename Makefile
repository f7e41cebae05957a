# Two commands matter: `make run` and `make test`. Each sets itself up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BABEL  := $(VENV)/bin/pybabel
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8550

.PHONY: run desktop test test-fast test-under-load setup check schema cache bytecode extract update compile bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

setup: $(STAMP)

## Serve the app at http://$(HOST):$(PORT)/ — offline, nothing fetched at run time. WORKERS=N
## serves it from N processes behind Debian's nginx (README: "Serving a facility"); Ctrl+C stops all.
run: setup compile cache bytecode
	$(if $(WORKERS),$(PY) -m app.facility --workers $(WORKERS),$(PY) -m app) --host $(HOST) --port $(PORT)

## The app in a desktop window of Flet's own client (Flet downloads it on first use; set
## FLET_VIEW_PATH to use one already on the machine). Closing the window ends the app.
desktop: setup compile cache bytecode
	$(PY) -m app --desktop

FAST := -m "not browser and not desktop" -n auto

## Every test in one run on two workers (each its own server and browser): the fast tier, the
## desktop window and the real app in Chromium's headless shell. The long browser tests go first;
## while one worker waits on a browser, an idle timer or nginx, the other runs the fast tests
## (one run took 331 s where the two tiers one after the other took 353 s).
test: setup compile cache bytecode
	bash scripts/ensure-test-tools
	$(PY) -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

## The whole suite with a CPU hog on one core beside it (stress-ng), as on a busy machine: no test
## may rely on an idle one.
test-under-load: setup compile cache bytecode
	bash scripts/ensure-test-tools
	stress-ng --cpu 1 --timeout 3600s --quiet & hog=$$!; \
	$(MAKE) --no-print-directory test PYTEST_ARGS="$(PYTEST_ARGS)"; status=$$?; kill $$hog; exit $$status

## The inner loop: content, rules, search, study, i18n, settings and every screen built for real
## against a fake client; no browser, no desktop (under a minute).
test-fast: setup compile cache bytecode
	$(PY) -m pytest $(FAST) $(PYTEST_ARGS)

## Content tools for editors: validate everything, re-export the JSON Schema.
check: setup
	$(PY) -m app.tools check

schema: setup
	$(PY) -m app.tools schema

## Parsed content snapshot (build/content-cache): start-up skips YAML parsing for unchanged files.
cache: setup
	$(PY) -m app.tools cache

## The app's bytecode, written ahead: with PYTHONDONTWRITEBYTECODE set (as on our machines)
## every start would otherwise compile every module of the app again.
bytecode: setup
	$(PY) -m compileall -q app

## UI strings: extract -> update -> (translate) -> compile.
extract: setup
	$(BABEL) extract -F babel.cfg -k N_ -k ngettext:1,2 -k NP_:1c,2 -k pgettext:1c,2 --no-location --sort-output \
		--project "Care Reference" --copyright-holder "Care Reference contributors" \
		-o locales/messages.pot app

update: extract
	$(BABEL) update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete

compile: setup
	$(BABEL) compile -d locales -D messages

bench: setup compile cache bytecode
	bash scripts/ensure-test-tools
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache locales/*/LC_MESSAGES/*.mo build/content-cache
	find app -name __pycache__ -prune -exec rm -rf {} +
