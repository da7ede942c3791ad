//! Entity-level exact-match evaluation (conlleval semantics) with speed.

use crate::conll::{self, Sentence};
use crate::{spans, Kind, NerError, NerModel};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::Instant;

/// Precision / recall / F1 (percent) with the counts behind them.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Prf {
    fn finish(gold: usize, predicted: usize, correct: usize) -> Prf {
        let p = if predicted == 0 {
            0.0
        } else {
            100.0 * correct as f64 / predicted as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            100.0 * correct as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        let round = |x: f64| (x * 100.0).round() / 100.0;
        Prf {
            precision: round(p),
            recall: round(r),
            f1: round(f),
            gold,
            predicted,
            correct,
        }
    }
}

/// Evaluation result, printed as JSON by `ner-eval`.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub file: String,
    pub sentences: usize,
    pub tokens: usize,
    pub overall: Prf,
    /// Keyed by CoNLL class name (PER, ORG, LOC, MISC).
    pub per_type: BTreeMap<String, Prf>,
    /// Error classes: predicted spans with the right boundaries but wrong type,
    /// wrong boundaries (overlapping a gold entity), spurious (no overlap), and
    /// gold entities missed entirely (no overlapping prediction).
    pub errors: BTreeMap<String, usize>,
    /// Seconds spent in `tag` (feature extraction + decoding), one thread.
    pub tag_seconds: f64,
    pub tokens_per_second: f64,
}

/// Tag every document of a CoNLL file (documents as `-DOCSTART-` splits them)
/// and score the result.
pub fn evaluate(model: &NerModel, path: &Path) -> Result<EvalReport, NerError> {
    let docs = conll::read_documents(path)?;
    Ok(evaluate_documents(
        model,
        &docs,
        &path.display().to_string(),
    ))
}

/// Score sentences tagged one at a time (each its own document).
pub fn evaluate_sentences(model: &NerModel, sents: &[Sentence], name: &str) -> EvalReport {
    let docs: Vec<Vec<Sentence>> = sents.iter().map(|s| vec![s.clone()]).collect();
    evaluate_documents(model, &docs, name)
}

/// Score documents, each tagged with [`NerModel::tag_document`].
pub fn evaluate_documents(model: &NerModel, docs: &[Vec<Sentence>], name: &str) -> EvalReport {
    let mut counts: BTreeMap<Kind, (usize, usize, usize)> = BTreeMap::new();
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    let mut tokens = 0;
    let mut secs = 0.0;
    let mut pairs = Vec::new();
    for d in docs {
        let words: Vec<Vec<&str>> = d
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        tokens += words.iter().map(Vec::len).sum::<usize>();
        let t0 = Instant::now();
        let pred = model.tag_document(&words);
        secs += t0.elapsed().as_secs_f64();
        pairs.extend(d.iter().zip(pred));
    }
    let sentences = pairs.len();
    for (s, pred) in pairs {
        let gold = spans(&s.labels);
        let pred = spans(&pred);
        let gset: HashSet<_> = gold.iter().cloned().collect();
        for (r, k) in &gold {
            counts.entry(*k).or_default().0 += 1;
            if !pred
                .iter()
                .any(|(pr, _)| pr.start < r.end && r.start < pr.end)
            {
                *errors.entry(format!("missed {}", k.as_str())).or_default() += 1;
            }
        }
        for (r, k) in &pred {
            let c = counts.entry(*k).or_default();
            c.1 += 1;
            if gset.contains(&(r.clone(), *k)) {
                c.2 += 1;
                continue;
            }
            let class = if let Some((_, gk)) = gold.iter().find(|(gr, _)| gr == r) {
                format!("type {}->{}", gk.as_str(), k.as_str())
            } else if gold
                .iter()
                .any(|(gr, _)| gr.start < r.end && r.start < gr.end)
            {
                format!("boundary {}", k.as_str())
            } else {
                format!("spurious {}", k.as_str())
            };
            *errors.entry(class).or_default() += 1;
        }
    }
    let mut per_type = BTreeMap::new();
    let (mut g, mut p, mut c) = (0, 0, 0);
    for k in Kind::ALL {
        let (kg, kp, kc) = counts.get(&k).copied().unwrap_or_default();
        g += kg;
        p += kp;
        c += kc;
        per_type.insert(k.as_str().to_string(), Prf::finish(kg, kp, kc));
    }
    EvalReport {
        file: name.to_string(),
        sentences,
        tokens,
        overall: Prf::finish(g, p, c),
        per_type,
        errors,
        tag_seconds: (secs * 1000.0).round() / 1000.0,
        tokens_per_second: if secs > 0.0 {
            (tokens as f64 / secs).round()
        } else {
            0.0
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_math() {
        let p = Prf::finish(10, 8, 6);
        assert_eq!(p.precision, 75.0);
        assert_eq!(p.recall, 60.0);
        assert!((p.f1 - 66.67).abs() < 0.01);
        assert_eq!(Prf::finish(0, 0, 0).f1, 0.0);
    }
}
