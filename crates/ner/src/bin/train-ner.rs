//! Train the shipped NER model from the openly licensed corpora in
//! `shared/train/ner` (never CoNLL-2003), with clusters and casing priors from
//! unlabeled news text. See docs/ner.md.
//!
//! Usage: train-ner --shared DIR --out FILE [--epochs N] [--bits B] [--dev CONLL]... [--seeds N] [--prose DOCS] [--self-train ARTICLES] [--wnut] [--partial-misc]

use rashomon_ner::clusters::{build_word_table, ClusterConfig};
use rashomon_ner::conll::{self, Columns, Sentence};
use rashomon_ner::gazetteer;
use rashomon_ner::synth;
use rashomon_ner::train::{
    flatten_docs, silver_demonyms, silver_events, train_averaged, upper_copies, TrainConfig,
    TrainSet,
};
use rashomon_ner::{simple_tokenize, Kind, NerError, NerLabel};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

struct Args {
    shared: PathBuf,
    out: PathBuf,
    epochs: usize,
    bits: u32,
    dev: Vec<PathBuf>,
    wnut: bool,
    partial_misc: bool,
    /// Self-train on at most this many unlabeled news articles (0, the default: off).
    self_train: usize,
    /// Models (shuffling seeds) averaged into the shipped one.
    seeds: usize,
    /// Synthetic sports-prose documents (club-gazetteer names as ORG).
    prose: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        shared: PathBuf::from("../shared"),
        out: PathBuf::from("crates/ner/model/ner.bin"),
        epochs: 3,
        bits: 21,
        dev: Vec::new(),
        wnut: false,
        partial_misc: false,
        self_train: 0,
        seeds: 5,
        prose: 800,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let mut val = || it.next().ok_or(format!("{k} needs a value"));
        match k.as_str() {
            "--shared" => a.shared = val()?.into(),
            "--out" => a.out = val()?.into(),
            "--epochs" => a.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => a.bits = val()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--dev" => a.dev.push(val()?.into()),
            "--seeds" => a.seeds = val()?.parse().map_err(|e| format!("--seeds: {e}"))?,
            "--self-train" => {
                a.self_train = val()?.parse().map_err(|e| format!("--self-train: {e}"))?
            }
            "--prose" => a.prose = val()?.parse().map_err(|e| format!("--prose: {e}"))?,
            "--wnut" => a.wnut = true,
            "--partial-misc" => a.partial_misc = true,
            _ => return Err(format!("unknown argument {k}")),
        }
    }
    Ok(a)
}

/// WNUT-17: group -> ORG (teams, bands); product / creative-work -> MISC.
fn wnut_tag(t: &str) -> Option<NerLabel> {
    let t = t
        .replace("creative-work", "MISC")
        .replace("product", "MISC")
        .replace("group", "ORG");
    NerLabel::parse(&t)
}

