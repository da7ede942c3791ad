//! Word clusters and casing priors derived from unlabeled text.
//!
//! Clusters: each frequent lowercased word gets a vector of its left and right
//! neighbours (sqrt counts over the most frequent context words, L2-normalised);
//! spherical k-means groups them at two granularities. Casing prior: how often
//! the word is capitalised away from sentence starts and headlines, which lets
//! the tagger read all-caps headlines and sentence-initial words.

use crate::features::{all_caps_sentence, WordInfo, WordTable};
use crate::gazetteer::word_hash;
use std::collections::HashMap;

/// Settings for [`build_word_table`].
#[derive(Debug, Clone, Copy)]
pub struct ClusterConfig {
    pub min_count: usize,
    pub max_words: usize,
    pub contexts: usize,
    pub coarse_k: usize,
    pub fine_k: usize,
    pub iters: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            min_count: 3,
            max_words: 40_000,
            contexts: 2_000,
            coarse_k: 64,
            fine_k: 512,
            iters: 10,
        }
    }
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// Build the word table from tokenised, cased sentences.
pub fn build_word_table(sents: &[Vec<String>], cfg: ClusterConfig) -> WordTable {
    let mut freq: HashMap<String, usize> = HashMap::new();
    // lower, init-cap, all-caps counts away from sentence starts.
    let mut case: HashMap<String, [usize; 3]> = HashMap::new();
    for s in sents {
        let words: Vec<&str> = s.iter().map(String::as_str).collect();
        let caps = all_caps_sentence(&words);
        for (i, w) in s.iter().enumerate() {
            *freq.entry(lower(w)).or_default() += 1;
            let initial = i == 0 || !s[i - 1].chars().any(char::is_alphanumeric) && i <= 2;
            if caps || initial || !w.chars().any(char::is_alphabetic) {
                continue;
            }
            let up = w.chars().filter(|c| c.is_uppercase()).count();
            let lo = w.chars().filter(|c| c.is_lowercase()).count();
            let class = if up == 0 {
                0
            } else if lo == 0 && up >= 2 {
                2
            } else {
                1
            };
            case.entry(lower(w)).or_default()[class] += 1;
        }
    }
    let mut vocab: Vec<(&String, usize)> = freq.iter().map(|(w, c)| (w, *c)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ctx_index: HashMap<&str, u32> = vocab
        .iter()
        .take(cfg.contexts)
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i as u32))
        .collect();
    let words: Vec<&String> = vocab
        .iter()
        .filter(|(_, c)| *c >= cfg.min_count)
        .take(cfg.max_words)
        .map(|(w, _)| *w)
        .collect();
    let word_index: HashMap<&str, usize> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i))
        .collect();
    let c = cfg.contexts as u32;
    let mut vecs: Vec<HashMap<u32, f32>> = vec![HashMap::new(); words.len()];
    for s in sents {
        let ls: Vec<String> = s.iter().map(|w| lower(w)).collect();
        for (i, w) in ls.iter().enumerate() {
            let Some(&wi) = word_index.get(w.as_str()) else {
                continue;
            };
            let v = &mut vecs[wi];
            // Slots: left-1, right-1, left-2, right-2 (distance 2 at half weight).
            let mut add = |j: isize, slot: u32, wt: f32| {
                let d = if j < 0 || j as usize >= ls.len() {
                    c // boundary marker
                } else {
                    ctx_index
                        .get(ls[j as usize].as_str())
                        .copied()
                        .unwrap_or(c + 1)
                };
                *v.entry(slot * (c + 2) + d).or_default() += wt;
            };
            let i = i as isize;
            add(i - 1, 0, 1.0);
            add(i + 1, 1, 1.0);
            add(i - 2, 2, 0.5);
            add(i + 2, 3, 0.5);
        }
    }
    let dim = 4 * (cfg.contexts + 2);
    let sparse: Vec<Vec<(u32, f32)>> = vecs
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(k, x)| (k, x.sqrt())).collect();
            v.sort_by_key(|e| e.0);
            let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|e| e.1 /= norm);
            v
        })
        .collect();
    let coarse = kmeans(&sparse, dim, cfg.coarse_k, cfg.iters);
    let fine = kmeans(&sparse, dim, cfg.fine_k, cfg.iters);
    let mut table = WordTable::default();
    for (i, w) in words.iter().enumerate() {
        table.map.insert(
            word_hash(w),
            WordInfo {
                coarse: coarse[i] as u16 + 1,
                fine: fine[i] as u16 + 1,
                case: 0,
            },
        );
    }
    for (w, [lo, cap, all]) in &case {
        let total = lo + cap + all;
        if total < 2 {
            continue;
        }
        let t = total as f32;
        let bucket = if *all as f32 / t >= 0.5 {
            5
        } else if (cap + all) as f32 / t >= 0.9 {
            4
        } else if (cap + all) as f32 / t >= 0.5 {
            3
        } else if (cap + all) as f32 / t >= 0.1 {
            2
        } else {
            1
        };
        table.map.entry(word_hash(w)).or_default().case = bucket;
    }
    table
}

