//! Named-entity recogniser for Rashomon: a first-order averaged structured
//! perceptron (Viterbi decoding) over hashed features, with word clusters,
//! casing priors and gazetteers. The trained weights ship inside the binary
//! (`include_bytes!`), so nothing is downloaded at run time.
//!
//! Labels are CoNLL's four classes in BIO form: PER, ORG, LOC (GPEs, places,
//! facilities) and MISC (nationalities/NORP, events, works, other names).

pub mod clusters;
pub mod conll;
mod doc;
mod eval;
mod features;
pub mod gazetteer;
mod model;
mod persons;
mod sentence_rules;
pub mod synth;
pub mod train;

pub use eval::{evaluate, evaluate_documents, evaluate_sentences, EvalReport, Prf};
pub use features::WordTable;
pub use model::NerModel;

use rashomon_model::EntityType;
use serde::{Deserialize, Serialize};

/// Errors from reading data or model files.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {msg}")]
    Format {
        path: String,
        line: usize,
        msg: String,
    },
    #[error("bad model file: {0}")]
    Model(String),
}

/// Entity class (CoNLL-2003's four).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Kind {
    Per,
    Org,
    Loc,
    Misc,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Per, Kind::Org, Kind::Loc, Kind::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Misc => "MISC",
        }
    }

    pub fn entity_type(self) -> EntityType {
        match self {
            Kind::Per => EntityType::Person,
            Kind::Org => EntityType::Organization,
            Kind::Loc => EntityType::Location,
            Kind::Misc => EntityType::Misc,
        }
    }

    fn index(self) -> usize {
        match self {
            Kind::Per => 0,
            Kind::Org => 1,
            Kind::Loc => 2,
            Kind::Misc => 3,
        }
    }

    /// Map a corpus label type to a kind. Covers CoNLL, UNER, GUM, OntoNotes-style
    /// and WNUT-17 names; anything else (DATE, product, ...) is `None` (= O).
    pub fn from_tag_type(t: &str) -> Option<Kind> {
        match t.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Some(Kind::Per),
            "ORG" | "ORGANIZATION" | "ORGANISATION" | "CORPORATION" => Some(Kind::Org),
            "LOC" | "LOCATION" | "GPE" | "FAC" | "FACILITY" => Some(Kind::Loc),
            "MISC" | "NORP" => Some(Kind::Misc),
            _ => None,
        }
    }
}

/// One BIO label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NerLabel {
    O,
    B(Kind),
    I(Kind),
}

/// Number of distinct labels (O + B/I for 4 kinds).
pub const NUM_LABELS: usize = 9;

impl NerLabel {
    /// Dense index: 0 = O, 1..=4 = B-kind, 5..=8 = I-kind.
    pub fn index(self) -> usize {
        match self {
            NerLabel::O => 0,
            NerLabel::B(k) => 1 + k.index(),
            NerLabel::I(k) => 5 + k.index(),
        }
    }

    pub fn from_index(i: usize) -> NerLabel {
        match i {
            1..=4 => NerLabel::B(Kind::ALL[i - 1]),
            5..=8 => NerLabel::I(Kind::ALL[i - 5]),
            _ => NerLabel::O,
        }
    }

    pub fn kind(self) -> Option<Kind> {
        match self {
            NerLabel::O => None,
            NerLabel::B(k) | NerLabel::I(k) => Some(k),
        }
    }

    /// Parse "O", "B-PER", "I-LOC", "E-ORG", "S-MISC", "I-person" ... Unknown
    /// types become `O`; `None` for something that is not a tag at all.
    pub fn parse(tag: &str) -> Option<NerLabel> {
        if tag == "O" || tag == "_" || tag == "-" {
            return Some(NerLabel::O);
        }
        let (prefix, ty) = tag.split_once('-')?;
        let kind = Kind::from_tag_type(ty);
        match (prefix, kind) {
            ("B" | "I" | "E" | "S" | "L" | "U", None) => Some(NerLabel::O),
            ("B" | "S" | "U", Some(k)) => Some(NerLabel::B(k)),
            ("I" | "E" | "L", Some(k)) => Some(NerLabel::I(k)),
            _ => None,
        }
    }

    /// Whether `next` may follow `self` in a valid BIO sequence.
    pub fn can_precede(self, next: NerLabel) -> bool {
        match next {
            NerLabel::I(k) => self.kind() == Some(k),
            _ => true,
        }
    }
}

