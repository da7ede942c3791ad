//! Plain text and Markdown: an optional header block, a title line, a body.

use crate::normalize::{normalize_date, normalize_line, normalize_text, opt_line};
use rashomon_model::Article;

/// A first line longer than this is a lead paragraph, not a headline: it
/// stays in the body (it carries facts) and only its first sentence becomes
/// the title.
const MAX_HEADLINE_CHARS: usize = 200;
/// Title length cap when the title is cut from a lead paragraph.
const MAX_DERIVED_TITLE_CHARS: usize = 160;

/// Fields a header block can set.
#[derive(Default, Debug)]
struct Header {
    id: Option<String>,
    source: Option<String>,
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
    author: Option<String>,
}

/// Maps a header key to its field; `None` for keys that are not header keys.
fn header_slot<'a>(h: &'a mut Header, key: &str) -> Option<&'a mut Option<String>> {
    Some(match key.trim().to_ascii_lowercase().as_str() {
        "source" | "outlet" | "publisher" | "site" => &mut h.source,
        "published" | "date" | "published_at" => &mut h.published,
        "url" | "link" | "canonical" => &mut h.url,
        "author" | "by" | "byline" | "authors" => &mut h.author,
        "title" | "headline" => &mut h.title,
        "id" => &mut h.id,
        _ => return None,
    })
}

/// Parses `lines` as `Key: value` header lines. With `strict`, every line
/// must use a known key (a plain header block); front matter (`strict =
/// false`) ignores unknown keys.
fn parse_header(lines: &[&str], strict: bool) -> Option<Header> {
    let mut h = Header::default();
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            if strict {
                return None;
            }
            continue;
        };
        let v = v.trim().trim_matches('"').trim();
        match header_slot(&mut h, k) {
            Some(slot) if !v.is_empty() && slot.is_none() => *slot = Some(v.to_string()),
            Some(_) => {}
            None if strict => return None,
            None => {}
        }
    }
    Some(h)
}

/// Splits off a header block (YAML-style `---` front matter or `Key: value`
/// lines up to the first blank line). Returns the header and the rest.
fn split_header(lines: &[&str]) -> (Header, usize) {
    if lines.first().map(|l| l.trim()) == Some("---") {
        if let Some(end) = lines
            .iter()
            .skip(1)
            .take(100)
            .position(|l| l.trim() == "---")
        {
            if let Some(h) = parse_header(&lines[1..end + 1], false) {
                return (h, end + 2);
            }
        }
    }
    let block_len = lines
        .iter()
        .position(|l| l.trim().is_empty())
        .unwrap_or(lines.len());
    // A header must be followed by something; a file of only "Key: value"
    // lines is more likely text than metadata.
    if block_len > 0 && block_len < lines.len() && block_len <= 12 {
        if let Some(h) = parse_header(&lines[..block_len], true) {
            return (h, block_len);
        }
    }
    (Header::default(), 0)
}

/// First sentence of a lead paragraph, cut at a word boundary.
fn derived_title(lead: &str) -> String {
    let mut end = lead.len();
    for (i, _) in lead.match_indices(". ") {
        if lead[..i].chars().count() >= 20 {
            end = i + 1;
            break;
        }
    }
    let sentence = &lead[..end];
    if sentence.chars().count() <= MAX_DERIVED_TITLE_CHARS {
        return sentence.trim().to_string();
    }
    let cut: String = sentence.chars().take(MAX_DERIVED_TITLE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// A `YYYY-MM-DD` date inside a file name ("2016-09-20_poll-wealthy-voters"), the
/// convention of many archives and scrapers for files without a header: the only
/// publication date such a file has, and what keeps same-topic reports weeks apart in
/// different stories.
fn date_in_name(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| r.into_iter().all(|k| w[k].is_ascii_digit());
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if !(bounded
            && digits(0..4)
            && w[4] == b'-'
            && digits(5..7)
            && w[7] == b'-'
            && digits(8..10))
        {
            return None;
        }
        let date = std::str::from_utf8(w).ok()?;
        let year: u32 = date[..4].parse().ok()?;
        if !(1900..=2200).contains(&year) {
            return None;
        }
        normalize_date(date)
    })
}

