//! Learned pair scorer: a logistic regression over a few similarity features
//! of two articles (cosines, shared rare terms, names, neighbour ranks, local
//! density) that predicts "same story". Its probability replaces the single
//! cosine as the edge weight of the graph's average-link agglomeration.
//! Weights are trained by `cluster-train` (scripts/train-cluster.sh) and
//! shipped as a small text file.

use crate::graph::{
    adjacency, merged_neighbours, merged_range, point_to_merged, roots, too_far_apart, Cand,
    Neighbours,
};
use crate::online::{dot, SparseVec};
use std::collections::{BinaryHeap, HashMap};

/// Number of pair features.
pub const NF: usize = 21;

/// Names of the features, in order (also the model file's layout).
pub const FEATURE_NAMES: [&str; NF] = [
    "cos_raw",
    "cos_expanded",
    "name_dot",
    "shared_bigram_idf",
    "shared_numbers",
    "max_shared_idf",
    "sum_shared_idf",
    "ln_shared_terms",
    "rr_max",
    "rr_min",
    "mutual",
    "density_mean",
    "density_max",
    "rel_nearest_min",
    "rel_nearest_max",
    "hub_mean",
    "ln_shared_names",
    "title_cos",
    "title_in_other_min",
    "title_in_other_max",
    "cos_expanded_sq",
];

/// Term kinds, as bits.
pub(crate) const KIND_NAME: u8 = 1;
pub(crate) const KIND_BIGRAM: u8 = 2;
pub(crate) const KIND_NUMBER: u8 = 4;

/// Logistic-regression weights over [`FEATURE_NAMES`] and the merge bar.
#[derive(Debug, Clone, PartialEq)]
pub struct PairModel {
    pub weights: [f32; NF],
    pub bias: f32,
    /// Least mean pair probability at which two clusters merge.
    pub threshold: f32,
}

const BUILTIN: &str = include_str!("pair_model.txt");

impl PairModel {
    /// The model shipped with the crate (trained on the AllSides file).
    pub fn builtin() -> Option<&'static PairModel> {
        static M: std::sync::OnceLock<Option<PairModel>> = std::sync::OnceLock::new();
        M.get_or_init(|| PairModel::parse(BUILTIN)).as_ref()
    }

    /// Parses `name value` lines (`bias`, `threshold` and each feature name);
    /// `#` starts a comment. None when a feature is missing or a value is bad.
    pub fn parse(text: &str) -> Option<PairModel> {
        let mut vals: HashMap<&str, f32> = HashMap::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (k, v) = line.split_once(char::is_whitespace)?;
            vals.insert(k, v.trim().parse().ok()?);
        }
        let mut weights = [0.0; NF];
        for (w, name) in weights.iter_mut().zip(FEATURE_NAMES) {
            *w = *vals.get(name)?;
        }
        Some(PairModel {
            weights,
            bias: *vals.get("bias")?,
            threshold: *vals.get("threshold")?,
        })
    }

    /// The model file's text.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "bias {}\nthreshold {}\n",
            self.bias, self.threshold
        ));
        for (n, w) in FEATURE_NAMES.iter().zip(self.weights) {
            s.push_str(&format!("{n} {w}\n"));
        }
        s
    }

    /// Probability that the pair with features `x` is one story.
    pub fn prob(&self, x: &[f32; NF]) -> f32 {
        let z = self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// What pair features are computed from.
pub(crate) struct PairContext<'a> {
    /// Unit tf-idf vectors.
    pub raw: &'a [SparseVec],
    /// Neighbour-expanded unit vectors.
    pub exp: &'a [SparseVec],
    /// Neighbour lists on the expanded vectors (hubness-ranked).
    pub nb: &'a Neighbours,
    /// Per article: (term id, idf / max idf, kind bits), sorted by id.
    pub info: Vec<Vec<(u32, f32, u8)>>,
    /// Per article: title stems (term id, idf / max idf), sorted by id.
    pub titles: Vec<Vec<(u32, f32)>>,
    /// Rank of the neighbour whose cosine is the density.
    pub density_rank: usize,
    /// Neighbours in the hub score.
    pub hub_rank: usize,
}

