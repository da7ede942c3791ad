use super::*;
use rashomon_model::{AnalyzedText, Extraction};

fn doc(id: &str, source: &str, title: &str, text: &str) -> Document {
    Document {
        article: Article {
            id: id.into(),
            source: source.into(),
            title: title.into(),
            published: Some("2025-08-15".into()),
            text: text.into(),
            ..Default::default()
        },
        analysis: AnalyzedText::default(),
        extraction: Extraction::default(),
    }
}

fn put(s: &mut Store, d: &Document) -> Option<i64> {
    let key = content_key(&d.article);
    if s.find_key(&key).unwrap().is_some() {
        return None;
    }
    let (seq, _) = s.insert_document(d, &key).unwrap();
    s.new_story(seq).unwrap();
    Some(seq)
}

#[test]
fn migrates_from_empty() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("sub/x.db")).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(s.count_articles().unwrap(), 0);
    assert_eq!(s.integrity_check().unwrap(), "ok");
    assert!(index_dir(s.path()).is_dir());
}

#[test]
fn refuses_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.db");
    {
        let c = Connection::open(&p).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    assert!(matches!(Store::open(&p), Err(StoreError::Schema { .. })));
}

#[test]
fn insert_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("x.db")).unwrap();
    let d = doc(
        "a",
        "Wire",
        "Summit ends",
        "Leaders met in Alaska.\n\nNo deal.",
    );
    s.begin().unwrap();
    assert!(put(&mut s, &d).is_some());
    // Same text with different spacing and case: same key.
    let mut d2 = d.clone();
    d2.article.text = "leaders  met in ALASKA. No deal.".into();
    d2.article.id = "other".into();
    assert!(put(&mut s, &d2).is_none());
    // Same text from another outlet: a new article, with the id made unique.
    let mut d3 = d.clone();
    d3.article.source = "Times".into();
    let seq3 = put(&mut s, &d3).unwrap();
    s.finish().unwrap();
    assert_eq!(s.count_articles().unwrap(), 2);
    assert_eq!(s.article(seq3).unwrap().unwrap().article.id, "a-2");
}

#[test]
fn reopen_after_drop_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.db");
    let seq;
    {
        let mut s = Store::open(&p).unwrap();
        s.begin().unwrap();
        seq = put(
            &mut s,
            &doc(
                "a",
                "Wire",
                "Summit in Alaska",
                "Leaders met in Anchorage on Friday.",
            ),
        )
        .unwrap();
        let other = put(
            &mut s,
            &doc("b", "Times", "Budget vote", "The senate passed the budget."),
        )
        .unwrap();
        s.insert_copy(&StoredCopy {
            copy: other,
            original: seq,
            kind: CopyKind::Near,
            score: 0.8,
        })
        .unwrap();
        s.commit().unwrap();
        // Uncommitted work is lost on drop, like a crash.
        s.begin().unwrap();
        put(
            &mut s,
            &doc("c", "Post", "Lost", "This batch is never committed."),
        );
    }
    assert_eq!(Store::peek_count(&p).unwrap(), 2);
    assert!(Store::peek_count(&dir.path().join("none.db")).is_err());
    let s = Store::open(&p).unwrap();
    assert_eq!(s.count_articles().unwrap(), 2);
    assert_eq!(s.count_stories().unwrap(), 2);
    assert_eq!(s.count_copies().unwrap(), 1);
    let d = s.document(seq).unwrap().unwrap();
    assert_eq!(d.article.title, "Summit in Alaska");
    let hits = s.search("anchorage", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].article_id, "a");
    assert!(hits[0].snippet.contains("Anchorage"), "{}", hits[0].snippet);
    assert_eq!(s.indexed_docs().unwrap(), 2);
    assert!(s.search("never", 10).unwrap().is_empty());
}

#[test]
fn index_gap_is_filled_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.db");
    {
        let mut s = Store::open(&p).unwrap();
        s.begin().unwrap();
        put(&mut s, &doc("a", "Wire", "One", "alpha words here"));
        s.finish().unwrap();
    }
    // Write an article behind the index's back (as if the process died
    // between the SQLite commit and the index commit).
    {
        let mut s = Store::open_with(&p, IndexMode::Read).unwrap();
        s.begin().unwrap();
        put(&mut s, &doc("b", "Wire", "Two", "beta words here"));
        s.commit().unwrap();
        assert_eq!(s.indexed_seq(), 1);
    }
    let s = Store::open(&p).unwrap();
    assert_eq!(s.indexed_seq(), 2);
    assert_eq!(s.search("beta", 5).unwrap().len(), 1);
    drop(s);
    let s = Store::open_with(&p, IndexMode::Read).unwrap();
    assert_eq!(s.indexed_seq(), 2);
    assert_eq!(s.search("beta", 5).unwrap().len(), 1);
    assert_eq!(s.indexed_docs().unwrap(), 2);
}

