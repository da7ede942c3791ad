//! JSON Lines and JSON: one article per line, or a single object / an array.

use crate::normalize::{normalize_date, normalize_text, opt_line, sanitize_id, url_host};
use crate::{charset, html, Ctx, Emit, IngestError};
use rashomon_model::Article;
use serde_json::{Map, Value};
use std::io::BufRead;

/// A scalar field as a string (numbers allowed: ids are often numeric).
fn field(o: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match o.get(*n)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(x) => Some(x.to_string()),
        _ => None,
    })
}

/// Builds an article from one JSON record. `n` is the line (JSONL) or the
/// 1-based element index (JSON array); `None` for a single-object file.
fn record(ctx: &Ctx, v: Value, n: Option<usize>) -> Result<Article, String> {
    let Value::Object(o) = v else {
        return Err("record is not a JSON object".into());
    };
    let mut title = opt_line(field(&o, &["title", "headline"]).as_deref()).unwrap_or_default();
    let mut url = opt_line(field(&o, &["url", "link"]).as_deref());
    let mut source = opt_line(field(&o, &["source", "outlet", "publisher"]).as_deref());
    let mut author = opt_line(field(&o, &["author", "byline"]).as_deref());
    let mut published = field(&o, &["published", "date", "published_at"])
        .as_deref()
        .and_then(normalize_date);
    let mut text = field(&o, &["text", "body", "content"])
        .map(|t| normalize_text(&t))
        .unwrap_or_default();
    if text.is_empty() {
        if let Some(h) = field(&o, &["html"]) {
            let d = html::extract(&h);
            text = d.text;
            if title.is_empty() {
                title = d.title;
            }
            url = url.or(d.url);
            source = source.or(d.site_name);
            author = author.or(d.author);
            published = published.or(d.published);
        }
    }
    if text.is_empty() {
        return Err("no `text` or `html` content".into());
    }
    let id = opt_line(field(&o, &["id"]).as_deref())
        .or_else(|| url.as_deref().and_then(sanitize_id))
        .unwrap_or_else(|| match n {
            Some(n) => format!("{}#{n}", ctx.stem),
            None => ctx.stem.to_string(),
        });
    let source = source
        .or_else(|| url.as_deref().and_then(url_host))
        .unwrap_or_default();
    let path = match n {
        Some(n) => format!("{}#{n}", ctx.path),
        None => ctx.path.to_string(),
    };
    Ok(Article {
        id,
        source,
        title,
        published,
        url,
        author,
        path: Some(path),
        text,
    })
}

/// Decodes one line: UTF-8 as is, anything else through charset detection.
fn decode_line(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => charset::decode(bytes, None),
    }
}

/// Streams a JSON Lines reader: each non-blank line is a record; a bad line
/// is an error naming its line number and the rest goes on.
pub fn parse_lines(ctx: &Ctx, reader: &mut dyn BufRead, emit: &mut Emit) {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                emit(Err(IngestError::Io {
                    path: ctx.path.to_string(),
                    source: e,
                }));
                break;
            }
        }
        line_no += 1;
        let mut bytes = buf.as_slice();
        if line_no == 1 {
            bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        }
        let line = decode_line(bytes);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Value>(line)
            .map_err(|e| e.to_string())
            .and_then(|v| record(ctx, v, Some(line_no)));
        emit(result.map_err(|reason| IngestError::Json {
            path: ctx.path.to_string(),
            line: line_no,
            reason,
        }));
    }
}

/// A `.json` file: an array of records, a single record, or JSON Lines.
pub fn parse_json(ctx: &Ctx, bytes: &[u8], emit: &mut Emit) {
    let text = charset::decode(bytes, None);
    let trimmed = text.trim_start();
    let whole = serde_json::from_str::<Value>(trimmed);
    match whole {
        Ok(Value::Array(items)) => {
            for (i, v) in items.into_iter().enumerate() {
                emit(
                    record(ctx, v, Some(i + 1)).map_err(|reason| IngestError::Record {
                        path: ctx.path.to_string(),
                        record: i + 1,
                        reason,
                    }),
                );
            }
        }
        Ok(v) => emit(record(ctx, v, None).map_err(|reason| IngestError::Record {
            path: ctx.path.to_string(),
            record: 1,
            reason,
        })),
        // Several objects in a row: JSON Lines saved as .json.
        Err(e) if trimmed.starts_with('{') && e.line() > 1 => {
            parse_lines(ctx, &mut text.as_bytes(), emit)
        }
        Err(e) => emit(Err(IngestError::Json {
            path: ctx.path.to_string(),
            line: e.line(),
            reason: e.to_string(),
        })),
    }
}
