use super::*;
use proptest::prelude::*;

/// A made-up wire story, long enough for shingles to be meaningful.
const WIRE: &str = "The city council of Riverton voted on Tuesday to close the old harbour bridge \
for eighteen months of repairs, after engineers found corrosion in three of its steel supports. \
Mayor Elena Brooks said the decision was painful but necessary, and that a free ferry service \
would run every twenty minutes while the work goes on. Shop owners on the north bank warned that \
the closure could cut their trade by a third, and asked the council for temporary relief on local \
taxes. The council agreed to study the request and report back in a month. The bridge, built in \
1932, carries about fourteen thousand vehicles a day. Engineers said the repairs would cost an \
estimated 41 million dollars, most of it paid by the state. A first inspection last spring had \
found only minor damage, but a second survey in the autumn showed that the corrosion had spread \
faster than expected along the eastern side of the structure.";

const LEAD: &str =
    "Commuters in our region face a long year. Riverton Daily has learned that many \
families on the north bank are already planning new routes to schools and hospitals, and several \
employers said they would allow staff to work from home on some days of the week.";

const UNRELATED: &str =
    "A late goal from the young striker gave the visiting side a narrow win on \
Saturday evening, lifting the club out of the relegation places for the first time since October. \
The home coach blamed the heavy pitch and a string of injuries, and said his team had deserved at \
least a draw after dominating possession for most of the second half. Fans booed the referee as \
the players left the field, and the league said it would review the penalty decision.";

fn cfg() -> DedupConfig {
    DedupConfig::default()
}

#[test]
fn exact_copy_ignores_case_whitespace_and_punctuation() {
    let shouty = WIRE
        .to_uppercase()
        .replace(". ", " .\n\n  ")
        .replace(',', "");
    let links = find_copies(&[WIRE, UNRELATED, &shouty], &cfg());
    assert_eq!(
        links,
        vec![CopyLink {
            copy: 2,
            original: 0,
            kind: CopyKind::Exact,
            score: 1.0
        }]
    );
}

#[test]
fn light_edits_are_near_duplicates() {
    let edited = WIRE
        .replace("Tuesday", "Tuesday night")
        .replace("painful", "difficult")
        .replace("a third", "one third");
    let links = find_copies(&[WIRE, &edited], &cfg());
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].kind, CopyKind::Near);
    assert_eq!((links[0].copy, links[0].original), (1, 0));
    assert!(links[0].score >= 0.7 && links[0].score < 1.0);
}

#[test]
fn reprint_with_added_lead_and_trimmed_version_are_contained() {
    // A long added lead: the reprint contains all of the wire story but is far
    // from equal to it, so it is a containment, not a near-duplicate.
    let with_lead = format!("{LEAD}\n\n{UNRELATED}\n\n{WIRE}");
    // Trimmed: only the first half of the wire story.
    let cut = WIRE
        .char_indices()
        .nth(WIRE.len() / 2)
        .map_or(0, |(i, _)| i);
    let trimmed = &WIRE[..cut];
    let docs = ["An unrelated note.", WIRE, with_lead.as_str(), trimmed];
    let links = find_copies(&docs, &cfg());
    assert_eq!(links.len(), 2, "{links:?}");
    let by_copy: HashMap<usize, &CopyLink> = links.iter().map(|l| (l.copy, l)).collect();
    let lead_link = by_copy[&2];
    assert_eq!(lead_link.original, 1);
    assert_eq!(lead_link.kind, CopyKind::Contained);
    assert!(lead_link.score >= 0.99);
    let trim_link = by_copy[&3];
    assert_eq!(trim_link.original, 1, "links to the earliest text it is in");
    assert_eq!(trim_link.kind, CopyKind::Contained);
}

#[test]
fn short_added_lead_is_a_near_duplicate() {
    // One short paragraph on a long story keeps Jaccard above the near
    // threshold, and near ranks before contained.
    let with_lead = format!("{LEAD}\n\n{WIRE}");
    let links = find_copies(&[WIRE, &with_lead], &cfg());
    assert_eq!(links.len(), 1);
    assert_eq!(
        (links[0].copy, links[0].original, links[0].kind),
        (1, 0, CopyKind::Near)
    );
}

