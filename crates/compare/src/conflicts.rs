//! Contradictions between two statements from different sources: differing
//! dates and numbers in the same context, and opposite polarity of the same claim.

use crate::statements::{norm, shared_weight, Statement};
use rashomon_model::{ConflictKind, Document, Span, Value, ValueKind};
use rashomon_text::fold;

/// Function words that tie a value to its role ("since 2019", "in 2018", "by 2030").
const TRIGGERS: &[&str] = &[
    "since", "in", "on", "by", "from", "until", "before", "after", "at", "of", "for", "than", "to",
];
/// Tokens either side of a value that describe its role.
const CONTEXT_WINDOW: usize = 8;
/// Words skipped when looking back from a value for its trigger.
const SKIPPABLE: &[&str] = &[
    "their", "the", "his", "her", "its", "a", "an", "about", "around", "nearly", "almost", "some",
    "least", "more", "over", "only", "just",
];

/// A detected contradiction between statements `a` and `b`.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The differing spans: (doc, span) for each side.
    pub left: (usize, Span),
    pub right: (usize, Span),
    pub strength: f64,
}

fn comparable(a: &Value, b: &Value) -> Option<ConflictKind> {
    use ValueKind::*;
    match (a.kind, b.kind) {
        // A year and a full date play different roles ("completed in 2009" vs "on Tuesday").
        (Year, Year) => Some(ConflictKind::Date),
        (Date, Date) if a.normalized.len() == b.normalized.len() => Some(ConflictKind::Date),
        (Number, Number) | (Money, Money) | (Percent, Percent) => Some(ConflictKind::Number),
        (Quantity, Quantity) if a.unit == b.unit => Some(ConflictKind::Number),
        _ => None,
    }
}

/// Reports that disagree on a figure disagree by a little ("1,200" vs "1,800", "2018" vs
/// "2019"); values orders of magnitude or decades apart are different quantities.
fn plausibly_same_quantity(a: &Value, b: &Value) -> bool {
    match (a.kind, b.kind, a.number, b.number) {
        (ValueKind::Year, ValueKind::Year, Some(x), Some(y)) => (x - y).abs() <= MAX_YEAR_GAP,
        (_, _, Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) <= MAX_RATIO,
        _ => true,
    }
}

/// Largest ratio between two figures still reported as one disputed quantity.
const MAX_RATIO: f64 = 4.0;
/// Largest gap in years between two years still reported as one disputed date.
const MAX_YEAR_GAP: f64 = 10.0;

/// Dates agree when one is a prefix of the other ("2025" vs "2025-08-15").
fn values_agree(a: &Value, b: &Value) -> bool {
    match (a.kind, b.kind) {
        (ValueKind::Date | ValueKind::Year, ValueKind::Date | ValueKind::Year) => {
            let (x, y) = (&a.normalized, &b.normalized);
            // Unresolved weekdays ("friday") or month-days cannot be compared with full dates.
            let resolved = |s: &str| s.as_bytes().first().is_some_and(u8::is_ascii_digit);
            if !resolved(x) || !resolved(y) {
                return x == y || resolved(x) != resolved(y);
            }
            x.starts_with(y.as_str()) || y.starts_with(x.as_str())
        }
        _ => match (a.number, b.number) {
            (Some(x), Some(y)) => (x - y).abs() <= 0.01 * x.abs().max(y.abs()),
            _ => a.normalized == b.normalized,
        },
    }
}

/// The trigger word before a value and the content terms around it (same clause).
fn context(
    doc: &Document,
    st: &Statement,
    v: &Value,
    vocab_id: &dyn Fn(&str) -> Option<u32>,
) -> (Option<String>, Vec<u32>) {
    let text = &doc.article.text;
    let toks = doc.analysis.sentence_tokens(st.sentence);
    let first = toks
        .iter()
        .position(|t| t.span.start >= v.span.start)
        .unwrap_or(0);
    let mut trigger = None;
    let mut k = first;
    while k > 0 && first - k < 4 {
        k -= 1;
        let w = fold(toks[k].span.slice(text));
        let before = k
            .checked_sub(1)
            .map(|p| fold(toks[p].span.slice(text)))
            .unwrap_or_default();
        let after = toks
            .get(k + 1)
            .map(|t| fold(t.span.slice(text)))
            .unwrap_or_default();
        // "more than 1,000", "at least 1,800", "up to 500" qualify the figure; the role
        // word, if any, comes before them ("canceled more than 1,000").
        let qualifier = (w == "than" && matches!(before.as_str(), "more" | "less" | "fewer"))
            || (w == "at" && matches!(after.as_str(), "least" | "most"))
            || (w == "to" && before == "up");
        if qualifier {
            continue;
        }
        if TRIGGERS.contains(&w.as_str()) {
            trigger = Some(w);
            break;
        }
        if !SKIPPABLE.contains(&w.as_str()) {
            break;
        }
    }
    // Content words within a few tokens either side: the value's role ("first time since", "completed in").
    let last = toks
        .iter()
        .rposition(|t| t.span.end <= v.span.end)
        .unwrap_or(first);
    let window =
        &toks[first.saturating_sub(CONTEXT_WINDOW)..(last + 1 + CONTEXT_WINDOW).min(toks.len())];
    let mut terms: Vec<u32> = window
        .iter()
        .filter(|t| !v.span.overlaps(t.span) && t.kind == rashomon_model::TokenKind::Word)
        .filter_map(|t| {
            let w = fold(t.span.slice(text));
            let w = w.strip_suffix("'s").unwrap_or(&w).to_string();
            (!rashomon_text::is_stopword(&w)).then(|| vocab_id(&rashomon_text::stem(&w)))
        })
        .flatten()
        .collect();
    terms.sort_unstable();
    terms.dedup();
    (trigger, terms)
}

