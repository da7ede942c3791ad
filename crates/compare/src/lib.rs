//! The `compare` stage: one story seen through every source.
//!
//! Given the analysed documents of one story, [`compare_story`]
//! 1. resolves entities across documents (spelling variants, acronyms),
//! 2. turns sentences into statements (content-word stems plus canonical entities),
//! 3. aligns statements across independent sources by TF-IDF cosine, so paraphrases count,
//! 4. finds contradictions between related statements: differing dates and numbers
//!    in the same role, opposite polarity of one claim, the same words given to
//!    different speakers, one speaker's words altered,
//! 5. and reports every aligned group as a fact: `corroborated`, `unique` or `conflict`,
//!    each mention pointing at the exact sentence of each source.
//!
//! Copies (wire reprints) are one source for corroboration but every outlet
//! that ran them is named.

pub mod conflicts;
pub mod entities;
pub mod quotes;
pub mod statements;

use rashomon_model::{
    ConflictKind, CopyLink, Document, Fact, FactStatus, Mention, Span, Story, StoryQuote,
};
use statements::Statement;
use std::collections::{BTreeMap, BTreeSet};

/// Statements at least this similar (TF-IDF cosine) report the same fact.
pub const ALIGN_THRESHOLD: f64 = 0.18;
/// Related enough to be compared for contradictions.
const RELATED_THRESHOLD: f64 = 0.08;

