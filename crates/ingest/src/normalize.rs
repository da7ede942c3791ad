//! Normalisation shared by every format: body text, one-line fields, dates,
//! ids and URL hosts.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};
use unicode_normalization::UnicodeNormalization;

/// Characters that carry no text and only break matching downstream.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}' | '\u{00ad}')
        || (c.is_control() && c != '\n' && c != '\t')
}

/// Collapses runs of horizontal whitespace to one space, drops invisible
/// characters, trims, and NFC-normalises one line.
fn clean_line(line: &str, out: &mut String) {
    let mut pending_space = false;
    let mut buf = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else if !is_invisible(c) {
            if pending_space && !buf.is_empty() {
                buf.push(' ');
            }
            pending_space = false;
            buf.push(c);
        }
    }
    out.extend(buf.nfc());
}

/// Body text normalisation: CRLF/CR → LF, NFC, whitespace runs inside lines
/// collapsed, lines trimmed, paragraphs separated by exactly one blank line,
/// leading/trailing blank lines removed. Idempotent.
pub fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_pending = false;
    let mut line_buf = String::new();
    for raw in s.split('\n') {
        // A lone '\r' is an old Mac line break; '\r\n' leaves a trailing '\r'.
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        for line in raw.split('\r') {
            line_buf.clear();
            clean_line(line, &mut line_buf);
            if line_buf.is_empty() {
                blank_pending = !out.is_empty();
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank_pending { "\n\n" } else { "\n" });
            }
            blank_pending = false;
            out.push_str(&line_buf);
        }
    }
    out
}

/// One-line fields (titles, names): every whitespace run, newlines included,
/// becomes one space.
pub fn normalize_line(s: &str) -> String {
    let mut out = String::new();
    clean_line(&s.replace(['\n', '\r'], " "), &mut out);
    out
}

/// An optional one-line field: `None` when empty after normalisation.
pub fn opt_line(s: Option<&str>) -> Option<String> {
    s.map(normalize_line).filter(|v| !v.is_empty())
}

fn fmt_offset(dt: DateTime<FixedOffset>) -> String {
    dt.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Normalises a date or date-time to ISO 8601: "2025-08-15" when only the day
/// is known, RFC 3339 ("2025-08-15T10:00:00Z", offset kept) when the time and
/// zone are known, "2025-08-15T10:00:00" for a time without zone. `None` when
/// nothing date-like can be read.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(fmt_offset(dt));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return Some(fmt_offset(dt));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(fmt_offset(dt));
    }
    // Zone names other than GMT/UT are not in RFC 2822; treat "UTC" like GMT.
    if let Some(stripped) = s.strip_suffix(" UTC") {
        if let Ok(dt) = DateTime::parse_from_rfc2822(&format!("{stripped} +0000")) {
            return Some(fmt_offset(dt));
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    let cleaned = s.replace([',', '.'], " ");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    for (text, f) in [
        (s, "%Y-%m-%d"),
        (s, "%Y/%m/%d"),
        (cleaned.as_str(), "%B %d %Y"),
        (cleaned.as_str(), "%b %d %Y"),
        (cleaned.as_str(), "%d %B %Y"),
        (cleaned.as_str(), "%d %b %Y"),
        (cleaned.as_str(), "%A %B %d %Y"),
        (cleaned.as_str(), "%a %b %d %Y"),
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(text, f) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    // Last resort: a leading ISO day ("2025-08-15 at noon", odd suffixes).
    s.get(..10)
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// Turns a guid, URL or name into an id of `[A-Za-z0-9._-]`: scheme dropped,
/// other characters become '-', at most 120 bytes. `None` when nothing is left.
pub fn sanitize_id(s: &str) -> Option<String> {
    let s = s.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let mut out = String::new();
    for c in s.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            c
        } else {
            '-'
        };
        if c == '-' && out.ends_with('-') {
            continue;
        }
        out.push(c);
        if out.len() >= 120 {
            break;
        }
    }
    let out = out.trim_matches(|c| c == '-' || c == '.').to_string();
    (!out.is_empty()).then_some(out)
}

/// Host of an absolute URL, lower-cased, without "www.", port or user info.
pub fn url_host(url: &str) -> Option<String> {
    let (_, rest) = url.trim().split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = if host.starts_with('[') {
        host
    } else {
        host.split(':').next().unwrap_or("")
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// True for absolute http(s) URLs, the only kind stored in `Article::url`.
pub fn is_absolute_url(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://")) && l.len() > 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_paragraphs_and_collapses_spaces() {
        let s = "\u{feff}  One \t two  \r\nthree\r\n\r\n\r\n\n Four\u{a0}\u{a0}five \n\n";
        assert_eq!(normalize_text(s), "One two\nthree\n\nFour five");
    }

    #[test]
    fn text_is_nfc() {
        assert_eq!(normalize_text("Cafe\u{301}"), "Caf\u{e9}");
    }

    #[test]
    fn text_is_idempotent_on_sample() {
        let once = normalize_text(" a\r\rb \n\n\n c\u{200b}d ");
        assert_eq!(normalize_text(&once), once);
        assert_eq!(once, "a\n\nb\n\ncd");
    }

    #[test]
    fn dates_normalise() {
        assert_eq!(normalize_date("2025-08-15").as_deref(), Some("2025-08-15"));
        assert_eq!(
            normalize_date("2025-08-15T10:00:00.000Z").as_deref(),
            Some("2025-08-15T10:00:00Z")
        );
        assert_eq!(
            normalize_date("2025-08-15T10:00:00+02:00").as_deref(),
            Some("2025-08-15T10:00:00+02:00")
        );
        assert_eq!(
            normalize_date("Fri, 15 Aug 2025 10:00:00 GMT").as_deref(),
            Some("2025-08-15T10:00:00Z")
        );
        assert_eq!(
            normalize_date("2025-08-15 10:30").as_deref(),
            Some("2025-08-15T10:30:00")
        );
        assert_eq!(
            normalize_date("August 15, 2025").as_deref(),
            Some("2025-08-15")
        );
        assert_eq!(
            normalize_date("15 Aug. 2025").as_deref(),
            Some("2025-08-15")
        );
        assert_eq!(normalize_date("2025/08/15").as_deref(), Some("2025-08-15"));
        assert_eq!(normalize_date("yesterday"), None);
        assert_eq!(normalize_date(""), None);
    }

    #[test]
    fn ids_and_hosts() {
        assert_eq!(
            sanitize_id("https://news.example.org/a/b?x=1").as_deref(),
            Some("news.example.org-a-b-x-1")
        );
        assert_eq!(sanitize_id(" /// "), None);
        assert_eq!(
            url_host("https://user@WWW.Example.ORG:8080/x").as_deref(),
            Some("example.org")
        );
        assert_eq!(url_host("not a url"), None);
    }
}
