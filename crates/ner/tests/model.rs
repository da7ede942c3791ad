//! Model round-trip and robustness of `tag`.

use proptest::prelude::*;
use rashomon_ner::{NerLabel, NerModel};

fn words_of(s: &[String]) -> Vec<&str> {
    s.iter().map(String::as_str).collect()
}

#[test]
fn save_load_roundtrip_gives_same_tags() {
    let m = NerModel::builtin();
    let bytes = m.to_bytes();
    let back = NerModel::load(&bytes).expect("reload");
    let sents = [
        vec![
            "Donald",
            "Trump",
            "met",
            "Vladimir",
            "Putin",
            "in",
            "Anchorage",
            ",",
            "Alaska",
            ".",
        ],
        vec![
            "NATO", "and", "the", "European", "Union", "backed", "Kyiv", ".",
        ],
        vec!["SOCCER", "-", "LEEDS", "BEAT", "CHELSEA", "2-1"],
    ];
    for s in &sents {
        assert_eq!(m.tag(s), back.tag(s));
    }
    assert_eq!(back.to_bytes(), bytes, "serialisation is deterministic");
}

#[test]
fn load_rejects_garbage() {
    assert!(NerModel::load(b"nope").is_err());
    assert!(NerModel::load(b"RNER\x01\x00\x00\x00garbage").is_err());
    let mut good = NerModel::builtin().to_bytes();
    good.truncate(good.len() / 2);
    assert!(NerModel::load(&good).is_err());
}

#[test]
fn a_lone_name_after_in_is_a_place_but_a_possessive_stays_a_person() {
    use rashomon_ner::{Kind, NerModel};
    let m = NerModel::builtin();
    let words = [
        "Officials",
        "in",
        "Greywell",
        "said",
        "the",
        "road",
        "was",
        "closed",
        ".",
    ];
    assert_eq!(m.entities(&words), vec![(2..3, Kind::Loc)]);
    let words = [
        "In", "Obama", "'s", "view", ",", "the", "deal", "failed", ".",
    ];
    assert!(
        m.entities(&words).iter().all(|(_, k)| *k != Kind::Loc),
        "{:?}",
        m.entities(&words)
    );
}

#[test]
fn empty_input() {
    assert!(NerModel::builtin().tag(&[]).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn tag_never_panics_and_is_valid_bio(words in prop::collection::vec("\\PC{0,12}", 0..40)) {
        let w = words_of(&words);
        let tags = NerModel::builtin().tag(&w);
        prop_assert_eq!(tags.len(), w.len());
        let mut prev = NerLabel::O;
        for t in tags {
            prop_assert!(prev.can_precede(t), "{} after {}", t, prev);
            prev = t;
        }
    }
}

#[test]
fn document_api_matches_sentence_api_for_one_sentence() {
    let m = NerModel::builtin();
    let s = [
        "Vladimir",
        "Putin",
        "met",
        "Donald",
        "Trump",
        "in",
        "Anchorage",
        ".",
    ];
    assert_eq!(m.tag_document(&[&s[..]]), vec![m.tag(&s)]);
    assert_eq!(m.entities_in_document(&[&s[..]])[0], m.entities(&s));
    assert!(m.tag_document::<&[&str]>(&[]).is_empty());
    // An empty sentence inside a document keeps its place.
    let doc: Vec<Vec<&str>> = vec![s.to_vec(), vec![], vec!["Putin", "left", "."]];
    let tags = m.tag_document(&doc);
    assert_eq!(tags.len(), 3);
    assert!(tags[1].is_empty());
}

#[test]
fn document_pass_types_a_lone_surname_as_person() {
    let m = NerModel::builtin();
    let doc = vec![
        vec![
            "Jeff", "Tarango", "of", "the", "United", "States", "won", ".",
        ],
        vec!["TARANGO", "WINS", "AGAIN"],
    ];
    let ents = m.entities_in_document(&doc);
    assert!(
        ents[1].contains(&(0..1, rashomon_ner::Kind::Per)),
        "{ents:?}"
    );
}
