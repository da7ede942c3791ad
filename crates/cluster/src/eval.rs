//! Clustering evaluation against gold story labels: pairwise and BCubed
//! precision/recall/F1, NMI and ARI.

use crate::{cluster, features_with, ClusterConfig, OnlineClusterer};
use rashomon_model::StoryGroup;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: no usable records")]
    Empty { path: String },
}

/// One line of an evaluation file.
#[derive(Debug, Clone, Deserialize)]
pub struct EvalRecord {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    pub story: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Agreement of a predicted labeling with the gold one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    pub pairwise: Prf,
    pub bcubed: Prf,
    pub nmi: f64,
    pub ari: f64,
}

/// CPU seconds used by the calling thread so far (Linux), so speed figures
/// are not skewed by other processes on a busy machine.
pub fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the
    // 12th and 13th of them, in clock ticks (100 per second on Linux).
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Scores of one clustering run with its cost.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub stories: usize,
    pub singletons: usize,
    #[serde(flatten)]
    pub scores: Scores,
    /// Wall time of feature extraction plus clustering.
    pub seconds: f64,
    /// Articles per wall-clock second.
    pub articles_per_sec: f64,
    /// Thread CPU time of the same work, when the platform tells it.
    pub cpu_seconds: Option<f64>,
    /// Articles per CPU second.
    pub articles_per_cpu_sec: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClusterReport {
    pub file: String,
    pub articles: usize,
    pub gold_stories: usize,
    /// Records that could not be read, with file and line.
    pub errors: Vec<String>,
    pub config: ClusterConfig,
    /// Whole-corpus pass ([`cluster`]): the headline numbers.
    pub batch: RunReport,
    /// One online pass ([`OnlineClusterer`]) in file order with incremental IDF.
    pub online: RunReport,
}

fn comb2(n: usize) -> f64 {
    let n = n as f64;
    n * (n - 1.0) / 2.0
}

/// Compares a predicted labeling with the gold one (same length, any label values).
pub fn score(gold: &[usize], pred: &[usize]) -> Scores {
    let n = gold.len().min(pred.len());
    let mut cells: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut gsize: BTreeMap<usize, usize> = BTreeMap::new();
    let mut psize: BTreeMap<usize, usize> = BTreeMap::new();
    for i in 0..n {
        *cells.entry((gold[i], pred[i])).or_insert(0) += 1;
        *gsize.entry(gold[i]).or_insert(0) += 1;
        *psize.entry(pred[i]).or_insert(0) += 1;
    }
    if n == 0 {
        let one = Prf::new(1.0, 1.0);
        return Scores {
            pairwise: one,
            bcubed: one,
            nmi: 1.0,
            ari: 1.0,
        };
    }
    let nf = n as f64;
    let tp: f64 = cells.values().map(|&c| comb2(c)).sum();
    let gold_pairs: f64 = gsize.values().map(|&c| comb2(c)).sum();
    let pred_pairs: f64 = psize.values().map(|&c| comb2(c)).sum();
    // No pairs predicted (or in gold): nothing wrong was said, by convention 1.
    let pp = if pred_pairs > 0.0 {
        tp / pred_pairs
    } else {
        1.0
    };
    let pr = if gold_pairs > 0.0 {
        tp / gold_pairs
    } else {
        1.0
    };
    let (mut bp, mut br, mut mi) = (0.0, 0.0, 0.0);
    for (&(g, p), &c) in &cells {
        let (c, ng, np) = (c as f64, gsize[&g] as f64, psize[&p] as f64);
        bp += c * c / np;
        br += c * c / ng;
        mi += c / nf * (nf * c / (ng * np)).ln();
    }
    let entropy = |m: &BTreeMap<usize, usize>| -> f64 {
        m.values()
            .map(|&c| {
                let p = c as f64 / nf;
                -p * p.ln()
            })
            .sum()
    };
    let (hg, hp) = (entropy(&gsize), entropy(&psize));
    // Arithmetic-mean normalisation; two single-cluster labelings agree fully.
    let nmi = if hg + hp > 0.0 {
        2.0 * mi / (hg + hp)
    } else {
        1.0
    };
    let expected = gold_pairs * pred_pairs / comb2(n).max(f64::MIN_POSITIVE);
    let max = (gold_pairs + pred_pairs) / 2.0;
    let ari = if (max - expected).abs() > 1e-12 {
        (tp - expected) / (max - expected)
    } else {
        1.0
    };
    Scores {
        pairwise: Prf::new(pp, pr),
        bcubed: Prf::new(bp / nf, br / nf),
        nmi,
        ari,
    }
}

