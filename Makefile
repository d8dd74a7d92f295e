# Two commands start everything on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := $(PY) manage.py
# The suite runs on both databases the project supports: PostgreSQL (production) and SQLite (the
# embedded default `make run` uses). pytest-django makes its own test database from each URL
# (test_<name> on PostgreSQL, in memory on SQLite), so the runs below never touch real data and
# can run side by side: the browser tests get a PostgreSQL database of their own.
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/housing_portal
BROWSER_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/housing_portal_browser
SQLITE_URL ?= sqlite:///$(CURDIR)/.test.sqlite3
# Hypothesis: a bounded profile for CI and `make test`; HYPOTHESIS_PROFILE=fuzz for a long local run.
export HYPOTHESIS_PROFILE ?= ci

.PHONY: run test setup assets messages migrate demo lint format checks suites pytest \
	pytest-postgres pytest-sqlite browser fuzz clean serve-prod

run: setup migrate demo
	$(MANAGE) ensure_local_admin
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop), with a background worker"
	# Links in notification emails (and the worker's) point at this server's own port.
	export WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT); \
	  TASKS_BACKEND=database $(MANAGE) db_worker --interval 2 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  TASKS_BACKEND=database $(MANAGE) runserver 127.0.0.1:$(PORT)

# The production arrangement on this machine: gunicorn with the production settings (over plain
# HTTP on 127.0.0.1) behind Varnish with deploy/varnish/default.vcl, on PostgreSQL with the demo.
# The demo loads with its background work done at once; the server gets a worker of its own.
# Varnish and gunicorn: `.ci/run` installs Varnish when missing. See README.md, "Production".
SERVE_PROD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/housing_portal
serve-prod: setup
	createdb -h 127.0.0.1 -U postgres housing_portal 2>/dev/null || true
	export DATABASE_URL=$(SERVE_PROD_DATABASE_URL) DJANGO_SETTINGS_MODULE=portal.settings.local_proxy; \
	  $(MANAGE) migrate --noinput -v 0 && TASKS_BACKEND=immediate $(MANAGE) load_demo_content && \
	  $(MANAGE) collectstatic --noinput -v 0 && deploy/varnish/serve-local

test: setup lint checks
	$(MAKE) --no-print-directory -j3 --output-sync=target suites

suites: pytest-postgres pytest-sqlite browser

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

# bandit: no medium or high finding in the shipped code (what it scans: [tool.bandit] in
# pyproject.toml); an intentional exception carries `# nosec BXXX` and its reason on the line.
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r . --quiet --severity-level medium --confidence-level low

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Project checks that are not tests: migrations in step with models, and the production
# settings' deploy checks with stand-in values for the variables production requires (and its
# own defaults otherwise: SMTP email, the shared cache; nothing is sent or cached by a check).
checks: setup
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	  SECRET_KEY=ci-only-$$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9') \
	  ALLOWED_HOSTS=portal.example.org EMAIL_BACKEND= CACHE_BACKEND= PORTAL_NON_PRODUCTION= \
	  $(MANAGE) check --deploy --fail-level WARNING

# The unit and integration tests, on whatever DATABASE_URL says (SQLite if unset).
pytest: setup
	$(VENV)/bin/pytest --ignore=tests/browser $(PYTEST_ARGS)

pytest-postgres: setup
	DATABASE_URL=$(POSTGRES_URL) $(VENV)/bin/pytest --ignore=tests/browser -p no:cacheprovider $(PYTEST_ARGS)

pytest-sqlite: setup
	DATABASE_URL=$(SQLITE_URL) $(VENV)/bin/pytest --ignore=tests/browser -p no:cacheprovider $(PYTEST_ARGS)

# Browser tests on their own run (PostgreSQL): they commit the whole demo site to their database.
browser: setup
	DATABASE_URL=$(BROWSER_POSTGRES_URL) $(VENV)/bin/pytest tests/browser -p no:cacheprovider $(PYTEST_ARGS)

# Property-based tests with the large profile, for a long local run (not part of `make test`).
fuzz: setup
	HYPOTHESIS_PROFILE=fuzz $(VENV)/bin/pytest tests/fuzz -p no:cacheprovider $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules portal/static/build static_build .test.sqlite3

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
