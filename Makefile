# Two commands do all set-up on a fresh Debian machine (as root): `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app portal
PYBABEL := $(VENV)/bin/pybabel
LOCALES := ja ja@easy en zh_Hans zh_Hant ko vi fil ne th
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install catalogs migrate demo test-deps browser axe extract update check-translations bench a11y-report clean

run: install catalogs migrate demo
	$(FLASK) run --host $(HOST) --port $(PORT)

test: install catalogs test-deps
	$(PY) -m pytest $(PYTEST_ARGS)

$(VENV)/bin/activate:
	python3 -m venv $(VENV)

# Installs exactly what was tested (constraints.txt), then the project in editable mode.
install: $(VENV)/.installed

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml constraints.txt
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test,bench]'
	@touch $@

catalogs: install
	@$(PYBABEL) compile -d translations -f

migrate: install
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) portal demo

# Debian's Chromium and its driver (only when missing), and the pinned axe-core from npm.
test-deps: browser axe

browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "Installing Debian chromium and chromium-driver"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk >/dev/null; \
	fi

axe: accessibility/node_modules/axe-core/axe.min.js

accessibility/node_modules/axe-core/axe.min.js: accessibility/package.json accessibility/package-lock.json
	cd accessibility && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Translations: extract → update → (translate) → compile; check-translations is also a test.
extract: install
	$(PYBABEL) extract -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot --no-location --sort-output --project "resident-portal" .

update: extract
	@for l in $(LOCALES); do \
	  if [ -f translations/$$l/LC_MESSAGES/messages.po ]; then \
	    $(PYBABEL) update -i translations/messages.pot -d translations -l $$l --no-fuzzy-matching --ignore-obsolete; \
	  else $(PYBABEL) init -i translations/messages.pot -d translations -l $$l; fi; \
	done

check-translations: install
	$(PY) -m pytest -q tests/unit/test_catalogs.py

bench: install
	$(PY) benchmarks/readings.py
	$(PY) benchmarks/search.py

a11y-report: catalogs demo test-deps
	$(FLASK) a11y audit

clean:
	rm -rf $(VENV) accessibility/node_modules instance
