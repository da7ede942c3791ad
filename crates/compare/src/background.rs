//! How common a word is in news and general English, independent of the story at hand.
//!
//! Two reports of one story share many words by chance: "year", "people", "said",
//! "presidential". The story's own IDF cannot tell these from the words of a claim
//! ("resign", "jobless", "ceasefire") when the story has only a few sentences, so
//! alignment also weighs each shared word by its sentence frequency in a background
//! corpus: `data/sentence_df.txt`, built by `scripts/build-background.sh` from PolNeAR
//! train (US political news) and the openly licensed UD English EWT, GUM and PUD texts.

use std::collections::HashMap;
use std::sync::OnceLock;

static TABLE: &str = include_str!("../data/sentence_df.txt");

struct Background {
    sentences: f64,
    df: HashMap<&'static str, u32>,
}

fn table() -> &'static Background {
    static B: OnceLock<Background> = OnceLock::new();
    B.get_or_init(|| {
        let mut sentences = 0.0;
        let mut df = HashMap::new();
        for line in TABLE.lines() {
            let Some((term, n)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else {
                continue;
            };
            if term == "#sentences" {
                sentences = f64::from(n);
            } else {
                df.insert(term, n);
            }
        }
        Background { sentences, df }
    })
}

/// `ln((N + 1) / (df + 1))` for a content-word stem (as [`crate::statements`] makes
/// them): about 3.3 for "year", 6.7 for "resign", 8.9 for "jobless"; a stem the
/// background never saw gets the largest weight (10.7). 0 when the table is missing.
pub fn weight(stem: &str) -> f64 {
    let t = table();
    if t.sentences == 0.0 {
        return 0.0;
    }
    let df = t.df.get(stem).copied().unwrap_or(0);
    ((t.sentences + 1.0) / (f64::from(df) + 1.0)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        let stem = |w: &str| rashomon_text::stem(w);
        assert!(weight(&stem("year")) < weight(&stem("ceasefire")));
        assert!(weight(&stem("year")) < 4.0, "{}", weight(&stem("year")));
        assert!(weight("zzqqxv") > 9.0);
    }
}
