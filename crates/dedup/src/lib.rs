//! Copy detection: finds articles that repeat another article exactly, nearly,
//! or in part (a wire story reprinted with an outlet's own lead, or trimmed).
//!
//! Each text gets a [`Signature`]: a hash of its normalised words (exact
//! copies), a MinHash sketch of its word shingles (candidate retrieval through
//! LSH banding) and the sorted shingle hashes themselves (exact verification).
//! [`DedupIndex`] links each added document to the earliest document it copies;
//! a lookup only touches the LSH buckets the new document falls into, and
//! buckets are capped, so the cost of one `add` does not grow with the corpus.

use rashomon_model::{CopyKind, CopyLink};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Parameters of copy detection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DedupConfig {
    /// Words per shingle.
    pub shingle: usize,
    /// MinHash permutations (length of the sketch).
    pub num_perm: usize,
    /// LSH bands; `num_perm / bands` rows per band. Few rows per band make
    /// pairs with low Jaccard (a short text inside a long one) candidates too.
    pub bands: usize,
    /// Exact shingle Jaccard at or above which two texts are near-duplicates.
    pub near_threshold: f64,
    /// Share of the smaller text's shingles found in the other text at or
    /// above which the smaller one counts as contained.
    pub containment_threshold: f64,
    /// Smaller texts than this (in shingles) are never reported as contained:
    /// a one-line text inside a long article is a quote, not a reprint.
    pub min_contained_shingles: usize,
    /// Most documents kept in the index (the newest); older ones are
    /// forgotten so memory stays bounded. 0 = no limit.
    pub max_docs: usize,
    /// Most documents kept per LSH bucket (the earliest ones): bounds the work
    /// per lookup when boilerplate makes some buckets huge.
    pub max_bucket: usize,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            shingle: 5,
            num_perm: 128,
            // 2 rows per band: a pair with Jaccard 0.2 becomes a candidate with
            // probability 1-(1-0.2²)^64 ≈ 0.93, 0.3 → 0.998.
            bands: 64,
            near_threshold: 0.7,
            containment_threshold: 0.8,
            min_contained_shingles: 20,
            max_bucket: 64,
            max_docs: 200_000,
        }
    }
}

/// What the index needs to know about one text. Serialisable so a store can
/// persist it instead of recomputing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// xxh3 of the normalised text (folded case, punctuation dropped, single spaces).
    pub exact: u64,
    /// MinHash sketch, one minimum per permutation.
    pub minhash: Vec<u64>,
    /// Sorted, distinct shingle hashes, truncated to 32 bits (half the
    /// memory; a false match needs a collision among a pair's shingles).
    pub shingles: Vec<u32>,
}

impl Signature {
    /// True when the text had no words at all.
    pub fn is_empty(&self) -> bool {
        self.shingles.is_empty()
    }
}

/// Folded, punctuation-free words of `text`. Apostrophes are dropped inside
/// words so "don't" and "don’t" agree.
pub fn normalized_words(text: &str) -> Vec<String> {
    // ASCII text folds to its lower case; skip the Unicode decomposition.
    let folded = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        fold_runs(text)
    };
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.replace('\'', ""))
        .filter(|w| !w.is_empty())
        .collect()
}

/// `rashomon_text::fold` of mostly-ASCII text, folding only its non-ASCII
/// runs with the Unicode path: fold works char by char (decomposition only
/// reorders combining marks, which are non-ASCII and dropped), so folding
/// run by run gives the same string without decomposing every ASCII letter.
fn fold_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.find(|c: char| !c.is_ascii()).unwrap_or(rest.len());
        if ascii > 0 {
            out.push_str(&rashomon_text::fold(&rest[..ascii]));
            rest = &rest[ascii..];
        }
        let other = rest.find(|c: char| c.is_ascii()).unwrap_or(rest.len());
        if other > 0 {
            out.push_str(&rashomon_text::fold(&rest[..other]));
            rest = &rest[other..];
        }
    }
    out
}

