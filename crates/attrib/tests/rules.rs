//! Small hand-written sentences: one attribution form per test.

use rashomon_attrib::{extract, names};

fn run(text: &str) -> Vec<(String, String, Vec<String>, bool, Option<String>)> {
    let an = rashomon_text::analyze(text);
    let (m, e) = names::person_mentions(text, &an);
    extract(text, &an, &m, &e)
        .into_iter()
        .map(|a| {
            (
                a.source.map(|s| s.slice(text).to_string()).unwrap_or_default(),
                a.cue.map(|s| s.slice(text).to_string()).unwrap_or_default(),
                a.content.iter().map(|s| s.slice(text).to_string()).collect(),
                a.direct,
                a.speaker_entity.map(|i| e[i].name.clone()),
            )
        })
        .collect()
}

#[test]
fn split_quote_gets_two_pieces() {
    let t = "Senator Jane Roe spoke on Monday. “We will not back down,” Roe said. “This fight is about our families and our jobs.”\n\nThe vote is next week.";
    let r = run(t);
    eprintln!("{r:?}");
    let a = r.iter().find(|a| a.1 == "said").expect("said found");
    assert_eq!(a.0, "Roe");
    assert_eq!(a.2, vec!["“We will not back down,”", "“This fight is about our families and our jobs.”"]);
    assert!(a.3);
}