/// Value conflicts: same kind of value, same role (trigger word or shared clause context), different values.
pub fn value_conflicts(
    docs: &[&Document],
    a: &Statement,
    b: &Statement,
    sentence_sim: f64,
    idf: &[f64],
    vocab_id: &dyn Fn(&str) -> Option<u32>,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    let (da, db) = (docs[a.doc], docs[b.doc]);
    let same = |va: &Value, vb: &Value| {
        values_agree(va, vb)
            || fold(va.span.slice(&da.article.text)) == fold(vb.span.slice(&db.article.text))
    };
    // A figure both reports give is no disagreement, whatever else it sits next to: "fell
    // to 5.2%, from 5.4%" and "dropped to 5.2% from 5.4%" agree on both.
    let matched: Vec<(usize, usize)> = a
        .values
        .iter()
        .enumerate()
        .flat_map(|(xa, &ia)| {
            b.values
                .iter()
                .enumerate()
                .map(move |(xb, &ib)| (xa, ia, xb, ib))
        })
        .filter(|&(_, ia, _, ib)| {
            let (va, vb) = (&da.extraction.values[ia], &db.extraction.values[ib]);
            comparable(va, vb).is_some() && same(va, vb)
        })
        .map(|(xa, _, xb, _)| (xa, xb))
        .collect();
    let echoed_in_b: Vec<bool> = (0..a.values.len())
        .map(|xa| matched.iter().any(|m| m.0 == xa))
        .collect();
    let echoed_in_a: Vec<bool> = (0..b.values.len())
        .map(|xb| matched.iter().any(|m| m.1 == xb))
        .collect();
    for (xa, &ia) in a.values.iter().enumerate() {
        let va = &da.extraction.values[ia];
        if echoed_in_b[xa] {
            continue;
        }
        for (xb, &ib) in b.values.iter().enumerate() {
            let vb = &db.extraction.values[ib];
            if echoed_in_a[xb] {
                continue;
            }
            let Some(kind) = comparable(va, vb) else {
                continue;
            };
            if !plausibly_same_quantity(va, vb) {
                continue;
            }
            // The same words ("on Wednesday", "last year") in two reports mean the same thing far
            // more often than publication dates differing by a day suggest otherwise.
            if same(va, vb) {
                continue;
            }
            // Both values must be resolved for dates ("friday" vs "2025-08-15" says nothing).
            let (ta, ca) = context(da, a, va, vocab_id);
            let (tb, cb) = context(db, b, vb, vocab_id);
            let (w, n) = shared_weight(&ca, &cb, idf);
            let base = norm(&ca, idf).min(norm(&cb, idf)).max(1e-9);
            let overlap = w.sqrt() / base;
            let same_trigger = ta.is_some() && ta == tb;
            // Two role words that differ give the figures different roles: "from 14 days"
            // is the old rule, "after seven days" the new one.
            if ta.is_some() && tb.is_some() && !same_trigger {
                continue;
            }
            let ok = match kind {
                ConflictKind::Date => {
                    (same_trigger && n >= 2)
                        || (n >= 3 && overlap >= 0.5)
                        || (sentence_sim >= 0.5 && same_trigger)
                }
                // Counts of the same thing ("1,200 residents" vs "1,800 residents") in related sentences.
                _ if va.unit.is_some() => sentence_sim >= 0.2 || (n >= 1 && same_trigger) || n >= 2,
                _ => n >= 2 && overlap >= 0.5 && sentence_sim >= 0.25,
            };
            if ok {
                out.push(Conflict {
                    kind,
                    left: (a.doc, va.span),
                    right: (b.doc, vb.span),
                    strength: overlap + sentence_sim + f64::from(u8::from(same_trigger)),
                });
            }
        }
    }
    out
}

/// Polarity conflicts: a clause of one statement is negated, the matching clause of the other is not.
/// How many tokens a negation may stand from the shared wording it denies.
const NEGATION_REACH: usize = 4;

