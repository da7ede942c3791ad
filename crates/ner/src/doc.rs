//! Document-level consistency. The tagger reads one sentence at a time; in
//! news a name is often spelled out once and then shortened ("Bill Clinton"
//! ... "Clinton"), and one story names the same club or country many times.
//! After every sentence of a document is tagged, this pass makes the labels
//! of the same words agree across the document.

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
                relabel(l, r, Kind::Misc);
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

/// In a results row, a capitalised word the tagger left out that stands
/// before a score, at the start of the row or after another score
/// ("Lotte 6 Hyundai 2"), is a team. (Rule 2 then decides club or country.)
fn untagged_row_clubs(w: &[&str], l: &mut [NerLabel]) {
    const NOT_TEAMS: &[&str] = &[
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
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
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
        "the",
        "and",
        "at",
        "v",
        "vs",
        "total",
        "points",
        "round",
    ];
    let cap = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
    let mut i = 0;
    while i < w.len() {
        let boundary = i == 0 || crate::features::is_score(w[i - 1]);
        let mut j = i;
        while j < w.len()
            && l[j] == NerLabel::O
            && cap(w[j])
            && w[j].chars().count() > 1
            && w[j]
                .chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '-')
            && !NOT_TEAMS.contains(&w[j].to_lowercase().as_str())
        {
            j += 1;
        }
        if boundary && j > i && w.get(j).is_some_and(|x| crate::features::is_score(x)) {
            l[i] = NerLabel::B(Kind::Org);
            for x in &mut l[i + 1..j] {
                *x = NerLabel::I(Kind::Org);
            }
        }
        i = j.max(i + 1);
    }
}

/// A club-gazetteer name that is not a country (national sides are LOC).
fn club_gaz(w: &[&str]) -> bool {
    use crate::gazetteer::{categories, CLUB, COUNTRY};
    let c = categories(&w.join(" "));
    c & CLUB != 0 && c & COUNTRY == 0
}

/// Rules can be switched off for ablation runs with
/// `NER_RULES_OFF=NAME,NAME` (read once): FIX, HYPHEN, HYPHENSPLIT, AMP,
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

/// Capitalised name + hyphen + lower-case word ("Paris-based", "Kremlin-backed")
/// is MISC in CoNLL's convention, together with a name it continues ("New
/// York-based"). Only when the name part is a known name (gazetteer) or the
/// token is not sentence-initial ("Long-term" at a sentence start is not).
fn hyphen_compounds(w: &[&str], l: &mut [NerLabel]) {
    for i in 0..w.len() {
        let Some((head, tail)) = w[i].split_once('-') else {
            continue;
        };
        let capital = head.chars().next().is_some_and(char::is_uppercase)
            && head.chars().all(|c| c.is_alphabetic() || c == '.');
        let lower_tail = !tail.is_empty() && tail.chars().all(|c| c.is_ascii_lowercase());
        if !capital || !lower_tail || (i == 0 && crate::gazetteer::categories(head) == 0) {
            continue;
        }
        if matches!(l.get(i + 1), Some(NerLabel::I(_))) {
            // "Ohio-based KeyCorp" read as one name: split it; what is
            // "-based" somewhere is an organisation.
            if let NerLabel::B(k) = l[i] {
                if rule_on("HYPHENSPLIT") {
                    l[i] = NerLabel::B(Kind::Misc);
                    let k = if tail == "based" { Kind::Org } else { k };
                    l[i + 1] = NerLabel::B(k);
                    let mut j = i + 2;
                    while matches!(l.get(j), Some(NerLabel::I(_))) {
                        l[j] = NerLabel::I(k);
                        j += 1;
                    }
                }
            }
            continue;
        }
        // The entity this token ends or continues, if any.
        let mut start = i;
        let touching = match l[i] {
            NerLabel::O => i > 0 && l[i - 1] != NerLabel::O,
            NerLabel::I(_) => true,
            NerLabel::B(_) => false,
        };
        if touching {
            let mut s = i - 1;
            while s > 0 && !matches!(l[s], NerLabel::B(_)) {
                s -= 1;
            }
            // "New York-based" continues the name; "Ukraine US-backed" does not.
            let joined = format!("{} {head}", w[s..i].join(" "));
            if l[i] != NerLabel::O || crate::gazetteer::categories(&joined) != 0 {
                start = s;
            }
        }
        l[start] = NerLabel::B(Kind::Misc);
        for x in &mut l[start + 1..=i] {
            *x = NerLabel::I(Kind::Misc);
        }
    }
}

