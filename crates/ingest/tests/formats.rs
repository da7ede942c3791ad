//! Per-format tests through the public API, on hand-written fictional fixtures.

use rashomon_ingest::{parse_bytes, parse_bytes_each, Article, IngestError, IngestOptions};

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIX}/{name}")).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

fn opts() -> IngestOptions {
    IngestOptions::default()
}

fn all(name: &str, bytes: &[u8]) -> (Vec<Article>, Vec<IngestError>) {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    parse_bytes_each(name, bytes, &opts(), &mut |r| match r {
        Ok(a) => ok.push(a),
        Err(e) => bad.push(e),
    });
    (ok, bad)
}

#[test]
fn txt_header_title_and_body() {
    let a = parse_bytes("harbour.txt", &fixture("harbour.txt"), &opts()).expect("parses");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.id, "harbour");
    assert_eq!(a.source, "Marrowby Gazette");
    assert_eq!(a.title, "Harbour reopens after winter storms");
    assert_eq!(a.published.as_deref(), Some("2031-03-04"));
    assert_eq!(a.author.as_deref(), Some("Ada Quill"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://gazette.example/harbour-reopens")
    );
    assert_eq!(a.path.as_deref(), Some("harbour.txt"));
    assert!(a.text.starts_with("The harbour at Marrowby reopened"));
    assert!(
        a.text.contains("had returned by noon. \"We are open"),
        "spaces and tabs collapsed: {}",
        a.text
    );
    assert_eq!(a.text.matches("\n\n").count(), 1);
}

#[test]
fn txt_crlf_bom_and_stem_source() {
    let bytes = b"\xef\xbb\xbfTitle line\r\n\r\nBody one.\r\n\r\nBody two.\r\n";
    let a = &parse_bytes("dir/some-outlet.txt", bytes, &opts()).expect("parses")[0];
    assert_eq!(a.title, "Title line");
    assert_eq!(a.text, "Body one.\n\nBody two.");
    assert_eq!(a.source, "some-outlet");
    assert_eq!(a.id, "some-outlet");
}

#[test]
fn source_option_overrides_metadata() {
    let o = IngestOptions {
        source: Some("  Override Daily ".into()),
    };
    let a = &parse_bytes("harbour.txt", &fixture("harbour.txt"), &o).expect("parses")[0];
    assert_eq!(a.source, "Override Daily");
    let f = parse_bytes("post.rss", &fixture("post.rss"), &o);
    // The item without content makes the strict call fail; the lenient one keeps the rest.
    assert!(f.is_err());
    let mut sources = Vec::new();
    parse_bytes_each("post.rss", &fixture("post.rss"), &o, &mut |r| {
        if let Ok(a) = r {
            sources.push(a.source)
        }
    });
    assert_eq!(sources, vec!["Override Daily", "Override Daily"]);
}

#[test]
fn markdown_heading_title() {
    let a = &parse_bytes("bridge.md", &fixture("bridge.md"), &opts()).expect("parses")[0];
    assert_eq!(a.title, "Council approves new footbridge");
    assert!(a.text.starts_with("The Marrowby town council voted 7 to 2"));
}

#[test]
fn html_metadata_and_main_text() {
    let a = &parse_bytes("ferry.html", &fixture("ferry.html"), &opts()).expect("parses")[0];
    assert_eq!(a.title, "Ferry strike ends after talks");
    assert_eq!(
        a.source, "The Northern Ledger",
        "og:site_name beats JSON-LD publisher"
    );
    assert_eq!(a.author.as_deref(), Some("Piet Varga"));
    assert_eq!(
        a.published.as_deref(),
        Some("2031-03-05T08:30:00Z"),
        "JSON-LD datePublished first"
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://ledger.example/2031/03/ferry-strike-ends"),
        "canonical first"
    );
    assert!(
        a.text
            .starts_with("Ferry crews on the Marrowby to Skellan route"),
        "{}",
        a.text
    );
    assert!(a.text.contains("glad to be back at sea."));
    assert_eq!(
        a.text.split("\n\n").count(),
        4,
        "four paragraphs: {:?}",
        a.text
    );
    for junk in ["Home", "Sport", "Copyright", "color:black"] {
        assert!(
            !a.text.contains(junk),
            "boilerplate {junk:?} leaked: {}",
            a.text
        );
    }
}

