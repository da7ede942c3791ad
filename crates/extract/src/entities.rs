//! Named entities of one article and their within-article alias chains.
//!
//! Recognition is the trained tagger's job (`rashomon-ner`); this module turns
//! its token ranges into byte-span mentions, strips titles from person names,
//! and links "United States President Donald Trump" … "Trump" … "Trump’s"
//! into one [`DocEntity`].

use rashomon_model::{AnalyzedText, DocEntity, EntityMention, EntityType, Span};
use rashomon_ner::{Kind, NerModel};
use rashomon_text::fold;

/// Words that precede a person's name without being part of it.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "senator",
    "sen.",
    "gov.",
    "governor",
    "rep.",
    "representative",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "gen.",
    "general",
    "envoy",
    "special",
    "chancellor",
    "king",
    "queen",
    "prince",
    "pope",
    "judge",
    "justice",
    "mayor",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "aide",
    "adviser",
    "advisor",
    "chief",
    "foreign",
    "defense",
    "defence",
    "treasury",
    "state",
    "of",
    "the",
    "former",
    "u.s.",
    "us",
    "director",
    "ceo",
    "chairman",
    "sheriff",
    "officer",
    "col.",
    "lt.",
    "capt.",
    "sgt.",
    "commander",
    "leader",
    "presidential",
    "deputy",
    "first",
    "lady",
    "attorney",
    "house",
    "speaker",
    "premier",
];

/// Recognises entity mentions with the shipped tagger, the whole article at
/// once so its document pass can make the labels of one name agree.
pub fn recognize(text: &str, analysis: &AnalyzedText) -> Vec<(Span, EntityType)> {
    let model = NerModel::builtin();
    let sentences: Vec<_> = (0..analysis.sentences.len())
        .map(|s| analysis.sentence_tokens(s))
        .filter(|toks| !toks.is_empty())
        .collect();
    let doc_words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|toks| toks.iter().map(|t| t.span.slice(text)).collect())
        .collect();
    let found = model.entities_in_document(&doc_words);
    let mut out = Vec::new();
    for ((toks, words), entities) in sentences.iter().zip(&doc_words).zip(found) {
        for (range, kind) in entities {
            if range.start >= range.end || range.end > toks.len() {
                continue;
            }
            let ty = match kind {
                Kind::Per => EntityType::Person,
                Kind::Org => EntityType::Organization,
                // "Ukrainian" names a nationality, not a place.
                Kind::Loc
                    if range.len() == 1
                        && rashomon_ner::gazetteer::is_demonym(words[range.start]) =>
                {
                    EntityType::Misc
                }
                Kind::Loc => EntityType::Location,
                Kind::Misc => EntityType::Misc,
            };
            let mut span = Span::new(toks[range.start].span.start, toks[range.end - 1].span.end);
            if ty == EntityType::Person {
                span = strip_titles(text, span);
            }
            // "Ukraine’s Dnipropetrovsk" is two places, not one.
            if ty == EntityType::Location {
                if let Some((owner, rest)) = split_at_possessive(text, span) {
                    out.push((owner, ty));
                    span = rest;
                }
            }
            span = strip_possessive(text, span);
            if !span.is_empty() {
                out.push((span, ty));
            }
        }
    }
    out
}

/// Drops leading titles from a person span ("US President Donald Trump" → "Donald Trump").
fn strip_titles(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let mut offset = 0;
    let words: Vec<&str> = s.split(' ').collect();
    for (k, w) in words.iter().enumerate() {
        // Always keep the last word: a bare "President" stays a (weak) mention.
        if k + 1 == words.len() || !TITLES.contains(&fold(w).as_str()) {
            break;
        }
        offset += w.len() + 1;
    }
    Span::new(span.start + offset.min(span.len()), span.end)
}

/// A span "X’s Y" whose owner X is a country and Y a capitalised name, as X and Y
/// ("Ukraine’s Dnipropetrovsk"; "St. Brendan's Hospital" stays one place).
fn split_at_possessive(text: &str, span: Span) -> Option<(Span, Span)> {
    let s = span.slice(text);
    let (k, mark) = ["’s ", "'s "]
        .iter()
        .filter_map(|m| s.find(m).map(|k| (k, m.len())))
        .min()?;
    let rest = &s[k + mark..];
    if k == 0
        || !rest.chars().next().is_some_and(char::is_uppercase)
        || !rashomon_ner::gazetteer::is_country(&s[..k])
    {
        return None;
    }
    Some((
        Span::new(span.start, span.start + k),
        Span::new(span.start + k + mark, span.end),
    ))
}

fn strip_possessive(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            return Span::new(span.start, span.start + stripped.len());
        }
    }
    span
}

/// Name tokens of a mention, folded, without possessives or punctuation.
pub fn name_tokens(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace())
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')))
        .map(|w| w.strip_suffix("'s").map(str::to_string).unwrap_or(w))
        .filter(|w| !w.is_empty())
        .collect()
}

