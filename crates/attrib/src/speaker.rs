//! Speaker resolution: links a source span to an article entity. Names are
//! looked up among the entity mentions inside the span; pronouns and definite
//! role nominals ("the senator") go to the previous attribution's speaker or the
//! most recent compatible person mention, preferring the subject of the
//! preceding sentence.

use crate::names::TITLES;
use rashomon_model::{AnalyzedText, DocEntity, EntityMention, EntityType, Span};

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "i"];

/// Common first names by gender, to keep "she" off "Donald Trump".
const FEMALE: &[&str] = &[
    "hillary",
    "melania",
    "melanie",
    "nancy",
    "elizabeth",
    "sarah",
    "kellyanne",
    "huma",
    "ivanka",
    "chelsea",
    "theresa",
    "angela",
    "marine",
    "jill",
    "carly",
    "michelle",
    "susan",
    "mary",
    "karen",
    "lisa",
    "ann",
    "anne",
    "jane",
    "kate",
    "laura",
    "linda",
    "barbara",
    "patricia",
    "jennifer",
    "maria",
    "donna",
    "debbie",
    "dianne",
    "claire",
    "amy",
    "kamala",
    "tulsi",
    "nikki",
    "megyn",
    "hope",
    "loretta",
    "janet",
    "sonia",
    "ruth",
    "elena",
    "samantha",
    "valerie",
    "madeleine",
    "stephanie",
    "gennifer",
    "paula",
    "jessica",
    "rachel",
    "emily",
    "hannah",
    "olivia",
    "julia",
    "sara",
    "victoria",
    "ava",
    "heidi",
    "marsha",
    "kirsten",
    "tammy",
    "maxine",
    "nikki",
    "catherine",
    "katherine",
    "christine",
    "margaret",
    "helen",
    "alice",
    "betsy",
    "cindy",
    "judy",
];
const MALE: &[&str] = &[
    "donald",
    "barack",
    "bernie",
    "ted",
    "marco",
    "jeb",
    "mike",
    "john",
    "joe",
    "paul",
    "chris",
    "ben",
    "rand",
    "mitt",
    "bill",
    "george",
    "james",
    "robert",
    "michael",
    "david",
    "richard",
    "tim",
    "tom",
    "gary",
    "rudy",
    "newt",
    "reince",
    "jason",
    "harry",
    "mitch",
    "chuck",
    "eric",
    "kevin",
    "scott",
    "steve",
    "vladimir",
    "bashar",
    "benjamin",
    "justin",
    "boris",
    "jeff",
    "robby",
    "corey",
    "sean",
    "bob",
    "jim",
    "martin",
    "al",
    "andrew",
    "anthony",
    "peter",
    "mark",
    "matt",
    "ryan",
    "brian",
    "frank",
    "charles",
    "dan",
    "daniel",
    "josh",
    "jon",
    "jonathan",
    "adam",
    "nick",
    "jack",
    "larry",
    "ron",
    "rick",
    "roger",
    "ronald",
    "sam",
    "stephen",
    "thomas",
    "marco",
    "volodymyr",
    "sergey",
    "sergei",
    "yury",
    "pete",
    "william",
    "kenneth",
    "jared",
    "stephen",
    "lindsey",
    "orrin",
    "jerry",
    "franklin",
    "xi",
    "emmanuel",
    "francois",
    "recep",
];

#[derive(PartialEq, Eq, Clone, Copy)]
enum Gender {
    Male,
    Female,
    Unknown,
}

fn pronoun_gender(p: &str) -> Gender {
    match p {
        "he" | "him" => Gender::Male,
        "she" | "her" => Gender::Female,
        _ => Gender::Unknown,
    }
}

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

pub struct Resolver<'a> {
    text: &'a str,
    an: &'a AnalyzedText,
    mentions: &'a [EntityMention],
    entities: &'a [DocEntity],
}

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a str,
        an: &'a AnalyzedText,
        mentions: &'a [EntityMention],
        entities: &'a [DocEntity],
    ) -> Self {
        Resolver {
            text,
            an,
            mentions,
            entities,
        }
    }

    /// From the first names of its aliases, or a "Mr."/"Mrs."/"Ms." before a mention.
    fn gender(&self, e: usize) -> Gender {
        let Some(ent) = self.entities.get(e) else {
            return Gender::Unknown;
        };
        for a in std::iter::once(&ent.name).chain(ent.aliases.iter()) {
            if let Some(first) = a.split_whitespace().next().map(rashomon_text::fold) {
                if FEMALE.contains(&first.as_str()) || matches!(first.as_str(), "mrs." | "ms.") {
                    return Gender::Female;
                }
                if MALE.contains(&first.as_str()) || first == "mr." {
                    return Gender::Male;
                }
            }
        }
        for &mi in &ent.mentions {
            let Some(m) = self.mentions.get(mi) else {
                continue;
            };
            let before = self.text.get(..m.span.start).unwrap_or("");
            match before
                .split_whitespace()
                .next_back()
                .map(rashomon_text::fold)
                .as_deref()
            {
                Some("mrs." | "ms.") => return Gender::Female,
                Some("mr.") => return Gender::Male,
                _ => {}
            }
        }
        Gender::Unknown
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
        if self.entities.is_empty() {
            return None;
        }
        // A name inside the span: the last one is the head ("Trump aide Hope Hicks").
        let inside = self
            .mentions
            .iter()
            .filter(|m| source.contains(m.span) && m.entity < self.entities.len())
            .max_by_key(|m| (self.is_person(m), m.span.start));
        if let Some(m) = inside {
            return Some(m.entity);
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
            let g = pronoun_gender(&words[0]);
            let persons: Vec<&EntityMention> = persons
                .into_iter()
                .filter(|m| self.compatible(m.entity, g))
                .collect();
            if let Some((ps, e)) = prev {
                let gap = self.sentence_gap(ps.start, source.start);
                if gap <= 2
                    && self.compatible(e, g)
                    && self
                        .entities
                        .get(e)
                        .is_some_and(|x| x.entity_type == EntityType::Person)
                {
                    return Some(e);
                }
            }
            // Subject of the preceding sentence: its first person mention near the start.
            let cur = self.an.sentence_at(source.start)?;
            if cur > 0 {
                let ps = &self.an.sentences[cur - 1];
                if let Some(m) = persons
                    .iter()
                    .find(|m| ps.span.contains(m.span) && m.span.start < ps.span.start + 40)
                {
                    return Some(m.entity);
                }
            }
            return persons.last().map(|m| m.entity);
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
                    return Some(m.entity);
                }
            }
        }
        None
    }

    fn sentence_gap(&self, a: usize, b: usize) -> usize {
        match (self.an.sentence_at(a), self.an.sentence_at(b)) {
            (Some(x), Some(y)) => y.saturating_sub(x),
            _ => usize::MAX,
        }
    }
}
