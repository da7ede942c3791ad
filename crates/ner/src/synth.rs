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

/// Schedules ("Chicago AT Houston"), standings rows ("Seattle 70 62 .530 4")
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
            match i % 3 {
                0 => {
                    b.upper = r.next(2) == 0;
                    club(&mut b, &mut r);
                    b.o("AT");
                    club(&mut b, &mut r);
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
