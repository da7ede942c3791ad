//! The `text` stage: sentences, tokens and normalisation.
//!
//! [`analyze`] turns an article body into sentences and tokens whose byte
//! spans always slice the original text, so every later stage can point back
//! at the exact words it used. Sentence boundaries come from `sentencex`,
//! corrected for news conventions (abbreviations such as "U.S.", "Gov.",
//! "Jan. 5", "No. 10", "a.m.", and no split before a lowercase continuation).
//! The normalisation helpers ([`fold`], [`stem`], [`content_words`]) are the
//! one place that decides how words are compared across articles.

mod segment;
mod tokenize;
mod words;

pub use segment::segment;
pub use tokenize::{is_abbreviation, tokenize};
pub use words::{content_words, fold, is_calendar_word, is_stopword, is_weekday, stem};

use rashomon_model::{AnalyzedText, Sentence};

/// Splits `text` into sentences and tokens, each with byte offsets into `text`.
pub fn analyze(text: &str) -> AnalyzedText {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    for (span, paragraph) in segment(text) {
        let first = tokens.len();
        tokenize::tokenize_into(text, span, &mut tokens);
        sentences.push(Sentence {
            span,
            tokens: first..tokens.len(),
            paragraph,
        });
    }
    AnalyzedText { sentences, tokens }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sents(text: &str) -> Vec<&str> {
        analyze(text)
            .sentences
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn news_abbreviations_do_not_split() {
        let t = "Gov. Jane Roe met U.S. officials on Jan. 5 at 10 a.m. in No. 10 Downing Street. Mr. Doe left.";
        assert_eq!(
            sents(t),
            vec![
                "Gov. Jane Roe met U.S. officials on Jan. 5 at 10 a.m. in No. 10 Downing Street.",
                "Mr. Doe left."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let t = "“We will win,” she said. “It is over.” He left.";
        assert_eq!(
            sents(t),
            vec!["“We will win,” she said.", "“It is over.”", "He left."]
        );
    }

    #[test]
    fn no_split_before_lowercase_continuation() {
        let t = "“Is it over?” asked the reporter. “No!” he said.";
        assert_eq!(
            sents(t),
            vec!["“Is it over?” asked the reporter.", "“No!” he said."]
        );
    }

    #[test]
    fn lines_are_hard_breaks_and_paragraphs_counted() {
        let t = "A Headline\n\nFirst sentence. Second one.\nThird line\n\n\nLast.";
        let a = analyze(t);
        let s: Vec<_> = a
            .sentences
            .iter()
            .map(|s| (s.span.slice(t), s.paragraph))
            .collect();
        assert_eq!(
            s,
            vec![
                ("A Headline", 0),
                ("First sentence.", 1),
                ("Second one.", 1),
                ("Third line", 1),
                ("Last.", 2)
            ]
        );
    }

    #[test]
    fn us_at_sentence_end_splits_before_pronoun() {
        let t = "He flew back to the U.S. The next day he resigned.";
        assert_eq!(
            sents(t),
            vec!["He flew back to the U.S.", "The next day he resigned."]
        );
    }

    proptest! {
        #[test]
        fn spans_always_slice_the_text(t in "\\PC{0,300}") {
            let a = analyze(&t);
            let mut last_end = 0;
            for s in &a.sentences {
                prop_assert!(s.span.start >= last_end && s.span.end <= t.len() && s.span.start < s.span.end);
                prop_assert!(t.get(s.span.start..s.span.end).is_some());
                last_end = s.span.end;
                for tok in &a.tokens[s.tokens.clone()] {
                    prop_assert!(s.span.contains(tok.span));
                    prop_assert!(t.get(tok.span.start..tok.span.end).is_some());
                    prop_assert!(!tok.span.is_empty());
                }
            }
        }

        #[test]
        fn spans_slice_newsy_text(words in proptest::collection::vec(
            prop_oneof![Just("U.S."), Just("Mr."), Just("said"), Just("“"), Just("”"), Just("."), Just("?"),
                        Just("\n\n"), Just("Jan."), Just("5"), Just("a.m."), Just("Kyiv"), Just("—"), Just("3.5%"),
                        Just("don’t"), Just("e.g."), Just("’"), Just("!!!")], 0..60)) {
            let t = words.join(" ");
            let a = analyze(&t);
            for tok in &a.tokens {
                prop_assert!(t.get(tok.span.start..tok.span.end).is_some());
            }
            let covered: usize = a.sentences.iter().map(|s| s.span.len()).sum();
            prop_assert!(covered <= t.len());
        }
    }
}
