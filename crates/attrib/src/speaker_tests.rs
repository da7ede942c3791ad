//! Unit tests of speaker resolution (one per rule), with `names::person_mentions` entities.
use super::*;
use crate::names::person_mentions;

/// Resolves the `nth` occurrence of `source` in `text`, with `prev` given as the
/// text of an earlier source and the name its entity must end with.
fn resolve(text: &str, source: &str, nth: usize, prev: Option<(&str, &str)>) -> String {
    let an = rashomon_text::analyze(text);
    let (m, e) = person_mentions(text, &an);
    let r = Resolver::new(text, &an, &m, &e);
    // Whole-word occurrences only ("he" not inside "She" or "The").
    let word = |i: usize| {
        let before = text[..i].chars().next_back();
        let after = text[i + source.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    };
    let at = text
        .match_indices(source)
        .map(|x| x.0)
        .filter(|&i| word(i))
        .nth(nth)
        .unwrap_or(0);
    let prev = prev.and_then(|(ps, name)| {
        let p = text.find(ps)?;
        let ent = e.iter().position(|x| x.name.ends_with(name))?;
        Some((Span::new(p, p + ps.len()), ent))
    });
    r.resolve(Span::new(at, at + source.len()), prev)
        .map(|i| e[i].name.clone())
        .unwrap_or_default()
}

#[test]
fn appositive_name_is_not_the_head() {
    let t = "Governor Chris Christie – a Dallas Cowboys fan – said he liked Denver.";
    assert_eq!(
        resolve(
            t,
            "Governor Chris Christie – a Dallas Cowboys fan –",
            0,
            None
        ),
        "Chris Christie"
    );
    let t = "Bernie Sanders won. Sanders, who campaigned for Tim Canova, said it was fine.";
    assert_eq!(
        resolve(t, "Sanders, who campaigned for Tim Canova,", 0, None),
        "Bernie Sanders"
    );
}

#[test]
fn name_inside_an_appositive_is_the_head() {
    let t = "The race tightened. A top strategist, John Weaver, said it was over.";
    assert_eq!(
        resolve(t, "A top strategist, John Weaver,", 0, None),
        "John Weaver"
    );
    let t = "Talks began. Secretary of State John Kerry said they would last.";
    assert_eq!(
        resolve(t, "Secretary of State John Kerry", 0, None),
        "John Kerry"
    );
}

#[test]
fn a_name_that_only_modifies_is_no_speaker() {
    let t = "Hillary Clinton spoke. A spokesman for Hillary Clinton said she was tired.";
    assert_eq!(resolve(t, "A spokesman for Hillary Clinton", 0, None), "");
    let t = "Donald Trump spoke. A top Donald Trump adviser said it went well.";
    assert_eq!(resolve(t, "A top Donald Trump adviser", 0, None), "");
    let t = "Donald Trump spoke. Trump aide Hope Hicks said it went well.";
    assert_eq!(resolve(t, "Trump aide Hope Hicks", 0, None), "Hope Hicks");
    let t = "Donald Trump spoke. Trump earlier said it went well.";
    assert_eq!(resolve(t, "Trump earlier", 0, None), "Donald Trump");
}

#[test]
fn a_pronoun_of_the_other_gender_is_not_the_previous_speaker() {
    // Bill and Hillary Clinton merge into one entity of unknown gender; "She" was the
    // previous source, so "he" is someone else.
    let t = "David Axelrod wrote to Hillary Clinton. Bill Clinton agreed. She replied to him. \
             But he also views her as a risk.";
    assert_eq!(
        resolve(t, "She", 0, Some(("She", "Clinton"))),
        "Hillary Clinton"
    );
    assert_eq!(
        resolve(t, "he", 0, Some(("She", "Clinton"))),
        "David Axelrod"
    );
}

#[test]
fn an_earlier_speaker_holds_while_no_one_else_is_named() {
    let t = "Carl Tobias met with his old friend Bob Smith on the hill. Smith left early. “It is late,” Tobias said. \
             The vote is near. Few expect a deal. Money is short. “It will pass,” he said.";
    assert_eq!(
        resolve(t, "he", 0, Some(("Tobias said", "Tobias"))),
        "Carl Tobias"
    );
}

#[test]
fn a_pronoun_in_a_fronted_clause_is_the_following_subject() {
    let t = "Jim Bopp spoke first at the hall. After he blasted the film on Sunday, Pastor \
             Kevin Swanson called for more action.";
    assert_eq!(
        resolve(t, "he", 0, Some(("Jim Bopp", "Bopp"))),
        "Pastor Kevin Swanson"
    );
}

#[test]
fn she_prefers_a_known_woman_over_a_capitalised_group() {
    let t = "Michelle Tanzer sits on the board. The National Club Association grew. \
             Clubs adapt to what she said is demand.";
    assert_eq!(resolve(t, "she", 0, None), "Michelle Tanzer");
}

#[test]
fn a_role_nominal_goes_to_the_salient_speaker() {
    let t = "Mitch McConnell criticized the plan. In a statement, the Kentucky Republican \
             dismissed it.";
    let got = resolve(
        t,
        "the Kentucky Republican",
        0,
        Some(("Mitch McConnell", "McConnell")),
    );
    assert_eq!(got, "Mitch McConnell");
    // A spokesman speaks for the salient person and is not that person.
    let t = "David Cameron spoke. The spokesman said talks would go on.";
    let got = resolve(t, "The spokesman", 0, Some(("David Cameron", "Cameron")));
    assert_eq!(got, "");
}

#[test]
fn a_role_nominal_matches_an_earlier_appositive() {
    let t = "Bernie Sanders, a Vermont senator, spoke on Monday. Hillary Clinton answered him \
             at length. Later the Vermont senator said he would stay in the race.";
    let got = resolve(
        t,
        "the Vermont senator",
        0,
        Some(("Hillary Clinton", "Clinton")),
    );
    assert_eq!(got, "Bernie Sanders");
}

#[test]
fn a_role_nominal_keeps_its_place_word() {
    let t = "Former Florida Gov. Jeb Bush spoke first at the debate. Ohio Gov. John Kasich \
             answered him. The crowd cheered loudly. Later the Ohio governor said he would stay.";
    assert_eq!(resolve(t, "the Ohio governor", 0, None), "John Kasich");
    let t = "Ohio Gov. John Kasich spoke first at the debate. Former Florida Gov. Jeb Bush \
             answered him. The crowd cheered loudly. Later the Ohio governor said he would stay.";
    assert_eq!(resolve(t, "the Ohio governor", 0, None), "John Kasich");
}

#[test]
fn a_role_nominal_place_word_may_follow_the_name() {
    let t = "Gov. John Kasich of Ohio spoke first at the debate. Former Florida Gov. Jeb Bush \
             answered him. The crowd cheered loudly. Later the Ohio governor said he would stay.";
    assert_eq!(resolve(t, "the Ohio governor", 0, None), "John Kasich");
}
