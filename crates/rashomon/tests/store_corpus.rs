//! Corpus functions over the store: ingest twice (idempotent), list stories,
//! brief, search, recluster and reindex, each from a freshly opened store.

use rashomon::corpus::{self, IngestOptions};
use std::io::Write;
use std::path::Path;

fn write(path: &Path, recs: &[serde_json::Value]) {
    let mut f = std::fs::File::create(path).unwrap();
    for r in recs {
        writeln!(f, "{r}").unwrap();
    }
}

fn rec(id: &str, source: &str, title: &str, date: &str, text: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "source": source, "title": title, "published": date, "text": text})
}

#[test]
fn ingest_stories_search_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let input = dir.path().join("in.jsonl");
    let wire = "President Alma Reyes met Chancellor Otto Brandt in Anchorage on Friday to discuss the \
                fishing treaty. Reyes said the talks were productive. Brandt said no agreement was reached \
                on quotas, and officials from both delegations will meet again in Oslo next month.";
    let budget =
        "The city council of Springfield approved a budget of 40 million dollars on Tuesday after \
                  a long debate. Council member Dana Whit voted against the plan, saying the parks \
                  department was underfunded. The budget takes effect in January.";
    write(
        &input,
        &[
            rec(
                "w1",
                "Wire",
                "Reyes and Brandt meet in Anchorage",
                "2025-08-15",
                wire,
            ),
            rec(
                "p1",
                "Post",
                "Reyes, Brandt talk fish in Anchorage",
                "2025-08-15",
                wire,
            ),
            rec(
                "h1",
                "Herald",
                "Anchorage talks",
                "2025-08-16",
                &format!("Our reporter adds this lead. {wire}"),
            ),
            rec(
                "b1",
                "Gazette",
                "Springfield budget passes",
                "2025-08-12",
                budget,
            ),
            rec("bad", "Gazette", "no text", "2025-08-12", ""),
        ],
    );
    let mut calls = 0;
    let s = corpus::ingest(
        &db,
        std::slice::from_ref(&input),
        &IngestOptions::default(),
        &mut |_| calls += 1,
    )
    .unwrap();
    assert_eq!((s.read, s.new, s.duplicates_skipped), (4, 4, 0), "{s:?}");
    assert_eq!(s.copies, 2, "{s:?}");
    assert_eq!(s.failed.len(), 1, "{s:?}");
    assert!(s.failed[0].0.contains("in.jsonl"), "{:?}", s.failed);
    assert!(calls >= 5);

    // Second run: everything is already stored.
    let s2 = corpus::ingest(&db, &[input], &IngestOptions::default(), &mut |_| {}).unwrap();
    assert_eq!(
        (s2.read, s2.new, s2.duplicates_skipped),
        (4, 0, 4),
        "{s2:?}"
    );

    let stories = corpus::stories(&db, 10).unwrap();
    assert_eq!(stories.len(), 2, "{stories:?}");
    assert_eq!(stories[0].title, "Reyes and Brandt meet in Anchorage");
    assert_eq!((stories[0].articles, stories[0].sources), (3, 3));
    assert_eq!(stories[0].last_published.as_deref(), Some("2025-08-16"));
    assert_eq!(stories[1].articles, 1);

    assert!(corpus::story_brief(&db, stories[0].id).is_ok());
    assert!(corpus::story_brief(&db, 9999).is_err());

    let hits = corpus::search(&db, "springfield budget", 5).unwrap();
    assert_eq!(hits[0].article_id, "b1");
    assert_eq!(hits[0].story_id, Some(stories[1].id));
    assert!(
        hits[0].snippet.to_lowercase().contains("springfield"),
        "{:?}",
        hits[0]
    );
    assert_eq!(corpus::search(&db, "oslo", 10).unwrap().len(), 3);

    let n = corpus::recluster(&db).unwrap();
    assert_eq!(n, corpus::stories(&db, 100).unwrap().len());
    let before = rashomon::entities::list(&db, None, 1000).unwrap();
    let r = corpus::reindex(&db, &mut |_, _| {}).unwrap();
    assert_eq!(r.articles, 4);
    // Relinking from scratch gives the entities ingest built.
    assert_eq!(rashomon::entities::list(&db, None, 1000).unwrap(), before);
    assert_eq!(r.entities, before.len());
    let hits = corpus::search(&db, "springfield", 5).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].story_id.is_some());
}

