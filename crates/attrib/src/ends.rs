//! Where indirect content ends. The rules run cue-first content to the end of the
//! sentence (or a clear clause cut); PolNeAR annotators often stop earlier, at a
//! coordinated predicate ("… and showed"), an adjunct ("… before sketching") or a
//! main clause after a fronted one. A linear ranker (averaged perceptron over
//! candidate end tokens, trained on PolNeAR train) picks the end.

use crate::doc::Doc;
use crate::phrases::is_finite_aux;
use crate::polnear::Article;
use crate::rules;
use crate::tagger::{h, FeatMap, Model, NL};
use rashomon_model::TokenKind;

/// Candidate last tokens of content `start..=end`: `end` itself and every token
/// followed by a break (punctuation or a clause word) outside a quotation.
pub fn candidates(d: &Doc, start: usize, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for k in start..end {
        if let (Some(a), Some(b)) = (d.in_quote[k], d.in_quote[k + 1]) {
            if a == b && d.quotes[a].close != k {
                continue;
            }
        }
        let nx = d.word(k + 1);
        let brk = d.is_punct(k + 1)
            || matches!(
                nx,
                "and"
                    | "but"
                    | "or"
                    | "before"
                    | "after"
                    | "because"
                    | "while"
                    | "when"
                    | "where"
                    | "as"
                    | "despite"
                    | "since"
                    | "until"
                    | "if"
                    | "though"
                    | "although"
                    | "which"
                    | "who"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "with"
                    | "by"
                    | "during"
                    | "from"
                    | "to"
                    | "than"
                    | "even"
                    | "just"
                    | "only"
                    | "amid"
                    | "over"
                    | "about"
                    | "without"
                    | "so"
                    | "then"
            );
        // Content never ends on punctuation other than a closing quotation mark.
        if brk && (!d.is_punct(k) || d.quote_closing_at(k).is_some()) && k > start {
            out.push(k);
        }
    }
    out.push(end);
    out
}

fn class(d: &Doc, i: usize) -> &'static str {
    match d.word(i) {
        "he" | "she" | "they" | "i" | "we" | "it" | "there" => "R",
        "the" | "a" | "an" | "his" | "her" | "their" | "its" => "D",
        _ if d.kinds.get(i) == Some(&TokenKind::Quote) => "Q",
        _ if d.is_punct(i) => "P",
        _ if d.is_cap(i) => "C",
        w if w.ends_with("ed") => "V",
        w if w.ends_with("ing") => "G",
        _ => "x",
    }
}

/// The kind of content an opening word starts: a complementiser or question word as
/// itself, a quotation as `Q`, anything else as `-`.
fn opening<'a>(d: &'a Doc, start: usize) -> &'a str {
    let w = d.word(start);
    if matches!(w, "that" | "to" | "whether" | "if" | "what" | "how") {
        w
    } else if d.kinds[start] == TokenKind::Quote {
        "Q"
    } else {
        "-"
    }
}

