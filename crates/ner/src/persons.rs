//! Person-name rules for ordinary news prose, applied in the document pass.
//!
//! The tagger, trained mostly on wire and sports text, sometimes reads a
//! person's name as a place or organisation when one of its words is also a
//! place ("said Chad Bown, an expert"), when a title is read into the name
//! ("Mrs. Clinton") or when a party label is read into it ("Republican
//! Donald Trump"). These rules use the contexts that mark persons in news:
//! titles, party labels before a known person, and appositives.

use crate::doc::rule_on;
use crate::{spans, Kind, NerLabel};
use std::collections::BTreeSet;

/// Personal titles that stand before a name; CoNLL leaves them outside the entity.
const TITLES: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Prof.",
    "Rev.",
    "President",
    "Senator",
    "Governor",
    "Sen",
    "Rep",
    "Gov",
];

/// Party labels that precede a politician's name ("Democrat Hillary Clinton").
const PARTIES: &[&str] = &[
    "republican",
    "democrat",
    "democratic",
    "libertarian",
    "conservative",
    "labour",
    "socialist",
];

/// Lower-case words after "Name ," that start a clause or a place's
/// description rather than a person's role.
const NOT_ROLE: &[&str] = &[
    "where",
    "which",
    "when",
    "while",
    "and",
    "or",
    "but",
    "as",
    "that",
    "with",
    "in",
    "on",
    "at",
    "for",
    "from",
    "to",
    "of",
    "by",
    "near",
    "after",
    "before",
    "not",
    "is",
    "was",
    "has",
    "had",
    "who",
    "whose",
    "its",
    "their",
    "his",
    "her",
    "home",
    "so",
    "then",
    "if",
    "because",
    "though",
    "although",
    "including",
    "like",
    "the",
    "a",
    "an",
    "capital",
    "city",
    "state",
    "province",
    "county",
    "country",
    "town",
    "village",
    "region",
    "district",
    "says",
    "said",
    "known",
    "located",
    "bordering",
    "situated",
];

/// Nouns that make an appositive describe an organisation ("Blackhawk Mining, a coal company").
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "agency",
    "corporation",
    "network",
    "newspaper",
    "magazine",
    "show",
    "program",
    "programme",
    "station",
    "party",
    "union",
    "bank",
    "fund",
    "institute",
    "center",
    "centre",
    "association",
    "subsidiary",
];

fn cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The word without a possessive ending: tokenizers other than
/// `simple_tokenize` keep "Clinton's" in one token.
pub(crate) fn bare(w: &str) -> &str {
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| w.strip_suffix(p).filter(|b| !b.is_empty()))
        .unwrap_or(w)
}

fn name_word(w: &str) -> bool {
    let b = bare(w);
    cap(b) && b.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
}

fn relabel(l: &mut [NerLabel], r: std::ops::Range<usize>, k: Kind) {
    l[r.start] = NerLabel::B(k);
    for x in &mut l[r.start + 1..r.end] {
        *x = NerLabel::I(k);
    }
}

/// `TITLE`: an entity that begins with a personal title ("Mrs. Clinton") is
/// the title (O) plus a person; an entity of another kind right after a
/// title is a person.
pub(crate) fn title_persons(w: &[&str], l: &mut [NerLabel]) {
    if !rule_on("TITLE") {
        return;
    }
    for (r, k) in spans(l) {
        let rest_names = |from: usize| w[from..r.end].iter().all(|x| name_word(x));
        // "Mrs" "." "Clinton" when a tokenizer splits the dot off.
        let skip = if w.get(r.start + 1) == Some(&".") {
            2
        } else {
            1
        };
        if r.len() > skip && TITLES.contains(&w[r.start]) && rest_names(r.start + skip) {
            for x in &mut l[r.start..r.start + skip] {
                *x = NerLabel::O;
            }
            relabel(l, r.start + skip..r.end, Kind::Per);
        } else if k != Kind::Per
            && r.start > 0
            && l[r.start - 1] == NerLabel::O
            && TITLES.contains(&w[r.start - 1])
            && r.len() <= 3
            && rest_names(r.start)
        {
            relabel(l, r, Kind::Per);
        }
    }
}

/// `APPOS`: a two- or three-word place name the gazetteers do not know, in a
/// person's context (after "said", before "said", or before ", role") is a
/// person ("said Chad Bown, an expert", "Jean-Marc Ayrault, the foreign minister").
pub(crate) fn appositive_persons(w: &[&str], l: &mut [NerLabel]) {
    if !rule_on("APPOS") {
        return;
    }
    const SAY: &[&str] = &["said", "says", "told", "tweeted", "wrote", "added"];
    // "told Capital Download": the one told may be a programme or paper.
    const SAY_BEFORE: &[&str] = &["said", "says", "added"];
    for (r, k) in spans(l) {
        if k != Kind::Loc
            || !(2..=3).contains(&r.len())
            || !w[r.clone()].iter().all(|x| name_word(x))
        {
            continue;
        }
        if crate::gazetteer::categories(&w[r.clone()].join(" ")) != 0 {
            continue;
        }
        let before = r.start > 0 && SAY_BEFORE.contains(&w[r.start - 1]);
        // "at Ground Zero, sources said": after a preposition it is a place.
        let prep = r.start > 0
            && matches!(
                w[r.start - 1],
                "at" | "in" | "from" | "to" | "near" | "of" | "into" | "across" | "around"
            );
        let after = w.get(r.end).is_some_and(|x| SAY.contains(x));
        let role = w.get(r.end) == Some(&",")
            && w.get(r.end + 1).is_some_and(|x| {
                matches!(*x, "the" | "a" | "an")
                    && w.get(r.end + 2)
                        .is_some_and(|y| !cap(y) && !NOT_ROLE.contains(y))
                    || (x.chars().all(|c| c.is_ascii_lowercase())
                        && !NOT_ROLE.contains(x)
                        && !x.ends_with("ed")
                        && !x.ends_with("ing"))
            })
            && !w[r.end + 1..(r.end + 6).min(w.len())]
                .iter()
                .any(|x| ORG_NOUNS.contains(x));
        if before || (!prep && (after || role)) {
            relabel(l, r, Kind::Per);
        }
    }
}

