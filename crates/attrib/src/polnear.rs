//! PolNeAR (Newell, Margolin & Ruths, LREC 2018) reader and scorer.
//!
//! `DIR/text/<article>.txt` + `DIR/attributions/<article>_<annotator>.ann` (brat
//! standoff, offsets in Unicode code points). Only the lexicographically first
//! annotator file of an article is read. Scoring is documented in docs/attribution.md.

use crate::{extract_with, model, names, AttribError, Models};
use rashomon_model::{AnalyzedText, Attribution, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One gold relation, spans in bytes (each component a sorted list of pieces).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldRel {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

pub struct Article {
    pub name: String,
    pub text: String,
    pub rels: Vec<GoldRel>,
}

/// Lists `(article name, text path, first annotator file)` sorted by name.
fn article_files(dir: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>, AttribError> {
    let adir = dir.join("attributions");
    let rd =
        std::fs::read_dir(&adir).map_err(|e| AttribError::Io(adir.display().to_string(), e))?;
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    for e in rd.flatten() {
        let f = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = f.strip_suffix(".ann") else {
            continue;
        };
        let Some((art, _annot)) = stem.rsplit_once('_') else {
            continue;
        };
        let slot = first.entry(art.to_string()).or_insert_with(|| f.clone());
        if f < *slot {
            *slot = f;
        }
    }
    Ok(first
        .into_iter()
        .map(|(art, f)| {
            let t = dir.join("text").join(format!("{art}.txt"));
            (art, t, adir.join(f))
        })
        .collect())
}

/// Reads every article of `dir` with its gold relations (first annotator file).
pub fn load(dir: &Path) -> Result<Vec<Article>, AttribError> {
    load_files(article_files(dir)?)
}

/// The other annotators' files of articles annotated more than once (extra training data),
/// sorted by file name; `name` is the article name.
pub fn load_extra_annotators(dir: &Path) -> Result<Vec<Article>, AttribError> {
    let adir = dir.join("attributions");
    let first: std::collections::BTreeSet<PathBuf> =
        article_files(dir)?.into_iter().map(|x| x.2).collect();
    let rd =
        std::fs::read_dir(&adir).map_err(|e| AttribError::Io(adir.display().to_string(), e))?;
    let mut files = Vec::new();
    for e in rd.flatten() {
        let f = e.file_name().to_string_lossy().into_owned();
        let Some((art, _)) = f.strip_suffix(".ann").and_then(|s| s.rsplit_once('_')) else {
            continue;
        };
        let p = adir.join(&f);
        if !first.contains(&p) {
            files.push((
                art.to_string(),
                dir.join("text").join(format!("{art}.txt")),
                p,
            ));
        }
    }
    files.sort();
    load_files(files)
}

fn load_files(files: Vec<(String, PathBuf, PathBuf)>) -> Result<Vec<Article>, AttribError> {
    let mut out = Vec::new();
    for (name, tpath, apath) in files {
        let text = std::fs::read_to_string(&tpath)
            .map_err(|e| AttribError::Io(tpath.display().to_string(), e))?;
        let ann = std::fs::read_to_string(&apath)
            .map_err(|e| AttribError::Io(apath.display().to_string(), e))?;
        let rels = parse_ann(&text, &ann)
            .map_err(|m| AttribError::Format(apath.display().to_string(), m))?;
        out.push(Article { name, text, rels });
    }
    Ok(out)
}

/// Parses brat standoff; records start at a line beginning with `T<n>\t` or `E<n>\t`
/// (covered text may hold newlines, so other lines are skipped).
pub fn parse_ann(text: &str, ann: &str) -> Result<Vec<GoldRel>, String> {
    // Code point index -> byte offset.
    let mut c2b: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    c2b.push(text.len());
    let conv = |c: usize| c2b.get(c).copied();
    let mut tb: BTreeMap<&str, (String, Vec<Span>)> = BTreeMap::new();
    let mut events: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (ln, line) in ann.lines().enumerate() {
        let Some((id, rest)) = line.split_once('\t') else {
            continue;
        };
        if id.len() < 2 || !id[1..].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if id.starts_with('T') {
            let head = rest.split('\t').next().unwrap_or("");
            let Some((ty, offs)) = head.split_once(' ') else {
                return Err(format!("line {}: no offsets", ln + 1));
            };
            let mut spans = Vec::new();
            for piece in offs.split(';') {
                let mut it = piece.split_whitespace().map(str::parse::<usize>);
                match (it.next(), it.next()) {
                    (Some(Ok(a)), Some(Ok(b))) => match (conv(a), conv(b)) {
                        (Some(a), Some(b)) if a <= b => spans.push(Span::new(a, b)),
                        _ => return Err(format!("line {}: offset out of range", ln + 1)),
                    },
                    _ => return Err(format!("line {}: bad offsets {piece:?}", ln + 1)),
                }
            }
            spans.sort();
            tb.insert(id, (ty.to_string(), spans));
        } else if id.starts_with('E') {
            let args = rest
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .collect::<Vec<_>>();
            events.push((ln + 1, args));
        }
    }
    let mut rels = Vec::new();
    for (ln, args) in events {
        let Some((kind, _)) = args.first() else {
            continue;
        };
        if *kind != "Attribution" && *kind != "Attribution-no-source" {
            continue;
        }
        let mut r = GoldRel::default();
        for (role, t) in &args[1..] {
            let Some((_, spans)) = tb.get(t) else {
                return Err(format!("line {ln}: unknown {t}"));
            };
            let spans = spans
                .iter()
                .map(|s| trim(text, *s))
                .filter(|s| !s.is_empty());
            match *role {
                "Source" => r.source.extend(spans),
                "Cue" => r.cue.extend(spans),
                r2 if r2.starts_with("Content") => r.content.extend(spans),
                _ => {}
            }
        }
        r.source.sort();
        r.cue.sort();
        r.content.sort();
        rels.push(r);
    }
    Ok(rels)
}

/// Trims surrounding whitespace so annotation slips do not count as boundary errors.
pub fn trim(text: &str, s: Span) -> Span {
    let sl = s.slice(text);
    let lead = sl.len() - sl.trim_start().len();
    let tail = sl.len() - sl.trim_end().len();
    if lead + tail >= sl.len() {
        return Span::new(s.start, s.start);
    }
    Span::new(s.start + lead, s.end - tail)
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    /// Exact: matched pairs; overlap: sum of per-pair token F1.
    pub matched: f64,
}

impl Prf {
    fn new(matched: f64, gold: usize, predicted: usize) -> Prf {
        let p = if predicted > 0 {
            matched / predicted as f64
        } else {
            0.0
        };
        let r = if gold > 0 { matched / gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let r4 = |x: f64| (x * 10000.0).round() / 100.0;
        Prf {
            precision: r4(p),
            recall: r4(r),
            f1: r4(f),
            gold,
            predicted,
            matched: (matched * 100.0).round() / 100.0,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ComponentScores {
    pub exact: Prf,
    pub overlap: Prf,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SpeakerScore {
    /// Gold pronoun sources (he/she/...) also predicted with that exact source span and a silver referent.
    pub evaluated: usize,
    pub correct: usize,
    pub accuracy: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct EvalReport {
    pub articles: usize,
    pub gold_relations: usize,
    pub predicted_relations: usize,
    pub tokens: usize,
    pub source: ComponentScores,
    pub cue: ComponentScores,
    pub content: ComponentScores,
    pub speaker_resolution: SpeakerScore,
}

#[derive(Default)]
struct Acc {
    exact: f64,
    overlap: f64,
    gold: usize,
    pred: usize,
}

/// Token indices covered by a set of spans (a token counts when it overlaps a piece).
fn tok_set(an: &AnalyzedText, spans: &[Span]) -> Vec<usize> {
    let mut out = Vec::new();
    for s in spans {
        let a = an.tokens.partition_point(|t| t.span.end <= s.start);
        let mut i = a;
        while i < an.tokens.len() && an.tokens[i].span.start < s.end {
            out.push(i);
            i += 1;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn tok_f1(a: &[usize], b: &[usize]) -> f64 {
    let (mut i, mut j, mut c) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                c += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if c == 0 {
        0.0
    } else {
        2.0 * c as f64 / (a.len() + b.len()) as f64
    }
}

/// Scores one component in one article: exact = multiset intersection of span sets;
/// overlap = greedy one-to-one matching by descending token F1, summing the F1s.
fn score_component(an: &AnalyzedText, gold: &[Vec<Span>], pred: &[Vec<Span>], acc: &mut Acc) {
    let gold: Vec<&Vec<Span>> = gold.iter().filter(|g| !g.is_empty()).collect();
    let pred: Vec<&Vec<Span>> = pred.iter().filter(|p| !p.is_empty()).collect();
    acc.gold += gold.len();
    acc.pred += pred.len();
    let mut used = vec![false; pred.len()];
    for g in &gold {
        if let Some(k) = (0..pred.len()).find(|&k| !used[k] && pred[k] == *g) {
            used[k] = true;
            acc.exact += 1.0;
        }
    }
    let gt: Vec<Vec<usize>> = gold.iter().map(|g| tok_set(an, g)).collect();
    let pt: Vec<Vec<usize>> = pred.iter().map(|p| tok_set(an, p)).collect();
    let mut pairs = Vec::new();
    for (gi, g) in gt.iter().enumerate() {
        for (pi, p) in pt.iter().enumerate() {
            let f = tok_f1(g, p);
            if f > 0.0 {
                pairs.push((f, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gu = vec![false; gt.len()];
    let mut pu = vec![false; pt.len()];
    for (f, gi, pi) in pairs {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            acc.overlap += f;
        }
    }
}

const PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Evaluates [`extract`] on a PolNeAR split (see docs/attribution.md for the definitions).
pub fn evaluate(dir: &Path) -> Result<EvalReport, AttribError> {
    let arts = load(dir)?;
    Ok(evaluate_articles(&arts, model()))
}

/// Scores `model` (with the rules) on loaded articles (held-out tuning on train).
pub fn evaluate_articles(arts: &[Article], models: &Models) -> EvalReport {
    let mut acc = [Acc::default(), Acc::default(), Acc::default()];
    let mut rep = EvalReport {
        articles: arts.len(),
        ..Default::default()
    };
    let mut sp = SpeakerScore::default();
    for a in arts {
        let an = rashomon_text::analyze(&a.text);
        let (mentions, entities) = names::person_mentions(&a.text, &an);
        let pred = extract_with(models, &a.text, &an, &mentions, &entities);
        rep.tokens += an.tokens.len();
        rep.gold_relations += a.rels.len();
        rep.predicted_relations += pred.len();
        let comp = |f: &dyn Fn(&GoldRel) -> Vec<Span>, g: &dyn Fn(&Attribution) -> Vec<Span>| {
            (
                a.rels.iter().map(f).collect::<Vec<_>>(),
                pred.iter().map(g).collect::<Vec<_>>(),
            )
        };
        let (gs, ps) = comp(&|r| r.source.clone(), &|p| p.source.into_iter().collect());
        score_component(&an, &gs, &ps, &mut acc[0]);
        let (gc, pc) = comp(&|r| r.cue.clone(), &|p| p.cue.into_iter().collect());
        score_component(&an, &gc, &pc, &mut acc[1]);
        let (gk, pk) = comp(&|r| r.content.clone(), &|p| {
            let mut v = p.content.clone();
            v.sort();
            v
        });
        score_component(&an, &gk, &pk, &mut acc[2]);
        speaker_check(&a.text, &a.rels, &pred, &entities, &mut sp);
        if std::env::var_os("ATTRIB_DEBUG").is_some() {
            debug_dump(&a.text, &a.rels, &pred);
        }
    }
    let mk = |a: &Acc| ComponentScores {
        exact: Prf::new(a.exact, a.gold, a.pred),
        overlap: Prf::new(a.overlap, a.gold, a.pred),
    };
    rep.source = mk(&acc[0]);
    rep.cue = mk(&acc[1]);
    rep.content = mk(&acc[2]);
    sp.accuracy = if sp.evaluated > 0 {
        (sp.correct as f64 / sp.evaluated as f64 * 10000.0).round() / 100.0
    } else {
        0.0
    };
    rep.speaker_resolution = sp;
    rep
}

/// Silver speaker check: a gold pronoun source's referent is taken to be the most recent
/// earlier gold source that is a capitalised name; the prediction is right when the
/// resolved entity's name shares that name's last word.
fn speaker_check(
    text: &str,
    gold: &[GoldRel],
    pred: &[Attribution],
    entities: &[rashomon_model::DocEntity],
    sp: &mut SpeakerScore,
) {
    let mut names: Vec<(usize, String)> = Vec::new();
    for r in gold {
        if r.source.len() != 1 {
            continue;
        }
        let s = r.source[0].slice(text);
        let words: Vec<&str> = s.split_whitespace().collect();
        // Pronouns and a determiner-led phrase ("The White House") are not a name to resolve to.
        let first = words
            .first()
            .map(|w| rashomon_text::fold(w))
            .unwrap_or_default();
        let pronoun = matches!(
            first.as_str(),
            "he" | "she" | "it" | "they" | "we" | "i" | "who" | "the" | "a" | "an"
        );
        if !pronoun
            && words.len() <= 4
            && !words.is_empty()
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            let last = words[words.len() - 1]
                .trim_end_matches("'s")
                .trim_end_matches("’s");
            names.push((r.source[0].start, rashomon_text::fold(last)));
        }
    }
    names.sort();
    for r in gold {
        if r.source.len() != 1
            || !PRONOUNS.contains(&rashomon_text::fold(r.source[0].slice(text)).as_str())
        {
            continue;
        }
        let at = r.source[0].start;
        let Some((_, referent)) = names.iter().rev().find(|(p, _)| *p < at) else {
            continue;
        };
        let Some(p) = pred.iter().find(|p| p.source == Some(r.source[0])) else {
            continue;
        };
        sp.evaluated += 1;
        let ok = p
            .speaker_entity
            .and_then(|e| entities.get(e))
            .is_some_and(|e| {
                rashomon_text::fold(&e.name).split_whitespace().last() == Some(referent.as_str())
            });
        if ok {
            sp.correct += 1;
        } else if std::env::var_os("ATTRIB_DEBUG_SPK").is_some() {
            let got = p
                .speaker_entity
                .and_then(|e| entities.get(e))
                .map(|e| e.name.as_str());
            eprintln!(
                "SPK {:?} want {referent:?} got {got:?}",
                r.source[0].slice(text)
            );
        }
    }
}

/// Prints gold and predicted relations as JSON lines on stderr (error analysis).
fn debug_dump(text: &str, gold: &[GoldRel], pred: &[Attribution]) {
    let t = |v: &[Span]| {
        v.iter()
            .map(|s| serde_json::json!([s.start, s.end, s.slice(text)]))
            .collect::<Vec<_>>()
    };
    for g in gold {
        eprintln!(
            "{}",
            serde_json::json!({"k": "g", "s": t(&g.source), "c": t(&g.cue), "x": t(&g.content)})
        );
    }
    for p in pred {
        let src: Vec<Span> = p.source.into_iter().collect();
        let cue: Vec<Span> = p.cue.into_iter().collect();
        eprintln!(
            "{}",
            serde_json::json!({"k": "p", "s": t(&src), "c": t(&cue), "x": t(&p.content)})
        );
    }
    eprintln!("{}", serde_json::json!({"k": "end", "text": text}));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points_and_discontinuous_pieces_kept() {
        let text = "“Ça va,” he said. “Bien.”";
        // Code points: “=0 Ç=1 ... ”=8; "he"=9..11; "said"=12..16.
        let ann = "T1\tSource 9 11\the\nT2\tCue 12 16\tsaid\nT3\tContent 0 8;18 25\t“Ça va,” “Bien.”\nT4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nT5\tDiscard 0 1\tx\n";
        let rels = parse_ann(text, ann).expect("parses");
        assert_eq!(rels.len(), 1);
        let r = &rels[0];
        assert_eq!(r.source[0].slice(text), "he");
        assert_eq!(r.cue[0].slice(text), "said");
        let pieces: Vec<&str> = r.content.iter().map(|s| s.slice(text)).collect();
        assert_eq!(pieces, vec!["“Ça va,”", "“Bien.”"]);
    }

    #[test]
    fn bad_offsets_are_an_error_not_a_panic() {
        assert!(parse_ann("abc", "T1\tCue 2 99\tx\n").is_err());
        assert!(parse_ann("abc", "T1\tCue x y\tx\n").is_err());
    }

    #[test]
    fn exact_and_overlap_scoring() {
        let text = "Trump said the war would end soon.";
        let an = rashomon_text::analyze(text);
        let gold = vec![vec![Span::new(11, 33)]];
        let pred = vec![vec![Span::new(11, 24)]];
        let mut acc = Acc::default();
        score_component(&an, &gold, &pred, &mut acc);
        assert_eq!(acc.exact, 0.0);
        // gold 5 tokens, pred 3 tokens, 3 shared: F1 = 6/8.
        assert!((acc.overlap - 0.75).abs() < 1e-9);
    }
}
