//! Who said what: finds attribution relations (source, cue, content) in news text.
//!
//! Cues are tagged by an averaged-perceptron BIO tagger trained on PolNeAR
//! (`model/cue.bin`, built by `scripts/train-attrib.sh`); source and content
//! spans are then found by rules around each cue (see [`rules`]), and the
//! source is linked to an article entity (see [`speaker`]).
//! Method and scores: docs/attribution.md.

pub mod doc;
pub mod ends;
mod frames;
mod gender;
pub mod lexicon;
pub mod names;
mod objects;
pub mod phrases;
pub mod polnear;
pub mod rules;
pub mod speaker;
pub mod tagger;
pub mod train;

use doc::Doc;
use rashomon_model::{AnalyzedText, Attribution, DocEntity, EntityMention, Span};
use std::sync::OnceLock;
use tagger::{Features, Model, B, I};

#[derive(Debug, thiserror::Error)]
pub enum AttribError {
    #[error("{0}: {1}")]
    Io(String, #[source] std::io::Error),
    #[error("{0}: {1}")]
    Format(String, String),
}

static MODEL_BYTES: &[u8] = include_bytes!("../model/cue.bin");
static END_BYTES: &[u8] = include_bytes!("../model/end.bin");

/// The learned parts: the cue tagger and the content-end ranker.
pub struct Models {
    pub cue: Model,
    pub end: Model,
}

fn empty_model() -> Model {
    Model {
        weights: Default::default(),
        b_bias: tagger::DEFAULT_B_BIAS,
    }
}

/// The shipped models (empty models when a file is invalid, so extraction never panics).
pub fn model() -> &'static Models {
    static M: OnceLock<Models> = OnceLock::new();
    M.get_or_init(|| {
        let mut cue = Model::from_bytes(MODEL_BYTES).unwrap_or_else(empty_model);
        // Tuning knob for held-out sweeps.
        if let Some(b) = std::env::var("ATTRIB_B_BIAS")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            cue.b_bias = b;
        }
        let end = Model::from_bytes(END_BYTES).unwrap_or_else(empty_model);
        Models { cue, end }
    })
}

/// Ablation switches read once from the environment (docs/attribution.md):
/// `ATTRIB_GREEDY` (greedy cue decoding), `ATTRIB_NO_END` / `ATTRIB_NO_START` (rule
/// content boundaries only).
struct Knobs {
    greedy: bool,
    no_end: bool,
    no_start: bool,
}

fn knobs() -> &'static Knobs {
    static K: OnceLock<Knobs> = OnceLock::new();
    K.get_or_init(|| Knobs {
        greedy: std::env::var_os("ATTRIB_GREEDY").is_some(),
        no_end: std::env::var_os("ATTRIB_NO_END").is_some(),
        no_start: std::env::var_os("ATTRIB_NO_START").is_some(),
    })
}

/// Cue token ranges (inclusive) from BIO tags.
fn cue_ranges(tags: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        if t == B {
            out.push((i, i));
        } else if t == I {
            if let Some(last) = out.last_mut() {
                if last.1 + 1 == i {
                    last.1 = i;
                }
            }
        }
    }
    out
}

