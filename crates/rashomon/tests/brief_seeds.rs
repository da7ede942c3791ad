//! The defining example: two real reports of the 2025 Alaska summit (read from
//! `../shared`, skipped when it is absent), and AllSides story triples.

use rashomon::model::{Brief, ConflictKind, EntityType, FactStatus};
use rashomon::pipeline;
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("corpus/seeds").is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared is not beside the checkout");
        None
    }
}

fn seeds_brief(shared: &std::path::Path) -> Brief {
    let (articles, failures) = rashomon_ingest::ingest_all(
        &[shared.join("corpus/seeds")],
        &rashomon_ingest::IngestOptions::default(),
    );
    assert!(failures.is_empty(), "{failures:?}");
    pipeline::brief(&pipeline::analyze_all(articles, &mut |_, _| {}))
}

#[test]
fn seeds_conflicts_corroborations_and_unique_facts() {
    let Some(shared) = shared() else { return };
    let brief = seeds_brief(&shared);
    assert_eq!(
        brief.stories.len(),
        1,
        "{:?}",
        brief
            .stories
            .iter()
            .map(|s| &s.documents)
            .collect::<Vec<_>>()
    );
    let story = &brief.stories[0];
    assert_eq!(story.documents.len(), 2);
    let has = |status: FactStatus, kind: Option<ConflictKind>, needles: &[&str]| {
        story.facts.iter().any(|f| {
            f.status == status
                && (kind.is_none() || f.kind == kind)
                && needles
                    .iter()
                    .all(|n| f.mentions.iter().any(|m| m.text.contains(n)))
        })
    };
    assert!(
        has(
            FactStatus::Conflict,
            Some(ConflictKind::Date),
            &[
                "since their 2018 face-to-face in Helsinki",
                "for the first time since 2019"
            ]
        ),
        "{:#?}",
        story.facts
    );
    assert!(
        has(
            FactStatus::Conflict,
            Some(ConflictKind::Polarity),
            &["not presently on the table", "a possibility"]
        ),
        "{:#?}",
        story.facts
    );
    assert!(has(
        FactStatus::Corroborated,
        None,
        &["Joint Base Elmendorf-Richardson"]
    ));
    assert!(story
        .facts
        .iter()
        .any(|f| f.status == FactStatus::Corroborated
            && f.mentions
                .iter()
                .filter(|m| m.text.contains("Rubio") && m.text.contains("Witkoff"))
                .count()
                == 2));
    // A corroborated fact whose sentence is a side of a conflict is flagged, and is not
    // summarised by that side ("since 2019" is what one source says, not both).
    let conflict_sentences: Vec<(&str, usize)> = story
        .facts
        .iter()
        .filter(|f| f.status == FactStatus::Conflict)
        .flat_map(|f| f.mentions.iter().map(|m| (m.doc.as_str(), m.start)))
        .collect();
    for f in story
        .facts
        .iter()
        .filter(|f| f.status == FactStatus::Corroborated)
    {
        let touches = f
            .mentions
            .iter()
            .any(|m| conflict_sentences.contains(&(m.doc.as_str(), m.start)));
        assert_eq!(f.disputed, touches, "{f:#?}");
        if touches {
            assert!(
                f.mentions.iter().any(|m| m.text == f.summary
                    && !conflict_sentences.contains(&(m.doc.as_str(), m.start))),
                "disputed fact summarised by a conflicting sentence: {f:#?}"
            );
        }
    }
    assert!(story.facts.iter().any(|f| f.disputed));
    assert!(has(FactStatus::Unique, None, &["limousine"]));
    assert!(has(FactStatus::Unique, None, &["B-2 bombers"]));
}

