"""The site refuses to serve with a throwaway secret key, while offline commands still run anywhere."""
import os
import subprocess
import sys
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


def test_wsgi_serves_with_a_configured_secret_key():
    assert run("import config.wsgi", DJANGO_SECRET_KEY=STRONG_KEY).returncode == 0


@pytest.mark.parametrize("key", ["short-but-varied-key-0123456789", "x" * 60, "ab" * 40,
                                 "django-insecure-" + STRONG_KEY])
@pytest.mark.parametrize("entry", ["config.wsgi", "config.asgi"])
def test_serving_refuses_a_weak_secret_key(key, entry):
    done = run(f"import {entry}", DJANGO_SECRET_KEY=key)
    assert done.returncode != 0
    assert "Refusing to serve with a weak secret key" in done.stderr


def test_development_still_serves_with_a_weak_key():
    assert run("import config.wsgi", DJANGO_SECRET_KEY="dev", DJANGO_DEBUG="1").returncode == 0


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
