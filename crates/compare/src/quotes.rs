//! Quotes across sources: the same words reported by several outlets become one
//! quote with several mentions; the same words given to different speakers, or
//! one speaker's words altered, become conflicts.

use rashomon_model::{ConflictKind, Document, Mention, Span};
use rashomon_text::fold;

/// One quote occurrence in one document.
#[derive(Debug, Clone)]
pub struct QuoteMention {
    pub doc: usize,
    pub spans: Vec<Span>,
    pub text: String,
    /// Canonical speaker: the story entity name, or the source words as written.
    pub speaker: Option<String>,
    /// True when the speaker is a resolved named entity (not just "officials").
    pub speaker_known: bool,
    words: Vec<String>,
}

/// A group of mentions of one quote.
pub struct QuoteGroup {
    pub members: Vec<QuoteMention>,
}

pub struct QuoteConflict {
    pub kind: ConflictKind,
    pub left: usize,
    pub right: usize,
}

/// The words of a quote, folded, with contractions spelled out: one outlet's "We've got"
/// is another's "We have got", not an altered quote.
fn quote_words(s: &str) -> Vec<String> {
    let folded = fold(s).replace(['’', '‘', '`'], "'");
    let mut out = Vec::new();
    for w in folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
    {
        let expanded: &[&str] = match w {
            "won't" => &["will", "not"],
            "can't" => &["can", "not"],
            "cannot" => &["can", "not"],
            "shan't" => &["shall", "not"],
            _ => &[],
        };
        if !expanded.is_empty() {
            out.extend(expanded.iter().map(|x| x.to_string()));
            continue;
        }
        let (stem, tail) = if let Some(st) = w.strip_suffix("n't") {
            (st, Some("not"))
        } else if let Some(st) = w.strip_suffix("'ve") {
            (st, Some("have"))
        } else if let Some(st) = w.strip_suffix("'re") {
            (st, Some("are"))
        } else if let Some(st) = w.strip_suffix("'ll") {
            (st, Some("will"))
        } else if let Some(st) = w.strip_suffix("'m") {
            (st, Some("am"))
        } else {
            (w, None)
        };
        if !stem.is_empty() {
            out.push(stem.to_string());
        }
        out.extend(tail.map(str::to_string));
    }
    out
}

fn strip_quote_marks(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | ' ' | '«' | '»'))
        .trim_end_matches(',')
}

/// Collects the direct quotes of every document.
pub fn collect(
    docs: &[&Document],
    speaker_name: &dyn Fn(usize, usize) -> Option<(String, bool)>,
) -> Vec<QuoteMention> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let text = &doc.article.text;
        for a in &doc.extraction.attributions {
            if !a.direct || a.content.is_empty() {
                continue;
            }
            let joined: Vec<&str> = a
                .content
                .iter()
                .map(|s| strip_quote_marks(s.slice(text)))
                .collect();
            let quote = joined.join(" … ");
            let words = quote_words(&quote);
            if words.is_empty() {
                continue;
            }
            let (speaker, known) =
                match (a.speaker_entity.and_then(|e| speaker_name(d, e)), a.source) {
                    // "a Kremlin official" is not the Kremlin: only people speak under their entity's name.
                    (Some((name, true)), _) => (Some(name), true),
                    (Some((name, false)), Some(src)) if src.slice(text) == name => {
                        (Some(name), true)
                    }
                    (_, Some(src)) => (Some(src.slice(text).to_string()), false),
                    (_, None) => (None, false),
                };
            out.push(QuoteMention {
                doc: d,
                spans: a.content.clone(),
                text: quote,
                speaker,
                speaker_known: known,
                words,
            });
        }
    }
    out
}

/// Share of the shorter quote's words found in the longer one, and the Jaccard index.
fn overlap(a: &[String], b: &[String]) -> (f64, f64) {
    let sa: std::collections::BTreeSet<&String> = a.iter().collect();
    let sb: std::collections::BTreeSet<&String> = b.iter().collect();
    let inter = sa.intersection(&sb).count() as f64;
    let union = sa.union(&sb).count() as f64;
    let containment = inter / sa.len().min(sb.len()).max(1) as f64;
    (containment, if union == 0.0 { 0.0 } else { inter / union })
}

fn same_quote(a: &QuoteMention, b: &QuoteMention) -> bool {
    let (containment, jaccard) = overlap(&a.words, &b.words);
    let shorter = a.words.len().min(b.words.len());
    (shorter >= 3 && containment >= 0.8) || jaccard >= 0.5 || (shorter < 3 && a.words == b.words)
}