/// `PARTY`: a party label or demonym read into a person's name ("Republican
/// Donald Trump", "Democrat Hillary Clinton") is split off as MISC when the
/// rest is a person: tagged PER elsewhere in the document, or the whole was
/// tagged PER with at least two name words after the label.
pub(crate) fn party_persons(words: &[&[&str]], labels: &mut [Vec<NerLabel>]) {
    if !rule_on("PARTY") {
        return;
    }
    let key = |w: &[&str]| {
        w.iter()
            .map(|x| bare(x).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut persons = BTreeSet::new();
    for (w, l) in words.iter().zip(labels.iter()) {
        for (r, k) in spans(l) {
            if k == Kind::Per {
                persons.insert(key(&w[r]));
            }
        }
    }
    for (w, l) in words.iter().zip(labels.iter_mut()) {
        for (r, k) in spans(l) {
            if r.len() < 2 || !w[r.start + 1..r.end].iter().all(|x| name_word(x)) {
                continue;
            }
            let first = w[r.start].to_lowercase();
            let label = PARTIES.contains(&first.as_str()) || crate::gazetteer::is_demonym(&first);
            let rest = r.start + 1..r.end;
            // "Republican Donald Trump" ... "Trump said": the surname alone is a person.
            let person = persons.contains(&key(&w[rest.clone()]))
                || (rest.len() >= 2 && persons.contains(&key(&w[r.end - 1..r.end])))
                || (k == Kind::Per && rest.len() >= 2);
            if label && person {
                l[r.start] = NerLabel::B(Kind::Misc);
                relabel(l, rest, Kind::Per);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NerLabel::{B, I, O};

    #[test]
    fn title_starts_a_person() {
        let w = ["treating", "Mrs.", "Clinton", "'s", "remark"];
        let mut l = vec![O, B(Kind::Loc), I(Kind::Loc), O, O];
        title_persons(&w, &mut l);
        assert_eq!(l, vec![O, O, B(Kind::Per), O, O]);
        let w = ["Sen.", "Chad", "Smith", "spoke"];
        let mut l = vec![O, B(Kind::Loc), I(Kind::Loc), O];
        title_persons(&w, &mut l);
        assert_eq!(l, vec![O, B(Kind::Per), I(Kind::Per), O]);
        // A tokenizer that keeps the possessive and splits the title's dot.
        let w = ["Mrs", ".", "Clinton's", "remark"];
        let mut l = vec![B(Kind::Loc), I(Kind::Loc), I(Kind::Loc), O];
        title_persons(&w, &mut l);
        assert_eq!(l, vec![O, O, B(Kind::Per), O]);
    }

    #[test]
    fn appositive_and_said_make_persons() {
        let w = ["said", "Chad", "Bown", ",", "an", "expert", "on", "trade"];
        let mut l = vec![O, B(Kind::Loc), I(Kind::Loc), O, O, O, O, O];
        appositive_persons(&w, &mut l);
        assert_eq!(l[1], B(Kind::Per));
        // A place followed by a clause stays a place.
        let w = ["in", "Greywell", "Heath", ",", "where", "it", "rained"];
        let mut l = vec![O, B(Kind::Loc), I(Kind::Loc), O, O, O, O];
        appositive_persons(&w, &mut l);
        assert_eq!(l[1], B(Kind::Loc));
        let w = ["at", "Ground", "Zero", ",", "sources", "said"];
        let mut l = vec![O, B(Kind::Loc), I(Kind::Loc), O, O, O];
        appositive_persons(&w, &mut l);
        assert_eq!(l[1], B(Kind::Loc));
    }

    #[test]
    fn party_label_split_from_known_person() {
        let s1 = ["Republican", "Donald", "Trump", "won"];
        let s2 = ["Donald", "Trump", "said"];
        let words: Vec<&[&str]> = vec![&s1, &s2];
        let mut labels = vec![
            vec![B(Kind::Org), I(Kind::Org), I(Kind::Org), O],
            vec![B(Kind::Per), I(Kind::Per), O],
        ];
        party_persons(&words, &mut labels);
        assert_eq!(
            labels[0],
            vec![B(Kind::Misc), B(Kind::Per), I(Kind::Per), O]
        );
        // An organisation named after a party is left alone.
        let s = ["Democratic", "National", "Committee"];
        let words: Vec<&[&str]> = vec![&s];
        let mut labels = vec![vec![B(Kind::Org), I(Kind::Org), I(Kind::Org)]];
        party_persons(&words, &mut labels);
        assert_eq!(labels[0][0], B(Kind::Org));
    }
}
