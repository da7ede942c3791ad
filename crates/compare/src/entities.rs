//! Cross-document entity resolution: one canonical entity per real-world
//! person, organisation or place, merging spelling and transliteration
//! variants ("Zelensky" / "Zelenskyy" / "Zelenskiy", "Sergey" / "Sergei"),
//! acronyms ("NATO" ↔ "North Atlantic Treaty Organization") and country
//! abbreviations ("U.S." / "US" / "United States").

use rashomon_model::{DocEntity, EntityRef, EntityType, StoryEntity};
use rashomon_text::fold;
use std::collections::BTreeMap;

/// Country and organisation short forms mapped to one key.
const ALIASES: &[(&str, &str)] = &[
    ("us", "united states"),
    ("u.s", "united states"),
    ("usa", "united states"),
    ("u.s.a", "united states"),
    ("america", "united states"),
    ("united states of america", "united states"),
    ("uk", "united kingdom"),
    ("u.k", "united kingdom"),
    ("britain", "united kingdom"),
    ("great britain", "united kingdom"),
    ("un", "united nations"),
    ("u.n", "united nations"),
    ("eu", "european union"),
    ("e.u", "european union"),
    ("uae", "united arab emirates"),
    ("russian federation", "russia"),
    ("kiev", "kyiv"),
    ("ussr", "soviet union"),
];

/// A key under which spelling variants of one name token coincide.
pub fn spelling_key(token: &str) -> String {
    let t = fold(token);
    let mut t: String = t.chars().filter(|c| c.is_alphanumeric()).collect();
    // Transliteration endings: -skyy/-skiy/-skij/-ski → -sky; -ei/-ey → -ey.
    for (from, to) in [
        ("kyy", "ky"),
        ("kiy", "ky"),
        ("kij", "ky"),
        ("kii", "ky"),
        ("yy", "y"),
    ] {
        if let Some(stem) = t.strip_suffix(from) {
            t = format!("{stem}{to}");
        }
    }
    if let Some(stem) = t.strip_suffix("ei") {
        t = format!("{stem}ey");
    }
    t
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Two spellings of one name token: equal keys, or a small edit distance on long tokens.
pub fn tokens_match(a: &str, b: &str) -> bool {
    let (ka, kb) = (spelling_key(a), spelling_key(b));
    if ka == kb {
        return true;
    }
    let shorter = ka.chars().count().min(kb.chars().count());
    shorter >= 5
        && edit_distance(&ka, &kb) <= if shorter >= 8 { 2 } else { 1 }
        && ka.chars().next() == kb.chars().next()
}

pub(crate) fn words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            fold(w)
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim_end_matches('.')
                .to_string()
        })
        .map(|w| w.strip_suffix("'s").map(str::to_string).unwrap_or(w))
        .filter(|w| !w.is_empty() && w != "the")
        .collect()
}

pub(crate) fn canonical_key(name: &str) -> String {
    let w = words(name).join(" ");
    ALIASES
        .iter()
        .find(|(a, _)| *a == w)
        .map_or(w, |(_, c)| c.to_string())
}

