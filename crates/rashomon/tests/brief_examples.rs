//! End-to-end: the shipped `examples/` corpus through the whole pipeline.

use rashomon::model::{Brief, ConflictKind, FactStatus};
use rashomon::pipeline;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn brief_of(paths: &[PathBuf]) -> Brief {
    let (articles, failures) =
        rashomon_ingest::ingest_all(paths, &rashomon_ingest::IngestOptions::default());
    assert!(failures.is_empty(), "{failures:?}");
    let docs = pipeline::analyze_all(articles, &mut |_, _| {});
    pipeline::brief(&docs)
}

fn examples() -> Brief {
    brief_of(&[root().join("examples")])
}

/// Every mention must be the exact text at its byte span in its document.
fn assert_provenance(brief: &Brief) {
    for story in &brief.stories {
        let mentions = story
            .facts
            .iter()
            .flat_map(|f| f.mentions.iter().chain(&f.highlights))
            .chain(story.quotes.iter().flat_map(|q| &q.mentions));
        for m in mentions {
            let doc = brief
                .documents
                .iter()
                .find(|d| d.id == m.doc)
                .expect("mention names a document of the brief");
            assert_eq!(
                doc.text.get(m.start..m.end),
                Some(m.text.as_str()),
                "mention {m:?}"
            );
        }
        for e in &story.entities {
            for m in &e.mentions {
                let doc = brief
                    .documents
                    .iter()
                    .find(|d| d.id == m.doc)
                    .expect("entity mention names a document");
                assert!(
                    doc.text.get(m.start..m.end).is_some(),
                    "entity mention {m:?} does not slice"
                );
            }
        }
    }
}

#[test]
fn flood_story_and_unrelated_article_are_separate_stories() {
    let brief = examples();
    assert_eq!(brief.documents.len(), 6);
    assert_eq!(
        brief.stories.len(),
        2,
        "{:#?}",
        brief
            .stories
            .iter()
            .map(|s| &s.documents)
            .collect::<Vec<_>>()
    );
    let flood = &brief.stories[0];
    assert_eq!(flood.documents.len(), 5);
    assert_eq!(flood.sources.len(), 5);
    assert_eq!(
        brief.stories[1].documents,
        vec!["valley-times-library".to_string()]
    );
    assert_provenance(&brief);
}

#[test]
fn conflicting_count_date_and_quote_are_found() {
    let brief = examples();
    let flood = &brief.stories[0];
    let conflict = |kind: ConflictKind, a: &str, b: &str| {
        flood.facts.iter().any(|f| {
            f.status == FactStatus::Conflict
                && f.kind == Some(kind)
                && f.highlights.iter().any(|m| m.text.contains(a))
                && f.highlights.iter().any(|m| m.text.contains(b))
        })
    };
    assert!(
        conflict(ConflictKind::Number, "1,200", "1,800"),
        "{:#?}",
        flood.facts
    );
    assert!(
        conflict(ConflictKind::Date, "2009", "2011"),
        "{:#?}",
        flood.facts
    );
    assert!(
        conflict(
            ConflictKind::Quote,
            "stronger than before",
            "stronger than ever"
        ),
        "{:#?}",
        flood.facts
    );
    assert!(
        conflict(
            ConflictKind::Polarity,
            "not open to shipping",
            "remained open to shipping"
        ),
        "{:#?}",
        flood.facts
    );
}

#[test]
fn wire_copies_count_once_but_every_outlet_is_named() {
    let brief = examples();
    let copies: Vec<_> = brief
        .documents
        .iter()
        .filter(|d| d.copy_of.is_some())
        .collect();
    assert_eq!(
        copies.len(),
        2,
        "two reprints of the wire story: {:?}",
        brief
            .documents
            .iter()
            .map(|d| (&d.id, &d.copy_of))
            .collect::<Vec<_>>()
    );
    let flood = &brief.stories[0];
    // The hypothermia detail is only in the wire story: unique, yet carried by three outlets.
    let fact = flood
        .facts
        .iter()
        .find(|f| f.summary.contains("hypothermia"))
        .expect("hypothermia fact");
    assert_eq!(fact.status, FactStatus::Unique);
    assert_eq!(fact.sources.len(), 3, "{:?}", fact.sources);
}

#[test]
fn names_spelled_two_ways_are_one_speaker_and_one_entity() {
    let brief = examples();
    let flood = &brief.stories[0];
    let mayor: Vec<_> = flood
        .entities
        .iter()
        .filter(|e| e.aliases.iter().any(|a| a.contains("Kovalch")))
        .collect();
    assert_eq!(mayor.len(), 1, "{mayor:#?}");
    assert!(mayor[0].aliases.iter().any(|a| a.contains("Kovalchuck")));
    assert!(mayor[0].aliases.iter().any(|a| a.contains("Kovalchuk")));
    let quote = flood
        .quotes
        .iter()
        .find(|q| q.text.contains("rebuild"))
        .expect("the mayor's quote");
    assert!(
        quote
            .speaker
            .as_deref()
            .is_some_and(|s| s.contains("Kovalch")),
        "{quote:?}"
    );
}

#[test]
fn briefs_are_deterministic() {
    let a = rashomon_brief::to_json(&examples());
    let b = rashomon_brief::to_json(&examples());
    assert_eq!(a, b);
}

#[test]
fn html_brief_escapes_hostile_markup() {
    let html = rashomon_brief::to_html(&examples());
    assert!(
        !html.to_lowercase().contains("<script"),
        "the example page's script must not survive"
    );
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("<mark class=\"conflict\""));
}

#[test]
fn markdown_and_json_briefs_snapshot() {
    let mut brief = examples();
    // Paths depend on where the checkout lives; snapshots must not.
    let root = root().join("examples").display().to_string();
    for d in &mut brief.documents {
        d.path = d.path.as_ref().map(|p| p.replace(&root, "examples"));
    }
    let md = rashomon_brief::to_markdown(&brief);
    assert!(
        md.lines()
            .all(|l| l.chars().count() <= 80 || !l.contains(' ')),
        "lines fit 80 columns"
    );
    insta::assert_snapshot!("examples_markdown", md);
    insta::assert_snapshot!("examples_json", rashomon_brief::to_json(&brief));
}
