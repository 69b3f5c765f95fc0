# Two commands matter: `make run` and `make test`. Both create .venv when it is
# missing and install the pinned requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# make serve: one worker process per core.
WORKERS ?= $(shell nproc)

.PHONY: install install-dev install-npm run serve test lint format messages demo-dump check-deploy

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# axe-core for the browser tests' accessibility checks, pinned by
# package-lock.json. Without npm the checks skip locally (CI installs it).
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the browser tests' accessibility checks will skip"; fi

install-npm: node_modules/.package-lock.json

# The task worker (e-mail) and the scheduler that enqueues the mail sweep
# every minute run in the background, restarted by bin/respawn whenever they
# die, and stop with the server. WhiteNoise serves the static files
# (--nostatic: daphne's runserver would otherwise serve them itself); links in
# mail sent by the worker use PORT.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	export PORT=$(PORT); \
	bin/respawn $(BIN)/python manage.py run_worker & worker=$$!; \
	bin/respawn $(BIN)/python manage.py run_digest_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver --nostatic 127.0.0.1:$(PORT)

# Production on this machine: gunicorn with one uvicorn worker per core
# serving HTTP and the chats' WebSockets (newsroom.asgi), DEBUG off, a secret
# key made now unless DJANGO_SECRET_KEY is set, static files collected, plain
# HTTP (no SSL redirect), the local database, and the task worker and
# scheduler beside it as in `make run`. Chats reach readers connected to
# other workers only through Redis: set REDIS_URL.
serve: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	@test -n "$$REDIS_URL" || echo "make serve: REDIS_URL is not set: a chat message reaches only the readers connected to the same one of the $(WORKERS) workers; set REDIS_URL=redis://127.0.0.1:6379/0 for live chats." >&2
	export DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} \
		DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}; \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	{ bin/respawn $(BIN)/python manage.py run_worker & worker=$$!; \
	bin/respawn $(BIN)/python manage.py run_digest_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn newsroom.asgi:application --worker-class uvicorn_worker.UvicornWorker \
		--workers $(WORKERS) --bind 127.0.0.1:$(PORT); }

test: install-dev install-npm
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# What CI checks besides the tests (.pre-commit-config.yaml runs the same on
# each commit): ruff, the templates (djlint), and that every model change
# has its migration.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerate the Russian catalogue after changing interface strings; edit
# locale/ru/LC_MESSAGES/django.po, then compile it.
messages: install
	$(BIN)/python manage.py makemessages --locale ru --ignore '.venv/*' --ignore 'staticfiles/*'
	$(BIN)/python manage.py compilemessages --locale ru --ignore '.venv/*'

demo-dump: install
	$(BIN)/python manage.py dumpdata articles taggit --natural-foreign --indent 2

check-deploy: install
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))') \
		DJANGO_ALLOWED_HOSTS=news.example.com \
		$(BIN)/python manage.py check --deploy --fail-level WARNING
