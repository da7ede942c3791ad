//! Cue frames whose content wraps around the cue and whose source is unexpressed or
//! comes after it: raising and passive predicates ("Yellen is widely expected to …",
//! "The event seemed …", "Sanders was declared the winner"), whose subject is the
//! content's first piece, and the `according to X` frame.

use crate::doc::Doc;
use crate::phrases::{
    clause_punct, comma_inside_closing_quote, content_end, dateline_end, extend_quote, is_comma,
    is_end_punct, is_finite_aux, right_np, speaker_appositive, trailing_adjunct, BOUNDARY,
    WRAP_CUES,
};
use crate::rules::Found;
use rashomon_model::TokenKind;

/// Whether the cue at `a` follows "and"/"but" directly (auxiliaries and adverbs aside):
/// a predicate coordinated with the clause's earlier one.
pub(crate) fn coordinated(d: &Doc, a: usize, ss: usize) -> bool {
    let mut k = a;
    while k > ss
        && (crate::phrases::SKIP_LEFT.contains(&d.word(k - 1))
            || d.word(k - 1).ends_with("ly") && !d.is_cap(k - 1))
    {
        k -= 1;
    }
    k > ss + 1 && matches!(d.word(k - 1), "and" | "but")
}

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "’s" | "'re" | "’re"
    )
}

/// Auxiliaries, negation and adverbs that may precede a raising or passive head.
fn is_aux_or_adverb(w: &str) -> bool {
    is_be(w)
        || is_finite_aux(w)
        || w.ends_with("n't")
        || w.ends_with("n’t")
        || (w.ends_with("ly") && w.len() > 3)
        || matches!(
            w,
            "do" | "not"
                | "also"
                | "still"
                | "now"
                | "often"
                | "long"
                | "already"
                | "never"
                | "always"
                | "once"
                | "best"
                | "better"
                | "well"
                | "most"
        )
}

/// Passive reporting participles whose subject is what is reported, not who reports
/// ("is widely expected to", "was declared the winner", "is seen as").
const PASSIVE_HEADS: &[&str] = &[
    "expected",
    "believed",
    "said",
    "reported",
    "rumored",
    "thought",
    "considered",
    "seen",
    "viewed",
    "regarded",
    "deemed",
    "known",
    "described",
    "declared",
    "projected",
    "predicted",
    "estimated",
    "alleged",
    "listed",
    "likely",
    "mentioned",
    "meant",
    "presented",
    "attributed",
    "labeled",
    "labelled",
    "billed",
    "dubbed",
    "touted",
    "portrayed",
    "characterized",
    "accused",
    "charged",
    "blamed",
    "named",
    "called",
    "suspected",
    "announced",
    "nominated",
    "criticized",
    "praised",
    "condemned",
    "ordered",
    "persuaded",
    "confirmed",
];

/// Whether the cue `a..=b` (its words joined by spaces: `cue_text`) wraps around its
/// content with no source of its own.
pub(crate) fn wrap_cue(d: &Doc, a: usize, b: usize, cue_text: &str) -> bool {
    if WRAP_CUES.contains(&cue_text) {
        return true;
    }
    // A "by" agent names the source ("was criticized by Republicans").
    if b + 1 < d.len() && d.word(b + 1) == "by" {
        return false;
    }
    let mut head = b;
    if head > a && matches!(d.word(head), "as" | "to" | "for" | "of" | "with") {
        head -= 1;
    }
    if !(a..head).all(|k| is_aux_or_adverb(d.word(k))) {
        return false;
    }
    let h = d.word(head);
    if matches!(
        h,
        "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared" | "seemingly"
    ) {
        return true;
    }
    PASSIVE_HEADS.contains(&h) && (a..head).any(|k| is_be(d.word(k)))
}

