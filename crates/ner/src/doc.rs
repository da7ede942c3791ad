//! Document-level consistency. The tagger reads one sentence at a time; in
//! news a name is often spelled out once and then shortened ("Bill Clinton"
//! ... "Clinton"), and one story names the same club or country many times.
//! After every sentence of a document is tagged, this pass makes the labels
//! of the same words agree across the document.

use crate::{spans, Kind, NerLabel};
use std::collections::BTreeMap;

/// Rule-based document consistency applied after tagging (see docs/ner.md):
/// 1. a capitalised token that is the last word of a multi-word person name
///    elsewhere in the document ("Clinton" after "Bill Clinton") and is tagged
///    O or as a one-word entity of another kind becomes PER;
/// 2. an entity string tagged with different kinds in one document takes the
///    kind it gets most often, when that kind has a clear majority;
/// 3. (first) in a results row, a place followed by a number is a club (ORG),
///    unless it is a country (national sides are LOC, as in CoNLL);
/// 4. such a club is ORG wherever the document names it;
/// 5. the first word of a company name ending in a designator ("Kia Motors",
///    "Rabobank Group", "Pirelli SpA" no: only the listed designators) is ORG
///    when it stands alone as an entity of another kind.
pub(crate) fn consistency(words: &[&[&str]], labels: &mut [Vec<NerLabel>]) {
    let lower = |w: &str| w.to_lowercase();
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut surnames: BTreeMap<String, usize> = BTreeMap::new();
    // Strings that are clubs in a results row of this document.
    let mut clubs: BTreeMap<String, usize> = BTreeMap::new();
    // Rule 0: a wire dateline ("LONGYEAR , Norway 1996-08-30") opens with a place.
    for (w, l) in words.iter().zip(labels.iter_mut()) {
        dateline(w, l);
    }
    // Rule 3: in a results row, a place (not a country: national sides keep
    // LOC) followed by a score is a club.
    {
        for (w, l) in words.iter().zip(labels.iter_mut()) {
            // At least two scores: a dateline ("PARIS 1996-08-30") is not a results row.
            if !crate::features::is_table_row(w) || w.iter().filter(|x| is_score(x)).count() < 2 {
                continue;
            }
            for (r, k) in spans(l) {
                let num_after = w.get(r.end).is_some_and(|x| is_score(x));
                let phrase = w[r.clone()].join(" ");
                if (k == Kind::Loc || k == Kind::Org)
                    && num_after
                    && !crate::gazetteer::is_country(&phrase)
                {
                    *clubs.entry(phrase.to_lowercase()).or_default() += 1;
                    l[r.start] = NerLabel::B(Kind::Org);
                    for x in &mut l[r.start + 1..r.end] {
                        *x = NerLabel::I(Kind::Org);
                    }
                }
            }
        }
    }
    let mut votes: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let kidx = |k: Kind| Kind::ALL.iter().position(|&x| x == k).unwrap_or(0);
    let mut org_heads: BTreeMap<String, usize> = BTreeMap::new();
    const DESIGNATORS: &[&str] = &[
        "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "co", "co.", "plc", "ag", "sa", "nv",
        "group", "holdings", "bank", "motors", "airlines", "fc",
    ];
    for (w, l) in words.iter().zip(labels.iter()) {
        for (r, k) in spans(l) {
            if k == Kind::Org && r.len() >= 2 && DESIGNATORS.contains(&lower(w[r.end - 1]).as_str())
            {
                *org_heads.entry(lower(w[r.start])).or_default() += 1;
            }
            if k == Kind::Per && r.len() >= 2 {
                *surnames.entry(lower(w[r.end - 1])).or_default() += 1;
            }

            let key = w[r].iter().map(|x| lower(x)).collect::<Vec<_>>().join(" ");
            votes.entry(key).or_default()[kidx(k)] += 1;
        }
    }
    for (w, l) in words.iter().zip(labels.iter_mut()) {
        // Rule 2: majority kind of the same string.
        for (r, k) in spans(l) {
            let key = w[r.clone()]
                .iter()
                .map(|x| lower(x))
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(v) = votes.get(&key) {
                let (best, &n) = v
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, n)| (**n, 4 - *i))
                    .unwrap_or((0, &0));
                let total: usize = v.iter().sum();
                if best != kidx(k) && n * 2 > total && n >= 2 {
                    let nk = Kind::ALL[best];
                    l[r.start] = NerLabel::B(nk);
                    for x in &mut l[r.start + 1..r.end] {
                        *x = NerLabel::I(nk);
                    }
                }
            }
        }
        // Rules 4 and 5: results-row clubs, and company names without their
        // designator ("Kia" after "Kia Motors"), are ORG throughout.
        {
            for (r, k) in spans(l) {
                let key = w[r.clone()]
                    .iter()
                    .map(|x| lower(x))
                    .collect::<Vec<_>>()
                    .join(" ");
                let club = k == Kind::Loc && clubs.contains_key(&key);
                let head = r.len() == 1 && k != Kind::Org && org_heads.contains_key(&key);
                if club || head {
                    l[r.start] = NerLabel::B(Kind::Org);
                    for x in &mut l[r.start + 1..r.end] {
                        *x = NerLabel::I(Kind::Org);
                    }
                }
            }
        }
        // Rule 1: surnames.
        for i in 0..w.len() {
            if !cap(w[i]) || !surnames.contains_key(&lower(w[i])) {
                continue;
            }
            let single = match l[i] {
                NerLabel::O => true,
                NerLabel::B(k) => k != Kind::Per && !matches!(l.get(i + 1), Some(NerLabel::I(_))),
                NerLabel::I(_) => false,
            };
            let prev_ent = i > 0 && l[i - 1] != NerLabel::O;
            if single && !(l[i] == NerLabel::O && prev_ent) {
                l[i] = NerLabel::B(Kind::Per);
            }
        }
    }
}

