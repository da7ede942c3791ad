//! Held-out tuning on PolNeAR train: trains on nine tenths of the articles and scores
//! the rest (every tenth article), so dev is only used to report.
//! Usage: attrib-dev TRAIN_DIR [EPOCHS] [FOLD 0-9, default 9]

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: attrib-dev TRAIN_DIR [EPOCHS]");
        std::process::exit(2);
    };
    let epochs = args.get(2).and_then(|e| e.parse().ok()).unwrap_or(8);
    let arts = match rashomon_attrib::polnear::load(Path::new(dir)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let fold: usize = args.get(3).and_then(|e| e.parse().ok()).unwrap_or(9);
    let (held, fit): (Vec<_>, Vec<_>) = arts
        .into_iter()
        .enumerate()
        .partition(|(i, _)| i % 10 == fold);
    let mut fit: Vec<_> = fit.into_iter().map(|x| x.1).collect();
    if std::env::var_os("ATTRIB_EXTRA").is_some() {
        // Other annotators of the fitted articles only (never of held-out ones).
        let names: std::collections::BTreeSet<String> =
            fit.iter().map(|a| a.name.clone()).collect();
        if let Ok(extra) = rashomon_attrib::polnear::load_extra_annotators(Path::new(dir)) {
            fit.extend(extra.into_iter().filter(|a| names.contains(&a.name)));
        }
    }
    let held: Vec<_> = held.into_iter().map(|x| x.1).collect();
    // `ATTRIB_CUE_CACHE=FILE`: the cue tagger does not depend on the source/content rules,
    // so rule experiments may reuse one trained tagger per fold (written when missing).
    let cache = std::env::var_os("ATTRIB_CUE_CACHE");
    let cached = cache
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| rashomon_attrib::tagger::Model::from_bytes(&b));
    let mut model = match cached {
        Some(m) => m,
        None => {
            let m = rashomon_attrib::train::train(
                &fit,
                epochs,
                std::env::var("ATTRIB_MIN_WEIGHT")
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0.05),
            );
            if let Some(p) = &cache {
                if let Err(e) = std::fs::write(p, m.to_bytes()) {
                    eprintln!("warning: cue cache not written: {e}");
                }
            }
            m
        }
    };
    if let Some(b) = std::env::var("ATTRIB_B_BIAS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        model.b_bias = b;
    }
    let end = rashomon_attrib::ends::train(
        &fit,
        std::env::var("ATTRIB_END_EPOCHS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10),
    );
    let models = rashomon_attrib::Models { cue: model, end };
    let rep = rashomon_attrib::polnear::evaluate_articles(&held, &models);
    match serde_json::to_string(&rep) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("error: {e}"),
    }
}