impl PairContext<'_> {
    /// Feature vector of the pair (i, j); symmetric in i and j.
    pub(crate) fn features(&self, i: usize, j: usize) -> [f32; NF] {
        let cos_raw = dot(&self.raw[i], &self.raw[j]);
        let cos_exp = dot(&self.exp[i], &self.exp[j]);
        let (mut name_dot, mut bigram_dot) = (0.0f32, 0.0f32);
        for_each_shared(
            &self.raw[i],
            &self.raw[j],
            |t| t.0,
            |a, b| {
                if a.0 & 1 == 1 {
                    name_dot += a.1 * b.1;
                }
            },
        );
        let (mut numbers, mut names, mut shared) = (0u32, 0u32, 0u32);
        let (mut max_idf, mut sum_idf) = (0.0f32, 0.0f32);
        for_each_shared(
            &self.info[i],
            &self.info[j],
            |t| t.0,
            |a, _| {
                let (_, idf, kind) = *a;
                shared += 1;
                max_idf = max_idf.max(idf);
                sum_idf += idf;
                if kind & KIND_NUMBER != 0 {
                    numbers += 1;
                }
                if kind & KIND_NAME != 0 {
                    names += 1;
                }
                if kind & KIND_BIGRAM != 0 {
                    bigram_dot += idf;
                }
            },
        );
        let rr = |a: usize, b: usize| {
            self.nb[a]
                .iter()
                .position(|e| e.0 as usize == b)
                .map_or(0.0, |r| 1.0 / (1.0 + r as f32))
        };
        let (rij, rji) = (rr(i, j), rr(j, i));
        let at = |a: usize, r: usize| {
            if r == 0 {
                0.0
            } else {
                self.nb[a].get(r - 1).map_or(0.0, |e| e.1)
            }
        };
        let (di, dj) = (at(i, self.density_rank), at(j, self.density_rank));
        let (ti, tj) = (at(i, 1).max(1e-3), at(j, 1).max(1e-3));
        let hub = |a: usize| {
            let l = &self.nb[a];
            let top = &l[..l.len().min(self.hub_rank)];
            top.iter().map(|e| e.1).sum::<f32>() / self.hub_rank.max(1) as f32
        };
        let (ri, rj) = ((cos_exp / ti).min(1.5), (cos_exp / tj).min(1.5));
        let (ta, tb) = (&self.titles[i], &self.titles[j]);
        let sq = |t: &[(u32, f32)]| t.iter().map(|e| e.1 * e.1).sum::<f32>();
        let title_cos = {
            let shared: f32 = ta
                .iter()
                .filter_map(|a| {
                    tb.binary_search_by_key(&a.0, |e| e.0)
                        .ok()
                        .map(|_| a.1 * a.1)
                })
                .sum();
            shared / (sq(ta) * sq(tb)).sqrt().max(1e-6)
        };
        // Share (idf-weighted) of one title's stems found among the other's terms.
        let covered = |t: &[(u32, f32)], other: &[(u32, f32, u8)]| {
            let total: f32 = t.iter().map(|e| e.1).sum();
            let hit: f32 = t
                .iter()
                .filter(|a| other.binary_search_by_key(&a.0, |e| e.0).is_ok())
                .map(|a| a.1)
                .sum();
            hit / total.max(1e-6)
        };
        let (ci, cj) = (covered(ta, &self.info[j]), covered(tb, &self.info[i]));
        [
            cos_raw,
            cos_exp,
            name_dot,
            bigram_dot.min(3.0),
            (numbers.min(3) as f32) / 3.0,
            max_idf,
            (1.0 + sum_idf).ln(),
            (1.0 + shared as f32).ln(),
            rij.max(rji),
            rij.min(rji),
            if rij > 0.0 && rji > 0.0 { 1.0 } else { 0.0 },
            (di + dj) / 2.0,
            di.max(dj),
            ri.min(rj),
            ri.max(rj),
            (hub(i) + hub(j)) / 2.0,
            (1.0 + names as f32).ln(),
            title_cos,
            ci.min(cj),
            ci.max(cj),
            cos_exp * cos_exp,
        ]
    }

    /// Candidate pairs (i < j): the graph's edges plus two-hop pairs (the
    /// neighbours of an article's two nearest), which average link also
    /// scores inside merged clusters.
    pub(crate) fn candidate_pairs(&self) -> Vec<(u32, u32)> {
        let mut pairs = Vec::new();
        for (i, l) in self.nb.iter().enumerate() {
            for &(j, _) in l {
                pairs.push(ord(i as u32, j));
            }
            for &(k, _) in l.iter().take(2) {
                for &(j, _) in self.nb[k as usize].iter().take(5) {
                    if j as usize != i {
                        pairs.push(ord(i as u32, j));
                    }
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }
}

/// Calls `f` on each pair of entries with equal keys in two lists sorted by key.
fn for_each_shared<T, K: Ord>(a: &[T], b: &[T], key: impl Fn(&T) -> K, mut f: impl FnMut(&T, &T)) {
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        match key(&a[x]).cmp(&key(&b[y])) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                f(&a[x], &b[y]);
                x += 1;
                y += 1;
            }
        }
    }
}

