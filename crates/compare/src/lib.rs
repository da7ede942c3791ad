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

pub mod background;
pub mod conflicts;
pub mod corpus_entities;
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
/// So similar that they align even when not each other's best match.
const STRONG_ALIGN: f64 = 0.6;
/// Shared words' background weight ([`statements::evidence`]) that makes an alignment a
/// corroboration: two or three uncommon words of the claim ("resign", "jobless"), or
/// many common ones. Below it, two sentences that share "year" and "thing", or only a
/// much-named person, are not one fact. Chosen with `examples/align_probe.rs`
/// (docs/evaluation.md): of the aligned pairs, 95 % of those within AllSides stories keep
/// it, and 8 of the 54 between unrelated PolNeAR articles.
const MIN_EVIDENCE: f64 = 16.0;
/// Enough for statements that are also this similar (short sentences share few words).
const MIN_EVIDENCE_SIMILAR: f64 = 10.0;
const SIMILAR_ALIGN: f64 = 0.3;

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
    let background = vocab.background_weights();
    // Tuning output (docs/evaluation.md), read once rather than per pair.
    let debug_align = std::env::var_os("RASHOMON_DEBUG_ALIGN").is_some();
    let debug_edges = std::env::var_os("RASHOMON_DEBUG_EDGES").is_some();

    // Verbatim copies of a sentence within one copy group are one statement: compare the
    // first, report all.
    let mut rep: Vec<usize> = (0..stmts.len()).collect();
    let mut first_of: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (i, st) in stmts.iter().enumerate() {
        rep[i] = *first_of
            .entry((copy_root[st.doc], st.key.as_str()))
            .or_insert(i);
    }
    let mut copies_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &r) in rep.iter().enumerate() {
        copies_of.entry(r).or_default().push(i);
    }
    let reps: Vec<usize> = (0..stmts.len()).filter(|&i| rep[i] == i).collect();

    let mut facts = Vec::new();
    let mut found_conflicts: Vec<(f64, conflicts::Conflict, usize, usize)> = Vec::new();
    let mut best_for: BTreeMap<(usize, usize), (f64, usize)> = BTreeMap::new();
    let mut sims: Vec<(usize, usize, f64)> = Vec::new();
    for (x, &i) in reps.iter().enumerate() {
        for &j in &reps[x + 1..] {
            let (a, b) = (&stmts[i], &stmts[j]);
            if !independent(a.doc, b.doc) {
                continue;
            }
            let sim = statements::similarity(a, b, &idf);
            if sim < RELATED_THRESHOLD {
                continue;
            }
            if debug_align {
                eprintln!(
                    "{sim:.3}\t{}\t{}",
                    clip(a.span.slice(&docs[a.doc].article.text), 70),
                    clip(b.span.slice(&docs[b.doc].article.text), 70)
                );
            }
            sims.push((i, j, sim));
            for (me, other, other_root) in [(i, j, copy_root[b.doc]), (j, i, copy_root[a.doc])] {
                let e = best_for
                    .entry((me, other_root))
                    .or_insert((0.0, usize::MAX));
                if sim > e.0 {
                    *e = (sim, other);
                }
            }
            let mut found =
                conflicts::value_conflicts(docs, a, b, sim, &idf, &|t: &str| vocab.get(t));
            found.extend(conflicts::polarity_conflict(
                a,
                b,
                &idf,
                &background,
                stmts.len(),
            ));
            for c in found {
                found_conflicts.push((c.strength + sim, c, i, j));
            }
        }
    }

    // Keep, for each statement, conflict kind and other source, only the strongest counterpart;
    // then merge conflicts of one kind that share a statement ("1,800" vs the wire's and a
    // regional paper's "1,200" is one disagreement).
    found_conflicts.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.2, x.3).cmp(&(y.2, y.3))));
    let mut used: BTreeSet<(usize, usize, ConflictKind)> = BTreeSet::new();
    let mut kept: Vec<(conflicts::Conflict, usize, usize)> = Vec::new();
    for (_, c, i, j) in found_conflicts {
        // A value may disagree with several sources (merged below); a negated claim is
        // contradicted by its single best counterpart.
        let scope = |doc: usize| {
            if c.kind == ConflictKind::Polarity {
                usize::MAX
            } else {
                copy_root[doc]
            }
        };
        let key_i = (i, scope(stmts[j].doc), c.kind);
        let key_j = (j, scope(stmts[i].doc), c.kind);
        if used.contains(&key_i) || used.contains(&key_j) {
            continue;
        }
        used.insert(key_i);
        used.insert(key_j);
        kept.push((c, i, j));
    }
    let conflict_pairs: BTreeSet<(usize, usize)> = kept.iter().map(|(_, i, j)| (*i, *j)).collect();
    let in_conflict: BTreeSet<usize> = kept.iter().flat_map(|(_, i, j)| [*i, *j]).collect();
    let merged = components(kept.len(), &{
        let mut e = Vec::new();
        for x in 0..kept.len() {
            for y in (x + 1)..kept.len() {
                let (cx, cy) = (&kept[x], &kept[y]);
                if cx.0.kind != cy.0.kind {
                    continue;
                }
                // Merge "A says x; B and C say y" but not chains of unrelated values: the
                // conflicts must share a statement and agree on the other side's wording.
                let side = |c: &(conflicts::Conflict, usize, usize), s: usize| {
                    let (doc, span) = if c.1 == s { c.0.right } else { c.0.left };
                    rashomon_text::fold(span.slice(&docs[doc].article.text))
                };
                let shared = [cx.1, cx.2].into_iter().find(|s| *s == cy.1 || *s == cy.2);
                if shared.is_some_and(|s| side(cx, s) == side(cy, s)) {
                    e.push((x, y));
                }
            }
        }
        e
    });
    for group in merged {
        let members: Vec<&(conflicts::Conflict, usize, usize)> =
            group.iter().map(|&g| &kept[g]).collect();
        facts.push(conflict_fact(docs, &stmts, &copies_of, &members));
    }

    // Alignment: the mutually best match in the other source, when similar enough.
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for &(i, j, sim) in &sims {
        if sim < ALIGN_THRESHOLD || conflict_pairs.contains(&(i, j)) {
            continue;
        }
        let ev = statements::evidence(&stmts[i].terms, &stmts[j].terms, &background);
        if ev < MIN_EVIDENCE
            && !(ev >= MIN_EVIDENCE_SIMILAR && sim >= SIMILAR_ALIGN)
            && sim < STRONG_ALIGN
        {
            continue;
        }
        let best_i = best_for.get(&(i, copy_root[stmts[j].doc])).map(|b| b.1) == Some(j);
        let best_j = best_for.get(&(j, copy_root[stmts[i].doc])).map(|b| b.1) == Some(i);
        if (best_i && best_j) || sim >= STRONG_ALIGN {
            if debug_edges {
                let (a, b) = (&stmts[i], &stmts[j]);
                let (_, n) = statements::shared_weight(&a.terms, &b.terms, &idf);
                let shared: Vec<String> = a
                    .terms
                    .iter()
                    .filter(|t| b.terms.contains(t))
                    .map(|&t| format!("{}:{:.1}", vocab.name(t), idf[t as usize]))
                    .collect();
                eprintln!(
                    "EDGE\t{sim:.3}\t{n}\t{ev:.2}\t{}\t{}\t{}\t{}\t{}",
                    a.terms.len(),
                    b.terms.len(),
                    shared.join(" "),
                    clip(a.span.slice(&docs[a.doc].article.text), 90),
                    clip(b.span.slice(&docs[b.doc].article.text), 90)
                );
            }
            edges.push((i, j));
        }
    }
    let index_of: BTreeMap<usize, usize> = reps.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let local_edges: Vec<(usize, usize)> = edges
        .iter()
        .map(|(a, b)| (index_of[a], index_of[b]))
        .collect();
    for comp in components(reps.len(), &local_edges) {
        let comp: Vec<usize> = comp.iter().map(|&k| reps[k]).collect();
        let roots: BTreeSet<usize> = comp.iter().map(|&s| copy_root[stmts[s].doc]).collect();
        let status = if roots.len() >= 2 {
            FactStatus::Corroborated
        } else if comp.iter().any(|s| in_conflict.contains(s)) {
            continue;
        } else {
            FactStatus::Unique
        };
        let all: Vec<usize> = comp
            .iter()
            .flat_map(|r| copies_of.get(r).cloned().unwrap_or_default())
            .collect();
        let mentions: Vec<Mention> = all
            .iter()
            .map(|&s| sentence_mention(docs, &stmts[s]))
            .collect();
        // The shortest sentence speaks for the group, but not one that is a side of a
        // conflict: "met for the first time since 2019" is not what both sources say.
        let disputed =
            status == FactStatus::Corroborated && all.iter().any(|s| in_conflict.contains(s));
        let summary = comp
            .iter()
            .map(|&s| {
                (
                    in_conflict.contains(&s),
                    stmts[s].span.slice(&docs[stmts[s].doc].article.text),
                )
            })
            .min_by_key(|(c, t)| (*c, t.len(), *t))
            .map(|(_, t)| t)
            .unwrap_or("")
            .to_string();
        facts.push(Fact {
            status,
            kind: None,
            summary: clip(&summary, 300),
            sources: sources_of(docs, &mentions),
            mentions,
            highlights: vec![],
            disputed,
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
        // One fact per disagreeing pair of copy groups, naming every outlet on each side.
        let mut by_sides: BTreeMap<(ConflictKind, usize, usize), Vec<quotes::QuoteConflict>> =
            BTreeMap::new();
        for qc in quotes::conflicts(g, &independent) {
            let (ra, rb) = (
                copy_root[g.members[qc.left].doc],
                copy_root[g.members[qc.right].doc],
            );
            by_sides
                .entry((qc.kind, ra.min(rb), ra.max(rb)))
                .or_default()
                .push(qc);
        }
        for list in by_sides.values() {
            facts.push(quote_conflict_fact(docs, g, list));
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
    // Cut at a word boundary ("for what…", not "for wha…") unless that loses too much.
    if let Some(space) = s[..end].rfind(' ').filter(|&k| k >= max * 2 / 3) {
        end = space;
    }
    format!("{}…", s[..end].trim_end().trim_end_matches([',', ';', ':']))
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
    stmts: &[Statement],
    copies_of: &BTreeMap<usize, Vec<usize>>,
    members: &[&(conflicts::Conflict, usize, usize)],
) -> Fact {
    let kind = members[0].0.kind;
    let mut sentence_ids: Vec<usize> = Vec::new();
    let mut highlights: Vec<Mention> = Vec::new();
    for (c, i, j) in members {
        for (stmt, (doc, span)) in [(*i, c.left), (*j, c.right)] {
            for &copy in copies_of.get(&stmt).map(Vec::as_slice).unwrap_or(&[stmt]) {
                if !sentence_ids.contains(&copy) {
                    sentence_ids.push(copy);
                }
                // A verbatim copy has the same words at the same offset within its sentence.
                let shift = |x: usize| stmts[copy].span.start + (x - stmts[stmt].span.start);
                let at = if copy == stmt {
                    (doc, span)
                } else {
                    (
                        stmts[copy].doc,
                        Span::new(shift(span.start), shift(span.end)),
                    )
                };
                let m = span_mention(docs, at.0, at.1);
                if !highlights.contains(&m) {
                    highlights.push(m);
                }
            }
        }
    }
    sentence_ids.sort_by_key(|&s| (stmts[s].doc, stmts[s].span.start));
    let mentions: Vec<Mention> = sentence_ids
        .iter()
        .map(|&s| sentence_mention(docs, &stmts[s]))
        .collect();
    // One entry per distinct wording, with every outlet that used it.
    let mut variants: Vec<(String, Vec<String>)> = Vec::new();
    for h in &highlights {
        let source = docs
            .iter()
            .find(|d| d.article.id == h.doc)
            .map(|d| d.article.source.clone())
            .unwrap_or_default();
        let text = clip(&h.text, 140);
        match variants
            .iter_mut()
            .find(|(t, _)| rashomon_text::fold(t) == rashomon_text::fold(&text))
        {
            Some((_, srcs)) if !srcs.contains(&source) => srcs.push(source),
            Some(_) => {}
            None => variants.push((text, vec![source])),
        }
    }
    let listed: Vec<String> = variants
        .iter()
        .map(|(t, s)| format!("\"{t}\" ({})", s.join(", ")))
        .collect();
    let summary = format!("{} differs: {}", kind_name(kind), listed.join(" vs "));
    Fact {
        status: FactStatus::Conflict,
        kind: Some(kind),
        summary,
        sources: sources_of(docs, &mentions),
        mentions,
        highlights,
        disputed: false,
    }
}

fn quote_conflict_fact(
    docs: &[&Document],
    g: &quotes::QuoteGroup,
    list: &[quotes::QuoteConflict],
) -> Fact {
    let kind = list[0].kind;
    let mut members: Vec<usize> = list.iter().flat_map(|qc| [qc.left, qc.right]).collect();
    members.sort_unstable();
    members.dedup();
    let who = |q: &quotes::QuoteMention| {
        q.speaker
            .clone()
            .unwrap_or_else(|| "an unnamed source".into())
    };
    // One entry per distinct wording (or speaker), with the outlets that used it.
    let mut variants: Vec<(String, Vec<String>)> = Vec::new();
    for &m in &members {
        let q = &g.members[m];
        let label = match kind {
            ConflictKind::Attribution => format!("{} (\"{}\")", who(q), clip(&q.text, 80)),
            _ => format!("\"{}\"", clip(&q.text, 120)),
        };
        let source = docs[q.doc].article.source.clone();
        match variants.iter_mut().find(|(l, _)| *l == label) {
            Some((_, s)) if !s.contains(&source) => s.push(source),
            Some(_) => {}
            None => variants.push((label, vec![source])),
        }
    }
    let listed: Vec<String> = variants
        .iter()
        .map(|(l, s)| format!("{l} per {}", s.join(", ")))
        .collect();
    let summary = match kind {
        ConflictKind::Attribution => {
            format!("same words, different speakers: {}", listed.join(" vs "))
        }
        _ => format!(
            "{} quoted differently: {}",
            who(&g.members[members[0]]),
            listed.join(" vs ")
        ),
    };
    let mut mentions = Vec::new();
    for &m in &members {
        let q = &g.members[m];
        for &span in &q.spans {
            mentions.push(span_mention(docs, q.doc, span));
        }
    }
    Fact {
        status: FactStatus::Conflict,
        kind: Some(kind),
        summary,
        sources: sources_of(docs, &mentions),
        highlights: mentions.clone(),
        mentions,
        disputed: false,
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
