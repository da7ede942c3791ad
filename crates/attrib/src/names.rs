//! A small capitalised-name heuristic that stands in for the NER stage in
//! evaluation and tests: runs of capitalised words, titles stripped, grouped
//! into one entity per last word ("Donald Trump" ... "Trump").

use rashomon_model::{AnalyzedText, DocEntity, EntityMention, EntityType, Span, TokenKind};
use std::collections::BTreeMap;

/// Titles that mark the following name as a person and are not part of it.
pub const TITLES: &[&str] = &[
    "president",
    "sen.",
    "senator",
    "rep.",
    "gov.",
    "governor",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "secretary",
    "minister",
    "chancellor",
    "judge",
    "justice",
    "gen.",
    "general",
    "mayor",
    "envoy",
    "prime",
    "vice",
    "speaker",
    "chairman",
    "leader",
    "candidate",
    "nominee",
    "director",
    "spokesman",
    "spokeswoman",
    "aide",
    "adviser",
    "advisor",
    "ambassador",
    "attorney",
    "rev.",
];

/// Capitalised words that are not names even inside a capitalised run.
const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "this",
    "that",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "for",
    "meanwhile",
    "however",
    "asked",
    "speaking",
    "still",
    "yet",
    "so",
    "there",
    "what",
    "why",
    "how",
    "who",
    "said",
    "says",
    "according",
    "despite",
    "with",
    "from",
    "by",
    "of",
    "to",
    "is",
    "was",
    "not",
    "no",
    "my",
    "our",
    "your",
    "you",
    "us",
    "u.s.",
    "us-based",
    "american",
    "russian",
    "ukrainian",
    "european",
    "democrats",
    "republicans",
    "democratic",
    "republican",
    "white",
    "house",
    "state",
    "department",
    "party",
    "campaign",
    "news",
    "times",
    "post",
    "reuters",
    "telegram",
    "twitter",
    "facebook",
    "nato",
    "fbi",
    "cia",
    "congress",
    "senate",
    "united",
    "states",
    "air",
    "force",
    "one",
    "alaska",
    "washington",
    "moscow",
    "kyiv",
    "russia",
    "ukraine",
    "america",
    "china",
    "iran",
    "new",
    "york",
];

fn is_name_word(w: &str) -> bool {
    let first = w.chars().next();
    first.is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && !NOT_NAME.contains(&rashomon_text::fold(w).as_str())
        && !rashomon_text::is_calendar_word(w)
        && !TITLES.contains(&rashomon_text::fold(w).as_str())
}

/// Person-like mentions: runs of 2-3 name words, a name word after a title, or a
/// single name word equal to the last word of an earlier run.
pub fn person_mentions(text: &str, an: &AnalyzedText) -> (Vec<EntityMention>, Vec<DocEntity>) {
    let toks = &an.tokens;
    let mut spans: Vec<(Span, String)> = Vec::new();
    let mut known: BTreeMap<String, ()> = BTreeMap::new();
    // Headlines are title-cased: their capitalised runs are not names.
    let mut headline = vec![false; toks.len()];
    for s in &an.sentences {
        let words: Vec<&str> = toks[s.tokens.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.slice(text))
            .collect();
        let caps = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        if words.len() >= 4 && caps * 10 >= words.len() * 7 {
            for h in &mut headline[s.tokens.clone()] {
                *h = true;
            }
        }
    }
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].span.slice(text);
        if toks[i].kind != TokenKind::Word || headline[i] || !is_name_word(w) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len()
            && j - i < 3
            && toks[j].kind == TokenKind::Word
            && is_name_word(toks[j].span.slice(text))
        {
            j += 1;
        }
        let titled =
            i > 0 && TITLES.contains(&rashomon_text::fold(toks[i - 1].span.slice(text)).as_str());
        let last = rashomon_text::fold(toks[j - 1].span.slice(text))
            .trim_end_matches("'s")
            .to_string();
        if j - i >= 2 || titled || known.contains_key(&last) {
            known.insert(last.clone(), ());
            spans.push((Span::new(toks[i].span.start, toks[j - 1].span.end), last));
        }
        i = j;
    }
    let mut by_last: BTreeMap<String, usize> = BTreeMap::new();
    let mut entities: Vec<DocEntity> = Vec::new();
    let mut mentions = Vec::new();
    for (span, last) in spans {
        let surface = span
            .slice(text)
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string();
        let e = *by_last.entry(last).or_insert_with(|| {
            entities.push(DocEntity {
                name: surface.clone(),
                entity_type: EntityType::Person,
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        let ent = &mut entities[e];
        if surface.len() > ent.name.len() {
            ent.name = surface.clone();
        }
        if !ent.aliases.contains(&surface) {
            ent.aliases.push(surface);
        }
        ent.mentions.push(mentions.len());
        mentions.push(EntityMention {
            span,
            entity_type: EntityType::Person,
            entity: e,
        });
    }
    (mentions, entities)
}
