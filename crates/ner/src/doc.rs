//! Document-level consistency. The tagger reads one sentence at a time; in
//! news a name is often spelled out once and then shortened ("Bill Clinton"
//! ... "Clinton"), and one story names the same club or country many times.
//! After every sentence of a document is tagged, this pass makes the labels
//! of the same words agree across the document.

use crate::sentence_rules::{
    acronyms, ampersand_names, dateline, event_heads, hyphen_compounds, place_led_orgs,
    schedule_venue, untagged_row_clubs,
};
use crate::{spans, Kind, NerLabel};
use std::collections::BTreeMap;

/// Rule-based document consistency applied after tagging, in this order
/// (each was measured on the dev set, see docs/ner.md):
/// 1. per sentence: a wire dateline ("LONGYEAR , Norway 1996-08-30") opens
///    with a place (LOC); an acronym in brackets after a name takes its kind;
/// 2. in a results row (two or more scores), a place followed by a score is a
///    club (ORG), unless it is a country (national sides are LOC, as in CoNLL);
/// 3. an entity string tagged with different kinds in one document takes the
///    kind it gets most often, when that kind has a clear majority;
/// 4. a club found by rule 2 is ORG wherever the document names it, and the
///    first word of a company name ending in a designator ("Kia Motors") is
///    ORG when it stands alone as an entity of another kind;
/// 5. a capitalised token that is the last word of a multi-word person name
///    elsewhere in the document ("Clinton" after "Bill Clinton") and is tagged
///    O or as a one-word entity of another kind becomes PER.
pub(crate) fn consistency(words: &[&[&str]], labels: &mut [Vec<NerLabel>]) {
    let lower = |w: &str| w.to_lowercase();
    let key = |w: &[&str]| {
        w.iter()
            .map(|x| x.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let relabel = |l: &mut [NerLabel], r: std::ops::Range<usize>, k: Kind| {
        l[r.start] = NerLabel::B(k);
        for x in &mut l[r.start + 1..r.end] {
            *x = NerLabel::I(k);
        }
    };
    // Rules 1 and 2. Places fixed by rule 1 (datelines, schedule venues,
    // "Venue :" at the start of a results line) are kept by rules 3-5.
    let mut clubs: BTreeMap<String, usize> = BTreeMap::new();
    let mut fixed: Vec<Option<std::ops::Range<usize>>> = Vec::with_capacity(words.len());
    for (w, l) in words.iter().zip(labels.iter_mut()) {
        let f = if rule_on("FIX") {
            dateline(w, l).or_else(|| schedule_venue(w, l))
        } else {
            dateline(w, l);
            None
        };
        fixed.push(f);
        acronyms(w, l);
        if rule_on("HYPHEN") {
            hyphen_compounds(w, l);
        }
        if rule_on("AMP") {
            ampersand_names(w, l);
        }
        if rule_on("EVENTHEAD") {
            event_heads(w, l);
        }
        if rule_on("ORGHEAD") {
            place_led_orgs(w, l);
        }
        crate::sentence_rules::acting_org_places(w, l);
        crate::persons::title_persons(w, l);
        crate::persons::appositive_persons(w, l);
        if !crate::features::is_table_row(w)
            || w.iter().filter(|x| crate::features::is_score(x)).count() < 2
        {
            continue;
        }
        if rule_on("ROWCLUB") {
            untagged_row_clubs(w, l);
        }
        for (r, k) in spans(l) {
            let score_after = w.get(r.end).is_some_and(|x| crate::features::is_score(x));
            let phrase = w[r.clone()].join(" ");
            if matches!(k, Kind::Loc | Kind::Org)
                && score_after
                && !crate::gazetteer::is_country(&phrase)
            {
                *clubs.entry(phrase.to_lowercase()).or_default() += 1;
                relabel(l, r, Kind::Org);
            }
        }
    }
    crate::persons::party_persons(words, labels);
    // Document statistics for rules 3-5.
    const DESIGNATORS: &[&str] = &[
        "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "co", "co.", "plc", "ag", "sa", "nv",
        "group", "holdings", "bank", "motors", "airlines", "fc",
    ];
    let kidx = |k: Kind| Kind::ALL.iter().position(|&x| x == k).unwrap_or(0);
    let sports = crate::features::is_sports_doc(words);
    let mut votes: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut org_heads: BTreeMap<String, usize> = BTreeMap::new();
    let mut surnames: BTreeMap<String, usize> = BTreeMap::new();
    for (w, l) in words.iter().zip(labels.iter()) {
        for (r, k) in spans(l) {
            let last = lower(w[r.end - 1]);
            if k == Kind::Org && r.len() >= 2 && DESIGNATORS.contains(&last.as_str()) {
                *org_heads.entry(lower(w[r.start])).or_default() += 1;
            }
            if k == Kind::Per && r.len() >= 2 {
                *surnames.entry(last).or_default() += 1;
            }
            votes.entry(key(&w[r])).or_default()[kidx(k)] += 1;
        }
    }
    for (si, (w, l)) in words.iter().zip(labels.iter_mut()).enumerate() {
        let fix = fixed[si].clone();
        let is_fixed =
            |r: &std::ops::Range<usize>| fix.as_ref().is_some_and(|f| f.start == r.start);
        // Rule 3: majority kind of the same string.
        for (r, k) in spans(l) {
            if is_fixed(&r) {
                continue;
            }
            let Some(v) = votes.get(&key(&w[r.clone()])) else {
                continue;
            };
            let (best, &n) = v
                .iter()
                .enumerate()
                .max_by_key(|(i, n)| (**n, 4 - *i))
                .unwrap_or((0, &0));
            let total: usize = v.iter().sum();
            if best != kidx(k) && n * 2 > total && n >= 2 {
                relabel(l, r, Kind::ALL[best]);
            }
        }
        // Rule 4: clubs and company heads.
        for (r, k) in spans(l) {
            if is_fixed(&r) {
                continue;
            }
            let s = key(&w[r.clone()]);
            // "MINNESOTA AT MILWAUKEE": the home side after "at" is a place in CoNLL.
            let after_at = r.start > 0 && w[r.start - 1].eq_ignore_ascii_case("at");
            let club = k == Kind::Loc && clubs.contains_key(&s) && !after_at;
            // In sports news a known club's name is the club, unless it follows
            // "at" or "in" (a venue or home town).
            let after_in = r.start > 0 && w[r.start - 1].eq_ignore_ascii_case("in");
            let known_club =
                sports && k == Kind::Loc && !after_at && !after_in && club_gaz(&w[r.clone()]);
            let club = club || (known_club && rule_on("SPORTSCLUB"));
            let head = r.len() == 1 && k != Kind::Org && org_heads.contains_key(&s);
            if club || head {
                relabel(l, r, Kind::Org);
                continue;
            }
            // Sports leagues are MISC in CoNLL ("American League"); leagues that
            // are organisations ("Arab League") are in the ORG gazetteer.
            let league = sports
                && k == Kind::Org
                && r.len() >= 2
                && w[r.end - 1].eq_ignore_ascii_case("league")
                && crate::gazetteer::categories(&w[r.clone()].join(" ")) & crate::gazetteer::ORG
                    == 0;
            if league && rule_on("LEAGUE") {
                relabel(l, r.clone(), Kind::Misc);
            }
            // Outside sports news a name the gazetteers know only as a place
            // ("Virginia", "Washington Monument") is not a team: LOC.
            let phrase: Vec<&str> = w[r.clone()]
                .iter()
                .map(|x| crate::persons::bare(x))
                .collect();
            let c = crate::gazetteer::categories(&phrase.join(" "));
            let place_only = c & (crate::gazetteer::PLACE | crate::gazetteer::COUNTRY) != 0
                && c & (crate::gazetteer::ORG | crate::gazetteer::CLUB) == 0;
            if !sports && k == Kind::Org && place_only && rule_on("PLACEORG") {
                relabel(l, r, Kind::Loc);
            }
        }
        // Rule 5: surnames.
        for i in 0..w.len() {
            if !cap(w[i]) || !surnames.contains_key(&lower(w[i])) || is_fixed(&(i..i + 1)) {
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

/// A club-gazetteer name that is not a country (national sides are LOC).
fn club_gaz(w: &[&str]) -> bool {
    use crate::gazetteer::{categories, CLUB, COUNTRY};
    let c = categories(&w.join(" "));
    c & CLUB != 0 && c & COUNTRY == 0
}

/// Rules can be switched off for ablation runs with
/// `NER_RULES_OFF=NAME,NAME` (read once): TITLE, APPOS, PARTY, HYPHENPER,
/// MAJORNAME, GOVSAYS, PLACEORG, FIX, HYPHEN, HYPHENSPLIT, AMP,
/// EVENTHEAD, ORGHEAD, ROWCLUB, SPORTSCLUB, LEAGUE, MAJOR, GAZORG.
pub(crate) fn rule_on(name: &str) -> bool {
    static OFF: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let off = OFF.get_or_init(|| {
        std::env::var("NER_RULES_OFF")
            .map(|v| v.split(',').map(str::to_string).collect())
            .unwrap_or_default()
    });
    !off.iter().any(|x| x == name)
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
    fn place_only_names_are_not_orgs_outside_sports() {
        let s1 = ["Voters", "in", "Virginia's", "suburbs", "decide", "."];
        let words: Vec<&[&str]> = vec![&s1];
        let mut labels = vec![vec![O, O, B(Kind::Org), O, O, O]];
        consistency(&words, &mut labels);
        assert_eq!(labels[0][2], B(Kind::Loc));
    }

    #[test]
    fn majority_kind_wins_only_with_a_clear_majority() {
        let a = ["Essex", "met", "Kent"];
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
        assert!(
            crate::features::is_score("4-43")
                && crate::features::is_score(".556")
                && !crate::features::is_score("1996-08-30")
        );
    }

    #[test]
    fn sports_news_makes_known_clubs_org_but_not_after_at() {
        let a = ["SOCCER", "-", "LEEDS", "BEAT", "CHELSEA"];
        let b = ["Leeds", "scored", "twice", "at", "Chelsea", "."];
        let words: Vec<&[&str]> = vec![&a, &b];
        let mut labels = vec![
            vec![O, O, B(Kind::Loc), O, B(Kind::Org)],
            vec![B(Kind::Loc), O, O, O, B(Kind::Loc), O],
        ];
        consistency(&words, &mut labels);
        assert_eq!(labels[0][2], B(Kind::Org));
        assert_eq!(labels[1][0], B(Kind::Org));
        assert_eq!(labels[1][4], B(Kind::Loc), "after 'at': the venue");
    }

    #[test]
    fn venues_stay_places() {
        let a = ["ATLANTA", "AT", "CHICAGO"];
        let b = ["Chicago", "2", "Atlanta", "1"];
        let words: Vec<&[&str]> = vec![&a, &b];
        let mut labels = vec![
            vec![B(Kind::Org), O, B(Kind::Org)],
            vec![B(Kind::Org), O, B(Kind::Org), O],
        ];
        consistency(&words, &mut labels);
        assert_eq!(labels[0], vec![B(Kind::Org), O, B(Kind::Loc)]);
        assert_eq!(labels[1][0], B(Kind::Org), "a club in the results row");
    }

    #[test]
    fn sports_leagues_are_misc() {
        let a = ["BASEBALL", "-", "AMERICAN", "LEAGUE", "RESULTS"];
        let b = ["The", "Arab", "League", "met", "after", "the", "match", "."];
        let words: Vec<&[&str]> = vec![&a, &b];
        let mut labels = vec![
            vec![O, O, B(Kind::Org), I(Kind::Org), O],
            vec![O, B(Kind::Org), I(Kind::Org), O, O, O, O, O],
        ];
        consistency(&words, &mut labels);
        assert_eq!(labels[0][2], B(Kind::Misc));
        assert_eq!(
            labels[1][1],
            B(Kind::Org),
            "an organisation in the gazetteer"
        );
    }
}
