//! The trained model: hashed emission weights (quantised to i16), label
//! transitions, and the word table (clusters and casing priors); Viterbi decoding.

use crate::features::{self, Scratch, WordInfo, WordTable};
use crate::{spans, Kind, NerError, NerLabel, NUM_LABELS};
use std::cell::RefCell;
use std::io::{Read, Write};
use std::sync::OnceLock;

const L: usize = NUM_LABELS;
/// In-memory row stride: 16 lanes so a row is one aligned half cache line
/// and the accumulation vectorises (lanes 9..16 stay zero).
pub(crate) const STRIDE: usize = 16;
const MAGIC: &[u8; 4] = b"RNER";
const VERSION: u32 = 1;

static BUILTIN: &[u8] = include_bytes!("../model/ner.bin");

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct NerModel {
    pub(crate) bits: u32,
    pub(crate) scale: f32,
    /// `STRIDE` lanes per hashed feature row.
    pub(crate) weights: Vec<[i16; STRIDE]>,
    pub(crate) start: [f32; L],
    pub(crate) trans: [[f32; L]; L],
    pub(crate) table: WordTable,
}

#[derive(Default)]
struct Buffers {
    scratch: Scratch,
    feats: Vec<u32>,
    offs: Vec<u32>,
    em: Vec<[f32; L]>,
}

