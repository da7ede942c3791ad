//! Shallow phrase finding for the attribution rules: subject and object noun
//! phrases, appositives, clause and content ends, datelines, transcript speakers.

use crate::doc::Doc;
use rashomon_model::TokenKind;

/// Words between a subject and its cue that belong to neither.
pub(crate) const SKIP_LEFT: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "did",
    "does",
    "do",
    "also",
    "not",
    "never",
    "just",
    "already",
    "previously",
    "repeatedly",
    "later",
    "then",
    "recently",
    "further",
    "again",
    "still",
    "even",
    "once",
    "often",
    "first",
    "reportedly",
    "publicly",
    "privately",
    "initially",
    "had",
    "been",
    "being",
    "always",
    "falsely",
    "earlier",
    "quickly",
    "similarly",
    "only",
    "now",
];

/// Words that end a subject noun phrase on its left.
pub(crate) const BOUNDARY: &[&str] = &[
    "that", "and", "but", "or", "because", "while", "when", "as", "after", "before", "since", "if",
    "although", "though", "who", "which", "where", "so", "than", "whom", "whose", "what", "how",
    "why", "whether", "until", "unless", "said", "says", "say", "told", "tells",
];

pub const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them",
];

/// Cues that leave the source unexpressed and wrap around their content
/// ("Trump is expected to win", "he reportedly met").
pub(crate) const WRAP_CUES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
    "is expected",
    "are expected",
    "was expected",
    "were expected",
    "is believed",
    "was believed",
    "is said",
    "was said",
    "are said",
    "is reported",
    "was reported",
    "is likely",
    "are likely",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "appear",
    "seem",
];

/// Whether the words `from..=end` after an inverted speaker's comma describe the speaker
/// rather than go on with the content: a relative clause ("…, said Bob King, who notes
/// …") or a noun phrase with no verb ("…, said Katie Harbath, Facebook's outreach
/// director", "…, according to the Human Rights Campaign, an advocacy group").
pub(crate) fn speaker_appositive(d: &Doc, from: usize, end: usize) -> bool {
    if from > end {
        return false;
    }
    if matches!(d.word(from), "who" | "whose" | "whom" | "which") {
        return true;
    }
    let np_start = matches!(
        d.word(from),
        "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "another" | "one"
    ) || (from..=end.min(from + 3)).any(|k| matches!(d.word(k), "'s" | "’s"))
        || d.word(from).ends_with("'s")
        || d.word(from).ends_with("’s");
    let verb = (from..=end).any(|k| {
        let w = d.word(k);
        is_finite_aux(w) || (w.len() > 3 && w.ends_with("ed")) || matches!(w, "said" | "says")
    });
    np_start && !verb
}

/// A determiner or possessive that opens a noun phrase ("the", "his", "these").
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "that"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "this"
            | "these"
            | "those"
    )
}

/// A closing quotation at `q` with a comma just inside it ("… time,” according to"): the
/// quoted clause ends there although no comma follows the mark.
pub(crate) fn comma_inside_closing_quote(d: &Doc, q: usize) -> bool {
    q > 0 && d.kinds[q] == TokenKind::Quote && d.quote_closing_at(q).is_some() && is_comma(d, q - 1)
}

/// A finite auxiliary or modal ("is", "has", "would", "did"): the mark of a clause's verb.
pub(crate) fn is_finite_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
    )
}

pub(crate) fn is_comma(d: &Doc, i: usize) -> bool {
    matches!(d.word(i), "," | "—" | "–" | "―" | "--")
}

pub(crate) fn is_end_punct(d: &Doc, i: usize) -> bool {
    matches!(d.word(i), "." | "!" | "?" | ";" | "…" | "..." | ":")
}

pub(crate) fn clause_punct(d: &Doc, i: usize) -> bool {
    d.kinds[i] == TokenKind::Quote
        || matches!(
            d.word(i),
            "," | ";" | ":" | "—" | "–" | "―" | "--" | "(" | ")" | "." | "!" | "?" | "[" | "]"
        )
}

