"""Proofs, the checkpoint note, witness cosignatures and a claim's audit bundle: served, refused, checked offline."""
import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.urls import reverse

from claims.models import Attribution, Stance
from claims.services import assessment_record
from ledger import merkle, verify
from ledger.keys import signing_key
from ledger.models import LedgerCheckpoint, LedgerCosignature
from ledger.verify import check_consistency, check_inclusion
from ledger.witnesses import cosign
from tests.factories import SourceFactory

VERIFY = Path(verify.__file__)
WITNESS = "witness.example/w1"


def raw(private) -> bytes:
    return private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@pytest.fixture
def witness_key(settings):
    """A witness the ledger accepts (LEDGER_WITNESSES), and its private key."""
    private = Ed25519PrivateKey.generate()
    settings.LEDGER_WITNESSES = [f"{WITNESS}={base64.b64encode(raw(private)).decode()}"]
    return private


@pytest.mark.parametrize(("who", "status"), [(None, 401), ("outsider", 403), ("viewer", 200), ("reviewer", 200),
                                             ("editor", 200), ("admin_user", 200)])
def test_proofs_and_the_checkpoint_are_read_by_viewers_and_up(request, api, chain, who, status):
    client = api(request.getfixturevalue(who) if who else None)
    assert client.get(reverse("ledger-inclusion-proof"), {"seq": 2, "size": 5}).status_code == status
    assert client.get(reverse("ledger-consistency-proof"), {"from": 2, "to": 5}).status_code == status
    assert client.get(reverse("ledger-checkpoint")).status_code == status


def test_an_inclusion_proof_verifies_against_the_signed_checkpoint(api, viewer, chain):
    proof = api(viewer).get(reverse("ledger-inclusion-proof"), {"seq": 3, "size": 5}).json()
    assert set(proof) == {"seq", "leaf_index", "tree_size", "leaf_hash", "audit_path", "root_hash"}
    assert (proof["seq"], proof["leaf_index"], proof["tree_size"]) == (3, 2, 5)
    assert proof["root_hash"] == LedgerCheckpoint.objects.get(size=5).root_hash
    check_inclusion(2, 5, verify.leaf_hash(chain[2].hash), [bytes.fromhex(h) for h in proof["audit_path"]],
                    bytes.fromhex(proof["root_hash"]))


def test_a_consistency_proof_links_two_signed_checkpoints(api, viewer, chain):
    proof = api(viewer).get(reverse("ledger-consistency-proof"), {"from": 3, "to": 5}).json()
    assert set(proof) == {"first", "second", "first_root", "second_root", "proof"}
    assert proof["first_root"] == LedgerCheckpoint.objects.get(size=3).root_hash
    check_consistency(3, 5, bytes.fromhex(proof["first_root"]), bytes.fromhex(proof["second_root"]),
                      [bytes.fromhex(h) for h in proof["proof"]])


@pytest.mark.parametrize("params", [{"seq": 6, "size": 5}, {"seq": 0, "size": 5}, {"seq": "x"}, {"seq": 2, "size": 9}])
def test_an_inclusion_proof_beyond_the_tree_is_a_clear_400(api, viewer, chain, params):
    response = api(viewer).get(reverse("ledger-inclusion-proof"), params)
    assert response.status_code == 400
    assert response.json()["error"]["fields"]


def test_a_consistency_proof_backwards_is_a_clear_400(api, viewer, chain):
    response = api(viewer).get(reverse("ledger-consistency-proof"), {"from": 5, "to": 3})
    assert response.status_code == 400 and "from" in response.json()["error"]["fields"]


def test_the_checkpoint_is_served_as_the_signed_note_in_plain_text(api, viewer, chain):
    response = api(viewer).get(reverse("ledger-checkpoint"))
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == LedgerCheckpoint.objects.get(size=5).note
    verify.verify_checkpoint_note(response.content.decode(), signing_key().public_raw)


def post_cosignature(client, size, line):
    return client.post(reverse("ledger-cosignatures"), {"size": size, "cosignature": line}, format="json")


def test_a_witness_cosignature_is_kept_and_served_with_the_checkpoint(api, viewer, chain, witness_key):
    note = LedgerCheckpoint.objects.get(size=5).note
    line = cosign(witness_key, WITNESS, note)
    response = post_cosignature(api(viewer), 5, line)
    assert response.status_code == 201, response.json()
    served = api(viewer).get(reverse("ledger-checkpoint")).content.decode()
    assert served == note + line + "\n" == response.json()["checkpoint"]
    assert verify.count_cosignatures(served, {WITNESS: raw(witness_key)}) == [WITNESS]


def test_a_forged_cosignature_is_refused(api, viewer, chain, witness_key):
    other_note = LedgerCheckpoint.objects.get(size=4).note
    line = cosign(witness_key, WITNESS, other_note)  # a real signature, but of another checkpoint
    response = post_cosignature(api(viewer), 5, line)
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_cosignature"
    assert not LedgerCosignature.objects.exists()


