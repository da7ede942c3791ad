//! Copy detection over a directory of `.txt` articles: the links found among
//! the originals, then among the originals plus made-up reprints of the
//! first 100 (an exact copy with other case and spacing, a copy with a
//! sentence's words changed, one with another article's opening added as a
//! lead, one trimmed to its first 60%), with recall per kind and speed.
//!
//! dedup-bench DIR

use rashomon_dedup::{signature, DedupConfig, DedupIndex};
use rashomon_model::CopyKind;
use std::time::Instant;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: dedup-bench DIR");
        std::process::exit(2);
    };
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let cfg = DedupConfig::default();

    let t = Instant::now();
    let mut index = DedupIndex::new(cfg.clone());
    let mut links = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if let Some(l) = index.add(i, &signature(text, &cfg)) {
            links.push(l);
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "originals: {} texts, {} links, {:.3} s, {:.0} texts/s",
        texts.len(),
        links.len(),
        secs,
        texts.len() as f64 / secs.max(1e-9)
    );
    for l in &links {
        println!(
            "  {:?} {:.3}: {} -> {}",
            l.kind,
            l.score,
            name(&paths[l.copy]),
            name(&paths[l.original])
        );
    }

    // Made-up reprints of the first 100 articles, added after all originals.
    let n = texts.len().min(100);
    let mut extra: Vec<(usize, &str, String)> = Vec::new();
    for i in 0..n {
        let t = &texts[i];
        extra.push((
            i,
            "exact",
            t.to_uppercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("  "),
        ));
        let mut words: Vec<String> = t.split_whitespace().map(str::to_string).collect();
        for w in words.iter_mut().skip(10).step_by(40) {
            *w = "changed".to_string();
        }
        extra.push((i, "edited", words.join(" ")));
        let other = &texts[(i + 1) % texts.len()];
        let lead: String = other
            .split_whitespace()
            .take(80)
            .collect::<Vec<_>>()
            .join(" ");
        extra.push((i, "lead", format!("{lead}\n\n{t}")));
        let cut = t
            .char_indices()
            .nth(t.chars().count() * 6 / 10)
            .map_or(t.len(), |(b, _)| b);
        extra.push((i, "trimmed", t[..cut].to_string()));
    }
    let t = Instant::now();
    let mut found: std::collections::BTreeMap<&str, (usize, usize, Vec<CopyKind>)> =
        Default::default();
    for (k, (orig, kind, text)) in extra.iter().enumerate() {
        let link = index.add(texts.len() + k, &signature(text, &cfg));
        let e = found.entry(kind).or_default();
        e.1 += 1;
        if let Some(l) = link {
            if l.original == *orig || l.original >= texts.len() {
                e.0 += 1;
            }
            e.2.push(l.kind);
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "reprints: {} texts, {:.3} s, {:.0} texts/s",
        extra.len(),
        secs,
        extra.len() as f64 / secs.max(1e-9)
    );
    for (kind, (hit, total, kinds)) in &found {
        let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
        for k in kinds {
            *counts.entry(format!("{k:?}")).or_default() += 1;
        }
        println!("  {kind}: {hit}/{total} linked to their original; link kinds {counts:?}");
    }
}

fn name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default()
}
