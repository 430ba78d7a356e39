# consentry — two commands set everything up on a fresh machine:
#   make run    creates .venv, installs consentry, lints the bundled example of the seed thread
#   make test   installs the test tools, PostgreSQL and Chromium, and runs every test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
EXAMPLE := examples/seed-861/campaign.yaml

.PHONY: install dev run test test-fast lint fmt bench docs check-docs contract clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[service,postgres,render]' 2>&1 | grep -v 'is ignored' || true
	$(BIN)/consentry --help >/dev/null
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[service,postgres,render,dev]' 2>&1 | grep -v 'is ignored' || true
	$(BIN)/pytest --version >/dev/null
	touch $@

install: $(VENV)/.installed  ## create .venv with the CLI at .venv/bin/consentry

dev: $(VENV)/.dev-installed  ## install test and lint tools too

run: install  ## lint the seed thread's rejected campaign and print the report
	@$(BIN)/consentry lint $(EXAMPLE) $(if $(wildcard examples/seed-861/site),--site examples/seed-861/site,--offline); \
	  status=$$?; [ $$status -le 1 ] || exit $$status; \
	  echo; echo "(exit $$status: 1 means the campaign has errors a reviewer would reject)"

test: dev  ## run every test, with PostgreSQL and Chromium
	@bash scripts/test.sh

test-fast: dev  ## unit tests only: no PostgreSQL, no browser
	$(BIN)/pytest -q -m "not postgres and not browser"

lint: dev  ## ruff and mypy
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

fmt: dev
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

bench: dev  ## speed benchmarks (they print their numbers)
	@for b in bench/*_bench.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

docs: install  ## regenerate docs/rules from the rule metadata
	$(BIN)/python scripts/gen_rule_docs.py

check-docs: install
	$(BIN)/python scripts/gen_rule_docs.py --check

contract: install  ## the shared contract check
	../shared/tools/contract-check

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist src/*.egg-info
