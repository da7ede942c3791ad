//! Training of the cue tagger (averaged perceptron) from PolNeAR train.
//! Used by the `attrib-train` binary (scripts/train-attrib.sh).

use crate::doc::Doc;
use crate::polnear::Article;
use crate::tagger::{FeatMap, Features, Model, B, I, NL, O};

/// Gold BIO cue tags for the tokens of `doc`.
pub fn gold_tags(doc: &Doc, art: &Article) -> Vec<usize> {
    let mut tags = vec![O; doc.len()];
    for r in &art.rels {
        for piece in &r.cue {
            let a = doc.spans.partition_point(|s| s.end <= piece.start);
            let mut i = a;
            while i < doc.len() && doc.spans[i].start < piece.end {
                tags[i] = if i == a { B } else { I };
                i += 1;
            }
        }
    }
    // A piece starting right after another cue token continues it.
    tags
}

/// Trains for `epochs` passes; returns the averaged model without features whose
/// weights are all below `min_weight` in magnitude (keeps the committed file small).
/// Training runs averaged (different shuffles).
pub const RUNS: u64 = 3;

pub fn train(arts: &[Article], epochs: usize, min_weight: f32) -> Model {
    let structured = std::env::var_os("ATTRIB_LOCAL").is_none();
    let analyses: Vec<_> = arts
        .iter()
        .map(|a| rashomon_text::analyze(&a.text))
        .collect();
    let docs: Vec<Doc> = arts
        .iter()
        .zip(&analyses)
        .map(|(a, an)| Doc::new(&a.text, an))
        .collect();
    let mut data = Vec::new();
    for (a, doc) in arts.iter().zip(&docs) {
        let tags = gold_tags(doc, a);
        let feats = Features::new(doc);
        // Only what the tagger needs: per-token features plus sentence ids and words.
        let prev_ok: Vec<bool> = (0..doc.len())
            .map(|i| i > 0 && doc.sent[i - 1] == doc.sent[i])
            .collect();
        let words: Vec<String> = doc.lower.clone();
        data.push((feats, tags, prev_ok, words));
    }
    let runs: u64 = std::env::var("ATTRIB_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(RUNS);
    // Several runs with different shuffles, averaged: less dependence on the order.
    let mut sum: FeatMap<[f32; NL]> = FeatMap::default();
    for run in 0..runs {
        let mut w: FeatMap<[f32; NL]> = FeatMap::default();
        // Averaging via the standard "timestamped total" trick.
        let mut total: FeatMap<[f64; NL]> = FeatMap::default();
        let mut stamp: FeatMap<[u64; NL]> = FeatMap::default();
        let mut t: u64 = 0;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng: u64 = 0x9E3779B97F4A7C15 ^ run.wrapping_mul(0x2545_F491_4F6C_DD1D);
        let mut fbuf = Vec::new();
        for ep in 0..epochs {
            // Deterministic shuffle (xorshift).
            for k in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(k, (rng % (k as u64 + 1)) as usize);
            }
            let mut errs = 0usize;
            let mut ntok = 0usize;
            for &di in &order {
                let (feats, gold, prev_ok, words) = &data[di];
                if structured {
                    // Structured perceptron: decode each sentence with the current weights,
                    // update on the tokens whose (previous tag, tag) pair is wrong.
                    let mut pred = vec![O; gold.len()];
                    let mut i = 0;
                    while i < gold.len() {
                        let mut j = i + 1;
                        while j < gold.len() && prev_ok[j] {
                            j += 1;
                        }
                        crate::tagger::viterbi(&w, 0.0, feats, words, i..j, &mut pred);
                        for k in i..j {
                            t += 1;
                            ntok += 1;
                            let gp = if k > i { gold[k - 1] } else { O };
                            let pp = if k > i { pred[k - 1] } else { O };
                            if gold[k] == pred[k] && gp == pp {
                                continue;
                            }
                            if gold[k] != pred[k] {
                                errs += 1;
                            }
                            for (lab, prev, delta) in
                                [(gold[k], gp, 1.0f32), (pred[k], pp, -1.0f32)]
                            {
                                fbuf.clear();
                                fbuf.extend_from_slice(feats.stat(k));
                                fbuf.push(crate::tagger::hash_prev(30, prev, None));
                                fbuf.push(crate::tagger::hash_prev(31, prev, Some(&words[k])));
                                for f in &fbuf {
                                    let wf = w.entry(*f).or_insert([0.0; NL]);
                                    let tf = total.entry(*f).or_insert([0.0; NL]);
                                    let sf = stamp.entry(*f).or_insert([0; NL]);
                                    tf[lab] += (t - sf[lab]) as f64 * f64::from(wf[lab]);
                                    sf[lab] = t;
                                    wf[lab] += delta;
                                }
                            }
                        }
                        i = j;
                    }
                    continue;
                }
                let mut prev = O;
                for i in 0..gold.len() {
                    t += 1;
                    ntok += 1;
                    if !prev_ok[i] {
                        prev = O;
                    }
                    fbuf.clear();
                    fbuf.extend_from_slice(feats.stat(i));
                    fbuf.push(crate::tagger::hash_prev(30, prev, None));
                    fbuf.push(crate::tagger::hash_prev(31, prev, Some(&words[i])));
                    let mut sc = [0f32; NL];
                    for f in &fbuf {
                        if let Some(x) = w.get(f) {
                            for l in 0..NL {
                                sc[l] += x[l];
                            }
                        }
                    }
                    let mut best = O;
                    for l in [B, I] {
                        if l == I && prev == O {
                            continue;
                        }
                        if sc[l] > sc[best] {
                            best = l;
                        }
                    }
                    let g = gold[i];
                    if best != g {
                        errs += 1;
                        for f in &fbuf {
                            let wf = w.entry(*f).or_insert([0.0; NL]);
                            let tf = total.entry(*f).or_insert([0.0; NL]);
                            let sf = stamp.entry(*f).or_insert([0; NL]);
                            for (l, delta) in [(g, 1.0f32), (best, -1.0f32)] {
                                tf[l] += (t - sf[l]) as f64 * f64::from(wf[l]);
                                sf[l] = t;
                                wf[l] += delta;
                            }
                        }
                    }
                    // Teacher forcing keeps training stable.
                    prev = g;
                }
            }
            eprintln!("epoch {ep}: {errs} errors / {ntok} tokens");
        }
        let mut avg: FeatMap<[f32; NL]> = FeatMap::default();
        for (f, wf) in &w {
            let tf = total.get(f).copied().unwrap_or([0.0; NL]);
            let sf = stamp.get(f).copied().unwrap_or([0; NL]);
            let mut a = [0f32; NL];
            for l in 0..NL {
                let tot = tf[l] + (t - sf[l]) as f64 * f64::from(wf[l]);
                a[l] = (tot / t as f64) as f32;
            }
            avg.insert(*f, a);
        }
        for (f, a) in avg {
            let e = sum.entry(f).or_insert([0.0; NL]);
            for l in 0..NL {
                e[l] += a[l] / runs as f32;
            }
        }
    }
    sum.retain(|_, a| a.iter().any(|x| x.abs() > min_weight));
    let avg = sum;
    Model {
        weights: avg,
        b_bias: crate::tagger::DEFAULT_B_BIAS,
    }
}
