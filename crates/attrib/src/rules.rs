//! Source and content spans around a tagged cue, by rules over a shallow view
//! of the sentence (punctuation, quotation regions, function words).
//! Conventions follow PolNeAR: content includes a leading "that" and the
//! quotation marks of a direct quote, excludes the sentence-final period of
//! indirect speech; the source is the speaker noun phrase as written.

use crate::doc::Doc;
use rashomon_model::TokenKind;

use crate::frames;
use crate::objects;
use crate::phrases::*;
pub use crate::phrases::{
    colon_furniture, dash_byline, left_np, right_np, speaker_colon, PRONOUNS,
};

#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Inclusive token ranges.
    pub source: Option<(usize, usize)>,
    pub content: Vec<(usize, usize)>,
    pub direct: bool,
    /// Cue-first indirect content `(start, end)` as found by the rules: the learned end
    /// model ([`crate::ends`]) may end it earlier.
    /// `(start, end, longest end)`.
    pub open_end: Option<(usize, usize, usize)>,
    /// Content-first clause `(start, end)` from the sentence start: the learned start
    /// model may drop introductory material.
    pub open_start: Option<(usize, usize)>,
    /// A cue coordinated with an earlier predicate ("… and said"): the previous cue's
    /// source in the sentence speaks.
    pub coordinated: bool,
}

