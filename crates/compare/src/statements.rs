//! Statements (sentences) as weighted term sets, and their alignment across sources.

use rashomon_model::{Document, Span, Token, TokenKind};
use rashomon_text::{fold, is_stopword, stem};
use std::collections::HashMap;

/// Words that negate the clause they stand in.
const NEGATIONS: &[&str] = &[
    "not",
    "n't",
    "no",
    "never",
    "none",
    "nothing",
    "neither",
    "nor",
    "cannot",
    "without",
    "denied",
    "denies",
    "deny",
    "rejected",
    "rejects",
    "dismissed",
    "nobody",
];

/// Words that open a new clause inside a sentence.
const CLAUSE_OPENERS: &[&str] = &[
    "but", "though", "although", "while", "whereas", "however", "yet",
];

/// A clause: a stretch of a sentence between commas, dashes and contrastive conjunctions.
#[derive(Debug, Clone)]
pub struct Clause {
    pub span: Span,
    pub terms: Vec<u32>,
    /// Byte span of the negation word, when the clause is negated.
    pub negation: Option<Span>,
    /// Consecutive content-word pairs that are not names: the claim's own wording.
    pub bigrams: Vec<(u32, u32)>,
    /// Token distance (within the clause) from the negation to the nearest word of each
    /// bigram; empty when the clause is not negated. A negation far from the shared
    /// wording denies something else ("… loopholes that allow real estate developers to
    /// pay little or no tax").
    pub negation_distance: Vec<((u32, u32), usize)>,
    /// Who the clause's claim belongs to: the speaker of the attribution whose content
    /// covers it, else the nearest speaker named before it in the sentence.
    pub speaker: Option<usize>,
}

/// One sentence of one document, ready for comparison.
#[derive(Debug, Clone)]
pub struct Statement {
    pub doc: usize,
    pub sentence: usize,
    pub span: Span,
    /// Sorted, deduplicated term ids: content-word stems and `#e<n>` canonical entities.
    pub terms: Vec<u32>,
    pub clauses: Vec<Clause>,
    /// Indices into the document's `extraction.values` that fall in this sentence.
    pub values: Vec<usize>,
    /// Folded text, to recognise verbatim copies.
    pub key: String,
    /// Canonical entities credited by the attributions in this sentence (who says it).
    pub speakers: Vec<usize>,
}

/// Interns terms so statements compare as sorted integer lists.
#[derive(Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    pub df: Vec<u32>,
}

impl Vocab {
    /// The id of a term already seen.
    pub fn get(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// The background weight ([`crate::background::weight`]) of every term id; 0 for
    /// entity keys.
    pub fn background_weights(&self) -> Vec<f64> {
        let mut out = vec![0.0; self.df.len()];
        for (term, &id) in &self.ids {
            if !term.starts_with("#e") {
                if let Some(w) = out.get_mut(id as usize) {
                    *w = crate::background::weight(term);
                }
            }
        }
        out
    }

    /// The term of an id (diagnostics; linear in the vocabulary).
    pub fn name(&self, id: u32) -> &str {
        self.ids
            .iter()
            .find(|(_, &v)| v == id)
            .map(|(k, _)| k.as_str())
            .unwrap_or("?")
    }

    fn id(&mut self, term: String) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(term).or_insert(next);
        if id as usize == self.df.len() {
            self.df.push(0);
        }
        id
    }
}

/// The stem of a content word, or `None` for punctuation, stopwords and negations.
pub fn content_stem(text: &str, t: &Token) -> Option<String> {
    if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
        return None;
    }
    let w = fold(t.span.slice(text));
    let w = w.strip_suffix("'s").unwrap_or(&w);
    (!w.is_empty() && !is_stopword(w) && !NEGATIONS.contains(&w)).then(|| stem(w))
}

