//! Averaged-perceptron BIO tagger for reporting cues ("said", "told reporters",
//! "according to"). Cue words are a long, context-dependent tail ("called",
//! "show", "in"), so a lexicon alone misses too much; the tagger sees the word,
//! its neighbours, quotation context and the previous tag.

use crate::doc::Doc;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use xxhash_rust::xxh3::xxh3_64;

pub const O: usize = 0;
pub const B: usize = 1;
pub const I: usize = 2;
pub const NL: usize = 3;

/// Keys are already xxh3 hashes: one multiply is enough.
#[derive(Default)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        // Keys are 32-bit: spread them so hashbrown's top-7-bit tags are not all zero.
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}
pub type FeatMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

pub struct Model {
    pub weights: FeatMap<[f32; NL]>,
    /// Added to the B score at decoding: trades cue precision for recall (tuned on held-out train).
    pub b_bias: f32,
}

/// Tuned on a held-out tenth of PolNeAR train (docs/attribution.md).
pub const DEFAULT_B_BIAS: f32 = 0.0;

const MAGIC: &[u8; 4] = b"RAC2";
/// Feature hashes are cut to 32 bits: a ~220k-feature model has a handful of collisions at most.
pub const KEY_MASK: u64 = 0xFFFF_FFFF;

impl Model {
    /// Parses the compact format written by [`Model::to_bytes`]: magic, count, scale,
    /// then per feature a u32 key and `NL` i16 weights (times scale).
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 12 || &b[..4] != MAGIC {
            return None;
        }
        let n = u32::from_le_bytes(b[4..8].try_into().ok()?) as usize;
        let scale = f32::from_le_bytes(b[8..12].try_into().ok()?);
        let rec = 4 + 2 * NL;
        if b.len() < 12 + n * rec {
            return None;
        }
        let mut weights = FeatMap::default();
        weights.reserve(n);
        for r in b[12..12 + n * rec].chunks_exact(rec) {
            let key = u64::from(u32::from_le_bytes(r[..4].try_into().ok()?));
            let mut w = [0f32; NL];
            for (l, wl) in w.iter_mut().enumerate() {
                *wl =
                    f32::from(i16::from_le_bytes(r[4 + 2 * l..6 + 2 * l].try_into().ok()?)) * scale;
            }
            weights.insert(key, w);
        }
        Some(Model {
            weights,
            b_bias: DEFAULT_B_BIAS,
        })
    }

    /// Sorted by key so the file is byte-identical across runs; weights quantised to i16.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<_> = self.weights.iter().collect();
        keys.sort_by_key(|(k, _)| **k);
        let max = keys
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = MAGIC.to_vec();
        out.extend((keys.len() as u32).to_le_bytes());
        out.extend(scale.to_le_bytes());
        for (k, w) in keys {
            out.extend(((*k & KEY_MASK) as u32).to_le_bytes());
            for x in w {
                out.extend(((x / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    pub fn scores(&self, feats: &[u64], out: &mut [f32; NL]) {
        *out = [0.0; NL];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for l in 0..NL {
                    out[l] += w[l];
                }
            }
        }
    }

    /// Greedy left-to-right decoding; I never follows O.
    pub fn tag_greedy(&self, doc: &Doc, feats: &Features) -> Vec<usize> {
        let mut tags = Vec::with_capacity(doc.len());
        let mut fbuf = Vec::with_capacity(40);
        let mut sc = [0f32; NL];
        for i in 0..doc.len() {
            let prev = if i > 0 && doc.sent[i - 1] == doc.sent[i] {
                tags[i - 1]
            } else {
                O
            };
            feats.with_prev(doc, i, prev, &mut fbuf);
            self.scores(&fbuf, &mut sc);
            sc[B] += self.b_bias;
            let mut best = O;
            for l in [B, I] {
                if l == I && prev == O {
                    continue;
                }
                if sc[l] > sc[best] {
                    best = l;
                }
            }
            tags.push(best);
        }
        tags
    }

    /// Viterbi decoding per sentence (the sentence start acts as a previous O).
    pub fn tag(&self, doc: &Doc, feats: &Features) -> Vec<usize> {
        let n = doc.len();
        let mut tags = vec![O; n];
        let mut i = 0;
        while i < n {
            let s = doc.sent[i];
            let mut j = i;
            while j < n && doc.sent[j] == s {
                j += 1;
            }
            viterbi(
                &self.weights,
                self.b_bias,
                feats,
                &doc.lower,
                i..j,
                &mut tags,
            );
            i = j;
        }
        tags
    }
}

/// Best tag sequence for tokens `range` (one sentence) under weights `w`, written into `out`.
/// Shared by decoding and (structured-perceptron) training.
pub fn viterbi(
    w: &FeatMap<[f32; NL]>,
    b_bias: f32,
    feats: &Features,
    words: &[String],
    range: std::ops::Range<usize>,
    out: &mut [usize],
) {
    let add = |f: u64, row: &mut [f32; NL]| {
        if let Some(x) = w.get(&f) {
            for l in 0..NL {
                row[l] += x[l];
            }
        }
    };
    let mut back: Vec<[usize; NL]> = Vec::with_capacity(range.len());
    let mut delta = [0f32; NL];
    for k in range.clone() {
        let mut st = [0f32; NL];
        for &f in feats.stat(k) {
            add(f, &mut st);
        }
        st[B] += b_bias;
        let word = words.get(k).map(String::as_str).unwrap_or("");
        let mut nd = [f32::NEG_INFINITY; NL];
        let mut bp = [O; NL];
        let prevs: &[usize] = if k == range.start { &[O] } else { &[O, B, I] };
        for &p in prevs {
            let mut row = st;
            add(hash_prev(30, p, None), &mut row);
            add(hash_prev(31, p, Some(word)), &mut row);
            let base = if k == range.start { 0.0 } else { delta[p] };
            for l in 0..NL {
                // I never follows O.
                if l == I && p == O {
                    continue;
                }
                let v = base + row[l];
                if v > nd[l] {
                    nd[l] = v;
                    bp[l] = p;
                }
            }
        }
        delta = nd;
        back.push(bp);
    }
    let mut best = O;
    for l in [B, I] {
        if delta[l] > delta[best] {
            best = l;
        }
    }
    for k in range.clone().rev() {
        out[k] = best;
        best = back[k - range.start][best];
    }
}

/// Static (label-independent) features of every token, computed once.
pub struct Features {
    /// Hashes of every token, flat; token `i` owns `flat[off[i]..off[i + 1]]`.
    flat: Vec<u64>,
    off: Vec<u32>,
}

/// Number of static features every token has (lexicon features come on top).
pub const NF: usize = 31;

/// Feature key: a template id and its parts, hashed (shared by the cue
/// tagger and the content-boundary rankers).
pub(crate) fn h(buf: &mut Vec<u8>, t: u8, parts: &[&str]) -> u64 {
    buf.clear();
    buf.push(t);
    for p in parts {
        buf.extend_from_slice(p.as_bytes());
        buf.push(0x1f);
    }
    xxh3_64(buf) & KEY_MASK
}

fn shape(s: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in s.chars().take(12) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
    }
    out
}

fn suffix(s: &str, n: usize) -> &str {
    let mut idx = s.len();
    for (k, (i, _)) in s.char_indices().rev().enumerate() {
        idx = i;
        if k + 1 == n {
            break;
        }
    }
    &s[idx..]
}

impl Features {
    pub fn new(doc: &Doc) -> Features {
        let n = doc.len();
        let mut buf = Vec::with_capacity(64);
        let shapes: Vec<String> = (0..n).map(|i| shape(doc.raw(i))).collect();
        let mut flat = Vec::with_capacity(n * (NF + 4));
        let mut off = Vec::with_capacity(n + 1);
        off.push(0u32);
        // Stems repeat within an article: compute each once.
        let mut stems: HashMap<&str, String> = HashMap::new();
        let sent_has_quote: Vec<bool> = doc
            .sents
            .iter()
            .map(|r| {
                r.clone()
                    .any(|k| doc.kinds[k] == rashomon_model::TokenKind::Quote)
            })
            .collect();
        for i in 0..n {
            let s = &doc.sents[doc.sent[i]];
            let w = |k: isize| -> &str {
                let j = i as isize + k;
                if j < s.start as isize {
                    "<s>"
                } else if j >= s.end as isize {
                    "</s>"
                } else {
                    doc.word(j as usize)
                }
            };
            let sh = |k: isize| -> &str {
                let j = i as isize + k;
                if j < s.start as isize || j >= s.end as isize {
                    "_"
                } else {
                    &shapes[j as usize]
                }
            };
            let w0 = w(0);
            let stem: &str = if w0.len() > 3 && w0.bytes().all(|b| b.is_ascii_lowercase()) {
                stems.entry(w0).or_insert_with(|| rashomon_text::stem(w0))
            } else {
                w0
            };
            let inq = if doc.in_quote[i].is_some() { "q" } else { "n" };
            // Quotation marks nearby: the strongest cue-context signal.
            let qprev =
                (i.saturating_sub(3)..i).any(|j| doc.kinds[j] == rashomon_model::TokenKind::Quote);
            let qnext =
                (i + 1..(i + 4).min(n)).any(|j| doc.kinds[j] == rashomon_model::TokenKind::Quote);
            let qctx = match (qprev, qnext) {
                (true, true) => "b",
                (true, false) => "p",
                (false, true) => "n",
                _ => "-",
            };
            let capb = (i.saturating_sub(3).max(s.start)..i).any(|j| doc.is_cap(j) && j > s.start);
            let pos = i - s.start;
            let to_end = s.end - i;
            let pb = if pos < 4 {
                ["0", "1", "2", "3"][pos]
            } else {
                "+"
            };
            let eb = if to_end < 4 {
                ["0", "1", "2", "3"][to_end]
            } else {
                "+"
            };
            // Coarse class of the next and previous words.
            let class = |k: isize| -> &str {
                let j = i as isize + k;
                if j < s.start as isize || j >= s.end as isize {
                    return "E";
                }
                let j = j as usize;
                match doc.word(j) {
                    "that" => "T",
                    "," => ",",
                    ":" => ":",
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" => "D",
                    "to" | "in" | "on" | "at" | "for" | "of" | "about" | "with" => "P",
                    "he" | "she" | "they" | "i" | "we" | "it" | "who" => "R",
                    "has" | "have" | "had" | "is" | "was" | "are" | "were" | "will" | "would" => {
                        "A"
                    }
                    _ if doc.kinds[j] == rashomon_model::TokenKind::Quote => "Q",
                    _ if doc.is_cap(j) => "C",
                    _ => "x",
                }
            };
            // A "that" clause ahead in the same clause ("warned reporters that").
            let that_soon = (i + 1..(i + 9).min(s.end))
                .take_while(|&k| !matches!(doc.word(k), "." | ";" | "?" | "!"))
                .find(|&k| doc.word(k) == "that" || doc.word(k) == ":")
                .map_or("-", |k| if k == i + 1 { "1" } else { "+" });
            // The subject-like word on the left, past auxiliaries and adverbs.
            let mut l = i;
            while l > s.start
                && (matches!(
                    doc.word(l - 1),
                    "has"
                        | "have"
                        | "had"
                        | "is"
                        | "was"
                        | "were"
                        | "are"
                        | "will"
                        | "would"
                        | "also"
                        | "not"
                        | "been"
                        | "did"
                        | "does"
                        | "could"
                        | "may"
                        | "might"
                        | "should"
                        | "can"
                        | "later"
                        | "then"
                        | "again"
                        | "never"
                        | "once"
                ) || (doc.word(l - 1).ends_with("ly") && !doc.is_cap(l - 1)))
            {
                l -= 1;
            }
            let subj = if l == s.start {
                "S"
            } else {
                class(l as isize - 1 - i as isize)
            };
            let skipped = if l < i { "k" } else { "-" };
            let quote_in_sent = sent_has_quote[doc.sent[i]];
            let f = [
                h(&mut buf, 50, &[that_soon, stem]),
                h(&mut buf, 51, &[subj, skipped, stem]),
                h(&mut buf, 52, &[subj, suffix(w0, 2), class(1)]),
                h(&mut buf, 53, &[suffix(w0, 4)]),
                h(&mut buf, 54, &[that_soon, suffix(w0, 2), subj]),
                h(
                    &mut buf,
                    55,
                    &[if quote_in_sent { "q" } else { "-" }, inq, stem],
                ),
                h(&mut buf, 56, &[stem, w(1), w(2)]),
                h(&mut buf, 40, &[class(-1), stem, class(1)]),
                h(&mut buf, 41, &[class(-1), suffix(w0, 2), class(1)]),
                h(
                    &mut buf,
                    42,
                    &[class(-2), class(-1), suffix(w0, 3), class(1), class(2)],
                ),
                h(&mut buf, 0, &[]),
                h(&mut buf, 1, &[w0]),
                h(&mut buf, 2, &[w(-1)]),
                h(&mut buf, 3, &[w(1)]),
                h(&mut buf, 4, &[w(-2)]),
                h(&mut buf, 5, &[w(2)]),
                h(&mut buf, 6, &[w(-1), w0]),
                h(&mut buf, 7, &[w0, w(1)]),
                h(&mut buf, 8, &[suffix(w0, 3)]),
                h(&mut buf, 9, &[sh(0)]),
                h(&mut buf, 10, &[sh(-1), sh(1)]),
                h(&mut buf, 11, &[stem]),
                h(&mut buf, 12, &[inq, stem]),
                h(&mut buf, 13, &[qctx, stem]),
                h(&mut buf, 14, &[qctx, inq]),
                h(&mut buf, 15, &[if capb { "c" } else { "-" }, stem]),
                h(&mut buf, 16, &[pb, eb, stem]),
                h(&mut buf, 19, &[sh(-1), stem]),
                h(&mut buf, 17, &[w(-3)]),
                h(&mut buf, 18, &[w(3)]),
                h(&mut buf, 20, &[suffix(w0, 2), sh(-1), w(1)]),
            ];
            flat.extend_from_slice(&f);
            // Predicate class (hand-written lexicon) in context: rare predicates share
            // weights with the frequent members of their class.
            let lc = crate::lexicon::class(w0, stem);
            if let Some(lc) = lc {
                flat.extend_from_slice(&[
                    h(&mut buf, 60, &[lc]),
                    h(&mut buf, 61, &[lc, that_soon, class(1)]),
                    h(&mut buf, 62, &[lc, subj, skipped]),
                    h(&mut buf, 63, &[lc, suffix(w0, 2), class(-1)]),
                    h(&mut buf, 64, &[lc, qctx, inq]),
                ]);
            }
            off.push(flat.len() as u32);
        }
        Features { flat, off }
    }

    pub fn stat(&self, i: usize) -> &[u64] {
        match (self.off.get(i), self.off.get(i + 1)) {
            (Some(&a), Some(&b)) => self.flat.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Static features of token `i` plus those depending on the previous tag.
    pub fn with_prev(&self, doc: &Doc, i: usize, prev: usize, out: &mut Vec<u64>) {
        out.clear();
        out.extend_from_slice(self.stat(i));
        out.push(hash_prev(30, prev, None));
        out.push(hash_prev(31, prev, Some(doc.word(i))));
    }
}

/// Hash of a previous-tag feature (shared with training so both agree); no allocation.
pub fn hash_prev(t: u8, prev: usize, word: Option<&str>) -> u64 {
    let seed = (u64::from(t) << 8) | prev as u64;
    xxhash_rust::xxh3::xxh3_64_with_seed(word.unwrap_or("").as_bytes(), seed) & KEY_MASK
}
