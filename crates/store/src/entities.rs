//! Persistence of corpus-wide canonical entities: which entity each article
//! mentions, under which names, and the lookup keys that find candidates.
//! Deciding which entity a name belongs to is the caller's job (see
//! `rashomon_compare::corpus_entities`); this module only stores the outcome.

use crate::{Result, Store};
use rashomon_model::{CorpusEntity, EntityType};
use rusqlite::{params, OptionalExtension};
use std::collections::{BTreeSet, HashMap};

/// One article's entity, linked to a corpus entity (`entity`) or opening a new one.
#[derive(Debug, Clone)]
pub struct EntityLink<'a> {
    pub seq: i64,
    pub entity: Option<i64>,
    pub entity_type: EntityType,
    pub aliases: &'a [String],
    pub keys: &'a [String],
    /// Mentions of it in the article.
    pub mentions: usize,
}

/// An article that mentions an entity.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntityArticle {
    pub seq: i64,
    pub id: String,
    pub source: String,
    pub title: String,
    pub published: Option<String>,
    pub story: Option<i64>,
    pub mentions: usize,
}

fn type_from(s: &str) -> EntityType {
    match s {
        "person" => EntityType::Person,
        "organization" => EntityType::Organization,
        "location" => EntityType::Location,
        _ => EntityType::Misc,
    }
}

/// The name to show for an entity: its most used alias, except that a
/// multi-word alias used nearly as often wins (the full name over the
/// surname: "Donald Trump" over "Trump"). `aliases`: (alias, words, articles).
fn display_name(aliases: &[(String, i64, i64)]) -> Option<String> {
    let top = aliases.iter().map(|a| a.2).max()?;
    let full = aliases
        .iter()
        .filter(|a| a.1 >= 2 && a.2 * 5 >= top && a.2 >= 2.min(top))
        .max_by_key(|a| (a.2, std::cmp::Reverse(&a.0)));
    full.or_else(|| {
        aliases
            .iter()
            .max_by_key(|a| (a.2, a.1, std::cmp::Reverse(&a.0)))
    })
    .map(|a| a.0.clone())
}

/// Aliases of a candidate compared when linking: its most used spellings.
const CANDIDATE_ALIASES: usize = 16;

/// Candidates per lookup key: a very common surname prefix must not make
/// linking cost grow with the corpus.
const CANDIDATES_PER_KEY: i64 = 64;

/// An entity as stored, with every alias: (alias, words, articles).
#[derive(Debug, Clone)]
struct CachedEntity {
    name: String,
    entity_type: EntityType,
    articles: i64,
    aliases: Vec<(String, i64, i64)>,
}

impl CachedEntity {
    /// What `load_entity(id, Some(CANDIDATE_ALIASES))` returns, computed the
    /// same way (same order, same tie-breaks).
    fn candidate(&self, id: i64) -> CorpusEntity {
        let mut rows = self.aliases.clone();
        rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        rows.truncate(CANDIDATE_ALIASES);
        let name = display_name(&rows).unwrap_or_else(|| self.name.clone());
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        CorpusEntity {
            id,
            name,
            entity_type: self.entity_type,
            aliases: rows.into_iter().map(|(a, _, _)| a).collect(),
            articles: self.articles as usize,
        }
    }
}

/// In-memory mirror of the entity rows linking reads, so linking an article
/// does not re-query entities and keys the batch has already seen. Used only
/// inside a write batch (the write lock keeps it exact), kept up to date by
/// [`Store::link_entity`], and dropped when another connection has written.
#[derive(Debug, Default)]
pub(crate) struct EntityCache {
    /// Key → every entity filed under it; only keys with fewer than
    /// [`CANDIDATES_PER_KEY`] entities (so the SQL limit never applies).
    keys: HashMap<String, Vec<i64>>,
    entities: HashMap<i64, CachedEntity>,
}

/// Cached keys plus entities beyond which the cache starts over (bounded memory).
const MAX_CACHED: usize = 50_000;

impl EntityCache {
    pub(crate) fn clear(&mut self) {
        self.keys.clear();
        self.entities.clear();
    }

    fn bound(&mut self) {
        if self.keys.len() + self.entities.len() > MAX_CACHED {
            self.clear();
        }
    }
}

