//! RSS and Atom feeds via feed-rs: one article per item.

use crate::normalize::{
    normalize_date, normalize_line, normalize_text, opt_line, sanitize_id, url_host,
};
use crate::{charset, html, Ctx, Emit, IngestError};
use once_cell::sync::Lazy;
use rashomon_model::Article;
use regex::Regex;

static XML_DECL_ENCODING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']"#).expect("static regex")
});

/// Text from a feed field: HTML goes through the HTML extractor, plain text
/// is only normalised. Feeds often put HTML in "text" fields, so tags decide.
fn field_text(body: &str, declared_html: bool) -> String {
    let looks_html = body.contains("</") || body.contains("<br") || body.contains("<p");
    if declared_html || looks_html {
        html::extract(body).text
    } else {
        normalize_text(body)
    }
}

fn is_html(mime: &impl std::fmt::Display) -> bool {
    mime.to_string().contains("html")
}

/// Parses a whole feed; each item becomes an article or a record error.
pub fn parse(ctx: &Ctx, bytes: &[u8], emit: &mut Emit) {
    // Decode first so any charset works, then tell the XML parser it is UTF-8.
    let declared = charset::xml_declared(bytes);
    let text = charset::decode(bytes, declared.as_deref());
    let text = XML_DECL_ENCODING.replace(&text, r#"${1}"UTF-8""#);
    // Items without a guid keep an empty id; we derive ours from the link.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = match parser.parse(text.as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            emit(Err(IngestError::Feed {
                path: ctx.path.to_string(),
                reason: e.to_string(),
            }));
            return;
        }
    };
    let feed_link = feed
        .links
        .iter()
        .map(|l| l.href.as_str())
        .find(|h| h.contains("://"));
    let feed_source = feed
        .title
        .as_ref()
        .map(|t| normalize_line(&t.content))
        .filter(|t| !t.is_empty())
        .or_else(|| feed_link.and_then(url_host))
        .unwrap_or_default();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let n = i + 1;
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|h| !h.is_empty());
        let content = entry
            .content
            .as_ref()
            .and_then(|c| {
                c.body
                    .as_deref()
                    .map(|b| field_text(b, is_html(&c.content_type)))
            })
            .filter(|t| !t.is_empty());
        let summary = entry
            .summary
            .as_ref()
            .map(|s| field_text(&s.content, is_html(&s.content_type)));
        let text = content.or(summary).unwrap_or_default();
        if text.is_empty() {
            emit(Err(IngestError::Record {
                path: ctx.path.to_string(),
                record: n,
                reason: "feed item has no content or summary".into(),
            }));
            continue;
        }
        let title = entry
            .title
            .as_ref()
            .map(|t| normalize_line(&field_text(&t.content, false)))
            .unwrap_or_default();
        let authors: Vec<String> = entry
            .authors
            .iter()
            .filter_map(|p| opt_line(p.name.as_deref()))
            .collect();
        let published = entry
            .published
            .or(entry.updated)
            .and_then(|d| normalize_date(&d.to_rfc3339()));
        let id = sanitize_id(&entry.id)
            .or_else(|| link.as_deref().and_then(sanitize_id))
            .unwrap_or_else(|| format!("{}#{n}", ctx.stem));
        let source = if feed_source.is_empty() {
            link.as_deref().and_then(url_host).unwrap_or_default()
        } else {
            feed_source.clone()
        };
        emit(Ok(Article {
            id,
            source,
            title,
            published,
            url: link,
            author: (!authors.is_empty()).then(|| authors.join(", ")),
            path: Some(format!("{}#{n}", ctx.path)),
            text,
        }));
    }
}