pub(crate) fn acronym(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Are two names (any alias of each) the same real-world entity?
pub fn same_entity(a: &DocEntity, b: &DocEntity) -> bool {
    let person = a.entity_type == EntityType::Person && b.entity_type == EntityType::Person;
    for x in a.aliases.iter().chain([&a.name]) {
        for y in b.aliases.iter().chain([&b.name]) {
            let (kx, ky) = (canonical_key(x), canonical_key(y));
            if !kx.is_empty() && kx == ky {
                return true;
            }
            if person {
                let (wx, wy) = (words(x), words(y));
                let (Some(lx), Some(ly)) = (wx.last(), wy.last()) else {
                    continue;
                };
                if !tokens_match(lx, ly) {
                    continue;
                }
                // First names, when both are given, must agree too (allowing initials).
                let firsts_agree = wx.len() == 1
                    || wy.len() == 1
                    || tokens_match(&wx[0], &wy[0])
                    || wx[0].chars().next() == wy[0].chars().next()
                        && (wx[0].len() == 1 || wy[0].len() == 1);
                if firsts_agree {
                    return true;
                }
            } else if a.entity_type == b.entity_type {
                let (cx, cy) = (kx.replace('.', ""), ky.replace('.', ""));
                if (cx.len() >= 2 && !cx.contains(' ') && acronym(y) == cx)
                    || (cy.len() >= 2 && !cy.contains(' ') && acronym(x) == cy)
                {
                    return true;
                }
            }
        }
    }
    false
}

/// Resolved story entities plus, for each document, the canonical index of each of its entities.
pub struct Resolution {
    pub entities: Vec<StoryEntity>,
    /// `doc_map[d][e]` = index into `entities` of entity `e` of document `d`.
    pub doc_map: Vec<Vec<usize>>,
}

/// Merges the per-article entities of a story's documents into canonical entities.
pub fn resolve(
    docs: &[(&str, &str, &[DocEntity], &[rashomon_model::EntityMention])],
) -> Resolution {
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    for (d, (_, _, ents, _)) in docs.iter().enumerate() {
        for e in 0..ents.len() {
            nodes.push((d, e));
        }
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let entity = |n: (usize, usize)| &docs[n.0].2[n.1];
    for i in 0..nodes.len() {
        for j in (i + 1)..nodes.len() {
            if nodes[i].0 == nodes[j].0 {
                continue; // within an article the alias chain already decided
            }
            if same_entity(entity(nodes[i]), entity(nodes[j])) {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut doc_map: Vec<Vec<usize>> = docs.iter().map(|d| vec![usize::MAX; d.2.len()]).collect();
    let mut entities = Vec::new();
    for members in groups.values() {
        let mut type_count: BTreeMap<EntityType, usize> = BTreeMap::new();
        let mut aliases: Vec<String> = Vec::new();
        let mut mentions = Vec::new();
        for &i in members {
            let (d, e) = nodes[i];
            let ent = entity(nodes[i]);
            *type_count.entry(ent.entity_type).or_default() += ent.mentions.len().max(1);
            aliases.extend(ent.aliases.iter().cloned());
            for &m in &ent.mentions {
                if let Some(mention) = docs[d].3.get(m) {
                    mentions.push(EntityRef {
                        doc: docs[d].0.to_string(),
                        start: mention.span.start,
                        end: mention.span.end,
                    });
                }
            }
            doc_map[d][e] = entities.len();
        }
        aliases.sort();
        aliases.dedup();
        mentions.sort();
        let entity_type = type_count
            .iter()
            .max_by_key(|(t, c)| (**c, std::cmp::Reverse(**t)))
            .map_or(EntityType::Misc, |(t, _)| *t);
        // The fullest name, then the most common spelling.
        let count = |a: &String| {
            mentions
                .iter()
                .filter(|m| {
                    docs.iter()
                        .any(|d| d.0 == m.doc && d.1.get(m.start..m.end) == Some(a.as_str()))
                })
                .count()
        };
        let name = aliases
            .iter()
            .max_by_key(|a| {
                (
                    a.split_whitespace().count(),
                    count(a),
                    std::cmp::Reverse((*a).clone()),
                )
            })
            .cloned()
            .unwrap_or_default();
        entities.push(StoryEntity {
            name,
            entity_type,
            aliases,
            mentions,
        });
    }
    // Most mentioned first, then by name, for a stable, useful order.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        entities[b]
            .mentions
            .len()
            .cmp(&entities[a].mentions.len())
            .then_with(|| entities[a].name.cmp(&entities[b].name))
    });
    let mut rank = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new;
    }
    let entities: Vec<StoryEntity> = order.iter().map(|&i| entities[i].clone()).collect();
    for m in doc_map.iter_mut() {
        for x in m.iter_mut() {
            if *x != usize::MAX {
                *x = rank[*x];
            }
        }
    }
    Resolution { entities, doc_map }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(name: &str, aliases: &[&str], ty: EntityType) -> DocEntity {
        DocEntity {
            name: name.into(),
            entity_type: ty,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: vec![],
        }
    }

    #[test]
    fn transliteration_variants_match() {
        assert!(tokens_match("Zelensky", "Zelenskyy"));
        assert!(tokens_match("Zelenskiy", "Zelenskyy"));
        assert!(tokens_match("Sergey", "Sergei"));
        assert!(!tokens_match("Trump", "Truss"));
    }

    #[test]
    fn persons_merge_on_surname_variants_but_not_different_first_names() {
        let a = ent(
            "Volodymyr Zelensky",
            &["Volodymyr Zelensky", "Zelensky"],
            EntityType::Person,
        );
        let b = ent("Volodymyr Zelenskyy", &["Zelenskyy"], EntityType::Person);
        assert!(same_entity(&a, &b));
        let c = ent("Hunter Biden", &["Hunter Biden"], EntityType::Person);
        let d = ent("Joe Biden", &["Joe Biden"], EntityType::Person);
        assert!(!same_entity(&c, &d));
    }

    #[test]
    fn acronyms_and_country_aliases_merge() {
        let a = ent(
            "North Atlantic Treaty Organization",
            &["North Atlantic Treaty Organization"],
            EntityType::Organization,
        );
        let b = ent("NATO", &["NATO"], EntityType::Organization);
        assert!(same_entity(&a, &b));
        let c = ent("U.S.", &["U.S."], EntityType::Location);
        let d = ent("United States", &["United States"], EntityType::Location);
        assert!(same_entity(&c, &d));
    }
}
