//! Extraction speed on a PolNeAR split: tokens per second on one core, text
//! analysis (the `text` stage) excluded and reported separately.
//! Usage: attrib-bench DIR [ROUNDS]

use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: attrib-bench DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let arts = match rashomon_attrib::polnear::load(Path::new(dir)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let t0 = Instant::now();
    let docs: Vec<_> = arts
        .iter()
        .map(|a| rashomon_text::analyze(&a.text))
        .collect();
    let analyze_s = t0.elapsed().as_secs_f64();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let _ = rashomon_attrib::model();
    let mut found = 0;
    let t1 = Instant::now();
    for _ in 0..rounds {
        for (a, an) in arts.iter().zip(&docs) {
            found += rashomon_attrib::extract(&a.text, an, &[], &[]).len();
        }
    }
    let s = t1.elapsed().as_secs_f64();
    println!(
        "{{\"articles\": {}, \"tokens\": {}, \"rounds\": {}, \"attributions\": {}, \"extract_seconds\": {:.3}, \"extract_tokens_per_second\": {:.0}, \"analyze_tokens_per_second\": {:.0}}}",
        arts.len(),
        tokens,
        rounds,
        found / rounds.max(1),
        s,
        (tokens * rounds) as f64 / s,
        tokens as f64 / analyze_s
    );
}
