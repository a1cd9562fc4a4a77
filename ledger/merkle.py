"""The Merkle tree over the entries (RFC 9162 section 2.1), stored as complete subtrees by level.

Leaf i (0-based) is entry seq i+1: its hash is SHA-256(0x00 || the entry's 32 hash bytes); an interior
node is SHA-256(0x01 || left || right). The table ledger_node holds every complete subtree: the node at
(level L, index i) is the root of leaves [i * 2**L, (i + 1) * 2**L). Appending leaf n stores it and every
subtree it completes, reading only the frontier (one node per set bit of n). Any tree head, inclusion
proof or consistency proof then needs O(log n) nodes, fetched in one query.

The pure functions (hashing, proof checking) live in ledger/verify.py, the checker outsiders run.
"""
import hashlib
from collections.abc import Callable, Iterable, Sequence

from django.db import connection

from ledger.copying import copy_rows, copying
from ledger.models import LedgerNode
from ledger.verify import leaf_hash, node_hash

Fetch = Callable[[int, int], bytes]


def _largest_power_below(n: int) -> int:
    """The largest power of two strictly smaller than n (n > 1): where RFC 9162 splits a tree."""
    return 1 << ((n - 1).bit_length() - 1)


def frontier_keys(size: int) -> list[tuple[int, int]]:
    """The (level, index) of each complete subtree a tree of `size` leaves decomposes into, left to right."""
    keys, start = [], 0
    for level in range(size.bit_length() - 1, -1, -1):
        if size >> level & 1:
            keys.append((level, start >> level))
            start += 1 << level
    return keys


