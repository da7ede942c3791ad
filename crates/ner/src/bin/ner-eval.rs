//! Evaluate the NER model on a CoNLL file and print the JSON report.
//! Usage: ner-eval FILE [--model model.bin] [--bench N] [--errors]

use rashomon_ner::{evaluate, NerModel};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: ner-eval FILE [--model model.bin]");
        return ExitCode::from(2);
    };
    let owned;
    let model: &NerModel = match args.iter().position(|a| a == "--model") {
        Some(i) => {
            let Some(p) = args.get(i + 1) else {
                eprintln!("--model needs a path");
                return ExitCode::from(2);
            };
            let loaded = std::fs::read(p)
                .map_err(|e| format!("{p}: {e}"))
                .and_then(|b| NerModel::load(&b).map_err(|e| format!("{p}: {e}")));
            match loaded {
                Ok(m) => {
                    owned = m;
                    &owned
                }
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        None => NerModel::builtin(),
    };
    if args.iter().any(|a| a == "--errors") {
        dump_errors(model, Path::new(file));
    }
    // Warm up lazily-built tables so they do not count as tagging time.
    model.tag(&["Warm", "up", "in", "Paris"]);
    // --bench N: evaluate N times and keep the fastest pass (the machine is shared).
    let passes: usize = args
        .iter()
        .position(|a| a == "--bench")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut best: Option<rashomon_ner::EvalReport> = None;
    for _ in 0..passes.max(1) {
        match evaluate(model, Path::new(file)) {
            Ok(r) => {
                if best
                    .as_ref()
                    .is_none_or(|b| r.tokens_per_second > b.tokens_per_second)
                {
                    best = Some(r);
                }
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    match best.ok_or("no pass") {
        Ok(r) => {
            println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Print each sentence with a wrong entity as `word/GOLD/PRED` (stderr),
/// tagging document by document as the evaluation does.
fn dump_errors(model: &NerModel, path: &Path) {
    let docs = match rashomon_ner::conll::read_documents(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    for doc in docs {
        let words: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let tagged = model.tag_document(&words);
        for ((s, words), pred) in doc.iter().zip(&words).zip(tagged) {
            dump_sentence(s, words, &pred);
        }
    }
}

fn dump_sentence(
    s: &rashomon_ner::conll::Sentence,
    words: &[&str],
    pred: &[rashomon_ner::NerLabel],
) {
    if rashomon_ner::spans(pred) == rashomon_ner::spans(&s.labels) {
        return;
    }
    let line: Vec<String> = words
        .iter()
        .zip(s.labels.iter().zip(pred))
        .map(|(w, (g, p))| {
            if g == p {
                w.to_string()
            } else {
                format!("{w}/{g}/{p}")
            }
        })
        .collect();
    eprintln!("{}", line.join(" "));
}