fn load_sets(dir: &Path, wnut: bool, prose_docs: usize) -> Result<Vec<TrainSet>, NerError> {
    let ud = Columns {
        word: 1,
        label: Some(2),
    };
    let first2 = Columns {
        word: 0,
        label: Some(1),
    };
    let std = Columns::default();
    let p = |t: &str| NerLabel::parse(t);
    let mut sets = Vec::new();
    let mut add = |name: &str,
                   files: &[&str],
                   cols: Columns,
                   repeat: usize,
                   partial: bool|
     -> Result<(), NerError> {
        let mut docs = Vec::new();
        for f in files {
            docs.extend(conll::read_documents_with(dir.join(f), cols, &p)?);
        }
        let (sentences, docs) = flatten_docs(docs);
        sets.push(TrainSet {
            name: name.into(),
            sentences,
            repeat,
            partial_misc: partial,
            docs,
        });
        Ok(())
    };
    add(
        "uner-en-ewt",
        &[
            "uner-en-ewt/en_ewt-ud-train.iob2",
            "uner-en-ewt/en_ewt-ud-dev.iob2",
            "uner-en-ewt/en_ewt-ud-test.iob2",
        ],
        ud,
        1,
        true,
    )?;
    add(
        "uner-en-pud",
        &["uner-en-pud/en_pud-ud-test.iob2"],
        ud,
        2,
        true,
    )?;
    // GUM MISC is derived heuristically (adjectival nationalities are O): with
    // --partial-misc its O may be MISC too.
    add(
        "gum",
        &["gum/train.iob2", "gum/dev.iob2", "gum/test.iob2"],
        first2,
        2,
        true,
    )?;
    add("wikigold", &["wikigold/wikigold.conll.txt"], std, 4, false)?;
    add(
        "btc",
        &[
            "broad-twitter-corpus/a.conll",
            "broad-twitter-corpus/b.conll",
            "broad-twitter-corpus/e.conll",
            "broad-twitter-corpus/f.conll",
            "broad-twitter-corpus/h.conll",
        ],
        std,
        1,
        true,
    )?;
    add(
        "btc-g-news",
        &["broad-twitter-corpus/g.conll"],
        std,
        2,
        true,
    )?;
    if wnut {
        let mut sentences = Vec::new();
        for f in [
            "wnut17/wnut17train.conll",
            "wnut17/emerging.dev.conll",
            "wnut17/emerging.test.annotated",
        ] {
            sentences.extend(conll::read_with(dir.join(f), std, &wnut_tag)?);
        }
        sets.push(TrainSet {
            name: "wnut17".into(),
            sentences,
            repeat: 1,
            partial_misc: true,
            docs: Vec::new(),
        });
    }
    for set in &mut sets {
        set.sentences.iter_mut().for_each(silver_demonyms);
        set.sentences.iter_mut().for_each(silver_events);
    }
    // Headline casing: upper-cased copies of every 5th sentence of the edited-text sets.
    let mut upper = Vec::new();
    for set in sets
        .iter()
        .filter(|s| !s.name.starts_with("btc") && s.name != "wnut17")
    {
        upper.extend(upper_copies(&set.sentences, 5));
    }
    // Not partial: the casing that decides where MISC may hide is gone.
    sets.push(TrainSet {
        name: "upper-copies".into(),
        sentences: upper,
        repeat: 1,
        partial_misc: false,
        docs: Vec::new(),
    });
    let (places, countries) = (gazetteer::place_names(), gazetteer::country_names());
    sets.push(TrainSet {
        name: "datelines".into(),
        sentences: synth::datelines(&places, &countries, 600),
        repeat: 1,
        partial_misc: false,
        docs: Vec::new(),
    });
    // Person names from the corpora, for results-table templates.
    let mut people: Vec<String> = Vec::new();
    for set in &sets {
        for s in &set.sentences {
            for (r, k) in rashomon_ner::spans(&s.labels) {
                if k == Kind::Per
                    && r.len() >= 2
                    && s.words[r.start]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                {
                    people.push(s.words[r].join(" "));
                }
            }
        }
    }
    people.sort();
    people.dedup();
    let people: Vec<&str> = people.iter().map(String::as_str).collect();
    sets.push(TrainSet {
        name: "sports".into(),
        sentences: synth::sports(&places, &countries, &people, 1500),
        repeat: 1,
        partial_misc: false,
        docs: Vec::new(),
    });
    if prose_docs > 0 {
        let (clubs, events, demonyms) = (
            gazetteer::club_names(),
            gazetteer::event_names(),
            gazetteer::demonym_names(),
        );
        let names = synth::ProseNames {
            clubs: &clubs,
            places: &places,
            countries: &countries,
            people: &people,
            events: &events,
            demonyms: &demonyms,
        };
        let (sentences, docs) = synth::sports_prose(&names, prose_docs);
        sets.push(TrainSet {
            name: "sports-prose".into(),
            sentences,
            repeat: 1,
            partial_misc: false,
            docs,
        });
    }
    sets.push(TrainSet {
        name: "sports-tables".into(),
        sentences: synth::sports_tables(&places, &people, 1500),
        repeat: 1,
        partial_misc: false,
        docs: Vec::new(),
    });
    Ok(sets)
}

