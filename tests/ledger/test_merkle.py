"""The Merkle tree against a straightforward recursive reading of RFC 9162 section 2.1, for every size up to 64."""
import hashlib

import pytest

from ledger import merkle
from ledger.models import LedgerNode
from ledger.verify import ProofError, TreeBuilder, check_consistency, check_inclusion, leaf_hash

SIZES = range(1, 65)


def sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def k_of(n: int) -> int:
    """The largest power of two smaller than n."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves: list[bytes]) -> bytes:
    """MTH(D[n]) exactly as RFC 9162 section 2.1.1 defines it; leaves are entry hash bytes."""
    if not leaves:
        return sha(b"")
    if len(leaves) == 1:
        return sha(b"\x00" + leaves[0])
    k = k_of(len(leaves))
    return sha(b"\x01" + mth(leaves[:k]) + mth(leaves[k:]))


def path(m: int, leaves: list[bytes]) -> list[bytes]:
    """PATH(m, D[n]), RFC 9162 section 2.1.3.1."""
    if len(leaves) <= 1:
        return []
    k = k_of(len(leaves))
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m: int, leaves: list[bytes], whole: bool) -> list[bytes]:
    """SUBPROOF(m, D[n], b), RFC 9162 section 2.1.4.1."""
    n = len(leaves)
    if m == n:
        return [] if whole else [mth(leaves)]
    k = k_of(n)
    if m <= k:
        return subproof(m, leaves[:k], whole) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


ENTRY_HASHES = [hashlib.sha256(f"entry {n}".encode()).hexdigest() for n in range(64)]
LEAVES = [bytes.fromhex(h) for h in ENTRY_HASHES]


@pytest.fixture
def tree(db):
    """64 leaves stored in batches of uneven sizes, as single and batch appends make them."""
    size = 0
    for batch in (1, 1, 3, 2, 7, 1, 16, 5, 28):
        merkle.tree_append(size, ENTRY_HASHES[size:size + batch])
        size += batch
    assert size == 64
    return size


def test_every_root_up_to_64_matches_the_rfc_definition(tree):
    for size in SIZES:
        assert merkle.root_hash(size) == mth(LEAVES[:size]), size


def test_the_stored_nodes_are_exactly_the_complete_subtrees(tree):
    assert LedgerNode.objects.count() == 127  # 64 leaves + 32 + 16 + 8 + 4 + 2 + 1
    for level, index, digest in LedgerNode.objects.values_list("level", "index", "hash"):
        width = 1 << level
        assert bytes.fromhex(digest) == mth(LEAVES[index * width:(index + 1) * width])


def test_every_inclusion_proof_up_to_64_matches_the_rfc_and_verifies(tree):
    for size in SIZES:
        root = mth(LEAVES[:size])
        for seq in range(1, size + 1):
            proof = merkle.inclusion_proof(seq, size)
            assert proof["audit_path"] == [node.hex() for node in path(seq - 1, LEAVES[:size])], (seq, size)
            assert proof["leaf_hash"] == leaf_hash(ENTRY_HASHES[seq - 1]).hex()
            assert (proof["leaf_index"], proof["tree_size"], proof["root_hash"]) == (seq - 1, size, root.hex())
            check_inclusion(seq - 1, size, bytes.fromhex(proof["leaf_hash"]),
                            [bytes.fromhex(h) for h in proof["audit_path"]], root)


def test_every_consistency_proof_up_to_64_matches_the_rfc_and_verifies(tree):
    for second in SIZES:
        for first in range(1, second + 1):
            proof = merkle.consistency_proof(first, second)
            expected = subproof(first, LEAVES[:second], True) if first < second else []
            assert proof["proof"] == [node.hex() for node in expected], (first, second)
            check_consistency(first, second, bytes.fromhex(proof["first_root"]), bytes.fromhex(proof["second_root"]),
                              [bytes.fromhex(h) for h in proof["proof"]])


def test_a_proof_with_any_hash_changed_fails(tree):
    root = mth(LEAVES[:13])
    proof = [bytes.fromhex(h) for h in merkle.inclusion_proof(6, 13)["audit_path"]]
    for n in range(len(proof)):
        bad = list(proof)
        bad[n] = bytes(32)
        with pytest.raises(ProofError):
            check_inclusion(5, 13, leaf_hash(ENTRY_HASHES[5]), bad, root)
    with pytest.raises(ProofError):
        check_inclusion(5, 13, leaf_hash(ENTRY_HASHES[5]), proof[:-1], root)
    with pytest.raises(ProofError):
        check_inclusion(13, 13, leaf_hash(ENTRY_HASHES[5]), proof, root)


def test_a_consistency_proof_between_a_rewritten_history_fails(tree):
    rewritten = list(LEAVES[:20])
    rewritten[3] = bytes(32)
    proof = [bytes.fromhex(h) for h in merkle.consistency_proof(7, 20)["proof"]]
    with pytest.raises(ProofError):
        check_consistency(7, 20, mth(rewritten[:7]), mth(LEAVES[:20]), proof)
    with pytest.raises(ProofError):
        check_consistency(7, 20, mth(LEAVES[:7]), mth(LEAVES[:20]), proof[1:])


def test_the_streaming_builder_gives_every_root():
    builder = TreeBuilder()
    assert builder.root() == sha(b"")
    for size, entry in enumerate(ENTRY_HASHES, start=1):
        builder.add(entry)
        assert builder.root() == mth(LEAVES[:size])


def test_a_proof_reads_one_query_of_nodes(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        merkle.inclusion_proof(37, 61)
    with django_assert_num_queries(1):
        merkle.consistency_proof(21, 61)
