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

/// Head nouns of definite descriptions that stand for one person ("the former ambassador");
/// not "the spokesman" or "the aide", who speak for the salient person rather than being them.
const ROLE_NOUNS: &[&str] = &[
    "senator",
    "governor",
    "president",
    "candidate",
    "nominee",
    "congressman",
    "congresswoman",
    "lawmaker",
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "ambassador",
    "secretary",
    "minister",
    "leader",
    "chairman",
    "chairwoman",
    "director",
    "democrat",
    "republican",
    "front-runner",
    "frontrunner",
    "speaker",
    "judge",
    "justice",
    "mayor",
    "host",
    "attorney",
    "lawyer",
    "professor",
    "activist",
    "executive",
    "founder",
    "commander",
    "pastor",
    "politician",
    "incumbent",
    "challenger",
    "actor",
    "actress",
    "general",
    "chancellor",
    "envoy",
    "diplomat",
    "economist",
    "author",
];

/// Modifiers of a role nominal that say nothing about which person it is ("the former
/// president").
const GENERIC_MODIFIERS: &[&str] = &[
    "former",
    "then",
    "current",
    "late",
    "outgoing",
    "new",
    "longtime",
    "two-term",
    "first-term",
    "sitting",
    "embattled",
    "presumptive",
    "likely",
    "eventual",
    "veteran",
    "retired",
];