/// Features of ending the content `start..` (cue at `cue`) at `k`, the rules' end being `end`.
#[allow(clippy::too_many_arguments)]
pub fn features(
    d: &Doc,
    cue: usize,
    start: usize,
    k: usize,
    rule_end: usize,
    end: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let mut buf = Vec::with_capacity(48);
    if k == rule_end {
        out.push(h(&mut buf, 3, &["RULE"]));
    }
    if k == end {
        out.push(h(&mut buf, 1, &["END"]));
        let sent_end = d.sents[d.sent[k]].end;
        let tail = if k + 1 >= sent_end || d.is_punct(k + 1) && k + 2 >= sent_end {
            "S"
        } else {
            d.word(k + 1)
        };
        out.push(h(&mut buf, 2, &[tail]));
        // The content's opening word with the end of the sentence or the word after it.
        out.push(h(&mut buf, 4, &[opening(d, start), tail]));
        return;
    }
    let (n1, n2, n3) = (d.word(k + 1), d.word(k + 2), d.word(k + 3));
    let c2 = class(d, k + 2);
    let c3 = class(d, k + 3);
    let first = opening(d, start);
    let len = match k - start {
        0..=2 => "0",
        3..=6 => "1",
        7..=12 => "2",
        13..=20 => "3",
        _ => "4",
    };
    let commas = (start..=k).filter(|&i| d.word(i) == ",").count().min(3);
    let commas = ["0", "1", "2", "3"][commas];
    let ss = d.sents[d.sent[cue]].start;
    let fronted = if matches!(
        d.word(ss),
        "while"
            | "although"
            | "though"
            | "as"
            | "if"
            | "because"
            | "since"
            | "when"
            | "after"
            | "before"
            | "despite"
            | "even"
            | "whereas"
            | "unless"
    ) && (ss..cue).all(|i| d.word(i) != ",")
    {
        "F"
    } else {
        "-"
    };
    let cw = d.word(cue);
    let rest = match end - k {
        0..=3 => "0",
        4..=8 => "1",
        9..=16 => "2",
        _ => "3",
    };
    let later_that = if (k + 1..=end).any(|i| d.word(i) == "that") {
        "T"
    } else {
        "-"
    };
    let inq = if d.in_quote[k].is_some() { "q" } else { "-" };
    out.extend([
        h(&mut buf, 10, &[n1]),
        h(&mut buf, 11, &[n1, n2]),
        h(&mut buf, 12, &[n1, c2]),
        h(&mut buf, 13, &[n1, c2, c3]),
        h(&mut buf, 14, &[n1, n2, n3]),
        h(&mut buf, 15, &[d.word(k)]),
        h(&mut buf, 16, &[class(d, k), n1, c2]),
        h(&mut buf, 17, &[first, n1]),
        h(&mut buf, 18, &[len, n1]),
        h(&mut buf, 19, &[commas, n1, c2]),
        h(&mut buf, 20, &[fronted, n1]),
        h(&mut buf, 21, &[cw, n1]),
        h(&mut buf, 22, &[inq, n1]),
        h(&mut buf, 23, &[len]),
        h(&mut buf, 24, &[first, n1, c2]),
        h(&mut buf, 25, &[rest, n1]),
        h(&mut buf, 26, &[later_that, n1, c2]),
        h(&mut buf, 27, &[d.word(k.saturating_sub(1)), d.word(k), n1]),
        h(&mut buf, 28, &[fronted, commas, n1, c2]),
    ]);
    // The word after the break (past a conjunction): a predicate parallel to the cue
    // ("telling their stories and criticizing …" ends before "and"), and its predicate class.
    let nx = if matches!(n1, "and" | "but" | "or") {
        n2
    } else {
        n1
    };
    let par = if cw.ends_with("ing") && nx.ends_with("ing")
        || cw.ends_with("ed") && nx.ends_with("ed")
        || cw.ends_with('s') && nx.ends_with('s') && !nx.ends_with("ss")
    {
        "P"
    } else {
        "-"
    };
    let lc = crate::lexicon::class(nx, &rashomon_text::stem(nx)).unwrap_or("-");
    out.extend([h(&mut buf, 31, &[par, n1]), h(&mut buf, 32, &[lc, n1])]);
    // Whether the content so far has something like a predicate (an auxiliary or an
    // inflected verb): a clause that stops before its verb is unfinished.
    let pred = if has_predicate(d, start + 1, k + 1) {
        "V"
    } else {
        "-"
    };
    // And whether the part cut off starts with a predicate of its own ("…, but called").
    let next = if has_predicate(d, k + 1, (k + 5).min(end + 1)) {
        "V"
    } else {
        "-"
    };
    out.extend([
        h(&mut buf, 36, &[pred, first, n1]),
        h(&mut buf, 37, &[pred, first]),
        h(&mut buf, 38, &[next, pred, n1]),
    ]);
}

/// Whether tokens `a..b` hold something like a predicate: an auxiliary or an inflected verb.
fn has_predicate(d: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|i| {
        let w = d.word(i);
        is_finite_aux(w) || (w.ends_with("ed") && !d.is_cap(i))
    })
}

/// Candidate first tokens of content `start..=end`: `start` and every token after a
/// comma, dash, parenthesis or leading conjunction, outside quotations.
pub fn start_candidates(d: &Doc, start: usize, end: usize) -> Vec<usize> {
    let mut out = vec![start];
    for k in start + 1..end.min(start + 40) {
        if d.in_quote[k].is_some() && d.quote_opening_at(k).is_none() {
            continue;
        }
        let p = d.word(k - 1);
        let after_break = matches!(p, "," | "—" | "–" | "-" | "(" | "--")
            || (k - 1 == start
                && matches!(
                    p,
                    "and" | "but" | "so" | "also" | "then" | "still" | "yet" | "or"
                ));
        if after_break && (!d.is_punct(k) || d.quote_opening_at(k).is_some()) {
            out.push(k);
        }
    }
    out
}

