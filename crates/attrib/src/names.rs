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
    "former",
    "democrat",
    "gop",
    "govs.",
    "sens.",
    "reps.",
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

/// Last words that make a capitalised run an organisation, place or thing rather than a
/// person ("National Club Association", "Supreme Court", "Silicon Valley").
const NOT_PERSON_HEAD: &[&str] = &[
    "association",
    "committee",
    "court",
    "office",
    "university",
    "college",
    "institute",
    "foundation",
    "agency",
    "bureau",
    "commission",
    "council",
    "club",
    "group",
    "center",
    "centre",
    "church",
    "school",
    "network",
    "journal",
    "review",
    "magazine",
    "valley",
    "county",
    "city",
    "street",
    "avenue",
    "hall",
    "square",
    "park",
    "airport",
    "bowl",
    "convention",
    "caucus",
    "partnership",
    "nation",
    "coalition",
    "union",
    "corp.",
    "inc.",
    "company",
    "media",
    "fund",
    "bank",
    "studios",
    "museum",
    "carolina",
    "dakota",
    "hampshire",
    "jersey",
    "mexico",
    "island",
    "islands",
    "kingdom",
    "republic",
    "ministry",
    "amendment",
    "act",
    "report",
    "program",
    "project",
    "initiative",
    "movement",
    "tower",
    "hotel",
    "river",
    "mountain",
    "bridge",
    "summit",
    "forum",
    "show",
    "channel",
    "series",
    "cup",
    "games",
    "league",
    "team",
    "army",
    "navy",
    "police",
    "guard",
    "prize",
    "award",
];

fn is_name_word(w: &str) -> bool {
    let first = w.chars().next();
    first.is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && !NOT_NAME.contains(&rashomon_text::fold(w).as_str())
        && !rashomon_text::is_calendar_word(w)
        && !TITLES.contains(&rashomon_text::fold(w).as_str())
}

/// "B." in "Dennis B. Ross".
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
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
        let mut initials = 0;
        while j < toks.len() && j - i - initials < 3 && toks[j].kind == TokenKind::Word {
            if is_name_word(toks[j].span.slice(text)) {
                j += 1;
            } else if j + 1 < toks.len()
                && is_initial(toks[j].span.slice(text))
                && toks[j + 1].span.start == toks[j].span.end + 1
                && toks[j + 1].kind == TokenKind::Word
                && is_name_word(toks[j + 1].span.slice(text))
            {
                // A middle initial inside a name: "Dennis B. Ross".
                initials += 1;
                j += 1;
            } else {
                break;
            }
        }
        let head = rashomon_text::fold(toks[j - 1].span.slice(text));
        if NOT_PERSON_HEAD.contains(&head.as_str()) {
            i = j;
            continue;
        }
        let titled =
            i > 0 && TITLES.contains(&rashomon_text::fold(toks[i - 1].span.slice(text)).as_str());
        let last = rashomon_text::fold(toks[j - 1].span.slice(text))
            .trim_end_matches("'s")
            .to_string();
        if j - i - initials >= 2 || titled || known.contains_key(&last) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let an = rashomon_text::analyze(text);
        let (_, e) = person_mentions(text, &an);
        e.into_iter().map(|x| x.name).collect()
    }

    #[test]
    fn middle_initials_and_non_person_heads() {
        assert_eq!(
            names("Dennis B. Ross spoke to the press."),
            vec!["Dennis B. Ross"]
        );
        assert!(names("Sanders has a Plan B.\n\nSanders said so.")
            .iter()
            .all(|n| n == "Sanders"));
        assert!(names("The National Club Association met. Silicon Valley cheered.").is_empty());
        assert_eq!(
            names("He met with the former governor, Former Gov. Jeb Bush, at a diner on the way."),
            vec!["Jeb Bush"]
        );
    }
}