fn ord(a: u32, b: u32) -> (u32, u32) {
    (a.min(b), a.max(b))
}

/// Most members of each cluster looked at when two clusters are scored
/// (the first by article index): bounds the cost of a merge decision.
const MAX_SCORED_MEMBERS: usize = 12;

/// Average-link agglomeration on pair probabilities: merges the two
/// graph-connected clusters with the highest mean probability over their
/// member pairs while it is at least `threshold`. Returns article → cluster.
#[allow(clippy::needless_range_loop)] // indices are article ids
pub(crate) fn average_link(
    ctx: &PairContext,
    model: &PairModel,
    days: &[Option<i64>],
    window: Option<u32>,
    threshold: f32,
) -> Vec<usize> {
    let n = ctx.raw.len();
    let mut cache: HashMap<(u32, u32), f32> = HashMap::new();
    let mut p = |a: u32, b: u32| -> f32 {
        let key = ord(a, b);
        *cache
            .entry(key)
            .or_insert_with(|| model.prob(&ctx.features(key.0 as usize, key.1 as usize)))
    };
    let mut adj = adjacency(ctx.nb, n);
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    let mut version = vec![0u32; n];
    let mut range: Vec<Option<(i64, i64)>> = days.iter().map(|d| d.map(|d| (d, d))).collect();
    let mut heap: BinaryHeap<(Cand, u32, u32)> = BinaryHeap::new();
    for i in 0..n {
        for &j in &adj[i] {
            if j as usize > i {
                let s = p(i as u32, j);
                if s >= threshold {
                    heap.push((Cand(s, i as u32, j), 0, 0));
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    while let Some((Cand(_, a, b), va, vb)) = heap.pop() {
        let (a, b) = (a as usize, b as usize);
        if !alive[a] || !alive[b] || version[a] != va || version[b] != vb {
            continue;
        }
        if too_far_apart(window, range[a], range[b]) {
            continue;
        }
        alive[b] = false;
        parent[b] = a;
        let mb = std::mem::take(&mut members[b]);
        members[a].extend(mb);
        members[a].sort_unstable();
        range[a] = merged_range(range[a], range[b]);
        version[a] += 1;
        let nbrs = merged_neighbours(&mut adj, &alive, a, b);
        for &c in &nbrs {
            let c = c as usize;
            let (mut sum, mut count) = (0.0f32, 0usize);
            for &x in members[a].iter().take(MAX_SCORED_MEMBERS) {
                for &y in members[c].iter().take(MAX_SCORED_MEMBERS) {
                    sum += p(x, y);
                    count += 1;
                }
            }
            let s = sum / count.max(1) as f32;
            point_to_merged(&mut adj[c], a, b);
            if s >= threshold {
                let (x, y) = if a < c { (a, c) } else { (c, a) };
                heap.push((Cand(s, x as u32, y as u32), version[x], version[y]));
            }
        }
        adj[a] = nbrs;
    }
    roots(&parent)
}

/// Fits logistic-regression weights to (features, same story) examples by
/// Newton's method with a small L2 penalty, on standardised features (the
/// returned weights are for the raw features). Deterministic.
#[allow(clippy::needless_range_loop)] // matrix code reads best with indices
pub fn train_logistic(data: &[([f32; NF], bool)], l2: f64, iterations: usize) -> ([f32; NF], f32) {
    let n = data.len().max(1) as f64;
    let mut mean = [0.0f64; NF];
    let mut sd = [0.0f64; NF];
    for (x, _) in data {
        for k in 0..NF {
            mean[k] += f64::from(x[k]) / n;
        }
    }
    for (x, _) in data {
        for k in 0..NF {
            sd[k] += (f64::from(x[k]) - mean[k]).powi(2) / n;
        }
    }
    for s in sd.iter_mut() {
        *s = s.sqrt().max(1e-6);
    }
    const D: usize = NF + 1;
    let mut w = [0.0f64; D];
    let z = |x: &[f32; NF]| {
        let mut v = [0.0f64; D];
        v[0] = 1.0;
        for k in 0..NF {
            v[k + 1] = (f64::from(x[k]) - mean[k]) / sd[k];
        }
        v
    };
    for _ in 0..iterations {
        let mut g = [0.0f64; D];
        let mut h = [[0.0f64; D]; D];
        for (x, y) in data {
            let v = z(x);
            let s: f64 = v.iter().zip(&w).map(|(a, b)| a * b).sum();
            let pr = 1.0 / (1.0 + (-s).exp());
            let e = pr - f64::from(u8::from(*y));
            let q = (pr * (1.0 - pr)).max(1e-9);
            for a in 0..D {
                g[a] += e * v[a];
                for b in 0..D {
                    h[a][b] += q * v[a] * v[b];
                }
            }
        }
        for a in 1..D {
            g[a] += l2 * n * w[a];
            h[a][a] += l2 * n;
        }
        let step = solve(h, g);
        for a in 0..D {
            w[a] -= step[a];
        }
    }
    let mut out = [0.0f32; NF];
    let mut bias = w[0];
    for k in 0..NF {
        out[k] = (w[k + 1] / sd[k]) as f32;
        bias -= w[k + 1] * mean[k] / sd[k];
    }
    (out, bias as f32)
}

/// Solves `h · x = g` by Gaussian elimination with partial pivoting.
#[allow(clippy::needless_range_loop)]
fn solve<const D: usize>(mut h: [[f64; D]; D], mut g: [f64; D]) -> [f64; D] {
    for c in 0..D {
        let piv = (c..D)
            .max_by(|&a, &b| h[a][c].abs().total_cmp(&h[b][c].abs()))
            .unwrap_or(c);
        h.swap(c, piv);
        g.swap(c, piv);
        let d = h[c][c];
        if d.abs() < 1e-12 {
            continue;
        }
        for r in 0..D {
            if r != c {
                let f = h[r][c] / d;
                if f != 0.0 {
                    for k in c..D {
                        h[r][k] -= f * h[c][k];
                    }
                    g[r] -= f * g[c];
                }
            }
        }
    }
    let mut x = [0.0f64; D];
    for c in 0..D {
        if h[c][c].abs() >= 1e-12 {
            x[c] = g[c] / h[c][c];
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_parses_and_round_trips() {
        let m = PairModel::builtin().expect("shipped model parses");
        assert_eq!(PairModel::parse(&m.to_text()).as_ref(), Some(m));
        assert!(PairModel::parse("bias 1\nthreshold 0.5\n").is_none());
    }

    #[test]
    fn logistic_regression_learns_a_separable_rule() {
        // Same story iff feature 0 (a cosine) is above 0.5.
        let data: Vec<([f32; NF], bool)> = (0..200)
            .map(|i| {
                let mut x = [0.0; NF];
                x[0] = (i % 100) as f32 / 100.0;
                x[3] = ((i * 7) % 13) as f32 / 13.0;
                (x, x[0] > 0.5)
            })
            .collect();
        let (w, b) = train_logistic(&data, 1e-3, 12);
        let m = PairModel {
            weights: w,
            bias: b,
            threshold: 0.5,
        };
        let mut hi = [0.0; NF];
        hi[0] = 0.9;
        let mut lo = [0.0; NF];
        lo[0] = 0.1;
        assert!(m.prob(&hi) > 0.9, "{}", m.prob(&hi));
        assert!(m.prob(&lo) < 0.1, "{}", m.prob(&lo));
        assert!(w[0] > 0.0);
        // Deterministic.
        assert_eq!(train_logistic(&data, 1e-3, 12), (w, b));
    }
}
