//! What the clusterer sees of one article: weighted content-word stems, name
//! keys and a day number.

use crate::fxhash::FxMap;
use rashomon_text::{content_words, fold, is_stopword};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// How much each kind of evidence counts in an article's vector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureWeights {
    /// Weight of a title word relative to a body word: titles name the event.
    pub title: f32,
    /// Weight of a name key (added on top of the name's ordinary stem).
    pub name: f32,
    /// Weight of a pair of adjacent content words ("payroll tax"): phrases
    /// are rarer than their words and pin down the event.
    pub bigram: f32,
}

impl Default for FeatureWeights {
    fn default() -> Self {
        FeatureWeights {
            title: 2.0,
            name: 0.5,
            bigram: 0.25,
        }
    }
}
/// Prefix of title markers: the title's stems, kept apart from the vector's
/// terms (they are not weighted or matched by cosine).
pub const TITLE_PREFIX: char = '^';
/// Prefix that keeps name keys apart from ordinary stems in one vocabulary.
pub const NAME_PREFIX: char = '@';

/// Features of one article, independent of any corpus statistics.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ArticleFeatures {
    /// Term → weight (sublinear term frequency times field weight), in order
    /// of first occurrence. Name keys start with [`NAME_PREFIX`].
    pub terms: Vec<(String, f32)>,
    /// Day number (days since 1970-01-01) of publication, when known.
    pub day: Option<i64>,
}

impl ArticleFeatures {
    /// Number of distinct name keys among the terms.
    pub fn name_count(&self) -> usize {
        self.terms
            .iter()
            .filter(|(t, _)| t.starts_with(NAME_PREFIX))
            .count()
    }
}

/// Builds the features of one article from its title, text, the names of its
/// entities (may be empty: capitalised words of the text are used as names
/// too) and its ISO publication date.
pub fn features(
    title: &str,
    text: &str,
    entities: &[String],
    published: Option<&str>,
) -> ArticleFeatures {
    features_with(title, text, entities, published, &FeatureWeights::default())
}

/// [`features`] with explicit weights.
pub fn features_with(
    title: &str,
    text: &str,
    entities: &[String],
    published: Option<&str>,
    weights: &FeatureWeights,
) -> ArticleFeatures {
    // Terms in first-occurrence order (deterministic without a sort), with
    // a map from term to its slot.
    let mut counts = Counts::default();
    let add = |terms: Vec<String>, w: f32, counts: &mut Counts| {
        for t in &terms {
            counts.add(t, w);
        }
    };
    let title_words = cached_content_words(title);
    let text_words = cached_content_words(text);
    if weights.bigram > 0.0 {
        add_bigrams(&title_words, weights.bigram * weights.title, &mut counts);
        add_bigrams(&text_words, weights.bigram, &mut counts);
    }
    // Title markers: not part of the vector (see `Vocab::vector`), they let
    // the learned pair scorer compare titles with titles and texts.
    let mut marks: Vec<String> = title_words
        .iter()
        .map(|w| format!("{TITLE_PREFIX}{w}"))
        .collect();
    marks.sort();
    marks.dedup();
    add(marks, 1.0, &mut counts);
    add(title_words, weights.title, &mut counts);
    add(text_words, 1.0, &mut counts);
    let mut names: Vec<String> = Vec::new();
    for e in entities {
        names.extend(name_keys(e));
    }
    if !is_title_case(title) {
        names.extend(capitalised_names(title));
    }
    names.extend(capitalised_names(text));
    names.sort();
    names.dedup();
    if weights.name > 0.0 {
        add(names, weights.name, &mut counts);
    }
    let terms = counts
        .terms
        .into_iter()
        .map(|(t, c)| {
            // Sublinear: the tenth repetition of a word says little more than the third.
            let w = if c > 1.0 { 1.0 + c.ln() } else { c };
            (t, w)
        })
        .collect();
    ArticleFeatures {
        terms,
        day: published.and_then(parse_day),
    }
}

#[derive(Default)]
struct Counts {
    slot: FxMap<String, usize>,
    terms: Vec<(String, f32)>,
}

impl Counts {
    /// Allocates only for a new term.
    fn add(&mut self, t: &str, w: f32) {
        if let Some(&i) = self.slot.get(t) {
            self.terms[i].1 += w;
        } else {
            self.slot.insert(t.to_string(), self.terms.len());
            self.terms.push((t.to_string(), w));
        }
    }
}

