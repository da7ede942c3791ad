//! Shared types that flow between Rashomon's pipeline stages.
//!
//! Every stage reads and writes these types only, so a stage never needs to
//! know about the stages after it. All spans are byte offsets into the
//! article's `text`, which makes every output item traceable back to the
//! exact sentence it came from.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The slice of `text` this span covers, or "" when it does not fit.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One news report as ingested, before any analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier, unique within a run (given by the input or derived from it).
    pub id: String,
    /// The outlet that published it ("Reuters", "example-times").
    pub source: String,
    pub title: String,
    /// Publication date or date-time in ISO 8601 form when known ("2025-08-15" or "2025-08-15T10:00:00Z").
    pub published: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Where it was read from (file path, with `#n` for the n-th record of a multi-article file).
    pub path: Option<String>,
    /// Main body text, UTF-8, paragraphs separated by blank lines. Spans index into this.
    pub text: String,
}

/// Coarse token classes, enough for downstream features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// Opening or closing quotation mark (straight or curly, single or double).
    Quote,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index range into [`AnalyzedText::tokens`].
    pub tokens: Range<usize>,
    /// Paragraph number (0-based) the sentence belongs to.
    pub paragraph: usize,
}

/// Output of the `text` stage: sentences and tokens with byte offsets.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnalyzedText {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl AnalyzedText {
    /// Index of the sentence containing byte offset `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let idx = self.sentences.partition_point(|s| s.span.end <= pos);
        (idx < self.sentences.len() && self.sentences[idx].span.start <= pos).then_some(idx)
    }
    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        self.sentences
            .get(i)
            .and_then(|s| self.tokens.get(s.tokens.clone()))
            .unwrap_or(&[])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Location,
    /// Nationalities, events, works and other names (CoNLL MISC, OntoNotes NORP).
    Misc,
}

impl EntityType {
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Misc => "misc",
        }
    }
}

/// One occurrence of a name in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    pub span: Span,
    pub entity_type: EntityType,
    /// Index into [`Extraction::entities`]: the article-level entity this mention belongs to.
    pub entity: usize,
}

/// An entity within one article: an alias chain of its mentions
/// ("United States President Donald Trump" … "Trump").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntity {
    /// The longest, most complete name used in the article (titles stripped).
    pub name: String,
    pub entity_type: EntityType,
    /// Distinct surface forms used in the article.
    pub aliases: Vec<String>,
    /// Indices into [`Extraction::mentions`].
    pub mentions: Vec<usize>,
}

/// Who said what: one attribution relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker span as written ("Trump", "he", "a Kremlin official"); `None` for source-less attributions.
    pub source: Option<Span>,
    /// Resolved speaker: index into [`Extraction::entities`] when the source refers to a named entity.
    pub speaker_entity: Option<usize>,
    /// The reporting word(s): said, told, according to, posted ...
    pub cue: Option<Span>,
    /// Content spans (a quote split by its cue has two).
    pub content: Vec<Span>,
    /// True when the content is inside quotation marks (direct or partial quote).
    pub direct: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Date,
    Year,
    Number,
    Percent,
    Money,
    Quantity,
}

/// A number, quantity or date mentioned in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Value {
    pub span: Span,
    pub kind: ValueKind,
    /// Normalised value: ISO date ("2025-08-15", "2025-08", "2019") for dates and years,
    /// a decimal number for the rest.
    pub normalized: String,
    /// Numeric magnitude when it has one (years included), for comparison.
    pub number: Option<f64>,
    /// Unit or head noun following a number ("people", "troops", "%", "USD").
    pub unit: Option<String>,
}

/// Everything the `extract` stage finds in one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extraction {
    pub mentions: Vec<EntityMention>,
    pub entities: Vec<DocEntity>,
    pub attributions: Vec<Attribution>,
    pub values: Vec<Value>,
}

/// An article with all per-article analysis attached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub article: Article,
    pub analysis: AnalyzedText,
    pub extraction: Extraction,
}

/// A link from an article to another it copies (exactly, nearly, or in part).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyLink {
    /// Index of the copy.
    pub copy: usize,
    /// Index of the article it copies (the earliest / first seen).
    pub original: usize,
    pub kind: CopyKind,
    /// Jaccard similarity or containment score that justified the link.
    pub score: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CopyKind {
    Exact,
    Near,
    /// One article contains most of the other (a wire story with an added lead).
    Contained,
}

/// A group of articles that report the same story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryGroup {
    /// Indices of member documents, in input order.
    pub members: Vec<usize>,
}

/// A pointer to a span of text in one document, with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactStatus {
    Corroborated,
    Unique,
    Conflict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    Date,
    Number,
    Polarity,
    Attribution,
    Quote,
}

/// An aligned group of statements across the sources of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub status: FactStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ConflictKind>,
    pub summary: String,
    /// The outlets that carry it (a wire story reprinted by several outlets names them all).
    pub sources: Vec<String>,
    pub mentions: Vec<Mention>,
    /// For conflicts: the differing words of each side (a value, a clause, a quote).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<Mention>,
    /// For corroborated facts: one of its sentences is also a side of a conflict of the
    /// story (the sources agree on the event but differ on a detail of it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disputed: bool,
}

/// One quote as reported across the sources of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryQuote {
    pub speaker: Option<String>,
    pub text: String,
    pub mentions: Vec<Mention>,
}

/// A canonical entity of a story, merging spelling variants across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub aliases: Vec<String>,
    pub mentions: Vec<EntityRef>,
}

/// A canonical entity of a whole corpus: every article's mentions of one
/// real-world person, organisation or place, under all its spellings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusEntity {
    /// Store id, stable once assigned.
    pub id: i64,
    /// The fullest, most used name.
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Distinct surface forms seen, sorted.
    pub aliases: Vec<String>,
    /// Articles that mention it.
    pub articles: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityRef {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// Per-document metadata as it appears in the brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefDocument {
    pub id: String,
    pub source: String,
    pub title: String,
    pub published: Option<String>,
    pub url: Option<String>,
    pub path: Option<String>,
    pub text: String,
    /// When this document copies another: the original's id and how.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<CopyOf>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyOf {
    pub doc: String,
    pub kind: CopyKind,
}

/// The comparison of one story across its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub documents: Vec<String>,
    pub sources: Vec<String>,
    pub entities: Vec<StoryEntity>,
    pub quotes: Vec<StoryQuote>,
    pub facts: Vec<Fact>,
}

/// The whole output of a `brief` run: the JSON contract in `docs/brief-format.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub documents: Vec<BriefDocument>,
    pub stories: Vec<Story>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_at_finds_containing_sentence() {
        let a = AnalyzedText {
            sentences: vec![
                Sentence {
                    span: Span::new(0, 5),
                    tokens: 0..0,
                    paragraph: 0,
                },
                Sentence {
                    span: Span::new(6, 10),
                    tokens: 0..0,
                    paragraph: 0,
                },
            ],
            tokens: vec![],
        };
        assert_eq!(a.sentence_at(0), Some(0));
        assert_eq!(a.sentence_at(5), None);
        assert_eq!(a.sentence_at(7), Some(1));
        assert_eq!(a.sentence_at(10), None);
    }

    #[test]
    fn span_slice_is_safe_out_of_range() {
        assert_eq!(Span::new(2, 50).slice("abc"), "");
        assert_eq!(Span::new(1, 3).slice("abc"), "bc");
    }
}
