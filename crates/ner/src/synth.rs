//! Synthetic news-format training sentences: datelines and sports results.
//!
//! Wire news carries formats that none of the open corpora have: datelines
//! ("LONDON 2024-08-30") and results tables where a place name stands for a
//! team ("Surrey 429-7", "Leeds 2 Chelsea 1"; a team is an organisation, a
//! national team keeps its country's LOC tag as in CoNLL). These templates are
//! filled from the gazetteers and from person names in the training corpora.

use crate::conll::Sentence;
use crate::{simple_tokenize, Kind, NerLabel};

struct Rng(u64);

impl Rng {
    fn next(&mut self, m: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % m.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs.get(self.next(xs.len())).copied().unwrap_or("Paris")
    }
}

#[derive(Default)]
struct Builder {
    words: Vec<String>,
    labels: Vec<NerLabel>,
    upper: bool,
}

impl Builder {
    fn o(&mut self, w: &str) {
        self.words.push(if self.upper {
            w.to_uppercase()
        } else {
            w.to_string()
        });
        self.labels.push(NerLabel::O);
    }
    fn ent(&mut self, text: &str, k: Kind) {
        for (j, t) in simple_tokenize(text).into_iter().enumerate() {
            self.words.push(if self.upper {
                t.to_uppercase()
            } else {
                t.to_string()
            });
            self.labels.push(if j == 0 {
                NerLabel::B(k)
            } else {
                NerLabel::I(k)
            });
        }
    }
    fn done(self) -> Sentence {
        Sentence {
            words: self.words,
            labels: self.labels,
        }
    }
}

/// News datelines ("LONDON 2024-08-30", "Paris, France, Aug. 3", "Kyiv (Reuters)").
pub fn datelines(places: &[&str], countries: &[&str], n: usize) -> Vec<Sentence> {
    let months = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    (0..n)
        .map(|i| {
            let mut b = Builder {
                upper: i % 2 == 0,
                ..Builder::default()
            };
            b.ent(r.pick(places), Kind::Loc);
            if r.next(3) == 0 {
                b.o(",");
                b.ent(r.pick(countries), Kind::Loc);
            }
            match r.next(3) {
                0 => b.o(&format!(
                    "{}-{:02}-{:02}",
                    1990 + r.next(36),
                    1 + r.next(12),
                    1 + r.next(28)
                )),
                1 => {
                    b.o(r.pick(&months));
                    b.o(&format!("{}", 1 + r.next(28)));
                }
                _ => {
                    b.o("(");
                    b.ent(r.pick(&["Reuters", "AP", "AFP"]), Kind::Org);
                    b.o(")");
                }
            }
            b.done()
        })
        .collect()
}

