"""ledger/verify.py checks an export with the standard library alone, one exit status per failure kind."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from ledger import verify
from ledger.keys import signing_key
from ledger.models import LedgerCheckpoint

VERIFY = Path(verify.__file__)


@pytest.fixture
def export(chain, tmp_path):
    """The chain exported as JSON lines, its checkpoints, and the public key, as files."""
    path = tmp_path / "ledger.jsonl"
    call_command("export_ledger", "--output", str(path))
    call_command("export_ledger", "--checkpoints", "--output", str(tmp_path / "checkpoints.jsonl"))
    (tmp_path / "ledger.pub").write_text(signing_key().public_pem)
    return path


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines(keepends=True)


def write(path: Path, rows: list[str]) -> Path:
    path.write_text("".join(rows))
    return path


def check(path: Path, *args: str) -> int:
    return verify.main([str(path), *args])


def test_an_export_verifies_when_run_as_a_script_without_django(export):
    probe = (f"import runpy, sys\nsys.argv = ['verify.py', {str(export)!r}, '--json']\n"
             f"try:\n    runpy.run_path({str(VERIFY)!r}, run_name='__main__')\n"
             "finally:\n    assert 'django' not in sys.modules and 'cryptography' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["entries"] == 5


def test_signed_checkpoints_verify_with_the_public_key(export):
    done = subprocess.run([sys.executable, str(VERIFY), str(export), "--checkpoints",
                           str(export.parent / "checkpoints.jsonl"), "--public-key", str(export.parent / "ledger.pub"),
                           "--json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["signatures_checked"] == 5


def test_an_edited_line_exits_4(export):
    rows = lines(export)
    rows[2] = rows[2].replace('"n":2', '"n":7')
    assert check(write(export, rows)) == 4


def test_a_deleted_line_exits_5(export):
    rows = lines(export)
    del rows[2]
    assert check(write(export, rows)) == 5


def test_a_duplicated_line_exits_6(export):
    rows = lines(export)
    rows.insert(2, rows[2])
    assert check(write(export, rows)) == 6


def test_two_swapped_lines_exit_6(export):
    rows = lines(export)
    rows[1], rows[2] = rows[2], rows[1]
    assert check(write(export, rows)) == 6


def test_a_line_that_is_not_json_exits_3(export):
    rows = lines(export)
    rows[1] = rows[1][:-10] + "\n"
    assert check(write(export, rows)) == 3


def test_an_unreadable_file_exits_2(tmp_path):
    assert check(tmp_path / "nope.jsonl") == 2


def test_a_later_export_verifies_against_an_earlier_archived_head(chain, append, export, tmp_path):
    archived = f"{chain[2].seq}:{chain[2].hash}"
    append(2)
    later = tmp_path / "later.jsonl"
    call_command("export_ledger", "--output", str(later))
    assert check(later, "--head", archived) == 0


def test_a_since_export_is_anchored_by_the_head_just_before_it(chain, append, tmp_path, capsys):
    append(2)
    since = tmp_path / "since.jsonl"
    call_command("export_ledger", "--since", "6", "--output", str(since))
    assert check(since, "--head", f"5:{chain[4].hash}", "--json") == 0
    assert json.loads(capsys.readouterr().out)["anchored"] is True


def test_a_since_export_without_a_head_verifies_but_says_it_is_unanchored(chain, append, tmp_path, capsys):
    append(2)
    since = tmp_path / "since.jsonl"
    call_command("export_ledger", "--since", "6", "--output", str(since))
    capsys.readouterr()
    assert check(since) == 0
    assert "not anchored" in capsys.readouterr().out


def test_an_export_that_does_not_extend_the_archived_head_exits_7(export):
    assert check(export, "--head", "3:" + "a" * 64) == 7


def test_an_export_shorter_than_the_archived_head_exits_7(export):
    assert check(export, "--head", "9:" + "a" * 64) == 7


def rewrite_checkpoints(export: Path, change) -> Path:
    path = export.parent / "checkpoints.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    change(rows)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_a_forged_checkpoint_signature_exits_8(export):
    def forge(rows):
        rows[1]["signature"] = "ab" * 64
    checkpoints = rewrite_checkpoints(export, forge)
    assert check(export, "--checkpoints", str(checkpoints), "--public-key", str(export.parent / "ledger.pub")) == 8


def test_an_export_missing_its_newest_entries_exits_9_against_the_checkpoints(export):
    rows = lines(export)
    write(export, rows[:-1])
    assert check(export, "--checkpoints", str(export.parent / "checkpoints.jsonl")) == 9


def test_a_checkpoint_hash_not_in_the_chain_exits_10(export):
    def rewrite(rows):
        rows[2]["head_hash"] = "c" * 64
    assert check(export, "--checkpoints", str(rewrite_checkpoints(export, rewrite))) == 10


def test_the_docstring_documents_every_exit_status():
    for kind, code in verify.EXIT_CODES.items():
        assert f"{code:>3}  {kind}" in verify.__doc__


def checkpoints_of(export: Path) -> Path:
    return export.parent / "checkpoints.jsonl"


def public_key(export: Path) -> Path:
    return export.parent / "ledger.pub"


def test_a_line_repeating_a_member_name_exits_3(export):
    rows = lines(export)
    rows[1] = rows[1].replace('"reason":""', '"reason":"FORGED: the ministry corroborates","reason":""')
    assert check(write(export, rows)) == 3


def test_a_checkpoint_line_repeating_a_member_name_exits_3(export):
    path = checkpoints_of(export)
    rows = path.read_text().splitlines(keepends=True)
    rows[0] = rows[0].replace('"size":1,', '"size":1,"size":1,').replace('"size": 1,', '"size": 1, "size": 1,')
    path.write_text("".join(rows))
    assert check(export, "--checkpoints", str(path)) == 3


def test_a_malformed_checkpoint_file_exits_3_not_2(export):
    path = checkpoints_of(export)
    path.write_text('{"size": "five"}\n')
    assert check(export, "--checkpoints", str(path)) == 3


def test_a_checkpoint_naming_another_key_id_exits_8(export):
    def other_id(rows):
        rows[0]["key_id"] = "00000000"
    assert check(export, "--checkpoints", str(rewrite_checkpoints(export, other_id)),
                 "--public-key", str(public_key(export))) == 8


def test_a_checkpoint_signed_by_another_key_exits_8(export, tmp_path):
    from ledger.keys import load_signing_key, write_private_key

    write_private_key(tmp_path / "other.pem")
    (tmp_path / "other.pub").write_text(load_signing_key(str(tmp_path / "other.pem")).public_pem)
    assert check(export, "--checkpoints", str(checkpoints_of(export)), "--public-key", str(tmp_path / "other.pub")) == 8


def test_the_verifier_key_form_is_accepted_too(export, tmp_path):
    from django.conf import settings

    (tmp_path / "ledger.vkey").write_text(signing_key().vkey(settings.LEDGER_ORIGIN))
    vkey = str(tmp_path / "ledger.vkey")
    assert check(export, "--checkpoints", str(checkpoints_of(export)), "--public-key", vkey) == 0


@pytest.mark.parametrize("head", ["0:" + "a" * 64, "0:anything", "3:" + "z" * 64, "3"])
def test_a_head_at_seq_0_or_badly_spelled_is_a_usage_error(export, head):
    assert check(export, "--head", head) == 2


def test_require_genesis_refuses_an_export_missing_its_first_lines(export):
    rows = lines(export)
    trimmed = write(export.parent / "trimmed.jsonl", rows[2:])
    assert check(trimmed, "--checkpoints", str(checkpoints_of(export))) == 0  # anchored by checkpoint 2
    assert check(trimmed, "--require-genesis") == 5
    assert check(export, "--require-genesis") == 0


def test_entries_beyond_the_newest_checkpoint_exit_13(export):
    def drop_last(rows):
        del rows[-1]
    assert check(export, "--checkpoints", str(rewrite_checkpoints(export, drop_last))) == 13


def test_a_checkpoint_missing_from_the_sequence_exits_14(export):
    def drop_middle(rows):
        del rows[2]
    assert check(export, "--checkpoints", str(rewrite_checkpoints(export, drop_middle))) == 14


def test_a_checkpoint_root_that_is_not_the_chains_tree_exits_10(export):
    def other_root(rows):
        rows[2]["root_hash"] = "c" * 64
    assert check(export, "--checkpoints", str(rewrite_checkpoints(export, other_root))) == 10


def notes(export: Path, *sizes: int) -> list[Path]:
    paths = []
    for size in sizes:
        path = export.parent / f"checkpoint-{size}.txt"
        path.write_text(LedgerCheckpoint.objects.get(size=size).note)
        paths.append(path)
    return paths


def test_a_consistency_proof_between_two_checkpoints_verifies(export):
    from ledger import merkle

    old, new = notes(export, 2, 5)
    proof = export.parent / "proof.json"
    proof.write_text(json.dumps(merkle.consistency_proof(2, 5)))
    assert verify.main(["consistency", str(old), str(new), str(proof), "--public-key", str(public_key(export))]) == 0


def test_a_bad_consistency_proof_exits_11(export):
    from ledger import merkle

    old, new = notes(export, 3, 5)
    body = merkle.consistency_proof(3, 5)
    body["proof"][0] = "0" * 64
    proof = export.parent / "proof.json"
    proof.write_text(json.dumps(body))
    assert verify.main(["consistency", str(old), str(new), str(proof)]) == 11
    proof.write_text(json.dumps(merkle.consistency_proof(2, 5)))
    assert verify.main(["consistency", str(old), str(new), str(proof)]) == 11
