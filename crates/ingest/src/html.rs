//! HTML → main text and metadata. The body comes from dom_smoothie (a
//! Readability port) in formatted-text mode; when it fails or finds nothing,
//! all `<p>` texts, then the whole `<body>`, so the body is never lost.

use crate::normalize::{is_absolute_url, normalize_date, normalize_line, normalize_text, opt_line};
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;
use std::collections::BTreeMap;

/// Past this many elements Readability is skipped (pathological pages would
/// take too long); the `<p>` fallback still reads them.
const MAX_ELEMENTS: usize = 200_000;

/// What one HTML document yields. Empty strings / `None` mean "not found".
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlDoc {
    pub title: String,
    pub site_name: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub text: String,
}

/// Metadata from one JSON-LD article object.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

fn str_of(v: &Value) -> Option<&str> {
    v.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// A name from a string, an object with `name`, or an array of those.
fn names_of(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::String(s) => vec![s.trim().to_string()],
        Value::Object(o) => o
            .get("name")
            .and_then(str_of)
            .map(str::to_string)
            .into_iter()
            .collect(),
        Value::Array(a) => a.iter().filter_map(names_of).collect(),
        _ => vec![],
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn is_article_object(o: &serde_json::Map<String, Value>) -> bool {
    let typ = match o.get("@type") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    };
    typ.contains("Article")
        || typ.contains("BlogPosting")
        || typ.contains("Report")
        || o.contains_key("datePublished")
}

/// Depth-first search for the first article-like object (top level, arrays, `@graph`).
fn find_article(v: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Array(a) => a.iter().find_map(|x| find_article(x, depth + 1)),
        Value::Object(o) => {
            if is_article_object(o) {
                return Some(o);
            }
            o.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn json_ld(doc: &Document) -> JsonLd {
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let raw = script.text();
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        let Some(o) = find_article(&v, 0) else {
            continue;
        };
        let url = o.get("url").and_then(str_of).or_else(|| {
            o.get("mainEntityOfPage")
                .and_then(|m| str_of(m).or_else(|| m.get("@id").and_then(str_of)))
        });
        return JsonLd {
            headline: o
                .get("headline")
                .or_else(|| o.get("name"))
                .and_then(str_of)
                .map(normalize_line),
            published: o.get("datePublished").and_then(str_of).map(str::to_string),
            publisher: o.get("publisher").and_then(names_of),
            author: o.get("author").and_then(names_of),
            url: url.map(str::to_string),
        };
    }
    JsonLd::default()
}

/// `<meta>` values keyed by lower-cased `property`/`name`/`itemprop`; first wins.
fn metas(doc: &Document) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for m in doc.select("meta[content]").iter() {
        let Some(content) = m.attr("content") else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for key_attr in ["property", "name", "itemprop"] {
            if let Some(k) = m.attr(key_attr) {
                out.entry(k.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_string());
            }
        }
    }
    out
}

fn strip_by(s: String) -> String {
    let t = s.trim();
    let lower = t.to_lowercase();
    if lower.starts_with("by ") {
        t.get(3..).unwrap_or(t).trim().to_string()
    } else {
        t.to_string()
    }
}

/// All `<p>` texts as paragraphs, else the formatted text of `<body>`.
fn fallback_text(doc: &Document) -> String {
    let paras: Vec<String> = doc
        .select("p")
        .iter()
        .map(|p| normalize_line(&p.text()))
        .filter(|p| !p.is_empty())
        .collect();
    if !paras.is_empty() {
        return paras.join("\n\n");
    }
    doc.select("script, style, noscript, template").remove();
    let body = doc.select("body");
    let text = if body.exists() {
        body.formatted_text()
    } else {
        doc.formatted_text()
    };
    normalize_text(&text)
}

/// Drops metadata lines Readability often leaves at the top of the body: the
/// headline again, a "By ..." byline, a date. Keeps everything when nothing
/// else would remain.
fn strip_leading_meta(text: String, title: &str, author: Option<&str>) -> String {
    let is_meta = |line: &str| {
        let l = line.trim();
        let lower = l.to_lowercase();
        l.is_empty()
            || (l.chars().count() <= 100
                && (l == title
                    || author == Some(l)
                    || (lower.starts_with("by ") && !l.ends_with('.'))
                    || (l.len() <= 40 && normalize_date(l).is_some())))
    };
    let skip: usize = text
        .split('\n')
        .take_while(|l| is_meta(l))
        .map(|l| l.len() + 1)
        .sum();
    match text.get(skip.min(text.len())..) {
        Some(rest) if !rest.trim().is_empty() && skip > 0 => normalize_text(rest),
        _ => text,
    }
}

/// Extracts main text and metadata from an HTML string. Never fails: the
/// worst case is an empty `HtmlDoc` for a document with no text at all.
pub fn extract(html: &str) -> HtmlDoc {
    let doc = Document::from(html);
    let meta = metas(&doc);
    let ld = json_ld(&doc);
    let canonical = doc
        .select(r#"link[rel~="canonical"]"#)
        .attr("href")
        .map(|s| s.trim().to_string());
    let time = doc
        .select("article time[datetime]")
        .attr("datetime")
        .or_else(|| doc.select("time[datetime]").attr("datetime"))
        .map(|s| s.to_string());
    let h1 = opt_line(doc.select("h1").first().text().as_ref().into());
    let title_tag = opt_line(doc.select("title").first().text().as_ref().into());
    let m = |k: &str| meta.get(k).map(String::as_str);
    let p_len: usize = doc.select("p").iter().map(|p| p.text().trim().len()).sum();

    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let parsed = Readability::with_document(doc, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let (r_title, r_site, r_byline, r_published, r_text) = match parsed {
        Some(a) => (
            opt_line(Some(&a.title)),
            a.site_name,
            a.byline,
            a.published_time,
            normalize_text(&a.text_content),
        ),
        None => (None, None, None, None, String::new()),
    };
    // Readability sometimes settles on one small block of a long page; when it
    // keeps under a quarter of the paragraph text, the paragraphs are safer.
    let text = if r_text.is_empty() || (p_len > 1000 && r_text.len() * 4 < p_len) {
        fallback_text(&Document::from(html))
    } else {
        r_text
    };

    let title = ld
        .headline
        .or_else(|| opt_line(m("og:title")))
        .or(r_title)
        .or(h1)
        .or(title_tag)
        .unwrap_or_default();
    let site_name = opt_line(m("og:site_name"))
        .or_else(|| opt_line(ld.publisher.as_deref()))
        .or_else(|| opt_line(r_site.as_deref()));
    let author = opt_line(ld.author.as_deref())
        .or_else(|| opt_line(m("author")))
        .or_else(|| {
            m("article:author")
                .filter(|a| !is_absolute_url(a))
                .and_then(|a| opt_line(Some(a)))
        })
        .or_else(|| opt_line(r_byline.map(strip_by).as_deref()));
    let published = [
        ld.published.as_deref(),
        m("article:published_time"),
        time.as_deref(),
        r_published.as_deref(),
        m("datepublished"),
        m("pubdate"),
        m("publishdate"),
        m("date"),
        m("dc.date.issued"),
        m("dc.date"),
    ]
    .into_iter()
    .flatten()
    .find_map(normalize_date);
    let url = [canonical.as_deref(), m("og:url"), ld.url.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|u| is_absolute_url(u))
        .map(str::to_string);
    let text = strip_leading_meta(text, &title, author.as_deref());
    HtmlDoc {
        title,
        site_name,
        author,
        published,
        url,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_falls_back_to_paragraphs() {
        let d = extract("<p>First  para.</p><div><p>Second para.</p></div>");
        assert_eq!(d.text, "First para.\n\nSecond para.");
    }

    #[test]
    fn text_without_paragraphs_uses_body() {
        let d = extract("<html><body><div>Only a div</div><script>var x=1;</script></body></html>");
        assert_eq!(d.text, "Only a div");
    }

    #[test]
    fn leading_headline_byline_and_date_are_dropped() {
        let t = strip_leading_meta(
            "Head\n\nBy A. Person\n5 March 2031\nBody text.".into(),
            "Head",
            None,
        );
        assert_eq!(t, "Body text.");
        let only = strip_leading_meta("Head".into(), "Head", None);
        assert_eq!(only, "Head");
    }

    #[test]
    fn empty_document() {
        let d = extract("");
        assert_eq!(d.text, "");
        assert_eq!(d.title, "");
    }

    #[test]
    fn json_ld_graph_and_arrays() {
        let html = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
         {"@type":["NewsArticle"],"headline":"Graph headline","datePublished":"2025-08-15T08:00:00Z",
          "author":[{"name":"A. Writer"},{"name":"B. Writer"}],"publisher":{"name":"Graph Post"}}]}
        </script></head><body><p>Body.</p></body></html>"#;
        let d = extract(html);
        assert_eq!(d.title, "Graph headline");
        assert_eq!(d.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(d.site_name.as_deref(), Some("Graph Post"));
        assert_eq!(d.published.as_deref(), Some("2025-08-15T08:00:00Z"));
    }
}
