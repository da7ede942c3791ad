//! Gender of person entities, for pronoun agreement: first names of the aliases,
//! honorifics and gendered titles before a mention (`Mr.`, `congresswoman`), and
//! the he/she pronouns of sentences that mention only that person.

use rashomon_model::{AnalyzedText, DocEntity, EntityMention, EntityType, TokenKind};

/// Common first names by gender, to keep "she" off "Donald Trump": space-separated
/// (searched once per alias, when the resolver is built).
const FEMALE: &str =
    "hillary melania melanie nancy elizabeth sarah kellyanne huma ivanka chelsea theresa \
    angela marine jill carly michelle susan mary karen lisa ann anne jane kate laura linda \
    barbara patricia jennifer maria donna debbie dianne claire amy kamala tulsi nikki megyn \
    hope loretta janet sonia ruth elena samantha valerie madeleine stephanie gennifer paula \
    jessica rachel emily hannah olivia julia sara victoria ava heidi marsha kirsten tammy \
    maxine catherine katherine christine margaret helen alice betsy cindy judy abigail \
    adriana alexandra alexis alison allison alyssa amanda andrea angelina anita ashley \
    audrey beatrice becky bernadette beth betty beverly bonnie brenda brittany candace carla \
    carmen carol caroline carolyn cassandra cecilia charlotte cheryl christina cynthia \
    danielle deborah denise diana diane dolores doris dorothy eileen elaine eleanor ella \
    ellen emma erica erin esther eva evelyn faith fiona florence frances gabrielle gail gina \
    gloria grace gwen heather holly irene isabel isabella jacqueline jasmine jean jeanne \
    jenna jenny joan joanna joanne jocelyn josephine joy joyce judith julie june kathleen \
    kathryn kathy katie kay kimberly kristen kristin lauren leah lillian lily lois lori \
    lorraine louise lucy madison marcia marie marilyn martha megan melissa meredith mia \
    michele mildred miriam molly monica natalie nicole nina nora norma pamela peggy penny \
    phyllis priscilla rebecca regina renee rita roberta rosa rose rosemary roxanne sabrina \
    sally sandra shannon sharon sheila shirley sophia stacy sue suzanne sylvia tara teresa \
    tiffany tina tracy ursula vanessa vera veronica virginia vivian wanda wendy whitney \
    yolanda yvonne zoe liz patty meg nan deb barb gretchen";
const MALE: &str =
    "donald barack bernie ted marco jeb mike john joe paul chris ben rand mitt bill george \
    james robert michael david richard tim tom gary rudy newt reince jason harry mitch chuck \
    eric kevin scott steve vladimir bashar benjamin justin boris jeff robby corey sean bob \
    jim martin al andrew anthony peter mark matt ryan brian frank charles dan daniel josh \
    jon jonathan adam nick jack larry ron rick roger ronald sam stephen thomas volodymyr \
    sergey sergei yury pete william kenneth jared lindsey orrin jerry franklin xi emmanuel \
    francois recep aaron abraham alan albert alex alexander alfred alvin arnold arthur barry \
    bernard billy bobby bradley brandon brent brett bruce bryan byron calvin carl carlos \
    cecil charlie christopher clarence claude clifford clint colin curtis darrell darren \
    dave dennis derek desmond dick dominic don donovan doug duane dustin dwight ed eddie \
    edgar edward edwin elijah elliot ernest eugene evan felix fernando floyd fred freddie \
    frederick gabriel gene geoffrey gerald gilbert greg gregory guy hank harold harvey \
    hector herbert herman hugh hugo ian isaac ivan jacob jake jay jeffrey jeremy jesse jimmy \
    joel johnny jorge jose joseph joshua juan julian keith ken kurt lance lawrence leo leon \
    leonard leroy louis lucas luis luke malcolm manuel mario marvin maurice max melvin \
    miguel mitchell nathan nathaniel neil nicholas noah norman oliver oscar otis patrick \
    phil philip phillip preston quentin ralph randall randy ray raymond reggie ricardo ricky \
    rod rodney roland roy salvador samuel sergio seth shane shawn sidney simon stanley \
    stuart terry theodore todd tony trevor troy tyler vernon victor vincent walter wesley \
    willie zachary";

#[derive(PartialEq, Eq, Clone, Copy, Debug)]
pub(crate) enum Gender {
    Male,
    Female,
    Unknown,
}