/// The subject noun phrase ending just before token `end` (exclusive), within `lo..`.
/// Returns inclusive token range.
pub fn left_np(d: &Doc, end: usize, lo: usize) -> Option<(usize, usize)> {
    let mut j = end;
    while j > lo && SKIP_LEFT.contains(&d.word(j - 1))
        || j > lo && d.word(j - 1).ends_with("ly") && j - 1 > lo && !d.is_cap(j - 1)
    {
        j -= 1;
    }
    let hi = j;
    // "..., who said": the relative pronoun is the source as written.
    if j > lo && matches!(d.word(j - 1), "who" | "which" | "that") {
        return Some((j - 1, j - 1));
    }
    while j > lo {
        let k = j - 1;
        // A party tag "(R-Ga.)" belongs to the name before it.
        if d.word(k) == ")" {
            if let Some(open) = (lo..k).rev().take(8).find(|&m| d.word(m) == "(") {
                if open > lo && d.is_cap(open - 1) {
                    j = open;
                    continue;
                }
            }
        }
        let joins_names = d.word(k) == "and"
            && k > lo
            && (d.is_cap(k - 1) && d.is_cap(k + 1) || clause_initial_conjunct(d, lo, k));
        if clause_punct(d, k) || d.word(k) == "-" || (BOUNDARY.contains(&d.word(k)) && !joins_names)
        {
            break;
        }
        // "Her approach of embracing the president she hopes": a subject pronoun starts
        // the speaker.
        if matches!(d.word(k), "he" | "she" | "they" | "we" | "i") {
            j = k;
            break;
        }
        j -= 1;
        if hi - j >= 12 {
            break;
        }
    }
    // Leading sentence adverbs and prepositions are not part of the speaker
    // ("Then someone asked", "by the Human Rights Council").
    while j + 1 < hi && (LEAD_DROP.contains(&d.word(j))) {
        j += 1;
    }
    (j < hi).then(|| (j, hi - 1))
}

pub(crate) const LEAD_DROP: &[&str] = &[
    "then",
    "overall",
    "meanwhile",
    "still",
    "now",
    "so",
    "and",
    "but",
    "yet",
    "also",
    "instead",
    "by",
    "with",
    "for",
    "from",
    "of",
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "indeed",
    "separately",
    "similarly",
    "today",
    "thus",
    "however",
    "even",
    "just",
    "rival",
];

pub(crate) fn is_name_np(d: &Doc, np: (usize, usize)) -> bool {
    // A name is short and capitalised throughout ("Members of the Trump family long ago
    // soured on Lewandowski" is a clause), not a date ("Friday") or a place after a
    // preposition ("In Virginia").
    let name_like = np.1 - np.0 < 7
        && (np.0..=np.1).all(|k| {
            d.is_cap(k)
                || d.kinds[k] != TokenKind::Word
                || matches!(
                    d.word(k),
                    "of" | "'s" | "de" | "van" | "von" | "al" | "bin" | "the"
                )
        })
        && !rashomon_text::is_weekday(d.word(np.0))
        // "Significantly, the judge said": a sentence adverb, not a name before an appositive.
        && !matches!(
            d.word(np.0),
            "significantly"
                | "notably"
                | "importantly"
                | "interestingly"
                | "ironically"
                | "additionally"
                | "finally"
                | "sure"
                | "yes"
                | "no"
                | "well"
                | "again"
                | "likewise"
                | "unsurprisingly"
                | "predictably"
                | "specifically"
                | "initially"
                | "originally"
                | "currently"
                | "recently"
                | "previously"
                | "today"
                | "yesterday"
                | "last"
                | "earlier"
                | "later"
                | "still"
                | "but"
                | "and"
        )
        && !(np.0 > 0 && LEAD_DROP.contains(&d.word(np.0 - 1)));
    name_like
        && (d.is_cap(np.1) || d.word(np.1) == ")")
        && !LEAD_DROP.contains(&d.word(np.0))
        && !matches!(
            d.word(np.0),
            "during"
                | "in"
                | "after"
                | "before"
                | "while"
                | "when"
                | "with"
                | "for"
                | "overall"
                | "meanwhile"
        )
}