def test_an_unknown_witness_is_refused(api, viewer, chain, witness_key):
    stranger = Ed25519PrivateKey.generate()
    for name, key in (("stranger.example/w", stranger), (WITNESS, stranger)):
        response = post_cosignature(api(viewer), 5, cosign(key, name, LedgerCheckpoint.objects.get(size=5).note))
        assert response.status_code == 403 and response.json()["error"]["code"] == "unknown_witness"
    assert not LedgerCosignature.objects.exists()


def test_a_witness_cosigns_a_checkpoint_once(api, viewer, chain, witness_key):
    line = cosign(witness_key, WITNESS, LedgerCheckpoint.objects.get(size=5).note)
    assert post_cosignature(api(viewer), 5, line).status_code == 201
    assert post_cosignature(api(viewer), 5, line).status_code == 409


def test_cosignatures_need_a_role_and_csrf_for_sessions(api, outsider, viewer, chain, witness_key, client):
    line = cosign(witness_key, WITNESS, LedgerCheckpoint.objects.get(size=5).note)
    assert post_cosignature(api(None), 5, line).status_code == 401
    assert post_cosignature(api(outsider), 5, line).status_code == 403
    from django.test import Client

    session = Client(enforce_csrf_checks=True)
    session.force_login(viewer)
    response = session.post(reverse("ledger-cosignatures"), {"size": 5, "cosignature": line},
                            content_type="application/json")
    assert response.status_code == 403 and not LedgerCosignature.objects.exists()


@pytest.fixture
def seed_claim_with_a_denial_and_two_marks(db, seed_text, reviewer):
    """A claim of the seed report that a source denies, marked twice by a reviewer."""
    from claims.services import report_ingest

    report_ingest(text=seed_text, actor="command:tests")
    denial = Attribution.objects.filter(stance=Stance.DENY).select_related("claim").first()
    assert denial is not None, "the seed report has a denial"
    claim = denial.claim
    for name, stance in (("Syrian Observatory", "disputes"), ("White Helmets", "corroborates")):
        assessment_record(claim=claim, source=SourceFactory(name=name), stance=stance, reviewer=reviewer,
                          actor="user:rita", note=f"{name} checked")
    return claim


def test_a_seed_claims_audit_bundle_verifies_offline_with_a_witness_quorum(
        api, viewer, seed_claim_with_a_denial_and_two_marks, witness_key, tmp_path):
    claim = seed_claim_with_a_denial_and_two_marks
    note = LedgerCheckpoint.objects.order_by("-size").first().note
    assert post_cosignature(api(viewer), merkle.tree_size(), cosign(witness_key, WITNESS, note)).status_code == 201
    response = api(viewer).get(reverse("api-claim-audit-bundle", args=[claim.pk]))
    assert response.status_code == 200
    bundle = response.json()
    kinds = [item["entry"]["action"] for item in bundle["entries"]]
    assert kinds.count("assessment.recorded") == 2 and "claim.created" in kinds and "attribution.created" in kinds
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    (tmp_path / "ledger.pub").write_text(signing_key().public_pem)
    witness = f"{WITNESS}={base64.b64encode(raw(witness_key)).decode()}"
    done = subprocess.run([sys.executable, str(VERIFY), str(path), "--public-key", str(tmp_path / "ledger.pub"),
                           "--witness", witness, "--quorum", "1", "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["cosigned_by"] == [WITNESS]
    missing = Ed25519PrivateKey.generate()
    two = ["--witness", witness, "--witness", f"other.example/w={base64.b64encode(raw(missing)).decode()}"]
    assert verify.main([str(path), "--public-key", str(tmp_path / "ledger.pub"), *two, "--quorum", "2"]) == 12


def test_export_ledger_writes_the_same_bundle(api, viewer, seed_claim_with_a_denial_and_two_marks, tmp_path):
    claim = seed_claim_with_a_denial_and_two_marks
    path = tmp_path / "bundle.json"
    call_command("export_ledger", "--bundle", str(claim.pk), "--output", str(path))
    assert json.loads(path.read_text()) == api(viewer).get(reverse("api-claim-audit-bundle", args=[claim.pk])).json()


def test_a_bundle_with_an_edited_entry_or_a_bad_proof_is_refused(seed_claim_with_a_denial_and_two_marks, tmp_path):
    from ledger.bundles import bundle_for

    (tmp_path / "ledger.pub").write_text(signing_key().public_pem)
    bundle = bundle_for("claim", seed_claim_with_a_denial_and_two_marks.pk)
    path = tmp_path / "bundle.json"

    def check(changed) -> int:
        path.write_text(json.dumps(changed))
        return verify.main([str(path), "--public-key", str(tmp_path / "ledger.pub")])

    assert check(bundle) == 0
    edited = json.loads(json.dumps(bundle))
    edited["entries"][-1]["entry"]["payload"]["after"]["stance"] = "denies"
    assert check(edited) == 4
    bad = json.loads(json.dumps(bundle))
    bad["entries"][0]["proof"]["audit_path"][0] = "0" * 64
    assert check(bad) == 11
