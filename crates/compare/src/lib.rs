//! The `compare` stage: aligns statements across the sources of one story.

use rashomon_model::{CopyLink, Document, Story};

/// Compares the documents of one story. `docs` are the story's members; `copies` links among them
/// (indices into `docs`) so a wire story reprinted by several outlets counts once.
pub fn compare_story(id: &str, docs: &[&Document], copies: &[CopyLink]) -> Story {
    let _ = copies;
    Story {
        id: id.to_string(),
        title: docs.first().map(|d| d.article.title.clone()).unwrap_or_default(),
        documents: docs.iter().map(|d| d.article.id.clone()).collect(),
        sources: vec![],
        entities: vec![],
        quotes: vec![],
        facts: vec![],
    }
}