/// The subject before a wrap cue at `a` (sentence start `ss`) as a content piece:
/// the words back to clause punctuation or a boundary word; past a parenthetical
/// between commas ("The new Canadian government, headed by Justin Trudeau, seems"),
/// the noun phrase before it, keeping a noun appositive with its closing comma
/// ("the Philippines' recently elected president, Rodrigo Duterte, has been called").
pub(crate) fn wrap_subject(d: &Doc, a: usize, ss: usize) -> Option<(usize, usize)> {
    let back = |from: usize| {
        let mut cs = from;
        while cs > ss && !clause_punct(d, cs - 1) && !BOUNDARY.contains(&d.word(cs - 1)) {
            cs -= 1;
        }
        cs
    };
    let cs = back(a);
    if cs < a {
        // "It was reported that …": the expletive is not content.
        let expletive = a == cs + 1 && matches!(d.word(cs), "it" | "there");
        return (!expletive).then_some((cs, a - 1));
    }
    if a > ss && matches!(d.word(a - 1), "which" | "who") {
        // "…, which is expected to draw …": the relative pronoun is the content's subject.
        return Some((a - 1, a - 1));
    }
    if a < ss + 3 || !(is_comma(d, a - 1) && d.word(a - 1) == ",") {
        return None;
    }
    // The comma opening the parenthetical, within 30 tokens, no sentence punctuation between.
    let mut q = a - 1;
    while q > ss && a - q < 30 {
        q -= 1;
        if d.kinds[q] == TokenKind::Quote || matches!(d.word(q), "." | ";" | ":" | "?" | "!") {
            return None;
        }
        if d.word(q) == "," {
            break;
        }
    }
    if q <= ss || d.word(q) != "," || q + 1 >= a - 1 {
        return None;
    }
    let np = back(q);
    if np >= q {
        return None;
    }
    let w = d.word(q + 1);
    let noun_appositive = d.kinds[q + 1] == TokenKind::Number
        || matches!(
            w,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one"
        )
        || (d.is_cap(q + 1) && !w.ends_with("ing") && !w.ends_with("ed"));
    Some((np, if noun_appositive { a - 1 } else { q - 1 }))
}

/// `according to X`: the source follows the cue; the content is the clause before it
/// ("CONTENT, according to X."), with the rest of an interrupted clause as a second piece
/// ("The implication, according to the aide, is that …"), or the clause after it
/// ("According to X, CONTENT."), the source running to that comma.
pub(crate) fn according_to(
    d: &Doc,
    a: usize,
    b: usize,
    ss: usize,
    se: usize,
    right_limit: usize,
) -> Found {
    let mut f = Found::default();
    let mut src = right_np(d, b + 1, se);
    let mut after_src = src.map_or(b + 1, |x| x.1 + 1);
    // "“… time,” according to the news outlet.": the comma inside the quotation.
    let quote_before = a > ss + 2 && comma_inside_closing_quote(d, a - 1);
    if a > ss + 1 && (is_comma(d, a - 1) || quote_before) {
        // "CONTENT, according to X."
        let limit = if quote_before { a } else { a - 1 };
        let before = content_end(d, ss, limit).map(|e| (ss, e));
        f.content.extend(before);
        f.open_start = before;
        // "The implication, according to the aide, is that …": the clause goes on.
        if after_src + 1 < right_limit && is_comma(d, after_src) {
            let r = after_src + 1;
            let w = d.word(r);
            let relative = matches!(w, "who" | "which" | "whose" | "where" | "when" | "that")
                || w.ends_with("ing")
                || w.ends_with("ed");
            if !relative && !trailing_adjunct(d, r, right_limit) {
                if let Some(e) =
                    content_end(d, r, right_limit).filter(|&e| !speaker_appositive(d, r, e))
                {
                    f.content.push((r, extend_quote(d, e)));
                }
            }
        }
    } else {
        // "According to early results of exit polls conducted for the AP and television
        // networks, …": a sentence-initial source runs to the first comma.
        if !(after_src < se && is_comma(d, after_src)) && a <= ss + 2 {
            if let Some(c) = (b + 1..se.min(b + 30))
                .take_while(|&k| {
                    d.kinds[k] != TokenKind::Quote
                        && !matches!(d.word(k), "." | ";" | ":" | "?" | "!")
                })
                .find(|&k| d.word(k) == ",")
            {
                if c > b + 1 {
                    src = Some((b + 1, c - 1));
                    after_src = c;
                }
            }
        }
        if after_src < se && (is_comma(d, after_src) || d.word(after_src) == ":") {
            f.content.extend(
                content_end(d, after_src + 1, right_limit)
                    .map(|e| (after_src + 1, extend_quote(d, e))),
            );
        }
    }
    f.source = src;
    f.direct = f.content.iter().any(|c| d.kinds[c.0] == TokenKind::Quote);
    f
}