thread_local! {
    static BUF: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Transition validity: `I-X` only after `B-X` or `I-X` (index 5+k after 1+k or 5+k).
const ALLOWED: [[bool; L]; L] = {
    let mut a = [[true; L]; L];
    let mut p = 0;
    while p < L {
        let mut k = 0;
        while k < 4 {
            a[p][5 + k] = p == 1 + k || p == 5 + k;
            k += 1;
        }
        p += 1;
    }
    a
};

fn allowed(prev: usize, next: usize) -> bool {
    ALLOWED[prev][next]
}

/// First-order Viterbi. `mask[t]` (bit per label) restricts the labels of token t.
pub(crate) fn viterbi(
    em: &[[f32; L]],
    start: &[f32; L],
    trans: &[[f32; L]; L],
    mask: Option<&[u16]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    let ok = |t: usize, l: usize| mask.is_none_or(|m| m[t] & (1 << l) != 0);
    let neg = f32::NEG_INFINITY;
    // Invalid BIO transitions get -inf once, outside the inner loop.
    let mut tr = *trans;
    for (p, row) in tr.iter_mut().enumerate() {
        for (l, v) in row.iter_mut().enumerate() {
            if !ALLOWED[p][l] {
                *v = neg;
            }
        }
    }
    let mut score = [neg; L];
    for l in 0..L {
        if ok(0, l) && allowed(0, l) {
            score[l] = start[l] + em[0][l];
        }
    }
    let mut back = vec![[0u8; L]; n];
    for t in 1..n {
        let mut next = [neg; L];
        for l in 0..L {
            if !ok(t, l) {
                continue;
            }
            let mut best = neg;
            let mut arg = 0u8;
            for p in 0..L {
                let s = score[p] + tr[p][l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            if best > neg {
                next[l] = best + em[t][l];
                back[t][l] = arg;
            }
        }
        score = next;
    }
    let mut best = 0;
    for l in 1..L {
        if score[l] > score[best] {
            best = l;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best as u8;
    for t in (1..n).rev() {
        out[t - 1] = back[t][out[t] as usize];
    }
}

/// A predicted entity that is exactly a gazetteer phrase of three or more
/// tokens takes the gazetteer's type ("Joint Base Elmendorf-Richardson" is a
/// place even though "Joint" and "Base" look like an organisation's name).
/// Long exact matches are reliable; short ones are left to the model, which
/// knows that "Surrey 429-7" is a team.
fn retype_long_gazetteer_matches(labels: &mut [NerLabel], matches: &[(usize, usize, u8)]) {
    use crate::gazetteer::{CLUB, COUNTRY, DEMONYM, EVENT, ORG, PLACE};
    for &(start, len, cats) in matches {
        let kind = match cats {
            c if c & (ORG | CLUB) != 0 && c & !(ORG | CLUB) == 0 => Kind::Org,
            c if c & !(COUNTRY | PLACE) == 0 => Kind::Loc,
            c if c == DEMONYM || c == EVENT => Kind::Misc,
            _ => continue,
        };
        let end = start + len;
        let exact = len >= 3
            && matches!(labels[start], NerLabel::B(_))
            && labels[start + 1..end]
                .iter()
                .all(|l| matches!(l, NerLabel::I(_)))
            && !matches!(labels.get(end), Some(NerLabel::I(_)));
        if exact {
            labels[start] = NerLabel::B(kind);
            labels[start + 1..end]
                .iter_mut()
                .for_each(|l| *l = NerLabel::I(kind));
        }
    }
}

/// A lone capitalised word right after "in" is a place, not a person
/// ("officials in Greywell said"): persons follow "in" only with a
/// possessive ("in Smith's view"), which is a separate token here.
fn place_after_in(words: &[&str], labels: &mut [NerLabel]) {
    for i in 1..words.len() {
        let lone = labels[i] == NerLabel::B(Kind::Per)
            && !matches!(labels.get(i + 1), Some(NerLabel::I(_)));
        let possessive = words
            .get(i + 1)
            .is_some_and(|w| matches!(*w, "'s" | "’s" | "'" | "’"))
            || words[i].ends_with("'s")
            || words[i].ends_with("’s");
        if lone && !possessive && words[i - 1] == "in" {
            labels[i] = NerLabel::B(Kind::Loc);
        }
    }
}

/// A lone word tagged PER that is a city of a million or a well-known
/// region ("security guarantees for Kyiv") is a place; not a country, since
/// "Jordan" alone may be the player. (The document pass turns it back into
/// PER when it is the surname of a full name in the same document.)
fn major_place_not_person(words: &[&str], labels: &mut [NerLabel], matches: &[(usize, usize, u8)]) {
    use crate::gazetteer::MAJOR;
    for &(start, len, cats) in matches {
        let lone = len == 1
            && labels[start] == NerLabel::B(Kind::Per)
            && !matches!(labels.get(start + 1), Some(NerLabel::I(_)));
        // After a capitalised word ("Uncle Sam") the word ends a name.
        let after_name = start > 0
            && words[start - 1]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && words[start - 1].chars().all(char::is_alphabetic)
            && crate::doc::rule_on("MAJORNAME");
        if lone && !after_name && cats & MAJOR != 0 && crate::doc::rule_on("MAJOR") {
            labels[start] = NerLabel::B(Kind::Loc);
        }
    }
}

/// A capitalised phrase the tagger left out that the gazetteers know only
/// as an organisation ("the Fed said") is ORG. Not at the start of a
/// sentence for one word, where capitals say nothing.
fn untagged_known_orgs(words: &[&str], labels: &mut [NerLabel], matches: &[(usize, usize, u8)]) {
    use crate::gazetteer::{CLUB, ORG};
    if !crate::doc::rule_on("GAZORG") {
        return;
    }
    let cap = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
    let mut cands: Vec<(usize, usize)> = matches
        .iter()
        .filter(|&&(start, len, cats)| {
            let end = start + len;
            cats & ORG != 0
                && cats & !(ORG | CLUB) == 0
                && cap(words[start])
                && cap(words[end - 1])
                && (start > 0 || len > 1)
        })
        .map(|&(s, l, _)| (s, l))
        .collect();
    // Longest first at each start; no overlaps.
    cands.sort_by_key(|&(s, l)| (s, std::cmp::Reverse(l)));
    let mut done = 0;
    for (start, len) in cands {
        let end = start + len;
        if start >= done
            && labels[start..end].iter().all(|l| *l == NerLabel::O)
            && !matches!(labels.get(end), Some(NerLabel::I(_)))
        {
            set_org(labels, start, len);
            done = end;
        }
    }
}

fn set_org(labels: &mut [NerLabel], start: usize, len: usize) {
    labels[start] = NerLabel::B(Kind::Org);
    for x in &mut labels[start + 1..start + len] {
        *x = NerLabel::I(Kind::Org);
    }
}

impl NerModel {
    /// The model shipped in the crate, decoded once.
    pub fn builtin() -> &'static NerModel {
        static M: OnceLock<NerModel> = OnceLock::new();
        M.get_or_init(|| match NerModel::load(BUILTIN) {
            Ok(m) => m,
            Err(e) => {
                // Only possible with a broken build; tag everything O rather than panic.
                eprintln!("rashomon-ner: builtin model unusable: {e}");
                NerModel::empty(4)
            }
        })
    }

    /// A model with all-zero weights (tags everything O).
    pub fn empty(bits: u32) -> NerModel {
        NerModel {
            bits,
            scale: 1.0,
            weights: vec![[0; STRIDE]; 1 << bits],
            start: [0.0; L],
            trans: [[0.0; L]; L],
            table: WordTable::default(),
        }
    }

    /// Tag one sentence (one label per word; always a valid BIO sequence).
    /// The same as a document of one sentence.
    pub fn tag(&self, words: &[&str]) -> Vec<NerLabel> {
        self.tag_document(&[words]).pop().unwrap_or_default()
    }

    /// Tag a document given as its sentences in order: each sentence is tagged
    /// alone, then the document-level consistency pass makes the labels of the
    /// same words agree (surnames after full names, majority kind of a name).
    pub fn tag_document<'w, S: AsRef<[&'w str]>>(&self, doc: &[S]) -> Vec<Vec<NerLabel>> {
        let ctx = features::DocCtx::build(doc);
        let mut labels: Vec<Vec<NerLabel>> = doc
            .iter()
            .map(|s| self.tag_sentence(s.as_ref(), &ctx))
            .collect();
        let words: Vec<&[&str]> = doc.iter().map(|s| s.as_ref()).collect();
        crate::doc::consistency(&words, &mut labels);
        labels
    }

    /// Entity token ranges with their kinds, per sentence of a document.
    pub fn entities_in_document<'w, S: AsRef<[&'w str]>>(
        &self,
        doc: &[S],
    ) -> Vec<Vec<(std::ops::Range<usize>, Kind)>> {
        self.tag_document(doc).iter().map(|l| spans(l)).collect()
    }

    /// The sentence tagger alone (no document pass).
    fn tag_sentence(&self, words: &[&str], ctx: &features::DocCtx) -> Vec<NerLabel> {
        if words.is_empty() {
            return Vec::new();
        }
        BUF.with(|b| {
            let mut b = b.borrow_mut();
            let b = &mut *b;
            features::extract(
                words,
                ctx,
                &self.table,
                self.bits,
                &mut b.scratch,
                &mut b.feats,
                &mut b.offs,
            );
            self.emissions(&b.feats, &b.offs, &mut b.em);
            let mut path = Vec::with_capacity(words.len());
            viterbi(&b.em, &self.start, &self.trans, None, &mut path);
            let mut labels: Vec<NerLabel> = path
                .into_iter()
                .map(|l| NerLabel::from_index(l as usize))
                .collect();
            retype_long_gazetteer_matches(&mut labels, b.scratch.gaz_matches());
            place_after_in(words, &mut labels);
            major_place_not_person(words, &mut labels, b.scratch.gaz_matches());
            untagged_known_orgs(words, &mut labels, b.scratch.gaz_matches());
            labels
        })
    }

    /// Entity token ranges with their kinds.
    pub fn entities(&self, words: &[&str]) -> Vec<(std::ops::Range<usize>, Kind)> {
        spans(&self.tag(words))
    }

    fn emissions(&self, feats: &[u32], offs: &[u32], em: &mut Vec<[f32; L]>) {
        em.clear();
        for w in offs.windows(2) {
            let mut acc = [0i32; STRIDE];
            for &f in &feats[w[0] as usize..w[1] as usize] {
                if let Some(row) = self.weights.get(f as usize) {
                    for l in 0..STRIDE {
                        acc[l] += row[l] as i32;
                    }
                }
            }
            let mut e = [0f32; L];
            for l in 0..L {
                e[l] = acc[l] as f32 * self.scale;
            }
            em.push(e);
        }
    }

    /// Serialise (deflate-compressed).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::with_capacity(self.weights.len() * 2 + 1024);
        raw.extend_from_slice(&self.bits.to_le_bytes());
        raw.extend_from_slice(&self.scale.to_le_bytes());
        for v in self.start.iter().chain(self.trans.iter().flatten()) {
            raw.extend_from_slice(&v.to_le_bytes());
        }
        let mut words: Vec<(&u64, &WordInfo)> = self.table.map.iter().collect();
        words.sort_by_key(|(k, _)| **k);
        raw.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (k, i) in words {
            raw.extend_from_slice(&k.to_le_bytes());
            raw.extend_from_slice(&i.coarse.to_le_bytes());
            raw.extend_from_slice(&i.fine.to_le_bytes());
            raw.push(i.case);
        }
        // Weights stored label-major so equal neighbours compress well.
        for l in 0..L {
            for r in 0..(1usize << self.bits) {
                raw.extend_from_slice(&self.weights[r][l].to_le_bytes());
            }
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let mut enc = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = enc.write_all(&raw);
        enc.finish().unwrap_or_default()
    }

    /// Decode a model written by [`NerModel::to_bytes`].
    pub fn load(bytes: &[u8]) -> Result<NerModel, NerError> {
        let bad = |m: &str| NerError::Model(m.to_string());
        if bytes.len() < 8 || &bytes[..4] != MAGIC {
            return Err(bad("not a rashomon-ner model (magic)"));
        }
        if bytes[4..8] != VERSION.to_le_bytes() {
            return Err(bad("unsupported model version"));
        }
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(&bytes[8..])
            .read_to_end(&mut raw)
            .map_err(|e| NerError::Model(format!("decompress: {e}")))?;
        let mut r = Reader { b: &raw, p: 0 };
        let bits = r.u32()?;
        if !(4..=24).contains(&bits) {
            return Err(bad("hash bits out of range"));
        }
        let scale = r.f32()?;
        let mut start = [0f32; L];
        for v in &mut start {
            *v = r.f32()?;
        }
        let mut trans = [[0f32; L]; L];
        for v in trans.iter_mut().flatten() {
            *v = r.f32()?;
        }
        let nw = r.u32()? as usize;
        let mut table = WordTable::default();
        for _ in 0..nw {
            let k = r.u64()?;
            let coarse = r.u16()?;
            let fine = r.u16()?;
            let case = r.take(1)?[0];
            table.map.insert(k, WordInfo { coarse, fine, case });
        }
        let rows = 1usize << bits;
        let mut weights = vec![[0i16; STRIDE]; rows];
        let w = r.take(rows * L * 2)?;
        // Stored label-major: chunk l holds lane l of every row.
        for (l, lane) in w.chunks_exact(rows * 2).enumerate() {
            for (row, b) in weights.iter_mut().zip(lane.chunks_exact(2)) {
                row[l] = i16::from_le_bytes([b[0], b[1]]);
            }
        }
        if r.p != raw.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(NerModel {
            bits,
            scale,
            weights,
            start,
            trans,
            table,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let s = self
            .b
            .get(self.p..self.p + n)
            .ok_or_else(|| NerError::Model("truncated".into()))?;
        self.p += n;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u64(&mut self) -> Result<u64, NerError> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_table_matches_bio_rule() {
        for p in 0..L {
            for l in 0..L {
                let want = NerLabel::from_index(p).can_precede(NerLabel::from_index(l));
                assert_eq!(allowed(p, l), want, "{p}->{l}");
            }
        }
    }

    #[test]
    fn viterbi_respects_mask_and_bio() {
        // Emissions prefer I-PER everywhere, which is invalid at the start.
        let mut em = vec![[0f32; L]; 3];
        for e in &mut em {
            e[NerLabel::I(Kind::Per).index()] = 5.0;
        }
        let mut out = Vec::new();
        viterbi(&em, &[0.0; L], &[[0.0; L]; L], None, &mut out);
        assert_ne!(out[0] as usize, NerLabel::I(Kind::Per).index());
        let mask = vec![1u16; 3]; // only O allowed
        viterbi(&em, &[0.0; L], &[[0.0; L]; L], Some(&mask), &mut out);
        assert_eq!(out, vec![0, 0, 0]);
    }
}