/// Schedules ("Chicago AT Houston": club, then the venue's place), standings rows ("Seattle 70 62 .530 4")
/// and cricket scorecard lines ("A. Smith c Jones b Brown 42"): a club named
/// after a place is an ORG, batsmen and bowlers are PER. (Prose templates with
/// clubs as ORG were tried too and lowered dev F1: they taught the model that
/// places in running text are organisations.)
pub fn sports_tables(places: &[&str], people: &[&str], n: usize) -> Vec<Sentence> {
    let mut r = Rng(0xD1B5_4A32_D192_ED03);
    let suffixes = ["United", "City", "Rovers", "Athletic", "Wanderers", "FC"];
    let surname = |p: &str| p.rsplit(' ').next().unwrap_or(p).to_string();
    (0..n)
        .map(|i| {
            let mut b = Builder::default();
            let club = |b: &mut Builder, r: &mut Rng| {
                let p = r.pick(places);
                if r.next(5) == 0 {
                    let s = r.pick(&suffixes);
                    b.ent(&format!("{p} {s}"), Kind::Org)
                } else {
                    b.ent(p, Kind::Org)
                }
            };
            match i % 5 {
                3 => {
                    // Standings and results headers are not names.
                    let h = [
                        "W L PCT GB",
                        "W L T PCT GB",
                        "P W D L F A PTS",
                        "W L T GF GA PTS",
                        "Played Won Drawn Lost Points",
                    ];
                    b.upper = r.next(3) == 0;
                    for w in r.pick(&h).split(' ') {
                        b.o(w);
                    }
                }
                4 => {
                    // Goal scorers with minutes: "Leeds - Smith ( 31st ) , Jones ( 75th )".
                    club(&mut b, &mut r);
                    b.o("-");
                    for k in 0..(1 + r.next(3)) {
                        if k > 0 {
                            b.o(",");
                        }
                        b.ent(&surname(r.pick(people)), Kind::Per);
                        b.o("(");
                        let m = 1 + r.next(90);
                        let suffix = match (m % 10, m % 100) {
                            (_, 11..=13) => "th",
                            (1, _) => "st",
                            (2, _) => "nd",
                            (3, _) => "rd",
                            _ => "th",
                        };
                        b.o(&format!("{m}{suffix}"));
                        if r.next(4) == 0 {
                            b.o(r.pick(&["penalty", "pen"]));
                        }
                        b.o(")");
                    }
                }
                0 => {
                    b.upper = r.next(2) == 0;
                    // CoNLL tags the home side after "AT" as the place.
                    club(&mut b, &mut r);
                    b.o("AT");
                    b.ent(r.pick(places), Kind::Loc);
                }
                1 => {
                    b.upper = r.next(2) == 0;
                    club(&mut b, &mut r);
                    let (w, l) = (20 + r.next(60), 20 + r.next(60));
                    b.o(&w.to_string());
                    b.o(&l.to_string());
                    b.o(&format!(".{:03}", w * 1000 / (w + l)));
                    b.o(&format!("{}", r.next(15)));
                }
                _ => {
                    let init = (b'A' + r.next(26) as u8) as char;
                    b.ent(&format!("{init}. {}", surname(r.pick(people))), Kind::Per);
                    match r.next(4) {
                        0 => {
                            b.o("c");
                            b.ent(&surname(r.pick(people)), Kind::Per);
                            b.o("b");
                            b.ent(&surname(r.pick(people)), Kind::Per);
                        }
                        1 => {
                            b.o("lbw");
                            b.o("b");
                            b.ent(&surname(r.pick(people)), Kind::Per);
                        }
                        2 => {
                            b.o("not");
                            b.o("out");
                        }
                        _ => {
                            b.o("run");
                            b.o("out");
                        }
                    }
                    b.o(&r.next(150).to_string());
                }
            }
            b.done()
        })
        .collect()
}

/// Sports results lines: club = place name tagged ORG, national side = country LOC.
pub fn sports(places: &[&str], countries: &[&str], people: &[&str], n: usize) -> Vec<Sentence> {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let sports = [
        "SOCCER",
        "CRICKET",
        "RUGBY",
        "BASEBALL",
        "TENNIS",
        "GOLF",
        "ATHLETICS",
        "BASKETBALL",
    ];
    let surname = |p: &str| p.rsplit(' ').next().unwrap_or(p).to_string();
    (0..n)
        .map(|i| {
            let mut b = Builder::default();
            let team = |b: &mut Builder, r: &mut Rng| {
                if r.next(4) == 0 {
                    b.ent(r.pick(countries), Kind::Loc)
                } else {
                    b.ent(r.pick(places), Kind::Org)
                }
            };
            match i % 6 {
                0 => {
                    team(&mut b, &mut r);
                    b.o(&r.next(5).to_string());
                    team(&mut b, &mut r);
                    b.o(&r.next(5).to_string());
                }
                1 => {
                    team(&mut b, &mut r);
                    for _ in 0..(3 + r.next(5)) {
                        b.o(&r.next(40).to_string());
                    }
                }
                2 => {
                    team(&mut b, &mut r);
                    b.o(&format!("{}-{}", 100 + r.next(400), r.next(10)));
                    b.o("(");
                    for k in 0..(1 + r.next(3)) {
                        if k > 0 {
                            b.o(",");
                        }
                        let p = surname(r.pick(people));
                        let init = format!("{}.", (b'A' + r.next(26) as u8) as char);
                        b.ent(&format!("{init} {p}"), Kind::Per);
                        b.o(&r.next(120).to_string());
                    }
                    b.o(")");
                }
                3 => {
                    b.ent(r.pick(places), Kind::Loc);
                    b.o(":");
                    team(&mut b, &mut r);
                    b.o("v");
                    team(&mut b, &mut r);
                }
                4 => {
                    b.upper = true;
                    b.o(r.pick(&sports));
                    b.o("-");
                    team(&mut b, &mut r);
                    b.o(r.pick(&["BEAT", "DRAW", "HOLD", "WIN", "LOSE"]));
                    team(&mut b, &mut r);
                }
                _ => {
                    b.o(&format!("{}.", 1 + r.next(9)));
                    b.ent(r.pick(people), Kind::Per);
                    b.o("(");
                    b.ent(r.pick(countries), Kind::Loc);
                    b.o(")");
                    b.o(&format!("{}.{:02}", 10 + r.next(60), r.next(100)));
                }
            }
            b.done()
        })
        .collect()
}