/// Whether a relative pronoun at `rel` before a cue-first speaker fills a gap in the
/// content starting at `c`: its subject ("which analysts say could be aiding …") or the
/// object of a naming verb ("what he called “…”", "which he described as …"); after a
/// preposition ("during which he said …") it is no part of the content.
pub(crate) fn relative_gap(d: &Doc, rel: usize, c: usize, direct: bool) -> bool {
    // "what she anticipated": a free relative is always the content's object or subject,
    // after a preposition too ("adapt to what she said is growing demand").
    if d.word(rel) == "what" {
        return true;
    }
    if rel > 0
        && matches!(
            d.word(rel - 1),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "by"
                | "with"
                | "from"
                | "for"
                | "of"
                | "to"
                | "about"
                | "through"
                | "under"
        )
    {
        return false;
    }
    // A relative "that" fills a gap only when an auxiliary follows ("that he said was …");
    // otherwise it is mostly the complementiser of another clause.
    let rel_word = d.word(rel);
    // "which they say left a vacuum": "which" and "who" before a past-tense verb too.
    let past = matches!(rel_word, "which" | "who") && {
        let w = d.word(c);
        w.len() > 3 && w.ends_with("ed") || matches!(w, "left" | "made" | "led" | "took" | "gave")
    };
    (direct && rel_word != "that") || is_finite_aux(d.word(c)) || d.word(c) == "as" || past
}

/// The quotation that goes on after a content-first attribution whose content is before the
/// cue (`rest`: first token after the cue and an inverted speaker): `, "Y."` right after,
/// or the next sentence opening with a quotation that has no cue of its own (an adjunct
/// quoting a title, `said on ABC's “This Week”`, does not stop it).
pub(crate) fn following_quote(
    d: &Doc,
    a: usize,
    rest: usize,
    se: usize,
    cues: &[(usize, usize)],
) -> Option<(usize, usize)> {
    let mut n = rest;
    while n < d.len() && (is_comma(d, n) || is_end_punct(d, n)) && d.para[n] == d.para[a] {
        n += 1;
    }
    // An adjunct with a title in quotes ("said on ABC's “This Week”") is no second piece.
    // A full stop before a quotation inside the same "sentence" ("told POLITICO in May.
    // “In one day …”", where the segmenter took "May." for an abbreviation) ends it.
    if n < se && d.quote_opening_at(n).is_none() {
        n = (n..se.saturating_sub(1))
            .take_while(|&k| d.kinds[k] != TokenKind::Quote)
            .find(|&k| d.word(k) == "." && d.quote_opening_at(k + 1).is_some())
            .map_or(se, |k| k + 1);
    }
    // The quotation may go on in the next paragraph when the attribution ends its own.
    let next_para_ok = n < d.len()
        && d.para[n] == d.para[a] + 1
        && n == se
        && (se == d.len() || d.para[se] != d.para[a]);
    if n >= d.len() || !(d.para[n] == d.para[a] || next_para_ok) {
        return None;
    }
    let q = d.quote_opening_at(n)?;
    let has_cue = cues
        .iter()
        .any(|c| c.0 > q.close && d.sent[c.0] == d.sent[q.close] || c.0 > n && c.0 < q.close);
    (!has_cue).then_some((q.open, q.close))
}