/// Features of starting the content at `k` (rule start `start`, content end `end`).
pub fn start_features(d: &Doc, start: usize, k: usize, end: usize, out: &mut Vec<u64>) {
    out.clear();
    let mut buf = Vec::with_capacity(48);
    if k == start {
        out.push(h(&mut buf, 100, &["START"]));
        out.push(h(&mut buf, 101, &[d.word(k), class(d, k + 1)]));
        out.push(h(&mut buf, 102, &[class(d, k)]));
        return;
    }
    let p = d.word(k - 1);
    let first = d.word(start);
    let len = match k - start {
        0..=1 => "0",
        2..=3 => "1",
        4..=7 => "2",
        8..=14 => "3",
        _ => "4",
    };
    let commas = (start..k).filter(|&i| d.word(i) == ",").count().min(3);
    let commas = ["0", "1", "2", "3"][commas];
    let rest = if end - k < 4 { "s" } else { "l" };
    out.extend([
        h(&mut buf, 110, &[p]),
        h(&mut buf, 111, &[p, first]),
        h(&mut buf, 112, &[p, class(d, k)]),
        h(&mut buf, 113, &[p, d.word(k)]),
        h(&mut buf, 114, &[len, p]),
        h(&mut buf, 115, &[first, len]),
        h(&mut buf, 116, &[commas, p, class(d, k)]),
        h(&mut buf, 117, &[rest, p]),
        h(&mut buf, 118, &[class(d, start), class(d, k), p]),
        h(&mut buf, 119, &[d.word(k.saturating_sub(2)), p]),
    ]);
}

/// The chosen first token of content-first clause `start..=end`.
pub fn choose_start(m: &Model, d: &Doc, start: usize, end: usize) -> usize {
    let mut best = (f32::NEG_INFINITY, start);
    let mut f = Vec::with_capacity(16);
    for k in start_candidates(d, start, end) {
        start_features(d, start, k, end, &mut f);
        let s = score(&m.weights, &f);
        if s > best.0 || (s == best.0 && k == start) {
            best = (s, k);
        }
    }
    best.1
}

fn score(w: &FeatMap<[f32; NL]>, f: &[u64]) -> f32 {
    f.iter().filter_map(|x| w.get(x)).map(|x| x[0]).sum()
}

/// The chosen last token of content `start..=end` for the cue starting at `cue`.
pub fn choose(m: &Model, d: &Doc, cue: usize, start: usize, rule_end: usize, end: usize) -> usize {
    let mut best = (f32::NEG_INFINITY, rule_end);
    let mut f = Vec::with_capacity(16);
    let mut cands = candidates(d, start, end);
    if !cands.contains(&rule_end) {
        cands.push(rule_end);
    }
    for k in cands {
        features(d, cue, start, k, rule_end, end, &mut f);
        let s = score(&m.weights, &f);
        // Ties keep the rule's end.
        if s > best.0 || (s == best.0 && k == rule_end) {
            best = (s, k);
        }
    }
    best.1
}