/// Parses one decoded text/Markdown file. `stem` is the default id and source.
pub fn parse(text: &str, stem: &str, markdown: bool) -> Article {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let lines: Vec<&str> = text.split('\n').collect();
    let (header, mut i) = split_header(&lines);
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    let rest = &lines[i..];
    let mut title = header
        .title
        .as_deref()
        .map(normalize_line)
        .unwrap_or_default();
    let mut body_start = 0;
    let first_is_title = rest.len() >= 2 && !rest[0].trim().is_empty() && rest[1].trim().is_empty();
    // "Headline; \nDek line" (news-archive convention): the headline ends in ';'
    // and the dek that follows stays in the body.
    let headline_with_dek =
        rest.len() >= 2 && rest[0].trim_end().ends_with(';') && !rest[1].trim().is_empty();
    if title.is_empty() && headline_with_dek {
        let first = normalize_line(rest[0].trim_end().trim_end_matches(';'));
        if first.chars().count() <= MAX_HEADLINE_CHARS {
            title = first;
            body_start = 1;
        }
    }
    if title.is_empty() && first_is_title {
        let mut first = rest[0].trim();
        if markdown {
            first = first.trim_start_matches('#').trim();
        }
        let first = normalize_line(first);
        if first.chars().count() <= MAX_HEADLINE_CHARS {
            title = first;
            body_start = 1;
        } else {
            title = derived_title(&first);
        }
    }
    let mut body = normalize_text(&rest[body_start..].join("\n"));
    if body.is_empty() {
        // A file that is only a headline keeps it as its text too.
        body = title.clone();
    }
    Article {
        id: header
            .id
            .as_deref()
            .and_then(|s| opt_line(Some(s)))
            .unwrap_or_else(|| stem.to_string()),
        source: header
            .source
            .as_deref()
            .map(normalize_line)
            .unwrap_or_default(),
        title,
        published: header
            .published
            .as_deref()
            .and_then(normalize_date)
            .or_else(|| date_in_name(stem)),
        url: header.url.as_deref().and_then(|s| opt_line(Some(s))),
        author: opt_line(header.author.as_deref()),
        path: None,
        text: body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_title_body() {
        let a = parse(
            "Source: Example Times\nPublished: 2025-08-15\nAuthor: Jo Writer\n\nHeadline here\n\nPara one\nline two.\n\n\nPara two.\n",
            "stem",
            false,
        );
        assert_eq!(a.source, "Example Times");
        assert_eq!(a.published.as_deref(), Some("2025-08-15"));
        assert_eq!(a.author.as_deref(), Some("Jo Writer"));
        assert_eq!(a.title, "Headline here");
        assert_eq!(a.text, "Para one\nline two.\n\nPara two.");
        assert_eq!(a.id, "stem");
    }

    #[test]
    fn a_date_in_the_file_name_is_the_publication_date_without_a_header() {
        let a = parse(
            "Headline\n\nBody.\n",
            "breitbart_2016-09-20_poll-wealthy",
            false,
        );
        assert_eq!(a.published.as_deref(), Some("2016-09-20"));
        let a = parse(
            "Published: 2025-08-15\n\nHeadline\n\nBody.\n",
            "x_2016-09-20",
            false,
        );
        assert_eq!(a.published.as_deref(), Some("2025-08-15"));
        for stem in [
            "report-2016-13-40",
            "id12016-09-201",
            "v0001-02-03",
            "2016_09_20",
            "note",
        ] {
            assert_eq!(parse("T\n\nB.\n", stem, false).published, None, "{stem}");
        }
    }

    #[test]
    fn no_blank_after_first_line_means_no_title() {
        let a = parse("Line one\nLine two\n", "s", false);
        assert_eq!(a.title, "");
        assert_eq!(a.text, "Line one\nLine two");
        assert_eq!(a.source, "");
    }

    #[test]
    fn non_header_colon_line_is_title() {
        let a = parse("Breaking: storm hits coast\n\nBody.", "s", false);
        assert_eq!(a.title, "Breaking: storm hits coast");
        assert_eq!(a.text, "Body.");
    }

    #[test]
    fn long_lead_paragraph_stays_in_body() {
        let lead = format!(
            "The council voted on Monday to close the old bridge. {}",
            "More words here. ".repeat(20)
        );
        let a = parse(&format!("{lead}\n\nSecond paragraph."), "s", false);
        assert_eq!(
            a.title,
            "The council voted on Monday to close the old bridge."
        );
        assert!(a.text.starts_with("The council voted"));
        assert!(a.text.ends_with("Second paragraph."));
    }

    #[test]
    fn markdown_front_matter_and_heading() {
        let a = parse(
            "---\ntitle: \"Front title\"\nsource: Blog\ntags: x\n---\n# Ignored heading\n\nText.",
            "s",
            true,
        );
        assert_eq!(a.title, "Front title");
        assert_eq!(a.source, "Blog");
        assert_eq!(a.text, "# Ignored heading\n\nText.");
        let b = parse("## Heading\n\nText.", "s", true);
        assert_eq!(b.title, "Heading");
    }

    #[test]
    fn headline_with_dek() {
        let a = parse(
            "Mayor resigns; \nDeputy to take over until June.\n\nBody.",
            "s",
            false,
        );
        assert_eq!(a.title, "Mayor resigns");
        assert_eq!(a.text, "Deputy to take over until June.\n\nBody.");
    }

    #[test]
    fn headline_only_file_keeps_text() {
        let a = parse("Just a headline\n\n", "s", false);
        assert_eq!(a.title, "Just a headline");
        assert_eq!(a.text, "Just a headline");
    }
}
