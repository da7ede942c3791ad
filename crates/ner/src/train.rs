//! Averaged structured perceptron training.
//!
//! Corpora without a MISC class get *partial* labels: a token they tag `O` may
//! be O, B-MISC or I-MISC, and the gold path is the best-scoring path under
//! that constraint (latent-variable perceptron). So nationalities that such a
//! corpus leaves unlabelled do not teach the model that MISC is O.

use crate::conll::Sentence;
use crate::features::{self, DocCtx, Scratch, WordTable};
use crate::model::viterbi;
use crate::{evaluate_documents, EvalReport, NerLabel, NerModel, NUM_LABELS};
use std::ops::Range;

const L: usize = NUM_LABELS;

/// One training corpus.
pub struct TrainSet {
    pub name: String,
    pub sentences: Vec<Sentence>,
    /// How many times each sentence is seen per epoch (news-like sets > 1).
    pub repeat: usize,
    /// The corpus has no MISC class: its O tokens may be MISC.
    pub partial_misc: bool,
    /// Documents as sentence ranges; empty: every sentence is its own document.
    pub docs: Vec<Range<usize>>,
}

impl TrainSet {
    fn doc_ranges(&self) -> Vec<Range<usize>> {
        if self.docs.is_empty() {
            (0..self.sentences.len()).map(|i| i..i + 1).collect()
        } else {
            self.docs.clone()
        }
    }
}

/// Sentences and document ranges from documents.
pub fn flatten_docs(docs: Vec<Vec<Sentence>>) -> (Vec<Sentence>, Vec<Range<usize>>) {
    let mut sents = Vec::new();
    let mut ranges = Vec::new();
    for d in docs {
        let start = sents.len();
        sents.extend(d);
        if sents.len() > start {
            ranges.push(start..sents.len());
        }
    }
    (sents, ranges)
}

#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 21,
            epochs: 3,
            seed: 42,
        }
    }
}

struct Example {
    feats: Vec<u32>,
    offs: Vec<u32>,
    gold: Vec<u8>,
    mask: Option<Vec<u16>>,
}

struct Weights {
    w: Vec<f32>,
    u: Vec<f32>,
    start: [f32; L],
    ustart: [f32; L],
    trans: [[f32; L]; L],
    utrans: [[f32; L]; L],
    c: f32,
}

impl Weights {
    fn emissions(&self, ex: &Example, em: &mut Vec<[f32; L]>) {
        em.clear();
        for w in ex.offs.windows(2) {
            let mut e = [0f32; L];
            for &f in &ex.feats[w[0] as usize..w[1] as usize] {
                let row = &self.w[f as usize * L..f as usize * L + L];
                for l in 0..L {
                    e[l] += row[l];
                }
            }
            em.push(e);
        }
    }

    fn update(&mut self, ex: &Example, path: &[u8], delta: f32) {
        let cd = self.c * delta;
        for (t, &l) in path.iter().enumerate() {
            let l = l as usize;
            for &f in &ex.feats[ex.offs[t] as usize..ex.offs[t + 1] as usize] {
                self.w[f as usize * L + l] += delta;
                self.u[f as usize * L + l] += cd;
            }
            if t == 0 {
                self.start[l] += delta;
                self.ustart[l] += cd;
            } else {
                let p = path[t - 1] as usize;
                self.trans[p][l] += delta;
                self.utrans[p][l] += cd;
            }
        }
    }

    fn averaged(&self, bits: u32, table: &WordTable) -> NerModel {
        let c = self.c.max(1.0);
        let avg: Vec<f32> = self.w.iter().zip(&self.u).map(|(w, u)| w - u / c).collect();
        let max = avg.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
        let scale = max / 32767.0;
        let weights = avg
            .chunks(L)
            .map(|c| {
                let mut row = [0i16; crate::model::STRIDE];
                for (r, x) in row.iter_mut().zip(c) {
                    *r = (x / scale).round() as i16;
                }
                row
            })
            .collect();
        let mut start = [0f32; L];
        let mut trans = [[0f32; L]; L];
        for l in 0..L {
            start[l] = self.start[l] - self.ustart[l] / c;
            for (m, t) in trans[l].iter_mut().enumerate() {
                *t = self.trans[l][m] - self.utrans[l][m] / c;
            }
        }
        NerModel {
            bits,
            scale,
            weights,
            start,
            trans,
            table: table.clone(),
        }
    }
}