/// A noun phrase starting at `start` (inverted "said Trump"), up to punctuation or a boundary word.
pub fn right_np(d: &Doc, start: usize, hi: usize) -> Option<(usize, usize)> {
    let mut j = start;
    while j < hi && j - start < 10 {
        // "Sen. Chris Murphy (D-Conn.)": abbreviation points and a party tag belong to the name.
        if d.word(j) == "." && j > start && is_abbrev(d, j - 1) && j + 1 < hi && d.is_cap(j + 1) {
            j += 1;
            continue;
        }
        if d.word(j) == "(" && j > start && d.is_cap(j - 1) {
            if let Some(c) = (j + 1..hi.min(j + 8)).find(|&k| d.word(k) == ")") {
                if d.is_cap(j + 1) && (j + 1..c).any(|k| d.word(k).contains('-')) {
                    j = c + 1;
                    continue;
                }
            }
        }
        if clause_punct(d, j) || BOUNDARY.contains(&d.word(j)) {
            break;
        }
        // "said a person close to the Clintons", "a senior official at the Pentagon": a
        // role noun keeps its complement (a name, or "the"/"both" before one).
        if j > start && role_complement(d, j, hi) {
            j += 1;
            continue;
        }
        // Adjuncts after the speaker ("said Trump on Friday") are not part of it.
        if j > start
            && matches!(
                d.word(j),
                "in" | "on" | "at" | "during" | "to" | "after" | "before" | "about" | "when"
            )
        {
            break;
        }
        j += 1;
    }
    // A finite verb means this is a clause ("said the vote was wrong"), not a speaker.
    let verb = (start..j).any(|k| {
        matches!(
            d.word(k),
            "is" | "was"
                | "are"
                | "were"
                | "will"
                | "would"
                | "has"
                | "have"
                | "had"
                | "could"
                | "should"
                | "can"
                | "did"
                | "does"
                | "do"
                | "may"
                | "might"
                | "must"
        )
    });
    (j > start && !verb).then(|| (start, j - 1))
}

pub(crate) fn appositive_start(d: &Doc, i: usize) -> bool {
    let w = d.word(i);
    const NOT: &[&str] = &[
        "in",
        "at",
        "on",
        "for",
        "with",
        "from",
        "by",
        "during",
        "after",
        "before",
        "meanwhile",
        "however",
        "though",
        "too",
        "also",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "then",
        "now",
        "later",
        "earlier",
        "instead",
        "in",
        "of",
        "to",
        "speaking",
        "asked",
        "appearing",
    ];
    if NOT.contains(&w) || (w.ends_with("ly") && !d.is_cap(i)) {
        return false;
    }
    // "Chris Coons, Democrat of Delaware", "Lorella Praeli, Clinton's Latino vote director".
    if d.is_cap(i)
        && matches!(w, "democrat" | "republican" | "independent")
        && d.word(i + 1) == "of"
    {
        return true;
    }
    // A possessive name, titles included ("Mrs. Clinton's communications director").
    if d.is_cap(i) {
        let mut k = i;
        while k < d.len() && k - i < 5 && (d.is_cap(k) || d.word(k) == ".") {
            k += 1;
        }
        if k + 1 < d.len() && d.word(k) == "'s" && !d.is_cap(k + 1) {
            return true;
        }
    }
    matches!(
        w,
        "a" | "an" | "the" | "who" | "whose" | "one" | "both" | "his" | "her" | "their" | "its"
    ) || (!d.is_cap(i) && d.kinds[i] == TokenKind::Word && !BOUNDARY.contains(&w))
        || d.kinds[i] == TokenKind::Number
}