/// The particle that PolNeAR keeps with a cue ending at `last` ("calls for", "hints at",
/// "wrote on Twitter", "distanced himself from"), when the tagger stopped short of it:
/// returns the new last token. Each pair was kept with its cue every time (or all but once)
/// the tagger stopped short of it in held-out train.
fn particle_extension(d: &Doc, last: usize) -> Option<usize> {
    let w = d.word(last);
    let n = last + 1;
    let next = d.word(n);
    let one = matches!(
        (w, next),
        ("asked" | "calls" | "called" | "call", "for")
            | (
                "points" | "pointed" | "refers" | "forward" | "attention",
                "to"
            )
            | ("hints" | "hinted", "at")
            | ("accused" | "says" | "speaks" | "spoke", "of")
            | ("charged", "with")
            | ("says" | "spoke" | "speaks", "about")
            | ("seems" | "seemed", "like")
            | ("known", "as")
    );
    // "announced Friday", "warned Saturday": kept more often than not after other cues
    // (held-out train: 19 against 10); after "said" it is a coin toss, left to the tagger.
    let weekday = rashomon_text::is_weekday(next) && !matches!(w, "said" | "says" | "say");
    // "wanted: …", "say: …": PolNeAR keeps a colon right after its cue (held-out train: 9
    // of 11 where the tagger left it out, and 136 of 145 where it did not).
    let colon = next == ":" && w != ":";
    let part_of_day = |k: usize| matches!(d.word(k), "night" | "morning" | "afternoon" | "evening");
    if weekday && part_of_day(n + 1) {
        return Some(n + 1);
    }
    if one || weekday || colon || (rashomon_text::is_weekday(w) && part_of_day(n)) {
        return Some(n);
    }
    let two = matches!(
        (w, next, d.word(n + 1)),
        (
            "wrote" | "posted",
            "on",
            "twitter" | "facebook" | "instagram"
        ) | (
            "distanced" | "distancing",
            "himself" | "herself" | "themselves",
            "from"
        )
    );
    (two && n + 1 < d.len()).then_some(n + 1)
}

/// "In a CNN/ORC poll released Monday, 31% of Republicans …": a sentence-initial "In"
/// whose phrase up to the first comma is headed by a poll or survey reports its findings
/// (PolNeAR marks "In" as the cue about three times in four; the tagger never does).
fn poll_lead(d: &Doc, i: usize) -> bool {
    let ss = d.sents[d.sent[i]].start;
    let lead = i == ss || (i == ss + 1 && matches!(d.word(ss), "and" | "but"));
    if d.word(i) != "in" || !lead {
        return false;
    }
    let se = d.sents[d.sent[i]].end;
    let Some(comma) = (i + 1..se.min(i + 16)).find(|&k| d.word(k) == ",") else {
        return false;
    };
    comma + 2 < se
        && (i + 1..comma).all(|k| d.kinds[k] != rashomon_model::TokenKind::Quote)
        && (i + 1..comma).any(|k| {
            matches!(d.word(k), "poll" | "polls" | "survey" | "surveys")
                && (k + 1 == comma
                    || matches!(
                        d.word(k + 1),
                        "released"
                            | "conducted"
                            | "taken"
                            | "published"
                            | "out"
                            | "of"
                            | "by"
                            | "from"
                    ))
        })
}

/// Unambiguous speech verbs the tagger left out, when they introduce a quotation or a
/// "that" clause ("he had replied, “...”") or follow one ("”, she replied").
fn speech_verbs(d: &Doc, tags: &mut [usize]) {
    const SPEECH: &[&str] = &[
        "said",
        "says",
        "replied",
        "added",
        "stated",
        "posted",
        "tweeted",
        "wrote",
        "told",
        "asked",
        "responded",
        "declared",
        "insisted",
        "explained",
        "warned",
        "noted",
        "argued",
        "answered",
        "remarked",
        "recalled",
        "quipped",
        "joked",
        "claimed",
        "acknowledged",
        "admitted",
    ];
    for i in 0..d.len() {
        if tags[i] != tagger::O {
            continue;
        }
        // Transcript and headline speakers: "PENCE: ...", "Pat Caddell: ..." at a paragraph start;
        // a dash byline after a quotation: "“...” ― Sonya Herridge".
        if rules::speaker_colon(d, i) || rules::dash_byline(d, i) || poll_lead(d, i) {
            tags[i] = B;
            continue;
        }
        if !SPEECH.contains(&d.word(i)) || d.in_quote[i].is_some() {
            continue;
        }
        let next = d.word(i + 1);
        let quote_next =
            matches!(next, "," | ":") && i + 2 < d.len() && d.quote_opening_at(i + 2).is_some();
        // "”, she replied" or "” Trump had posted": a closing quote, then at most a short speaker.
        let mut k = i;
        while k > 0 && i - k < 5 && !d.is_punct(k - 1) && d.sent[k - 1] == d.sent[i] {
            k -= 1;
        }
        let quote_prev = k > 0
            && (d.quote_closing_at(k - 1).is_some()
                || (d.word(k - 1) == "," && k > 1 && d.quote_closing_at(k - 2).is_some()));
        // "told reporters aboard Air Force One that ...".
        let that_soon = (i + 1..(i + 9).min(d.len()))
            .take_while(|&k| !d.is_punct(k))
            .any(|k| d.word(k) == "that");
        // "voters who said they …": a relative speaker, most often annotated.
        let relative = i > 0 && d.word(i - 1) == "who" && matches!(d.word(i), "said" | "says");
        if quote_next || quote_prev || that_soon || relative {
            tags[i] = B;
            if tags.get(i + 1) == Some(&I) {
                tags[i + 1] = tagger::O;
            }
        }
    }
}