/// Spherical k-means; deterministic (initial centres spread over the
/// frequency-sorted list). Returns each vector's cluster.
fn kmeans(vecs: &[Vec<(u32, f32)>], dim: usize, k: usize, iters: usize) -> Vec<usize> {
    let n = vecs.len();
    let k = k.min(n.max(1));
    let mut assign = vec![0usize; n];
    if n == 0 {
        return assign;
    }
    // Centroids stored dimension-major so a sparse dot with all centres is a
    // run of contiguous axpy's.
    let mut cent = vec![0f32; dim * k];
    for j in 0..k {
        let src = j * n / k;
        for &(d, x) in &vecs[src] {
            cent[d as usize * k + j] = x;
        }
    }
    let mut scores = vec![0f32; k];
    for _ in 0..iters {
        for (i, v) in vecs.iter().enumerate() {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &(d, x) in v {
                let row = &cent[d as usize * k..d as usize * k + k];
                for (s, c) in scores.iter_mut().zip(row) {
                    *s += x * c;
                }
            }
            let mut best = 0;
            for j in 1..k {
                if scores[j] > scores[best] {
                    best = j;
                }
            }
            assign[i] = best;
        }
        cent.iter_mut().for_each(|c| *c = 0.0);
        for (i, v) in vecs.iter().enumerate() {
            for &(d, x) in v {
                cent[d as usize * k + assign[i]] += x;
            }
        }
        let mut norms = vec![0f32; k];
        for d in 0..dim {
            for j in 0..k {
                norms[j] += cent[d * k + j] * cent[d * k + j];
            }
        }
        for d in 0..dim {
            for j in 0..k {
                if norms[j] > 0.0 {
                    cent[d * k + j] /= norms[j].sqrt();
                }
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_group_similar_contexts() {
        let mut sents = Vec::new();
        for city in ["paris", "london", "berlin", "rome"] {
            for _ in 0..5 {
                sents.push(vec![
                    "he".into(),
                    "flew".into(),
                    "to".into(),
                    city.into(),
                    "today".into(),
                ]);
            }
        }
        for verb in ["ran", "walked", "swam", "jumped"] {
            for _ in 0..5 {
                sents.push(vec![
                    "she".into(),
                    verb.to_string(),
                    "quickly".into(),
                    "home".into(),
                ]);
            }
        }
        let cfg = ClusterConfig {
            min_count: 3,
            max_words: 100,
            contexts: 20,
            coarse_k: 2,
            fine_k: 4,
            iters: 5,
        };
        let t = build_word_table(&sents, cfg);
        let get = |w: &str| t.map.get(&word_hash(w)).copied().unwrap_or_default();
        assert_eq!(get("paris").coarse, get("london").coarse);
        assert_eq!(get("ran").coarse, get("swam").coarse);
        assert_ne!(get("paris").coarse, get("ran").coarse);
    }
}
