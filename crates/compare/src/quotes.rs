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

/// Words the shorter of two quotes needs before different speakers of it are a conflict.
const MIN_MISATTRIBUTED_WORDS: usize = 6;

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
            if a.content.is_empty() {
                continue;
            }
            // Indirect speech with quoted words in it ("he was not going “to negotiate
            // for Ukraine”") reports those words as said: each fragment is a quote.
            let pieces: Vec<Vec<Span>> = if a.direct {
                let words: Vec<&str> = a
                    .content
                    .iter()
                    .flat_map(|c| c.slice(text).split_whitespace())
                    .collect();
                if is_title(&words) {
                    continue;
                }
                vec![a.content.clone()]
            } else {
                a.content
                    .iter()
                    .flat_map(|c| quoted_fragments(text, *c))
                    .map(|f| vec![f])
                    .collect()
            };
            for spans in pieces {
                push_quote(&mut out, d, text, a, spans, speaker_name);
            }
        }
    }
    out
}

/// Quoted stretches (“…” or "…") of at least two words inside `span`, marks included.
fn quoted_fragments(text: &str, span: Span) -> Vec<Span> {
    let Some(s) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(i),
            ('"', None) => open = Some(i),
            ('”' | '"', Some(o)) => {
                let end = i + c.len_utf8();
                let words: Vec<&str> = s[o..end].split_whitespace().collect();
                if words.len() >= 2 && !is_title(&words) {
                    out.push(Span::new(span.start + o, span.start + end));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// One quote mention of attribution `a`, made of `spans` of document `d`.
/// A quoted title ("“Collapse: How Societies Choose to Fail or Succeed”", "“This Week”"):
/// every word of four letters or more capitalised. It names a work; nobody said it.
fn is_title(words: &[&str]) -> bool {
    let long: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    !long.is_empty()
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !long.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
}

fn push_quote(
    out: &mut Vec<QuoteMention>,
    d: usize,
    text: &str,
    a: &rashomon_model::Attribution,
    spans: Vec<Span>,
    speaker_name: &dyn Fn(usize, usize) -> Option<(String, bool)>,
) {
    let joined: Vec<&str> = spans
        .iter()
        .map(|s| strip_quote_marks(s.slice(text)))
        .collect();
    let quote = joined.join(" … ");
    let words = quote_words(&quote);
    // Two cues over one quotation (nested attributions) report it once.
    if words.is_empty() || out.iter().any(|q| q.doc == d && q.spans == spans) {
        return;
    }
    let (speaker, known) = match (a.speaker_entity.and_then(|e| speaker_name(d, e)), a.source) {
        // "a Kremlin official" is not the Kremlin: only people speak under their entity's name.
        (Some((name, true)), _) => (Some(name), true),
        (Some((name, false)), Some(src)) if src.slice(text) == name => (Some(name), true),
        (_, Some(src)) => (Some(src.slice(text).to_string()), false),
        (_, None) => (None, false),
    };
    out.push(QuoteMention {
        doc: d,
        spans,
        text: quote,
        speaker,
        speaker_known: known,
        words,
    });
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
            // A short phrase in several mouths ("endless wars") is a slogan, not words
            // given to the wrong person.
            let long_enough = a.words.len().min(b.words.len()) >= MIN_MISATTRIBUTED_WORDS;
            if a.speaker_known && b.speaker_known && a.speaker != b.speaker && long_enough {
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
    fn quoted_words_inside_indirect_speech_are_fragments() {
        let text = "He said he was not going “to negotiate for Ukraine” or to “cave”, he said.";
        let frags = quoted_fragments(text, Span::new(0, text.len()));
        let got: Vec<&str> = frags.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["“to negotiate for Ukraine”"]);
        let plain = "\"a possibility\" and \"two words\"";
        assert_eq!(quoted_fragments(plain, Span::new(0, plain.len())).len(), 2);
        // Titles of works are no quotes; shouting is ("HIGH STAKES").
        let t = "talking about “Collapse: How Societies Choose to Fail,” and “HIGH STAKES”";
        let got: Vec<&str> = quoted_fragments(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(got, ["“HIGH STAKES”"]);
    }

    #[test]
    fn a_slogan_in_two_mouths_is_no_misattribution() {
        let g = group(vec![
            q(0, "endless wars", "Trump"),
            q(1, "endless wars", "Sanders"),
        ]);
        assert_eq!(g.len(), 1);
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
