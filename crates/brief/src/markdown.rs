//! Markdown brief, wrapped to 80 columns.

use rashomon_model::{Brief, EntityType, FactStatus, Story};
use std::fmt::Write;

const WIDTH: usize = 80;

/// Greedy word wrap with a first-line prefix and a hanging indent.
fn wrap(out: &mut String, first: &str, indent: &str, text: &str) {
    let mut line = String::from(first);
    if !first.is_empty() && !first.ends_with(' ') {
        line.push(' ');
    }
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn source_of<'a>(brief: &'a Brief, doc: &'a str) -> &'a str {
    brief
        .documents
        .iter()
        .find(|d| d.id == doc)
        .map_or(doc, |d| d.source.as_str())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn to_markdown(brief: &Brief) -> String {
    let mut out = String::new();
    let sources: std::collections::BTreeSet<&str> =
        brief.documents.iter().map(|d| d.source.as_str()).collect();
    let _ = writeln!(out, "# Rashomon brief\n");
    wrap(
        &mut out,
        "",
        "",
        &format!(
            "{} from {}, {}.",
            plural(brief.documents.len(), "document", "documents"),
            plural(sources.len(), "source", "sources"),
            plural(brief.stories.len(), "story", "stories")
        ),
    );
    for story in &brief.stories {
        story_md(&mut out, brief, story);
    }
    out
}

fn story_md(out: &mut String, brief: &Brief, story: &Story) {
    out.push('\n');
    wrap(
        out,
        &format!("## {}:", story.id),
        "   ",
        if story.title.is_empty() {
            "(untitled)"
        } else {
            &story.title
        },
    );
    out.push('\n');
    let docs: Vec<String> = story
        .documents
        .iter()
        .map(|id| {
            let d = brief.documents.iter().find(|d| &d.id == id);
            let copy = d
                .and_then(|d| d.copy_of.as_ref())
                .map(|c| format!(", copy of {}", c.doc))
                .unwrap_or_default();
            let source = source_of(brief, id);
            // A file without an outlet is named after itself: say it once.
            if source == id.as_str() && copy.is_empty() {
                source.to_string()
            } else {
                format!("{source} ({id}{copy})")
            }
        })
        .collect();
    wrap(out, "Sources:", "  ", &docs.join("; "));

    let count = |s: FactStatus| story.facts.iter().filter(|f| f.status == s).count();
    let sections = [
        (FactStatus::Conflict, "Conflicts"),
        (FactStatus::Corroborated, "Corroborated"),
        (FactStatus::Unique, "Reported by one source"),
    ];
    for (status, heading) in sections {
        let n = count(status);
        if n == 0 {
            continue;
        }
        let _ = writeln!(out, "\n### {heading} ({n})\n");
        for fact in story.facts.iter().filter(|f| f.status == status) {
            match status {
                FactStatus::Conflict => {
                    let kind = fact
                        .kind
                        .map(|k| format!("{k:?}").to_lowercase())
                        .unwrap_or_default();
                    wrap(out, &format!("- [{kind}]"), "  ", &fact.summary);
                    for m in &fact.mentions {
                        wrap(
                            out,
                            &format!("  - {} @{}-{}:", source_of(brief, &m.doc), m.start, m.end),
                            "    ",
                            &format!("\"{}\"", m.text),
                        );
                    }
                }
                FactStatus::Corroborated => {
                    wrap(out, "-", "  ", &fact.summary);
                    wrap(
                        out,
                        "  ",
                        "  ",
                        &format!(
                            "({} sources: {}{})",
                            fact.sources.len(),
                            fact.sources.join(", "),
                            if fact.disputed {
                                "; they differ on a detail, see Conflicts"
                            } else {
                                ""
                            }
                        ),
                    );
                }
                FactStatus::Unique => {
                    wrap(
                        out,
                        &format!("- [{}]", fact.sources.join(", ")),
                        "  ",
                        &fact.summary,
                    );
                }
            }
        }
    }
    if !story.quotes.is_empty() {
        let _ = writeln!(out, "\n### Quotes ({})\n", story.quotes.len());
        for q in &story.quotes {
            let mut outlets: Vec<&str> = q
                .mentions
                .iter()
                .map(|m| source_of(brief, &m.doc))
                .collect();
            outlets.dedup();
            let speaker = q.speaker.as_deref().unwrap_or("unattributed");
            wrap(
                out,
                &format!("- {speaker}:"),
                "  ",
                &format!("\"{}\" ({})", q.text, outlets.join(", ")),
            );
        }
    }
    if !story.entities.is_empty() {
        let _ = writeln!(out, "\n### Who and where\n");
        for (ty, label) in [
            (EntityType::Person, "People"),
            (EntityType::Organization, "Organisations"),
            (EntityType::Location, "Places"),
            (EntityType::Misc, "Other"),
        ] {
            let names: Vec<String> = story
                .entities
                .iter()
                .filter(|e| e.entity_type == ty)
                .map(|e| {
                    let others: Vec<&str> = e
                        .aliases
                        .iter()
                        .map(String::as_str)
                        .filter(|a| *a != e.name)
                        .collect();
                    if others.is_empty() {
                        e.name.clone()
                    } else {
                        format!("{} ({})", e.name, others.join(", "))
                    }
                })
                .collect();
            if !names.is_empty() {
                wrap(out, &format!("- {label}:"), "  ", &names.join("; "));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_lines_within_80_columns() {
        let mut s = String::new();
        wrap(&mut s, "- [x]", "  ", &"word ".repeat(100));
        assert!(s.lines().all(|l| l.chars().count() <= WIDTH), "{s}");
        assert!(s.lines().skip(1).all(|l| l.starts_with("  ")));
    }
}
