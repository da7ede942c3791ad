//! Trains the cue tagger on a PolNeAR split and writes `model/cue.bin`.
//! Usage: attrib-train TRAIN_DIR OUT_FILE [EPOCHS] [MIN_WEIGHT]

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: attrib-train TRAIN_DIR OUT_FILE [EPOCHS] [MIN_WEIGHT]");
        std::process::exit(2);
    }
    let epochs = args.get(3).and_then(|e| e.parse().ok()).unwrap_or(8);
    let min_weight = args.get(4).and_then(|e| e.parse().ok()).unwrap_or(0.05);
    let arts = match rashomon_attrib::polnear::load(Path::new(&args[1])) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    // Articles annotated more than once add their other annotators' relations.
    let mut arts = arts;
    match rashomon_attrib::polnear::load_extra_annotators(Path::new(&args[1])) {
        Ok(extra) => arts.extend(extra),
        Err(e) => eprintln!("warning: extra annotators not read: {e}"),
    }
    eprintln!("{} annotated articles", arts.len());
    // The content-end ranker goes next to the cue model (model/end.bin).
    let end = rashomon_attrib::ends::train(&arts, 10);
    let end_path = Path::new(&args[2]).with_file_name("end.bin");
    if let Err(e) = std::fs::write(&end_path, end.to_bytes()) {
        eprintln!("error: {}: {e}", end_path.display());
        std::process::exit(1);
    }
    let model = rashomon_attrib::train::train(&arts, epochs, min_weight);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&args[2], &bytes) {
        eprintln!("error: {}: {e}", args[2]);
        std::process::exit(1);
    }
    eprintln!(
        "wrote {} features, {} bytes to {}",
        model.weights.len(),
        bytes.len(),
        args[2]
    );
}
