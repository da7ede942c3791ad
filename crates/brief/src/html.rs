//! One self-contained HTML file: no external assets, no script. Every piece of
//! article text is escaped, and a Content-Security-Policy forbids scripts, so a
//! brief built from hostile HTML cannot run anything.

use rashomon_model::{Brief, ConflictKind, FactStatus, Story};
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}\
header,section.story{padding:1rem 2rem}h1{margin:.2rem 0}\
.facts li{margin:.3rem 0}.tag{font-size:.75rem;padding:0 .3rem;border-radius:3px;margin-right:.3rem;color:#fff}\
.tag.conflict{background:#c0392b}.tag.corroborated{background:#2e7d32}.tag.unique{background:#6d6d6d}\
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1rem;margin-top:1rem}\
article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere}\
article h3{white-space:normal;margin-top:0}.meta{color:#666;font-size:.85rem;white-space:normal}\
mark{border-radius:2px;padding:0 1px}mark.corroborated{background:#c8e6c9}mark.unique{background:#eeeeee}\
mark.conflict{background:#ffcdd2;outline:2px solid #c0392b}details{margin:.5rem 0}\
.quotes li,.entities li{margin:.2rem 0}.src{color:#555;font-size:.85rem}";

pub fn to_html(brief: &Brief) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Rashomon brief</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style></head><body>\n<header><h1>Rashomon brief</h1>");
    let _ = write!(
        out,
        "<p>{} documents, {} {}.</p><ol>",
        brief.documents.len(),
        brief.stories.len(),
        if brief.stories.len() == 1 {
            "story"
        } else {
            "stories"
        }
    );
    for s in &brief.stories {
        let _ = write!(
            out,
            "<li><a href=\"#{id}\">{title}</a> <span class=\"src\">({n} sources)</span></li>",
            id = escape(&s.id),
            title = escape(if s.title.is_empty() { &s.id } else { &s.title }),
            n = s.sources.len()
        );
    }
    out.push_str("</ol></header>\n");
    for story in &brief.stories {
        story_html(&mut out, brief, story);
    }
    out.push_str("</body></html>\n");
    out
}

fn status_name(s: FactStatus) -> &'static str {
    match s {
        FactStatus::Conflict => "conflict",
        FactStatus::Corroborated => "corroborated",
        FactStatus::Unique => "unique",
    }
}

fn kind_name(k: Option<ConflictKind>) -> String {
    k.map(|k| format!("{k:?}").to_lowercase())
        .unwrap_or_default()
}

fn story_html(out: &mut String, brief: &Brief, story: &Story) {
    let _ = write!(
        out,
        "<section class=\"story\" id=\"{}\"><h2>{}</h2>",
        escape(&story.id),
        escape(if story.title.is_empty() {
            &story.id
        } else {
            &story.title
        })
    );
    let _ = write!(
        out,
        "<p class=\"src\">Sources: {}</p>",
        escape(&story.sources.join(", "))
    );
    out.push_str("<details open><summary>Facts</summary><ul class=\"facts\">");
    for (n, f) in story.facts.iter().enumerate() {
        let status = status_name(f.status);
        let _ = write!(
            out,
            "<li id=\"{sid}-f{n}\"><span class=\"tag {status}\">{status}{kind}</span>{summary} <span class=\"src\">— {sources}{disputed}</span></li>",
            sid = escape(&story.id),
            kind = f.kind.map(|_| format!(": {}", kind_name(f.kind))).unwrap_or_default(),
            summary = escape(&f.summary),
            sources = escape(&f.sources.join(", ")),
            disputed = if f.disputed {
                "; they differ on a detail, see the conflicts"
            } else {
                ""
            }
        );
    }
    out.push_str("</ul></details>");
    if !story.quotes.is_empty() {
        out.push_str("<details><summary>Quotes</summary><ul class=\"quotes\">");
        for q in &story.quotes {
            let _ = write!(
                out,
                "<li><b>{}</b>: “{}” <span class=\"src\">({} mentions)</span></li>",
                escape(q.speaker.as_deref().unwrap_or("unattributed")),
                escape(&q.text),
                q.mentions.len()
            );
        }
        out.push_str("</ul></details>");
    }
    if !story.entities.is_empty() {
        out.push_str("<details><summary>Entities</summary><ul class=\"entities\">");
        for e in &story.entities {
            let _ = write!(
                out,
                "<li>{} <span class=\"src\">{} — {}</span></li>",
                escape(&e.name),
                e.entity_type.as_str(),
                escape(&e.aliases.join(", "))
            );
        }
        out.push_str("</ul></details>");
    }
    out.push_str("<div class=\"cols\">");
    for id in &story.documents {
        let Some(doc) = brief.documents.iter().find(|d| &d.id == id) else {
            continue;
        };
        let _ = write!(
            out,
            "<article><h3>{}</h3><p class=\"meta\">{} · {}{}</p>",
            escape(&doc.title),
            escape(&doc.source),
            escape(&doc.id),
            doc.published
                .as_deref()
                .map(|p| format!(" · {}", escape(p)))
                .unwrap_or_default()
        );
        out.push_str(&highlighted(&doc.text, &doc.id, story));
        out.push_str("</article>");
    }
    out.push_str("</div></section>\n");
}

/// The document text with every fact mention wrapped in a `<mark>`; where
/// mentions overlap, conflicts win over corroborated over unique.
fn highlighted(text: &str, doc: &str, story: &Story) -> String {
    let rank = |s: FactStatus| match s {
        FactStatus::Conflict => 3u8,
        FactStatus::Corroborated => 2,
        FactStatus::Unique => 1,
    };
    let mut spans: Vec<(usize, usize, u8, usize)> = Vec::new();
    for (n, f) in story.facts.iter().enumerate() {
        for m in f
            .mentions
            .iter()
            .chain(&f.highlights)
            .filter(|m| m.doc == doc)
        {
            if m.start < m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end)
            {
                spans.push((m.start, m.end, rank(f.status), n));
            }
        }
    }
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in &spans {
        cuts.push(s.0);
        cuts.push(s.1);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let seg = &text[a..b];
        let best = spans
            .iter()
            .filter(|s| s.0 <= a && b <= s.1)
            .max_by_key(|s| (s.2, std::cmp::Reverse(s.3)));
        match best {
            Some(&(_, _, r, n)) => {
                let class = match r {
                    3 => "conflict",
                    2 => "corroborated",
                    _ => "unique",
                };
                let _ = write!(
                    out,
                    "<mark class=\"{class}\" title=\"{}\">{}</mark>",
                    escape(&story.facts[n].summary),
                    escape(seg)
                );
            }
            None => out.push_str(&escape(seg)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
    }
}
