//! WARC archives (plain or gzip): HTML `response` and `resource` records
//! become articles, streamed one record at a time.

use crate::normalize::{sanitize_id, url_host};
use crate::{charset, html, Ctx, Emit, IngestError};
use flate2::read::{MultiGzDecoder, ZlibDecoder};
use rashomon_model::Article;
use std::io::{BufRead, Read};

/// Decompressed HTTP payloads larger than this are cut (zip-bomb guard).
const MAX_PAYLOAD: u64 = 64 << 20;

/// An HTTP response split into status, lower-cased headers and body.
struct HttpResponse<'a> {
    status: u16,
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

impl HttpResponse<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split_http(bytes: &[u8]) -> Option<HttpResponse<'_>> {
    let (head_len, sep_len) = match (find(bytes, b"\r\n\r\n"), find(bytes, b"\n\n")) {
        (Some(a), Some(b)) if b < a => (b, 2),
        (Some(a), _) => (a, 4),
        (None, Some(b)) => (b, 2),
        (None, None) => (bytes.len(), 0),
    };
    let head = String::from_utf8_lossy(&bytes[..head_len]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some(HttpResponse {
        status,
        headers,
        body: &bytes[(head_len + sep_len).min(bytes.len())..],
    })
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the framing is broken.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = find(data, b"\n")?;
        let size_str = String::from_utf8_lossy(&data[..eol]);
        let size_str = size_str
            .trim()
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let size = usize::from_str_radix(&size_str, 16).ok()?;
        data = &data[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = &data[size..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

fn decompress(body: &[u8], encoding: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let res = match encoding {
        "gzip" | "x-gzip" => MultiGzDecoder::new(body)
            .take(MAX_PAYLOAD)
            .read_to_end(&mut out),
        "deflate" => ZlibDecoder::new(body)
            .take(MAX_PAYLOAD)
            .read_to_end(&mut out),
        "" | "identity" => return Ok(body.to_vec()),
        other => return Err(format!("unsupported Content-Encoding `{other}`")),
    };
    res.map(|_| out)
        .map_err(|e| format!("cannot decompress {encoding} payload: {e}"))
}

fn is_html_type(ct: &str) -> bool {
    let ct = ct.to_ascii_lowercase();
    ct.contains("text/html") || ct.contains("application/xhtml")
}

/// Turns one HTML payload into an article (its text may be empty).
fn record_article(
    ctx: &Ctx,
    n: usize,
    uri: Option<String>,
    payload: &[u8],
    http_charset: Option<String>,
) -> Article {
    let declared = http_charset.or_else(|| charset::html_declared(payload));
    let text = charset::decode(payload, declared.as_deref());
    let d = html::extract(&text);
    let url = uri.or(d.url);
    let id = url
        .as_deref()
        .and_then(sanitize_id)
        .unwrap_or_else(|| format!("{}#{n}", ctx.stem));
    let source = d
        .site_name
        .or_else(|| url.as_deref().and_then(url_host))
        .unwrap_or_default();
    Article {
        id,
        source,
        title: d.title,
        published: d.published,
        url,
        author: d.author,
        path: Some(format!("{}#{n}", ctx.path)),
        text: d.text,
    }
}

/// Largest WARC header block and record body accepted; larger ones are
/// corrupt or hostile and end the file.
const MAX_HEADER_BLOCK: usize = 1 << 20;
const MAX_RECORD: usize = 1 << 30;

/// One framed WARC record: lower-cased header names with lossy UTF-8 values.
struct RawRecord {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl RawRecord {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the next record: `Ok(None)` at a clean end of input. Framing is done
/// here and the header block is parsed by `warc::parser::headers`: the warc
/// crate's own iterators panic on non-UTF-8 header values and overflow on
/// huge Content-Length values (found by fuzzing).
fn next_record(reader: &mut dyn BufRead) -> Result<Option<RawRecord>, String> {
    let mut block = Vec::new();
    // Skip the blank lines that end the previous record.
    loop {
        block.clear();
        let read = reader
            .read_until(b'\n', &mut block)
            .map_err(|e| e.to_string())?;
        if read == 0 {
            return Ok(None);
        }
        if !block.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    if !block.starts_with(b"WARC/") {
        return Err("expected a WARC/1.x version line".into());
    }
    loop {
        let before = block.len();
        let read = reader
            .read_until(b'\n', &mut block)
            .map_err(|e| e.to_string())?;
        if read == 0 {
            return Err("file ends inside a record header (truncated)".into());
        }
        if block[before..].iter().all(u8::is_ascii_whitespace) {
            break;
        }
        if block.len() > MAX_HEADER_BLOCK {
            return Err("record header block too large".into());
        }
    }
    let (_, (_, raw_headers, len)) = warc::parser::headers(&block).map_err(|e| {
        format!("bad record header: {e:?}")
            .chars()
            .take(200)
            .collect::<String>()
    })?;
    let headers = raw_headers
        .iter()
        .map(|(k, v)| {
            (
                k.to_ascii_lowercase(),
                String::from_utf8_lossy(v).trim().to_string(),
            )
        })
        .collect();
    if len > MAX_RECORD {
        return Err(format!(
            "Content-Length {len} exceeds the {MAX_RECORD}-byte limit"
        ));
    }
    let mut body = Vec::with_capacity(len.min(1 << 20));
    reader
        .take(len as u64)
        .read_to_end(&mut body)
        .map_err(|e| e.to_string())?;
    if body.len() < len {
        return Err(format!(
            "file ends inside a record body ({} of {len} bytes)",
            body.len()
        ));
    }
    Ok(Some(RawRecord { headers, body }))
}

/// Streams the records of a WARC reader (already decompressed). Stops at the
/// first unreadable record: WARC framing cannot be resynchronised reliably.
pub fn parse(ctx: &Ctx, mut reader: Box<dyn BufRead + '_>, emit: &mut Emit) {
    let err = |n: usize, reason: String| IngestError::Warc {
        path: ctx.path.to_string(),
        record: n,
        reason,
    };
    let mut n = 0;
    loop {
        n += 1;
        let rec = match next_record(&mut reader) {
            Ok(Some(r)) => r,
            Ok(None) => return,
            Err(reason) => return emit(Err(err(n, reason))),
        };
        let uri = rec
            .header("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        let record_ct = rec.header("content-type").unwrap_or("");
        let warc_type = rec.header("warc-type").unwrap_or("").to_ascii_lowercase();
        let (payload, http_charset): (Vec<u8>, Option<String>) = match warc_type.as_str() {
            "response" => {
                let Some(resp) = split_http(&rec.body) else {
                    continue;
                };
                let ct = resp.header("content-type").unwrap_or("");
                if !(200..300).contains(&resp.status) || !is_html_type(ct) {
                    continue;
                }
                let mut body = resp.body.to_vec();
                if resp
                    .header("transfer-encoding")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
                {
                    if let Some(d) = dechunk(&body) {
                        body = d;
                    }
                }
                let enc = resp
                    .header("content-encoding")
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                match decompress(&body, &enc) {
                    Ok(b) => (b, charset::http_declared(ct)),
                    Err(reason) => {
                        emit(Err(err(n, reason)));
                        continue;
                    }
                }
            }
            "resource" if is_html_type(record_ct) => {
                let declared = charset::http_declared(record_ct);
                (rec.body, declared)
            }
            _ => continue,
        };
        let article = record_article(ctx, n, uri, &payload, http_charset);
        if article.text.is_empty() {
            emit(Err(err(n, "HTML record has no text".into())));
        } else {
            emit(Ok(article));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_framing_is_an_error_not_a_panic() {
        for input in [
            &b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 18446744073709551614\r\n\r\n\r\n"[..],
            b"WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n",
            b"WARC/1.0\r\nWARC-Target-URI: http://a\xff\xfe/\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\n<p>Hi</p>\r\n\r\n",
            b"not a warc at all",
        ] {
            let mut reader: &[u8] = input;
            let mut ok = 0;
            while let Ok(Some(_)) = next_record(&mut reader) {
                ok += 1;
            }
            assert!(ok <= 1);
        }
        let mut reader: &[u8] =
            b"WARC/1.0\r\nWARC-Target-URI: http://a\xff/\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n";
        let rec = next_record(&mut reader)
            .expect("readable")
            .expect("one record");
        assert_eq!(rec.header("warc-target-uri"), Some("http://a\u{fffd}/"));
        assert_eq!(rec.body, b"hi");
        assert!(next_record(&mut reader).expect("clean end").is_none());
    }

    #[test]
    fn http_split_and_dechunk() {
        let r = split_http(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
            .expect("valid response");
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("text/html"));
        assert_eq!(dechunk(r.body).as_deref(), Some(&b"hello"[..]));
        assert!(split_http(b"garbage").is_none());
        assert!(dechunk(b"zz\r\n").is_none());
    }
}