/// Finds source and content for the cue at tokens `a..=b`. `cues` are all cue ranges of the article.
pub fn resolve(d: &Doc, a: usize, b: usize, cues: &[(usize, usize)]) -> Found {
    let s = d.sent[a];
    let sr = d.sents[s].clone();
    let (ss, se) = (sr.start, sr.end);
    let cue_text: String = (a..=b).map(|i| d.word(i)).collect::<Vec<_>>().join(" ");
    let mut f = Found::default();

    // Next cue in the same sentence bounds this one's content on the right.
    let next_cue = cues.iter().map(|c| c.0).filter(|&c| c > b && c < se).min();
    let right_limit = match next_cue {
        Some(c) => {
            // Cut before ", adding" / ", saying" / ", he had replied" / ", according to".
            let p = left_np(d, c, b + 1).map_or(c, |x| x.0);
            let mut e = p;
            while e > b + 1 && (is_comma(d, e - 1) || SKIP_LEFT.contains(&d.word(e - 1))) {
                e -= 1;
            }
            if e < p && is_comma(d, e) {
                e
            } else if p > b + 2 && comma_inside_closing_quote(d, p - 1) {
                // "… should “look for a psychiatrist,” according to Reuters": the
                // comma is inside the quotation, which stays with the content.
                p
            } else {
                se
            }
        }
        None => se,
    };

    if let Some(st) = (a == b).then(|| colon_speaker_start(d, a)).flatten() {
        f.source = Some((st, a - 1));
        if st > ss {
            // A digest item: the quotation after the colon is the content.
            if let Some(q) = d.quote_opening_at(a + 1).filter(|q| q.closed) {
                f.content.push((q.open, q.close));
                f.direct = true;
                return f;
            }
        }
        // The turn runs to the end of the paragraph.
        let mut e = a + 1;
        while e < d.len() && d.para[e] == d.para[a] {
            e += 1;
        }
        let mut last = e - 1;
        while last > a + 1 && is_end_punct(d, last) {
            last -= 1;
        }
        if last > a {
            f.content.push((a + 1, last));
        }
        return f;
    }

    if a == b && dash_byline(d, a) {
        f.source = right_np(d, b + 1, se);
        f.direct = true;
        match d.quote_closing_at(a - 1) {
            Some(q) => f.content.push((q.open, q.close)),
            None => {
                // Unmatched marks: the quotation is the paragraph up to the dash.
                let mut st = a - 1;
                while st > 0 && d.para[st - 1] == d.para[a] {
                    st -= 1;
                }
                f.content.push((st, a - 1));
            }
        }
        return f;
    }

    if cue_text == "according to" || (cue_text == "in" && a <= ss + 1) {
        return frames::according_to(d, a, b, ss, se, right_limit);
    }
    // "As reported by Western Journalism, investigators found …": a passive cue with its
    // agent, fronted or after a comma, frames its content like "according to".
    if b + 2 < se && d.word(b + 1) == "by" && d.word(b).ends_with("ed") {
        let a2 = if a > ss && d.word(a - 1) == "as" {
            a - 1
        } else {
            a
        };
        if a2 <= ss + 1 || is_comma(d, a2 - 1) {
            let mut f = frames::according_to(d, a2, b + 1, ss, se, right_limit);
            f.source = f.source.filter(|s| s.0 == b + 2);
            return f;
        }
    }

    if frames::wrap_cue(d, a, b, &cue_text) {
        f.content.extend(frames::wrap_subject(d, a, ss));
        if let Some(e) = content_end(d, b + 1, right_limit) {
            let e = extend_quote(d, e);
            f.content.push((b + 1, e));
            // The learned end ranker may end it earlier, as for cue-first content.
            let full =
                content_end_full(d, b + 1, right_limit).map_or(e, |x| extend_quote(d, x).max(e));
            f.open_end = Some((b + 1, e, full));
        }
        return f;
    }

    // Speaker on the left ("Trump said", "a source said").
    let mut lnp = left_np(d, a, ss);
    if let Some(np) = lnp {
        if let Some(t) = time_adjunct_start(d, np) {
            lnp = (t > np.0).then(|| (np.0, t - 1));
        }
    }
    // "Mrs. Clinton, analysts said, would be open …": a speaker between commas interrupts
    // the content; the name before it is no appositive of it.
    let interrupting = is_comma(d, b + 1) && d.quote_opening_at(b + 2).is_none();
    if let Some((j, hi)) = lnp.filter(|_| !interrupting) {
        if j > ss + 1 && is_comma(d, j - 1) && appositive_start(d, j) {
            // "Deborah Reynolds - his co-host - told": keep the name with its appositive.
            if let Some(name) = left_np(d, j - 1, ss) {
                if is_name_np(d, name) && name.1 + 2 == j {
                    lnp = Some((name.0, hi));
                }
            }
        }
    }
    // "Acknowledging that X, Trump said Y": a fronted participle's content ends at the
    // comma before the main clause, whose subject is the speaker.
    if a == ss && lnp.is_none() && d.word(a).ends_with("ing") {
        for c in cues.iter().filter(|c| c.0 > b + 2 && c.0 < se) {
            if let Some((x, y)) = left_np(d, c.0, b + 1) {
                if x > b + 2 && is_comma(d, x - 1) {
                    return resolve_participle(d, a, b, cues, x - 1, Some((x, y)));
                }
            }
        }
    }
    // "… by accusing", "after saying": the participle's subject is the main clause's.
    if a > ss
        && d.word(a).ends_with("ing")
        && matches!(
            d.word(a - 1),
            "by" | "after" | "before" | "while" | "without" | "despite" | "when" | "in" | "on"
        )
    {
        let subj = subject_np(d, ss, a - 1);
        if subj.is_some() {
            return resolve_participle(d, a, b, cues, right_limit, subj);
        }
    }
    // "Obama positioned Clinton as … and said …": a coordinated cue shares the clause's
    // subject (or the previous cue's source, in `extract_with`).
    if lnp.is_none() && frames::coordinated(d, a, ss) {
        let mut f = resolve_participle(d, a, b, cues, right_limit, subject_np(d, ss, a));
        f.coordinated = true;
        return f;
    }
    if lnp.is_none() && a > ss + 1 && is_comma(d, a - 1) {
        lnp = left_appositive(d, a - 1, ss);
        if lnp.is_none() && d.word(a).ends_with("ing") {
            // "..., adding": the subject of the main clause speaks.
            lnp = subject_np(d, ss, a);
            if lnp.is_some() {
                let f = resolve_participle(d, a, b, cues, right_limit, lnp);
                return f;
            }
        }
    }
    let before = lnp.map_or(a, |x| x.0);
    let after_cue_empty = content_end(d, b + 1, right_limit).is_none();
    // Inverted form: ", said Trump." or "“...,” said the source."
    // "Sens. X and Y, both up for reelection, also said they'd …": a clause with its own
    // subject after the cue means the speaker is before it, not after.
    let clause_follows = d.word(b + 1) == "that"
        || (matches!(
            d.word(b + 1),
            "he" | "she" | "they" | "we" | "i" | "it" | "there"
        ) && b + 2 < se
            && !is_comma(d, b + 2)
            && !is_end_punct(d, b + 2));
    let inverted = lnp.is_none()
        && a > ss
        && !clause_follows
        && (is_comma(d, a - 1) || d.kinds[a - 1] == TokenKind::Quote)
        // ", referring to X" is a participle sharing the previous speaker, never inverted.
        && !d.word(a).ends_with("ing");
    // After a plain comma only reporting verbs invert ("…, said Trump"); "Hundreds of
    // delegates, a sign of …, have endorsed Clinton" has its long subject before the
    // comma (PolNeAR train: other cues after a comma take the following noun phrase as
    // speaker wrongly about five times in six).
    let comma_only = a > ss + 1 && is_comma(d, a - 1) && d.quote_closing_at(a - 2).is_none();
    if inverted && comma_only && !INVERTING.contains(&d.word(b)) {
        if let Some(subject) = long_subject(d, ss, a - 1) {
            lnp = Some(subject);
        }
    }
    if lnp.is_none() && clause_follows && a > ss + 1 && is_comma(d, a - 1) {
        lnp = long_subject(d, ss, a - 1).map(|(st, e)| {
            // "…officials, however, said": the sentence adverb is not the speaker's.
            if e > st + 2
                && matches!(d.word(e - 1), "however" | "meanwhile" | "though" | "too")
                && is_comma(d, e - 2)
            {
                (st, e - 3)
            } else {
                (st, e)
            }
        });
    }
    let inverted = inverted && lnp.is_none();
    let mut rnp = if inverted {
        right_np(d, b + 1, se)
    } else {
        None
    };
    // "said Megan Greene, chief economist at Manulife." keeps the appositive.
    if let Some((x, y)) = rnp {
        if y + 2 < se
            && is_comma(d, y + 1)
            && appositive_start(d, y + 2)
            && (y + 2..se).all(|k| d.kinds[k] != TokenKind::Quote)
        {
            if let Some(e) = content_end(d, y + 2, right_limit) {
                rnp = Some((x, e));
            }
        }
    }
    let rest_after_rnp = rnp.map_or(b + 1, |x| x.1 + 1);
    // "said Trump." / "said the source, adding ...": the speaker closes the clause.
    if rnp.is_some()
        && !(content_end(d, rest_after_rnp, right_limit).is_none()
            || is_comma(d, rest_after_rnp)
            || trailing_adjunct(d, rest_after_rnp, right_limit))
    {
        rnp = None;
    }
    let rest_after_rnp = rnp.map_or(b + 1, |x| x.1 + 1);
    // After a closing quote ("“...,” a Kremlin official told the agency on ...") the
    // quotation is the content unless the cue opens new content.
    let opens_content = b + 1 < right_limit
        && (d.word(b + 1) == "that"
            || d.word(b + 1) == ":"
            || (b > a && d.word(b) == ":")
            || d.quote_opening_at(b + 1).is_some()
            || (matches!(d.word(b + 1), "," | ":") && d.quote_opening_at(b + 2).is_some()));
    // The quotation may end the previous sentence ("“HIGH STAKES!!!” Trump had posted"),
    // then only a short circumstance may follow the cue.
    // A quoted title or phrase inside the subject ("Joe Scarborough, host of MSNBC’s
    // “Morning Joe,” suggested Trump’s refusal …", "Asked on “CBS This Morning,” Sanders
    // said he …") is no quotation of the speaker's when a clause follows the cue.
    let embedded_quote = before > ss + 1
        && d.quote_closing_at(before - 1).is_some_and(|q| {
            q.open > dateline_end(d, ss) && !matches!(d.word(q.open - 1), "," | ":" | "—" | "–")
        });
    let clause_after = !after_cue_empty
        && content_end(d, rest_after_rnp, right_limit).is_some()
        && !is_comma(d, rest_after_rnp)
        && !trailing_adjunct(d, rest_after_rnp, right_limit);
    let after_quote = before > 0
        && d.para[before - 1] == d.para[a]
        && d.quote_closing_at(before - 1).is_some()
        && !opens_content
        && !(embedded_quote && clause_after)
        && (before > ss || trailing_adjunct(d, rest_after_rnp, right_limit));
    let post_content = (before > ss || after_quote)
        && (is_comma(d, before - 1) || d.kinds[before - 1] == TokenKind::Quote)
        && (after_cue_empty
            || content_end(d, rest_after_rnp, right_limit).is_none()
            || is_comma(d, rest_after_rnp)
            || after_quote
            || trailing_adjunct(d, rest_after_rnp, right_limit));

    // Stances, intentions and beliefs ("…, has rejected the label", "…, refused to …")
    // take the content after them when there is one: PolNeAR train has content before such
    // a cue in about one case in twelve.
    let object_first = matches!(cue_class(d, a, b), Some("st" | "in"))
        && !after_cue_empty
        && !after_quote
        && !is_comma(d, b + 1)
        && !trailing_adjunct(d, b + 1, right_limit);
    if post_content
        && !object_first
        && !opens_content
        && (after_cue_empty
            || inverted
            || is_comma(d, b + 1)
            || after_quote
            || trailing_adjunct(d, rest_after_rnp, right_limit))
    {
        f.source = if inverted { rnp } else { lnp };
        // Content before: a quotation ending right there, or the clause from sentence start.
        let mut k = before - 1;
        while k > ss && k > 0 && is_comma(d, k) {
            k -= 1;
        }
        if let Some(q) = d.quote_closing_at(k) {
            // A mixed quote ("Bloomberg's “looks like a vanity candidacy,” says X") starts
            // with the sentence, not with the quotation mark.
            let qs = d.sents[d.sent[q.open]].start;
            let mixed = q.open > qs
                && d.sent[q.open] == d.sent[k]
                && !matches!(d.word(q.open - 1), "," | ":" | "—" | "–")
                && (qs..q.open).all(|x| d.kinds[x] != TokenKind::Quote);
            f.content
                .push((if mixed { dateline_end(d, qs) } else { q.open }, q.close));
            f.direct = true;
        } else if k >= ss {
            let start = match d.in_quote[ss] {
                Some(q) if d.quotes[q].open < ss => d.quotes[q].open,
                _ => dateline_end(d, ss),
            };
            f.content.push((start, k));
            f.open_start = Some((start, k));
            f.direct = d.kinds[start] == TokenKind::Quote;
            // "Many of the closures, he said, have involved …": the attribution interrupts
            // the clause, whose rest is a second piece.
            let r = rest_after_rnp;
            if r + 1 < se
                && (right_limit == se || !cues.iter().any(|c| c.0 > b && c.0 <= r + 1))
                && is_comma(d, r)
                && d.kinds[start] != TokenKind::Quote
                && !trailing_adjunct(d, r + 1, se)
                && !d.word(r + 1).ends_with("ing")
            {
                if let Some(e) =
                    content_end(d, r + 1, se).filter(|&e| !speaker_appositive(d, r + 1, e))
                {
                    f.content.push((r + 1, extend_quote(d, e)));
                    return f;
                }
            }
        }
        f.content
            .extend(frames::following_quote(d, a, rest_after_rnp, se, cues));
        return f;
    }

    let mut f = resolve_participle(d, a, b, cues, right_limit, lnp);
    // "“That, unfortunately,” he said, “is part of …”": the quotation before an
    // interrupting speaker is the first piece.
    if let Some((x, _)) = lnp {
        if f.direct && f.content.len() == 1 {
            if let Some(p) = frames::interrupted_lead(d, x, ss, cues) {
                f.content.insert(0, p);
                return f;
            }
        }
    }
    // "…, which analysts say could be aiding …", "what he called “…”", "who Beck called
    // “…”": a fronted relative pronoun filling a gap of the content is part of it.
    if let Some((x, _)) = lnp {
        if x > ss
            && matches!(d.word(x - 1), "which" | "what" | "who" | "whom" | "that")
            && f.content.len() == 1
            && frames::relative_gap(d, x - 1, f.content[0].0, f.direct)
        {
            f.content.insert(0, (x - 1, x - 1));
        }
    }
    f
}