/// Words opening a fronted subordinate clause ("As he spoke, Trump …").
const SUBORDINATORS: &[&str] = &[
    "as", "when", "while", "after", "before", "although", "though", "since", "because", "if",
    "once", "until", "whenever",
];

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
        let mut persons: Vec<&EntityMention> = self
            .mentions
            .iter()
            .filter(|m| {
                self.is_person(m) && m.span.end <= source.start && m.entity < self.entities.len()
            })
            .collect();
        persons.sort_by_key(|m| m.span.start);
        if words.len() == 1 && PERSON_PRONOUNS.contains(&words[0].as_str()) {
            return self.pronoun(source, pronoun_gender(&words[0]), prev, &persons);
        }
        // "the senator", "the Vermont senator", "the billionaire businessman".
        if (2..=5).contains(&words.len()) && words[0] == "the" {
            let role = words[words.len() - 1].as_str();
            if let Some(e) = self.role_title(&words[1..], &persons) {
                return (Some(e), "role");
            }
            // A person noun with no matching title: the speaker just talked about, as for
            // a pronoun ("McConnell … The Kentucky Republican said").
            // Not "the state's governor" (someone else's role) nor "the Russian leader" (a
            // nationality marks a person the article has not been talking about).
            let foreign = words[1..words.len() - 1].iter().any(|w| {
                w.ends_with("'s") || w.ends_with("ian") || w.ends_with("ese") || w.ends_with("ish")
            });
            if ROLE_NOUNS.contains(&role) && !foreign {
                let g = crate::gender::title_gender(role);
                let (e, _) = self.pronoun(source, g, prev, &persons);
                return (e, "role-salient");
            }
        }
        (None, "none")
    }

    /// The latest person introduced with a title the role noun refers back to.
    fn role_title(&self, nominal: &[String], persons: &[&EntityMention]) -> Option<usize> {
        let role = nominal.last().map_or("", String::as_str);
        persons.iter().rev().find_map(|m| {
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
            // "the Ohio governor" is not "Florida Gov. Jeb Bush": the nominal's place or
            // party words must be next to the name ("Gov. John Kasich of Ohio").
            let mods = nominal.split_last().map_or(&[][..], |x| x.1);
            let after = self.text.get(m.span.end..).unwrap_or("");
            let near: Vec<String> = before
                .split_whitespace()
                .rev()
                .take(4)
                .chain(after.split_whitespace().take(3))
                .map(|w| rashomon_text::fold(w.trim_end_matches([',', '.', ')'])))
                .collect();
            let titled = [title, name_title]
                .into_iter()
                .flatten()
                .any(|t| TITLES.contains(&t.as_str()) && role_matches(role, &t))
                && mods
                    .iter()
                    .all(|x| GENERIC_MODIFIERS.contains(&x.as_str()) || near.contains(x));
            (titled || self.appositive_role(m, nominal)).then_some(m.entity)
        })
    }

    /// "Sanders, a Vermont senator," for "the Vermont senator": a short appositive right
    /// after the name that ends with the role noun and holds the nominal's modifiers.
    fn appositive_role(&self, m: &EntityMention, nominal: &[String]) -> bool {
        let Some((role, mods)) = nominal.split_last() else {
            return false;
        };
        let after = self.text.get(m.span.end..).unwrap_or("");
        let Some(rest) = after.strip_prefix(", ") else {
            return false;
        };
        let mut words: Vec<String> = Vec::new();
        for w in rest.split_whitespace().take(6) {
            let f = rashomon_text::fold(w);
            let end = f.ends_with(',');
            words.push(f.trim_end_matches(',').to_string());
            if end {
                break;
            }
        }
        ROLE_NOUNS.contains(&role.as_str())
            && matches!(words.first().map(String::as_str), Some("a" | "an" | "the"))
            && words.last() == Some(role)
            && mods.iter().all(|x| words.contains(x))
    }

    /// A he/she/him/her/I source: the previous speaker (further back than two sentences
    /// only while no other compatible person is named); else the subject of the preceding
    /// sentence; else a recent person known to have the pronoun's gender; else the latest.
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
        // "As he spoke …, Trump said": a pronoun in a fronted subordinate clause is the
        // main clause's subject named after the comma.
        if g != Gender::Unknown {
            if let Some(e) = self.cataphora(source, cur, g) {
                return (Some(e), "cataphora");
            }
        }
        let prev = prev.filter(|&(ps, e)| {
            (self.sentence_gap(ps.start, source.start) <= 2
                    // Further back only when no other person it could be was named since.
                    || !persons
                        .iter()
                        .any(|m| m.span.start >= ps.end && m.entity != e))
                && self.compatible(e, g)
                && self
                    .entities
                    .get(e)
                    .is_some_and(|x| x.entity_type == EntityType::Person)
                // "She replied … he said": a pronoun of the other gender is someone else.
                && {
                    let pg = pronoun_gender(&rashomon_text::fold(ps.slice(self.text)));
                    pg == Gender::Unknown || g == Gender::Unknown || pg == g
                }
        });
        if let Some((_, e)) = prev {
            return (Some(e), "prev");
        }
        // The subject of the preceding sentence: its first person mention near the start.
        if let Some(ps) = cur.checked_sub(1).and_then(|k| self.an.sentences.get(k)) {
            if let Some(m) = persons
                .iter()
                .find(|m| ps.span.contains(m.span) && m.span.start < ps.span.start + 40)
            {
                return (Some(m.entity), "subject");
            }
        }
        // A person known to have the pronoun's gender before one of unknown gender (a
        // capitalised place or group is never known): "Michelle F. Tanzer … the National
        // Club Association … what she said".
        if g != Gender::Unknown {
            let lo = persons.len().saturating_sub(4);
            if let Some(m) = persons[lo..]
                .iter()
                .rev()
                .find(|m| self.gender(m.entity) == g)
            {
                return (Some(m.entity), "recent-g");
            }
        }
        (persons.last().map(|m| m.entity), "recent")
    }

    /// "After he blasted …, Pastor Kevin Swanson said": the name after the clause's comma.
    fn cataphora(&self, source: Span, cur: usize, g: Gender) -> Option<usize> {
        let s = self.an.sentences.get(cur)?;
        let toks = self.an.tokens.get(s.tokens.clone())?;
        let first = toks.first()?.span.slice(self.text);
        if !SUBORDINATORS.contains(&rashomon_text::fold(first).as_str()) {
            return None;
        }
        // The pronoun right after the subordinator, then the first comma, then a name.
        let i = toks.iter().position(|t| t.span.start == source.start)?;
        if i != 1 {
            return None;
        }
        let comma = toks[i..]
            .iter()
            .position(|t| t.span.slice(self.text) == ",")?
            + i;
        let after = toks.get(comma + 1)?;
        self.mentions
            .iter()
            .find(|m| {
                m.span.start >= after.span.start
                    && m.span.start <= after.span.end + 12
                    && m.span.end <= s.span.end
                    && self.is_person(m)
                    && m.entity < self.entities.len()
            })
            .map(|m| m.entity)
            .filter(|&e| self.compatible(e, g))
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

#[cfg(test)]
#[path = "speaker_tests.rs"]
mod tests;