/// Unlabeled text for clusters and self-training: PolNeAR train articles and
/// AllSides titles and leads, each a document, tokenised and split at
/// sentence-final punctuation. Returns the documents and how many of the
/// first are PolNeAR articles.
fn unlabeled(shared: &Path) -> (Vec<Vec<Vec<String>>>, usize) {
    let mut docs: Vec<String> = Vec::new();
    let dir = shared.join("eval/polnear/train/text");
    match std::fs::read_dir(&dir) {
        Ok(rd) => {
            let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths {
                match std::fs::read_to_string(&p) {
                    Ok(t) => docs.push(t),
                    Err(e) => eprintln!("skip {}: {e}", p.display()),
                }
            }
        }
        Err(e) => eprintln!("no PolNeAR text ({}): {e}", dir.display()),
    }
    let articles = docs.len();
    let allsides = shared.join("eval/allsides/train.jsonl");
    match std::fs::read_to_string(&allsides) {
        Ok(t) => {
            for (n, line) in t.lines().enumerate() {
                match serde_json::from_str::<serde_json::Value>(line) {
                    Ok(v) => {
                        for k in ["title", "text"] {
                            if let Some(s) = v.get(k).and_then(|x| x.as_str()) {
                                docs.push(s.to_string());
                            }
                        }
                    }
                    Err(e) => eprintln!("{}:{}: {e}", allsides.display(), n + 1),
                }
            }
        }
        Err(e) => eprintln!("no AllSides text ({}): {e}", allsides.display()),
    }
    let mut all = Vec::new();
    for d in &docs {
        let mut out = Vec::new();
        for line in d.lines() {
            let mut cur: Vec<String> = Vec::new();
            for t in simple_tokenize(line) {
                cur.push(t.to_string());
                if matches!(t, "." | "!" | "?") {
                    out.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
        }
        all.push(out);
    }
    (all, articles)
}

fn count(s: &[Sentence]) -> (usize, [usize; 4]) {
    let mut ents = [0; 4];
    let mut toks = 0;
    for x in s {
        toks += x.words.len();
        for l in &x.labels {
            if let NerLabel::B(k) = l {
                ents[Kind::ALL.iter().position(|q| q == k).unwrap_or(0)] += 1;
            }
        }
    }
    (toks, ents)
}

fn run() -> Result<(), String> {
    let a = parse_args()?;
    let t0 = Instant::now();
    let dir = a.shared.join("train/ner");
    let mut sets = load_sets(&dir, a.wnut, a.prose).map_err(|e| e.to_string())?;
    // Partial MISC labels (O may be MISC in corpora without MISC) scored lower on
    // the dev set than plain labels plus silver demonyms, so they are opt-in.
    if !a.partial_misc {
        sets.iter_mut().for_each(|s| s.partial_misc = false);
    }
    let (unl_docs, articles) = unlabeled(&a.shared);
    let mut text: Vec<Vec<String>> = unl_docs.iter().flatten().cloned().collect();
    let unl = text.len();
    for s in &sets {
        let (t, e) = count(&s.sentences);
        eprintln!(
            "{:12} {:6} sents {:7} tokens PER {} ORG {} LOC {} MISC {} x{}{}",
            s.name,
            s.sentences.len(),
            t,
            e[0],
            e[1],
            e[2],
            e[3],
            s.repeat,
            if s.partial_misc {
                " (O may be MISC)"
            } else {
                ""
            }
        );
        if s.name != "upper-copies" && s.name != "datelines" {
            text.extend(s.sentences.iter().map(|x| x.words.clone()));
        }
    }
    eprintln!(
        "clusters from {unl} unlabeled + {} labelled sentences",
        text.len() - unl
    );
    let table = build_word_table(&text, ClusterConfig::default());
    eprintln!(
        "word table: {} words ({:.1}s)",
        table.len(),
        t0.elapsed().as_secs_f64()
    );
    let mut dev = Vec::new();
    for p in &a.dev {
        dev.push((
            p.display().to_string(),
            conll::read_documents(p).map_err(|e| e.to_string())?,
        ));
    }
    let cfg = TrainConfig {
        bits: a.bits,
        epochs: a.epochs,
        ..TrainConfig::default()
    };
    let mut report = |epoch: usize, reports: &[rashomon_ner::EvalReport]| {
        for r in reports {
            let pt: Vec<String> = r
                .per_type
                .iter()
                .map(|(k, v)| format!("{k} {:.2}", v.f1))
                .collect();
            eprintln!(
                "epoch {epoch} ({:.0}s) {}: F1 {:.2} P {:.2} R {:.2} | {}",
                t0.elapsed().as_secs_f64(),
                r.file,
                r.overall.f1,
                r.overall.precision,
                r.overall.recall,
                pt.join(" ")
            );
        }
        if reports.is_empty() {
            eprintln!("epoch {epoch} done ({:.0}s)", t0.elapsed().as_secs_f64());
        }
    };
    let mut model = train_averaged(&sets, &table, cfg, a.seeds, &dev, &mut report);
    if a.self_train > 0 {
        // Self-training: tag the unlabeled news articles document by document
        // (so the document pass fixes surnames and clubs), add them as silver
        // data and train again from scratch.
        let mut silver = Vec::new();
        let mut silver_docs = Vec::new();
        for d in unl_docs.iter().take(articles.min(a.self_train)) {
            let words: Vec<Vec<&str>> = d
                .iter()
                .map(|s| s.iter().map(String::as_str).collect())
                .collect();
            let start = silver.len();
            for (s, labels) in d.iter().zip(model.tag_document(&words)) {
                if s.len() >= 3 {
                    silver.push(Sentence {
                        words: s.clone(),
                        labels,
                    });
                }
            }
            if silver.len() > start {
                silver_docs.push(start..silver.len());
            }
        }
        eprintln!("self-training on {} silver sentences", silver.len());
        sets.push(TrainSet {
            name: "silver-news".into(),
            sentences: silver,
            repeat: 1,
            partial_misc: false,
            docs: silver_docs,
        });
        model = train_averaged(&sets, &table, cfg, a.seeds, &dev, &mut report);
    }
    let bytes = model.to_bytes();
    std::fs::write(&a.out, &bytes).map_err(|e| format!("{}: {e}", a.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.0}s",
        a.out.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::FAILURE
        }
    }
}