impl Store {
    /// Entities filed under any of `keys`, by id.
    pub fn entity_candidates(&self, keys: &[String]) -> Result<Vec<CorpusEntity>> {
        let cached = self.in_batch;
        let mut st = self.conn.prepare_cached(
            "SELECT k.entity FROM entity_keys k JOIN entities e ON e.id = k.entity
             WHERE k.key = ?1 ORDER BY e.articles DESC, e.id LIMIT ?2",
        )?;
        let mut ids = BTreeSet::new();
        for key in keys {
            if cached {
                if let Some(hit) = self.entity_cache.borrow().keys.get(key) {
                    ids.extend(hit.iter().copied());
                    continue;
                }
            }
            let found = st
                .query_map(params![key, CANDIDATES_PER_KEY], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            ids.extend(found.iter().copied());
            if cached && (found.len() as i64) < CANDIDATES_PER_KEY {
                let mut cache = self.entity_cache.borrow_mut();
                cache.bound();
                cache.keys.insert(key.clone(), found);
            }
        }
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if !cached {
                out.extend(self.load_entity(id, Some(CANDIDATE_ALIASES))?);
                continue;
            }
            if let Some(e) = self.entity_cache.borrow().entities.get(&id) {
                out.push(e.candidate(id));
                continue;
            }
            if let Some(e) = self.load_cached_entity(id)? {
                out.push(e.candidate(id));
                let mut cache = self.entity_cache.borrow_mut();
                cache.bound();
                cache.entities.insert(id, e);
            }
        }
        Ok(out)
    }