/// "Michael Kofman, an expert on Russia at the Wilson Center, said": the name, its
/// appositive and the closing comma, when the token before the cue is that comma.
pub(crate) fn left_appositive(d: &Doc, comma: usize, ss: usize) -> Option<(usize, usize)> {
    let mut k = comma;
    // Opening comma of the appositive, within 30 tokens, no sentence punctuation between.
    while k > ss && comma - k < 30 {
        k -= 1;
        if d.kinds[k] == TokenKind::Quote || matches!(d.word(k), "." | ";" | ":" | "?" | "!") {
            return None;
        }
        if is_comma(d, k) {
            break;
        }
    }
    if k <= ss || !is_comma(d, k) || k + 1 >= comma {
        return None;
    }
    // A short capitalised appositive ("Feinstein, Democrat of California,") or a name after a
    // role ("Apple's chief executive, Tim Cook,").
    let short_cap = d.is_cap(k + 1) && comma - k <= 7 && !LEAD_DROP.contains(&d.word(k + 1));
    if short_cap {
        if let Some(name) = left_np(d, k, ss) {
            let at_clause_start = name.0 == ss || clause_punct(d, name.0 - 1);
            if name.1 + 1 == k && at_clause_start && !PRONOUNS.contains(&d.word(name.0)) {
                return Some((name.0, comma));
            }
        }
    }
    if !appositive_start(d, k + 1) {
        // A parenthetical ("Zelenskyy, for his part, has insisted"): the name alone.
        let name = left_np(d, k, ss)?;
        let paren = matches!(
            d.word(k + 1),
            "for"
                | "in"
                | "meanwhile"
                | "however"
                | "too"
                | "though"
                | "also"
                | "then"
                | "now"
                | "instead"
                | "at"
                | "on"
        );
        return (paren && d.is_cap(name.1) && name.1 + 1 == k && comma - k <= 6).then_some(name);
    }
    let name = left_np(d, k, ss)?;
    (is_name_np(d, name) && name.1 + 1 == k).then_some((name.0, comma))
}

/// Subject of the sentence's main clause: a leading pronoun, or a capitalised
/// name with its title and determiner, after any introductory phrase ending in a comma.
pub(crate) fn subject_np(d: &Doc, ss: usize, limit: usize) -> Option<(usize, usize)> {
    // "WASHINGTON ― Hillary Clinton's campaign …": the dateline is not the subject.
    let ss = dateline_end(d, ss).min(limit);
    let mut i = ss;
    let intro = rashomon_text::is_weekday(d.word(ss))
        || matches!(
            d.word(ss),
            "back"
                | "once"
                | "since"
                | "throughout"
                | "for"
                | "with"
                | "under"
                | "among"
                | "amid"
                | "following"
                | "like"
                | "unlike"
                | "given"
                | "over"
                | "last"
                | "this"
                | "today"
                | "yesterday"
                | "until"
        )
        || matches!(
            d.word(ss),
            "before"
                | "after"
                | "in"
                | "on"
                | "at"
                | "despite"
                | "while"
                | "when"
                | "as"
                | "asked"
                | "speaking"
                | "during"
                | "earlier"
                | "later"
                | "meanwhile"
                | "but"
                | "still"
                | "also"
                | "however"
        )
        || d.word(ss).ends_with("ing");
    if intro {
        while i < limit && !is_comma(d, i) {
            i += 1;
        }
        i += 1;
    }
    if i >= limit {
        return None;
    }
    // "And Marco Rubio, pushing out …": a leading conjunction is not the subject.
    while i + 1 < limit && matches!(d.word(i), "and" | "but" | "so" | "yet" | "still" | "then") {
        i += 1;
    }
    if matches!(d.word(i), "he" | "she" | "they" | "we" | "i") {
        return Some((i, i));
    }
    let start = i;
    if matches!(d.word(i), "the" | "a" | "an") {
        i += 1;
    }
    let mut end = None;
    while i < limit
        && (d.is_cap(i)
            || d.word(i) == "'s"
            || (d.word(i) == "and" && end.is_some() && d.is_cap(i + 1)))
        && d.kinds[i] == TokenKind::Word
    {
        end = Some(i);
        i += 1;
        // "Many liberal Democrats", "Democratic front-runner Hillary Clinton": after a
        // quantifier or a nationality/party adjective, lowercase modifiers lead on to a
        // capitalised head.
        if i < limit
            && !d.is_cap(i)
            && (matches!(d.word(start), "many" | "most" | "some" | "several" | "all")
                || ["ic", "an", "ish", "ese"]
                    .iter()
                    .any(|s| d.word(i - 1).ends_with(s)))
        {
            let modifier = |k: usize| {
                k < limit
                    && d.kinds[k] == TokenKind::Word
                    && !d.is_cap(k)
                    && !BOUNDARY.contains(&d.word(k))
                    && !PRONOUNS.contains(&d.word(k))
                    && !["ed", "ing", "ly"].iter().any(|s| d.word(k).ends_with(s))
            };
            let head = |k: usize| k < limit && d.kinds[k] == TokenKind::Word && d.is_cap(k);
            if modifier(i) && head(i + 1) {
                i += 1;
            } else if modifier(i) && modifier(i + 1) && head(i + 2) {
                i += 2;
            }
        }
    }
    end.map(|e| (start, e))
}