#[test]
fn html_latin1_meta_charset() {
    let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Fr\xe9d\xe9ric</title></head><body><p>Le caf\xe9 de Fr\xe9d\xe9ric est ferm\xe9.</p></body></html>";
    let a = &parse_bytes("x.htm", html, &opts()).expect("parses")[0];
    assert_eq!(a.title, "Frédéric");
    assert_eq!(a.text, "Le café de Frédéric est fermé.");
}

#[test]
fn html_without_text_is_an_error() {
    let err =
        parse_bytes("empty.html", b"<html><body>  </body></html>", &opts()).expect_err("no text");
    assert_eq!(err.path(), "empty.html");
    assert!(err.to_string().contains("no article text"));
}

#[test]
fn jsonl_bad_line_named_and_others_kept() {
    let (ok, bad) = all("wire.jsonl", &fixture("wire.jsonl"));
    let ids: Vec<&str> = ok.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["wire-001", "wire-002", "wire.example-a4"]);
    let paths: Vec<&str> = ok.iter().filter_map(|a| a.path.as_deref()).collect();
    assert_eq!(paths, vec!["wire.jsonl#1", "wire.jsonl#3", "wire.jsonl#5"]);
    assert_eq!(bad.len(), 1);
    assert!(
        matches!(&bad[0], IngestError::Json { path, line: 4, .. } if path == "wire.jsonl"),
        "{:?}",
        bad[0]
    );
    let first = &ok[0];
    assert_eq!(
        first.text,
        "Grain prices rose 3 percent on Thursday.\n\nTraders blamed the late frost."
    );
    assert_eq!(first.published.as_deref(), Some("2031-03-06T12:00:00Z"));
    assert_eq!(first.author.as_deref(), Some("Lin Oduya"));
    assert_eq!(
        ok[1].text,
        "The old lighthouse at Skellan Point was restored.\n\nIt will open to visitors in June."
    );
    assert_eq!(
        ok[2].source, "wire.example",
        "source from URL host when missing"
    );
}

#[test]
fn json_array_single_object_and_jsonl_in_json() {
    let arr = br#"[{"id":"a","text":"One."},{"text":""},{"id":"c","title":"T","text":"Three."}]"#;
    let (ok, bad) = all("batch.json", arr);
    assert_eq!(
        ok.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        vec!["a", "c"]
    );
    assert_eq!(ok[1].path.as_deref(), Some("batch.json#3"));
    assert!(matches!(&bad[0], IngestError::Record { record: 2, .. }));

    let one = br#"{"title":"Solo","text":"Only one.","source":" Solo Press "}"#;
    let a = &parse_bytes("solo.json", one, &opts()).expect("parses")[0];
    assert_eq!(
        (a.id.as_str(), a.source.as_str(), a.path.as_deref()),
        ("solo", "Solo Press", Some("solo.json"))
    );

    let lines = b"{\"id\":\"x\",\"text\":\"X.\"}\n{\"id\":\"y\",\"text\":\"Y.\"}\n";
    let (ok, bad) = all("lines.json", lines);
    assert_eq!(ok.len(), 2);
    assert!(bad.is_empty());
    assert_eq!(ok[1].path.as_deref(), Some("lines.json#2"));
}

#[test]
fn rss_items_prefer_full_content() {
    let (ok, bad) = all("post.rss", &fixture("post.rss"));
    assert_eq!(ok.len(), 2);
    let a = &ok[0];
    assert_eq!(a.source, "Skellan Evening Post");
    assert_eq!(a.id, "post.example-library-hours");
    assert_eq!(a.title, "Library extends opening hours");
    assert_eq!(a.published.as_deref(), Some("2031-03-07T18:00:00Z"));
    assert_eq!(a.author.as_deref(), Some("Noor Castel"));
    assert_eq!(a.url.as_deref(), Some("https://post.example/library-hours"));
    assert_eq!(a.path.as_deref(), Some("post.rss#1"));
    assert_eq!(
        a.text,
        "The Skellan public library will stay open until 9 pm on weekdays from April.\n\nThe change follows a petition signed by 1,200 residents."
    );
    assert_eq!(
        ok[1].text, "Thick fog delayed two morning ferries by an hour.",
        "HTML summary to text"
    );
    assert!(matches!(&bad[0], IngestError::Record { record: 3, .. }));
}