/// Article → story labels from story groups.
pub fn labels(groups: &[StoryGroup], n: usize) -> Vec<usize> {
    let mut l: Vec<usize> = (0..n).map(|i| usize::MAX - i).collect();
    for (g, s) in groups.iter().enumerate() {
        for &m in &s.members {
            if let Some(x) = l.get_mut(m) {
                *x = g;
            }
        }
    }
    l
}

/// Reads an evaluation JSONL file; unreadable lines are reported, not fatal.
pub fn read_records(path: &Path) -> Result<(Vec<EvalRecord>, Vec<String>), ClusterError> {
    let shown = path.display().to_string();
    let data = std::fs::read_to_string(path).map_err(|source| ClusterError::Io {
        path: shown.clone(),
        source,
    })?;
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<EvalRecord>(line) {
            Ok(r) => records.push(r),
            Err(e) => errors.push(format!("{shown}:{}: {e}", i + 1)),
        }
    }
    if records.is_empty() {
        return Err(ClusterError::Empty { path: shown });
    }
    Ok((records, errors))
}

fn run_report(groups: &[StoryGroup], gold: &[usize], seconds: f64, cpu: Option<f64>) -> RunReport {
    let pred = labels(groups, gold.len());
    let n = gold.len() as f64;
    RunReport {
        stories: groups.len(),
        singletons: groups.iter().filter(|g| g.members.len() == 1).count(),
        scores: score(gold, &pred),
        seconds,
        articles_per_sec: n / seconds.max(1e-9),
        cpu_seconds: cpu,
        articles_per_cpu_sec: cpu.map(|c| n / c.max(0.01)),
    }
}

/// The records of the first (`"first"`) or second (`"second"`) half of the
/// stories, stories in order of first appearance (`"all"`: every record). The
/// first half is for tuning, the second for held-out figures.
pub fn half(records: Vec<EvalRecord>, which: &str) -> Result<Vec<EvalRecord>, String> {
    let mut order: HashMap<String, usize> = HashMap::new();
    for r in &records {
        let next = order.len();
        order.entry(r.story.clone()).or_insert(next);
    }
    let cut = order.len().div_ceil(2);
    let keep = |i: usize| match which {
        "first" => Ok(i < cut),
        "second" => Ok(i >= cut),
        "all" => Ok(true),
        _ => Err(format!("half must be first, second or all, not {which}")),
    };
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        if keep(order[&r.story])? {
            out.push(r);
        }
    }
    Ok(out)
}

/// Features (built with `cfg.features`) and gold story numbers of `records`.
pub fn features_and_labels(
    records: &[EvalRecord],
    cfg: &ClusterConfig,
) -> (Vec<crate::ArticleFeatures>, Vec<usize>) {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let gold = records
        .iter()
        .map(|r| {
            let next = ids.len();
            *ids.entry(r.story.as_str()).or_insert(next)
        })
        .collect();
    let feats = records
        .iter()
        .map(|r| {
            features_with(
                &r.title,
                &r.text,
                &[],
                r.published.as_deref(),
                &cfg.features,
            )
        })
        .collect();
    (feats, gold)
}

/// Clusters the records of `path` (in file order) both ways and scores them.
pub fn evaluate(path: &Path, cfg: &ClusterConfig) -> Result<ClusterReport, ClusterError> {
    let (records, errors) = read_records(path)?;
    Ok(evaluate_records(
        &path.display().to_string(),
        &records,
        errors,
        cfg,
    ))
}