#[test]
fn unrelated_and_same_topic_texts_are_not_copies() {
    let rewrite = "Riverton will shut its harbour bridge for a year and a half. Corroded steel \
        supports were discovered by inspectors, officials explained, so a ferry will replace the \
        crossing. Traders fear losing business and want tax breaks.";
    let links = find_copies(&[WIRE, UNRELATED, rewrite, LEAD], &cfg());
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn exact_beats_near_and_earliest_original_wins() {
    let edited = WIRE.replace("painful", "difficult");
    // 0: original, 1: near copy of 0, 2: exact copy of 1 (must link to 1 as exact, not 0 as near).
    let links = find_copies(&[WIRE, &edited, &edited.to_lowercase()], &cfg());
    assert_eq!(links.len(), 2);
    assert_eq!(
        (links[0].copy, links[0].original, links[0].kind),
        (1, 0, CopyKind::Near)
    );
    assert_eq!(
        (links[1].copy, links[1].original, links[1].kind),
        (2, 1, CopyKind::Exact)
    );
}

#[test]
fn empty_texts_are_ignored_and_ids_are_not_re_added() {
    let mut idx = DedupIndex::new(cfg());
    let empty = signature("  ... ", &cfg());
    assert!(empty.is_empty());
    assert_eq!(idx.add(0, &empty), None);
    assert_eq!(idx.add(1, &empty), None);
    let s = signature(WIRE, &cfg());
    assert_eq!(idx.add(7, &s), None);
    assert_eq!(
        idx.add(7, &s),
        None,
        "same id twice is not a copy of itself"
    );
    assert_eq!(idx.len(), 1);
    let l = idx.add(3, &s).map(|l| (l.original, l.kind));
    assert_eq!(
        l,
        Some((7, CopyKind::Exact)),
        "earliest means first added, not lowest id"
    );
}

#[test]
fn oldest_documents_are_forgotten_beyond_max_docs() {
    let cfg = DedupConfig {
        max_docs: 2,
        ..cfg()
    };
    let mut idx = DedupIndex::new(cfg.clone());
    assert_eq!(idx.add(0, &signature(WIRE, &cfg)), None);
    assert_eq!(idx.add(1, &signature(LEAD, &cfg)), None);
    assert_eq!(idx.add(2, &signature(UNRELATED, &cfg)), None);
    assert_eq!(idx.len(), 2);
    // The wire story (0) was evicted; the lead (1) is still there.
    assert_eq!(idx.add(3, &signature(WIRE, &cfg)), None);
    let l = idx
        .add(4, &signature(LEAD, &cfg))
        .map(|l| (l.original, l.kind));
    assert_eq!(l, None, "adding 3 evicted the lead (1)");
    let l = idx
        .add(5, &signature(WIRE, &cfg))
        .map(|l| (l.original, l.kind));
    assert_eq!(l, Some((3, CopyKind::Exact)));
}

#[test]
fn signature_round_trips_through_json() {
    let s = signature(WIRE, &cfg());
    assert_eq!(s.minhash.len(), 128);
    let back: Signature = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}

#[test]
fn signature_is_deterministic() {
    assert_eq!(signature(WIRE, &cfg()), signature(WIRE, &cfg()));
    assert_ne!(signature(WIRE, &cfg()).exact, signature(LEAD, &cfg()).exact);
}

#[test]
fn short_texts_get_one_shingle() {
    let s = signature("Bridge closed", &cfg());
    assert_eq!(s.shingles.len(), 1);
    let links = find_copies(&["Bridge closed", "bridge, CLOSED!"], &cfg());
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].kind, CopyKind::Exact);
}

proptest! {
    #[test]
    fn doc_is_exact_copy_of_itself_with_case_and_space_changes(
        words in proptest::collection::vec("[a-zA-Z0-9éü]{1,8}", 1..60),
        seps in proptest::collection::vec(prop_oneof![Just(" "), Just("  "), Just("\n"), Just("\t"), Just(" \n\n ")], 60),
        upper in proptest::bool::ANY,
    ) {
        let a = words.join(" ");
        let mut b = String::new();
        for (w, s) in words.iter().zip(&seps) {
            b.push_str(s);
            b.push_str(&if upper { w.to_uppercase() } else { w.to_lowercase() });
        }
        let links = find_copies(&[&a, &b], &cfg());
        prop_assert_eq!(links.len(), 1);
        prop_assert_eq!(links[0].kind, CopyKind::Exact);
        prop_assert_eq!((links[0].copy, links[0].original), (1, 0));
    }
}

proptest! {
    /// Folding run by run is exactly folding the whole text.
    #[test]
    fn fold_runs_is_fold(s in "[a-zA-Z `'’‘—–é\u{301}\u{327}\u{316}ΣσςÅﬁ한글ß0-9 .,-]{0,60}") {
        prop_assert_eq!(fold_runs(&s), rashomon_text::fold(&s));
    }
}

#[test]
fn exact_hash_is_the_hash_of_the_joined_words() {
    let sig = signature(WIRE, &DedupConfig::default());
    let joined = normalized_words(WIRE).join(" ");
    assert_eq!(sig.exact, xxhash_rust::xxh3::xxh3_64(joined.as_bytes()));
    assert_eq!(
        signature("", &DedupConfig::default()).exact,
        xxhash_rust::xxh3::xxh3_64(b"")
    );
}
