//! Per-article token view shared by the cue tagger and the attribution rules:
//! lower-cased words, sentence and paragraph of each token, and quotation regions.

use rashomon_model::{AnalyzedText, Span, TokenKind};

/// A quotation: token range of the marks themselves (inclusive open .. inclusive close).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    /// Last token of the quote: the closing mark, or the paragraph's last token when unclosed.
    pub close: usize,
    /// True when the closing mark was found (false: the quote runs on into the next paragraph).
    pub closed: bool,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub spans: Vec<Span>,
    pub kinds: Vec<TokenKind>,
    pub lower: Vec<String>,
    pub sent: Vec<usize>,
    pub para: Vec<usize>,
    /// Token ranges of sentences.
    pub sents: Vec<std::ops::Range<usize>>,
    pub quotes: Vec<Quote>,
    /// Index into `quotes` for tokens inside (or on the marks of) a quotation.
    pub in_quote: Vec<Option<usize>>,
}

fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, analysis: &AnalyzedText) -> Doc<'a> {
        let n = analysis.tokens.len();
        let mut d = Doc {
            text,
            spans: Vec::with_capacity(n),
            kinds: Vec::with_capacity(n),
            lower: Vec::with_capacity(n),
            sent: vec![0; n],
            para: vec![0; n],
            sents: Vec::with_capacity(analysis.sentences.len()),
            quotes: Vec::new(),
            in_quote: vec![None; n],
        };
        for t in &analysis.tokens {
            d.spans.push(t.span);
            d.kinds.push(t.kind);
            d.lower.push(lower(t.span.slice(text)));
        }
        for (si, s) in analysis.sentences.iter().enumerate() {
            let r = s.tokens.start.min(n)..s.tokens.end.min(n);
            for i in r.clone() {
                d.sent[i] = si;
                d.para[i] = s.paragraph;
            }
            d.sents.push(r);
        }
        d.find_quotes();
        d
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn word(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }

    pub fn raw(&self, i: usize) -> &str {
        self.spans.get(i).map(|s| s.slice(self.text)).unwrap_or("")
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_punct(&self, i: usize) -> bool {
        matches!(self.kinds.get(i), Some(TokenKind::Punct | TokenKind::Quote))
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..self.spans[i].start)?.chars().next_back()
    }
    fn char_after(&self, i: usize) -> Option<char> {
        self.text.get(self.spans[i].end..)?.chars().next()
    }

    /// Double-quote regions ("..." “...” and two-apostrophe ''...''), per paragraph.
    fn find_quotes(&mut self) {
        let n = self.len();
        let mut open: Option<usize> = None;
        let mut i = 0;
        while i < n {
            if let Some(o) = open {
                if self.para[i] != self.para[o] {
                    self.quotes.push(Quote {
                        open: o,
                        close: i - 1,
                        closed: false,
                    });
                    open = None;
                }
            }
            if self.kinds[i] != TokenKind::Quote {
                i += 1;
                continue;
            }
            let raw = self.raw(i);
            // '' used as a double quote (NYT style): two adjacent apostrophes.
            let double_apos = raw == "'"
                && i + 1 < n
                && self.raw(i + 1) == "'"
                && self.spans[i + 1].start == self.spans[i].end;
            let (is_double, last) = if double_apos {
                (true, i + 1)
            } else {
                (matches!(raw, "\"" | "“" | "”" | "„" | "«" | "»"), i)
            };
            if !is_double {
                i += 1;
                continue;
            }
            let before_space = self
                .char_before(i)
                .is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
            let after_space = self
                .char_after(last)
                .is_none_or(|c| c.is_whitespace() || ".,;:!?)]—–-".contains(c));
            let opener = match raw {
                "“" | "„" | "«" => true,
                "”" | "»" => false,
                _ => {
                    if before_space && !after_space {
                        true
                    } else if after_space && !before_space {
                        false
                    } else {
                        open.is_none()
                    }
                }
            };
            match (opener, open) {
                (true, None) => open = Some(i),
                (true, Some(_)) => {
                    // A new opening mark while open: treat the old one as unclosed.
                    if let Some(o) = open {
                        self.quotes.push(Quote {
                            open: o,
                            close: i - 1,
                            closed: false,
                        });
                    }
                    open = Some(i);
                }
                (false, Some(o)) => {
                    self.quotes.push(Quote {
                        open: o,
                        close: last,
                        closed: true,
                    });
                    open = None;
                }
                (false, None) => {}
            }
            i = last + 1;
        }
        if let Some(o) = open {
            self.quotes.push(Quote {
                open: o,
                close: n - 1,
                closed: false,
            });
        }
        for (qi, q) in self.quotes.iter().enumerate() {
            for slot in &mut self.in_quote[q.open..=q.close.min(n - 1)] {
                *slot = Some(qi);
            }
        }
    }

    /// The quote whose opening mark is token `i`.
    pub fn quote_opening_at(&self, i: usize) -> Option<Quote> {
        let q = self.quotes[self.in_quote.get(i).copied()??];
        (q.open == i).then_some(q)
    }

    /// The quote whose closing mark is token `i`.
    pub fn quote_closing_at(&self, i: usize) -> Option<Quote> {
        let q = self.quotes[self.in_quote.get(i).copied()??];
        (q.close == i && q.closed).then_some(q)
    }

    /// Byte span from the start of token `a` to the end of token `b` (inclusive).
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.spans[a].start, self.spans[b].end)
    }
}
