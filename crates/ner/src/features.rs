//! Feature extraction: every feature is a (template, value) pair hashed into
//! one of `2^bits` weight rows, so the model size is fixed whatever the vocabulary.

use crate::gazetteer::{self, combine, word_hash};
use std::collections::HashMap;

/// What the unlabeled text says about a lowercased word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Coarse and fine cluster ids, 0 = not clustered.
    pub coarse: u16,
    pub fine: u16,
    /// Casing prior away from sentence starts: 0 unknown, 1 lower, 2 mixed,
    /// 3 mostly capitalised, 4 always capitalised, 5 all caps (acronym).
    pub case: u8,
}

/// Per-word data from unlabeled text (clusters, casing prior), keyed by the
/// hash of the lowercased word. Built by [`crate::clusters::build_word_table`].
/// Keys are already well-mixed 64-bit hashes: hash them as themselves.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

#[derive(Clone, Debug, Default)]
pub struct WordTable {
    pub(crate) map: IdMap<WordInfo>,
}

impl WordTable {
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

impl WordTable {
    fn get(&self, h: u64) -> WordInfo {
        self.map.get(&h).copied().unwrap_or_default()
    }
}

/// How the words of a document are written elsewhere in it, from the raw
/// text alone (no tagging pass): a headline word that the body writes in
/// lower case is not a name; one the body capitalises mid-sentence is.
#[derive(Clone, Debug, Default)]
pub struct DocCtx {
    map: IdMap<[u8; 4]>,
    /// The document reads as sports news (results rows or sports words):
    /// a club-gazetteer name there is more likely the club than the place.
    sports: bool,
}

/// Words that only sports reports use often (any casing, no allocation).
fn is_sports_word(w: &str) -> bool {
    let n = w.len();
    if !(3..=13).contains(&n) || !w.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 13];
    for (b, c) in buf.iter_mut().zip(w.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    matches!(
        std::str::from_utf8(&buf[..n]).unwrap_or(""),
        "soccer"
            | "cricket"
            | "rugby"
            | "baseball"
            | "basketball"
            | "hockey"
            | "tennis"
            | "golf"
            | "football"
            | "cycling"
            | "athletics"
            | "goal"
            | "goals"
            | "scored"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "keeper"
            | "innings"
            | "wicket"
            | "wickets"
            | "batsman"
            | "bowler"
            | "pitcher"
            | "quarterback"
            | "touchdown"
            | "playoff"
            | "playoffs"
            | "halftime"
            | "half-time"
            | "homer"
            | "inning"
            | "league"
            | "cup"
            | "coach"
            | "beat"
            | "drew"
            | "seeded"
            | "semifinal"
            | "semi-final"
            | "quarter-final"
            | "quarterfinal"
            | "penalty"
            | "match"
            | "championship"
            | "tournament"
            | "draw"
            | "unbeaten"
            | "relegation"
            | "promoted"
            | "captain"
            | "season"
    )
}

/// A document reads as sports news: a results row with two scores, or two
/// sports words.
pub(crate) fn is_sports_doc<'w, S: AsRef<[&'w str]>>(doc: &[S]) -> bool {
    let mut n = 0;
    for s in doc {
        let words = s.as_ref();
        if is_table_row(words) && words.iter().filter(|w| is_score(w)).count() >= 2 {
            return true;
        }
        n += words.iter().filter(|w| is_sports_word(w)).count();
        if n >= 2 {
            return true;
        }
    }
    false
}

// DocCtx slots: lower case mid-sentence, capitalised mid-sentence (ordinary
// casing), in a results row, written in capitals in an ordinary sentence.
fn doc_slots(sc: u64, initial: bool, caps: bool, table: bool) -> [u8; 4] {
    let mut c = [0u8; 4];
    if !caps && !initial {
        match sc {
            SC_LOWER => c[0] = 1,
            SC_INITCAP | SC_MIXED => c[1] = 1,
            SC_ALLCAPS => c[3] = 1,
            _ => {}
        }
    }
    if table && sc != SC_DIGIT && sc != SC_PUNCT {
        c[2] = 1;
    }
    c
}

fn is_initial(words: &[&str], i: usize) -> bool {
    i == 0 || (i == 1 && shape_class(words[0]) == SC_PUNCT)
}