/// [`evaluate`] on records already read (e.g. reordered).
pub fn evaluate_records(
    file: &str,
    records: &[EvalRecord],
    errors: Vec<String>,
    cfg: &ClusterConfig,
) -> ClusterReport {
    let mut story_ids: HashMap<&str, usize> = HashMap::new();
    let gold: Vec<usize> = records
        .iter()
        .map(|r| {
            let next = story_ids.len();
            *story_ids.entry(r.story.as_str()).or_insert(next)
        })
        .collect();
    let feats = |r: &EvalRecord| {
        features_with(
            &r.title,
            &r.text,
            &[],
            r.published.as_deref(),
            &cfg.features,
        )
    };

    let cpu = || thread_cpu_seconds();
    let since = |c0: Option<f64>| Some(cpu()? - c0?);

    let (t, c0) = (Instant::now(), cpu());
    let groups = cluster(records.iter().map(feats).collect(), cfg);
    let batch = run_report(&groups, &gold, t.elapsed().as_secs_f64(), since(c0));

    let (t, c0) = (Instant::now(), cpu());
    let mut online = OnlineClusterer::new(cfg.clone());
    for r in records {
        online.add(feats(r));
    }
    let online = run_report(
        &online.stories(),
        &gold,
        t.elapsed().as_secs_f64(),
        since(c0),
    );

    ClusterReport {
        file: file.to_string(),
        articles: records.len(),
        gold_stories: story_ids.len(),
        errors,
        config: cfg.clone(),
        batch,
        online,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_labeling_scores_one() {
        let s = score(&[0, 0, 1, 1, 2], &[5, 5, 3, 3, 9]);
        assert!(close(s.pairwise.f1, 1.0) && close(s.bcubed.f1, 1.0));
        assert!(close(s.nmi, 1.0) && close(s.ari, 1.0));
    }

    #[test]
    fn hand_computed_small_case() {
        // gold {0,1,2} {3,4}; pred {0,1} {2,3,4}.
        let s = score(&[0, 0, 0, 1, 1], &[0, 0, 1, 1, 1]);
        // Pairs: gold 3+1=4, pred 1+3=4, shared (0,1),(3,4) = 2.
        assert!(close(s.pairwise.precision, 0.5) && close(s.pairwise.recall, 0.5));
        // BCubed P: items 0,1: 2/2; 2: 1/3; 3,4: 2/3 → (1+1+1/3+2/3+2/3)/5 = 11/15.
        assert!(close(s.bcubed.precision, 11.0 / 15.0));
        // BCubed R: 0,1: 2/3; 2: 1/3; 3,4: 2/2 → (2/3+2/3+1/3+1+1)/5 = 11/15.
        assert!(close(s.bcubed.recall, 11.0 / 15.0));
        // ARI: index 2, expected 4·4/10 = 1.6, max 4 → 0.4/2.4 = 1/6.
        assert!(close(s.ari, 1.0 / 6.0));
        // NMI: cells (0,0)=2,(0,1)=1,(1,1)=2; H(G)=H(P)=H(0.6,0.4).
        let h = -(0.6f64 * 0.6f64.ln() + 0.4 * 0.4f64.ln());
        let mi = 0.4 * (5.0 * 2.0 / 6.0f64).ln()
            + 0.2 * (5.0 / 9.0f64).ln()
            + 0.4 * (5.0 * 2.0 / 6.0f64).ln();
        assert!(close(s.nmi, mi / h), "{} vs {}", s.nmi, mi / h);
    }

    #[test]
    fn all_singletons_against_triples() {
        // Two gold triples, predicted all apart: BCubed P 1, R 1/3; no predicted pairs.
        let s = score(&[0, 0, 0, 1, 1, 1], &[0, 1, 2, 3, 4, 5]);
        assert!(close(s.bcubed.precision, 1.0) && close(s.bcubed.recall, 1.0 / 3.0));
        assert!(close(s.bcubed.f1, 0.5));
        assert!(close(s.pairwise.recall, 0.0) && close(s.pairwise.precision, 1.0));
        assert!(close(s.ari, 0.0));
        // I = H(P|...) : MI = H(G) = ln 2, H(P) = ln 6.
        assert!(close(s.nmi, 2.0 * 2f64.ln() / (2f64.ln() + 6f64.ln())));
    }

    #[test]
    fn everything_in_one_cluster() {
        let s = score(&[0, 0, 1, 1], &[7, 7, 7, 7]);
        assert!(close(s.bcubed.recall, 1.0) && close(s.bcubed.precision, 0.5));
        assert!(close(s.pairwise.precision, 2.0 / 6.0));
        assert!(close(s.nmi, 0.0));
        // index 2, expected 2·6/6 = 2 → ARI 0.
        assert!(close(s.ari, 0.0));
    }

    #[test]
    fn bad_lines_are_reported_with_place() {
        let dir = tempdir();
        let p = dir.join("e.jsonl");
        std::fs::write(
            &p,
            "{\"id\":\"a\",\"title\":\"t\",\"text\":\"x\",\"story\":\"s\"}\nnot json\n",
        )
        .unwrap();
        let (r, e) = read_records(&p).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(e.len(), 1);
        assert!(e[0].contains("e.jsonl:2:"), "{}", e[0]);
        assert!(matches!(
            read_records(&dir.join("missing.jsonl")),
            Err(ClusterError::Io { .. })
        ));
    }

    fn tempdir() -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("rashomon-cluster-eval-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}

/// Diagnostic: how separable the gold stories are under the article
/// similarity alone (all pairs; quadratic, for evaluation only).
#[derive(Debug, Clone, Serialize)]
pub struct NeighbourStats {
    /// Share of articles whose most similar other article is in its gold story.
    pub nearest_is_mate: f64,
    /// (threshold, share of gold pairs at or above it, non-gold pairs at or above it).
    pub pairs_above: Vec<(f32, f64, usize)>,
}

pub fn neighbour_stats(records: &[EvalRecord], cfg: &ClusterConfig) -> NeighbourStats {
    let feats: Vec<_> = records
        .iter()
        .map(|r| {
            features_with(
                &r.title,
                &r.text,
                &[],
                r.published.as_deref(),
                &cfg.features,
            )
        })
        .collect();
    let vecs = crate::weighted_vectors(&feats, cfg);
    let n = vecs.len();
    let ts: Vec<f32> = (1..=9).map(|i| i as f32 / 10.0).collect();
    let mut gold_above = vec![0usize; ts.len()];
    let mut other_above = vec![0usize; ts.len()];
    let mut gold_pairs = 0usize;
    let mut best: Vec<(f32, usize)> = vec![(f32::NEG_INFINITY, usize::MAX); n];
    for i in 0..n {
        for j in (i + 1)..n {
            let c = crate::online::cosine(&vecs[i], &vecs[j]);
            let same = records[i].story == records[j].story;
            gold_pairs += usize::from(same);
            for (k, &t) in ts.iter().enumerate() {
                if c >= t {
                    if same {
                        gold_above[k] += 1;
                    } else {
                        other_above[k] += 1;
                    }
                }
            }
            if c > best[i].0 {
                best[i] = (c, j);
            }
            if c > best[j].0 {
                best[j] = (c, i);
            }
        }
    }
    let hits = (0..n)
        .filter(|&i| best[i].1 < n && records[best[i].1].story == records[i].story)
        .count();
    NeighbourStats {
        nearest_is_mate: hits as f64 / n.max(1) as f64,
        pairs_above: ts
            .iter()
            .enumerate()
            .map(|(k, &t)| {
                (
                    t,
                    gold_above[k] as f64 / gold_pairs.max(1) as f64,
                    other_above[k],
                )
            })
            .collect(),
    }
}
