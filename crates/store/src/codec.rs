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

/// What the blob holds: the extraction only. Its spans are byte offsets into the stored
/// text, so the token and sentence analysis is recomputed on reading (it is a pure
/// function of the text) instead of being stored: that was three quarters of the blob.
#[derive(Serialize)]
struct AnalysisRef<'a> {
    extraction: &'a Extraction,
}

#[derive(Deserialize)]
struct AnalysisOwned {
    /// Present in blobs written before the analysis was dropped from them.
    #[serde(default)]
    analysis: Option<AnalyzedText>,
    extraction: Extraction,
}

/// Deflated JSON of the extraction (JSON keeps it readable by any tool; deflate
/// shrinks the repetitive lists several times).
/// CPU-heavy: callers may run it on worker threads and store the result
/// with [`crate::Store::insert_encoded`].
pub fn encode_analysis(doc: &Document) -> Vec<u8> {
    let r = AnalysisRef {
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
    let analysis = a
        .analysis
        .unwrap_or_else(|| rashomon_text::analyze(&article.text));
    Ok(Document {
        article,
        analysis,
        extraction: a.extraction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let text = "Officials said the bridge will reopen in May. It closed in 2019.";
        let article = Article {
            id: "a1".into(),
            text: text.into(),
            ..Default::default()
        };
        let analysis = rashomon_text::analyze(text);
        Document {
            article,
            analysis,
            extraction: Extraction::default(),
        }
    }

    #[test]
    fn blob_round_trips_and_recomputes_the_analysis() {
        let d = sample();
        let blob = encode_analysis(&d);
        assert!(!blob.is_empty());
        let back = decode_analysis(d.article.clone(), &blob).unwrap();
        assert_eq!(back, d);
    }

    #[test]
    fn older_blobs_with_the_analysis_still_decode() {
        let d = sample();
        let mut stored = d.analysis.clone();
        // An older blob's stored analysis wins over recomputation.
        stored.sentences.truncate(1);
        let json = serde_json::json!({ "analysis": stored, "extraction": d.extraction });
        let mut enc = DeflateEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(&serde_json::to_vec(&json).unwrap()).unwrap();
        let blob = enc.finish().unwrap();
        let back = decode_analysis(d.article.clone(), &blob).unwrap();
        assert_eq!(back.analysis, stored);
        assert!(decode_analysis(d.article, b"not deflate").is_err());
    }
}
