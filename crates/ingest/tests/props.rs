//! Property tests: no input panics a parser; JSONL records round-trip with
//! their line numbers; text normalisation is idempotent.

use proptest::prelude::*;
use rashomon_ingest::normalize::normalize_text;
use rashomon_ingest::{parse_bytes, parse_bytes_each, IngestError, IngestOptions};

const NAMES: &[&str] = &[
    "a.txt",
    "a.md",
    "a.html",
    "a.jsonl",
    "a.json",
    "a.rss",
    "a.atom",
    "a.xml",
    "a.warc",
    "a.warc.gz",
    "a.unknown",
];

/// Prefixes that push random bytes past each format's first check.
const PREFIXES: &[&[u8]] = &[
    b"",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
    b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><description>",
    b"{\"id\":\"x\",\"html\":\"<p>",
    b"<html><head><meta charset=\"",
    b"Source: X\nPublished: ",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn parse_bytes_never_panics(
        name in prop::sample::select(NAMES),
        prefix in prop::sample::select(PREFIXES),
        tail in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(&tail);
        if let Ok(articles) = parse_bytes(name, &bytes, &IngestOptions::default()) {
            for a in articles {
                prop_assert!(!a.id.is_empty());
                prop_assert!(!a.source.is_empty());
                prop_assert_eq!(normalize_text(&a.text), a.text.clone());
            }
        }
    }

    #[test]
    fn a_date_from_a_file_name_is_a_calendar_day_of_that_name(
        stem in "[0-9a-z_-]{0,12}(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}[0-9a-z_-]{0,12}",
    ) {
        let name = format!("{stem}.txt");
        let articles = parse_bytes(&name, b"Headline\n\nBody text.\n", &IngestOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for a in articles {
            if let Some(p) = a.published {
                prop_assert!(stem.contains(&p), "{p} not in {stem}");
                prop_assert_eq!(p.len(), 10);
                let month: u32 = p[5..7].parse().unwrap_or(0);
                let day: u32 = p[8..10].parse().unwrap_or(0);
                prop_assert!((1..=12).contains(&month) && (1..=31).contains(&day));
            }
        }
    }

    #[test]
    fn normalize_text_is_idempotent(s in "(?s)[ a-zé\u{301}\t\r\n\u{a0}\u{200b}.]{0,80}") {
        let once = normalize_text(&s);
        prop_assert_eq!(normalize_text(&once), once.clone());
        prop_assert!(!once.contains("\n\n\n") && !once.contains("  ") && !once.contains('\r'));
    }
}

#[derive(Debug, Clone)]
struct Rec {
    id: String,
    title: String,
    source: String,
    published: String,
    url: Option<String>,
    text: String,
}

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Za-zÀ-ÿ0-9]{1,8}", 1..max).prop_map(|w| w.join(" "))
}

fn rec() -> impl Strategy<Value = Rec> {
    (
        "[a-z0-9]{1,10}",
        words(6),
        words(3),
        (
            2000i32..2040,
            1u32..13,
            1u32..29,
            prop::option::of((0u32..24, 0u32..60)),
        ),
        prop::option::of("[a-z]{1,8}"),
        prop::collection::vec(words(12), 1..4),
    )
        .prop_map(|(id, title, source, (y, m, d, time), url, paras)| Rec {
            id,
            title,
            source,
            published: match time {
                Some((h, mi)) => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:00Z"),
                None => format!("{y:04}-{m:02}-{d:02}"),
            },
            url: url.map(|u| format!("https://{u}.example/story")),
            text: paras.join("\n\n"),
        })
}

/// A JSONL line: a record, a blank line, or a broken line.
#[derive(Debug, Clone)]
enum Line {
    Record(Rec),
    Blank,
    Broken,
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![6 => rec().prop_map(Line::Record), 1 => Just(Line::Blank), 1 => Just(Line::Broken)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn jsonl_round_trips_fields_and_line_numbers(lines in prop::collection::vec(line(), 1..12), crlf in any::<bool>()) {
        let mut out = String::new();
        for l in &lines {
            match l {
                Line::Record(r) => {
                    let v = serde_json::json!({
                        "id": r.id, "title": r.title, "source": r.source,
                        "published": r.published, "url": r.url, "text": r.text,
                    });
                    out.push_str(&v.to_string());
                }
                Line::Blank => {}
                Line::Broken => out.push_str("{\"id\": oops"),
            }
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        parse_bytes_each("in.jsonl", out.as_bytes(), &IngestOptions::default(), &mut |r| match r {
            Ok(a) => ok.push(a),
            Err(e) => bad.push(e),
        });
        let mut ok = ok.into_iter();
        let mut bad = bad.into_iter();
        for (i, l) in lines.iter().enumerate() {
            let line_no = i + 1;
            match l {
                Line::Record(r) => {
                    let a = ok.next().expect("one article per record line");
                    let expected_path = format!("in.jsonl#{line_no}");
                    prop_assert_eq!(a.path.as_deref(), Some(expected_path.as_str()));
                    prop_assert_eq!(&a.id, &r.id);
                    prop_assert_eq!(&a.title, &r.title);
                    prop_assert_eq!(&a.source, &r.source);
                    prop_assert_eq!(a.published.as_deref(), Some(r.published.as_str()));
                    prop_assert_eq!(&a.url, &r.url);
                    prop_assert_eq!(&a.text, &r.text);
                }
                Line::Blank => {}
                Line::Broken => {
                    let e = bad.next().expect("one error per broken line");
                    let is_this_line = matches!(&e, IngestError::Json { path, line, .. } if path == "in.jsonl" && *line == line_no);
                    prop_assert!(is_this_line, "{:?}", e);
                }
            }
        }
        prop_assert!(ok.next().is_none());
        prop_assert!(bad.next().is_none());
    }
}
