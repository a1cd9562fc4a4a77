"""The ledger's read-only API: who may read it, its filters, export, verification, head, key and checkpoints."""
import json

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from ledger.keys import signing_key
from ledger.models import LedgerCheckpoint


@pytest.fixture
def viewer_api(api, viewer):
    return api(viewer)


@pytest.fixture
def mixed(append):
    """Entries about two claims, by two actors."""
    append(2, object_type="claim", object_id="7", action="claim.created")
    append(1, object_type="claim", object_id="8", action="claim.status_changed")
    append(1, object_type="source", object_id="7", action="source.created")


def seqs(response) -> list[int]:
    return [row["seq"] for row in response.json()["results"]]


def test_anonymous_users_get_401_in_the_error_format(api, chain):
    response = api(None).get(reverse("ledger-list"))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_users_without_a_role_get_403(api, outsider, chain):
    assert api(outsider).get(reverse("ledger-list")).status_code == 403


def test_a_viewer_lists_entries_oldest_first_with_their_hashes(viewer_api, chain):
    rows = viewer_api.get(reverse("ledger-list")).json()["results"]
    assert [row["seq"] for row in rows] == [1, 2, 3, 4, 5]
    assert rows[0] == {**chain[0].hashed_fields(), "hash": chain[0].hash}


def test_the_list_pages_by_cursor(viewer_api, chain):
    first = viewer_api.get(reverse("ledger-list"), {"page_size": 2}).json()
    second = viewer_api.get(first["next"]).json()
    assert [row["seq"] for row in second["results"]] == [3, 4]


def test_the_list_costs_a_fixed_number_of_queries(viewer_api, append, django_assert_max_num_queries):
    append(30)
    with django_assert_max_num_queries(3):
        assert viewer_api.get(reverse("ledger-list")).status_code == 200


def test_filter_by_object(viewer_api, mixed):
    assert seqs(viewer_api.get(reverse("ledger-list"), {"object_type": "claim", "object_id": "7"})) == [1, 2]


def test_filter_by_action(viewer_api, mixed):
    assert seqs(viewer_api.get(reverse("ledger-list"), {"action": "claim.status_changed"})) == [3]


def test_filter_by_actor(viewer_api, mixed):
    assert seqs(viewer_api.get(reverse("ledger-list"), {"actor": "user:nobody"})) == []


def test_filter_by_seq_range(viewer_api, mixed):
    assert seqs(viewer_api.get(reverse("ledger-list"), {"seq_min": 2, "seq_max": 3})) == [2, 3]


def test_filter_by_time_range(viewer_api, chain):
    after = chain[2].hashed_fields()["time"]
    assert seqs(viewer_api.get(reverse("ledger-list"), {"recorded_after": after})) == [3, 4, 5]
    assert seqs(viewer_api.get(reverse("ledger-list"), {"recorded_before": after})) == [1, 2]


def test_a_bad_filter_value_is_a_400_in_the_error_format(viewer_api, chain):
    response = viewer_api.get(reverse("ledger-list"), {"seq_min": "many"})
    assert response.status_code == 400
    assert "seq_min" in response.json()["error"]["fields"]


def test_export_streams_json_lines_with_the_filters(viewer_api, mixed):
    response = viewer_api.get(reverse("ledger-export"), {"format": "jsonl", "object_type": "claim"})
    assert response["Content-Type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert [row["seq"] for row in rows] == [1, 2, 3]


def test_export_streams_csv(viewer_api, chain):
    response = viewer_api.get(reverse("ledger-export"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert b"".join(response.streaming_content).decode().startswith("seq,time,actor")


def test_export_refuses_an_unknown_format(viewer_api, chain):
    assert viewer_api.get(reverse("ledger-export"), {"format": "xml"}).status_code == 400


def test_verify_reports_the_chain(viewer_api, chain):
    body = viewer_api.get(reverse("ledger-verify")).json()
    assert (body["ok"], body["entries"], body["head"]) == (True, 5, chain[-1].hash)


def test_head_names_the_newest_entry_and_the_latest_checkpoint(viewer_api, chain):
    body = viewer_api.get(reverse("ledger-head")).json()
    assert (body["seq"], body["hash"]) == (5, chain[-1].hash)
    assert body["checkpoint"]["size"] == 5
    assert body["checkpoint"]["note"] == LedgerCheckpoint.objects.get(size=5).note


def test_public_key_is_served_as_pem_with_its_id(viewer_api, db):
    body = viewer_api.get(reverse("ledger-public-key")).json()
    key = signing_key()
    assert body == {"key_id": key.note_key_id("127.0.0.1/claim-ledger"), "legacy_key_id": key.key_id,
                    "origin": "127.0.0.1/claim-ledger", "public_key": key.public_pem,
                    "vkey": key.vkey("127.0.0.1/claim-ledger")}


def test_public_key_is_a_404_when_no_key_is_configured(viewer_api, settings):
    settings.LEDGER_SIGNING_KEY_FILE = None
    assert viewer_api.get(reverse("ledger-public-key")).status_code == 404


def test_checkpoints_are_listed_and_exported(viewer_api, chain):
    assert [cp["size"] for cp in viewer_api.get(reverse("ledger-checkpoints")).json()["results"]] == [1, 2, 3, 4, 5]
    response = viewer_api.get(reverse("ledger-checkpoints-export"))
    assert len(b"".join(response.streaming_content).splitlines()) == 5


def test_the_schema_describes_the_export_as_streamed_text(db):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    export = schema["paths"]["/api/ledger/export/"]["get"]
    assert set(export["responses"]["200"]["content"]) == {"application/x-ndjson", "text/csv"}
    assert {"format", "object_type", "seq_min", "recorded_after"} <= {p["name"] for p in export["parameters"]}


def test_who_may_read_the_ledger_is_the_setting(api, outsider, settings, chain):
    settings.LEDGER_READ_PERMISSION_CLASSES = ["rest_framework.permissions.IsAuthenticated"]
    assert api(outsider).get(reverse("ledger-list")).status_code == 200


def test_the_ledger_imports_no_other_app():
    import ast
    from pathlib import Path

    import ledger

    others = {"people", "sources", "claims", "events", "desk"}
    for path in Path(ledger.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        names += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not {name.split(".")[0] for name in names} & others, path


def test_verification_is_throttled_per_user(api, viewer, chain, monkeypatch):
    from django.core.cache import cache

    from ledger.views import VerifyThrottle

    monkeypatch.setattr(VerifyThrottle, "rate", "2/min", raising=False)
    cache.clear()
    client = api(viewer)
    statuses = [client.get("/api/ledger/verify/").status_code for _ in range(3)]
    cache.clear()
    assert statuses == [200, 200, 429]


def test_reconcile_findings_are_described_in_the_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    verify = schema["components"]["schemas"]["VerifyResult"]["properties"]
    assert "reconcile" in verify
