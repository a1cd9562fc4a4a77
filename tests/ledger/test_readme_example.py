"""The README's worked example of a tree of size 5 is what the code computes."""
import base64
import hashlib
import re
from pathlib import Path

from ledger import merkle
from ledger.verify import checkpoint_body, leaf_hash, node_hash

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
ENTRIES = [hashlib.sha256(f"entry {n}".encode()).hexdigest() for n in range(1, 6)]


def row(label: str) -> str:
    """The hex hash in the README's example table on the row starting with `label`."""
    match = re.search(r"^\| " + re.escape(label) + r"[^|]*\| `([0-9a-f]{64})` \|$", README, flags=re.M)
    assert match, label
    return match.group(1)


def test_every_hash_of_the_worked_example_is_recomputed(db):
    leaves = [leaf_hash(entry) for entry in ENTRIES]
    for n, leaf in enumerate(leaves):
        assert row(f"leaf {n}") == leaf.hex()
    assert row("node(leaf 0, leaf 1)") == node_hash(leaves[0], leaves[1]).hex()
    assert row("node(leaf 2, leaf 3)") == node_hash(leaves[2], leaves[3]).hex()
    merkle.tree_append(0, ENTRIES)
    assert row("MTH(D[0:4])") == merkle.root_hash(4).hex()
    root = merkle.root_hash(5)
    assert row("**root**") == root.hex()
    assert row("root of size 3") == merkle.root_hash(3).hex()
    body = checkpoint_body("news.example/claim-ledger", 5, root).replace("\n", "\\n")
    assert f"The checkpoint text is `{body}`" in README
    assert base64.b64encode(root).decode() in README


def test_the_worked_proofs_are_the_ones_served(db):
    merkle.tree_append(0, ENTRIES)
    leaves = [leaf_hash(entry).hex() for entry in ENTRIES]
    pair = node_hash(leaf_hash(ENTRIES[0]), leaf_hash(ENTRIES[1])).hex()
    assert merkle.inclusion_proof(3, 5)["audit_path"] == [leaves[3], pair, leaves[4]]
    assert merkle.consistency_proof(3, 5)["proof"] == [leaves[2], leaves[3], pair, leaves[4]]
    assert "`audit_path = [leaf 3, node(leaf 0, leaf 1), leaf 4]`" in README
    assert "The consistency proof from 3 to 5 is `[leaf 2, leaf 3, node(leaf 0, leaf 1), leaf 4]`" in README
