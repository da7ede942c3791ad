//! How often the brief calls a fact corroborated or conflicting when the articles are of
//! one story, and when they are not (so every such fact is wrong).
//!
//! Usage: cargo run --release --example align_probe -- ALLSIDES.jsonl POLNEAR_TEXT_DIR [DUMP_FILE]
//!
//! - AllSides, same story: the three outlets' leads of one gold story, compared together.
//! - AllSides, mixed: one lead from each of three different gold stories (consecutive in the
//!   file, so often the same topic).
//! - PolNeAR pairs: two full articles far apart in the sorted file list (almost always
//!   different stories); every corroboration or conflict between them is wrong unless both
//!   repeat the same background fact.
//!
//! DUMP_FILE gets every corroborated fact and conflict of the mixed and PolNeAR runs.

use rashomon::model::{Article, Document, FactStatus};
use std::io::Write;
use std::path::Path;

fn article(id: &str, source: &str, title: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        source: source.to_string(),
        title: title.to_string(),
        text: text.to_string(),
        ..Default::default()
    }
}

/// (corroborated, conflicts) of one comparison; dumps them when asked.
fn count(docs: &[Document], dump: &mut Option<std::fs::File>, label: &str) -> (usize, usize) {
    let members: Vec<&Document> = docs.iter().collect();
    let story = rashomon_compare::compare_story("probe", &members, &[]);
    let mut c = (0, 0);
    for f in &story.facts {
        match f.status {
            FactStatus::Corroborated => c.0 += 1,
            FactStatus::Conflict => c.1 += 1,
            FactStatus::Unique => continue,
        }
        // Within one story only the conflicts are worth reading.
        let wanted = label != "same" || f.status == FactStatus::Conflict;
        if let Some(out) = dump.as_mut().filter(|_| wanted) {
            let _ = writeln!(out, "## {label} {:?} {:?}", f.status, f.kind);
            for m in &f.mentions {
                let _ = writeln!(out, "   [{}] {}", m.doc, m.text);
            }
        }
    }
    c
}

/// Marks the condition in the `RASHOMON_DEBUG_EDGES` output of the compare stage.
fn mark(condition: &str) {
    if std::env::var_os("RASHOMON_DEBUG_EDGES").is_some() {
        eprintln!("COND {condition}");
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        anyhow::bail!("usage: align_probe ALLSIDES.jsonl POLNEAR_TEXT_DIR [DUMP_FILE]");
    }
    let mut dump = match args.get(3) {
        Some(p) => Some(std::fs::File::create(p)?),
        None => None,
    };
    // AllSides: stories in file order, three leads each.
    let mut stories: Vec<(String, Vec<Document>)> = Vec::new();
    for (n, line) in std::fs::read_to_string(&args[1])?.lines().enumerate() {
        let r: rashomon_cluster::eval::EvalRecord = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("{}:{}: {e}", args[1], n + 1))?;
        let src = r.source.clone().unwrap_or_default();
        let text = format!("{}\n\n{}", r.title, r.text);
        let doc = rashomon::pipeline::analyze(article(&r.id, &src, &r.title, &text));
        match stories.last_mut() {
            Some((s, docs)) if *s == r.story => docs.push(doc),
            _ => stories.push((r.story.clone(), vec![doc])),
        }
        if stories.len() > 600 {
            stories.pop();
            break;
        }
    }
    let (mut same, mut mixed) = ((0, 0), (0, 0));
    let n = stories.len();
    for k in 0..n {
        mark("same");
        let c = count(&stories[k].1, &mut dump, "same");
        same.0 += c.0;
        same.1 += c.1;
        let picks: Vec<Document> = (0..3)
            .filter_map(|o| stories.get((k + o) % n).and_then(|s| s.1.get(o)).cloned())
            .collect();
        mark("mixed");
        let c = count(&picks, &mut dump, "mixed");
        mixed.0 += c.0;
        mixed.1 += c.1;
    }
    println!(
        "allsides {n} stories: same story {:.3} corroborated / {:.3} conflicts per story; mixed {:.3} / {:.3}",
        same.0 as f64 / n as f64,
        same.1 as f64 / n as f64,
        mixed.0 as f64 / n as f64,
        mixed.1 as f64 / n as f64
    );
    // PolNeAR full articles, pairs far apart in the sorted list.
    let mut paths: Vec<_> = std::fs::read_dir(Path::new(&args[2]))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .take(200)
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let name = p.file_stem()?.to_string_lossy().to_string();
            let title = text.lines().next().unwrap_or("").to_string();
            let source = name.split('_').next().unwrap_or("").to_string();
            Some(rashomon::pipeline::analyze(article(
                &name, &source, &title, &text,
            )))
        })
        .collect();
    let m = docs.len();
    let (mut pol, mut pairs) = ((0, 0), 0);
    for i in 0..m / 2 {
        let pair = vec![docs[i].clone(), docs[(i + m / 2) % m].clone()];
        mark("polnear");
        let c = count(&pair, &mut dump, "polnear");
        pol.0 += c.0;
        pol.1 += c.1;
        pairs += 1;
    }
    println!(
        "polnear {pairs} unrelated pairs: {:.3} corroborated / {:.3} conflicts per pair",
        pol.0 as f64 / pairs.max(1) as f64,
        pol.1 as f64 / pairs.max(1) as f64
    );
    Ok(())
}
