//! Word clusters computed from unlabeled text (the training articles) so that a
//! predicate the tagger rarely saw labelled ("pledged") shares weights with words
//! used in the same contexts ("promised", "vowed"). Each frequent word is described
//! by the counts of its left and right neighbours among the most frequent words,
//! and the vectors are grouped by spherical k-means (deterministic initialisation,
//! fixed iteration count). Only word hashes and cluster ids are stored.

use crate::tagger::{FeatMap, KEY_MASK};
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Words seen fewer times get no cluster (their contexts are too sparse).
const MIN_FREQ: usize = 3;
/// Context words: the most frequent types (function words, punctuation, "said").
const CONTEXT: usize = 300;
const ITERS: usize = 12;
/// Cluster counts: a coarse and a fine partition.
pub const COARSE: usize = 64;
pub const FINE: usize = 512;

/// Hash key of a lower-cased word in the cluster table.
pub fn key(word: &str) -> u64 {
    xxh3_64(word.as_bytes()) & KEY_MASK
}

/// Packs the coarse and fine ids of a word.
pub fn pack(coarse: usize, fine: usize) -> u16 {
    ((coarse as u16) << 10) | fine as u16
}

pub fn unpack(v: u16) -> (u16, u16) {
    (v >> 10, v & 0x3FF)
}

/// Clusters of the words of `docs` (each a sequence of lower-cased tokens, sentence
/// boundaries as `None`): word hash -> packed (coarse, fine) id.
pub fn build(docs: &[Vec<Option<&str>>]) -> FeatMap<u16> {
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for d in docs {
        for w in d.iter().flatten() {
            *freq.entry(w).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = freq
        .iter()
        .filter(|(_, &n)| n >= MIN_FREQ)
        .map(|(w, n)| (*w, *n))
        .collect();
    // Frequency, then the word: a deterministic order.
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if vocab.len() < FINE {
        return FeatMap::default();
    }
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (w.0, i)).collect();
    let nctx = CONTEXT.min(vocab.len());
    let dims = 2 * nctx;
    // Sparse context counts per vocabulary word (BTreeMap-free: sorted afterwards).
    let mut counts: Vec<HashMap<u32, f64>> = vec![HashMap::new(); vocab.len()];
    for d in docs {
        for (i, w) in d.iter().enumerate() {
            let Some(vi) = w.and_then(|w| index.get(w)) else {
                continue;
            };
            let left = if i > 0 { d[i - 1] } else { None };
            let right = d.get(i + 1).copied().flatten();
            // Sentence edges are context words too (the last two dimensions of each side).
            let l = left.and_then(|x| index.get(x)).filter(|&&c| c < nctx);
            let r = right.and_then(|x| index.get(x)).filter(|&&c| c < nctx);
            if let Some(&c) = l {
                *counts[*vi].entry(c as u32).or_default() += 1.0;
            }
            if let Some(&c) = r {
                *counts[*vi].entry((nctx + c) as u32).or_default() += 1.0;
            }
        }
    }
    // Square-root counts, unit length: frequent and rare words become comparable.
    let vecs: Vec<Vec<(u32, f64)>> = counts
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f64)> = m.into_iter().map(|(k, x)| (k, x.sqrt())).collect();
            v.sort_by_key(|x| x.0);
            let n = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            if n > 0.0 {
                for x in &mut v {
                    x.1 /= n;
                }
            }
            v
        })
        .collect();
    let coarse = kmeans(&vecs, dims, COARSE);
    let fine = kmeans(&vecs, dims, FINE);
    if std::env::var_os("ATTRIB_CLUSTER_DEBUG").is_some() {
        for probe in [
            "pledged",
            "said",
            "wants",
            "worries",
            "statement",
            "plans",
            "found",
        ] {
            if let Some(&p) = index.get(probe) {
                let mates: Vec<&str> = (0..vocab.len())
                    .filter(|&i| fine[i] == fine[p])
                    .take(25)
                    .map(|i| vocab[i].0)
                    .collect();
                eprintln!("{probe}: {}", mates.join(" "));
            }
        }
    }
    let mut out = FeatMap::default();
    for (i, (w, _)) in vocab.iter().enumerate() {
        out.insert(key(w), pack(coarse[i], fine[i]));
    }
    out
}

/// Spherical k-means; centroids start at evenly spaced vocabulary ranks.
fn kmeans(vecs: &[Vec<(u32, f64)>], dims: usize, k: usize) -> Vec<usize> {
    let n = vecs.len();
    let mut cent: Vec<Vec<f64>> = (0..k)
        .map(|c| {
            let mut v = vec![0.0; dims];
            for &(d, x) in &vecs[c * n / k] {
                v[d as usize] = x;
            }
            v
        })
        .collect();
    let mut assign = vec![0usize; n];
    for _ in 0..ITERS {
        for (i, v) in vecs.iter().enumerate() {
            let mut best = (f64::NEG_INFINITY, 0);
            for (c, cv) in cent.iter().enumerate() {
                let s: f64 = v.iter().map(|&(d, x)| x * cv[d as usize]).sum();
                if s > best.0 {
                    best = (s, c);
                }
            }
            assign[i] = best.1;
        }
        let mut sums = vec![vec![0.0; dims]; k];
        for (i, v) in vecs.iter().enumerate() {
            for &(d, x) in v {
                sums[assign[i]][d as usize] += x;
            }
        }
        for (c, s) in sums.into_iter().enumerate() {
            let norm = s.iter().map(|x| x * x).sum::<f64>().sqrt();
            // An empty cluster keeps its centroid.
            if norm > 0.0 {
                cent[c] = s.into_iter().map(|x| x / norm).collect();
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_roundtrip() {
        assert_eq!(unpack(pack(63, 511)), (63, 511));
        assert_eq!(unpack(pack(0, 7)), (0, 7));
    }

    #[test]
    fn too_little_text_gives_no_clusters() {
        let d = vec![vec![Some("a"), Some("b"), None]];
        assert!(build(&d).is_empty());
    }
}