/// Background weight ([`crate::background`]) the shared bigram of a polarity conflict
/// needs: "security guarantees" and "open … shipping" have it, "next week" does not.
const MIN_BIGRAM_WEIGHT: f64 = 9.0;

pub fn polarity_conflict(
    a: &Statement,
    b: &Statement,
    idf: &[f64],
    background: &[f64],
    statements: usize,
) -> Option<Conflict> {
    let specific = |bg: &(u32, u32)| {
        let w = |t: u32| background.get(t as usize).copied().unwrap_or(0.0);
        w(bg.0) + w(bg.1) >= MIN_BIGRAM_WEIGHT
    };
    // The shared wording must be specific to the claim: words in at most a tenth of the
    // story's statements (or three, in small stories), not the story's running theme.
    let rare_idf = (1.0 + statements as f64 / 3.0).ln().min(11f64.ln());
    let rare = |t: u32| idf.get(t as usize).is_some_and(|&x| x >= rare_idf - 1e-9);
    let mut best: Option<Conflict> = None;
    for ca in &a.clauses {
        for cb in &b.clauses {
            if ca.negation.is_some() == cb.negation.is_some() {
                continue;
            }
            // Different people may well disagree; a contradiction is one claim reported both ways.
            let same_voice = ca.speaker.is_some() && ca.speaker == cb.speaker;
            if ca.speaker.is_some() && cb.speaker.is_some() && !same_voice {
                continue;
            }
            // The two clauses must share some of the claim's own wording, not just names,
            // and the negation must stand next to that wording: "security guarantees …
            // were not", not "real estate developers … to pay little or no tax".
            let negated = if ca.negation.is_some() { ca } else { cb };
            if !ca.bigrams.iter().any(|bg| {
                rare(bg.0)
                    && rare(bg.1)
                    && specific(bg)
                    && cb.bigrams.contains(bg)
                    && negated
                        .negation_distance
                        .iter()
                        .any(|(b, d)| b == bg && *d <= NEGATION_REACH)
            }) {
                continue;
            }
            let (w, n) = shared_weight(&ca.terms, &cb.terms, idf);
            if n < 2 {
                continue;
            }
            let overlap = w.sqrt() / norm(&ca.terms, idf).min(norm(&cb.terms, idf)).max(1e-9);
            if overlap < 0.45 {
                continue;
            }
            let strength = overlap + if same_voice { 0.5 } else { 0.0 };
            if best.as_ref().is_none_or(|c| strength > c.strength) {
                best = Some(Conflict {
                    kind: ConflictKind::Polarity,
                    left: (a.doc, ca.span),
                    right: (b.doc, cb.span),
                    strength,
                });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(kind: ValueKind, normalized: &str, unit: Option<&str>) -> Value {
        Value {
            span: Span::new(0, 1),
            kind,
            normalized: normalized.into(),
            number: normalized.parse().ok(),
            unit: unit.map(str::to_string),
        }
    }

    #[test]
    fn years_compare_with_years_and_dates_by_prefix() {
        assert_eq!(
            comparable(
                &v(ValueKind::Year, "2018", None),
                &v(ValueKind::Year, "2019", None)
            ),
            Some(ConflictKind::Date)
        );
        assert_eq!(
            comparable(
                &v(ValueKind::Year, "2009", None),
                &v(ValueKind::Date, "2025-03-04", None)
            ),
            None
        );
        assert!(!values_agree(
            &v(ValueKind::Year, "2018", None),
            &v(ValueKind::Year, "2019", None)
        ));
        assert!(values_agree(
            &v(ValueKind::Date, "2025-08-15", None),
            &v(ValueKind::Date, "2025-08-15", None)
        ));
    }

    #[test]
    fn far_apart_figures_are_different_quantities() {
        assert!(plausibly_same_quantity(
            &v(ValueKind::Quantity, "1200", Some("resid")),
            &v(ValueKind::Quantity, "1800", Some("resid"))
        ));
        assert!(!plausibly_same_quantity(
            &v(ValueKind::Quantity, "11", Some("deleg")),
            &v(ValueKind::Quantity, "370", Some("deleg"))
        ));
        assert!(!plausibly_same_quantity(
            &v(ValueKind::Year, "1990", None),
            &v(ValueKind::Year, "2016", None)
        ));
    }

    #[test]
    fn counts_compare_only_with_the_same_unit_and_tolerate_rounding() {
        let a = v(ValueKind::Quantity, "1200", Some("resid"));
        assert_eq!(
            comparable(&a, &v(ValueKind::Quantity, "1800", Some("resid"))),
            Some(ConflictKind::Number)
        );
        assert_eq!(
            comparable(&a, &v(ValueKind::Quantity, "1800", Some("troop"))),
            None
        );
        assert!(values_agree(
            &v(ValueKind::Number, "1000", None),
            &v(ValueKind::Number, "1005", None)
        ));
    }
}
