//! The `extract` stage: who and what one article names, who said what, and
//! which numbers and dates it reports.
//!
//! Each extractor works on one article and its `text`-stage analysis and
//! returns byte spans into the article text:
//! - [`entities`]: named entities from the shipped tagger, linked into alias chains;
//! - attributions (direct, partial and indirect quotes with speakers) from `rashomon-attrib`;
//! - [`values`]: numbers, quantities and dates, relative dates resolved against the publication date.

pub mod entities;
pub mod values;

use rashomon_model::{AnalyzedText, Article, Extraction};

/// Runs every extractor over one analysed article.
pub fn extract(article: &Article, analysis: &AnalyzedText) -> Extraction {
    let text = &article.text;
    let raw = entities::recognize(text, analysis);
    let (mentions, entities) = entities::link(text, raw);
    let attributions = rashomon_attrib::extract(text, analysis, &mentions, &entities);
    let published = values::parse_published(article.published.as_deref());
    let values = values::extract_values(text, analysis, published);
    Extraction {
        mentions,
        entities,
        attributions,
        values,
    }
}
