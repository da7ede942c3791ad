//! The seed reports' key names must come out with the right types.

use rashomon_ner::{simple_tokenize, Kind, NerModel};
use std::collections::BTreeSet;

fn shared() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

/// (surface, kind) of every entity the builtin model finds in the seeds.
fn seed_entities() -> Option<BTreeSet<(String, Kind)>> {
    let dir = shared().join("corpus/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("SKIP: {} not found", dir.display());
        return None;
    };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let model = NerModel::builtin();
    let mut found = BTreeSet::new();
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        for line in text.lines() {
            let toks = simple_tokenize(line);
            for sent in toks.split_inclusive(|t| matches!(*t, "." | "!" | "?")) {
                for (r, k) in model.entities(sent) {
                    found.insert((sent[r].join(" "), k));
                }
            }
        }
    }
    Some(found)
}

#[test]
fn seed_names_are_typed() {
    let Some(found) = seed_entities() else { return };
    let has = |s: &str, k: Kind| found.contains(&(s.to_string(), k));
    let missing: Vec<&str> = [
        ("Kyiv", Kind::Loc),
        ("NATO", Kind::Org),
        ("White House", Kind::Org),
        ("Joint Base Elmendorf-Richardson", Kind::Loc),
    ]
    .iter()
    .filter(|(s, k)| !has(s, *k))
    .map(|(s, _)| *s)
    .collect();
    eprintln!("seed entities: {found:?}");
    assert!(missing.is_empty(), "missing {missing:?}; found {found:?}");
    let zel = found
        .iter()
        .any(|(s, k)| *k == Kind::Per && (s.ends_with("Zelensky") || s.ends_with("Zelenskyy")));
    assert!(zel, "no Zelensky(y) as PER in {found:?}");
    assert!(
        !found.iter().any(|(s, k)| s == "Kyiv" && *k == Kind::Per),
        "Kyiv tagged PER"
    );
}

#[test]
fn builtin_tags_a_news_sentence() {
    let words = [
        "Ukrainian",
        "President",
        "Volodymyr",
        "Zelenskyy",
        "flew",
        "to",
        "Kyiv",
        ".",
    ];
    let ents = NerModel::builtin().entities(&words);
    assert!(ents.contains(&(2..4, Kind::Per)), "{ents:?}");
    assert!(ents.contains(&(6..7, Kind::Loc)), "{ents:?}");
}