def range_hash(start: int, end: int, fetch: Fetch) -> bytes:
    """MTH of leaves [start, end): a stored node when the range is a complete subtree, else split as RFC 9162."""
    width = end - start
    if width & (width - 1) == 0 and start % width == 0:
        return fetch(width.bit_length() - 1, start // width)
    k = _largest_power_below(width)
    return node_hash(range_hash(start, start + k, fetch), range_hash(start + k, end, fetch))


def _inclusion_path(index: int, start: int, end: int, fetch: Fetch) -> list[bytes]:
    """PATH(m, D[start:end]) of RFC 9162 section 2.1.3.1, the sibling nearest the leaf first."""
    if end - start <= 1:
        return []
    k = _largest_power_below(end - start)
    if index < start + k:
        return _inclusion_path(index, start, start + k, fetch) + [range_hash(start + k, end, fetch)]
    return _inclusion_path(index, start + k, end, fetch) + [range_hash(start, start + k, fetch)]


def _subproof(m: int, start: int, end: int, whole: bool, fetch: Fetch) -> list[bytes]:
    """SUBPROOF(m, D[start:end], b) of RFC 9162 section 2.1.4.1 (m counts leaves from start)."""
    n = end - start
    if m == n:
        return [] if whole else [range_hash(start, end, fetch)]
    k = _largest_power_below(n)
    if m <= k:
        return _subproof(m, start, start + k, whole, fetch) + [range_hash(start + k, end, fetch)]
    return _subproof(m - k, start + k, end, False, fetch) + [range_hash(start, start + k, fetch)]


class NodeReader:
    """Reads nodes in two passes: one records which nodes a computation needs, one query fetches them all."""

    def __init__(self, model=LedgerNode):
        self.model = model  # a migration passes its historical model
        self.known: dict[tuple[int, int], bytes] = {}

    def run(self, compute: Callable[[Fetch], object]):
        """Run compute(fetch) once to learn the nodes it reads, load them, then run it for real."""
        wanted: set[tuple[int, int]] = set()

        def record(level: int, index: int) -> bytes:
            if (level, index) not in self.known:
                wanted.add((level, index))
            return bytes(32)

        compute(record)
        self._load(wanted)
        return compute(self._fetch)

    def _load(self, wanted: set[tuple[int, int]]) -> None:
        """One SELECT for every wanted node (raw SQL: building the ORM query cost more than running it)."""
        if not wanted:
            return
        levels: dict[int, list[int]] = {}
        for level, index in wanted:
            levels.setdefault(level, []).append(index)
        quote = connection.ops.quote_name
        clauses, params = [], []
        for level, indexes in levels.items():
            clauses.append(f"({quote('level')} = %s AND {quote('index')} IN ({', '.join(['%s'] * len(indexes))}))")
            params += [level, *indexes]
        sql = (f"SELECT {quote('level')}, {quote('index')}, {quote('hash')} FROM {quote(self.model._meta.db_table)} "
               f"WHERE {' OR '.join(clauses)}")
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for level, index, digest in cursor.fetchall():
                self.known[(level, index)] = bytes.fromhex(digest)

    def _fetch(self, level: int, index: int) -> bytes:
        try:
            return self.known[(level, index)]
        except KeyError:
            raise LookupError(f"the Merkle tree has no node at level {level}, index {index}: run "
                              "`manage.py ledger_tree --backfill`") from None


def new_nodes(size: int, entry_hashes: Sequence[str], frontier: dict[tuple[int, int], bytes]) \
        -> dict[tuple[int, int], bytes]:
    """The nodes that appending these entry hashes to a tree of `size` leaves creates (frontier: its roots)."""
    known = dict(frontier)
    created: dict[tuple[int, int], bytes] = {}
    for offset, entry in enumerate(entry_hashes):
        level, index = 0, size + offset
        digest = leaf_hash(entry)
        created[(0, index)] = known[(0, index)] = digest
        while index & 1:
            digest = node_hash(known[(level, index - 1)], digest)
            level, index = level + 1, index >> 1
            created[(level, index)] = known[(level, index)] = digest
    return created


def tree_append(size: int, entry_hashes: Sequence[str], *, model=LedgerNode) -> bytes:
    """Store the nodes for entries appended to a tree of `size` leaves; return the new root (one read, one write)."""
    reader = NodeReader(model)
    reader._load(set(frontier_keys(size)))
    created = new_nodes(size, entry_hashes, reader.known)
    _store(model, created)
    reader.known.update(created)
    return root_from(size + len(entry_hashes), reader)


def _store(model, created: dict[tuple[int, int], bytes]) -> None:
    """Write the new nodes in one statement (a report's thousands of nodes by COPY on PostgreSQL)."""
    if copying(len(created)):
        copy_rows(model._meta.db_table, ("level", "index", "hash"),
                  ((level, index, digest.hex()) for (level, index), digest in created.items()))
        return
    model.objects.bulk_create([model(level=level, index=index, hash=digest.hex())
                               for (level, index), digest in created.items()])


def root_from(size: int, reader: NodeReader) -> bytes:
    """The root hash of the first `size` leaves, from the nodes the reader holds or loads."""
    if size == 0:
        return leaf_empty()
    return reader.run(lambda fetch: range_hash(0, size, fetch))


def leaf_empty() -> bytes:
    """MTH of the empty tree: SHA-256 of nothing."""
    return hashlib.sha256(b"").digest()


def root_hash(size: int) -> bytes:
    """The root hash of the tree of the first `size` entries."""
    return root_from(size, NodeReader())


def inclusion_proof(seq: int, size: int) -> dict:
    """The RFC 9162 inclusion proof of entry `seq` in the tree of `size` entries, hashes in hex."""
    return inclusion_proofs([seq], size)[0]


def inclusion_proofs(seqs: Sequence[int], size: int) -> list[dict]:
    """Inclusion proofs of several entries in one tree, their nodes read in one query."""

    def compute(fetch: Fetch):
        root = range_hash(0, size, fetch)
        return [(seq, fetch(0, seq - 1), _inclusion_path(seq - 1, 0, size, fetch), root) for seq in seqs]

    return [{"seq": seq, "leaf_index": seq - 1, "tree_size": size, "leaf_hash": leaf.hex(),
             "audit_path": [node.hex() for node in path], "root_hash": root.hex()}
            for seq, leaf, path, root in NodeReader().run(compute)]


def consistency_proof(first: int, second: int) -> dict:
    """The RFC 9162 consistency proof from the tree of `first` entries to the tree of `second`, hashes in hex."""

    def compute(fetch: Fetch):
        proof = _subproof(first, 0, second, True, fetch) if 0 < first < second else []
        first_root = range_hash(0, first, fetch) if first else leaf_empty()
        return first_root, range_hash(0, second, fetch) if second else leaf_empty(), proof

    first_root, second_root, proof = NodeReader().run(compute)
    return {"first": first, "second": second, "first_root": first_root.hex(), "second_root": second_root.hex(),
            "proof": [node.hex() for node in proof]}


def tree_size(model=LedgerNode) -> int:
    """How many leaves the stored tree holds."""
    return model.objects.filter(level=0).count()


def backfill(entry_hashes: Iterable[str], *, start: int, progress=None, batch: int = 10_000, model=LedgerNode) -> int:
    """Add the entries from leaf `start` on to the tree in batches; return the new size."""
    size, chunk = start, []
    for entry in entry_hashes:
        chunk.append(entry)
        if len(chunk) == batch:
            tree_append(size, chunk, model=model)
            size += len(chunk)
            chunk = []
            if progress is not None:
                progress.update(batch)
    if chunk:
        tree_append(size, chunk, model=model)
        size += len(chunk)
        if progress is not None:
            progress.update(len(chunk))
    return size