/// The seed of permutation `i`: a fixed odd multiplier and an offset, so the
/// sketch is the same in every run and every process.
fn perm_params(i: usize) -> (u64, u64) {
    let a = xxh3_64_with_seed(&(i as u64).to_le_bytes(), 0x0005_eeda) | 1;
    let b = xxh3_64_with_seed(&(i as u64).to_le_bytes(), 0x0005_eedb);
    (a, b)
}

/// Computes the signature of `text`.
pub fn signature(text: &str, cfg: &DedupConfig) -> Signature {
    let words = normalized_words(text);
    // The hash of the words joined by spaces, streamed (no joined copy).
    let mut joined = xxhash_rust::xxh3::Xxh3::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            joined.update(b" ");
        }
        joined.update(w.as_bytes());
    }
    let exact = joined.digest();
    let k = cfg.shingle.max(1);
    // A shingle's hash is the hash of its words' hashes: no string per shingle.
    let word_hashes: Vec<u64> = words.iter().map(|w| xxh3_64(w.as_bytes())).collect();
    let mut bytes: Vec<u8> = Vec::with_capacity(8 * k);
    let mut shingle_hash = |ws: &[u64]| {
        bytes.clear();
        for h in ws {
            bytes.extend_from_slice(&h.to_le_bytes());
        }
        xxh3_64(&bytes)
    };
    let mut full: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() <= k {
        vec![shingle_hash(&word_hashes)]
    } else {
        word_hashes.windows(k).map(&mut shingle_hash).collect()
    };
    full.sort_unstable();
    full.dedup();
    let perms: Vec<(u64, u64)> = (0..cfg.num_perm).map(perm_params).collect();
    let mut minhash = vec![u64::MAX; cfg.num_perm];
    for &s in &full {
        for (m, &(a, b)) in minhash.iter_mut().zip(&perms) {
            // Multiply-add with an odd multiplier permutes u64; the shingle
            // hashes are already uniform, so this is enough for MinHash.
            let h = s.wrapping_mul(a).wrapping_add(b);
            if h < *m {
                *m = h;
            }
        }
    }
    let mut shingles: Vec<u32> = full.iter().map(|&h| (h >> 32) as u32).collect();
    shingles.sort_unstable();
    shingles.dedup();
    Signature {
        exact,
        minhash,
        shingles,
    }
}

/// Size of the intersection of two sorted, distinct slices.
fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Incremental copy index.
#[derive(Debug, Clone)]
pub struct DedupIndex {
    cfg: DedupConfig,
    /// Normalised-text hash → first document with it.
    exact: HashMap<u64, usize>,
    /// One map per band: band hash → documents (earliest first, capped).
    bands: Vec<HashMap<u64, Vec<usize>>>,
    /// Shingles of every added document, by id, for verification.
    shingles: HashMap<usize, Vec<u32>>,
    /// Band keys and exact hash of every indexed id, oldest first, for eviction.
    fifo: VecDeque<(usize, u64, Vec<u64>)>,
    /// Rank the next added document gets.
    next_rank: usize,
    /// Insertion rank of every id: "earliest" means first added.
    order: HashMap<usize, usize>,
}