/// "to temper his tone" (an infinitive) against "to reporters", "to CNN", "to the crowd"
/// (an adjunct naming who was addressed): `to` at `i` followed by a lower-case word that
/// opens no noun phrase.
pub(crate) fn to_infinitive(d: &Doc, i: usize) -> bool {
    d.word(i) == "to"
        && i + 1 < d.len()
        && d.kinds[i + 1] == TokenKind::Word
        && !d.is_cap(i + 1)
        && !is_determiner(d.word(i + 1))
        && !matches!(
            d.word(i + 1),
            "my" | "your"
                | "him"
                | "them"
                | "me"
                | "us"
                | "you"
                | "reporters"
                | "supporters"
                | "voters"
                | "some"
                | "many"
                | "all"
        )
}

/// "on Friday", "in a statement", "to reporters": what follows the cue is circumstance, not content.
pub(crate) fn trailing_adjunct(d: &Doc, from: usize, limit: usize) -> bool {
    const STARTS: &[&str] = &[
        "in",
        "on",
        "at",
        "to",
        "during",
        "after",
        "before",
        "earlier",
        "later",
        "last",
        "this",
        "yesterday",
        "today",
        "tonight",
        "via",
        "through",
        "from",
        "while",
        "recently",
        "afterward",
        "again",
    ];
    let Some(end) = content_end(d, from, limit) else {
        return true;
    };
    let infinitive = from < end && to_infinitive(d, from);
    !infinitive
        && (STARTS.contains(&d.word(from)) || rashomon_text::is_weekday(d.word(from)))
        && end - from < 12
        && (from..=end).all(|k| d.word(k) != "that" && d.kinds[k] != TokenKind::Quote)
}

/// First token after a dateline ("WASHINGTON (Reuters) - ", "KYIV — ") at sentence start `ss`.
pub(crate) fn dateline_end(d: &Doc, ss: usize) -> usize {
    let mut i = ss;
    while i < d.len()
        && i - ss < 8
        && (d.raw(i).chars().all(|c| !c.is_lowercase())
            || d.is_cap(i) && i > ss && d.word(i - 1) == "(")
        && d.kinds[i] != TokenKind::Quote
    {
        if matches!(d.word(i), "-" | "—" | "–" | "―" | "--") && i > ss && d.para[i] == d.para[ss]
        {
            return i + 1;
        }
        i += 1;
    }
    ss
}

/// [`content_end`] without the clause cuts: the longest content the sentence allows.
pub(crate) fn content_end_full(d: &Doc, from: usize, sent_end: usize) -> Option<usize> {
    let mut e = sent_end;
    while e > from && (is_end_punct(d, e - 1) || is_comma(d, e - 1)) {
        e -= 1;
    }
    (e > from).then(|| e - 1)
}

/// End of the sentence content: last token before the final punctuation, closing quote kept.
pub(crate) fn content_end(d: &Doc, from: usize, sent_end: usize) -> Option<usize> {
    let mut e = sent_end;
    // Cut at a clause that no longer belongs to the reported content.
    let mut k = from + 1;
    while k + 1 < sent_end {
        if let Some(q) = d.in_quote[k] {
            if d.quotes[q].open == k {
                k = d.quotes[q].close + 1;
                continue;
            }
        }
        // (", but" and ", while" are left to the learned end ranker: annotators keep
        // them about as often as not.)
        if (is_comma(d, k) && matches!(d.word(k + 1), "which" | "whereas"))
            || (is_comma(d, k)
                && d.word(k + 1) == "and"
                && matches!(
                    d.word(k + 2),
                    "said"
                        | "says"
                        | "added"
                        | "called"
                        | "urged"
                        | "told"
                        | "asked"
                        | "noted"
                        | "argued"
                        | "warned"
                ))
            || d.word(k) == ";"
        {
            e = k;
            break;
        }
        k += 1;
    }
    while e > from && (is_end_punct(d, e - 1) || is_comma(d, e - 1)) {
        e -= 1;
    }
    (e > from).then(|| e - 1)
}

