//! Fuzzes the feed reader: no input may panic `parse_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rashomon_ingest::{parse_bytes, IngestOptions};

fuzz_target!(|data: &[u8]| {
    let _ = parse_bytes("a.rss", data, &IngestOptions::default());
});
