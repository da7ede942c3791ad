//! Scores the extractor on a PolNeAR split and prints the JSON report.
//! Usage: attrib-eval DIR

use std::path::Path;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: attrib-eval DIR");
        std::process::exit(2);
    };
    match rashomon_attrib::polnear::evaluate(Path::new(&dir)) {
        Ok(r) => match serde_json::to_string_pretty(&r) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        },
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