#[test]
fn seeds_quotes_and_speakers() {
    let Some(shared) = shared() else { return };
    let brief = seeds_brief(&shared);
    let story = &brief.stories[0];
    let counting: Vec<_> = story
        .quotes
        .iter()
        .filter(|q| {
            q.mentions
                .iter()
                .any(|m| m.text.contains("We are counting on America"))
        })
        .collect();
    assert_eq!(counting.len(), 1, "{counting:#?}");
    let docs: std::collections::BTreeSet<_> = counting[0].mentions.iter().map(|m| &m.doc).collect();
    assert_eq!(docs.len(), 2);
    assert!(counting[0]
        .speaker
        .as_deref()
        .is_some_and(|s| s.contains("Zelensk")));
    let trump_quotes = [
        "My objective is to bring Putin back",
        "If this summit goes well",
        "I am here to get them at a table",
        "I want the killing to stop",
        "HIGH STAKES!!!",
        // Quoted words inside indirect speech are quotes too.
        "to negotiate for Ukraine",
        "a possibility",
    ];
    for q in trump_quotes {
        let found = story
            .quotes
            .iter()
            .find(|x| x.text.contains(q))
            .unwrap_or_else(|| panic!("quote {q} missing: {:#?}", story.quotes));
        assert!(
            found
                .speaker
                .as_deref()
                .is_some_and(|s| s.contains("Trump")),
            "{found:?}"
        );
    }
}

#[test]
fn seeds_entities() {
    let Some(shared) = shared() else { return };
    let brief = seeds_brief(&shared);
    let story = &brief.stories[0];
    let typed = |name: &str, ty: EntityType| {
        story.entities.iter().any(|e| {
            e.entity_type == ty
                && e.aliases
                    .iter()
                    .chain([&e.name])
                    .any(|a| a == name || a.ends_with(&format!(" {name}")))
        })
    };
    let zel: Vec<_> = story
        .entities
        .iter()
        .filter(|e| e.aliases.iter().any(|a| a.contains("Zelensk")))
        .collect();
    assert_eq!(zel.len(), 1, "{zel:#?}");
    assert_eq!(zel[0].entity_type, EntityType::Person);
    assert!(
        zel[0].aliases.iter().any(|a| a.ends_with("Zelensky"))
            && zel[0].aliases.iter().any(|a| a.ends_with("Zelenskyy"))
    );
    for p in [
        "Rubio", "Witkoff", "Lavrov", "Ushakov", "Hegseth", "Bessent",
    ] {
        assert!(typed(p, EntityType::Person), "{p} should be a person");
    }
    for l in ["Anchorage", "Alaska", "Helsinki", "Kyiv"] {
        assert!(typed(l, EntityType::Location), "{l} should be a location");
    }
    for o in ["NATO", "White House"] {
        assert!(
            typed(o, EntityType::Organization),
            "{o} should be an organisation"
        );
    }
}

#[test]
fn allsides_triples_corroborate_with_valid_provenance() {
    let Some(shared) = shared() else { return };
    let path = shared.join("eval/allsides/train.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not readable", path.display());
        return;
    };
    // The first 30 stories, each briefed on its own three outlets.
    let mut by_story: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for line in text.lines().take(90) {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSONL");
        by_story
            .entry(v["story"].as_str().unwrap_or_default().to_string())
            .or_default()
            .push(line.to_string());
    }
    let mut corroborated = 0;
    for lines in by_story.values() {
        let (articles, failures) = rashomon_ingest::parse_bytes(
            "story.jsonl",
            lines.join("\n").as_bytes(),
            &rashomon_ingest::IngestOptions::default(),
        )
        .map(|a| (a, Vec::<()>::new()))
        .expect("parses");
        assert!(failures.is_empty());
        let brief = pipeline::brief(&pipeline::analyze_all(articles, &mut |_, _| {}));
        for story in &brief.stories {
            for f in &story.facts {
                for m in f.mentions.iter().chain(&f.highlights) {
                    let doc = brief.documents.iter().find(|d| d.id == m.doc).expect("doc");
                    assert_eq!(doc.text.get(m.start..m.end), Some(m.text.as_str()));
                }
            }
        }
        if brief
            .stories
            .iter()
            .any(|s| s.facts.iter().any(|f| f.status == FactStatus::Corroborated))
        {
            corroborated += 1;
        }
    }
    // Three outlets' leads of one event should usually share at least one fact.
    assert!(
        corroborated * 2 >= by_story.len(),
        "{corroborated} of {} stories had a corroborated fact",
        by_story.len()
    );
}
