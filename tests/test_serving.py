"""The site refuses to serve with a throwaway secret key or without its production variables, while offline
commands still run anywhere; served in production by gunicorn, pages get their stylesheet from WhiteNoise."""
import gzip
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLEAN_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/nonexistent",
             "DJANGO_SETTINGS_MODULE": "config.settings"}


def run(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**CLEAN_ENV, **env}, capture_output=True,
                          text=True, timeout=60)


def test_wsgi_refuses_to_serve_without_a_secret_key():
    done = run("import config.wsgi")
    assert done.returncode != 0
    assert "Refusing to serve without a secret key" in done.stderr


STRONG_KEY = "k3V9-qLr2_ZxW8pTn5sYb7MfHc4JdG6aUe1oNiRt0yPw-EhBvXzQm"


@pytest.mark.parametrize("key", ["short-but-varied-key-0123456789", "x" * 60, "ab" * 40,
                                 "django-insecure-" + STRONG_KEY])
@pytest.mark.parametrize("entry", ["config.wsgi", "config.asgi"])
def test_serving_refuses_a_weak_secret_key(key, entry):
    done = run(f"import {entry}", DJANGO_SECRET_KEY=key)
    assert done.returncode != 0
    assert "Refusing to serve with a weak secret key" in done.stderr


def test_development_still_serves_with_a_weak_key():
    assert run("import config.wsgi", DJANGO_SECRET_KEY="dev", DJANGO_DEBUG="1").returncode == 0


def production_env(tmp_path) -> dict[str, str]:
    """Exactly the variables a production deployment is documented to need."""
    return {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": STRONG_KEY, "DJANGO_ALLOWED_HOSTS": "ledger.example.org",
            "DJANGO_CSRF_TRUSTED_ORIGINS": "https://ledger.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "LEDGER_SIGNING_KEY_FILE": str(tmp_path / "signing.pem"), "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0"}


def test_wsgi_serves_in_production_with_every_required_variable(tmp_path):
    done = run("import config.wsgi", **production_env(tmp_path))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_CSRF_TRUSTED_ORIGINS",
                                     "DATABASE_URL", "LEDGER_SIGNING_KEY_FILE", "CELERY_BROKER_URL"])
def test_production_refuses_to_start_naming_the_missing_variable(tmp_path, missing):
    env = production_env(tmp_path)
    del env[missing]
    done = run("import config.wsgi", **env)
    assert done.returncode != 0
    assert "Refusing to" in done.stderr and missing in done.stderr


def test_a_production_worker_refuses_to_start_without_its_variables(tmp_path):
    env = production_env(tmp_path)
    del env["CELERY_BROKER_URL"]
    done = run("import django; django.setup(); from celery.signals import worker_init; "
               "from config.celery import app; worker_init.send(sender=None)", **env)
    assert done.returncode != 0 and "CELERY_BROKER_URL" in done.stderr


def test_wsgi_serves_in_debug_with_a_throwaway_key():
    assert run("import config.wsgi", DJANGO_DEBUG="1").returncode == 0


def test_extract_claims_runs_without_any_configuration():
    done = subprocess.run([sys.executable, "manage.py", "extract_claims", "fixtures/idlib-strikes-reuters.txt",
                           "--format", "json"], cwd=ROOT, env=CLEAN_ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().startswith("{") and done.stderr == ""


def test_manage_py_moves_a_python_without_django_into_the_projects_venv():
    base = getattr(sys, "_base_executable", sys.executable)
    if subprocess.run([base, "-c", "import django"], capture_output=True).returncode == 0:
        pytest.skip("the base interpreter has Django installed itself")
    command = [base, "manage.py", "extract_claims", "fixtures/idlib-strikes-reuters.txt", "--format", "json"]
    done = subprocess.run(command, cwd=ROOT, env=CLEAN_ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().startswith("{")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Host": "ledger.example.org", "X-Forwarded-Proto": "https",
                                                   **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


@pytest.fixture
def gunicorn(tmp_path):
    """What `make serve` runs: collectstatic, migrate, then gunicorn with two workers, in production settings."""
    env = {**CLEAN_ENV, **production_env(tmp_path), "DJANGO_STATIC_ROOT": str(tmp_path / "static")}
    subprocess.run([sys.executable, "manage.py", "ledger_keygen", "--output", env["LEDGER_SIGNING_KEY_FILE"]],
                   cwd=ROOT, env={**env, "DJANGO_DEBUG": "1"}, check=True, capture_output=True, timeout=60)
    for command in (["check", "--deploy", "--fail-level", "WARNING"], ["collectstatic", "--no-input", "-v0"],
                    ["migrate", "--no-input", "-v0"]):
        done = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "WARNING" not in done.stdout + done.stderr
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
                               "--workers", "2"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(base + "/accounts/login/")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                time.sleep(0.3)
        yield base, tmp_path / "static"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_production_pages_load_their_stylesheet_compressed_under_a_hashed_name(gunicorn):
    base, static_root = gunicorn
    status, headers, body = fetch(base + "/accounts/login/")
    assert status == 200 and "Strict-Transport-Security" in headers
    stylesheet = re.search(r'href="(/static/desk\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
    status, headers, css = fetch(base + stylesheet, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert headers.get("Content-Encoding") == "gzip" and "immutable" in headers["Cache-Control"]
    assert gzip.decompress(css) == (static_root / stylesheet.removeprefix("/static/")).read_bytes()


def test_a_served_worker_freezes_its_start_up_objects_with_every_view_loaded():
    done = run("import gc, sys; import config.wsgi; "
               "print(gc.get_freeze_count() > 10000, 'claims.views' in sys.modules, 'desk.views' in sys.modules)",
               DJANGO_DEBUG="1")
    assert done.stdout.split() == ["True", "True", "True"], done.stderr