impl DedupIndex {
    pub fn new(cfg: DedupConfig) -> Self {
        let nb = cfg.bands.clamp(1, cfg.num_perm.max(1));
        DedupIndex {
            bands: vec![HashMap::new(); nb],
            cfg,
            exact: HashMap::new(),
            shingles: HashMap::new(),
            fifo: VecDeque::new(),
            next_rank: 0,
            order: HashMap::new(),
        }
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    fn band_keys(&self, sig: &Signature) -> Vec<u64> {
        let nb = self.bands.len();
        let rows = (sig.minhash.len() / nb).max(1);
        (0..nb)
            .map(|b| {
                let start = (b * rows).min(sig.minhash.len());
                let end = ((b + 1) * rows).min(sig.minhash.len());
                let bytes: Vec<u8> = sig.minhash[start..end]
                    .iter()
                    .flat_map(|v| v.to_le_bytes())
                    .collect();
                xxh3_64(&bytes)
            })
            .collect()
    }

    /// Adds document `id` and returns the link to the earliest document it
    /// copies: an exact copy wins over a near-duplicate, which wins over
    /// containment. Empty texts are neither linked nor indexed. Adding an id
    /// twice is a no-op returning `None`.
    pub fn add(&mut self, id: usize, sig: &Signature) -> Option<CopyLink> {
        if sig.is_empty() || self.order.contains_key(&id) {
            return None;
        }
        let rank = self.next_rank;
        self.next_rank += 1;
        self.order.insert(id, rank);
        let keys = self.band_keys(sig);
        let link = self.best_link(id, sig, &keys);
        self.exact.entry(sig.exact).or_insert(id);
        for (band, key) in self.bands.iter_mut().zip(&keys) {
            let bucket = band.entry(*key).or_default();
            if bucket.len() < self.cfg.max_bucket {
                bucket.push(id);
            }
        }
        self.shingles.insert(id, sig.shingles.clone());
        self.fifo.push_back((id, sig.exact, keys));
        while self.cfg.max_docs > 0 && self.fifo.len() > self.cfg.max_docs {
            self.evict_oldest();
        }
        link
    }

    /// Forgets the oldest indexed document: later texts can no longer be
    /// linked to it, which bounds memory on an endless stream.
    fn evict_oldest(&mut self) {
        let Some((id, exact, keys)) = self.fifo.pop_front() else {
            return;
        };
        self.shingles.remove(&id);
        self.order.remove(&id);
        if self.exact.get(&exact) == Some(&id) {
            self.exact.remove(&exact);
        }
        for (band, key) in self.bands.iter_mut().zip(&keys) {
            if let Some(bucket) = band.get_mut(key) {
                bucket.retain(|&d| d != id);
                if bucket.is_empty() {
                    band.remove(key);
                }
            }
        }
    }

    fn best_link(&self, id: usize, sig: &Signature, keys: &[u64]) -> Option<CopyLink> {
        if let Some(&orig) = self.exact.get(&sig.exact) {
            return Some(CopyLink {
                copy: id,
                original: orig,
                kind: CopyKind::Exact,
                score: 1.0,
            });
        }
        let mut cands: Vec<usize> = keys
            .iter()
            .zip(&self.bands)
            .filter_map(|(k, band)| band.get(k))
            .flatten()
            .copied()
            .collect();
        cands.sort_unstable_by_key(|c| self.order.get(c).copied().unwrap_or(usize::MAX));
        cands.dedup();
        // (kind rank, insertion rank) → smaller is better: near before contained, earliest first.
        let mut best: Option<(u8, usize, CopyLink)> = None;
        for c in cands {
            let Some(other) = self.shingles.get(&c) else {
                continue;
            };
            let inter = intersection(&sig.shingles, other) as f64;
            let union = (sig.shingles.len() + other.len()) as f64 - inter;
            let jaccard = if union > 0.0 { inter / union } else { 0.0 };
            let smaller = sig.shingles.len().min(other.len());
            let containment = inter / smaller.max(1) as f64;
            let found = if jaccard >= self.cfg.near_threshold {
                Some((0u8, CopyKind::Near, jaccard))
            } else if smaller >= self.cfg.min_contained_shingles
                && containment >= self.cfg.containment_threshold
            {
                Some((1u8, CopyKind::Contained, containment))
            } else {
                None
            };
            if let Some((kr, kind, score)) = found {
                let rank = self.order.get(&c).copied().unwrap_or(usize::MAX);
                let better = match &best {
                    None => true,
                    Some((bk, br, _)) => (kr, rank) < (*bk, *br),
                };
                if better {
                    let link = CopyLink {
                        copy: id,
                        original: c,
                        kind,
                        score,
                    };
                    best = Some((kr, rank, link));
                }
            }
        }
        best.map(|(_, _, l)| l)
    }
}

/// Batch convenience: adds `texts` in order (index = id) and returns every link found.
pub fn find_copies(texts: &[&str], cfg: &DedupConfig) -> Vec<CopyLink> {
    let mut index = DedupIndex::new(cfg.clone());
    texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| index.add(i, &signature(t, cfg)))
        .collect()
}

#[cfg(test)]
mod tests;