fn token_terms(text: &str, toks: &[Token], vocab: &mut Vocab) -> Vec<u32> {
    let mut out = Vec::new();
    for t in toks {
        if let Some(s) = content_stem(text, t) {
            out.push(vocab.id(s));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Headlines and section titles carry no statement: short lines without final punctuation.
fn is_heading(sentence: &str) -> bool {
    let trimmed = sentence.trim_end_matches(['"', '”', '’', '\'', ')']);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let title_case = words.len() >= 2 && capitalised * 4 >= words.len() * 3;
    words.len() < 12 && (!trimmed.ends_with(['.', '!', '?', '…']) || title_case)
}

/// Builds the statements of every document. `entity_of(doc, byte)` gives the canonical
/// entity covering a byte position, if any.
pub fn build(
    docs: &[&Document],
    entity_of: &dyn Fn(usize, usize) -> Option<usize>,
    speaker_entity: &dyn Fn(usize, usize) -> Option<usize>,
    vocab: &mut Vocab,
) -> Vec<Statement> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let text = &doc.article.text;
        for (s, sentence) in doc.analysis.sentences.iter().enumerate() {
            let sent_text = sentence.span.slice(text);
            if is_heading(sent_text) {
                continue;
            }
            let toks = doc.analysis.sentence_tokens(s);
            let mut terms = token_terms(text, toks, vocab);
            if terms.len() < 3 {
                continue;
            }
            for m in &doc.extraction.mentions {
                if sentence.span.contains(m.span) {
                    if let Some(e) = entity_of(d, m.span.start) {
                        terms.push(vocab.id(format!("#e{e}")));
                    }
                }
            }
            terms.sort_unstable();
            terms.dedup();
            let names: Vec<Span> = doc
                .extraction
                .mentions
                .iter()
                .map(|m| m.span)
                .filter(|m| sentence.span.overlaps(*m))
                .collect();

            let mut clauses = split_clauses(text, toks, &names, vocab);
            let speaker_of = |a: &rashomon_model::Attribution| {
                a.source
                    .and_then(|src| entity_of(d, src.start))
                    .or_else(|| a.speaker_entity.and_then(|e| speaker_entity(d, e)))
            };
            for c in clauses.iter_mut() {
                let covering = doc
                    .extraction
                    .attributions
                    .iter()
                    .find(|a| a.content.iter().any(|k| k.overlaps(c.span)));
                let before = doc
                    .extraction
                    .attributions
                    .iter()
                    .filter(|a| {
                        a.source
                            .is_some_and(|s| sentence.span.contains(s) && s.end <= c.span.start)
                    })
                    .max_by_key(|a| a.source.map(|s| s.start));
                c.speaker = covering
                    .and_then(speaker_of)
                    .or_else(|| before.and_then(speaker_of));
            }
            let values = doc
                .extraction
                .values
                .iter()
                .enumerate()
                .filter(|(_, v)| sentence.span.contains(v.span))
                .map(|(i, _)| i)
                .collect();
            let mut speakers: Vec<usize> = doc
                .extraction
                .attributions
                .iter()
                .filter(|a| {
                    a.cue.is_some_and(|c| sentence.span.contains(c))
                        || a.content.iter().any(|c| sentence.span.overlaps(*c))
                })
                .filter_map(speaker_of)
                .collect();
            speakers.sort_unstable();
            speakers.dedup();
            out.push(Statement {
                doc: d,
                sentence: s,
                span: sentence.span,
                terms,
                clauses,
                values,
                key: fold(sent_text),
                speakers,
            });
        }
    }
    for st in &out {
        for &t in &st.terms {
            vocab.df[t as usize] += 1;
        }
    }
    out
}

fn split_clauses(text: &str, toks: &[Token], names: &[Span], vocab: &mut Vocab) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let mut start = 0;
    for i in 0..=toks.len() {
        let boundary = i == toks.len() || {
            let w = toks[i].span.slice(text);
            // A sentence holding a quotation of several sentences ("… who we are.’ We’ve
            // got to …") has clauses that end at their full stops.
            matches!(
                w,
                "," | ";" | ":" | "–" | "—" | "--" | "(" | ")" | "-" | "." | "!" | "?"
            ) || CLAUSE_OPENERS.contains(&fold(w).as_str())
        };
        if boundary {
            if i > start {
                let part = &toks[start..i];
                let folded: Vec<String> = part.iter().map(|t| fold(t.span.slice(text))).collect();
                let negation_at = (0..part.len()).find(|&k| {
                    let w = folded[k].as_str();
                    let prev = k.checked_sub(1).map(|p| folded[p].as_str());
                    let next = folded.get(k + 1).map(String::as_str);
                    // "whether or not", "not only" and "no longer … but" do not deny the claim.
                    // "was not Patriot's only issue" does not deny the issue either.
                    let only_soon = folded[k + 1..(k + 4).min(folded.len())]
                        .iter()
                        .any(|x| x == "only");
                    let idiom = (w == "not" && (prev == Some("or") || only_soon))
                        || (w == "no" && matches!(next, Some("doubt" | "matter")));
                    !idiom && (NEGATIONS.contains(&w) || w.ends_with("n't"))
                });
                let negation = negation_at.map(|k| part[k].span);
                let mut sequence: Vec<(Option<u32>, usize)> = Vec::new();
                for (k, t) in part.iter().enumerate() {
                    let Some(w) = content_stem(text, t) else {
                        continue;
                    };
                    // Names and numbers are what the claim is about, not its wording.
                    let is_name =
                        names.iter().any(|n| n.overlaps(t.span)) || t.kind == TokenKind::Number;
                    sequence.push(((!is_name).then(|| vocab.id(w)), k));
                }
                let pairs: Vec<((u32, u32), usize, usize)> = sequence
                    .windows(2)
                    .filter_map(|w| Some(((w[0].0?, w[1].0?), w[0].1, w[1].1)))
                    .collect();
                let mut negation_distance: Vec<((u32, u32), usize)> = Vec::new();
                if let Some(n) = negation_at {
                    for &(bg, x, y) in &pairs {
                        let d = x.abs_diff(n).min(y.abs_diff(n));
                        match negation_distance.iter_mut().find(|(b, _)| *b == bg) {
                            Some(e) => e.1 = e.1.min(d),
                            None => negation_distance.push((bg, d)),
                        }
                    }
                }
                let mut bigrams: Vec<(u32, u32)> = pairs.iter().map(|p| p.0).collect();
                bigrams.sort_unstable();
                bigrams.dedup();
                clauses.push(Clause {
                    span: Span::new(part[0].span.start, part[part.len() - 1].span.end),
                    terms: token_terms(text, part, vocab),
                    negation,
                    bigrams,
                    negation_distance,
                    speaker: None,
                });
            }
            start = i + 1;
        }
    }
    clauses
}