#[test]
fn stories_newest_first_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("x.db")).unwrap();
    s.begin().unwrap();
    let mut old = doc("o", "Wire", "Old story", "old text");
    old.article.published = Some("2024-01-01".into());
    let o = put(&mut s, &old).unwrap();
    let n = put(&mut s, &doc("n", "Wire", "New story", "new text")).unwrap();
    let mut n2 = doc("n2", "Times", "New story again", "new text other");
    n2.article.published = Some("2025-08-16".into());
    let key = content_key(&n2.article);
    let (seq, _) = s.insert_document(&n2, &key).unwrap();
    let story = s.article(n).unwrap().unwrap().story.unwrap();
    s.add_member(story, seq).unwrap();
    s.finish().unwrap();
    let list = s.stories(10).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].title, "New story");
    assert_eq!((list[0].articles, list[0].sources), (2, 2));
    assert_eq!(list[0].first_published.as_deref(), Some("2025-08-15"));
    assert_eq!(list[0].last_published.as_deref(), Some("2025-08-16"));
    assert_eq!(s.story_members(story).unwrap().unwrap(), vec![n, seq]);
    assert!(s.story_members(999).unwrap().is_none());
    // Regroup everything into one story.
    assert_eq!(s.replace_stories(&[vec![seq, o, n]]).unwrap(), 1);
    assert_eq!(s.count_stories().unwrap(), 1);
    assert_eq!(s.stories(5).unwrap()[0].title, "Old story");
    assert_eq!(s.search("text", 10).unwrap().len(), 3);
}

#[test]
fn copies_map_to_positions() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("x.db")).unwrap();
    s.begin().unwrap();
    let a = put(&mut s, &doc("a", "Wire", "t", "one")).unwrap();
    let b = put(&mut s, &doc("b", "Post", "t", "two")).unwrap();
    s.insert_signature(a, 42, 3, &["Ann Lee".into(), " ".into()])
        .unwrap();
    s.insert_signature(b, 42, 3, &[]).unwrap();
    assert_eq!(s.find_exact(42, b).unwrap(), Some(a));
    assert_eq!(s.find_exact(42, a).unwrap(), Some(b));
    s.insert_copy(&StoredCopy {
        copy: b,
        original: a,
        kind: CopyKind::Exact,
        score: 1.0,
    })
    .unwrap();
    s.finish().unwrap();
    let rows = s.recent_features(1).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].seq, b);
    let rows = s.feature_rows(0, 10).unwrap();
    assert_eq!(rows[0].names, vec!["Ann Lee".to_string()]);
    assert!(rows[1].names.is_empty());
    let links = s.copies_among(&[b, a]).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!((links[0].copy, links[0].original), (0, 1));
    assert!(s.copies_among(&[b]).unwrap().is_empty());
}

#[test]
fn default_path_prefers_env() {
    // Only checks the shape; env vars are process-global so no mutation here.
    let p = default_db_path();
    if let Ok(p) = p {
        assert!(p.to_string_lossy().ends_with(".db") || std::env::var_os("RASHOMON_DB").is_some());
    }
    assert_eq!(
        index_dir(Path::new("/a/b.db")),
        PathBuf::from("/a/b.db.index")
    );
}

/// Candidates read through the in-batch entity cache equal those read from
/// the database after the batch (the cache mirrors every write).
#[test]
fn entity_cache_matches_the_database() {
    use rashomon_model::EntityType;
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("e.db")).unwrap();
    let mut seqs = Vec::new();
    for i in 0..4 {
        let d = doc(&format!("a{i}"), "src", "t", &format!("text number {i}"));
        seqs.push(put(&mut s, &d).unwrap());
    }
    let keys = vec!["n:trump".to_string(), "p:tr".to_string()];
    let names = [
        vec!["Trump".to_string()],
        vec!["Donald Trump".to_string(), "Trump".to_string()],
        vec!["Trump".to_string()],
    ];
    s.begin().unwrap();
    assert!(s.entity_candidates(&keys).unwrap().is_empty());
    let mut in_batch = Vec::new();
    for (i, aliases) in names.iter().enumerate() {
        let found = s.entity_candidates(&keys).unwrap().first().map(|e| e.id);
        let link = EntityLink {
            seq: seqs[i],
            entity: found,
            entity_type: EntityType::Person,
            aliases,
            keys: &keys,
            mentions: 1,
        };
        let id = s.link_entity(&link).unwrap();
        // The same article twice: mentions, not a second article.
        s.link_entity(&EntityLink {
            entity: Some(id),
            ..link
        })
        .unwrap();
        in_batch.push(s.entity_candidates(&keys).unwrap());
    }
    s.commit().unwrap();
    let after = s.entity_candidates(&keys).unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].articles, 3);
    assert_eq!(after[0].name, "Trump");
    assert_eq!(
        format!("{:?}", in_batch.last().unwrap()),
        format!("{after:?}")
    );
}
