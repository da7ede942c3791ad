//! Corpus-wide entity linking: each article's entities are filed under one
//! canonical [`CorpusEntity`] that spans every story.
//!
//! Story-level resolution ([`crate::entities::resolve`]) compares every pair of
//! a story's entities; a corpus holds far too many for that. Here an entity is
//! filed under a few lookup keys (its normalised names, a surname prefix, an
//! acronym), candidates come from those keys, and [`same_entity`] decides.
//! Across a corpus a bare surname is ambiguous ("Biden" may be Joe or Hunter),
//! so persons known by a full name are compared by full names only: once an
//! entity has a full name, a different first name opens a new entity.

use crate::entities::{acronym, canonical_key, same_entity, spelling_key, words};
use rashomon_model::{CorpusEntity, DocEntity, EntityType};

/// Lookup keys of an entity with these names. Any shared key makes two
/// entities candidates; [`best_match`] verifies.
pub fn lookup_keys<'a>(
    entity_type: EntityType,
    names: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let mut keys = Vec::new();
    for name in names {
        let canonical = canonical_key(name).replace('.', "");
        if canonical.is_empty() {
            continue;
        }
        keys.push(format!("n:{canonical}"));
        match entity_type {
            EntityType::Person => {
                // A prefix of the surname's spelling key also finds the
                // one-letter variants `tokens_match` accepts (Kovalchuk/Kovalchuck).
                if let Some(last) = words(name).last() {
                    let key: String = spelling_key(last).chars().take(4).collect();
                    if !key.is_empty() {
                        keys.push(format!("s:{key}"));
                    }
                }
            }
            _ => {
                let short = acronym(name);
                // Two-letter acronyms are too ambiguous across a corpus
                // ("N.H." is not "Newburgh Heights"); the common ones are aliases.
                if short.chars().count() >= 3 && name.split_whitespace().count() >= 2 {
                    keys.push(format!("a:{short}"));
                } else if !canonical.contains(' ')
                    && (3..=6).contains(&canonical.chars().count())
                    && name
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                {
                    keys.push(format!("a:{canonical}"));
                }
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Organisations and places are often confused by the tagger ("White House",
/// "Kremlin"); persons and other names are never mixed with them.
fn types_compatible(a: EntityType, b: EntityType) -> bool {
    use EntityType::{Location, Organization};
    a == b || matches!((a, b), (Organization, Location) | (Location, Organization))
}

/// The names that identify an entity corpus-wide: a person's full names when
/// it has any (a bare surname matches too much), else all its names.
fn identity(name: &str, aliases: &[String], entity_type: EntityType) -> Vec<String> {
    let all: Vec<String> = aliases
        .iter()
        .map(String::as_str)
        .chain([name])
        .filter(|a| !a.trim().is_empty())
        .map(str::to_string)
        .collect();
    if entity_type == EntityType::Person {
        let full: Vec<String> = all
            .iter()
            .filter(|a| words(a).len() >= 2)
            .cloned()
            .collect();
        if !full.is_empty() {
            return full;
        }
    }
    all
}

/// Index into `candidates` of the corpus entity `entity` belongs to, if any:
/// among those that pass [`same_entity`] on their identifying names, the most
/// mentioned (then the oldest).
pub fn best_match(entity: &DocEntity, candidates: &[CorpusEntity]) -> Option<usize> {
    let probe = DocEntity {
        name: entity.name.clone(),
        entity_type: entity.entity_type,
        aliases: identity(&entity.name, &entity.aliases, entity.entity_type),
        mentions: Vec::new(),
    };
    candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| types_compatible(c.entity_type, entity.entity_type))
        .filter(|(_, c)| {
            let stored = DocEntity {
                name: c.name.clone(),
                entity_type: c.entity_type,
                aliases: identity(&c.name, &c.aliases, c.entity_type),
                mentions: Vec::new(),
            };
            same_entity(&probe, &stored)
        })
        .max_by_key(|(_, c)| (c.articles, std::cmp::Reverse(c.id)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, aliases: &[&str], ty: EntityType) -> DocEntity {
        DocEntity {
            name: name.into(),
            entity_type: ty,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: vec![],
        }
    }

    fn stored(
        id: i64,
        name: &str,
        aliases: &[&str],
        ty: EntityType,
        articles: usize,
    ) -> CorpusEntity {
        CorpusEntity {
            id,
            name: name.into(),
            entity_type: ty,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            articles,
        }
    }

    fn shares_key(a: &DocEntity, b: &CorpusEntity) -> bool {
        let ka = lookup_keys(a.entity_type, a.aliases.iter().map(String::as_str));
        let kb = lookup_keys(b.entity_type, b.aliases.iter().map(String::as_str));
        ka.iter().any(|k| kb.contains(k))
    }

    #[test]
    fn spelling_variants_share_a_key_and_link() {
        let e = doc(
            "Volodymyr Zelenskyy",
            &["Volodymyr Zelenskyy", "Zelenskyy"],
            EntityType::Person,
        );
        let c = stored(
            7,
            "Volodymyr Zelensky",
            &["Volodymyr Zelensky", "Zelensky"],
            EntityType::Person,
            3,
        );
        assert!(shares_key(&e, &c));
        assert_eq!(best_match(&e, &[c]), Some(0));
    }

    #[test]
    fn different_first_names_stay_apart_even_after_a_bare_surname() {
        // "Biden" alone was seen first, then "Hunter Biden" joined it.
        let hunter = stored(
            1,
            "Hunter Biden",
            &["Biden", "Hunter Biden"],
            EntityType::Person,
            2,
        );
        let joe = doc("Joe Biden", &["Biden", "Joe Biden"], EntityType::Person);
        assert!(shares_key(&joe, &hunter));
        assert_eq!(best_match(&joe, std::slice::from_ref(&hunter)), None);
        // A bare surname goes to the most mentioned full name.
        let joe_stored = stored(
            2,
            "Joe Biden",
            &["Biden", "Joe Biden"],
            EntityType::Person,
            9,
        );
        let bare = doc("Biden", &["Biden"], EntityType::Person);
        assert_eq!(best_match(&bare, &[hunter, joe_stored]), Some(1));
    }

    #[test]
    fn acronyms_and_country_aliases_link_but_types_are_kept_apart() {
        let nato = doc("NATO", &["NATO"], EntityType::Organization);
        let full = stored(
            3,
            "North Atlantic Treaty Organization",
            &["North Atlantic Treaty Organization"],
            EntityType::Organization,
            1,
        );
        assert!(shares_key(&nato, &full));
        assert_eq!(best_match(&nato, &[full]), Some(0));
        let us = doc("U.S.", &["U.S."], EntityType::Location);
        let usa = stored(
            4,
            "United States",
            &["United States"],
            EntityType::Location,
            5,
        );
        assert!(shares_key(&us, &usa));
        assert_eq!(best_match(&us, &[usa]), Some(0));
        let person = doc("Jordan", &["Jordan"], EntityType::Person);
        let country = stored(5, "Jordan", &["Jordan"], EntityType::Location, 5);
        assert_eq!(best_match(&person, &[country]), None);
    }
}
