//! Prints the attributions found in text read from stdin (debugging the rules).
use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        return;
    }
    let an = rashomon_text::analyze(&text);
    let (mentions, entities) = rashomon_attrib::names::person_mentions(&text, &an);
    for a in rashomon_attrib::extract(&text, &an, &mentions, &entities) {
        let s = |x: Option<rashomon_model::Span>| x.map_or("-", |x| x.slice(&text));
        let c: Vec<&str> = a.content.iter().map(|x| x.slice(&text)).collect();
        println!("S[{}] C[{}] X{:?}", s(a.source), s(a.cue), c);
    }
}