/// The quotation before an interrupting speaker at `x` whose cue opens another one:
/// `“That, unfortunately,” he said, “is …”`; from the sentence start for a mixed one,
/// `The “animosity …,” he told …`. (An unquoted lead, `On Friday, he said, “…”`, is
/// mostly left out by annotators: held-out content −0.12.)
pub(crate) fn interrupted_lead(
    d: &Doc,
    x: usize,
    ss: usize,
    cues: &[(usize, usize)],
) -> Option<(usize, usize)> {
    if x <= ss + 1 || !(is_comma(d, x - 1) || d.kinds[x - 1] == TokenKind::Quote) {
        return None;
    }
    if cues.iter().any(|c| c.0 >= ss && c.0 < x) {
        return None;
    }
    let mut k = x - 1;
    while k > ss && is_comma(d, k) {
        k -= 1;
    }
    let q = d.quote_closing_at(k).filter(|q| q.open >= ss)?;
    let st = dateline_end(d, ss);
    let mixed = q.open > st && (st..q.open).all(|i| d.kinds[i] != TokenKind::Quote);
    Some((if mixed { st } else { q.open }, q.close))
}

#[cfg(test)]
mod tests {
    use crate::doc::Doc;
    use crate::rules::resolve;

    /// Content pieces and source of the cue `cue` (its words) in `t`.
    fn run(t: &str, cue: &str) -> (Vec<String>, Option<String>) {
        let an = rashomon_text::analyze(t);
        let d = Doc::new(t, &an);
        let w: Vec<&str> = (0..d.len()).map(|i| d.word(i)).collect();
        let cw: Vec<&str> = cue.split(' ').collect();
        let a = (0..w.len())
            .find(|&i| w[i..].starts_with(&cw))
            .expect("cue in text");
        let b = a + cw.len() - 1;
        let f = resolve(&d, a, b, &[(a, b)]);
        let s = |(x, y): (usize, usize)| d.span(x, y).slice(t).to_string();
        (f.content.into_iter().map(s).collect(), f.source.map(s))
    }

    #[test]
    fn raising_and_passive_cues_wrap_their_subject() {
        let (c, s) = run(
            "The new Canadian government, headed by Justin Trudeau, seems ready to come on board.",
            "seems",
        );
        assert_eq!(c, ["The new Canadian government", "ready to come on board"]);
        assert_eq!(s, None);
        let (c, _) = run(
            "Yellen is widely expected to lay further ground work for a rate hike.",
            "is widely expected",
        );
        assert_eq!(c, ["Yellen", "to lay further ground work for a rate hike"]);
        // A "by" agent is the source.
        let (_, s) = run("The plan was criticized by Republicans.", "was criticized");
        assert!(s.is_some());
    }

    #[test]
    fn according_to_frames() {
        let (c, s) = run(
            "According to exit polls conducted for the AP and television networks, voters are angry.",
            "according to",
        );
        assert_eq!(c, ["voters are angry"]);
        assert_eq!(
            s.as_deref(),
            Some("exit polls conducted for the AP and television networks")
        );
        let (c, _) = run(
            "The implication, according to the aide, is that Clinton cheated.",
            "according to",
        );
        assert_eq!(c, ["The implication", "is that Clinton cheated"]);
    }

    #[test]
    fn interrupted_quotation_keeps_both_pieces() {
        let (c, s) = run(
            "“That, unfortunately,” he said, “is part of the reality.”",
            "said",
        );
        assert_eq!(c, ["“That, unfortunately,”", "“is part of the reality.”"]);
        assert_eq!(s.as_deref(), Some("he"));
    }

    #[test]
    fn fronted_relative_pronouns_fill_a_gap_only() {
        let (c, _) = run(
            "He met Bannon, who Beck on Wednesday called “a horrible human being.”",
            "called",
        );
        assert_eq!(c, ["who", "“a horrible human being.”"]);
        let (c, _) = run(
            "He held a rally, during which he said he would win.",
            "said",
        );
        assert_eq!(c, ["he would win"]);
    }

    #[test]
    fn passive_cue_with_agent_frames_like_according_to() {
        let (c, s) = run(
            "As reported by Western Journalism, investigators found 2,200 emails.",
            "reported",
        );
        assert_eq!(c, ["investigators found 2,200 emails"]);
        assert_eq!(s.as_deref(), Some("Western Journalism"));
    }

    #[test]
    fn a_coordinated_cue_shares_the_subject() {
        let (c, s) = run(
            "Obama praised Clinton at length and said she would finish the job.",
            "said",
        );
        assert_eq!(c, ["she would finish the job"]);
        assert_eq!(s.as_deref(), Some("Obama"));
    }
}
