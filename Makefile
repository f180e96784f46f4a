# fazhi — two commands for a new machine: `make demo` and `make test`.
# Everything else here is a step of those two.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
export DJANGO_SETTINGS_MODULE := fazhi.settings
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/fazhi
PYTEST_ARGS ?=
KERNEL := fazhi/lib fazhi/org fazhi/workcal fazhi/clocks fazhi/audit fazhi/indicators fazhi/reports fazhi/imports fazhi/casework fazhi/leases.py fazhi/widgets.py review

.PHONY: demo setup venv migrate test lint types test-sqlite test-postgres vendor check clean system-packages screens

## make demo: environment, SQLite database, demo data, then serve on http://127.0.0.1:8000
## with the task worker beside the web server (Ctrl+C stops both)
demo: system-packages setup
	PY=$(PY) bash scripts/serve-demo.sh

## Debian packages (LibreOffice, fonts, Chromium, poppler): installed as root, else one line to run
system-packages:
	@bash scripts/system-packages.sh

## make setup: everything `demo` does except serving
setup: venv
	DEBUG=1 $(PY) manage.py migrate --noinput -v 0
	DEBUG=1 $(PY) manage.py load_demo

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	@touch $@

## make screens: the home page of each demo role at 1440 px and 390 px into docs/screens/
screens: system-packages setup
	DEBUG=1 $(PY) scripts/screens.py

## make test: lint, types, the whole suite on SQLite and again on PostgreSQL
test: system-packages venv lint types test-sqlite test-postgres

check: test

lint: venv
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

types: venv
	$(VENV)/bin/mypy --strict $(KERNEL)
	$(VENV)/bin/mypy fazhi/ledgers

test-sqlite: venv
	@echo "== 测试（SQLite）=="
	@echo "（标记为 postgres_only 的并发测试在 SQLite 一轮中不运行，由 PostgreSQL 一轮运行）"
	env -u DATABASE_URL $(VENV)/bin/pytest -q -n 2 $(PYTEST_ARGS)

test-postgres: venv
	@if $(PY) scripts/pg_available.py "$(TEST_DATABASE_URL)"; then \
		echo "== 测试（PostgreSQL：$(TEST_DATABASE_URL)）=="; \
		DATABASE_URL="$(TEST_DATABASE_URL)" $(VENV)/bin/pytest -q -n 2 $(PYTEST_ARGS); \
	elif [ "$(REQUIRE_POSTGRES)" = "1" ]; then \
		echo "PostgreSQL 不可用（$(TEST_DATABASE_URL)），而 REQUIRE_POSTGRES=1：测试失败"; exit 1; \
	else \
		echo "PostgreSQL 不可用（$(TEST_DATABASE_URL)），本次只运行了 SQLite 测试"; \
	fi

vendor:
	bash scripts/vendor-assets.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