/// Finds every attribution in one article. `mentions`/`entities` are the article's named entities
/// (may be empty: then speakers are resolved by your own capitalised-name heuristics, and speaker_entity stays None).
pub fn extract(
    text: &str,
    analysis: &AnalyzedText,
    mentions: &[EntityMention],
    entities: &[DocEntity],
) -> Vec<Attribution> {
    extract_with(model(), text, analysis, mentions, entities)
}

/// [`extract`] with explicit models (training and tests).
pub fn extract_with(
    models: &Models,
    text: &str,
    analysis: &AnalyzedText,
    mentions: &[EntityMention],
    entities: &[DocEntity],
) -> Vec<Attribution> {
    let d = Doc::new(text, analysis);
    if d.is_empty() {
        return Vec::new();
    }
    let feats = Features::new(&d);
    let knobs = knobs();
    let mut tags = if knobs.greedy {
        models.cue.tag_greedy(&d, &feats)
    } else {
        models.cue.tag(&d, &feats)
    };
    speech_verbs(&d, &mut tags);
    // The tagger also takes headline hooks ("BREAKING: …", "For example: …") for speakers.
    for i in 1..d.len() {
        if tags[i] == B && d.word(i) == ":" && tags.get(i + 1) != Some(&I) {
            let s0 = d.sents[d.sent[i]].start;
            if s0 < i && rules::colon_furniture(&d, s0, i) {
                tags[i] = tagger::O;
            }
        }
    }
    let mut cues = cue_ranges(&tags);
    // Time adverbs trailing a cue ("posted earlier during") are not part of it
    // (PolNeAR does keep "said Sunday" and "focused on").
    for c in &mut cues {
        if let Some(k) = (c.0 + 1..=c.1).find(|&k| {
            matches!(
                d.word(k),
                "earlier"
                    | "later"
                    | "during"
                    | "before"
                    | "after"
                    | "while"
                    | "when"
                    | "since"
                    | "because"
            )
        }) {
            c.1 = k - 1;
        }
        while c.1 > c.0
            && matches!(
                d.word(c.1),
                "earlier" | "later" | "during" | "again" | "tonight"
            )
        {
            c.1 -= 1;
        }
    }
    // "said in a statement", "asked about", "referred to": PolNeAR keeps these in the cue
    // about two times in three (train: "said in a statement" 41 of 64). "said in an
    // interview" it keeps whole only 10 times of 47, so that one stays "said".
    for c in &mut cues {
        let w = d.word(c.1);
        let n = c.1 + 1;
        if n + 2 < d.len()
            && matches!(w, "said" | "says" | "say" | "told" | "tells")
            && d.word(n) == "in"
            && matches!(d.word(n + 1), "a" | "an")
            && d.word(n + 2) == "statement"
        {
            c.1 = n + 2;
        } else if n < d.len()
            && (w == "asked" && d.word(n) == "about" || w == "referred" && d.word(n) == "to")
        {
            c.1 = n;
        } else if let Some(k) = particle_extension(&d, c.1) {
            c.1 = k;
        }
        // "now says", "once said", "even suggested": PolNeAR keeps a frequency or time
        // adverb right before the cue (held-out train: 39 times of 41 where the tagger
        // left it out).
        if c.0 > 0
            && d.sent[c.0 - 1] == d.sent[c.0]
            && matches!(
                d.word(c.0 - 1),
                "now"
                    | "just"
                    | "finally"
                    | "further"
                    | "once"
                    | "also"
                    | "still"
                    | "often"
                    | "repeatedly"
                    | "even"
                    | "recently"
                    | "later"
                    | "first"
                    | "again"
                    | "always"
            )
        {
            c.0 -= 1;
        }
    }
    let resolver = speaker::Resolver::new(text, analysis, mentions, entities);
    let mut out: Vec<Attribution> = Vec::new();
    let mut prev: Option<(Span, usize)> = None;
    // Source token range of the latest cue, with its sentence (participles share it).
    let mut last_src: Option<(usize, (usize, usize))> = None;
    for &(a, b) in &cues {
        let mut f = rules::resolve(&d, a, b, &cues);
        // "Tester said …, noting …" / "…, adding …": a participle with no subject of its
        // own speaks for the previous cue's source in the same sentence.
        // So does a coordinated cue ("Tester said … and added …").
        if (f.source.is_none() && d.word(a).ends_with("ing") || f.coordinated) && a > 0 {
            if let Some((s, src)) = last_src {
                if s == d.sent[a] && src.1 < a {
                    f.source = Some(src);
                }
            }
        }
        if let Some((s0, e0, full)) = f.open_end {
            if !models.end.weights.is_empty() && !knobs.no_end {
                let e = ends::choose(&models.end, &d, a, s0, e0, full);
                for c in &mut f.content {
                    if *c == (s0, e0) {
                        c.1 = e;
                    }
                }
            }
        }
        if let Some((s0, e0)) = f.open_start {
            if !models.end.weights.is_empty() && !knobs.no_start {
                let st = ends::choose_start(&models.end, &d, s0, e0);
                for c in &mut f.content {
                    if *c == (s0, e0) {
                        c.0 = st;
                    }
                }
            }
        }
        // A source with an appositive keeps the comma closing it ("Tim Selaty, organizer
        // of …, said"): PolNeAR train includes it about nine times in ten.
        if let Some((x, y)) = f.source {
            if x < y
                && y + 1 < d.len()
                && d.word(y + 1) == ","
                && d.sent[y + 1] == d.sent[x]
                && (x..y).any(|k| d.word(k) == ",")
            {
                f.source = Some((x, y + 1));
            }
        }
        if let Some(src) = f.source.filter(|(x, y)| x <= y) {
            last_src = Some((d.sent[a], src));
        }
        let source = f.source.filter(|(x, y)| x <= y).map(|(x, y)| d.span(x, y));
        let speaker_entity = source.and_then(|s| resolver.resolve(s, prev));
        if let (Some(s), Some(e)) = (source, speaker_entity) {
            prev = Some((s, e));
        }
        // "(The French, he said, are …": an opening parenthesis whose pair lies outside
        // the piece is not content (PolNeAR train: never inside, 8 times just before).
        for c in &mut f.content {
            if c.0 < c.1 && d.word(c.0) == "(" && !(c.0..=c.1).any(|k| d.word(k) == ")") {
                c.0 += 1;
            }
        }
        let mut content: Vec<Span> = f
            .content
            .iter()
            .filter(|c| c.0 <= c.1)
            .map(|&(x, y)| d.span(x, y))
            .collect();
        content.sort();
        content.dedup();
        out.push(Attribution {
            source,
            speaker_entity,
            cue: Some(d.span(a, b)),
            content,
            direct: f.direct,
        });
    }
    out
}
