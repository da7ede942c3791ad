//! The defining example: every quote of the two seed reports with its speaker.
//! Skips when ../shared is absent.

use rashomon_attrib::{extract, names};
use std::path::Path;

struct Found {
    source: String,
    speaker: Option<String>,
    cue: String,
    content: String,
    direct: bool,
}

fn run(path: &Path) -> Vec<Found> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let an = rashomon_text::analyze(&text);
    let (m, e) = names::person_mentions(&text, &an);
    extract(&text, &an, &m, &e)
        .into_iter()
        .map(|a| Found {
            source: a
                .source
                .map(|s| s.slice(&text).to_string())
                .unwrap_or_default(),
            speaker: a.speaker_entity.map(|i| e[i].name.clone()),
            cue: a
                .cue
                .map(|s| s.slice(&text).to_string())
                .unwrap_or_default(),
            content: a
                .content
                .iter()
                .map(|s| s.slice(&text))
                .collect::<Vec<_>>()
                .join(" | "),
            direct: a.direct,
        })
        .collect()
}

fn find<'a>(all: &'a [Found], quote: &str) -> &'a Found {
    all.iter()
        .find(|f| f.content.contains(quote))
        .unwrap_or_else(|| panic!("quote not found: {quote}"))
}

fn speaker_is(f: &Found, last: &str) {
    let sp = f.speaker.as_deref().unwrap_or("");
    assert!(
        sp.ends_with(last),
        "speaker of {:?} is {:?} (source {:?}), want {last}",
        f.content,
        sp,
        f.source
    );
}

#[test]
fn seed_quotes_and_speakers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let a = dir.join("000_1bfe9c8a9aab64a7.txt");
    let b = dir.join("004_6ebcbe32e0ca8a9c.txt");
    if !a.exists() || !b.exists() {
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    let fa = run(&a);
    let fb = run(&b);
    for f in fa.iter().chain(&fb) {
        eprintln!(
            "{:?} [{}] {:?} -> {:?} direct={}",
            f.source, f.cue, f.content, f.speaker, f.direct
        );
    }
    let f = find(
        &fa,
        "My objective is to bring Putin back to the negotiating table",
    );
    assert_eq!(f.source, "Trump");
    speaker_is(f, "Trump");
    assert!(f.direct);
    let f = find(&fa, "If this summit goes well");
    assert_eq!(f.source, "He");
    speaker_is(f, "Trump");
    let f = find(&fa, "We are counting on America");
    speaker_is(f, "Zelensky");
    let f = find(&fb, "We are counting on America");
    speaker_is(f, "Zelenskyy");
    let f = find(&fb, "HIGH STAKES!!!");
    speaker_is(f, "Trump");
    assert!(f.cue.contains("posted"), "cue {:?}", f.cue);
    let f = find(&fb, "to negotiate for Ukraine");
    speaker_is(f, "Trump");
    let f = find(&fb, "a possibility");
    speaker_is(f, "Trump");
    let f = find(&fb, "I am here to get them at a table.");
    speaker_is(f, "Trump");
    let f = find(&fb, "I want to see a ceasefire rapidly");
    assert!(f.content.contains("I want the killing to stop."));
    assert_eq!(f.source, "he");
    speaker_is(f, "Trump");
    let f = find(&fb, "Apparently, some terms will be agreed upon");
    assert_eq!(f.source, "a Kremlin official");
    assert_eq!(f.speaker, None);
}