#[test]
fn atom_entry() {
    let a = &parse_bytes("herald.atom", &fixture("herald.atom"), &opts()).expect("parses")[0];
    assert_eq!(a.source, "Lune Valley Herald");
    assert_eq!(a.id, "tag-herald.example-2031-orchard");
    assert_eq!(a.published.as_deref(), Some("2031-03-08T08:00:00Z"));
    assert_eq!(
        a.text,
        "A family orchard near Marrowby won the regional fruit prize.\n\nJudges praised its pears."
    );
}

#[test]
fn feed_without_guid_or_link_uses_stem_index() {
    let rss = br#"<rss version="2.0"><channel><title>T</title><item><title>A</title><description>Words.</description></item></channel></rss>"#;
    let a = &parse_bytes("local.xml", rss, &opts()).expect("parses")[0];
    assert_eq!(a.id, "local#1");
}

#[test]
fn latin1_feed_is_decoded() {
    let rss = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Le Matin</title><item><title>Caf\xe9</title><description>Un caf\xe9 ferm\xe9.</description></item></channel></rss>";
    let a = &parse_bytes("matin.rss", rss, &opts()).expect("parses")[0];
    assert_eq!(a.title, "Café");
    assert_eq!(a.text, "Un café fermé.");
}

#[test]
fn corrupt_feed_is_one_error() {
    let err = parse_bytes("bad.rss", b"<rss><channel><item>", &opts()).expect_err("corrupt");
    assert_eq!(err.path(), "bad.rss");
}

#[test]
fn warc_html_responses_only() {
    let (ok, bad) = all("crawl.warc", &fixture("crawl.warc"));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 1, "image and 404 records skipped");
    let a = &ok[0];
    assert_eq!(a.url.as_deref(), Some("https://www.millnews.example/fire"));
    assert_eq!(a.source, "millnews.example");
    assert_eq!(a.path.as_deref(), Some("crawl.warc#2"));
    assert_eq!(a.title, "Mill fire under control");
    assert_eq!(a.published.as_deref(), Some("2031-03-09"));
    assert!(
        a.text.contains("Fire chief Oskar Dalén said"),
        "windows-1252 payload decoded: {}",
        a.text
    );
}

#[test]
fn warc_gz_and_truncated() {
    use std::io::Write;
    let raw = fixture("crawl.warc");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&raw).expect("gzip");
    let gz = gz.finish().expect("gzip");
    let a = parse_bytes("crawl.warc.gz", &gz, &opts()).expect("parses");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].path.as_deref(), Some("crawl.warc.gz#2"));

    let cut = &raw[..raw.len() - 20];
    let (ok, bad) = all("cut.warc", cut);
    assert_eq!(ok.len(), 1);
    assert!(
        matches!(&bad[0], IngestError::Warc { record: 4, .. }),
        "{bad:?}"
    );

    // Cut inside the last record's header: reported, not silently dropped.
    let header_cut = &raw[..raw.len() - 230];
    let (ok, bad) = all("cut.warc", header_cut);
    assert_eq!(ok.len(), 1);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(
        matches!(&bad[0], IngestError::Warc { record: 4, .. }),
        "{bad:?}"
    );
}

#[test]
fn unknown_extension_read_as_text() {
    let a = &parse_bytes("notes.log", b"Headline\n\nSome words.", &opts()).expect("parses")[0];
    assert_eq!(a.title, "Headline");
    assert_eq!(a.text, "Some words.");
}

/// Inputs the fuzzers once crashed on (see docs/ingest.md): each must parse
/// without panicking, as every WARC flavour and as text.
#[test]
fn fuzz_regressions() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("fuzz dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    for path in entries {
        let bytes = std::fs::read(&path).expect("read");
        for name in [
            "a.warc",
            "a.warc.gz",
            "a.html",
            "a.rss",
            "a.jsonl",
            "a.json",
            "a.txt",
        ] {
            let _ = parse_bytes(name, &bytes, &opts());
        }
    }
}
