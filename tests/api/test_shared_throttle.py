"""Throttles count in the cache every process shares: Redis when CLAIMLEDGER_CACHE_URL names one."""
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache.backends.redis import RedisCache

from config.api import WriteThrottle

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_answers() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def _caches_with(**env) -> str:
    code = "import django; django.setup(); from django.conf import settings; print(settings.CACHES['default'])"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent",
                               "DJANGO_SETTINGS_MODULE": "config.settings", **env})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_cache_is_redis_when_a_cache_url_is_set_and_process_memory_otherwise():
    assert "RedisCache" in _caches_with(CLAIMLEDGER_CACHE_URL="redis://127.0.0.1:6379/1")
    assert "LocMemCache" in _caches_with()


@pytest.fixture
def shared_cache(settings, monkeypatch):
    if not _redis_answers():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    prefix = f"throttle-test-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}}
    monkeypatch.setattr(WriteThrottle, "THROTTLE_RATES", {**WriteThrottle.THROTTLE_RATES, "writes": "2/min"})
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


def test_writes_past_the_rate_get_429_in_the_error_shape_counted_in_redis(api, editor, shared_cache):
    client = api(editor)
    for n in range(2):
        assert client.post("/api/sources/", {"name": f"Party {n}"}, format="json").status_code == 201
    refused = client.post("/api/sources/", {"name": "Party 3"}, format="json")
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled" and int(refused["Retry-After"]) > 0
    another_process = RedisCache(REDIS_URL, {"KEY_PREFIX": shared_cache})
    assert len(another_process.get(f"throttle_writes_{editor.pk}")) == 2
