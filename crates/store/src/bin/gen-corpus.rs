//! Synthetic news corpus for scaling benchmarks: `gen-corpus N [SEED] > out.jsonl`.
//!
//! Writes N articles as JSONL (`id`, `source`, `title`, `published`, `url`,
//! `text`, and the gold `story`). Stories are covered by several outlets:
//! independent rewrites around shared names and numbers, verbatim wire
//! reprints, reprints with an outlet's own lead (containment) and lightly
//! edited reprints (near-duplicates). Same N and seed give identical output.

use std::io::{BufWriter, Write};

/// SplitMix64: tiny, deterministic, good enough for synthetic text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn s(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    fn w<'a>(&mut self, xs: &'a [String]) -> &'a str {
        &xs[self.below(xs.len())]
    }
}

const SYL: &[&str] = &[
    "ka", "lo", "mi", "ren", "tas", "vel", "dor", "an", "is", "ul", "bra", "che", "fon", "gar",
    "hel", "jun", "kor", "lin", "mar", "nov", "pel", "quin", "ros", "sel", "tor", "vin", "wes",
    "yar", "zen", "del",
];
const FUNCTION: &[&str] = &[
    "the", "a", "of", "in", "on", "and", "to", "for", "with", "after", "before", "over", "about",
    "as", "by",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "denied",
    "approved",
    "rejected",
    "warned",
    "confirmed",
    "met",
    "visited",
    "criticised",
    "proposed",
    "signed",
    "questioned",
    "praised",
    "delayed",
];
const NOUNS: &[&str] = &[
    "agreement",
    "plan",
    "budget",
    "talks",
    "election",
    "report",
    "investigation",
    "vote",
    "protest",
    "deal",
    "policy",
    "summit",
    "court",
    "ruling",
    "strike",
    "tariff",
    "border",
    "ceasefire",
    "bill",
    "inquiry",
];
const OUTLETS: &[&str] = &[
    "Daily Ledger",
    "Morning Post",
    "Evening Star",
    "Capital Times",
    "Northern Herald",
    "Coast Gazette",
    "Valley Tribune",
    "Metro Record",
    "Harbor Sentinel",
    "Plains Courier",
    "City Observer",
    "River Chronicle",
];
const WIRES: &[&str] = &["Global Wire", "Press Union", "Newsline Agency"];

fn word(r: &mut Rng) -> String {
    let n = 2 + r.below(2);
    (0..n).map(|_| *r.pick(SYL)).collect()
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The shared facts of one story that every outlet draws on.
struct Topic {
    people: Vec<String>,
    place: String,
    org: String,
    nouns: Vec<&'static str>,
    words: Vec<String>,
    number: usize,
    date: String,
}

fn topic(r: &mut Rng, day: usize) -> Topic {
    Topic {
        people: (0..3)
            .map(|_| format!("{} {}", cap(&word(r)), cap(&word(r))))
            .collect(),
        place: cap(&word(r)),
        org: format!(
            "{} {}",
            cap(&word(r)),
            r.pick(&["Ministry", "Council", "Party", "Group", "Union"])
        ),
        nouns: (0..3).map(|_| *r.pick(NOUNS)).collect(),
        words: (0..12).map(|_| word(r)).collect(),
        number: 10 + r.below(5000),
        date: date(day),
    }
}

fn date(day: usize) -> String {
    // 2023-01-01 + day, with 28-day months: plain and deterministic.
    let (y, rest) = (2023 + day / 336, day % 336);
    format!("{y}-{:02}-{:02}", rest / 28 + 1, rest % 28 + 1)
}

fn sentence(r: &mut Rng, t: &Topic) -> String {
    let who = r.pick(&t.people).clone();
    let mut s = match r.below(5) {
        0 => format!(
            "{who} {} the {} in {}",
            r.pick(VERBS),
            r.pick(&t.nouns),
            t.place
        ),
        1 => format!(
            "The {} {} {} {} people",
            t.org,
            r.pick(VERBS),
            t.number,
            r.pick(&t.words)
        ),
        2 => format!(
            "\"We will {} the {},\" {who} said",
            r.pick(&t.words),
            r.pick(&t.nouns)
        ),
        3 => format!(
            "Officials in {} {} the {} on {}",
            t.place,
            r.pick(VERBS),
            r.pick(&t.nouns),
            t.date
        ),
        _ => format!(
            "{} {} {} {}",
            cap(r.w(&t.words)),
            r.s(FUNCTION),
            r.w(&t.words),
            r.s(NOUNS)
        ),
    };
    for _ in 0..r.below(8) {
        s.push(' ');
        s.push_str(r.s(FUNCTION));
        s.push(' ');
        let x = if r.below(2) == 0 {
            r.w(&t.words)
        } else {
            r.s(NOUNS)
        };
        s.push_str(x);
    }
    s.push('.');
    s
}

fn paragraphs(r: &mut Rng, t: &Topic, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            (0..2 + r.below(3))
                .map(|_| sentence(r, t))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    let mut r = Rng(seed);
    let out = std::io::stdout();
    let mut w = BufWriter::new(out.lock());
    let (mut written, mut story) = (0usize, 0usize);
    while written < n {
        let day = story / 150;
        let t = topic(&mut r, day);
        let wire = *r.pick(WIRES);
        let np = 5 + r.below(4);
        let wire_text = paragraphs(&mut r, &t, np);
        let title = format!(
            "{} {} {} in {}",
            t.people[0],
            r.pick(VERBS),
            r.pick(&t.nouns),
            t.place
        );
        let mut items: Vec<(String, String, Vec<String>)> =
            vec![(wire.to_string(), title.clone(), wire_text.clone())];
        for k in 0..2 + r.below(6) {
            let outlet = OUTLETS[(story * 7 + k * 5) % OUTLETS.len()].to_string();
            let text = match r.below(10) {
                0..=1 => wire_text.clone(),
                2..=3 => {
                    let mut p = paragraphs(&mut r, &t, 1);
                    p.extend(wire_text.iter().cloned());
                    p
                }
                4 => {
                    let mut p = wire_text.clone();
                    let i = r.below(p.len());
                    p[i] = paragraphs(&mut r, &t, 1).remove(0);
                    p
                }
                _ => {
                    let np = 4 + r.below(6);
                    paragraphs(&mut r, &t, np)
                }
            };
            let title = format!(
                "{}: {} {} {}",
                t.place,
                t.people[r.below(3)],
                r.pick(VERBS),
                r.pick(&t.nouns)
            );
            items.push((outlet, title, text));
        }
        for (k, (source, title, paras)) in items.into_iter().enumerate() {
            if written >= n {
                break;
            }
            let id = format!("s{story}-{k}");
            let slug: String = source.to_lowercase().replace(' ', "-");
            let rec = serde_json::json!({
                "id": id,
                "source": source,
                "title": title,
                "published": t.date,
                "url": format!("https://{slug}.example/{id}"),
                "text": paras.join("\n\n"),
                "story": format!("s{story}"),
            });
            if writeln!(w, "{rec}").is_err() {
                return; // closed pipe: stop quietly
            }
            written += 1;
        }
        story += 1;
    }
    let _ = w.flush();
}
