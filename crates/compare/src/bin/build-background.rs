//! Builds `data/sentence_df.txt`: in how many sentences of a background corpus each
//! content-word stem occurs (see `src/background.rs`).
//! Usage: build-background OUT_FILE INPUT... where an input is a directory of `.txt`
//! articles or a CoNLL-style token file (`.iob2`, `.conll`: one token a line, blank lines
//! between sentences, `#` comments; the token is the second column when the first is a
//! number, else the first).

use std::collections::BTreeMap;
use std::path::Path;

/// Terms are counted once per sentence; stems seen in fewer sentences are left out.
const MIN_DF: u32 = 3;

fn count(text: &str, df: &mut BTreeMap<String, u32>, sentences: &mut u32) {
    let an = rashomon_text::analyze(text);
    for i in 0..an.sentences.len() {
        let mut seen: Vec<String> = an
            .sentence_tokens(i)
            .iter()
            .filter_map(|t| rashomon_compare::statements::content_stem(text, t))
            .collect();
        seen.sort();
        seen.dedup();
        *sentences += 1;
        for s in seen {
            *df.entry(s).or_insert(0) += 1;
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: build-background OUT_FILE INPUT...");
        std::process::exit(2);
    }
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    let mut sentences = 0u32;
    for input in &args[2..] {
        let p = Path::new(input);
        if p.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(p)
                .map_err(|e| format!("{input}: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for f in files {
                let text =
                    std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
                count(&text, &mut df, &mut sentences);
            }
        } else {
            let raw = std::fs::read_to_string(p).map_err(|e| format!("{input}: {e}"))?;
            let mut words: Vec<String> = Vec::new();
            for line in raw.lines().chain(std::iter::once("")) {
                if line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
                if cols.is_empty() {
                    if !words.is_empty() {
                        // One sentence: joined with spaces and analysed as one paragraph.
                        let text = words.join(" ");
                        let an_sentences = sentences;
                        count(&text, &mut df, &mut sentences);
                        // The segmenter may split it further; it is still one sentence here.
                        sentences = an_sentences + 1;
                        words.clear();
                    }
                    continue;
                }
                let token = if cols.len() >= 3 && cols[0].chars().all(|c| c.is_ascii_digit()) {
                    cols[1]
                } else {
                    cols[0]
                };
                words.push(token.to_string());
            }
        }
        eprintln!("{input}: {sentences} sentences so far");
    }
    let mut out = format!("#sentences\t{sentences}\n");
    for (term, n) in &df {
        if *n >= MIN_DF && !term.contains(['\t', '\n']) {
            out.push_str(&format!("{term}\t{n}\n"));
        }
    }
    std::fs::write(&args[1], out).map_err(|e| format!("{}: {e}", args[1]))?;
    eprintln!(
        "wrote {} terms to {}",
        df.values().filter(|&&n| n >= MIN_DF).count(),
        args[1]
    );
    Ok(())
}
