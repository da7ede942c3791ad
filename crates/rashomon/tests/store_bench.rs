//! Ingest benchmark driver (ignored by default): ingests `STORE_BENCH_INPUT`
//! into `STORE_BENCH_DB` and prints the summary and articles per second.
//!
//! `STORE_BENCH_INPUT=corpus.jsonl STORE_BENCH_DB=/tmp/b.db RASHOMON_THREADS=2 \
//!  cargo test --release -p rashomon --test store_bench -- --ignored --nocapture`

use rashomon::corpus::{self, IngestOptions};
use std::path::PathBuf;
use std::time::Instant;

#[test]
#[ignore = "benchmark driver: needs STORE_BENCH_INPUT and STORE_BENCH_DB, run by hand in release"]
fn bench_ingest() {
    let (Some(input), Some(db)) = (
        std::env::var_os("STORE_BENCH_INPUT"),
        std::env::var_os("STORE_BENCH_DB"),
    ) else {
        eprintln!("skipped: set STORE_BENCH_INPUT and STORE_BENCH_DB");
        return;
    };
    let db = PathBuf::from(db);
    let inputs: Vec<PathBuf> = std::env::split_paths(&input).collect();
    let t = Instant::now();
    let mut last = Instant::now();
    let s = corpus::ingest(&db, &inputs, &IngestOptions::default(), &mut |p| {
        if last.elapsed().as_secs() >= 30 {
            last = Instant::now();
            eprintln!("progress: {p:?} after {:.0}s", t.elapsed().as_secs_f64());
        }
    })
    .unwrap();
    let secs = t.elapsed().as_secs_f64();
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suf| {
            let mut p = db.clone().into_os_string();
            p.push(suf);
            std::fs::metadata(p).ok().map(|m| m.len())
        })
        .sum();
    let idx = dir_size(&rashomon_store::index_dir(&db));
    println!(
        "read={} new={} copies={} skipped={} stories={} failed={} secs={secs:.1} articles_per_s={:.0} db_bytes={size} index_bytes={idx} db_bytes_per_article={:.0} index_bytes_per_article={:.0}",
        s.read,
        s.new,
        s.copies,
        s.duplicates_skipped,
        s.stories,
        s.failed.len(),
        s.read as f64 / secs,
        size as f64 / s.new.max(1) as f64,
        idx as f64 / s.new.max(1) as f64,
    );
}

fn dir_size(p: &std::path::Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