/// Lexicon class of the cue's last classed word.
fn cue_class(d: &Doc, a: usize, b: usize) -> Option<&'static str> {
    (a..=b).rev().find_map(|i| {
        let w = d.word(i);
        crate::lexicon::class(w, &rashomon_text::stem(w))
    })
}

/// Verbs that put their speaker after them ("…, said Trump").
const INVERTING: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "asks",
    "told",
    "tells",
    "recalled",
    "recalls",
    "explained",
    "explains",
    "noted",
    "notes",
    "continued",
    "replied",
    "reads",
    "read",
    "argued",
    "argues",
    "insisted",
    "declared",
    "observed",
    "warned",
    "concluded",
    "exhorted",
    "quipped",
    "joked",
    "stated",
    "announced",
    "reported",
];

/// "The survey, conducted by …," before a cue: a subject running from the clause start
/// with a modifier set off by commas, comma included. `comma` is the comma before the cue.
fn long_subject(d: &Doc, ss: usize, comma: usize) -> Option<(usize, usize)> {
    let st = dateline_end(d, ss);
    if st >= comma || comma - st > 40 {
        return None;
    }
    let w = d.word(st);
    let np_start = d.is_cap(st)
        || matches!(
            w,
            "the" | "a" | "an" | "several" | "many" | "some" | "hundreds" | "most"
        )
        || d.kinds[st] == TokenKind::Number;
    let inner_comma = (st + 1..comma).any(|k| is_comma(d, k));
    let clean = (st..comma).all(|k| {
        d.kinds[k] != TokenKind::Quote && !matches!(d.word(k), ";" | ":" | "." | "?" | "!")
    });
    let intro = matches!(
        w,
        "in" | "on" | "at" | "after" | "before" | "when" | "while" | "as"
    );
    (np_start && inner_comma && clean && !intro && !PRONOUNS.contains(&w)).then_some((st, comma))
}