/// "North Atlantic Treaty Organization" → "nato".
pub fn acronym(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Does a later mention refer to an earlier entity of the same article?
fn refers_to(
    mention: &[String],
    mention_raw: &str,
    ty: EntityType,
    entity: &DocEntity,
    entity_tokens: &[Vec<String>],
) -> bool {
    // The tagger sometimes types a bare surname wrongly ("Zelenskyy" as a place); the alias chain fixes it.
    let types_fit = ty == entity.entity_type
        || (mention.len() == 1 && entity.entity_type == EntityType::Person);
    if !types_fit {
        return false;
    }
    entity_tokens
        .iter()
        .zip(&entity.aliases)
        .any(|(alias, alias_raw)| {
            if alias == mention {
                return true;
            }
            match entity.entity_type {
                // A surname or a subset of a longer name: "Trump" ↔ "Donald Trump".
                EntityType::Person => {
                    mention.last() == alias.last()
                        && (mention.len() == 1
                            || alias.len() == 1
                            || mention.iter().all(|w| alias.contains(w)))
                }
                _ => {
                    let m = mention.join(" ").replace('.', "");
                    let a = alias.join(" ").replace('.', "");
                    (mention.len() == 1 && acronym(alias_raw) == m && m.len() >= 2)
                        || (alias.len() == 1 && acronym(mention_raw) == a && a.len() >= 2)
                        || m == a
                }
            }
        })
}

/// Links raw mentions into within-article entities.
pub fn link(text: &str, raw: Vec<(Span, EntityType)>) -> (Vec<EntityMention>, Vec<DocEntity>) {
    let mut mentions = Vec::with_capacity(raw.len());
    let mut entities: Vec<DocEntity> = Vec::new();
    let mut entity_tokens: Vec<Vec<Vec<String>>> = Vec::new();
    // Longer names first so a surname mentioned before the full name still links to it.
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(name_tokens(raw[i].0.slice(text)).len()),
            raw[i].0.start,
        )
    });
    let mut assigned = vec![usize::MAX; raw.len()];
    for i in order {
        let (span, ty) = raw[i];
        let surface = span.slice(text);
        let toks = name_tokens(surface);
        if toks.is_empty() {
            continue;
        }
        let found = (0..entities.len())
            .find(|&e| refers_to(&toks, surface, ty, &entities[e], &entity_tokens[e]));
        let e = found.unwrap_or_else(|| {
            entities.push(DocEntity {
                name: surface.to_string(),
                entity_type: ty,
                aliases: vec![],
                mentions: vec![],
            });
            entity_tokens.push(vec![]);
            entities.len() - 1
        });
        if !entities[e].aliases.iter().any(|a| a == surface) {
            entities[e].aliases.push(surface.to_string());
            entity_tokens[e].push(toks);
        }
        assigned[i] = e;
    }
    for (i, (span, ty)) in raw.into_iter().enumerate() {
        if assigned[i] == usize::MAX {
            continue;
        }
        let e = assigned[i];
        entities[e].mentions.push(mentions.len());
        mentions.push(EntityMention {
            span,
            entity_type: ty,
            entity: e,
        });
    }
    for (e, entity) in entities.iter_mut().enumerate() {
        // Majority type wins; the longest alias names the entity.
        let mut counts = [0usize; 4];
        for m in entity.mentions.iter().map(|&m| &mentions[m]) {
            counts[m.entity_type as usize] += 1;
        }
        let best = (0..4)
            .max_by_key(|&k| (counts[k], std::cmp::Reverse(k)))
            .unwrap_or(0);
        entity.entity_type = [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Location,
            EntityType::Misc,
        ][best];
        if let Some(longest) = entity
            .aliases
            .iter()
            .max_by_key(|a| (a.split_whitespace().count(), a.len()))
        {
            entity.name = longest.clone();
        }
        entity.aliases.sort();
        let _ = e;
    }
    (mentions, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linked(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, Vec<String>)> {
        let mut raw = vec![];
        for (n, ty) in names {
            let mut from = 0;
            while let Some(p) = text[from..].find(n) {
                raw.push((Span::new(from + p, from + p + n.len()), *ty));
                from += p + n.len();
            }
        }
        raw.sort();
        let (_, ents) = link(text, raw);
        ents.into_iter().map(|e| (e.name, e.aliases)).collect()
    }

    #[test]
    fn a_place_of_a_place_is_split_at_the_possessive() {
        let t = "a strike on Ukraine’s Dnipropetrovsk region";
        let span = Span::new(
            t.find("Ukraine").unwrap_or(0),
            t.find(" region").unwrap_or(0),
        );
        let (owner, rest) = split_at_possessive(t, span).expect("splits");
        assert_eq!(
            (owner.slice(t), rest.slice(t)),
            ("Ukraine", "Dnipropetrovsk")
        );
        for t in [
            "Women's health",
            "St. Brendan's Hospital",
            "Martha's Vineyard",
        ] {
            assert!(
                split_at_possessive(t, Span::new(0, t.len())).is_none(),
                "{t}"
            );
        }
    }

    #[test]
    fn surname_links_to_full_name_in_either_order() {
        let t = "Harlow spoke. Later Mira Harlow left, and Harlow returned.";
        let e = linked(
            t,
            &[
                ("Mira Harlow", EntityType::Person),
                ("Harlow", EntityType::Person),
            ],
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, "Mira Harlow");
    }

    #[test]
    fn acronym_links_to_expansion() {
        let t = "The Northern Fishing League (NFL) met. NFL officials left.";
        let e = linked(
            t,
            &[
                ("Northern Fishing League", EntityType::Organization),
                ("NFL", EntityType::Organization),
            ],
        );
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn titles_are_stripped() {
        let t = "US President Donald Trump";
        assert_eq!(
            strip_titles(t, Span::new(0, t.len())).slice(t),
            "Donald Trump"
        );
        let t = "Secretary of State Marco Rubio";
        assert_eq!(
            strip_titles(t, Span::new(0, t.len())).slice(t),
            "Marco Rubio"
        );
    }
}
