//! Idempotency keys and the compact encoding of per-article analysis.

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use rashomon_model::{AnalyzedText, Article, Document, Extraction};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use xxhash_rust::xxh3::Xxh3;

/// 128-bit idempotency key of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentKey(pub [u8; 16]);

/// Key over the article's text (case folded, whitespace collapsed), source
/// and url: the same report re-read is the same key; the same wire text run
/// by another outlet is a different article (linked later as a copy).
pub fn content_key(a: &Article) -> ContentKey {
    let mut h = Xxh3::new();
    for w in a.text.split_whitespace() {
        for c in w.chars().flat_map(char::to_lowercase) {
            let mut buf = [0u8; 4];
            h.update(c.encode_utf8(&mut buf).as_bytes());
        }
        h.update(b" ");
    }
    h.update(b"\x1f");
    h.update(a.source.trim().as_bytes());
    h.update(b"\x1f");
    h.update(a.url.as_deref().unwrap_or("").trim().as_bytes());
    ContentKey(h.digest128().to_le_bytes())
}

#[derive(Serialize)]
struct AnalysisRef<'a> {
    analysis: &'a AnalyzedText,
    extraction: &'a Extraction,
}

#[derive(Deserialize)]
struct AnalysisOwned {
    analysis: AnalyzedText,
    extraction: Extraction,
}

/// Deflated JSON of the analysis and extraction (JSON keeps it readable by
/// any tool; deflate shrinks the repetitive token lists several times).
/// CPU-heavy: callers may run it on worker threads and store the result
/// with [`crate::Store::insert_encoded`].
pub fn encode_analysis(doc: &Document) -> Vec<u8> {
    let r = AnalysisRef {
        analysis: &doc.analysis,
        extraction: &doc.extraction,
    };
    // Serialise first, then compress in one write: many small writes into a
    // DeflateEncoder are far slower (each one resets a large buffer).
    let Ok(json) = serde_json::to_vec(&r) else {
        return Vec::new();
    };
    let mut enc = DeflateEncoder::new(Vec::with_capacity(json.len() / 4), Compression::fast());
    if enc.write_all(&json).is_err() {
        return Vec::new();
    }
    enc.finish().unwrap_or_default()
}

pub(crate) fn decode_analysis(article: Article, blob: &[u8]) -> Result<Document, String> {
    let mut json = Vec::new();
    DeflateDecoder::new(blob)
        .read_to_end(&mut json)
        .map_err(|e| e.to_string())?;
    let a: AnalysisOwned = serde_json::from_slice(&json).map_err(|e| e.to_string())?;
    Ok(Document {
        article,
        analysis: a.analysis,
        extraction: a.extraction,
    })
}
