//! Per-sentence rules of the document pass that fix CoNLL conventions the
//! tagger cannot learn from its training data: datelines and fixture venues
//! (LOC), acronyms in brackets, hyphenated names ("Paris-based": MISC),
//! names joined by "&" (ORG), tournament names ("German Open": MISC),
//! place-led organisations ("New York Mercantile Exchange": ORG) and teams
//! the tagger left out in results rows. Called from `doc::consistency`.

use crate::doc::rule_on;
use crate::{spans, Kind, NerLabel};

/// In a results row, a capitalised word the tagger left out that stands
/// before a score, at the start of the row or after another score
/// ("Lotte 6 Hyundai 2"), is a team. (Rule 2 then decides club or country.)
pub(crate) fn untagged_row_clubs(w: &[&str], l: &mut [NerLabel]) {
    // Calendar words (crate::train::is_calendar_word) are not teams either.
    const NOT_TEAMS: &[&str] = &["the", "and", "at", "v", "vs", "total", "points", "round"];
    let is_not_team =
        |lower: &str| crate::train::is_calendar_word(lower) || NOT_TEAMS.contains(&lower);
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
            && !is_not_team(&w[j].to_lowercase())
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

/// `GOVSAYS`: a place that is also an organisation in the gazetteers ("White
/// House") acting or speaking ("the White House announced", "White House
/// spokesman") is the organisation, as in CoNLL. Countries are left alone.
pub(crate) fn acting_org_places(w: &[&str], l: &mut [NerLabel]) {
    use crate::gazetteer::{categories, COUNTRY, ORG};
    const ACTS: &[&str] = &[
        "said",
        "says",
        "announced",
        "confirmed",
        "denied",
        "wanted",
        "declined",
        "issued",
        "released",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "aide",
        "aides",
        "statement",
        "staff",
        "counsel",
        "adviser",
        "advisers",
        "press",
    ];
    if !rule_on("GOVSAYS") {
        return;
    }
    for (r, k) in crate::spans(l) {
        let next = w.get(r.end).copied().unwrap_or("");
        // "The White House is saying", "has said".
        let aux_say = matches!(next, "is" | "was" | "has" | "had")
            && w.get(r.end + 1)
                .is_some_and(|x| matches!(*x, "saying" | "said" | "announced" | "confirmed"));
        if k != Kind::Loc || !(ACTS.contains(&next) || aux_say) {
            continue;
        }
        let c = categories(&w[r.clone()].join(" "));
        if c & ORG != 0 && c & COUNTRY == 0 {
            l[r.start] = NerLabel::B(Kind::Org);
            for x in &mut l[r.start + 1..r.end] {
                *x = NerLabel::I(Kind::Org);
            }
        }
    }
}

/// Capitalised name + hyphen + lower-case word ("Paris-based", "Kremlin-backed")
/// is MISC in CoNLL's convention, together with a name it continues ("New
/// York-based"). Only when the name part is a known name (gazetteer) or the
/// token is not sentence-initial ("Long-term" at a sentence start is not).
pub(crate) fn hyphen_compounds(w: &[&str], l: &mut [NerLabel]) {
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
        // "Ban Ki-moon", "Park Geun-hye": part of a person's name, not a compound.
        if l[i] == NerLabel::I(Kind::Per) && rule_on("HYPHENPER") {
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
pub(crate) fn place_led_orgs(w: &[&str], l: &mut [NerLabel]) {
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
pub(crate) fn event_heads(w: &[&str], l: &mut [NerLabel]) {
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
pub(crate) fn ampersand_names(w: &[&str], l: &mut [NerLabel]) {
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
pub(crate) fn dateline(w: &[&str], l: &mut [NerLabel]) -> Option<std::ops::Range<usize>> {
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
pub(crate) fn schedule_venue(w: &[&str], l: &mut [NerLabel]) -> Option<std::ops::Range<usize>> {
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
pub(crate) fn acronyms(w: &[&str], l: &mut [NerLabel]) {
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
    fn acting_org_place_is_org() {
        let w = ["the", "White", "House", "announced", "it"];
        let mut l = vec![O, B(Kind::Loc), I(Kind::Loc), O, O];
        acting_org_places(&w, &mut l);
        assert_eq!(l[1], B(Kind::Org));
        let w = ["visited", "the", "White", "House", "on", "Wednesday"];
        let mut l = vec![O, O, B(Kind::Loc), I(Kind::Loc), O, O];
        acting_org_places(&w, &mut l);
        assert_eq!(l[2], B(Kind::Loc));
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
