//! Word normalisation shared by every stage that compares words across articles.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// Common English function words, plus news filler that carries no fact.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "nor",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "s",
    "t",
    "said",
    "says",
    "say",
    "told",
    "according",
    "mr",
    "mrs",
    "ms",
    "would",
    "may",
    "might",
    "must",
    "shall",
    "its",
    "it's",
    "one",
    "two",
    "new",
    "like",
    "get",
    "got",
];

/// Day and month names: capitalised, yet they name no participant.
const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True for day and month names, in any case ("Friday", "MAY").
pub fn is_calendar_word(word: &str) -> bool {
    CALENDAR_WORDS.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// True for the names of the days of the week, in any case ("Friday").
pub fn is_weekday(word: &str) -> bool {
    CALENDAR_WORDS[..7]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(word))
}

/// True for function words that carry no content.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(&lower)
}

/// Folds a name or word for matching: NFKD, diacritics removed, lower case,
/// curly apostrophes made straight. "Zelenskyy’s" → "zelenskyy's".
pub fn fold(s: &str) -> String {
    // Most news text is ASCII: skip Unicode decomposition for it.
    if s.is_ascii() {
        return s.to_ascii_lowercase().replace('`', "'");
    }
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '‐' | '‑' | '–' | '—' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Porter2 stem of a lower-cased word.
pub fn stem(lower: &str) -> String {
    stemmer().stem(lower).into_owned()
}

/// Stems of the content words of `text` (stopwords, punctuation and possessive 's dropped), in order.
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter_map(|w| {
            let w = fold(w.trim_matches(|c: char| c == '\'' || c == '’' || c == '-'));
            let w = w.strip_suffix("'s").unwrap_or(&w).to_string();
            (!w.is_empty() && !is_stopword(&w)).then(|| stem(&w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_accents_and_case() {
        assert_eq!(fold("Zelenskyy’s Café"), "zelenskyy's cafe");
    }

    #[test]
    fn content_words_stem_and_drop_stopwords() {
        assert_eq!(
            content_words("The leaders were meeting in Alaska’s capital"),
            vec!["leader", "meet", "alaska", "capit"]
        );
    }
}