/// [`content_words`] with a per-thread cache of each word's result: folding
/// and stemming dominate feature time on full articles. The split is the one
/// `content_words` uses, so the output is identical.
fn cached_content_words(text: &str) -> Vec<String> {
    const MAX_CACHED: usize = 50_000;
    thread_local! {
        static CACHE: RefCell<FxMap<String, Option<String>>> = RefCell::new(FxMap::default());
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() > MAX_CACHED {
            cache.clear();
        }
        text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .filter(|w| !w.is_empty())
            .filter_map(|w| {
                if let Some(hit) = cache.get(w) {
                    return hit.clone();
                }
                let stem = content_words(w).into_iter().next();
                cache.insert(w.to_string(), stem.clone());
                stem
            })
            .collect()
    })
}

/// Counts adjacent word pairs, in a canonical order so "tax cut" and "cut
/// tax" agree, through one reused buffer.
fn add_bigrams(words: &[String], w: f32, counts: &mut Counts) {
    let mut buf = String::new();
    for pair in words.windows(2) {
        let (a, b) = match pair[0].cmp(&pair[1]) {
            std::cmp::Ordering::Less => (&pair[0], &pair[1]),
            std::cmp::Ordering::Greater => (&pair[1], &pair[0]),
            std::cmp::Ordering::Equal => continue,
        };
        buf.clear();
        buf.push_str(a);
        buf.push('_');
        buf.push_str(b);
        counts.add(&buf, w);
    }
}

/// Name keys of one name: the stems of its non-stopword words, prefixed.
fn name_keys(name: &str) -> Vec<String> {
    cached_content_words(name)
        .into_iter()
        .filter(|w| w.chars().count() > 1 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| format!("{NAME_PREFIX}{w}"))
        .collect()
}

/// True when most content words of a title are capitalised ("Trump Slams
/// Kerry Over Iran"): then capitals do not mark names.
fn is_title_case(title: &str) -> bool {
    let words: Vec<&str> = title
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .filter(|w| !is_stopword(&fold(w)))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && caps * 10 >= words.len() * 6
}

/// Capitalised words that do not start a sentence, as name keys.
fn capitalised_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        let quoted = raw.starts_with(|c: char| "\"“‘'(".contains(c));
        if starts_upper && !sentence_start && !quoted && !rashomon_text::is_calendar_word(word) {
            out.extend(name_keys(word));
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':']) && !is_initial(word)
            || raw.ends_with(['"', '”']) && raw.contains(['.', '!', '?']);
    }
    out
}

/// "U.S." and "J." do not end sentences for our purpose.
fn is_initial(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() <= 2
}

/// Days since 1970-01-01 of an ISO date or date-time ("2025-08-15", "2025-08-15T10:00:00Z").
pub fn parse_day(s: &str) -> Option<i64> {
    let s = s.trim();
    let y: i64 = s.get(0..4)?.parse().ok()?;
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
        return None;
    }
    let m: i64 = s.get(5..7)?.parse().ok()?;
    let d: i64 = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_words_equal_content_words() {
        let t = "Zelenskyy’s aides -- the U.S. well-known 'quote' don't 3.5% Café's Café's";
        assert_eq!(cached_content_words(t), content_words(t));
        assert_eq!(cached_content_words(t), content_words(t));
    }

    #[test]
    fn parses_days() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2000-03-01"), Some(11_017));
        assert_eq!(parse_day("2025-08-15T10:00:00Z"), Some(20_315));
        assert_eq!(parse_day("2025-13-01"), None);
        assert_eq!(parse_day("yesterday"), None);
    }

    #[test]
    fn names_come_from_capitals_and_entities() {
        let f = features(
            "Council closes bridge",
            "The Riverton council voted. Mayor Elena Brooks agreed.",
            &["Harbour Authority".to_string()],
            None,
        );
        let names: Vec<&str> = f
            .terms
            .iter()
            .filter(|(t, _)| t.starts_with(NAME_PREFIX))
            .map(|(t, _)| t.as_str())
            .collect();
        // "Mayor" starts a sentence, so it is not a name; "The" is a stopword.
        assert_eq!(
            names,
            vec!["@author", "@brook", "@elena", "@harbour", "@riverton"]
        );
        let bridge = f.terms.iter().find(|(t, _)| t == "bridg").map(|x| x.1);
        // Title weight 2, damped: 1 + ln 2.
        assert_eq!(bridge, Some(1.0 + 2f32.ln()));
    }

    #[test]
    fn title_case_titles_give_no_names() {
        let f = features("Council Closes Old Harbour Bridge", "", &[], None);
        assert_eq!(f.name_count(), 0);
        let g = features("Council closes the Riverton bridge", "", &[], None);
        assert_eq!(g.name_count(), 1);
    }
}