/// Cue first: "Trump said (that) ...", "Trump stated, “...”", "adding, “...”".
fn resolve_participle(
    d: &Doc,
    _a: usize,
    b: usize,
    _cues: &[(usize, usize)],
    right_limit: usize,
    lnp: Option<(usize, usize)>,
) -> Found {
    let mut f = Found {
        source: lnp,
        ..Default::default()
    };
    let mut start = b + 1;
    while start < right_limit && matches!(d.word(start), "," | ":" | "—" | "–") {
        start += 1;
    }
    if start >= right_limit {
        // "He said:" closing its paragraph, the quotation opening the next one.
        if right_limit < d.len() && d.para[right_limit] != d.para[b] {
            if let Some(q) = d.quote_opening_at(right_limit).filter(|q| q.closed) {
                f.content.push((q.open, q.close));
                f.direct = true;
            }
        }
        return f;
    }
    // An adjunct before a quotation ("said in a statement: “...”", "told reporters, “...”").
    if d.kinds[start] != TokenKind::Quote {
        let mut k = start;
        while k < right_limit.min(start + 10) && !matches!(d.word(k), "." | "?" | "!" | ";") {
            if k > start && matches!(d.word(k - 1), "," | ":") && d.quote_opening_at(k).is_some() {
                start = k;
                break;
            }
            if d.kinds[k] == TokenKind::Quote {
                break;
            }
            k += 1;
        }
    }
    // An object or adjunct before "that" ("told reporters that", "said in a statement that").
    // Only after verbs with an addressee or before an adjunct: elsewhere "that" is relative
    // ("cast her rival as offering a message that ...").
    let addressee = matches!(
        d.word(b),
        "told"
            | "tell"
            | "tells"
            | "telling"
            | "informed"
            | "reminded"
            | "warned"
            | "assured"
            | "convinced"
            | "notified"
            | "persuaded"
            | "promised"
            | "advised"
            | "urged"
            | "wrote"
    );
    let adjunct = rashomon_text::is_weekday(d.word(start))
        || matches!(
            d.word(start),
            "in" | "on"
                | "at"
                | "to"
                | "during"
                | "after"
                | "before"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "recently"
                | "again"
                | "also"
                | "previously"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "yesterday"
                | "today"
                | "via"
                | "through"
                | "from"
                | "for"
                | "since"
                | "over"
                | "throughout"
        );
    // "has refused to punish schools that …": an infinitive is content, its "that" relative.
    let adjunct = adjunct && !to_infinitive(d, start);
    if d.kinds[start] != TokenKind::Quote && (addressee || adjunct) {
        if let Some(t) = (start..right_limit.min(start + 15))
            .take_while(|&i| {
                !clause_punct(d, i)
                    && !matches!(
                        d.word(i),
                        "he" | "she" | "they" | "it" | "we" | "i" | "there"
                    )
            })
            .find(|&i| d.word(i) == "that")
        {
            start = t;
        }
    }
    // The addressee of "told POLITICO they …", "asked Obama what …", "urged people not to …",
    // "accused Washington of …" is not content.
    if d.word(start) != "that" && d.kinds[start] != TokenKind::Quote {
        start = objects::content_start(d, b, start, right_limit);
    }
    if let Some(q) = d.quote_opening_at(start) {
        f.content.push((q.open, q.close));
        f.direct = true;
    } else if let Some(e) = content_end(d, start, right_limit) {
        let e = extend_quote(d, e);
        f.content.push((start, e));
        let full = content_end_full(d, start, right_limit).map_or(e, |x| extend_quote(d, x).max(e));
        f.open_end = Some((start, e, full));
        f.direct = d.kinds[start] == TokenKind::Quote;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_right_after_a_leading_comma_does_not_underflow() {
        // A stray comma opening the text puts a non-reporting cue at token 1.
        for t in [
            ", endorsed the plan.",
            ", has rejected the label.",
            ", said Smith.",
        ] {
            let an = rashomon_text::analyze(t);
            let d = Doc::new(t, &an);
            let f = resolve(&d, 1, 1, &[(1, 1)]);
            assert!(f.content.iter().all(|c| c.1 < d.len()), "{t}");
        }
    }
}
