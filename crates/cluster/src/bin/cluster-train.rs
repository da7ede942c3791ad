//! Trains the learned pair scorer on one half (or all) of a gold JSONL file,
//! picks its merge bar on the same training part, and optionally clusters the
//! other half with it (cross-validation).
//!
//! cluster-train FILE.jsonl --train first|second|all [--test first|second]
//!               [--l2 X] [--drop NAME,NAME..] [--out MODEL.txt]
//! (--drop: features left out of the model, by their FEATURE_NAMES name)

use rashomon_cluster::eval::{features_and_labels, half, labels, read_records, score};
use rashomon_cluster::{
    cluster_with_model, pair_examples, train_logistic, ClusterConfig, PairModel, FEATURE_NAMES,
};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cluster-train: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut file = None;
    let mut train = "all".to_string();
    let mut test: Option<String> = None;
    let mut out: Option<String> = None;
    let mut l2 = 1e-4;
    let mut drop: Vec<usize> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |n: &str| args.next().ok_or(format!("{n} needs a value"));
        match a.as_str() {
            "--train" => train = val(&a)?,
            "--test" => test = Some(val(&a)?),
            "--out" => out = Some(val(&a)?),
            "--drop" => {
                for name in val(&a)?.split(',') {
                    let k = FEATURE_NAMES
                        .iter()
                        .position(|n| *n == name)
                        .ok_or(format!("--drop: no feature {name}"))?;
                    drop.push(k);
                }
            }
            "--l2" => l2 = val(&a)?.parse().map_err(|_| "bad --l2".to_string())?,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => file = Some(a),
        }
    }
    let file = file.ok_or("usage: cluster-train FILE.jsonl --train first|second|all")?;
    let (records, errors) = read_records(file.as_ref()).map_err(|e| e.to_string())?;
    for e in &errors {
        eprintln!("{e}");
    }
    let cfg = ClusterConfig::default();
    let tr = half(records.clone(), &train)?;
    let (feats, gold) = features_and_labels(&tr, &cfg);
    let mut ex = pair_examples(&feats, &gold, &cfg);
    for (x, _) in ex.iter_mut() {
        for &k in &drop {
            x[k] = 0.0;
        }
    }
    let pos = ex.iter().filter(|e| e.1).count();
    let (mut weights, bias) = train_logistic(&ex, l2, 15);
    for &k in &drop {
        weights[k] = 0.0;
    }
    let mut model = PairModel {
        weights,
        bias,
        threshold: 0.5,
    };
    // The merge bar is chosen on the training part only.
    let mut best = (f64::NEG_INFINITY, 0.5f32);
    for k in 0..=12 {
        let t = 0.2 + 0.05 * k as f32;
        model.threshold = t;
        let groups = cluster_with_model(feats.clone(), &cfg, Some(&model));
        let f1 = score(&gold, &labels(&groups, gold.len())).bcubed.f1;
        eprintln!("train {train} threshold {t:.2}: B3 F1 {f1:.4}");
        if f1 > best.0 {
            best = (f1, t);
        }
    }
    model.threshold = best.1;
    println!(
        "train {train}: {} articles, {} pairs ({pos} same story), threshold {:.2}, in-sample B3 F1 {:.4}",
        tr.len(),
        ex.len(),
        best.1,
        best.0
    );
    for (n, w) in FEATURE_NAMES.iter().zip(model.weights) {
        eprintln!("  {n:>18} {w:+.4}");
    }
    if let Some(test) = test {
        let te = half(records, &test)?;
        let (feats, gold) = features_and_labels(&te, &cfg);
        for (name, m) in [("cosine (default)", None), ("learned", Some(&model))] {
            let groups = cluster_with_model(feats.clone(), &cfg, m);
            let s = score(&gold, &labels(&groups, gold.len()));
            println!(
                "test {test} {name}: B3 P {:.4} R {:.4} F1 {:.4}; pairwise F1 {:.4}; stories {}",
                s.bcubed.precision,
                s.bcubed.recall,
                s.bcubed.f1,
                s.pairwise.f1,
                groups.len()
            );
        }
    }
    if let Some(out) = out {
        let text = format!(
            "# Learned pair scorer of rashomon-cluster: logistic regression weights.\n\
             # Trained by scripts/train-cluster.sh on {} ({train}); do not edit by hand.\n{}",
            std::path::Path::new(&file)
                .file_name()
                .map_or(String::new(), |f| f.to_string_lossy().to_string()),
            model.to_text()
        );
        std::fs::write(&out, text).map_err(|e| format!("{out}: {e}"))?;
    }
    Ok(())
}
