//! Speaker resolution: links a source span to an article entity. Names are
//! looked up among the entity mentions inside the span; pronouns and definite
//! role nominals ("the senator") go to the previous attribution's speaker or the
//! most recent compatible person mention, preferring the subject of the
//! preceding sentence.

use crate::names::TITLES;
use rashomon_model::{AnalyzedText, DocEntity, EntityMention, EntityType, Span};

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "i"];

/// Role nouns and the titles they refer back to.
fn role_matches(role: &str, title: &str) -> bool {
    role == title
        || matches!(
            (role, title),
            ("senator", "sen.")
                | ("governor", "gov.")
                | ("representative", "rep.")
                | ("congressman", "rep.")
                | ("congresswoman", "rep.")
                | ("general", "gen.")
                | ("doctor", "dr.")
        )
}

pub struct Resolver<'a> {
    text: &'a str,
    an: &'a AnalyzedText,
    mentions: &'a [EntityMention],
    entities: &'a [DocEntity],
}

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a str,
        an: &'a AnalyzedText,
        mentions: &'a [EntityMention],
        entities: &'a [DocEntity],
    ) -> Self {
        Resolver {
            text,
            an,
            mentions,
            entities,
        }
    }

    fn is_person(&self, m: &EntityMention) -> bool {
        m.entity_type == EntityType::Person
            && self
                .entities
                .get(m.entity)
                .is_none_or(|e| e.entity_type == EntityType::Person)
    }

    /// `prev` is the previous attribution's (source span, entity).
    pub fn resolve(&self, source: Span, prev: Option<(Span, usize)>) -> Option<usize> {
        if self.entities.is_empty() {
            return None;
        }
        // A name inside the span: the last one is the head ("Trump aide Hope Hicks").
        let inside = self
            .mentions
            .iter()
            .filter(|m| source.contains(m.span) && m.entity < self.entities.len())
            .max_by_key(|m| (self.is_person(m), m.span.start));
        if let Some(m) = inside {
            return Some(m.entity);
        }
        let words: Vec<String> = source
            .slice(self.text)
            .split_whitespace()
            .map(rashomon_text::fold)
            .collect();
        let persons: Vec<&EntityMention> = self
            .mentions
            .iter()
            .filter(|m| {
                self.is_person(m) && m.span.end <= source.start && m.entity < self.entities.len()
            })
            .collect();
        if words.len() == 1 && PERSON_PRONOUNS.contains(&words[0].as_str()) {
            if let Some((ps, e)) = prev {
                let gap = self.sentence_gap(ps.start, source.start);
                if gap <= 2
                    && self
                        .entities
                        .get(e)
                        .is_some_and(|x| x.entity_type == EntityType::Person)
                {
                    return Some(e);
                }
            }
            // Subject of the preceding sentence: its first person mention near the start.
            let cur = self.an.sentence_at(source.start)?;
            if cur > 0 {
                let ps = &self.an.sentences[cur - 1];
                if let Some(m) = persons
                    .iter()
                    .find(|m| ps.span.contains(m.span) && m.span.start < ps.span.start + 40)
                {
                    return Some(m.entity);
                }
            }
            return persons.last().map(|m| m.entity);
        }
        // "the senator": the last person introduced with that title.
        if words.len() == 2 && words[0] == "the" {
            let role = words[1].as_str();
            for m in persons.iter().rev() {
                let before = self.text.get(..m.span.start).unwrap_or("");
                let title = before
                    .split_whitespace()
                    .next_back()
                    .map(rashomon_text::fold);
                let name_title = self
                    .text
                    .get(m.span.range())
                    .and_then(|s| s.split_whitespace().next())
                    .map(rashomon_text::fold);
                let hit = [title, name_title]
                    .into_iter()
                    .flatten()
                    .any(|t| TITLES.contains(&t.as_str()) && role_matches(role, &t));
                if hit {
                    return Some(m.entity);
                }
            }
        }
        None
    }

    fn sentence_gap(&self, a: usize, b: usize) -> usize {
        match (self.an.sentence_at(a), self.an.sentence_at(b)) {
            (Some(x), Some(y)) => y.saturating_sub(x),
            _ => usize::MAX,
        }
    }
}