    /// Name, type and article count of one entity.
    fn entity_row(&self, id: i64) -> Result<Option<(String, String, i64)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT name, type, articles FROM entities WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?)
    }

    /// An entity with every alias and its counts, for the cache.
    fn load_cached_entity(&self, id: i64) -> Result<Option<CachedEntity>> {
        let Some((name, ty, articles)) = self.entity_row(id)? else {
            return Ok(None);
        };
        let aliases = self
            .conn
            .prepare_cached("SELECT alias, words, articles FROM entity_aliases WHERE entity = ?1")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(CachedEntity {
            name,
            entity_type: type_from(&ty),
            articles,
            aliases,
        }))
    }

    /// Records that article `link.seq` mentions an entity; returns its id.
    /// Must run inside the article's transaction so a crash keeps both or neither.
    pub fn link_entity(&mut self, link: &EntityLink) -> Result<i64> {
        let id = match link.entity {
            Some(id) => id,
            None => {
                let name = link.aliases.first().map_or("", String::as_str);
                self.conn
                    .prepare_cached(
                        "INSERT INTO entities (name, type, articles) VALUES (?1, ?2, 0)",
                    )?
                    .execute(params![name, link.entity_type.as_str()])?;
                self.conn.last_insert_rowid()
            }
        };
        let cached = self.in_batch;
        let mut cache = self.entity_cache.borrow_mut();
        if !cached {
            cache.clear(); // a write outside a batch: the cache would go stale
        }
        let mut key_st = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO entity_keys (key, entity) VALUES (?1, ?2)")?;
        for key in link.keys {
            if let Some(ids) = cache.keys.get_mut(key.as_str()).filter(|_| cached) {
                if ids.contains(&id) {
                    continue; // already filed: the insert would be ignored
                }
                ids.push(id);
                if ids.len() as i64 >= CANDIDATES_PER_KEY {
                    cache.keys.remove(key.as_str());
                }
            }
            key_st.execute(params![key, id])?;
        }
        // A second entity of the same article linked to this one adds
        // mentions, not an article.
        let new_article = !self
            .conn
            .prepare_cached("SELECT 1 FROM entity_mentions WHERE entity = ?1 AND seq = ?2")?
            .exists(params![id, link.seq])?;
        self.conn
            .prepare_cached(
                "INSERT INTO entity_mentions (entity, seq, mentions) VALUES (?1, ?2, ?3)
                 ON CONFLICT (entity, seq) DO UPDATE SET mentions = mentions + excluded.mentions",
            )?
            .execute(params![id, link.seq, link.mentions as i64])?;
        if new_article {
            self.conn
                .prepare_cached("UPDATE entities SET articles = articles + 1 WHERE id = ?1")?
                .execute([id])?;
        }
        let mut alias_st = self.conn.prepare_cached(
            "INSERT INTO entity_aliases (entity, alias, words, articles) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (entity, alias) DO UPDATE SET articles = articles + ?4",
        )?;
        let mut mirror = cache.entities.get_mut(&id).filter(|_| cached);
        if let Some(e) = mirror.as_deref_mut() {
            e.articles += i64::from(new_article);
        }
        for alias in link.aliases {
            let words = alias.split_whitespace().count() as i64;
            alias_st.execute(params![id, alias, words, i64::from(new_article)])?;
            if let Some(e) = mirror.as_deref_mut() {
                match e.aliases.iter_mut().find(|a| a.0 == *alias) {
                    Some(a) => a.2 += i64::from(new_article),
                    None => e.aliases.push((alias.clone(), words, 1)),
                }
            }
        }
        Ok(id)
    }

    /// One corpus entity with all its aliases.
    pub fn entity(&self, id: i64) -> Result<Option<CorpusEntity>> {
        self.load_entity(id, None)
    }

    /// An entity with all its aliases, or only its `most_used` most used ones
    /// (linking compares every alias pair: a famous name's hundred spellings
    /// must not make each new article slower).
    fn load_entity(&self, id: i64, most_used: Option<usize>) -> Result<Option<CorpusEntity>> {
        let Some((name, ty, articles)) = self.entity_row(id)? else {
            return Ok(None);
        };
        let mut st = self.conn.prepare_cached(
            "SELECT alias, words, articles FROM entity_aliases WHERE entity = ?1
             ORDER BY articles DESC, alias LIMIT ?2",
        )?;
        let limit = most_used.map_or(-1, |n| n as i64);
        let mut rows = st
            .query_map(params![id, limit], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let name = display_name(&rows).unwrap_or(name);
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        let aliases = rows.into_iter().map(|(a, _, _)| a).collect();
        Ok(Some(CorpusEntity {
            id,
            name,
            entity_type: type_from(&ty),
            aliases,
            articles: articles as usize,
        }))
    }

    /// The most mentioned entities (by articles), optionally of one type.
    pub fn entities(
        &self,
        entity_type: Option<EntityType>,
        limit: usize,
    ) -> Result<Vec<CorpusEntity>> {
        let ty = entity_type.map(|t| t.as_str());
        let mut st = self.conn.prepare(
            "SELECT id FROM entities WHERE ?1 IS NULL OR type = ?1
             ORDER BY articles DESC, id LIMIT ?2",
        )?;
        let ids = st
            .query_map(params![ty, limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(e) = self.entity(id)? {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// Articles that mention entity `id`, newest first.
    pub fn entity_articles(&self, id: i64, limit: usize) -> Result<Vec<EntityArticle>> {
        let mut st = self.conn.prepare(
            "SELECT a.seq, a.id, a.source, a.title, a.published, m.story, em.mentions
             FROM entity_mentions em JOIN articles a ON a.seq = em.seq
             LEFT JOIN story_members m ON m.seq = a.seq
             WHERE em.entity = ?1
             ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![id, limit as i64], |r| {
            Ok(EntityArticle {
                seq: r.get(0)?,
                id: r.get(1)?,
                source: r.get(2)?,
                title: r.get(3)?,
                published: r.get(4)?,
                story: r.get(5)?,
                mentions: r.get::<_, i64>(6)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Number of corpus entities.
    pub fn count_entities(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM entities", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Drops every entity link (before relinking the whole corpus).
    pub fn clear_entities(&mut self) -> Result<()> {
        self.entity_cache.borrow_mut().clear();
        self.conn.execute_batch(
            "DELETE FROM entity_mentions; DELETE FROM entity_aliases;
             DELETE FROM entity_keys; DELETE FROM entities;",
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::display_name;

    fn a(alias: &str, articles: i64) -> (String, i64, i64) {
        (
            alias.to_string(),
            alias.split_whitespace().count() as i64,
            articles,
        )
    }

    #[test]
    fn display_name_is_the_full_name_unless_it_is_rare() {
        let trump = [
            a("Trump", 500),
            a("Donald Trump", 300),
            a("Republican Donald Trump", 2),
        ];
        assert_eq!(display_name(&trump).as_deref(), Some("Donald Trump"));
        let washington = [a("Washington", 190), a("Kerry Washington", 1)];
        assert_eq!(display_name(&washington).as_deref(), Some("Washington"));
        assert_eq!(
            display_name(&[a("Sanders", 1), a("Bernie Sanders", 1)]).as_deref(),
            Some("Bernie Sanders")
        );
        assert_eq!(display_name(&[]), None);
    }
}