pub(crate) fn pronoun_gender(p: &str) -> Gender {
    match p {
        "he" | "him" | "his" | "himself" => Gender::Male,
        "she" | "her" | "hers" | "herself" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Words right before a name that mark its gender (`Mr. Sanders`, `spokeswoman Hope Hicks`).
pub(crate) fn title_gender(w: &str) -> Gender {
    match w {
        "mr." | "mr" | "congressman" | "spokesman" | "chairman" | "businessman" | "husband"
        | "father" | "son" | "brother" | "king" | "prince" | "sir" | "uncle" | "grandfather" => {
            Gender::Male
        }
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "congresswoman" | "spokeswoman" | "chairwoman"
        | "businesswoman" | "wife" | "mother" | "daughter" | "sister" | "queen" | "princess"
        | "lady" | "actress" | "widow" | "aunt" | "grandmother" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// One gender per entity (`Unknown` for non-persons, for no or mixed evidence, and for an
/// entity whose aliases carry both a male and a female first name: two people merged).
pub(crate) fn entity_genders(
    text: &str,
    an: &AnalyzedText,
    mentions: &[EntityMention],
    entities: &[DocEntity],
) -> Vec<Gender> {
    let n = entities.len();
    let mut by_name = vec![(false, false); n];
    // Votes (male, female): a title counts 3, a pronoun 1.
    let mut votes = vec![(0u32, 0u32); n];
    for (e, ent) in entities.iter().enumerate() {
        for a in std::iter::once(&ent.name).chain(ent.aliases.iter()) {
            if let Some(first) = a.split_whitespace().next().map(rashomon_text::fold) {
                by_name[e].0 |= MALE.split_whitespace().any(|n| n == first);
                by_name[e].1 |= FEMALE.split_whitespace().any(|n| n == first);
                add(&mut votes[e], title_gender(&first), 3);
            }
        }
    }
    let mut order: Vec<&EntityMention> = mentions.iter().filter(|m| m.entity < n).collect();
    order.sort_by_key(|m| m.span.start);
    for m in &order {
        let before = text.get(..m.span.start).unwrap_or("");
        // "spokeswoman Hope Hicks", "his wife, Melania": the last two words before the name.
        for w in before.split_whitespace().rev().take(2) {
            let w = rashomon_text::fold(w.trim_end_matches(','));
            add(&mut votes[m.entity], title_gender(&w), 3);
        }
    }
    // A sentence naming one person only: its later he/she (outside quotations) is that person.
    let mut k = 0;
    for s in &an.sentences {
        while k < order.len() && order[k].span.start < s.span.start {
            k += 1;
        }
        let mut j = k;
        let mut who: Option<usize> = None;
        let mut single = true;
        let mut first_end = usize::MAX;
        while j < order.len() && order[j].span.end <= s.span.end {
            let m = order[j];
            if m.entity_type == EntityType::Person {
                first_end = first_end.min(m.span.end);
                match who {
                    None => who = Some(m.entity),
                    Some(w) if w != m.entity => single = false,
                    _ => {}
                }
            }
            j += 1;
        }
        let Some(e) = who.filter(|_| single) else {
            continue;
        };
        let mut quoted = false;
        for t in an.tokens.get(s.tokens.clone()).unwrap_or(&[]) {
            let w = t.span.slice(text);
            if t.kind == TokenKind::Quote && (w.contains(['"', '“', '”']) || w == "''") {
                quoted = !quoted;
            } else if t.kind == TokenKind::Word && !quoted && t.span.start >= first_end {
                add(&mut votes[e], pronoun_gender(&rashomon_text::fold(w)), 1);
            }
        }
    }
    (0..n)
        .map(|e| {
            if entities[e].entity_type != EntityType::Person {
                return Gender::Unknown;
            }
            match by_name[e] {
                (true, true) => Gender::Unknown,
                (true, false) => Gender::Male,
                (false, true) => Gender::Female,
                (false, false) => {
                    let (m, f) = votes[e];
                    if m > 2 * f {
                        Gender::Male
                    } else if f > 2 * m {
                        Gender::Female
                    } else {
                        Gender::Unknown
                    }
                }
            }
        })
        .collect()
}

fn add(v: &mut (u32, u32), g: Gender, w: u32) {
    match g {
        Gender::Male => v.0 += w,
        Gender::Female => v.1 += w,
        Gender::Unknown => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::person_mentions;

    fn genders(text: &str) -> Vec<(String, Gender)> {
        let an = rashomon_text::analyze(text);
        let (m, e) = person_mentions(text, &an);
        let g = entity_genders(text, &an, &m, &e);
        e.into_iter().map(|x| x.name).zip(g).collect()
    }

    #[test]
    fn mixed_first_names_are_unknown() {
        // One entity per last name: Donald and Melania Trump merge, so neither pronoun is barred.
        let g = genders("Donald Trump spoke. Melania Trump listened.");
        assert_eq!(g, vec![("Melania Trump".to_string(), Gender::Unknown)]);
    }

    #[test]
    fn pronouns_of_a_lone_person_give_the_gender() {
        let g = genders("Ina Kirsch told reporters that she had met them twice. Zork Blat agreed.");
        assert_eq!(g[0], ("Ina Kirsch".to_string(), Gender::Female));
        assert_eq!(g[1], ("Zork Blat".to_string(), Gender::Unknown));
    }

    #[test]
    fn titles_give_the_gender() {
        let g = genders("The spokeswoman Zelda Quorn answered. Mr. Blat agreed.");
        assert_eq!(g[0].1, Gender::Female);
        assert_eq!(g[1].1, Gender::Male);
    }
}