/// A dateline is at most six tokens: a capitalised place, optionally a comma
/// and a region or country, then an ISO date. Its place is LOC.
fn dateline(w: &[&str], l: &mut [NerLabel]) {
    let n = w.len();
    let iso = |x: &str| {
        x.len() == 10
            && x.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    if !(2..=6).contains(&n) || !iso(w[n - 1]) {
        return;
    }
    let end = w[..n - 1].iter().position(|x| *x == ",").unwrap_or(n - 1);
    let capital = |x: &&str| x.chars().next().is_some_and(char::is_uppercase);
    if end == 0 || !w[..end].iter().all(capital) {
        return;
    }
    l[0] = NerLabel::B(Kind::Loc);
    for x in &mut l[1..end] {
        *x = NerLabel::I(Kind::Loc);
    }
    if matches!(l.get(end), Some(NerLabel::I(_))) {
        l[end] = NerLabel::O;
    }
}

/// A score, count or standing ("3", "4-43", ".556"), not a date or a year.
fn is_score(w: &str) -> bool {
    let digits = w.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use NerLabel::*;

    #[test]
    fn surname_after_full_name_becomes_per() {
        let s1 = ["Bill", "Clinton", "spoke", "."];
        let s2 = ["CLINTON", "WINS", "."];
        let s3 = ["Clinton", "said", "so", "."];
        let words: Vec<&[&str]> = vec![&s1, &s2, &s3];
        let mut labels = vec![
            vec![B(Kind::Per), I(Kind::Per), O, O],
            vec![B(Kind::Loc), O, O],
            vec![O, O, O, O],
        ];
        consistency(&words, &mut labels);
        assert_eq!(labels[1][0], B(Kind::Per));
        assert_eq!(labels[2][0], B(Kind::Per));
        assert_eq!(labels[0], vec![B(Kind::Per), I(Kind::Per), O, O]);
    }

    #[test]
    fn majority_kind_wins_only_with_a_clear_majority() {
        let a = ["Essex", "beat", "Kent"];
        let words: Vec<&[&str]> = vec![&a, &a, &a];
        let mut labels = vec![
            vec![B(Kind::Org), O, B(Kind::Org)],
            vec![B(Kind::Org), O, B(Kind::Loc)],
            vec![B(Kind::Loc), O, B(Kind::Per)],
        ];
        consistency(&words, &mut labels);
        // Essex: ORG 2 of 3 -> ORG everywhere; Kent: no majority, unchanged.
        assert!(labels.iter().all(|l| l[0] == B(Kind::Org)));
        assert_eq!(labels[1][2], B(Kind::Loc));
        assert_eq!(labels[2][2], B(Kind::Per));
    }

    #[test]
    fn results_rows_make_clubs_but_datelines_do_not() {
        let row = ["Leeds", "2", "Chelsea", "1"];
        let dateline = ["LEEDS", "1996-08-30"];
        let prose = ["Leeds", "won", "."];
        let words: Vec<&[&str]> = vec![&dateline, &row, &prose];
        let mut labels = vec![
            vec![B(Kind::Loc), O],
            vec![B(Kind::Loc), O, B(Kind::Org), O],
            vec![B(Kind::Loc), O, O],
        ];
        consistency(&words, &mut labels);
        assert_eq!(labels[1][0], B(Kind::Org));
        assert_eq!(
            labels[2][0],
            B(Kind::Org),
            "club named in a row is a club in prose"
        );
        assert!(is_score("4-43") && is_score(".556") && !is_score("1996-08-30"));
    }

    #[test]
    fn dateline_place_is_loc() {
        let w = ["LONGYEAR", ",", "Norway", "1996-08-30"];
        let mut l = vec![B(Kind::Per), O, B(Kind::Loc), O];
        dateline(&w, &mut l);
        assert_eq!(l, vec![B(Kind::Loc), O, B(Kind::Loc), O]);
        let mut l2 = vec![O, O, O];
        dateline(&["He", "said", "1996-08-30"], &mut l2);
        assert_eq!(l2, vec![O, O, O], "not all capitalised: not a dateline");
    }
}