impl DocCtx {
    /// Build from the sentences of one document.
    pub fn build<'w, S: AsRef<[&'w str]>>(doc: &[S]) -> DocCtx {
        let mut map = IdMap::<[u8; 4]>::default();
        let mut lower = String::new();
        for s in doc {
            let words = s.as_ref();
            let caps = all_caps_sentence(words);
            let table = is_table_row(words);
            for (i, w) in words.iter().enumerate() {
                let add = doc_slots(shape_class(w), is_initial(words, i), caps, table);
                if add == [0; 4] {
                    continue;
                }
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                let e = map.entry(word_hash(&lower)).or_insert([0; 4]);
                for k in 0..4 {
                    e[k] = e[k].saturating_add(add[k]);
                }
            }
        }
        DocCtx {
            map,
            sports: is_sports_doc(doc),
        }
    }

    /// Counts for a word, less its own occurrence.
    fn others(&self, lh: u64, own: [u8; 4]) -> [u8; 4] {
        let mut c = self.map.get(&lh).copied().unwrap_or([0; 4]);
        for k in 0..4 {
            c[k] = c[k].saturating_sub(own[k]);
        }
        c
    }
}

// Shape classes used in conjunctions.
const SC_LOWER: u64 = 1;
const SC_INITCAP: u64 = 2;
const SC_ALLCAPS: u64 = 3;
const SC_MIXED: u64 = 4;
const SC_DIGIT: u64 = 5;
const SC_PUNCT: u64 = 6;
const SC_OTHER: u64 = 7;

#[derive(Clone, Copy, Default)]
struct Tok {
    lh: u64,
    rh: u64,
    shape: u64,
    sc: u64,
    info: WordInfo,
    pre: [u64; 4],
    suf: [u64; 4],
}

/// Reusable buffers, so tagging does not allocate per token.
#[derive(Default)]
pub(crate) struct Scratch {
    toks: Vec<Tok>,
    lower: String,
    shape: String,
    hashes: Vec<u64>,
    gaz: Vec<(usize, usize, u8)>,
    gaz_tok: Vec<Vec<(u64, u64)>>,
}

impl Scratch {
    /// Gazetteer matches of the last sentence given to [`extract`].
    pub(crate) fn gaz_matches(&self) -> &[(usize, usize, u8)] {
        &self.gaz
    }
}

#[inline]
fn mix(t: u64, v: u64) -> u64 {
    let x = v ^ t.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let x = (x ^ (x >> 31)).wrapping_mul(0xBF58_4764_1CE4_E5B9);
    x ^ (x >> 29)
}

fn shape_class(w: &str) -> u64 {
    let mut up = 0;
    let mut low = 0;
    let mut dig = 0;
    let mut other = 0;
    for c in w.chars() {
        if c.is_uppercase() {
            up += 1
        } else if c.is_lowercase() {
            low += 1
        } else if c.is_numeric() {
            dig += 1
        } else {
            other += 1
        }
    }
    let first_up = w.chars().next().is_some_and(char::is_uppercase);
    if up + low == 0 {
        if dig > 0 {
            SC_DIGIT
        } else if other > 0 {
            SC_PUNCT
        } else {
            SC_OTHER
        }
    } else if low == 0 {
        SC_ALLCAPS
    } else if up == 0 {
        SC_LOWER
    } else if first_up && up == 1 {
        SC_INITCAP
    } else {
        SC_MIXED
    }
}

/// Short word shape: X/x/d/other, runs collapsed ("Elmendorf-Richardson" -> "Xx-Xx").
fn short_shape(w: &str, buf: &mut String) {
    buf.clear();
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            buf.push(s);
            last = s;
        }
    }
}

/// True when the sentence is written in capitals (a headline).
pub(crate) fn all_caps_sentence(words: &[&str]) -> bool {
    let mut letters = 0;
    let mut upper = 0;
    for w in words {
        if w.chars().any(char::is_alphabetic) {
            letters += 1;
            if !w.chars().any(char::is_lowercase) {
                upper += 1;
            }
        }
    }
    letters > 0 && upper * 5 >= letters * 4 && (letters >= 2 || words.len() <= 3)
}

/// A score, count or standing ("3", "4-43", ".556"), not a date or a year.
pub(crate) fn is_score(w: &str) -> bool {
    let digits = w.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'))
}