#[test]
fn entities_link_across_stories_and_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let input = dir.path().join("in.jsonl");
    write(
        &input,
        &[
            rec(
                "a1",
                "Post",
                "Harbour strike ends",
                "2025-03-01",
                "Dock workers in Valmora ended their strike on Monday. Union leader Olena Kovalchuk said \
                 the deal raised wages. Kovalchuk thanked the North Atlantic Treaty Organization for \
                 keeping the shipping lanes open.",
            ),
            rec(
                "b1",
                "Herald",
                "Orchestra tour announced",
                "2025-06-20",
                "The national orchestra will tour eleven cities this autumn, its director said. \
                 Olena Kovalchuck, who led the dock strike in the spring, will speak at the opening \
                 concert. NATO officials are expected to attend.",
            ),
            rec(
                "c1",
                "Gazette",
                "Bakery wins prize",
                "2025-07-02",
                "A bakery run by Pavel Kovalchuk won the regional bread prize on Sunday. Kovalchuk said \
                 the rye recipe came from his grandmother.",
            ),
        ],
    );
    corpus::ingest(&db, &[input], &IngestOptions::default(), &mut |_| {}).unwrap();
    assert!(corpus::stories(&db, 10).unwrap().len() >= 2);

    let found = rashomon::entities::find(&db, "Olena Kovalchuck", 5).unwrap();
    assert_eq!(found.len(), 1, "{found:#?}");
    let olena = &found[0];
    assert_eq!(olena.entity.articles, 2, "{olena:#?}");
    assert!(olena.entity.aliases.iter().any(|a| a == "Olena Kovalchuk"));
    assert!(olena.entity.aliases.iter().any(|a| a == "Olena Kovalchuck"));
    let ids: Vec<&str> = olena.mentioned_in.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["b1", "a1"], "newest first");
    // A different first name is a different person.
    let pavel = rashomon::entities::find(&db, "Pavel Kovalchuk", 5).unwrap();
    assert_eq!(pavel.len(), 1, "{pavel:#?}");
    assert_ne!(pavel[0].entity.id, olena.entity.id);

    let nato = rashomon::entities::find(&db, "NATO", 5).unwrap();
    assert_eq!(nato.len(), 1, "{nato:#?}");
    assert_eq!(nato[0].entity.articles, 2, "{nato:#?}");

    let people =
        rashomon::entities::list(&db, Some(rashomon::model::EntityType::Person), 10).unwrap();
    assert!(people
        .iter()
        .all(|e| e.entity_type == rashomon::model::EntityType::Person));
    assert!(rashomon::entities::find(&db, "Nobody Anywhere", 5)
        .unwrap()
        .is_empty());
}

#[test]
fn repeated_ids_are_suffixed_by_the_store_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let first = dir.path().join("first.jsonl");
    let second = dir.path().join("second.jsonl");
    let text = |word: &str| {
        format!(
            "The {word} committee of Larkspur met on Monday. Chair Ines Moreau said the {word} \
             report would be published in May, and members agreed to meet again next week."
        )
    };
    write(
        &first,
        &[
            rec(
                "dup",
                "Post",
                "Zeppelin panel",
                "2025-05-01",
                &text("zeppelin"),
            ),
            rec(
                "dup",
                "Herald",
                "Marimba panel",
                "2025-05-01",
                &text("marimba"),
            ),
        ],
    );
    write(
        &second,
        &[rec(
            "dup",
            "Gazette",
            "Quokka panel",
            "2025-05-02",
            &text("quokka"),
        )],
    );
    let opts = IngestOptions::default();
    let s1 = corpus::ingest(&db, std::slice::from_ref(&first), &opts, &mut |_| {}).unwrap();
    assert_eq!((s1.read, s1.new), (2, 2), "{s1:?}");
    let s2 = corpus::ingest(&db, &[second, first], &opts, &mut |_| {}).unwrap();
    assert_eq!(
        (s2.read, s2.new, s2.duplicates_skipped),
        (3, 1, 2),
        "{s2:?}"
    );
    let id_of = |word: &str| {
        let hits = corpus::search(&db, word, 5).unwrap();
        assert_eq!(hits.len(), 1, "{word}: {hits:?}");
        hits[0].article_id.clone()
    };
    assert_eq!(id_of("zeppelin"), "dup");
    assert_eq!(id_of("marimba"), "dup-2");
    assert_eq!(id_of("quokka"), "dup-3");
}