impl std::fmt::Display for NerLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NerLabel::O => write!(f, "O"),
            NerLabel::B(k) => write!(f, "B-{}", k.as_str()),
            NerLabel::I(k) => write!(f, "I-{}", k.as_str()),
        }
    }
}

/// Entity spans (token ranges) from a BIO sequence. A stray `I-X` starts a new
/// entity, as in conlleval.
pub fn spans(labels: &[NerLabel]) -> Vec<(std::ops::Range<usize>, Kind)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, Kind)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let continues = matches!((l, cur), (NerLabel::I(k), Some((_, c))) if k == c);
        if continues {
            continue;
        }
        if let Some((s, k)) = cur.take() {
            out.push((s..i, k));
        }
        if let Some(k) = l.kind() {
            cur = Some((i, k));
        }
    }
    if let Some((s, k)) = cur {
        out.push((s..labels.len(), k));
    }
    out
}

/// A simple tokenizer close to CoNLL/UD conventions: splits on whitespace and
/// punctuation, keeps word-internal `.`, `-`, `'`, `&` (U.S., Elmendorf-Richardson,
/// O'Brien, AT&T) and splits off a possessive `'s`.
pub fn simple_tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for chunk in text.split_whitespace() {
        let mut rest = chunk;
        // Leading punctuation, one char at a time.
        while let Some(c) = rest.chars().next() {
            if c.is_alphanumeric() {
                break;
            }
            out.push(&rest[..c.len_utf8()]);
            rest = &rest[c.len_utf8()..];
        }
        if rest.is_empty() {
            continue;
        }
        // Trailing punctuation, collected in reverse.
        let mut tail = Vec::new();
        while let Some(c) = rest.chars().next_back() {
            if c.is_alphanumeric() {
                break;
            }
            // Keep the final dot of an abbreviation like "U.S." attached.
            let body = &rest[..rest.len() - c.len_utf8()];
            if c == '.'
                && tail.is_empty()
                && body.contains('.')
                && body.chars().all(|ch| ch.is_alphabetic() || ch == '.')
            {
                break;
            }
            let at = rest.len() - c.len_utf8();
            tail.push(&rest[at..]);
            rest = &rest[..at];
        }
        if !rest.is_empty() {
            let poss = ["'s", "’s", "'S", "’S"]
                .iter()
                .find(|p| rest.len() > p.len() && rest.ends_with(*p));
            match poss {
                Some(p) => {
                    let at = rest.len() - p.len();
                    out.push(&rest[..at]);
                    out.push(&rest[at..]);
                }
                None => out.push(rest),
            }
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_index_roundtrip() {
        for i in 0..NUM_LABELS {
            assert_eq!(NerLabel::from_index(i).index(), i);
        }
    }

    #[test]
    fn parse_labels() {
        assert_eq!(NerLabel::parse("B-PER"), Some(NerLabel::B(Kind::Per)));
        assert_eq!(NerLabel::parse("I-GPE"), Some(NerLabel::I(Kind::Loc)));
        assert_eq!(NerLabel::parse("I-NORP"), Some(NerLabel::I(Kind::Misc)));
        assert_eq!(NerLabel::parse("B-DATE"), Some(NerLabel::O));
        assert_eq!(NerLabel::parse("O"), Some(NerLabel::O));
        assert_eq!(
            NerLabel::parse("B-corporation"),
            Some(NerLabel::B(Kind::Org))
        );
        assert_eq!(NerLabel::parse("NNP"), None);
        assert_eq!(NerLabel::B(Kind::Misc).to_string(), "B-MISC");
    }

    #[test]
    fn spans_decode() {
        use NerLabel::*;
        let l = [
            B(Kind::Per),
            I(Kind::Per),
            O,
            I(Kind::Loc),
            B(Kind::Loc),
            I(Kind::Org),
        ];
        assert_eq!(
            spans(&l),
            vec![
                (0..2, Kind::Per),
                (3..4, Kind::Loc),
                (4..5, Kind::Loc),
                (5..6, Kind::Org)
            ]
        );
    }

    #[test]
    fn tokenizer() {
        let t = simple_tokenize(
            "Trump's \"visit\" to the U.S. (Joint Base Elmendorf-Richardson), Kyiv.",
        );
        assert_eq!(
            t,
            vec![
                "Trump",
                "'s",
                "\"",
                "visit",
                "\"",
                "to",
                "the",
                "U.S.",
                "(",
                "Joint",
                "Base",
                "Elmendorf-Richardson",
                ")",
                ",",
                "Kyiv",
                "."
            ]
        );
    }
}
