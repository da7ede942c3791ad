//! Whole-batch behaviour: directories, ordering, failures, id collisions, seeds.

use rashomon_ingest::{ingest_all, ingest_paths, Failure, IngestError, IngestOptions};
use std::path::PathBuf;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

#[test]
fn fixture_dir_batch_continues_past_corrupt_files() {
    let (articles, errors) = ingest_all(&[PathBuf::from(FIX)], &IngestOptions::default());
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "bridge",
            "www.millnews.example-fire",
            "ferry",
            "harbour",
            "tag-herald.example-2031-orchard",
            "post.example-library-hours",
            "post.example-fog",
            "latin1",
            "wire-001",
            "wire-002",
            "wire.example-a4",
        ],
        "sorted walk, recursive, notes.csv skipped"
    );
    let failures: Vec<Failure> = errors.iter().map(Failure::from).collect();
    assert_eq!(failures.len(), 3, "{failures:?}");
    assert!(failures[0].path.ends_with("broken.json"), "{}", failures[0]);
    assert!(failures[1].path.ends_with("post.rss") && failures[1].reason.starts_with("record 3"));
    assert!(failures[2].path.ends_with("wire.jsonl") && failures[2].reason.starts_with("line 4"));
    for a in &articles {
        assert!(!a.text.is_empty() && !a.source.is_empty(), "{a:?}");
        assert!(a.path.as_deref().is_some_and(|p| p.starts_with(FIX)));
    }
}

#[test]
fn batch_is_deterministic() {
    let run = || {
        let (a, e) = ingest_all(&[PathBuf::from(FIX)], &IngestOptions::default());
        let errs: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        (serde_json::to_string(&a).expect("serialise"), errs)
    };
    assert_eq!(run(), run());
}

#[test]
fn windows_1252_file_is_decoded() {
    let path = PathBuf::from(format!("{FIX}/sub/latin1.txt"));
    let (a, e) = ingest_all(&[path], &IngestOptions::default());
    assert!(e.is_empty());
    assert_eq!(a[0].source, "Café République");
    assert_eq!(a[0].title, "Café owners protest new rules");
    assert!(a[0].text.contains("“unfair” and naïve"), "{}", a[0].text);
    assert!(a[0].text.contains("Renée Façon"));
}

#[test]
fn colliding_ids_get_suffixes_and_streaming_matches_collect() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["a", "b", "c"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        std::fs::write(
            dir.path().join(sub).join("story.txt"),
            format!("Title {sub}\n\nBody {sub}."),
        )
        .expect("write");
    }
    std::fs::write(dir.path().join(".hidden.txt"), "Hidden\n\nSkipped.").expect("write");
    let paths = vec![dir.path().to_path_buf()];
    let (articles, errors) = ingest_all(&paths, &IngestOptions::default());
    assert!(errors.is_empty());
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["story", "story-2", "story-3"]);
    assert_eq!(articles[2].text, "Body c.");

    let mut streamed = Vec::new();
    ingest_paths(&paths, &IngestOptions::default(), &mut |r| {
        streamed.extend(r.ok().map(|a| a.id))
    });
    assert_eq!(streamed, ids);

    let mut as_read = Vec::new();
    rashomon_ingest::ingest_paths_as_read(&paths, &IngestOptions::default(), &mut |r| {
        as_read.extend(r.ok().map(|a| a.id))
    });
    assert_eq!(as_read, vec!["story", "story", "story"]);
}

#[test]
fn missing_path_and_explicit_unknown_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let odd = dir.path().join("memo.dat");
    std::fs::write(&odd, "Memo title\n\nMemo body.").expect("write");
    let missing = dir.path().join("nope.txt");
    let (a, e) = ingest_all(&[missing.clone(), odd], &IngestOptions::default());
    assert_eq!(a.len(), 1, "explicit unknown extension read as text");
    assert_eq!(a[0].title, "Memo title");
    assert!(
        matches!(&e[0], IngestError::Io { path, .. } if path == &missing.display().to_string())
    );
}

#[test]
fn shared_seed_reports() {
    let seeds = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/seeds"
    ));
    if !seeds.is_dir() {
        eprintln!("skipping: {} not found", seeds.display());
        return;
    }
    let (articles, errors) = ingest_all(&[seeds], &IngestOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(articles.len(), 2);
    for a in &articles {
        assert!(!a.title.is_empty(), "{}", a.id);
        assert!(a.text.len() > 1000);
        // The lead paragraph carries facts, so it stays in the body.
        assert!(
            a.text.starts_with(a.title.trim_end_matches('…')),
            "{}",
            a.id
        );
    }
}
