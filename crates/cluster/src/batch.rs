//! Whole-corpus clustering: greedy average-link agglomeration over the
//! candidate pairs an inverted index proposes.

use crate::online::{add_vecs, cosine, dot, top_terms, SparseVec};
use crate::ClusterConfig;
use std::collections::HashMap;

/// Most similar candidate neighbours kept per article.
const NEIGHBOURS: usize = 20;

/// Article → cluster assignment (cluster ids are arbitrary).
pub(crate) fn agglomerate(
    vecs: &[SparseVec],
    days: &[Option<i64>],
    cfg: &ClusterConfig,
) -> Vec<usize> {
    let n = vecs.len();
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
    for (i, v) in vecs.iter().enumerate() {
        for t in top_terms(v, cfg.index_terms) {
            let list = postings.entry(t).or_default();
            if list.len() < cfg.max_postings {
                list.push(i as u32);
            }
        }
    }
    let threshold = cfg.threshold as f32;
    let mut pairs: Vec<(f32, u32, u32)> = Vec::new();
    for (i, v) in vecs.iter().enumerate() {
        let mut cands: Vec<u32> = top_terms(v, cfg.query_terms)
            .iter()
            .filter_map(|t| postings.get(t))
            .flatten()
            .copied()
            .filter(|&j| (j as usize) > i)
            .collect();
        cands.sort_unstable();
        cands.dedup();
        let mut near: Vec<(f32, u32, u32)> = cands
            .into_iter()
            .filter(|&j| within_window(days[i], days[j as usize], cfg.window_days))
            .map(|j| (cosine(v, &vecs[j as usize]), i as u32, j))
            .filter(|p| p.0 >= threshold)
            .collect();
        near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        near.truncate(NEIGHBOURS);
        pairs.extend(near);
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));

    let mut cluster: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut sums: Vec<SparseVec> = vecs.to_vec();
    for (_, i, j) in pairs {
        let (a, b) = (cluster[i as usize], cluster[j as usize]);
        if a == b {
            continue;
        }
        // Mean cosine over all cross pairs: with unit vectors it is the dot
        // product of the two sums divided by the number of pairs.
        let pairs_ab = (members[a].len() * members[b].len()) as f32;
        if dot(&sums[a], &sums[b]) / pairs_ab < threshold {
            continue;
        }
        if !windows_overlap(&members[a], &members[b], days, cfg.window_days) {
            continue;
        }
        let (keep, gone) = if members[a].len() >= members[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            cluster[m] = keep;
        }
        members[keep].extend(moved);
        sums[keep] = add_vecs(&sums[keep], &sums[gone], 1.0);
        sums[gone] = Vec::new();
    }
    cluster
}

fn within_window(a: Option<i64>, b: Option<i64>, window: Option<u32>) -> bool {
    match (a, b, window) {
        (Some(a), Some(b), Some(w)) => (a - b).abs() <= i64::from(w),
        _ => true,
    }
}

/// True when the date ranges of two clusters are no further apart than the
/// window (undated clusters always are).
fn windows_overlap(a: &[usize], b: &[usize], days: &[Option<i64>], window: Option<u32>) -> bool {
    let Some(w) = window else { return true };
    let range = |m: &[usize]| {
        let d: Vec<i64> = m.iter().filter_map(|&i| days[i]).collect();
        Some((*d.iter().min()?, *d.iter().max()?))
    };
    match (range(a), range(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0.max(b0) - a1.min(b1) <= i64::from(w),
        _ => true,
    }
}
