//! What the comparison must not claim: agreement where two reports only share common
//! words, and contradictions where they agree. Texts written for this test.

use rashomon::model::{Article, ConflictKind, Document, FactStatus, Story};

fn doc(id: &str, source: &str, text: &str) -> Document {
    rashomon::pipeline::analyze(Article {
        id: id.into(),
        source: source.into(),
        title: String::new(),
        text: text.into(),
        ..Default::default()
    })
}

fn compare(a: &str, b: &str) -> Story {
    let docs = [doc("a", "Ledger", a), doc("b", "Courier", b)];
    let refs: Vec<&Document> = docs.iter().collect();
    rashomon_compare::compare_story("t", &refs, &[])
}

fn count(story: &Story, status: FactStatus) -> usize {
    story.facts.iter().filter(|f| f.status == status).count()
}

#[test]
fn common_words_alone_are_no_corroboration() {
    let story = compare(
        "The council met for the first time this year. Few things changed after the vote. \
         Residents can follow the council on its website.",
        "The museum reopened its west wing this year after a long repair. Many things were \
         restored by volunteers. Visitors can follow the work online.",
    );
    assert_eq!(
        count(&story, FactStatus::Corroborated),
        0,
        "{:#?}",
        story.facts
    );
}

#[test]
fn the_same_claim_in_other_words_is_corroborated() {
    let story = compare(
        "The regional governor resigned on Monday after weeks of protests over the dam contract.",
        "Governor Halvorsen resigned Monday following weeks of street protests over the dam contract.",
    );
    assert_eq!(
        count(&story, FactStatus::Corroborated),
        1,
        "{:#?}",
        story.facts
    );
}

#[test]
fn figures_both_reports_give_are_no_conflict() {
    let story = compare(
        "The jobless rate in the province fell to 5.2%, from 5.4% a month earlier, the statistics office said.",
        "The province's jobless rate dropped to 5.2% from 5.4% in June, according to the statistics office.",
    );
    assert_eq!(count(&story, FactStatus::Conflict), 0, "{:#?}", story.facts);
    let story = compare(
        "The jobless rate in the province fell to 5.2%, from 5.4% a month earlier, the statistics office said.",
        "The province's jobless rate dropped to 4.9% from 5.4% in June, according to the statistics office.",
    );
    assert!(
        story
            .facts
            .iter()
            .any(|f| f.kind == Some(ConflictKind::Number)),
        "{:#?}",
        story.facts
    );
}

#[test]
fn figures_in_different_roles_are_no_conflict() {
    let story = compare(
        "The health agency is shortening the recommended isolation period from 14 days, offering two options, officials said.",
        "Under the new health agency rules, people can end their isolation period after seven days with a negative test.",
    );
    assert_eq!(count(&story, FactStatus::Conflict), 0, "{:#?}", story.facts);
}

#[test]
fn a_negation_of_something_else_is_no_polarity_conflict() {
    let story = compare(
        "The reform leaves intact loopholes that allow real estate developers to pay little or no tax on their profits.",
        "The senator has long protected tax breaks that matter to real estate developers and their investors.",
    );
    assert!(
        !story
            .facts
            .iter()
            .any(|f| f.kind == Some(ConflictKind::Polarity)),
        "{:#?}",
        story.facts
    );
}

#[test]
fn a_contracted_quote_is_no_altered_quote() {
    let story = compare(
        "“We have got to repair the bridge before winter,” Mayor Ilse Brandt said on Monday.",
        "“We’ve got to repair the bridge before winter,” Mayor Ilse Brandt told reporters.",
    );
    assert!(
        !story
            .facts
            .iter()
            .any(|f| f.kind == Some(ConflictKind::Quote)),
        "{:#?}",
        story.facts
    );
    assert_eq!(story.quotes.len(), 1, "{:#?}", story.quotes);
}
