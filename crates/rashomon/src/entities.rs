//! Corpus-wide entities: every stored article's entities linked to canonical
//! entities that span stories ("Zelensky" in one outlet's story and
//! "Zelenskyy" in another's are one person), and queries over them.

use anyhow::{anyhow, Context, Result};
use rashomon_compare::corpus_entities::{best_match, lookup_keys};
use rashomon_model::{CorpusEntity, Document, EntityType};
use rashomon_store::{EntityArticle, EntityLink, Store};
use std::path::Path;

/// Links each entity of stored article `seq` to its corpus entity, opening
/// new ones as needed. Runs inside the caller's transaction.
pub(crate) fn link_document(store: &mut Store, seq: i64, doc: &Document) -> Result<()> {
    for e in &doc.extraction.entities {
        let mut aliases: Vec<String> = e
            .aliases
            .iter()
            .chain([&e.name])
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        aliases.sort();
        aliases.dedup();
        let keys = lookup_keys(e.entity_type, aliases.iter().map(String::as_str));
        if keys.is_empty() {
            continue;
        }
        // Exact names first: the usual case (a name seen before as written)
        // then costs one lookup; surname prefixes and acronyms, which can
        // name hundreds of entities, are searched only when that fails.
        let (exact, fuzzy): (Vec<String>, Vec<String>) =
            keys.iter().cloned().partition(|k| k.starts_with("n:"));
        let mut found = None;
        for stage in [&exact, &fuzzy] {
            if stage.is_empty() {
                continue;
            }
            let candidates = store.entity_candidates(stage)?;
            found = best_match(e, &candidates).map(|i| candidates[i].id);
            if found.is_some() {
                break;
            }
        }
        store.link_entity(&EntityLink {
            seq,
            entity: found,
            entity_type: e.entity_type,
            aliases: &aliases,
            keys: &keys,
            mentions: e.mentions.len().max(1),
        })?;
    }
    Ok(())
}

/// Relinks every stored article, in store order (same result as ingesting
/// them in that order); returns the number of corpus entities.
pub fn relink(store: &mut Store, progress: &mut dyn FnMut(usize, usize)) -> Result<usize> {
    let seqs = store.all_seqs()?;
    store.begin()?;
    store.clear_entities()?;
    for (i, &seq) in seqs.iter().enumerate() {
        let doc = store
            .document(seq)?
            .ok_or_else(|| anyhow!("article {seq} has no stored analysis"))?;
        link_document(store, seq, &doc)?;
        if (i + 1) % 256 == 0 {
            store.commit()?;
            store.begin()?;
        }
        progress(i + 1, seqs.len());
    }
    store.commit()?;
    Ok(store.count_entities()?)
}

fn open(store_path: &Path) -> Result<Store> {
    Store::open(store_path).with_context(|| format!("cannot open store {}", store_path.display()))
}

/// The most mentioned corpus entities, optionally of one type.
pub fn list(
    store_path: &Path,
    entity_type: Option<EntityType>,
    limit: usize,
) -> Result<Vec<CorpusEntity>> {
    Ok(open(store_path)?.entities(entity_type, limit)?)
}

/// A corpus entity with the articles that mention it, newest first.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntityReport {
    #[serde(flatten)]
    pub entity: CorpusEntity,
    pub mentioned_in: Vec<EntityArticle>,
}

/// Entities matching `query`: an entity id, or a name under any spelling the
/// corpus links to it ("Zelenskyy" finds Volodymyr Zelensky), most mentioned first.
pub fn find(store_path: &Path, query: &str, limit: usize) -> Result<Vec<EntityReport>> {
    let store = open(store_path)?;
    let mut found: Vec<CorpusEntity> = Vec::new();
    if let Ok(id) = query.trim().parse::<i64>() {
        found.extend(store.entity(id)?);
    } else {
        let types = [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Location,
            EntityType::Misc,
        ];
        for ty in types {
            let probe = rashomon_model::DocEntity {
                name: query.trim().to_string(),
                entity_type: ty,
                aliases: vec![query.trim().to_string()],
                mentions: Vec::new(),
            };
            let keys = lookup_keys(ty, [query.trim()]);
            let candidates: Vec<CorpusEntity> = store
                .entity_candidates(&keys)?
                .into_iter()
                .filter(|c| c.entity_type == ty)
                .collect();
            // Every candidate the name could denote, not only the best one.
            for c in &candidates {
                if best_match(&probe, std::slice::from_ref(c)).is_some()
                    && !found.iter().any(|f| f.id == c.id)
                {
                    found.push(c.clone());
                }
            }
        }
        found.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.id.cmp(&b.id)));
    }
    found
        .into_iter()
        .take(limit.max(1))
        .map(|entity| {
            let mentioned_in = store.entity_articles(entity.id, 50)?;
            Ok(EntityReport {
                entity,
                mentioned_in,
            })
        })
        .collect()
}
