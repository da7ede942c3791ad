//! Speaker resolution: links a source span to an article entity. Names are
//! looked up among the entity mentions inside the span; pronouns and definite
//! role nominals ("the senator") go to the previous attribution's speaker or the
//! most recent compatible person mention, preferring the subject of the
//! preceding sentence.

use crate::gender::{entity_genders, pronoun_gender, Gender};
use crate::names::TITLES;
use rashomon_model::{AnalyzedText, DocEntity, EntityMention, EntityType, Span, Token, TokenKind};

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "i"];

/// Role nouns and the titles they refer back to.
fn role_matches(role: &str, title: &str) -> bool {
    role == title
        || matches!(
            (role, title),
            ("senator", "sen.")
                | ("governor", "gov.")
                | ("representative", "rep.")
                | ("congressman", "rep.")
                | ("congresswoman", "rep.")
                | ("general", "gen.")
                | ("doctor", "dr.")
        )
}

/// `ATTRIB_DEBUG_RES=1`: one line per resolved source on stderr (error analysis).
fn debug() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ATTRIB_DEBUG_RES").is_some())
}

/// Lower-case words that may follow a speaker's name without making it a modifier
/// ("Trump earlier", "Clinton herself", "Sanders and his wife").
const NOT_HEAD_NOUN: &[&str] = &[
    "and",
    "or",
    "who",
    "to",
    "said",
    "says",
    "earlier",
    "later",
    "also",
    "again",
    "then",
    "now",
    "still",
    "too",
    "alone",
    "himself",
    "herself",
    "last",
    "this",
    "next",
    "today",
    "yesterday",
    "tonight",
    "once",
    "has",
    "had",
    "have",
    "is",
    "was",
    "will",
    "would",
    "could",
    "can",
    "did",
    "does",
    "had",
    "jr.",
    "sr.",
];

const PREPOSITIONS: &[&str] = &[
    "of", "at", "for", "from", "with", "in", "on", "by", "to", "about", "against", "over", "than",
    "like", "between", "toward", "towards", "under", "into",
];

fn starts_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Experiment switch: `ATTRIB_SPK_OFF=a,b` turns rules off (tuning only).
fn off(rule: &str) -> bool {
    static OFF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    OFF.get_or_init(|| std::env::var("ATTRIB_SPK_OFF").unwrap_or_default())
        .split(',')
        .any(|r| r == rule)
}

