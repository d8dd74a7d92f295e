# Two commands start everything on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := $(PY) manage.py
SQLITE_SMOKE_DB := $(CURDIR)/.sqlite-smoke.sqlite3

.PHONY: run test setup assets messages migrate demo lint format checks pytest browser smoke-sqlite clean

run: setup migrate demo
	$(MANAGE) ensure_local_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup lint checks pytest browser smoke-sqlite

setup: $(VENV)/.installed node_modules/.installed assets messages

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: node_modules/.installed
	npm run --silent build

messages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: setup
	$(MANAGE) migrate --noinput -v 0

demo: migrate
	$(MANAGE) load_demo_content

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Project checks that are not tests: migrations in step with models, and the production
# settings' deploy checks with stand-in values for the variables production requires.
checks: setup
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	  SECRET_KEY=ci-only-$$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9') \
	  ALLOWED_HOSTS=portal.example.org \
	  $(MANAGE) check --deploy --fail-level WARNING

# The unit and integration tests on the configured database (PostgreSQL on CI).
pytest: setup
	$(VENV)/bin/pytest --ignore=tests/browser $(PYTEST_ARGS)

# Browser tests on their own run: they commit the whole demo site to the test database.
browser: setup
	$(VENV)/bin/pytest tests/browser $(PYTEST_ARGS)

# The embedded default must keep working: migrate, load demo content and serve pages on SQLite.
smoke-sqlite: setup
	rm -f $(SQLITE_SMOKE_DB)
	DATABASE_URL=sqlite:///$(SQLITE_SMOKE_DB) $(VENV)/bin/pytest -m smoke -p no:cacheprovider $(PYTEST_ARGS)
	rm -f $(SQLITE_SMOKE_DB)

clean:
	rm -rf $(VENV) node_modules portal/static/build static_build

# Benchmarks (not tests; see bench/README.md): PostgreSQL database portal_bench on 127.0.0.1,
# the responding journey through gunicorn, export time and memory, results page time.
.PHONY: bench bench-load bench-exports bench-results
bench: bench-load bench-exports bench-results

bench-load: setup
	$(PY) -m bench.load --residents 400 --concurrency 8 --workers 4

bench-exports: setup
	$(PY) -m bench.export_memory --sizes 10000 100000 1000000 --formats csv xlsx

bench-results: setup
	$(PY) -m bench.results_page --responses 100000 --repeat 5