/// Words that end an organisation's name.
const ORG_HEADS: &[&str] = &[
    "exchange",
    "university",
    "association",
    "bank",
    "board",
    "council",
    "committee",
    "corp",
    "corp.",
    "co",
    "co.",
    "inc",
    "inc.",
    "ltd",
    "plc",
    "authority",
    "institute",
    "college",
    "group",
    "party",
    "union",
    "federation",
    "agency",
    "commission",
    "company",
    "airlines",
    "newsroom",
    "newsdesk",
    "desk",
    "times",
    "post",
    "herald",
    "journal",
    "tribune",
    "daily",
    "police",
    "traders",
    "managers",
    "ministry",
    "department",
    "court",
    "fund",
    "foundation",
    "society",
    "club",
    "museum",
    "orchestra",
    "airways",
    "railways",
    "services",
    "trust",
];

/// "New York Mercantile Exchange", "Dublin Newsroom", "Toronto Bond Traders '
/// Association": a place followed by capitalised words that end in an
/// organisation's head word is all one organisation.
fn place_led_orgs(w: &[&str], l: &mut [NerLabel]) {
    let cap = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
    let mut done = 0;
    for (r, k) in spans(l) {
        if k != Kind::Loc || r.start < done {
            continue;
        }
        let mut end = r.end;
        let mut head_end = None;
        while end < w.len() && (cap(w[end]) || w[end] == "'" || (w[end] == "and" && end > r.end)) {
            if matches!(l[end], NerLabel::B(Kind::Per) | NerLabel::B(Kind::Misc)) {
                break;
            }
            if ORG_HEADS.contains(&w[end].to_lowercase().as_str()) {
                head_end = Some(end + 1);
            }
            end += 1;
        }
        let Some(e) = head_end else { continue };
        if matches!(l.get(e), Some(NerLabel::I(_))) {
            continue;
        }
        l[r.start] = NerLabel::B(Kind::Org);
        for x in &mut l[r.start + 1..e] {
            *x = NerLabel::I(Kind::Org);
        }
        done = e;
    }
}

/// Words that end the name of a tournament or race.
const EVENT_HEADS: &[&str] = &[
    "open",
    "championship",
    "championships",
    "cup",
    "trophy",
    "classic",
    "masters",
    "marathon",
    "games",
    "tournament",
    "rally",
    "prix",
    "invitational",
    "derby",
    "stakes",
];

/// "German Open", "Tiger Cup": a tournament head word right after a name (or
/// a capitalised word) makes the whole a MISC event, as CoNLL tags it.
fn event_heads(w: &[&str], l: &mut [NerLabel]) {
    let cap = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
    let headline = crate::features::all_caps_sentence(w);
    for i in 1..w.len() {
        if l[i] != NerLabel::O || !cap(w[i]) || !EVENT_HEADS.contains(&w[i].to_lowercase().as_str())
        {
            continue;
        }
        if matches!(w.get(i + 1), Some(x) if cap(x)) && !headline {
            continue; // "Open University": the name goes on
        }
        if headline && l[i - 1] == NerLabel::O {
            continue; // capitals say nothing in a headline: "HIGH STAKES"
        }
        let mut start = i;
        if l[i - 1] != NerLabel::O {
            start = i - 1;
            while start > 0 && !matches!(l[start], NerLabel::B(_)) {
                start -= 1;
            }
        } else {
            while start > 0
                && l[start - 1] == NerLabel::O
                && cap(w[start - 1])
                && !matches!(w[start - 1].to_lowercase().as_str(), "the" | "a" | "an")
                && (start - 1 > 0 || crate::gazetteer::categories(w[0]) != 0)
            {
                start -= 1;
            }
        }
        if start == i {
            continue;
        }
        if l[start].kind() == Some(Kind::Org) {
            continue; // a club's cup run: "Leeds Cup" is rarer than "Leeds won the cup"
        }
        l[start] = NerLabel::B(Kind::Misc);
        for x in &mut l[start + 1..=i] {
            *x = NerLabel::I(Kind::Misc);
        }
    }
}

/// "Douglas & Lomason Co", "Procter & Gamble": capitalised words joined by
/// "&" are one organisation (one place when both sides are places:
/// "Trinidad & Tobago").
fn ampersand_names(w: &[&str], l: &mut [NerLabel]) {
    let cap = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
    for i in 1..w.len().saturating_sub(1) {
        if w[i] != "&" || !cap(w[i - 1]) || !cap(w[i + 1]) {
            continue;
        }
        let mut start = i - 1;
        while start > 0 && matches!(l[start], NerLabel::I(_)) {
            start -= 1;
        }
        if l[start] == NerLabel::O {
            // A capitalised run before "&" that the tagger left out.
            while start > 0 && cap(w[start - 1]) && l[start - 1] == NerLabel::O {
                start -= 1;
            }
        }
        let mut end = i + 2;
        while end < w.len()
            && (matches!(l[end], NerLabel::I(_)) || (l[end] == NerLabel::O && cap(w[end])))
        {
            end += 1;
        }
        let left = l[start].kind();
        let right = l[i + 1].kind();
        let k = if left == Some(Kind::Loc) && right == Some(Kind::Loc) {
            Kind::Loc
        } else {
            Kind::Org
        };
        l[start] = NerLabel::B(k);
        for x in &mut l[start + 1..end] {
            *x = NerLabel::I(k);
        }
    }
}