pub struct Resolver<'a> {
    text: &'a str,
    an: &'a AnalyzedText,
    mentions: &'a [EntityMention],
    entities: &'a [DocEntity],
    genders: Vec<Gender>,
}

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a str,
        an: &'a AnalyzedText,
        mentions: &'a [EntityMention],
        entities: &'a [DocEntity],
    ) -> Self {
        if debug() {
            eprintln!("RESDOC");
        }
        Resolver {
            text,
            an,
            mentions,
            entities,
            genders: entity_genders(text, an, mentions, entities),
        }
    }

    fn gender(&self, e: usize) -> Gender {
        self.genders.get(e).copied().unwrap_or(Gender::Unknown)
    }

    fn compatible(&self, e: usize, g: Gender) -> bool {
        g == Gender::Unknown || {
            let eg = self.gender(e);
            eg == Gender::Unknown || eg == g
        }
    }

    fn is_person(&self, m: &EntityMention) -> bool {
        m.entity_type == EntityType::Person
            && self
                .entities
                .get(m.entity)
                .is_none_or(|e| e.entity_type == EntityType::Person)
    }

    /// `prev` is the previous attribution's (source span, entity).
    pub fn resolve(&self, source: Span, prev: Option<(Span, usize)>) -> Option<usize> {
        let (e, rule) = self.resolve_why(source, prev);
        if debug() {
            let name = e
                .and_then(|e| self.entities.get(e))
                .map(|x| x.name.as_str());
            eprintln!(
                "RES\t{}\t{}\t{:?}\t{rule}\t{:?}",
                source.start,
                source.end,
                name.unwrap_or(""),
                source.slice(self.text)
            );
        }
        e
    }

    /// The entity and the name of the rule that chose it (for `ATTRIB_DEBUG_RES`).
    fn resolve_why(
        &self,
        source: Span,
        prev: Option<(Span, usize)>,
    ) -> (Option<usize>, &'static str) {
        if self.entities.is_empty() {
            return (None, "none");
        }
        if let Some(e) = self.name_head(source) {
            return (e, "inside");
        }
        let words: Vec<String> = source
            .slice(self.text)
            .split_whitespace()
            .map(rashomon_text::fold)
            .collect();
        let persons: Vec<&EntityMention> = self
            .mentions
            .iter()
            .filter(|m| {
                self.is_person(m) && m.span.end <= source.start && m.entity < self.entities.len()
            })
            .collect();
        if words.len() == 1 && PERSON_PRONOUNS.contains(&words[0].as_str()) {
            return self.pronoun(source, pronoun_gender(&words[0]), prev, &persons);
        }
        // "the senator": the last person introduced with that title.
        if words.len() == 2 && words[0] == "the" {
            let role = words[1].as_str();
            for m in persons.iter().rev() {
                let before = self.text.get(..m.span.start).unwrap_or("");
                let title = before
                    .split_whitespace()
                    .next_back()
                    .map(rashomon_text::fold);
                let name_title = self
                    .text
                    .get(m.span.range())
                    .and_then(|s| s.split_whitespace().next())
                    .map(rashomon_text::fold);
                let hit = [title, name_title]
                    .into_iter()
                    .flatten()
                    .any(|t| TITLES.contains(&t.as_str()) && role_matches(role, &t));
                if hit {
                    return (Some(m.entity), "role");
                }
            }
        }
        (None, "none")
    }

    /// A he/she/him/her/I source: the previous speaker, unless a new person became the
    /// subject since; else the subject of the preceding sentence; else the latest person.
    fn pronoun(
        &self,
        source: Span,
        g: Gender,
        prev: Option<(Span, usize)>,
        persons: &[&EntityMention],
    ) -> (Option<usize>, &'static str) {
        let persons: Vec<&EntityMention> = persons
            .iter()
            .copied()
            .filter(|m| self.compatible(m.entity, g))
            .collect();
        let Some(cur) = self.an.sentence_at(source.start) else {
            return (None, "nosent");
        };
        let prev = prev.filter(|&(ps, e)| {
            self.sentence_gap(ps.start, source.start) <= 2
                && self.compatible(e, g)
                && self
                    .entities
                    .get(e)
                    .is_some_and(|x| x.entity_type == EntityType::Person)
                // "She replied … he said": a pronoun of the other gender is someone else.
                && (off("pgender") || {
                    let pg = pronoun_gender(&rashomon_text::fold(ps.slice(self.text)));
                    pg == Gender::Unknown || g == Gender::Unknown || pg == g
                })
        });
        if let Some((ps, e)) = prev {
            // A person made the subject after the previous speaker takes over ("… Jon
            // Favreau published a column. Then there's Axelrod. “…,” he wrote").
            if !off("newsubj") {
                let from = self.an.sentence_at(ps.start).unwrap_or(cur);
                for k in (from + 1..=cur).rev() {
                    if let Some(m) = self.subject(k, source.start, &persons) {
                        if m.entity != e {
                            return (Some(m.entity), "newsubj");
                        }
                        break;
                    }
                }
            }
            return (Some(e), "prev");
        }
        if cur > 0 {
            if off("subj2") {
                let ps = &self.an.sentences[cur - 1];
                if let Some(m) = persons
                    .iter()
                    .find(|m| ps.span.contains(m.span) && m.span.start < ps.span.start + 40)
                {
                    return (Some(m.entity), "subject");
                }
            } else if let Some(m) = self.subject(cur - 1, source.start, &persons) {
                return (Some(m.entity), "subject");
            }
        }
        (persons.last().map(|m| m.entity), "recent")
    }

    /// The subject-like person of sentence `k` among `persons`: the first one within its
    /// first eight tokens that is not a modifier (`Obama's`, `Obama speechwriter Jon
    /// Favreau`) nor after a preposition, ending before `before`.
    fn subject<'m>(
        &self,
        k: usize,
        before: usize,
        persons: &[&'m EntityMention],
    ) -> Option<&'m EntityMention> {
        let s = self.an.sentences.get(k)?;
        let toks = self.an.tokens.get(s.tokens.clone())?;
        let limit = toks.get(8).map_or(s.span.end, |t| t.span.start);
        let lo = persons.partition_point(|m| m.span.start < s.span.start);
        for m in persons.get(lo..)? {
            if m.span.start >= limit || m.span.end > before {
                return None;
            }
            let sl = m.span.slice(self.text);
            let i = toks.partition_point(|t| t.span.start < m.span.start);
            let prev_w = i.checked_sub(1).and_then(|j| toks.get(j));
            let after_prep =
                prev_w.is_some_and(|t| PREPOSITIONS.contains(&t.span.slice(self.text)));
            let j = toks.partition_point(|t| t.span.start < m.span.end);
            let next = toks.get(j).map(|t| t.span.slice(self.text));
            let possessive =
                sl.ends_with("'s") || sl.ends_with("’s") || matches!(next, Some("'s" | "’s"));
            // "Obama speechwriter Jon Favreau": lower-case words, then another name.
            let modifier = toks.get(j..j + 3).is_some_and(|w| {
                w.iter()
                    .take_while(|t| starts_lower(t.span.slice(self.text)))
                    .count()
                    >= 1
                    && persons.iter().any(|o| {
                        o.span.start > m.span.end
                            && w.iter().any(|t| {
                                t.span.end == o.span.start.saturating_sub(1)
                                    || t.span.end + 1 == o.span.start
                            })
                    })
            });
            if !possessive && !after_prep && !modifier {
                return Some(m);
            }
        }
        None
    }

    /// The entity a source names: `Some(None)` when its names only modify another head
    /// (`a top Donald Trump adviser`, `Clinton's campaign`), `None` when it names no one.
    fn name_head(&self, source: Span) -> Option<Option<usize>> {
        let inside = |end: usize| {
            self.mentions
                .iter()
                .filter(move |m| {
                    source.contains(m.span) && m.span.end <= end && m.entity < self.entities.len()
                })
                .max_by_key(|m| (self.is_person(m), m.span.start))
        };
        // The head comes before an appositive or a complement: "Sanders, who … Canova's
        // behalf,", "Chris Christie – a Dallas Cowboys fan –", "Goldberg of the National Review".
        let cut_tok = self.first_cut(source);
        let cut = cut_tok.map_or(source.end, |t| t.span.start);
        // "A top strategist, John Weaver," names its head in the appositive (before the
        // appositive's own complement: "Another pollster, David Woodard of Clemson University").
        let appositive = cut_tok
            .filter(|t| t.kind == TokenKind::Punct)
            .and_then(|t| {
                let rest = Span::new(t.span.end, source.end);
                let end = self.first_cut(rest).map_or(source.end, |c| c.span.start);
                self.mentions.iter().find(|m| {
                    rest.contains(m.span) && m.span.end <= end && m.entity < self.entities.len()
                })
            });
        // A name only after the cut is the head when what comes before it is a title
        // ("Secretary of State John Kerry"), not a lower-case noun ("a spokesman for Clinton").
        let m = match inside(cut) {
            Some(m) => m,
            None => {
                let lower_head = self
                    .tokens_in(Span::new(source.start, cut))
                    .iter()
                    .map(|t| t.span.slice(self.text))
                    .any(|w| {
                        w.chars().next().is_some_and(char::is_lowercase)
                            && !matches!(
                                w,
                                "the" | "a" | "an" | "former" | "then" | "acting" | "late"
                            )
                    });
                if let Some(a) = appositive {
                    a
                } else if lower_head || cut_tok.is_some_and(|t| t.kind == TokenKind::Punct) {
                    // An unknown head ("Dennis B. Ross, a former adviser to Mr. Obama").
                    inside(source.end)?;
                    return Some(None);
                } else {
                    inside(source.end)?
                }
            }
        };
        // A name followed by a lower-case noun (or a possessive) is a modifier: "Trump aide
        // Hope Hicks" has a later name as its head, "a Trump adviser" has none.
        let sl = m.span.slice(self.text);
        let next = self
            .tokens_in(Span::new(
                m.span.end,
                if m.span.end <= cut { cut } else { source.end },
            ))
            .first()
            .map(|t| t.span.slice(self.text));
        let modifier = sl.ends_with("'s")
            || sl.ends_with("’s")
            || matches!(next, Some("'s" | "’s"))
            || next.is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !w.ends_with("ly")
                    && !NOT_HEAD_NOUN.contains(&w)
            });
        Some((!modifier).then_some(m.entity))
    }

    /// The first token of `s` (after its first) that ends a name's head: an appositive's
    /// punctuation, a preposition or a relative pronoun.
    fn first_cut(&self, s: Span) -> Option<&Token> {
        self.tokens_in(s).iter().skip(1).find(|t| {
            let w = t.span.slice(self.text);
            matches!(w, "," | "–" | "—" | "―" | "(" | ";" | ":")
                || matches!(
                    w,
                    "of" | "at"
                        | "for"
                        | "from"
                        | "with"
                        | "in"
                        | "on"
                        | "by"
                        | "to"
                        | "who"
                        | "whose"
                )
        })
    }

    fn tokens_in(&self, s: Span) -> &[Token] {
        let toks = &self.an.tokens;
        let a = toks.partition_point(|t| t.span.start < s.start);
        let b = toks.partition_point(|t| t.span.end <= s.end);
        toks.get(a..b.max(a)).unwrap_or(&[])
    }

    fn sentence_gap(&self, a: usize, b: usize) -> usize {
        match (self.an.sentence_at(a), self.an.sentence_at(b)) {
            (Some(x), Some(y)) => y.saturating_sub(x),
            _ => usize::MAX,
        }
    }
}