/// Trains the ranker on gold cues: every gold relation whose cue-first content starts where
/// the rules start it and ends at a candidate token is one ranking example.
pub fn train(arts: &[Article], epochs: usize) -> Model {
    let mut data: Vec<Vec<(Vec<u64>, bool)>> = Vec::new();
    let mut f = Vec::new();
    for a in arts {
        let an = rashomon_text::analyze(&a.text);
        let d = Doc::new(&a.text, &an);
        let tok = |b: usize| d.spans.partition_point(|s| s.end <= b);
        let cues: Vec<(usize, usize)> = a
            .rels
            .iter()
            .filter(|r| r.cue.len() == 1)
            .map(|r| (tok(r.cue[0].start), tok(r.cue[0].end.saturating_sub(1))))
            .filter(|c| c.0 <= c.1 && c.1 < d.len())
            .collect();
        for r in &a.rels {
            if r.cue.len() != 1 || r.content.len() != 1 {
                continue;
            }
            let (ca, cb) = (tok(r.cue[0].start), tok(r.cue[0].end.saturating_sub(1)));
            if ca > cb || cb >= d.len() {
                continue;
            }
            let found = rules::resolve(&d, ca, cb, &cues);
            if let Some((s, e)) = found.open_start {
                let (gs, ge) = (
                    tok(r.content[0].start),
                    tok(r.content[0].end.saturating_sub(1)),
                );
                let cands = start_candidates(&d, s, e);
                if ge == e && cands.contains(&gs) {
                    let ex = cands
                        .iter()
                        .map(|&k| {
                            start_features(&d, s, k, e, &mut f);
                            (f.clone(), k == gs)
                        })
                        .collect();
                    data.push(ex);
                }
            }
            let Some((s, re, e)) = found.open_end else {
                continue;
            };
            let (gs, ge) = (
                tok(r.content[0].start),
                tok(r.content[0].end.saturating_sub(1)),
            );
            if gs != s || ge > e {
                continue;
            }
            let mut cands = candidates(&d, s, e);
            if !cands.contains(&re) {
                cands.push(re);
            }
            if !cands.contains(&ge) {
                continue;
            }
            let ex = cands
                .iter()
                .map(|&k| {
                    features(&d, ca, s, k, re, e, &mut f);
                    (f.clone(), k == ge)
                })
                .collect();
            data.push(ex);
        }
    }
    let mut w: FeatMap<[f32; NL]> = FeatMap::default();
    let mut total: FeatMap<[f32; NL]> = FeatMap::default();
    let mut c = 1f32;
    for _ in 0..epochs {
        for ex in &data {
            let mut best = (f32::NEG_INFINITY, 0usize);
            for (i, (fs, _)) in ex.iter().enumerate() {
                let s = score(&w, fs);
                if s > best.0 || (s == best.0 && i > best.1) {
                    best = (s, i);
                }
            }
            if !ex[best.1].1 {
                let Some(g) = ex.iter().position(|x| x.1) else {
                    continue;
                };
                for (fs, delta) in [(&ex[g].0, 1f32), (&ex[best.1].0, -1f32)] {
                    for x in fs {
                        w.entry(*x).or_insert([0.0; NL])[0] += delta;
                        total.entry(*x).or_insert([0.0; NL])[0] += c * delta;
                    }
                }
            }
            c += 1.0;
        }
    }
    // Averaged weights: w - total / c.
    let mut avg = FeatMap::default();
    let mut keys: Vec<u64> = w.keys().copied().collect();
    keys.sort_unstable();
    for k in keys {
        let v = w[&k][0] - total.get(&k).map_or(0.0, |t| t[0]) / c;
        if v.abs() > 1e-3 {
            avg.insert(k, [v, 0.0, 0.0]);
        }
    }
    eprintln!(
        "end ranker: {} examples, {} features",
        data.len(),
        avg.len()
    );
    Model {
        weights: avg,
        b_bias: 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_stop_at_breaks_and_keep_the_rule_end() {
        let t = "He said that the plan failed and showed no results, before leaving.";
        let an = rashomon_text::analyze(t);
        let d = Doc::new(t, &an);
        let w: Vec<&str> = (0..d.len()).map(|i| d.word(i)).collect();
        let start = w.iter().position(|x| *x == "that").expect("that");
        let end = w.iter().position(|x| *x == "leaving").expect("leaving");
        let c: Vec<&str> = candidates(&d, start, end).iter().map(|&k| w[k]).collect();
        // Ends before "and", before ", before" and the rule's own end.
        assert!(c.contains(&"failed"), "{c:?}");
        assert!(c.contains(&"results"), "{c:?}");
        assert_eq!(c.last(), Some(&"leaving"));
        assert!(!c.contains(&"the"), "{c:?}");
    }

    #[test]
    fn empty_model_keeps_the_rule_boundaries() {
        let t = "In contrast, he said the plan failed and showed no results.";
        let an = rashomon_text::analyze(t);
        let d = Doc::new(t, &an);
        let m = Model {
            weights: FeatMap::default(),
            b_bias: 0.0,
        };
        let n = d.len();
        // "In contrast , he said the plan failed and showed no results ."
        assert_eq!(n, 13);
        assert_eq!(choose(&m, &d, 4, 5, 7, 11), 7);
        assert_eq!(choose(&m, &d, 4, 5, 8, 11), 8);
        assert_eq!(choose_start(&m, &d, 0, n - 2), 0);
        assert!(start_candidates(&d, 0, n - 2).contains(&3));
    }
}
