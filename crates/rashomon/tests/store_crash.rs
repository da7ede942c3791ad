//! Kills an ingest with SIGKILL mid-way, reruns it, and checks that nothing
//! was lost or duplicated, the database is sound and search agrees with it.
//!
//! The killed process is this test binary re-executed in "child" mode (the
//! `crash_child` test below), which runs the real `corpus::ingest_with`
//! slowly; this does not depend on how the CLI is wired.

use rashomon::corpus::{self, CorpusConfig, IngestOptions};
use rashomon_store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const N: usize = 240;

fn write_corpus(path: &Path) {
    let mut f = std::fs::File::create(path).unwrap();
    for i in 0..N {
        // Every 8th article is a reprint of the one before by another outlet.
        let (story, source) = if i % 8 == 7 {
            (i - 1, "Reprint Daily")
        } else {
            (i, "Wire")
        };
        let text = format!(
            "Officials in Town{story} said on Monday that the bridge{story} project would go ahead. \
             \"We will build it,\" Mayor Person{story} said.\n\nThe council voted {story} to 3 in favour \
             of the plan for district{story}."
        );
        let rec = serde_json::json!({
            "id": format!("t{i}"), "source": source, "title": format!("Bridge {story} approved"),
            "published": "2025-08-15", "text": text,
        });
        writeln!(f, "{rec}").unwrap();
    }
}

fn count(db: &Path) -> usize {
    // Read-only peek: never migrates or touches the index the child writes.
    Store::peek_count(db).unwrap_or(0)
}

/// Child mode: ingests slowly, in small batches, until killed.
#[test]
fn crash_child() {
    let (Some(db), Some(input)) = (
        std::env::var_os("STORE_CRASH_DB"),
        std::env::var_os("STORE_CRASH_INPUT"),
    ) else {
        return; // not in child mode
    };
    let cfg = CorpusConfig {
        threads: 1,
        batch: 16,
        ..CorpusConfig::default()
    };
    let mut slow = |_p: corpus::Progress| std::thread::sleep(Duration::from_millis(20));
    corpus::ingest_with(
        Path::new(&db),
        &[PathBuf::from(input)],
        &IngestOptions::default(),
        &cfg,
        &mut slow,
    )
    .unwrap();
}

#[test]
fn sigkill_mid_ingest_then_rerun_loses_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let input = dir.path().join("articles.jsonl");
    write_corpus(&input);

    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env("STORE_CRASH_DB", &db)
        .env("STORE_CRASH_INPUT", &input)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until a few batches are committed, then SIGKILL (Child::kill on Unix).
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
        if db.exists() && count(&db) >= 48 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = count(&db);
    assert!(before >= 48, "child committed only {before} articles");
    assert!(
        before < N,
        "child finished before it was killed ({before} articles)"
    );

    // Rerun to completion.
    let summary = corpus::ingest(
        &db,
        std::slice::from_ref(&input),
        &IngestOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(summary.read, N);
    assert_eq!(summary.duplicates_skipped, before, "{summary:?}");
    assert_eq!(summary.new, N - before);
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.count_articles().unwrap(), N);
    for i in 0..N {
        let a = store.article_by_id(&format!("t{i}")).unwrap();
        assert!(a.is_some(), "article t{i} missing");
        assert!(a.unwrap().story.is_some(), "article t{i} has no story");
    }
    // Reprints are linked as copies, before and after the crash alike.
    assert_eq!(store.count_copies().unwrap(), N / 8);
    // The index holds every article once and finds them.
    assert_eq!(store.indexed_docs().unwrap(), N as u64);
    assert_eq!(store.indexed_seq(), store.max_seq().unwrap());
    for story in [0, N / 2, N - 2] {
        let hits = store.search(&format!("district{story}"), 10).unwrap();
        let mut ids: Vec<_> = hits.iter().map(|h| h.article_id.clone()).collect();
        ids.sort();
        let expect: Vec<String> = if story % 8 == 6 {
            vec![format!("t{story}"), format!("t{}", story + 1)]
        } else {
            vec![format!("t{story}")]
        };
        assert_eq!(ids, expect, "search district{story}");
    }
}