/// Compares the documents of one story. `copies` link documents of `docs` by index.
pub fn compare_story(id: &str, docs: &[&Document], copies: &[CopyLink]) -> Story {
    let copy_root = copy_roots(docs.len(), copies);
    let independent = |a: usize, b: usize| copy_root[a] != copy_root[b];

    let inputs: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                d.article.id.as_str(),
                d.article.text.as_str(),
                d.extraction.entities.as_slice(),
                d.extraction.mentions.as_slice(),
            )
        })
        .collect();
    let resolution = entities::resolve(&inputs);
    let entity_of = |d: usize, pos: usize| -> Option<usize> {
        let m = docs[d]
            .extraction
            .mentions
            .iter()
            .find(|m| m.span.start == pos)?;
        resolution.doc_map[d]
            .get(m.entity)
            .copied()
            .filter(|&e| e != usize::MAX)
    };

    let doc_entity = |d: usize, e: usize| {
        resolution.doc_map[d]
            .get(e)
            .copied()
            .filter(|&c| c != usize::MAX)
    };
    let mut vocab = statements::Vocab::default();
    let stmts = statements::build(docs, &entity_of, &doc_entity, &mut vocab);
    let idf = statements::idf(&vocab, stmts.len());

    let mut facts = Vec::new();
    let mut in_conflict: BTreeSet<usize> = BTreeSet::new();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    let mut conflict_found: Vec<(f64, conflicts::Conflict, usize, usize)> = Vec::new();

    // Pairwise comparison across independent sources.
    let mut best_for: BTreeMap<(usize, usize), (f64, usize)> = BTreeMap::new();
    let mut sims: Vec<(usize, usize, f64)> = Vec::new();
    for i in 0..stmts.len() {
        for j in (i + 1)..stmts.len() {
            let (a, b) = (&stmts[i], &stmts[j]);
            if a.doc == b.doc {
                continue;
            }
            if !independent(a.doc, b.doc) {
                // Verbatim copies of one sentence are one statement carried by several outlets.
                if a.key == b.key {
                    edges.push((i, j));
                }
                continue;
            }
            let sim = statements::similarity(a, b, &idf);
            if sim < RELATED_THRESHOLD {
                continue;
            }
            if std::env::var_os("RASHOMON_DEBUG_ALIGN").is_some() {
                eprintln!(
                    "{sim:.3}\t{}\t{}",
                    clip(a.span.slice(&docs[a.doc].article.text), 70),
                    clip(b.span.slice(&docs[b.doc].article.text), 70)
                );
            }
            sims.push((i, j, sim));
            for (x, other_doc) in [(i, b.doc), (j, a.doc)] {
                let e = best_for.entry((x, other_doc)).or_insert((0.0, usize::MAX));
                if sim > e.0 {
                    *e = (sim, if x == i { j } else { i });
                }
            }
            let mut found = conflicts::value_conflicts(docs, a, b, sim, &idf);
            found.extend(conflicts::polarity_conflict(a, b, &idf));
            for c in found {
                conflict_found.push((c.strength + sim, c, i, j));
            }
        }
    }
    // Keep, for each statement and conflict kind, only its strongest counterpart.
    conflict_found.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.2, x.3).cmp(&(y.2, y.3))));
    let mut used: BTreeSet<(usize, usize, ConflictKind)> = BTreeSet::new();
    let mut conflict_pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (_, c, i, j) in conflict_found {
        let key_i = (i, stmts[j].doc, c.kind);
        let key_j = (j, stmts[i].doc, c.kind);
        if used.contains(&key_i) || used.contains(&key_j) {
            continue;
        }
        used.insert(key_i);
        used.insert(key_j);
        conflict_pairs.insert((i, j));
        in_conflict.insert(i);
        in_conflict.insert(j);
        facts.push(conflict_fact(docs, &stmts[i], &stmts[j], &c));
    }
    for &(i, j, sim) in &sims {
        if sim < ALIGN_THRESHOLD || conflict_pairs.contains(&(i, j)) {
            continue;
        }
        let best_i = best_for.get(&(i, stmts[j].doc)).map(|b| b.1) == Some(j);
        let best_j = best_for.get(&(j, stmts[i].doc)).map(|b| b.1) == Some(i);
        if best_i || best_j {
            edges.push((i, j));
        }
    }

    // Aligned groups: connected components of the alignment edges.
    let components = components(stmts.len(), &edges);
    let mut grouped = Vec::new();
    for comp in components {
        let roots: BTreeSet<usize> = comp.iter().map(|&s| copy_root[stmts[s].doc]).collect();
        if roots.len() >= 2 {
            grouped.push((FactStatus::Corroborated, comp));
        } else if !comp.iter().all(|s| in_conflict.contains(s)) {
            grouped.push((FactStatus::Unique, comp));
        }
    }
    for (status, comp) in grouped {
        let mentions: Vec<Mention> = comp
            .iter()
            .map(|&s| sentence_mention(docs, &stmts[s]))
            .collect();
        let summary = comp
            .iter()
            .map(|&s| stmts[s].span.slice(&docs[stmts[s].doc].article.text))
            .min_by_key(|t| (t.len(), *t))
            .unwrap_or("")
            .to_string();
        facts.push(Fact {
            status,
            kind: None,
            summary: clip(&summary, 300),
            sources: sources_of(docs, &mentions),
            mentions,
            highlights: vec![],
        });
    }

    // Quotes across sources.
    let speaker_name = |d: usize, e: usize| {
        resolution.doc_map[d]
            .get(e)
            .and_then(|&c| resolution.entities.get(c))
            .map(|x| {
                (
                    x.name.clone(),
                    x.entity_type == rashomon_model::EntityType::Person,
                )
            })
    };
    let quote_groups = quotes::group(quotes::collect(docs, &speaker_name));
    let mut story_quotes = Vec::new();
    for g in &quote_groups {
        for qc in quotes::conflicts(g, &independent) {
            facts.push(quote_conflict_fact(docs, g, &qc));
        }
        story_quotes.push(story_quote(docs, g));
    }

    facts.sort_by(|a, b| {
        let rank = |f: &Fact| match f.status {
            FactStatus::Conflict => 0,
            FactStatus::Corroborated => 1,
            FactStatus::Unique => 2,
        };
        rank(a)
            .cmp(&rank(b))
            .then(b.sources.len().cmp(&a.sources.len()))
            .then_with(|| first_position(a, docs).cmp(&first_position(b, docs)))
    });

    let mut sources: Vec<String> = Vec::new();
    for d in docs {
        if !sources.contains(&d.article.source) {
            sources.push(d.article.source.clone());
        }
    }
    Story {
        id: id.to_string(),
        title: clip(
            docs.iter()
                .map(|d| d.article.title.as_str())
                .find(|t| !t.is_empty())
                .unwrap_or(""),
            120,
        ),
        documents: docs.iter().map(|d| d.article.id.clone()).collect(),
        sources,
        entities: resolution.entities,
        quotes: story_quotes,
        facts,
    }
}

fn first_position(f: &Fact, docs: &[&Document]) -> (usize, usize) {
    f.mentions
        .first()
        .map(|m| {
            (
                docs.iter()
                    .position(|d| d.article.id == m.doc)
                    .unwrap_or(usize::MAX),
                m.start,
            )
        })
        .unwrap_or((usize::MAX, 0))
}

fn copy_roots(n: usize, copies: &[CopyLink]) -> Vec<usize> {
    let mut root: Vec<usize> = (0..n).collect();
    fn find(r: &mut [usize], mut x: usize) -> usize {
        while r[x] != x {
            r[x] = r[r[x]];
            x = r[x];
        }
        x
    }
    for c in copies {
        if c.copy < n && c.original < n {
            let (a, b) = (find(&mut root, c.copy), find(&mut root, c.original));
            root[a.max(b)] = a.min(b);
        }
    }
    (0..n).map(|x| find(&mut root, x)).collect()
}