/// The shorter quote's letters, in order, appear in the longer one's: "flag pole" and
/// "flagpole", "co-operate" and "cooperate" are one wording.
fn same_letters(a: &QuoteMention, b: &QuoteMention) -> bool {
    let letters = |q: &QuoteMention| -> String { q.words.concat() };
    let (x, y) = (letters(a), letters(b));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    !short.is_empty() && long.contains(&short)
}

/// Groups quote mentions that report the same words.
pub fn group(mentions: Vec<QuoteMention>) -> Vec<QuoteGroup> {
    let mut groups: Vec<QuoteGroup> = Vec::new();
    for m in mentions {
        match groups
            .iter_mut()
            .find(|g| g.members.iter().any(|x| same_quote(x, &m)))
        {
            Some(g) => g.members.push(m),
            None => groups.push(QuoteGroup { members: vec![m] }),
        }
    }
    groups
}

/// Attribution conflicts (same words, different speakers) and altered quotes
/// (same speaker, different wording) between independent sources.
pub fn conflicts(g: &QuoteGroup, independent: &dyn Fn(usize, usize) -> bool) -> Vec<QuoteConflict> {
    let mut out = Vec::new();
    for i in 0..g.members.len() {
        for j in (i + 1)..g.members.len() {
            let (a, b) = (&g.members[i], &g.members[j]);
            if !independent(a.doc, b.doc) {
                continue;
            }
            let (containment, _) = overlap(&a.words, &b.words);
            if a.speaker_known && b.speaker_known && a.speaker != b.speaker {
                out.push(QuoteConflict {
                    kind: ConflictKind::Attribution,
                    left: i,
                    right: j,
                });
            } else if a.speaker == b.speaker
                && a.speaker.is_some()
                && containment < 0.999
                && !same_letters(a, b)
            {
                out.push(QuoteConflict {
                    kind: ConflictKind::Quote,
                    left: i,
                    right: j,
                });
            }
        }
    }
    out
}

pub fn mention(doc_id: &str, text: &str, span: Span) -> Mention {
    Mention {
        doc: doc_id.to_string(),
        start: span.start,
        end: span.end,
        text: span.slice(text).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(doc: usize, text: &str, speaker: &str) -> QuoteMention {
        QuoteMention {
            doc,
            spans: vec![],
            text: text.into(),
            speaker: Some(speaker.into()),
            speaker_known: true,
            words: quote_words(text),
        }
    }

    #[test]
    fn contractions_and_inner_quote_marks_are_no_alteration() {
        assert_eq!(
            quote_words("say, ‘Look, this is not who we are.’ We’ve got to"),
            quote_words("say, look, this is not who we are … We have got to")
        );
        assert_eq!(
            quote_words("It won't, we don’t"),
            ["it", "will", "not", "we", "do", "not"]
        );
        let g = group(vec![
            q(0, "We have got to do everything possible", "Clinton"),
            q(1, "We’ve got to do everything possible", "Clinton"),
        ]);
        assert!(conflicts(&g[0], &|a, b| a != b).is_empty());
    }

    #[test]
    fn a_word_split_in_two_is_no_alteration() {
        let g = group(vec![
            q(
                0,
                "on the flagpole of our embassies one flag should fly",
                "Pompeo",
            ),
            q(
                1,
                "on the flag pole of our embassies one flag should fly",
                "Pompeo",
            ),
        ]);
        assert_eq!(g.len(), 1);
        assert!(conflicts(&g[0], &|a, b| a != b).is_empty());
    }

    #[test]
    fn a_shortened_quote_is_the_same_quote_not_an_alteration() {
        let g = group(vec![
            q(0, "We are counting on America", "Zelensky"),
            q(
                1,
                "It's time to end the war. We are counting on America",
                "Zelensky",
            ),
        ]);
        assert_eq!(g.len(), 1);
        assert!(conflicts(&g[0], &|a, b| a != b).is_empty());
    }

    #[test]
    fn altered_wording_and_other_speaker_are_conflicts() {
        let g = group(vec![
            q(
                0,
                "We will rebuild the barrier stronger than before",
                "Mayor",
            ),
            q(1, "We will rebuild it stronger than ever", "Mayor"),
            q(
                2,
                "We will rebuild the barrier stronger than before",
                "Governor",
            ),
        ]);
        assert_eq!(g.len(), 1);
        let kinds: Vec<_> = conflicts(&g[0], &|a, b| a != b)
            .iter()
            .map(|c| c.kind)
            .collect();
        assert!(kinds.contains(&ConflictKind::Quote));
        assert!(kinds.contains(&ConflictKind::Attribution));
    }

    #[test]
    fn copies_are_not_compared() {
        let g = group(vec![
            q(0, "Stay home tonight", "Mayor"),
            q(1, "Stay home tonight", "Chief"),
        ]);
        assert!(conflicts(&g[0], &|_, _| false).is_empty());
    }
}
