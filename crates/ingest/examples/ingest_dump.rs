//! Prints what `ingest` reads from the given paths: one JSON article per
//! line on stdout, failures on stderr.

use rashomon_ingest::{ingest_paths, Failure, IngestOptions};
use std::path::PathBuf;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = IngestOptions::default();
    if let Some(i) = args.iter().position(|a| a == "--source") {
        if i + 1 < args.len() {
            opts.source = Some(args.remove(i + 1));
        }
        args.remove(i);
    }
    let paths: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
    let (mut ok, mut bad) = (0usize, 0usize);
    ingest_paths(&paths, &opts, &mut |r| match r {
        Ok(a) => {
            ok += 1;
            match serde_json::to_string(&a) {
                Ok(s) => println!("{s}"),
                Err(e) => eprintln!("cannot serialise {}: {e}", a.id),
            }
        }
        Err(e) => {
            bad += 1;
            eprintln!("FAILED {}", Failure::from(&e));
        }
    });
    eprintln!("{ok} articles, {bad} failures");
}