fn components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(a, b) in edges {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for x in 0..n {
        let r = find(&mut parent, x);
        groups.entry(r).or_default().push(x);
    }
    groups.into_values().collect()
}

fn sentence_mention(docs: &[&Document], s: &Statement) -> Mention {
    let d = docs[s.doc];
    quotes::mention(&d.article.id, &d.article.text, s.span)
}

fn span_mention(docs: &[&Document], doc: usize, span: Span) -> Mention {
    quotes::mention(&docs[doc].article.id, &docs[doc].article.text, span)
}

fn sources_of(docs: &[&Document], mentions: &[Mention]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in mentions {
        if let Some(d) = docs.iter().find(|d| d.article.id == m.doc) {
            if !out.contains(&d.article.source) {
                out.push(d.article.source.clone());
            }
        }
    }
    out
}

fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", s[..end].trim_end())
}

fn kind_name(k: ConflictKind) -> &'static str {
    match k {
        ConflictKind::Date => "date",
        ConflictKind::Number => "number",
        ConflictKind::Polarity => "polarity",
        ConflictKind::Attribution => "attribution",
        ConflictKind::Quote => "quote",
    }
}

fn conflict_fact(
    docs: &[&Document],
    a: &Statement,
    b: &Statement,
    c: &conflicts::Conflict,
) -> Fact {
    let left = span_mention(docs, c.left.0, c.left.1);
    let right = span_mention(docs, c.right.0, c.right.1);
    let (sa, sb) = (&docs[a.doc].article.source, &docs[b.doc].article.source);
    let summary = match c.kind {
        ConflictKind::Polarity => format!(
            "{sa}: \"{}\" — but {sb}: \"{}\"",
            clip(&left.text, 140),
            clip(&right.text, 140)
        ),
        k => format!(
            "{} differs: \"{}\" ({sa}) vs \"{}\" ({sb})",
            kind_name(k),
            left.text,
            right.text
        ),
    };
    let mentions = vec![sentence_mention(docs, a), sentence_mention(docs, b)];
    Fact {
        status: FactStatus::Conflict,
        kind: Some(c.kind),
        summary,
        sources: sources_of(docs, &mentions),
        mentions,
        highlights: vec![left, right],
    }
}

fn quote_conflict_fact(
    docs: &[&Document],
    g: &quotes::QuoteGroup,
    qc: &quotes::QuoteConflict,
) -> Fact {
    let (a, b) = (&g.members[qc.left], &g.members[qc.right]);
    let (sa, sb) = (&docs[a.doc].article.source, &docs[b.doc].article.source);
    let who =
        |q: &quotes::QuoteMention| q.speaker.clone().unwrap_or_else(|| "unnamed source".into());
    let summary = match qc.kind {
        ConflictKind::Attribution => format!(
            "\"{}\" is attributed to {} by {sa} but to {} by {sb}",
            clip(&a.text, 120),
            who(a),
            who(b)
        ),
        _ => format!(
            "{} quoted differently: \"{}\" ({sa}) vs \"{}\" ({sb})",
            who(a),
            clip(&a.text, 120),
            clip(&b.text, 120)
        ),
    };
    let mut mentions = Vec::new();
    for q in [a, b] {
        for &span in &q.spans {
            mentions.push(span_mention(docs, q.doc, span));
        }
    }
    Fact {
        status: FactStatus::Conflict,
        kind: Some(qc.kind),
        summary,
        sources: sources_of(docs, &mentions),
        highlights: mentions.clone(),
        mentions,
    }
}

fn story_quote(docs: &[&Document], g: &quotes::QuoteGroup) -> StoryQuote {
    // The longest version is the fullest report of the words; the most cited named speaker speaks them.
    let text = g
        .members
        .iter()
        .map(|m| m.text.as_str())
        .max_by_key(|t| (t.len(), std::cmp::Reverse(*t)))
        .unwrap_or("")
        .to_string();
    let mut speakers: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    for m in &g.members {
        if let Some(s) = &m.speaker {
            let e = speakers.entry(s.as_str()).or_default();
            e.0 += 1;
            e.1 |= m.speaker_known;
        }
    }
    let speaker = speakers
        .iter()
        .max_by_key(|(_, (n, known))| (*known, *n))
        .map(|(s, _)| s.to_string());
    let mut mentions = Vec::new();
    for m in &g.members {
        for &span in &m.spans {
            mentions.push(span_mention(docs, m.doc, span));
        }
    }
    StoryQuote {
        speaker,
        text,
        mentions,
    }
}