/// Names for sports-prose templates.
pub struct ProseNames<'a> {
    /// Club-gazetteer names only (never arbitrary places): tagged ORG.
    pub clubs: &'a [&'a str],
    pub places: &'a [&'a str],
    pub countries: &'a [&'a str],
    pub people: &'a [&'a str],
    pub events: &'a [&'a str],
    pub demonyms: &'a [&'a str],
}

/// Sports prose, grouped in documents of five sentences (an all-caps headline
/// and four sentences): clubs from the club gazetteer are ORG next to sports
/// verbs ("Leeds beat Chelsea 2-1"), national sides are LOC, venues and home
/// towns after "in" are LOC, competitions MISC. Only club-gazetteer names
/// play clubs, so what the model learns is "a known club in sports prose",
/// not "a place in sports prose" (which lowered dev F1 when tried).
pub fn sports_prose(nm: &ProseNames, docs: usize) -> (Vec<Sentence>, Vec<std::ops::Range<usize>>) {
    let mut r = Rng(0x6A09_E667_F3BC_C909);
    let days = [
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
    ];
    let sports = [
        "SOCCER",
        "CRICKET",
        "RUGBY UNION",
        "BASEBALL",
        "BASKETBALL",
        "ICE HOCKEY",
    ];
    let surname = |p: &str| p.rsplit(' ').next().unwrap_or(p).to_string();
    let mut out = Vec::new();
    let mut ranges = Vec::new();
    for _ in 0..docs {
        let start = out.len();
        let mut b = Builder {
            upper: true,
            ..Builder::default()
        };
        b.o(r.pick(&sports));
        b.o("-");
        b.ent(r.pick(nm.clubs), Kind::Org);
        b.o(r.pick(&["BEAT", "DRAW WITH", "HOLD", "CRUSH", "SINK", "LOSE TO"]));
        b.ent(r.pick(nm.clubs), Kind::Org);
        out.push(b.done());
        for _ in 0..4 {
            let mut b = Builder::default();
            let score = |r: &mut Rng| format!("{}-{}", r.next(5), r.next(4));
            let (c1, c2) = (r.pick(nm.clubs), r.pick(nm.clubs));
            match r.next(12) {
                0 => {
                    b.ent(c1, Kind::Org);
                    b.o(r.pick(&["beat", "drew", "lost", "crushed", "edged"]));
                    if r.next(2) == 0 {
                        b.o("with");
                    }
                    b.ent(c2, Kind::Org);
                    b.o(&score(&mut r));
                    b.o("on");
                    b.o(r.pick(&days));
                    b.o(".");
                }
                1 => {
                    b.ent(r.pick(nm.people), Kind::Per);
                    b.o("scored");
                    b.o(r.pick(&["twice", "the winner", "a hat-trick", "late"]));
                    b.o("as");
                    b.ent(c1, Kind::Org);
                    b.o(r.pick(&["won", "lost", "drew"]));
                    b.o(&score(&mut r));
                    b.o(r.pick(&["at", "against", "away to", "at home to"]));
                    b.ent(c2, Kind::Org);
                    b.o(".");
                }
                2 => {
                    b.ent(c1, Kind::Org);
                    b.o(r.pick(&["striker", "coach", "captain", "goalkeeper", "manager"]));
                    b.ent(r.pick(nm.people), Kind::Per);
                    b.o(r.pick(&[
                        "was sent off",
                        "said",
                        "was injured",
                        "signed a new contract",
                    ]));
                    b.o(".");
                }
                3 => {
                    b.ent(&surname(r.pick(nm.people)), Kind::Per);
                    b.o(",");
                    b.o("who joined");
                    b.ent(c1, Kind::Org);
                    b.o("from");
                    b.ent(c2, Kind::Org);
                    b.o("last season");
                    b.o(",");
                    b.o("was");
                    b.o("dropped");
                    b.o(".");
                }
                4 => {
                    b.ent(c1, Kind::Org);
                    b.o("are");
                    b.o(r.pick(&["top of the table", "second", "bottom", "unbeaten"]));
                    b.o(",");
                    b.o(&format!("{}", 1 + r.next(9)));
                    b.o("points");
                    b.o(r.pick(&["ahead of", "behind"]));
                    b.ent(c2, Kind::Org);
                    b.o(".");
                }
                5 => {
                    b.ent(c1, Kind::Org);
                    b.o(r.pick(&["lost", "won"]));
                    b.o(&score(&mut r));
                    b.o("to");
                    b.ent(c2, Kind::Org);
                    b.o("in the");
                    b.ent(r.pick(nm.events), Kind::Misc);
                    b.o(".");
                }
                6 => {
                    b.ent(r.pick(nm.countries), Kind::Loc);
                    b.o(r.pick(&["beat", "drew with", "lost to"]));
                    b.ent(r.pick(nm.countries), Kind::Loc);
                    b.o(&score(&mut r));
                    b.o("in");
                    b.ent(r.pick(nm.places), Kind::Loc);
                    b.o(".");
                }
                7 => {
                    b.ent(c1, Kind::Org);
                    b.o("captain");
                    b.ent(r.pick(nm.people), Kind::Per);
                    b.o("made");
                    b.o(&format!("{}", 20 + r.next(150)));
                    b.o("as");
                    b.ent(c1, Kind::Org);
                    b.o("reached");
                    b.o(&format!("{}", 100 + r.next(400)));
                    b.o("against");
                    b.ent(c2, Kind::Org);
                    b.o(".");
                }
                8 => {
                    b.ent(r.pick(nm.demonyms), Kind::Misc);
                    b.o(r.pick(&["international", "midfielder", "striker"]));
                    b.ent(r.pick(nm.people), Kind::Per);
                    b.o("signed for");
                    b.ent(c1, Kind::Org);
                    b.o("on");
                    b.o(r.pick(&days));
                    b.o(".");
                }
                9 => {
                    b.ent(c1, Kind::Org);
                    b.o("will");
                    b.o("meet");
                    b.ent(c2, Kind::Org);
                    b.o("in the final in");
                    b.ent(r.pick(nm.places), Kind::Loc);
                    b.o("on");
                    b.o(r.pick(&days));
                    b.o(".");
                }
                10 => {
                    b.o("In");
                    b.ent(r.pick(nm.places), Kind::Loc);
                    b.o(",");
                    b.ent(c1, Kind::Org);
                    b.o("beat");
                    b.ent(c2, Kind::Org);
                    b.o(&format!("{}-{}", 60 + r.next(50), 60 + r.next(50)));
                    b.o(".");
                }
                _ => {
                    b.o("The");
                    b.ent(c1, Kind::Org);
                    b.o(r.pick(&["have won", "have lost", "host"]));
                    b.o(r.pick(&["four", "six", "the"]));
                    b.o("games");
                    b.o("against");
                    b.o("the");
                    b.ent(c2, Kind::Org);
                    b.o(".");
                }
            }
            out.push(b.done());
        }
        ranges.push(start..out.len());
    }
    (out, ranges)
}