/// Extends a content end inside a quotation that runs past the sentence to the quote's end.
pub(crate) fn extend_quote(d: &Doc, end: usize) -> usize {
    match d.in_quote[end] {
        Some(q) if d.quotes[q].close > end && d.quotes[q].open <= end => d.quotes[q].close,
        _ => end,
    }
}

/// A colon after 1-3 capitalised words opening a paragraph ("PENCE:", "Pat Caddell:").
pub fn speaker_colon(d: &Doc, i: usize) -> bool {
    colon_speaker_start(d, i).is_some()
}

/// First token of the speaker of a colon cue at `i` (see [`speaker_colon`]).
pub fn colon_speaker_start(d: &Doc, i: usize) -> Option<usize> {
    if d.word(i) != ":" || i == 0 {
        return None;
    }
    let s0 = d.sents[d.sent[i]].start;
    let para_start = s0 == 0 || d.para[s0 - 1] != d.para[s0];
    // A digest item ("IOWA POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: “…”"): the
    // speaker follows the item's title and a dash.
    let dash = (s0 + 1..i)
        .rev()
        .find(|&k| matches!(d.word(k), "-" | "—" | "–" | "―" | "--"))
        .filter(|_| d.quote_opening_at(i + 1).is_some());
    let ss = dash.map_or(s0, |k| k + 1);
    if ss >= i {
        return None;
    }
    if colon_furniture(d, ss, i) {
        return None;
    }
    // A longer name ("Michael P. McDonald: “…”", "Blumenthal and Cohen: “…”") when a
    // quotation follows.
    let quote_next = d.quote_opening_at(i + 1).is_some();
    let max = if quote_next { 7 } else { 3 };
    let ok = para_start
        && i > ss
        && i - ss <= max
        && d.is_cap(i - 1)
        && (ss..i).all(|k| {
            (d.is_cap(k) && d.kinds[k] == TokenKind::Word)
                || (quote_next && matches!(d.word(k), "and" | "." | "'s"))
        })
        && i + 1 < d.len()
        && d.para[i + 1] == d.para[i];
    ok.then_some(ss)
}

/// Page furniture and headline hooks before a colon ("Editor's Note:", "BREAKING:",
/// "For example:", "BYLINE:"): `first` is the first word of the would-be speaker,
/// `colon` the colon. None of them names who speaks.
pub fn colon_furniture(d: &Doc, first: usize, colon: usize) -> bool {
    let lead = matches!(
        d.word(first),
        "editor's"
            | "email"
            | "contributing"
            | "twitter"
            | "follow"
            | "photo"
            | "read"
            | "update"
            | "correction"
            | "related"
            | "see"
            | "watch"
            | "video"
            | "note"
            | "reporting"
            | "facebook"
            | "subscribe"
            | "credit"
            | "sources"
            | "source"
            | "breaking"
            | "exclusive"
            | "revealed"
            | "busted"
            | "bombshell"
            | "boom"
            | "wow"
            | "look"
            | "byline"
            | "so"
    );
    let last = colon > first
        && matches!(
            d.word(colon - 1),
            "example" | "instance" | "byline" | "pledged" | "name" | "update" | "updates"
        );
    lead || last
}

/// A dash right after a closing quotation and before a capitalised name.
pub fn dash_byline(d: &Doc, i: usize) -> bool {
    matches!(d.word(i), "―" | "—" | "–")
        && i > 0
        && d.kinds[i - 1] == TokenKind::Quote
        && d.para[i - 1] == d.para[i]
        && d.is_cap(i + 1)
}

/// A title abbreviation written with a point ("Sen.", "Gov.", "Mr.").
fn is_abbrev(d: &Doc, i: usize) -> bool {
    matches!(
        d.word(i),
        "sen"
            | "rep"
            | "gov"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "lt"
            | "col"
            | "sgt"
            | "st"
            | "jr"
            | "sr"
            | "prof"
            | "rev"
            | "atty"
            | "lt. gov"
            | "u.s"
            | "capt"
            | "cmdr"
            | "adm"
    ) && d.is_cap(i)
}