/// Inverse document frequency over the story's statements.
pub fn idf(vocab: &Vocab, n: usize) -> Vec<f64> {
    vocab
        .df
        .iter()
        .map(|&df| (1.0 + n as f64 / (df.max(1) as f64)).ln())
        .collect()
}

/// Sum of squared weights of the terms shared by two sorted term lists.
pub fn shared_weight(a: &[u32], b: &[u32], idf: &[f64]) -> (f64, usize) {
    let mut n = 0;
    let w = sum_shared(a, b, |t| {
        n += 1;
        idf.get(t as usize).copied().unwrap_or(1.0).powi(2)
    });
    (w, n)
}

/// Sum of `weight` over the terms two sorted term lists share.
fn sum_shared(a: &[u32], b: &[u32], mut weight: impl FnMut(u32) -> f64) -> f64 {
    let (mut i, mut j, mut w) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += weight(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    w
}

pub fn norm(a: &[u32], idf: &[f64]) -> f64 {
    a.iter()
        .map(|&t| idf.get(t as usize).copied().unwrap_or(1.0).powi(2))
        .sum::<f64>()
        .sqrt()
}

/// What two statements share beyond chance: the background weights of the content-word
/// stems (names' words included, entity keys not) in both sorted term lists.
pub fn evidence(a: &[u32], b: &[u32], background: &[f64]) -> f64 {
    sum_shared(a, b, |t| background.get(t as usize).copied().unwrap_or(0.0))
}

/// TF-IDF cosine between two statements (binary term weights).
pub fn similarity(a: &Statement, b: &Statement, idf: &[f64]) -> f64 {
    let (w, _) = shared_weight(&a.terms, &b.terms, idf);
    let d = norm(&a.terms, idf) * norm(&b.terms, idf);
    if d == 0.0 {
        0.0
    } else {
        w / d
    }
}
