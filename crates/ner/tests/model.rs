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