/// Results tables and standings (>= 1/3 of tokens numeric) read differently.
pub(crate) fn is_table_row(words: &[&str]) -> bool {
    let nums = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    words.len() >= 3 && nums * 3 >= words.len()
}

const BOS: u64 = 0x1234_5678;
const EOS: u64 = 0x8765_4321;

/// Fill `out` with the hashed feature rows of every token; token `i` owns
/// `out[offs[i]..offs[i+1]]`.
pub(crate) fn extract(
    words: &[&str],
    ctx: &DocCtx,
    table: &WordTable,
    bits: u32,
    s: &mut Scratch,
    out: &mut Vec<u32>,
    offs: &mut Vec<u32>,
) {
    let n = words.len();
    out.clear();
    offs.clear();
    s.toks.clear();
    s.hashes.clear();
    let caps = all_caps_sentence(words);
    for w in words {
        s.lower.clear();
        for c in w.chars() {
            s.lower.extend(c.to_lowercase());
        }
        let lower = s.lower.as_str();
        let lh = word_hash(lower);
        short_shape(w, &mut s.shape);
        let mut t = Tok {
            lh,
            rh: word_hash(w),
            shape: word_hash(&s.shape),
            sc: shape_class(w),
            info: table.get(lh),
            ..Tok::default()
        };
        // Affixes of 1-4 characters (char boundaries, no allocation).
        let ends = lower
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain([lower.len()]);
        for (k, e) in ends.take(4).enumerate() {
            t.pre[k] = word_hash(&lower[..e]);
        }
        for (k, (b, _)) in lower.char_indices().rev().take(4).enumerate() {
            t.suf[k] = word_hash(&lower[b..]);
        }
        s.hashes.push(lh);
        s.toks.push(t);
    }
    gazetteer::matches(&s.hashes, &mut s.gaz);
    if s.gaz_tok.len() < n {
        s.gaz_tok.resize(n, Vec::new());
    }
    for g in s.gaz_tok.iter_mut().take(n) {
        g.clear();
    }
    for &(start, len, cats) in &s.gaz {
        // A name is written capitalised: "reading", "forest" are not clubs.
        if s.toks[start].sc == SC_LOWER || s.toks[start + len - 1].sc == SC_LOWER {
            continue;
        }
        for i in start..start + len {
            let pos = if len == 1 {
                2
            } else if i == start {
                0
            } else {
                1
            };
            for bit in 0..gazetteer::NUM_CATS {
                if cats & (1 << bit) != 0 {
                    s.gaz_tok[i].push((bit as u64 * 4 + pos, len.min(4) as u64));
                }
            }
        }
    }
    let table_row = u64::from(is_table_row(words));
    let sports = u64::from(ctx.sports);
    let mask = (1u64 << bits) - 1;
    let mut feats = std::mem::take(out);
    macro_rules! push {
        ($t:expr, $v:expr) => {
            feats.push((mix($t, $v) & mask) as u32)
        };
    }
    let lh = |i: isize| -> u64 {
        if i < 0 {
            BOS
        } else if i as usize >= n {
            EOS
        } else {
            s.toks[i as usize].lh
        }
    };
    let get = |i: isize| -> Tok {
        if i < 0 || i as usize >= n {
            Tok {
                lh: if i < 0 { BOS } else { EOS },
                sc: 8,
                ..Tok::default()
            }
        } else {
            s.toks[i as usize]
        }
    };
    for i in 0..n {
        offs.push(feats.len() as u32);
        let ii = i as isize;
        let t = s.toks[i];
        let (p1, n1) = (get(ii - 1), get(ii + 1));
        // Casing context: 0 ordinary, 1 sentence-initial (or after an opening quote), 2 headline.
        let initial = i == 0 || (i == 1 && p1.sc == SC_PUNCT);
        let state: u64 = if caps {
            2
        } else if initial {
            1
        } else {
            0
        };
        push!(1, 0);
        push!(2, t.lh);
        push!(3, lh(ii - 1));
        push!(4, lh(ii + 1));
        push!(5, lh(ii - 2));
        push!(6, lh(ii + 2));
        if !caps {
            push!(7, t.rh);
        }
        push!(8, t.shape);
        push!(9, p1.shape);
        push!(10, n1.shape);
        push!(11, combine(combine(p1.sc, t.sc), n1.sc));
        for k in 0..4 {
            if t.pre[k] != 0 {
                push!(12 + k as u64, t.pre[k]);
                push!(16 + k as u64, t.suf[k]);
            }
        }
        push!(20, combine(state, t.sc));
        push!(21, combine(combine(state, t.sc), t.info.case as u64));
        push!(22, combine(state, t.info.case as u64));
        push!(23, t.info.coarse as u64);
        push!(24, t.info.fine as u64);
        push!(25, p1.info.fine as u64);
        push!(26, n1.info.fine as u64);
        push!(27, combine(p1.info.coarse as u64, t.info.coarse as u64));
        push!(28, combine(t.info.coarse as u64, n1.info.coarse as u64));
        push!(29, combine(p1.lh, t.lh));
        push!(30, combine(t.lh, n1.lh));
        push!(31, combine(p1.lh, t.sc));
        push!(32, combine(t.sc, n1.lh));
        push!(33, combine(combine(t.info.fine as u64, t.sc), state));
        if !ctx.map.is_empty() {
            let own = doc_slots(t.sc, initial, caps, table_row == 1);
            let c = ctx.others(t.lh, own);
            let casing = u64::from(c[0] > 0) | u64::from(c[1] > 0) << 1 | u64::from(c[3] > 0) << 2;
            push!(60, combine(combine(casing, state), t.sc));
            push!(61, combine(casing, t.info.case as u64));
            if c[2] > 0 {
                push!(62, combine(combine(table_row, state), t.sc));
            }
        }
        if table_row == 1 {
            push!(46, t.sc);
            push!(47, combine(p1.sc, n1.sc));
        }
        for &(g, len) in &s.gaz_tok[i] {
            push!(48, combine(g, table_row));
            push!(40, g);
            push!(41, combine(g, t.sc));
            push!(42, combine(g, len));
            push!(43, combine(combine(g, state), t.info.case as u64));
            if sports == 1 {
                push!(49, combine(g, state));
            }
            if g / 4 == 5 {
                // A club name next to a word: "beat", "against", "in", "at home to".
                push!(50, combine(combine(p1.lh, sports), len));
                push!(51, combine(combine(n1.lh, sports), len));
            }
        }
        if sports == 1 && t.sc != SC_LOWER {
            push!(52, combine(combine(t.sc, state), t.info.case as u64));
        }
        if let Some(&(g, _)) = s.gaz_tok.get(i + 1).and_then(|v| v.first()) {
            if i + 1 < n {
                push!(44, combine(g, t.lh));
            }
        }
        if i > 0 {
            if let Some(&(g, _)) = s.gaz_tok[i - 1].first() {
                push!(45, combine(g, t.lh));
            }
        }
    }
    offs.push(feats.len() as u32);
    *out = feats;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let mut b = String::new();
        short_shape("Elmendorf-Richardson", &mut b);
        assert_eq!(b, "Xx-Xx");
        assert_eq!(shape_class("NATO"), SC_ALLCAPS);
        assert_eq!(shape_class("Kyiv"), SC_INITCAP);
        assert_eq!(shape_class("iPhone"), SC_MIXED);
        assert_eq!(shape_class("1996"), SC_DIGIT);
        assert!(all_caps_sentence(&[
            "CRICKET",
            "-",
            "LEICESTERSHIRE",
            "TAKE",
            "OVER"
        ]));
        assert!(!all_caps_sentence(&["NATO", "said", "so"]));
    }

    #[test]
    fn features_are_deterministic_and_bounded() {
        let t = WordTable::default();
        let mut s = Scratch::default();
        let (mut a, mut oa, mut b, mut ob) = (vec![], vec![], vec![], vec![]);
        let w = [
            "Putin",
            "met",
            "Trump",
            "in",
            "Anchorage",
            ",",
            "Alaska",
            ".",
        ];
        let ctx = DocCtx::build(&[&w[..]]);
        extract(&w, &ctx, &t, 16, &mut s, &mut a, &mut oa);
        extract(&w, &ctx, &t, 16, &mut s, &mut b, &mut ob);
        assert_eq!(a, b);
        assert_eq!(oa.len(), w.len() + 1);
        assert!(a.iter().all(|&f| f < (1 << 16)));
    }
}
