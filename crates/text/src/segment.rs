//! Sentence segmentation with news-specific corrections on top of `sentencex`.

use crate::tokenize::is_abbreviation;
use rashomon_model::Span;

/// Words that, after an ambiguous abbreviation such as "U.S.", usually begin a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "A",
    "An",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "After",
    "Before",
    "When",
    "While",
    "Meanwhile",
    "However",
    "Yet",
    "So",
    "If",
    "As",
    "At",
    "For",
    "Some",
    "Many",
    "Officials",
    "Asked",
];

/// Abbreviations that only occur mid-sentence, before a name or a number.
const NEVER_FINAL: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "gov.", "sen.", "rep.", "gen.", "lt.", "col.", "sgt.", "capt.",
    "prof.", "rev.", "st.", "no.", "nos.", "jan.", "feb.", "mar.", "apr.", "aug.", "sept.", "sep.",
    "oct.", "nov.", "dec.", "vs.", "v.", "ft.", "mt.", "maj.", "adm.", "cmdr.", "pres.", "supt.",
    "hon.", "messrs.", "ald.", "atty.", "gens.", "reps.", "sens.", "govs.",
];

/// Splits `text` into sentence spans with their paragraph number.
///
/// Every line is a hard boundary (headlines and bylines rarely end in a full
/// stop); blank lines start a new paragraph. Spans are trimmed of surrounding
/// whitespace and never empty.
pub fn segment(text: &str) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut seen_in_paragraph = false;
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            if seen_in_paragraph {
                paragraph += 1;
                seen_in_paragraph = false;
            }
        } else {
            segment_line(
                text,
                line_start,
                line_start + body.len(),
                paragraph,
                &mut out,
            );
            seen_in_paragraph = true;
        }
        line_start = line_end;
    }
    out
}

fn segment_line(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<(Span, usize)>,
) {
    let line = &text[start..end];
    let mut pieces: Vec<Span> = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", line) {
        // sentencex promises slicing boundaries; guard anyway so bad input never panics.
        if b.start_byte > b.end_byte
            || b.end_byte > line.len()
            || !line.is_char_boundary(b.start_byte)
            || !line.is_char_boundary(b.end_byte)
        {
            continue;
        }
        if let Some(span) = trim(text, Span::new(start + b.start_byte, start + b.end_byte)) {
            pieces.push(span);
        }
    }
    if pieces.is_empty() {
        if let Some(span) = trim(text, Span::new(start, end)) {
            out.push((span, paragraph));
        }
        return;
    }
    // Cover anything sentencex left between pieces so no text is lost.
    let mut merged: Vec<Span> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match merged.last_mut() {
            Some(prev) if should_join(text, *prev, piece) => prev.end = piece.end,
            Some(prev) if piece.start < prev.end => prev.end = prev.end.max(piece.end),
            _ => merged.push(piece),
        }
    }
    for span in merged {
        out.push((span, paragraph));
    }
}

/// Decides whether `next` continues the sentence `prev` rather than starting a new one.
fn should_join(text: &str, prev: Span, next: Span) -> bool {
    let prev_text = prev.slice(text);
    let next_text = next.slice(text);
    let next_first_word = next_text
        .trim_start_matches(|c: char| is_quote_char(c) || c == '(' || c == '[')
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let starts_lower = next_first_word
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() && !ends_with_terminal(prev_text));
    // "“Is it over?” asked the reporter." and "the U.S. economy" continue in lower case.
    if next_text
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | '—' | '–'))
    {
        return true;
    }
    if starts_lower && !prev_text.ends_with(['!', '?']) {
        return true;
    }
    let last_word = prev_text
        .rsplit(|c: char| c.is_whitespace() || c == '(' || is_quote_char(c))
        .next()
        .unwrap_or("");
    let lower = last_word.to_lowercase();
    if NEVER_FINAL.contains(&lower.as_str()) {
        return true;
    }
    if is_abbreviation(last_word) && last_word.ends_with('.') {
        // Initials and acronyms ("U.S.", "J.") end a sentence only before a typical sentence opener.
        return !SENTENCE_STARTERS.contains(&next_first_word);
    }
    false
}

fn ends_with_terminal(s: &str) -> bool {
    s.trim_end_matches(|c: char| is_quote_char(c) || c == ')')
        .ends_with(['.', '!', '?'])
}

pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›'
    )
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = span.start + lead;
    Some(Span::new(start, start + trimmed.len()))
}
