//! Byte → UTF-8 decoding: BOM, then a declared charset (HTML meta, XML
//! declaration, HTTP header), then UTF-8 validity, then chardetng's guess.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use once_cell::sync::Lazy;
use regex::bytes::Regex;

static META_CHARSET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("static regex")
});
static XML_ENCODING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)["']"#)
        .expect("static regex")
});
static HTTP_CHARSET: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"(?i)charset\s*=\s*["']?([a-z0-9_:.\-]+)"#).expect("static regex"));

/// How far into a document a charset declaration is looked for (HTML spec: 1024;
/// real pages often put it later).
const SNIFF_LEN: usize = 4096;

fn capture(re: &Regex, bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let caps = re.captures(head)?;
    let m = caps.get(1)?;
    Some(String::from_utf8_lossy(m.as_bytes()).into_owned())
}

/// Charset named by `<meta charset>` or `<meta http-equiv content="...; charset=">`.
pub fn html_declared(bytes: &[u8]) -> Option<String> {
    capture(&META_CHARSET, bytes)
}

/// Encoding named in an `<?xml ... encoding="..."?>` declaration.
pub fn xml_declared(bytes: &[u8]) -> Option<String> {
    capture(&XML_ENCODING, bytes)
}

/// Charset parameter of an HTTP `Content-Type` header value.
pub fn http_declared(content_type: &str) -> Option<String> {
    capture(&HTTP_CHARSET, content_type.as_bytes())
}

/// Decodes `bytes` to UTF-8. `declared` is a charset label found in the
/// document or its transport headers; a BOM beats it, and a declared legacy
/// charset loses to content that is valid, non-ASCII UTF-8 (a common
/// misdeclaration that decoding as declared would garble).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // UTF-16 without a BOM cannot be declared from inside an ASCII-compatible
        // document; the label is wrong, so fall through to detection.
        if enc != UTF_16LE && enc != UTF_16BE {
            if enc == UTF_8 {
                return String::from_utf8_lossy(bytes).into_owned();
            }
            match utf8 {
                Some(s) if !s.is_ascii() => return s.to_string(),
                _ => {
                    let (text, _) = enc.decode_without_bom_handling(bytes);
                    return text.into_owned();
                }
            }
        }
    }
    if let Some(s) = utf8 {
        return s.to_string();
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        assert_eq!(decode(b"\xef\xbb\xbfcaf\xc3\xa9", Some("latin1")), "café");
        assert_eq!(decode(b"\xff\xfeh\x00i\x00", None), "hi");
    }

    #[test]
    fn declared_legacy_charset() {
        assert_eq!(
            decode(b"caf\xe9 \x93q\x94", Some("windows-1252")),
            "café “q”"
        );
    }

    #[test]
    fn valid_utf8_beats_wrong_declaration() {
        assert_eq!(decode("café".as_bytes(), Some("iso-8859-1")), "café");
    }

    #[test]
    fn detection_without_declaration() {
        let bytes = b"Le caf\xe9 \xe9tait ferm\xe9 et la f\xeate termin\xe9e \xe0 l'\xe9t\xe9.";
        assert!(decode(bytes, None).contains("café était fermé"));
    }

    #[test]
    fn sniffs_declarations() {
        assert_eq!(
            html_declared(b"<html><head><meta charset=\"ISO-8859-1\">").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(
            html_declared(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            )
            .as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            xml_declared(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(
            http_declared("text/html; charset=UTF-8").as_deref(),
            Some("UTF-8")
        );
        assert_eq!(http_declared("text/html"), None);
    }
}