fn prepare(
    s: &Sentence,
    ctx: &DocCtx,
    partial_misc: bool,
    table: &WordTable,
    bits: u32,
    sc: &mut Scratch,
) -> Example {
    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
    let (mut feats, mut offs) = (Vec::new(), Vec::new());
    features::extract(&words, ctx, table, bits, sc, &mut feats, &mut offs);
    let gold: Vec<u8> = s.labels.iter().map(|l| l.index() as u8).collect();
    let mask = partial_misc.then(|| {
        let misc = (1u16 << NerLabel::B(crate::Kind::Misc).index())
            | (1u16 << NerLabel::I(crate::Kind::Misc).index());
        gold.iter()
            .enumerate()
            .map(|(i, &g)| match g {
                0 if could_be_misc(&s.words, i) => 1 | misc,
                _ => 1 << g,
            })
            .collect()
    });
    Example {
        feats,
        offs,
        gold,
        mask,
    }
}

/// Day and month names and their abbreviations, lowercased: capitalised in
/// English but never names of entities (shared by the silver-label and
/// document rules).
pub(crate) const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// True for a lowercased day or month name or abbreviation.
pub(crate) fn is_calendar_word(lower: &str) -> bool {
    CALENDAR_WORDS.contains(&lower)
}

const NEVER_MISC_EXTRA: &[&str] = &["i", "mr", "mrs", "ms", "dr", "the", "a", "an"];

/// Capitalised words the silver MISC labels must never take.
fn never_misc(lower: &str) -> bool {
    is_calendar_word(lower) || NEVER_MISC_EXTRA.contains(&lower)
}

/// Where a corpus without MISC says O, a MISC name is still possible only on
/// a capitalised token that is not a date word, or on a short connector
/// between two capitalised tokens ("Festival of Britain").
fn could_be_misc(words: &[String], i: usize) -> bool {
    let cap = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    let w = &words[i];
    let lw = w.to_lowercase();
    if never_misc(lw.trim_end_matches('.')) && !(i > 0 && cap(&words[i - 1])) {
        return false;
    }
    if w.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let conn = ["of", "for", "the", "and", "de", "on", "in", "-", "&"].contains(&lw.as_str());
    conn && i > 0 && i + 1 < words.len() && cap(&words[i - 1]) && cap(&words[i + 1])
}

/// Train; after each epoch `report` gets the epoch number and the averaged
/// model's scores on each dev set.
pub fn train(
    sets: &[TrainSet],
    table: &WordTable,
    cfg: TrainConfig,
    dev: &[(String, Vec<Vec<Sentence>>)],
    report: &mut dyn FnMut(usize, &[EvalReport]),
) -> NerModel {
    let mut sc = Scratch::default();
    let mut examples = Vec::new();
    let mut order = Vec::new();
    for set in sets {
        for r in set.doc_ranges() {
            let doc = &set.sentences[r];
            let words: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let ctx = DocCtx::build(&words);
            for s in doc {
                if s.words.is_empty() {
                    continue;
                }
                for _ in 0..set.repeat {
                    order.push(examples.len());
                }
                examples.push(prepare(s, &ctx, set.partial_misc, table, cfg.bits, &mut sc));
            }
        }
    }
    let mut wt = Weights {
        w: vec![0.0; L << cfg.bits],
        u: vec![0.0; L << cfg.bits],
        start: [0.0; L],
        ustart: [0.0; L],
        trans: [[0.0; L]; L],
        utrans: [[0.0; L]; L],
        c: 1.0,
    };
    let mut rng = cfg.seed | 1;
    let mut em = Vec::new();
    let (mut pred, mut gold) = (Vec::new(), Vec::new());
    let mut model = wt.averaged(cfg.bits, table);
    for epoch in 1..=cfg.epochs {
        // Fisher-Yates with xorshift: deterministic for a seed.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &ix in &order {
            let ex = &examples[ix];
            wt.emissions(ex, &mut em);
            viterbi(&em, &wt.start, &wt.trans, None, &mut pred);
            match &ex.mask {
                Some(m) => viterbi(&em, &wt.start, &wt.trans, Some(m), &mut gold),
                None => {
                    gold.clear();
                    gold.extend_from_slice(&ex.gold);
                }
            }
            if pred != gold {
                wt.update(ex, &gold, 1.0);
                wt.update(ex, &pred, -1.0);
            }
            wt.c += 1.0;
        }
        model = wt.averaged(cfg.bits, table);
        let reports: Vec<EvalReport> = dev
            .iter()
            .map(|(n, d)| evaluate_documents(&model, d, n))
            .collect();
        report(epoch, &reports);
    }
    model
}