/// Trailing time adjunct of a speaker phrase ("Terry McAuliffe on Friday",
/// "Rep. Brad Sherman last month"): the first token of the adjunct, if any.
pub(crate) fn time_adjunct_start(d: &Doc, np: (usize, usize)) -> Option<usize> {
    let (a, b) = np;
    let day =
        |w: &str| rashomon_text::is_weekday(w) || matches!(w, "today" | "yesterday" | "tonight");
    if b > a && day(d.word(b)) {
        return Some(if d.word(b - 1) == "on" && b - 1 > a {
            b - 1
        } else {
            b
        });
    }
    if b > a + 1
        && matches!(d.word(b - 1), "last" | "this" | "earlier" | "next")
        && matches!(
            d.word(b),
            "week" | "month" | "year" | "weekend" | "spring" | "summer" | "fall" | "winter"
        )
    {
        return Some(b - 1);
    }
    None
}

/// Whether the preposition at `j` opens the complement of the role noun before it
/// ("adviser to both Clintons", "official at the Pentagon"), not a time or
/// circumstance adjunct ("said Trump on Friday", "the source in an interview").
fn role_complement(d: &Doc, j: usize, hi: usize) -> bool {
    const ROLES: &[&str] = &[
        "close",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "aide",
        "aides",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "source",
        "sources",
        "member",
        "members",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "professor",
        "expert",
        "experts",
        "analyst",
        "analysts",
        "strategist",
        "consultant",
        "fellow",
        "researcher",
        "economist",
        "leader",
        "leaders",
        "ally",
        "allies",
        "friend",
        "donor",
        "donors",
        "secretary",
        "ambassador",
        "envoy",
        "executive",
        "president",
        "head",
        "lawyer",
        "attorney",
        "article",
        "report",
        "editorial",
        "statement",
        "staffer",
        "staffers",
    ];
    if !matches!(d.word(j), "to" | "at" | "for" | "with" | "in") || !ROLES.contains(&d.word(j - 1))
    {
        return false;
    }
    let mut k = j + 1;
    if k < hi && matches!(d.word(k), "the" | "both") {
        k += 1;
    }
    k < hi && d.is_cap(k) && !rashomon_text::is_weekday(d.word(k))
}

/// "Current and former officials said", "Clinton and the State Department have said": the
/// first conjunct of a coordinated subject runs from the clause start to `and` at `k`,
/// short, with names, determiners and modifiers only.
fn clause_initial_conjunct(d: &Doc, lo: usize, k: usize) -> bool {
    let mut st = k;
    while st > lo && !clause_punct(d, st - 1) {
        st -= 1;
    }
    const MODS: &[&str] = &[
        "the", "current", "former", "many", "some", "other", "both", "his", "her", "their", "its",
        "top", "senior", "several", "most", "local", "state", "federal", "u.s.",
    ];
    const DETS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "some", "many", "other", "both", "several",
        "most", "all",
    ];
    let plain = |i: usize| {
        d.kinds[i] == TokenKind::Word
            && !BOUNDARY.contains(&d.word(i))
            && !LEAD_DROP.contains(&d.word(i))
            && !PRONOUNS.contains(&d.word(i))
    };
    if st >= k || k - st > 5 || !(st == lo || clause_punct(d, st - 1)) || !(st..k).all(plain) {
        return false;
    }
    let names = k - st <= 4 && (st..k).all(|i| d.is_cap(i) || MODS.contains(&d.word(i)));
    // Lower-case nominals ("union members and leaders", "the Florida senator and …"): a
    // determiner first or a plural head after a modifier, and nothing verb-like.
    let verbish = (st..k).any(|i| {
        let w = d.word(i);
        !d.is_cap(i) && (w.ends_with("ed") || w.ends_with("ing"))
    });
    let last = d.word(k - 1);
    let nominal = !verbish
        && (DETS.contains(&d.word(st))
            || last.ends_with('s') && !last.ends_with("ss") && !d.is_cap(k - 1) && !d.is_cap(st));
    names || nominal
}
