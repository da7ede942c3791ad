//! Word tokenisation with byte offsets.

use crate::segment::is_quote_char;
use rashomon_model::{Span, Token, TokenKind};

/// Lower-cased abbreviations (without the final period) that keep their period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "prof", "rev",
    "st", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct",
    "nov", "dec", "vs", "v", "ft", "mt", "inc", "corp", "co", "ltd", "jr", "sr", "maj", "adm",
    "cmdr", "pres", "supt", "hon", "messrs", "ald", "atty", "etc", "approx", "dept", "est", "gens",
    "reps", "sens", "govs", "fig", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "d.c", "u.s.a",
    "l.a", "n.y", "ph.d",
];

/// True for "U.S.", "a.m.", "Gov." and single initials like "J.".
pub fn is_abbreviation(word: &str) -> bool {
    let core = word.strip_suffix('.').unwrap_or(word);
    if core.is_empty() {
        return false;
    }
    let lower = core.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Initials: one letter, or letter.letter(.letter)* like "U.S" or "F.B.I".
    let mut chars = core.chars();
    let single = chars.next().is_some_and(|c| c.is_alphabetic()) && chars.next().is_none();
    if single && word.ends_with('.') && core.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    core.contains('.')
        && core
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Tokenises the whole of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}

pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let Some(part) = text.get(span.start..span.end) else {
        return;
    };
    let base = span.start;
    let chars: Vec<(usize, char)> = part.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { part.len() };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            // A word or number: letters/digits joined by internal ' ’ - . , (for numbers) &.
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next_alnum = j + 1 < n && chars[j + 1].1.is_alphanumeric();
                let prev_digit = chars[j - 1].1.is_ascii_digit();
                let next_digit = j + 1 < n && chars[j + 1].1.is_ascii_digit();
                let joins = match cj {
                    '\'' | '’' | '-' | '‑' => next_alnum,
                    '.' => {
                        next_alnum
                            && (prev_digit && next_digit
                                || !chars[j + 1].1.is_lowercase()
                                || is_dotted_so_far(&chars[start..j]))
                    }
                    ',' => {
                        prev_digit && next_digit && j + 3 < n + 1 && is_thousands(&chars[j + 1..])
                    }
                    '&' => next_alnum && chars[j - 1].1.is_uppercase(),
                    _ => false,
                };
                if joins {
                    j += 1;
                } else {
                    break;
                }
            }
            // Keep a final period on abbreviations ("U.S.", "Gov.", "a.m.").
            if j < n && chars[j].1 == '.' {
                let word = &part[byte_at(start)..byte_at(j + 1)];
                if is_abbreviation(word) {
                    j += 1;
                }
            }
            // "%" directly after a number belongs to it.
            if j < n && chars[j].1 == '%' && chars[j - 1].1.is_ascii_digit() {
                j += 1;
            }
            let word = &part[byte_at(start)..byte_at(j)];
            kind = if word.chars().next().is_some_and(|c| c.is_ascii_digit())
                && word.chars().any(|c| c.is_ascii_digit())
                && !word.chars().any(|c| c.is_alphabetic() && c != 's')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            i = j;
        } else if is_quote_char(c) {
            kind = TokenKind::Quote;
            i += 1;
        } else if c.is_ascii_punctuation() || matches!(c, '—' | '–' | '…' | '•') {
            kind = TokenKind::Punct;
            // Collapse runs like "!!!" or "..." into one token.
            let mut j = i + 1;
            while j < n && chars[j].1 == c {
                j += 1;
            }
            i = j;
        } else {
            kind = TokenKind::Symbol;
            i += 1;
        }
        out.push(Token {
            span: Span::new(base + byte_at(start), base + byte_at(i)),
            kind,
        });
    }
}

fn is_dotted_so_far(chars: &[(usize, char)]) -> bool {
    // "U.S" being built: every segment so far is a single letter.
    chars.iter().all(|(_, c)| c.is_alphabetic() || *c == '.')
        && chars.iter().filter(|(_, c)| c.is_alphabetic()).count() <= 4
        && chars.len() <= 7
        && chars.iter().step_by(2).all(|(_, c)| c.is_alphabetic())
        && chars.iter().skip(1).step_by(2).all(|(_, c)| *c == '.')
}

fn is_thousands(rest: &[(usize, char)]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(|(_, c)| c.is_ascii_digit())
        && rest.get(3).is_none_or(|(_, c)| !c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|tok| tok.span.slice(t)).collect()
    }

    #[test]
    fn keeps_abbreviations_numbers_and_contractions() {
        assert_eq!(
            words("The U.S. paid $1,500.50 (3.5%) at 10 a.m. — don’t “go”!!!"),
            vec![
                "The", "U.S.", "paid", "$", "1,500.50", "(", "3.5%", ")", "at", "10", "a.m.", "—",
                "don’t", "“", "go", "”", "!!!"
            ]
        );
    }

    #[test]
    fn sentence_final_period_is_separate() {
        assert_eq!(words("He left Kyiv."), vec!["He", "left", "Kyiv", "."]);
        assert_eq!(
            words("Elmendorf-Richardson, 2018."),
            vec!["Elmendorf-Richardson", ",", "2018", "."]
        );
    }

    #[test]
    fn token_kinds() {
        let t = "In 2019 “yes” 5";
        let kinds: Vec<_> = tokenize(t).iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![
                TokenKind::Word,
                TokenKind::Number,
                TokenKind::Quote,
                TokenKind::Word,
                TokenKind::Quote,
                TokenKind::Number
            ]
        );
    }
}
