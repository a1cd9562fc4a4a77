"""Fuzz the API from its own OpenAPI schema (schemathesis): no generated request makes the server fail.

Every operation of /api/schema/ gets FUZZ_EXAMPLES generated requests (default 10) per mode with an admin's token,
checked for no 5xx and for answers the schema describes. The seed is printed in the pytest header (and
FUZZ_SEED=… replays a run).
"""
import os
import random
from collections import Counter

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import seed as hypothesis_seed
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claims.models import Claim
from sources.models import Document, Source
from tests.factories import UserFactory
from tests.test_security import MODELS_BY_SEGMENT

FUZZ_SEED = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**32))
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 10)
TOKEN_KEY = "f" * 40
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
OUTCOMES: dict[str, dict[int, int]] = {}


@pytest.fixture
def fuzzer(db, seed_document):
    """An admin with a known token, and the seed report so ids and filters find real rows."""
    user = UserFactory(username="fuzzer", role="admin", is_staff=True)
    Token.objects.create(user=user, key=TOKEN_KEY)
    return user


@pytest.fixture
def api_schema(fuzzer):
    """The schema as the API serves it to a token holder; requests go to the WSGI app in this process."""
    from django.core.wsgi import get_wsgi_application

    # As Django's test client does: keep the test's connection (and its rollback) across requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    application = get_wsgi_application()  # config.wsgi's, without the secret-key check tests do not need
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application,
                                          headers={"Authorization": f"Token {TOKEN_KEY}"})
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _real_ids(path: str) -> dict[str, int] | None:
    """Path ids of rows that exist (the segment before {id} names the table), so cases reach real objects."""
    segment = path.split("{id}")[0].rstrip("/").rsplit("/", 1)[-1] if "{id}" in path else None
    model = MODELS_BY_SEGMENT.get(segment)
    if model is None:
        return None
    found = model.objects.order_by("pk").values_list("pk", flat=True).first()
    return {"id": found} if found else None


def _existing_ids() -> dict[str, list[int]]:
    """The ids of real rows for each id field a body may name, so the real-rows run sends references that exist."""
    sources = list(Source.objects.values_list("pk", flat=True))
    claims = list(Claim.objects.values_list("pk", flat=True))
    documents = list(Document.objects.values_list("pk", flat=True))
    return {"source": sources, "into": sources, "affiliation": sources, "claim": claims, "other": claims,
            "from_claim": claims, "claims": claims, "evidence_document": documents}


def _with_real_references(body, ids: dict[str, list[int]]):
    """Swap each generated id in a body for a real row's (chosen by the generated number), leaving the rest."""
    if not isinstance(body, dict):
        return body
    swapped = dict(body)
    for field, choices in ids.items():
        value = swapped.get(field)
        if choices and isinstance(value, int) and not isinstance(value, bool):
            swapped[field] = choices[value % len(choices)]
        elif choices and isinstance(value, list) and all(isinstance(v, int) for v in value):
            swapped[field] = [choices[v % len(choices)] for v in value]
    return swapped


def _fuzz(operation, mode: GenerationMode, fuzzer, failures: list[str], path_parameters=None) -> None:
    """Send FUZZ_EXAMPLES generated requests to one operation; note each failure with its shrunk case."""
    label = f"{operation.method.upper()} {operation.path}"
    run = f"{mode.value}, real rows" if path_parameters is not None else mode.value
    ids = _existing_ids() if path_parameters is not None else None

    @hypothesis_seed(FUZZ_SEED)
    @hypothesis_settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
                         phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    def send(case):
        # A generated password change revokes the fuzzer's own token: put it back, so every request counts.
        Token.objects.get_or_create(user=fuzzer, defaults={"key": TOKEN_KEY})
        if ids is not None:
            case.body = _with_real_references(case.body, ids)
        response = case.call(headers={"Authorization": f"Token {TOKEN_KEY}"})
        OUTCOMES.setdefault((label, run), Counter())[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    try:
        send()
    except Unsatisfiable:
        pass  # nothing to make invalid: an operation without parameters or body has no negative cases
    except (Exception, BaseExceptionGroup) as failed:  # noqa: BLE001 - all operations run; failures asserted together
        failures.append(f"{label} ({run}): {str(failed)[:1500]}")


def _print_outcomes(operations: int) -> None:
    """Print what every operation answered, and how many generated writes were accepted in each run."""
    sent = sum(sum(counts.values()) for counts in OUTCOMES.values())
    print(f"\nAPI fuzz: {operations} operations, {sent} requests, seed {FUZZ_SEED}")
    for (label, run), counts in sorted(OUTCOMES.items()):
        print(f"  {label} [{run}]: " + ", ".join(f"{status}×{n}" for status, n in sorted(counts.items())))
    for run in sorted({run for _, run in OUTCOMES}):
        writes = [counts for (label, r), counts in OUTCOMES.items() if r == run and not label.startswith("GET")]
        total = sum(sum(c.values()) for c in writes)
        accepted = sum(n for c in writes for status, n in c.items() if status < 300)
        print(f"  writes [{run}]: {accepted} of {total} accepted")


def test_no_generated_request_makes_the_server_fail(api_schema, fuzzer):
    failures: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(operation, mode, fuzzer, failures)
        if "{id}" in operation.path or len(operation.body):  # again with real rows' ids in the path and body
            _fuzz(operation, GenerationMode.POSITIVE, fuzzer, failures, path_parameters=_real_ids(operation.path) or {})
    _print_outcomes(len(operations))
    assert not failures, f"seed {FUZZ_SEED}; replay with FUZZ_SEED={FUZZ_SEED}\n" + "\n".join(failures)