/// Train `n` models that differ only in their shuffling seed and average their
/// weights (one-shot parameter mixing): less dependent on one shuffle's luck.
/// Dev reports are given for the averaged model only, as epoch 0.
pub fn train_averaged(
    sets: &[TrainSet],
    table: &WordTable,
    cfg: TrainConfig,
    n: usize,
    dev: &[(String, Vec<Vec<Sentence>>)],
    report: &mut dyn FnMut(usize, &[EvalReport]),
) -> NerModel {
    if n <= 1 {
        return train(sets, table, cfg, dev, report);
    }
    let models: Vec<NerModel> = (0..n as u64)
        .map(|k| {
            let c = TrainConfig {
                seed: cfg.seed.wrapping_add(k.wrapping_mul(0x9E37_79B9)),
                ..cfg
            };
            train(sets, table, c, &[], &mut |_, _| {})
        })
        .collect();
    let model = average_models(&models);
    report(0, &dev_reports(&model, dev));
    model
}

fn dev_reports(model: &NerModel, dev: &[(String, Vec<Vec<Sentence>>)]) -> Vec<EvalReport> {
    dev.iter()
        .map(|(n, d)| evaluate_documents(model, d, n))
        .collect()
}

/// Average models of the same hash size (weights dequantised, averaged, requantised).
fn average_models(models: &[NerModel]) -> NerModel {
    let mut out = models[0].clone();
    let k = models.len() as f32;
    let rows = out.weights.len();
    let mut avg = vec![0f32; rows * L];
    for m in models {
        for (r, row) in m.weights.iter().enumerate() {
            for l in 0..L {
                avg[r * L + l] += row[l] as f32 * m.scale / k;
            }
        }
    }
    let max = avg.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
    out.scale = max / 32767.0;
    for (r, row) in out.weights.iter_mut().enumerate() {
        for l in 0..L {
            row[l] = (avg[r * L + l] / out.scale).round() as i16;
        }
    }
    for l in 0..L {
        out.start[l] = models.iter().map(|m| m.start[l]).sum::<f32>() / k;
        for j in 0..L {
            out.trans[l][j] = models.iter().map(|m| m.trans[l][j]).sum::<f32>() / k;
        }
    }
    out
}

/// Label capitalised demonyms that a corpus left `O` as B-MISC (CoNLL tags
/// nationalities, religions and party adjectives as MISC).
pub fn silver_demonyms(s: &mut Sentence) {
    for i in 0..s.words.len() {
        let w = &s.words[i];
        if s.labels[i] == NerLabel::O
            && w.chars().next().is_some_and(char::is_uppercase)
            && crate::gazetteer::is_demonym(w)
            && !(i + 1 < s.labels.len() && s.labels[i + 1].kind().is_some())
        {
            s.labels[i] = NerLabel::B(crate::Kind::Misc);
        }
    }
}

/// Label named events that a corpus left `O` ("World Cup", "Olympic Games":
/// events gazetteer) as MISC, as CoNLL does. Corpora without a MISC class
/// otherwise teach the model that a known event name is not an entity.
pub fn silver_events(s: &mut Sentence) {
    use crate::gazetteer::{categories, EVENT, MAX_LEN};
    let n = s.words.len();
    let mut i = 0;
    while i < n {
        let mut hit = 0;
        if s.words[i].chars().next().is_some_and(char::is_uppercase) {
            for len in (1..=MAX_LEN.min(n - i)).rev() {
                let phrase = s.words[i..i + len].join(" ");
                if categories(&phrase) & EVENT != 0
                    && s.labels[i..i + len].iter().all(|l| *l == NerLabel::O)
                    && !matches!(s.labels.get(i + len), Some(NerLabel::I(_)))
                {
                    hit = len;
                    break;
                }
            }
        }
        if hit > 0 {
            s.labels[i] = NerLabel::B(crate::Kind::Misc);
            for l in &mut s.labels[i + 1..i + hit] {
                *l = NerLabel::I(crate::Kind::Misc);
            }
            i += hit;
        } else {
            i += 1;
        }
    }
}

/// Upper-cased copies of every `every`-th sentence, so headline casing is seen in training.
pub fn upper_copies(sents: &[Sentence], every: usize) -> Vec<Sentence> {
    sents
        .iter()
        .step_by(every.max(1))
        .map(|s| Sentence {
            words: s.words.iter().map(|w| w.to_uppercase()).collect(),
            labels: s.labels.clone(),
        })
        .collect()
}