/// A dateline is at most six tokens: a capitalised place, optionally a comma
/// and a region or country, then an ISO date. Its place is LOC.
fn dateline(w: &[&str], l: &mut [NerLabel]) -> Option<std::ops::Range<usize>> {
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
        return None;
    }
    let end = w[..n - 1].iter().position(|x| *x == ",").unwrap_or(n - 1);
    let capital = |x: &&str| x.chars().next().is_some_and(char::is_uppercase);
    if end == 0 || !w[..end].iter().all(capital) {
        return None;
    }
    l[0] = NerLabel::B(Kind::Loc);
    for x in &mut l[1..end] {
        *x = NerLabel::I(Kind::Loc);
    }
    if matches!(l.get(end), Some(NerLabel::I(_))) {
        l[end] = NerLabel::O;
    }
    Some(0..end)
}

/// The venue of a fixture: "ATLANTA AT CHICAGO" (a short line of capitalised
/// words around "AT": CoNLL tags the home side as the place), or "Leicester :"
/// tagged LOC at the start of a results line. Returns the fixed span.
fn schedule_venue(w: &[&str], l: &mut [NerLabel]) -> Option<std::ops::Range<usize>> {
    let capital = |x: &&str| x.chars().next().is_some_and(char::is_uppercase);
    if let Some(at) = w.iter().position(|x| *x == "AT") {
        let short = w.len() <= 10 && at >= 1 && at + 1 < w.len();
        if short && w.iter().enumerate().all(|(i, x)| i == at || capital(x)) {
            l[at + 1] = NerLabel::B(Kind::Loc);
            for x in &mut l[at + 2..] {
                *x = NerLabel::I(Kind::Loc);
            }
            l[at] = NerLabel::O;
            return Some(at + 1..w.len());
        }
    }
    let first = spans(l).into_iter().next()?;
    if first.0.start == 0 && first.1 == Kind::Loc && w.get(first.0.end) == Some(&":") {
        return Some(first.0);
    }
    None
}

/// An acronym in brackets right after a name ("National Association
/// of Purchasing Management ( NAPM )") is the same kind of entity.
fn acronyms(w: &[&str], l: &mut [NerLabel]) {
    for (r, k) in spans(l) {
        let (Some(&"("), Some(x), Some(&")")) = (w.get(r.end), w.get(r.end + 1), w.get(r.end + 2))
        else {
            continue;
        };
        let acro = (2..=8).contains(&x.len()) && x.chars().all(|c| c.is_ascii_uppercase());
        let first = |s: &str| s.chars().next();
        if acro && r.len() >= 2 && first(x) == first(w[r.start]) {
            l[r.end + 1] = NerLabel::B(k);
        }
    }
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
    fn ampersand_and_hyphen_compounds() {
        let w = ["Shares", "of", "Douglas", "&", "Lomason", "Co", "rose"];
        let mut l = vec![O, O, B(Kind::Per), O, B(Kind::Per), O, O];
        ampersand_names(&w, &mut l);
        assert_eq!(
            l,
            vec![
                O,
                O,
                B(Kind::Org),
                I(Kind::Org),
                I(Kind::Org),
                I(Kind::Org),
                O
            ]
        );
        let w = [
            "the",
            "Ohio-based",
            "KeyCorp",
            "and",
            "the",
            "Paris-based",
            "bank",
        ];
        let mut l = vec![O, B(Kind::Per), I(Kind::Per), O, O, O, O];
        hyphen_compounds(&w, &mut l);
        assert_eq!(
            l,
            vec![O, B(Kind::Misc), B(Kind::Org), O, O, B(Kind::Misc), O]
        );
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
    fn place_led_organisations() {
        let w = [
            "on",
            "the",
            "New",
            "York",
            "Mercantile",
            "Exchange",
            "in",
            "London",
            ".",
        ];
        let mut l = vec![
            O,
            O,
            B(Kind::Loc),
            I(Kind::Loc),
            B(Kind::Org),
            I(Kind::Org),
            O,
            B(Kind::Loc),
            O,
        ];
        place_led_orgs(&w, &mut l);
        assert_eq!(
            l,
            vec![
                O,
                O,
                B(Kind::Org),
                I(Kind::Org),
                I(Kind::Org),
                I(Kind::Org),
                O,
                B(Kind::Loc),
                O
            ]
        );
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

    #[test]
    fn acronym_in_brackets_takes_the_kind() {
        let w = ["National", "Rifle", "Association", "(", "NRA", ")"];
        let mut l = vec![B(Kind::Org), I(Kind::Org), I(Kind::Org), O, B(Kind::Per), O];
        acronyms(&w, &mut l);
        assert_eq!(l[4], B(Kind::Org));
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
